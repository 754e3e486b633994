// parktwin-server's request targets come from any client that reaches its port: the path and
// query are percent-decoded by server::percentDecode / parseQuery before routing and
// authentication (api.hpp). Its configuration file (server.json) is read by parseServerConfig.
// Input: a request target (the whole input), also tried as a listen address and as server.json.
// Properties: a query that parses holds every key=value pair, and each decoded key and value,
// percent-encoded again here (RFC 3986 2.1, written independently) and parsed, comes back
// unchanged; a refused configuration names its file.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "api.hpp"
#include "server_config.hpp"

using namespace parktwin::server;

namespace {

std::string percentEncode(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_' ||
        u == '.' || u == '~') {
      out += c;
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", u);
      out += escaped;
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view target(reinterpret_cast<const char*>(data), size);
  const auto question = target.find('?');
  (void)percentDecode(target.substr(0, question), false);
  const std::string_view queryText = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  if (auto query = parseQuery(queryText)) {
    std::string again;
    for (const auto& [key, value] : *query) {
      again += (again.empty() ? "" : "&") + percentEncode(key) + "=" + percentEncode(value);
    }
    auto reparsed = parseQuery(again);
    if (!reparsed || *reparsed != *query) std::abort();
  }
  if (auto endpoint = parseEndpoint(target)) {
    if (target.find(':') == std::string_view::npos) std::abort();
  }
  auto config = parseServerConfig(std::string(target), "server.json");
  if (!config && config.error().message.rfind("server.json", 0) != 0) std::abort();
  return 0;
}
