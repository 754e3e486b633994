#include "server_config.hpp"

#include <openssl/evp.h>

#include <array>
#include <charconv>
#include <cstdio>

#include "parktwin/model/json_reader.hpp"

namespace parktwin::server {
namespace {

using model::detail::ObjectReader;
using model::detail::Problems;

constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles{
    {{Role::viewer, "viewer"}, {Role::operator_, "operator"}, {Role::planner, "planner"}, {Role::admin, "admin"}}};

bool isSha256Hex(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

void readUsers(const nlohmann::json& array, const std::string& path, Problems& problems, ServerConfig& config) {
  std::vector<std::string> roleWords;
  for (const auto& [role, word] : kRoles) roleWords.emplace_back(word);
  for (std::size_t i = 0; i < array.size(); ++i) {
    ObjectReader r(array[i], path + "/" + std::to_string(i), problems);
    if (!r.valid()) continue;
    User user;
    user.name = r.id("name");
    user.role = parseRole(r.oneOf("role", roleWords)).value_or(Role::viewer);
    user.token_sha256 = r.string("token_sha256");
    if (!user.token_sha256.empty() && !isSha256Hex(user.token_sha256)) {
      problems.add(r.pathOf("token_sha256"), "expected the SHA-256 of the token as 64 lowercase hex digits "
                                             "(printf %s TOKEN | sha256sum), got " + model::detail::describe(array[i]["token_sha256"]));
    }
    config.users.push_back(std::move(user));
  }
}

}  // namespace

std::string_view toText(Role role) {
  for (const auto& [r, word] : kRoles) {
    if (r == role) return word;
  }
  return "viewer";
}

std::optional<Role> parseRole(std::string_view text) {
  for (const auto& [r, word] : kRoles) {
    if (word == text) return r;
  }
  return std::nullopt;
}

Result<Endpoint> parseEndpoint(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return fail(ErrorCode::invalid_input, "listen address \"" + std::string(text) + "\": expected HOST:PORT, e.g. 127.0.0.1:8600");
  }
  Endpoint e;
  std::string_view host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  e.host = std::string(host);
  const std::string_view port = text.substr(colon + 1);
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc{} || end != port.data() + port.size() || value > 65535) {
    return fail(ErrorCode::invalid_input, "listen address \"" + std::string(text) + "\": port must be a number 0..65535");
  }
  e.port = static_cast<std::uint16_t>(value);
  return e;
}

bool isLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

Result<ServerConfig> parseServerConfig(const std::string& jsonText, const std::string& source) {
  auto parsed = model::detail::parseJson(jsonText, source);
  if (!parsed) return std::unexpected(parsed.error());
  Problems problems;
  ServerConfig config;
  {
    ObjectReader r(*parsed, "", problems);
    if (!r.valid()) return problems.failure(source);
    const std::string listen = r.string("listen", false);
    if (!listen.empty()) {
      auto endpoint = parseEndpoint(listen);
      if (endpoint) config.listen = *endpoint;
      else problems.add("/listen", endpoint.error().message);
    }
    if (const auto* tls = r.object("tls")) {
      ObjectReader t(*tls, "/tls", problems);
      config.tls_cert_file = t.string("cert_file");
      config.tls_key_file = t.string("key_file");
    }
    if (const auto* users = r.array("users")) readUsers(*users, "/users", problems, config);
    config.max_body_bytes = static_cast<std::size_t>(r.integer("max_body_bytes", 1024, 256 << 20, false, 1 << 20));
    config.network_threads = r.integer("network_threads", 1, 64, false, 2);
    config.read_threads = r.integer("read_threads", 1, 64, false, 2);
    config.live_batch_ms = r.integer("live_batch_ms", 10, 10'000, false, 50);
  }
  if (!problems.empty()) return problems.failure(source);
  return config;
}

Result<ServerConfig> loadServerConfig(const std::filesystem::path& file) {
  auto text = model::detail::readTextFile(file, "server configuration file");
  if (!text) return std::unexpected(text.error());
  return parseServerConfig(*text, file.string());
}

Result<void> checkExposure(const ServerConfig& config) {
  if (isLoopback(config.listen.host)) return {};
  const std::string where = config.listen.host + ":" + std::to_string(config.listen.port);
  if (config.tls_cert_file.empty() || config.tls_key_file.empty()) {
    return fail(ErrorCode::invalid_input,
                "refusing to listen on " + where + " without TLS: tokens would cross the network in clear text. "
                "Give \"tls\": {\"cert_file\": ..., \"key_file\": ...} in the configuration, or listen on 127.0.0.1");
  }
  if (config.users.empty()) {
    return fail(ErrorCode::invalid_input, "refusing to listen on " + where +
                                              " with no users: anyone could act as admin. Add \"users\" with token hashes");
  }
  return {};
}

std::string sha256Hex(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr);
  std::string hex;
  hex.reserve(2 * length);
  char pair[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(pair, sizeof pair, "%02x", digest[i]);
    hex += pair;
  }
  return hex;
}

}  // namespace parktwin::server
