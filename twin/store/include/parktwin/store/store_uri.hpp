#pragma once
// The text that names a store (openStore): a SQLite file or a ClickHouse cluster.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parktwin/common/result.hpp"

namespace parktwin::store {

enum class StoreKind { sqlite, clickhouse };

// How the ClickHouse store answers stateAt (docs/server.md, "stateAt on a long history"):
// `window` reads the samples near T first and goes further back only for tags not found yet;
// `scan` is one argMax over every sample at or before T (the first version, kept as the
// benchmark's baseline and as a fallback should the windowed reads ever misbehave on a cluster).
enum class StateQuery { window, scan };
// "window" / "scan"; nullopt for any other text.
std::optional<StateQuery> stateQueryFromText(std::string_view text);

struct ClickHouseAddress {
  std::string host;
  int http_port = 8123;
  std::string database;
  std::string park = "default";      // one cluster holds many parks; rows carry the park
  std::string cluster = "parktwin";  // the <remote_servers> entry the Distributed tables use
  std::string spool_dir;             // empty: a folder per (host, port, database, park) under the user's state dir
  StateQuery state_query = StateQuery::window;
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

// "park.db", "sqlite:park.db", "clickhouse://[USER[:PASSWORD]@]HOST:PORT/DB[?park=P&cluster=C&spool=DIR&state=window|scan]"
// (USER and PASSWORD percent-encoded where they hold ':', '@' or '/').
// An error says which part is wrong and what was expected.
Result<StoreUri> parseStoreUri(const std::string& uri);

}  // namespace parktwin::store
