#include "opcua_gateway.hpp"

#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "parktwin/feed/opcua_source.hpp"

namespace parktwin::feed {
namespace {

std::string_view securityName(OpcUaSecurity security) {
  switch (security) {
    case OpcUaSecurity::none: return "none";
    case OpcUaSecurity::basic256sha256_sign: return "basic256sha256_sign";
    case OpcUaSecurity::basic256sha256_sign_and_encrypt: return "basic256sha256_sign_and_encrypt";
  }
  return "none";
}

bool isExecutable(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

std::optional<std::filesystem::path> onPath(std::string_view name) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/bin:/bin";
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    const std::filesystem::path candidate = std::filesystem::path(dirs.substr(0, colon)) / name;
    if (isExecutable(candidate)) return candidate;
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
  }
  return std::nullopt;
}

std::vector<std::filesystem::path> gatewayCandidates() {
  constexpr std::string_view script = "gateway/opcua/parktwin-opcua-gateway.js";
  std::vector<std::filesystem::path> candidates;
  if (const char* env = std::getenv("PARKTWIN_OPCUA_GATEWAY"); env && *env) candidates.emplace_back(env);
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back((self.parent_path() / ".." / "share" / "parktwin" / script).lexically_normal());
  candidates.push_back(std::filesystem::path("/usr/share/parktwin") / script);
  return candidates;
}

}  // namespace

std::string opcUaGatewayPark(std::string_view sourceId) {
  std::string park = "opcua-";
  for (char c : sourceId) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    park += plain ? c : '_';
  }
  return park;
}

Result<OpcUaGatewayProgram> findOpcUaGateway() {
  OpcUaGatewayProgram program;
  std::string tried;
  for (const auto& candidate : gatewayCandidates()) {
    tried += "\n  " + candidate.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(candidate, ec)) continue;
    if (!std::filesystem::is_directory(candidate.parent_path() / "node_modules", ec)) {
      return fail("the OPC UA gateway " + candidate.string() + " has no node_modules beside it: run `npm ci --omit=dev` in " +
                  candidate.parent_path().string() + " (scripts/setup does)");
    }
    program.script = candidate;
    break;
  }
  if (program.script.empty()) return fail("the OPC UA gateway (parktwin-opcua-gateway.js) is not installed; looked at:" + tried);
  if (const char* env = std::getenv("PARKTWIN_NODE"); env && *env) {
    program.node = env;
  } else if (auto node = onPath("node")) {
    program.node = *node;
  } else if (auto nodejs = onPath("nodejs")) {
    program.node = *nodejs;
  }
  if (program.node.empty() || !isExecutable(program.node)) {
    return fail("the OPC UA gateway needs Node.js 18 or newer: install the nodejs package (node not found on PATH)");
  }
  return program;
}

namespace detail {

std::string opcUaGatewayConfig(const OpcUaSource& source, const BrokerOptions& broker, std::string_view park,
                               std::string_view clientId, std::string_view pkiDir) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const auto& node : source.nodes) {
    nodes.push_back({{"node_id", node.node_id}, {"tag", node.mapping.tag}, {"sampling_interval_ms", node.sampling_interval_ms}});
  }
  nlohmann::json mqtt = {{"host", broker.host}, {"port", broker.port}, {"client_id", clientId}};
  if (!broker.username.empty()) {
    mqtt["username"] = broker.username;
    mqtt["password"] = broker.password;
  }
  if (!broker.tls_ca_file.empty()) mqtt["ca_file"] = broker.tls_ca_file;
  nlohmann::json config = {{"endpoint", source.endpoint}, {"security", securityName(source.security)},
                           {"park", park},            {"nodes", nodes},
                           {"mqtt", mqtt}};
  if (!source.certificate_file.empty()) config["certificate_file"] = source.certificate_file;
  if (!source.private_key_file.empty()) config["private_key_file"] = source.private_key_file;
  if (!source.username.empty()) {
    config["username"] = source.username;
    config["password"] = source.password;
  }
  if (!pkiDir.empty()) config["pki_dir"] = pkiDir;
  return config.dump();
}

namespace {
// A field's text, or `fallback` when it is missing or not a string: json::value() would throw
// type_error for a field of another type, out of the source's reader thread.
std::string textField(const nlohmann::json& object, const char* key, const std::string& fallback) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}
}  // namespace

std::optional<GatewayEvent> parseGatewayLine(std::string_view line) {
  const auto json = nlohmann::json::parse(line, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("level") || !json["level"].is_string()) return std::nullopt;
  GatewayEvent event;
  const std::string level = textField(json, "level", "");
  if (level == "error") {
    event.kind = GatewayEvent::Kind::error;
    // The gateway words each error in both languages; a line of another writer may have neither.
    const bool worded = json.contains("message");
    event.message = textField(json, "message", "unknown gateway error");
    event.message_zh = textField(json, "message_zh", worded ? "" : "未知的网关错误");
    const std::string kind = textField(json, "kind", "");
    event.loosesConnection = kind == "endpoint" || kind == "session" || kind == "connection_lost" || kind == "config";
    return event;
  }
  const std::string name = textField(json, "event", "");
  if (name == "connected") event.kind = GatewayEvent::Kind::connected;
  if (name == "subscribed") event.kind = GatewayEvent::Kind::subscribed;
  return event;
}

}  // namespace detail
}  // namespace parktwin::feed
