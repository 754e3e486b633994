// Store URIs: the forms docs/server.md lists, and errors that say what was expected.
#include <gtest/gtest.h>

#include "parktwin/store/store_uri.hpp"

namespace parktwin::store {
namespace {

TEST(StoreUri, APathOrSqliteSchemeIsTheHistorianFile) {
  auto plain = parseStoreUri("data/park.db");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->kind, StoreKind::sqlite);
  EXPECT_EQ(plain->sqlite_path, "data/park.db");
  auto scheme = parseStoreUri("sqlite:/tmp/x.db");
  ASSERT_TRUE(scheme);
  EXPECT_EQ(scheme->sqlite_path, "/tmp/x.db");
}

TEST(StoreUri, ClickHouseGivesHostHttpPortDatabaseAndOptions) {
  auto uri = parseStoreUri("clickhouse://10.0.0.5:8123/parktwin?park=smelter&cluster=twin&spool=/var/spool/pt");
  ASSERT_TRUE(uri) << uri.error().message;
  EXPECT_EQ(uri->kind, StoreKind::clickhouse);
  EXPECT_EQ(uri->clickhouse.host, "10.0.0.5");
  EXPECT_EQ(uri->clickhouse.http_port, 8123);
  EXPECT_EQ(uri->clickhouse.database, "parktwin");
  EXPECT_EQ(uri->clickhouse.park, "smelter");
  EXPECT_EQ(uri->clickhouse.cluster, "twin");
  EXPECT_EQ(uri->clickhouse.spool_dir, "/var/spool/pt");
  auto defaults = parseStoreUri("clickhouse://localhost:8123/db");
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->clickhouse.park, "default");
  EXPECT_EQ(defaults->clickhouse.cluster, "parktwin");
  EXPECT_NE(defaults->clickhouse.spool_dir.find("parktwin/spool/localhost_8123_db_default"), std::string::npos);
}

TEST(StoreUri, MalformedUrisSayWhatIsWrong) {
  const std::pair<const char*, const char*> cases[] = {
      {"clickhouse://host/db", "expected clickhouse://HOST:PORT/DATABASE"},
      {"clickhouse://host:80x/db", "port '80x' is not a number"},
      {"clickhouse://host:99999/db", "port '99999'"},
      {"clickhouse://host:8123/", "database must be"},
      {"clickhouse://host:8123/db?shard=2", "unknown parameter 'shard'"},
      {"clickhouse://host:8123/db?park=a b", "park and cluster"},
      {"influx://host:8086/db", "unknown scheme"},
      {"sqlite:", "no file name"},
  };
  for (const auto& [uri, expected] : cases) {
    auto parsed = parseStoreUri(uri);
    ASSERT_FALSE(parsed) << uri;
    EXPECT_NE(parsed.error().message.find(expected), std::string::npos) << uri << ": " << parsed.error().message;
    EXPECT_EQ(parsed.error().code, ErrorCode::invalid_input);
  }
}

}  // namespace
}  // namespace parktwin::store
