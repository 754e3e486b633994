#pragma once
// A real two-shard ClickHouse cluster for tests: scripts/cluster in a temp folder of its own, on
// random loopback ports, stopped (down) when the object goes.
#include <filesystem>
#include <optional>
#include <string>

namespace parktwin::store::test {

class ClickHouseCluster {
 public:
  // Why no cluster can run here (clickhouse-server missing), or nullopt.
  static std::optional<std::string> unavailable();

  ClickHouseCluster();
  ~ClickHouseCluster();
  ClickHouseCluster(const ClickHouseCluster&) = delete;
  ClickHouseCluster& operator=(const ClickHouseCluster&) = delete;

  // scripts/cluster up; false (with the script's output in error()) if it did not come up.
  bool up();
  bool stopShard(int shard);
  bool startShard(int shard);
  const std::string& uri() const { return uri_; }  // clickhouse://127.0.0.1:PORT/parktwin
  int tcpPort(int shard) const;
  const std::string& error() const { return error_; }
  // The oracle: runs `sql` with clickhouse-client on one shard's own TCP port; its output trimmed.
  std::optional<std::string> clientQuery(int shard, const std::string& sql) const;

 private:
  bool script(const std::string& args, std::string* output = nullptr);
  std::filesystem::path dir_;
  std::string uri_;
  std::string error_;
  bool started_ = false;
};

}  // namespace parktwin::store::test
