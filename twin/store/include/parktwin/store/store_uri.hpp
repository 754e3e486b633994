#pragma once
// The text that names a store (openStore): a SQLite file or a ClickHouse cluster.
#include <cstdint>
#include <string>

#include "parktwin/common/result.hpp"

namespace parktwin::store {

enum class StoreKind { sqlite, clickhouse };

struct ClickHouseAddress {
  std::string host;
  int http_port = 8123;
  std::string database;
  std::string park = "default";      // one cluster holds many parks; rows carry the park
  std::string cluster = "parktwin";  // the <remote_servers> entry the Distributed tables use
  std::string spool_dir;             // empty: a folder per (host, port, database, park) under the user's state dir
};

struct StoreUri {
  StoreKind kind = StoreKind::sqlite;
  std::string sqlite_path;
  ClickHouseAddress clickhouse;
};

// "park.db", "sqlite:park.db", "clickhouse://HOST:PORT/DB[?park=P&cluster=C&spool=DIR]".
// An error says which part is wrong and what was expected.
Result<StoreUri> parseStoreUri(const std::string& uri);

}  // namespace parktwin::store
