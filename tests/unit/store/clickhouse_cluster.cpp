#include "clickhouse_cluster.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace parktwin::store::test {
namespace {

// Runs a shell command; its stdout and stderr together, and whether it exited 0.
bool capture(const std::string& command, std::string& output) {
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return false;
  std::array<char, 4096> buffer{};
  output.clear();
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

std::optional<std::string> ClickHouseCluster::unavailable() {
  if (::access("/usr/sbin/clickhouse-server", X_OK) == 0) return std::nullopt;
  std::string ignored;
  if (capture("command -v clickhouse-server || command -v clickhouse", ignored)) return std::nullopt;
  return "clickhouse-server is not installed (apt install clickhouse-server clickhouse-client)";
}

ClickHouseCluster::ClickHouseCluster() {
  std::string pattern = (std::filesystem::temp_directory_path() / "parktwin-cluster-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
}

ClickHouseCluster::~ClickHouseCluster() {
  if (started_) (void)script("down");
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

bool ClickHouseCluster::script(const std::string& args, std::string* output) {
  std::string out;
  const bool ok = capture("PARKTWIN_CLUSTER_DIR='" + dir_.string() + "' '" PARKTWIN_SOURCE_DIR "/scripts/cluster' " + args, out);
  if (!ok) error_ = "scripts/cluster " + args + ": " + out;
  if (output) *output = trimmed(out);
  return ok;
}

bool ClickHouseCluster::up() {
  started_ = true;  // down also cleans up after a half-started cluster
  std::string out;
  if (!script("up", &out)) return false;
  uri_ = out.substr(out.rfind('\n') == std::string::npos ? 0 : out.rfind('\n') + 1);
  return uri_.starts_with("clickhouse://");
}

bool ClickHouseCluster::stopShard(int shard) { return script("stop-shard " + std::to_string(shard)); }
bool ClickHouseCluster::startShard(int shard) { return script("start-shard " + std::to_string(shard)); }

int ClickHouseCluster::tcpPort(int shard) const {
  std::ifstream in(dir_ / ("shard" + std::to_string(shard)) / "tcp_port");
  int port = 0;
  in >> port;
  return port;
}

std::optional<std::string> ClickHouseCluster::clientQuery(int shard, const std::string& sql) const {
  std::string out;
  if (!capture("clickhouse-client --host 127.0.0.1 --port " + std::to_string(tcpPort(shard)) + " --query \"" + sql + "\"",
               out)) {
    return std::nullopt;
  }
  return trimmed(out);
}

}  // namespace parktwin::store::test
