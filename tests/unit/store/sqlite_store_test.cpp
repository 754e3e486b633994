// The SQLite historian behind the Store interface: acknowledgements are alarm_ack events in the
// file (read back with sqlite3's own API as the oracle), kept apart from the other events.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "parktwin/store/store.hpp"
#include "temp_dir.hpp"

namespace parktwin::store::test {
namespace {

TEST(SqliteStore, AcknowledgementsAreAlarmAckEventsKeptApartFromEvents) {
  TempDir dir;
  const std::string path = dir.file("acks.db");
  {
    auto store = openStore(path);
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_EQ((*store)->describe(), "sqlite:" + path);
    ASSERT_TRUE((*store)->appendEvent({1000, "failure", 3, "pot1", "pot 1 tripped", ""}));
    ASSERT_TRUE((*store)->acknowledge({2000, "hot_pot", "pot1", "ops", "fan on"}));
    ASSERT_TRUE((*store)->flush());
    auto events = (*store)->eventsBetween(0, 5000);
    ASSERT_TRUE(events);
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ(events->front().kind, "failure");
    auto acks = (*store)->acknowledgementsBetween(0, 5000);
    ASSERT_TRUE(acks);
    ASSERT_EQ(acks->size(), 1u);
    EXPECT_EQ(acks->front(), (Acknowledgement{2000, "hot_pot", "pot1", "ops", "fan on"}));
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT ts_ms, object, json_extract(payload, '$.rule'), json_extract(payload, '$.user') "
                                   "FROM events WHERE kind = 'alarm_ack'", -1, &stmt, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int64(stmt, 0), 2000);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)), "pot1");
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 2)), "hot_pot");
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3)), "ops");
  EXPECT_EQ(sqlite3_step(stmt), SQLITE_DONE);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST(SqliteStore, OpenStoreRefusesAReadOnlyFileThatIsMissing) {
  TempDir dir;
  auto store = openStore("sqlite:" + dir.file("missing.db"), StoreOptions{.read_only = true, .historian = {}});
  EXPECT_FALSE(store);
}

}  // namespace
}  // namespace parktwin::store::test
