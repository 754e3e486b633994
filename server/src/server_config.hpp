#pragma once
// parktwin-server's configuration file (server.json, docs/server.md "The API server"): where
// it listens, TLS, the users with their roles and token hashes, and limits. Tokens are never
// stored: the file holds the SHA-256 of each token, a request's token is hashed and looked up.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"

namespace parktwin::server {

// Each role may do what the ones before it may: viewer reads, operator acknowledges alarms,
// planner runs scenarios, admin is everything (today: what planner may).
enum class Role { viewer, operator_, planner, admin };
std::string_view toText(Role role);
std::optional<Role> parseRole(std::string_view text);

struct User {
  std::string name;
  Role role = Role::viewer;
  std::string token_sha256;  // 64 lowercase hex digits
};

struct Endpoint {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8600;
};

struct ServerConfig {
  Endpoint listen;
  std::string tls_cert_file;  // PEM; both or neither
  std::string tls_key_file;
  std::vector<User> users;    // empty: no authentication, allowed on loopback only
  std::size_t max_body_bytes = 1 << 20;
  int network_threads = 2;
  int read_threads = 2;       // history reads and flow solutions, off the network threads
  int live_batch_ms = 50;     // WebSocket values are sent in batches this often (50: p99 < 100 ms, docs/server.md)
};

// Reads server.json; errors name the JSON path ("server.json: /users/1/role: ...").
Result<ServerConfig> loadServerConfig(const std::filesystem::path& file);
Result<ServerConfig> parseServerConfig(const std::string& jsonText, const std::string& source);
// "127.0.0.1:8600", "[::1]:8600", "0.0.0.0:443".
Result<Endpoint> parseEndpoint(std::string_view text);
bool isLoopback(const std::string& host);
// Refuses what would expose the API: beyond loopback without TLS, or without any user.
Result<void> checkExposure(const ServerConfig& config);

std::string sha256Hex(std::string_view text);

}  // namespace parktwin::server
