// Store URIs: the forms docs/server.md lists, and errors that say what was expected.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "parktwin/store/store_uri.hpp"
#include "temp_dir.hpp"

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
  auto uri = parseStoreUri("clickhouse://10.0.0.5:8123/parktwin?park=smelter&cluster=twin&spool=/var/spool/pt&state=scan");
  ASSERT_TRUE(uri) << uri.error().message;
  EXPECT_EQ(uri->kind, StoreKind::clickhouse);
  EXPECT_EQ(uri->clickhouse.host, "10.0.0.5");
  EXPECT_EQ(uri->clickhouse.http_port, 8123);
  EXPECT_EQ(uri->clickhouse.database, "parktwin");
  EXPECT_EQ(uri->clickhouse.park, "smelter");
  EXPECT_EQ(uri->clickhouse.cluster, "twin");
  EXPECT_EQ(uri->clickhouse.spool_dir, "/var/spool/pt");
  EXPECT_EQ(uri->clickhouse.state_query, StateQuery::scan);
  auto defaults = parseStoreUri("clickhouse://localhost:8123/db");
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->clickhouse.park, "default");
  EXPECT_EQ(defaults->clickhouse.cluster, "parktwin");
  EXPECT_EQ(defaults->clickhouse.state_query, StateQuery::window);
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
      {"clickhouse://host:8123/db?state=fast", "state 'fast' is not window or scan"},
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

TEST(StoreUri, UserAndPasswordComeFromTheUriPercentDecoded) {
  auto uri = parseStoreUri("clickhouse://planner:s%3Acr%40t@10.0.0.5:8123/parktwin?park=beidu");
  ASSERT_TRUE(uri) << uri.error().message;
  EXPECT_EQ(uri->clickhouse.user, "planner");
  EXPECT_EQ(uri->clickhouse.password, "s:cr@t");
  EXPECT_EQ(uri->clickhouse.host, "10.0.0.5");
  EXPECT_EQ(uri->clickhouse.park, "beidu");
  auto noPassword = parseStoreUri("clickhouse://reader@h:8123/db");
  ASSERT_TRUE(noPassword) << noPassword.error().message;
  EXPECT_EQ(noPassword->clickhouse.user, "reader");
  EXPECT_EQ(noPassword->clickhouse.password, "");
}

TEST(StoreUri, MessagesNeverShowThePassword) {
  auto bad = parseStoreUri("clickhouse://planner:hunter2@h:80x/db");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message.find("hunter2"), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("planner:***@h"), std::string::npos) << bad.error().message;
  auto escape = parseStoreUri("clickhouse://planner:%zz@h:8123/db");
  ASSERT_FALSE(escape);
  EXPECT_NE(escape.error().message.find("bad percent escape"), std::string::npos) << escape.error().message;
}

TEST(StoreUri, WithoutUserInTheUriTheEnvironmentsCredentialsApply) {
  test::TempDir dir;
  const auto file = dir.path() / "password";
  std::ofstream(file) << "from-file\n";
  ::setenv("PARKTWIN_CLICKHOUSE_USER", "envuser", 1);
  ::setenv("PARKTWIN_CLICKHOUSE_PASSWORD", "from-env", 1);
  auto fromEnv = parseStoreUri("clickhouse://h:8123/db");
  ::setenv("PARKTWIN_CLICKHOUSE_PASSWORD_FILE", file.c_str(), 1);
  auto fromFile = parseStoreUri("clickhouse://h:8123/db");
  auto uriWins = parseStoreUri("clickhouse://other:pw@h:8123/db");
  ::unsetenv("PARKTWIN_CLICKHOUSE_USER");
  ::unsetenv("PARKTWIN_CLICKHOUSE_PASSWORD");
  ::unsetenv("PARKTWIN_CLICKHOUSE_PASSWORD_FILE");
  ASSERT_TRUE(fromEnv && fromFile && uriWins);
  EXPECT_EQ(std::pair(fromEnv->clickhouse.user, fromEnv->clickhouse.password), std::pair(std::string("envuser"), std::string("from-env")));
  EXPECT_EQ(fromFile->clickhouse.password, "from-file");
  EXPECT_EQ(std::pair(uriWins->clickhouse.user, uriWins->clickhouse.password), std::pair(std::string("other"), std::string("pw")));
}

}  // namespace
}  // namespace parktwin::store
