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
  // ClickHouse user and password (HTTP basic auth): from USER:PASSWORD@ in the URI, else from
  // PARKTWIN_CLICKHOUSE_USER and PARKTWIN_CLICKHOUSE_PASSWORD or _PASSWORD_FILE (a file keeps
  // the password out of process lists and shell history). Empty user: ClickHouse's default.
  std::string user;
  std::string password;
};

struct StoreUri {
  StoreKind kind = StoreKind::sqlite;
  std::string sqlite_path;
  ClickHouseAddress clickhouse;
};

// "park.db", "sqlite:park.db", "clickhouse://[USER[:PASSWORD]@]HOST:PORT/DB[?park=P&cluster=C&spool=DIR]"
// (USER and PASSWORD percent-encoded where they hold ':', '@' or '/').
// An error says which part is wrong and what was expected.
Result<StoreUri> parseStoreUri(const std::string& uri);

}  // namespace parktwin::store
