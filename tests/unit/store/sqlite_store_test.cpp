// The SQLite historian behind the Store interface: acknowledgements are alarm_ack events in the
// file (read back with sqlite3's own API as the oracle), kept apart from the other events.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "parktwin/store/state_spans.hpp"
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

// The spans a local replay and GET .../spans read: the state at t0 is the last report of the
// day before it (worked out by hand: reports at t0 - 23 h, t0 + 10 min, t0 + 40 min).
TEST(SqliteStore, StoredStateSpansLookBackADayForTheStateAtTheStart) {
  TempDir dir;
  auto store = openStore(dir.file("spans.db"));
  ASSERT_TRUE(store) << store.error().message;
  constexpr std::int64_t kMin = 60'000, t0 = 100 * 24 * 60 * kMin;
  ASSERT_TRUE((*store)->append("quiet.state", t0 - 25 * 60 * kMin, 1));  // more than a day before: not read
  ASSERT_TRUE((*store)->append("line.state", t0 - 23 * 60 * kMin, 3));
  ASSERT_TRUE((*store)->append("line.state", t0 + 10 * kMin, 0));
  ASSERT_TRUE((*store)->append("line.state", t0 + 40 * kMin, 2));
  ASSERT_TRUE((*store)->flush());
  auto spans = storedStateSpans(**store, "line.state", t0, t0 + 60 * kMin);
  ASSERT_TRUE(spans) << spans.error().message;
  const std::vector<StateSpan> expected{{t0, t0 + 10 * kMin, 3}, {t0 + 10 * kMin, t0 + 40 * kMin, 0},
                                        {t0 + 40 * kMin, t0 + 60 * kMin, 2}};
  EXPECT_EQ(*spans, expected);
  // Starting 90 min later, the last report of the day before is still the one at +40 min.
  auto later = storedStateSpans(**store, "line.state", t0 + 90 * kMin, t0 + 150 * kMin);
  ASSERT_TRUE(later);
  EXPECT_EQ(*later, (std::vector<StateSpan>{{t0 + 90 * kMin, t0 + 150 * kMin, 2}}));
  auto quiet = storedStateSpans(**store, "quiet.state", t0, t0 + 60 * kMin);
  ASSERT_TRUE(quiet);
  EXPECT_TRUE(quiet->empty());
}

}  // namespace
}  // namespace parktwin::store::test
