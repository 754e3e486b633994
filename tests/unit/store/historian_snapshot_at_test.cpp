// Historian::snapshotAt: a writer that appends in time order into a new file hands the state at
// T over from memory. The row written is checked against hand-written states, read straight
// from the file with SQLite and the snapshot layout; the cases where memory is not the truth
// are refused or dropped.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <optional>

#include "parktwin/store/historian.hpp"
#include "snapshot_codec.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

constexpr std::int64_t kT0 = 1'767'225'600'000;  // 2026-01-01T00:00Z

HistorianOptions noOwnSnapshots() {
  HistorianOptions o;
  o.snapshot_every_ms = 0;
  return o;
}

// The snapshot row at `ts`, decoded, or nullopt when the file has none there.
std::optional<std::vector<SnapshotEntry>> snapshotRow(const std::string& file, std::int64_t ts) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT payload FROM snapshots WHERE ts_ms = ?", -1, &stmt, nullptr), SQLITE_OK);
  sqlite3_bind_int64(stmt, 1, ts);
  std::optional<std::vector<SnapshotEntry>> out;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* bytes = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt, 0));
    out = decodeSnapshot({bytes, static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0))}).value();
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

std::int64_t tagId(Historian& h, const std::string& name) {
  const auto tags = h.tags();
  EXPECT_TRUE(tags.has_value());
  for (const auto& t : *tags) {
    if (t.name == name) return t.id;
  }
  ADD_FAILURE() << "no tag " << name;
  return -1;
}

TEST(HistorianSnapshotAt, WritesEachTagsNewestSampleAndStateAtReadsItBack) {
  test::TempDir dir;
  const std::string file = dir.file("run.db");
  auto h = Historian::open(file, noOwnSnapshots());
  ASSERT_TRUE(h.has_value()) << h.error().message;
  // a changes at 0 and 120 s, b only at 0 (held), c first appears at 180 s.
  ASSERT_TRUE(h->append("a", kT0, 1.5));
  ASSERT_TRUE(h->append("b", kT0, 7.0));
  ASSERT_TRUE(h->append("a", kT0 + 120'000, 2.25));
  ASSERT_TRUE(h->snapshotAt(kT0 + 150'000));
  ASSERT_TRUE(h->append("c", kT0 + 180'000, -4.0));
  ASSERT_TRUE(h->append("a", kT0 + 240'000, 3.0));
  ASSERT_TRUE(h->snapshotAt(kT0 + 240'000));
  ASSERT_TRUE(h->flush());

  const auto first = snapshotRow(file, kT0 + 150'000);
  ASSERT_TRUE(first.has_value());
  const std::int64_t a = tagId(*h, "a"), b = tagId(*h, "b"), c = tagId(*h, "c");
  ASSERT_EQ(first->size(), 2u);  // c had no sample yet
  EXPECT_EQ((*first)[0].tag_id, std::min(a, b));
  for (const auto& e : *first) {
    if (e.tag_id == a) {
      EXPECT_EQ(e.ts_ms, kT0 + 120'000);
      EXPECT_EQ(e.value, 2.25);
    } else {
      EXPECT_EQ(e.tag_id, b);
      EXPECT_EQ(e.ts_ms, kT0);
      EXPECT_EQ(e.value, 7.0);
    }
  }
  const auto second = snapshotRow(file, kT0 + 240'000);
  ASSERT_TRUE(second.has_value());
  ASSERT_EQ(second->size(), 3u);
  for (const auto& e : *second) {
    if (e.tag_id == c) {
      EXPECT_EQ(e.value, -4.0);
    }
    if (e.tag_id == a) {
      EXPECT_EQ(e.value, 3.0);
    }
  }

  // Seeking to a time after a snapshot gives the same state as the samples say.
  auto reader = Historian::open(file, {.read_only = true});
  ASSERT_TRUE(reader.has_value());
  auto state = reader->stateAt(kT0 + 200'000);
  ASSERT_TRUE(state.has_value());
  ASSERT_EQ(state->size(), 3u);
  for (const auto& s : *state) {
    if (s.tag == "a") {
      EXPECT_EQ(s.value, 2.25);
    }
    if (s.tag == "b") {
      EXPECT_EQ(s.ts_ms, kT0);
    }
    if (s.tag == "c") {
      EXPECT_EQ(s.ts_ms, kT0 + 180'000);
    }
  }
}

TEST(HistorianSnapshotAt, RefusesWhatMemoryCannotKnow) {
  test::TempDir dir;
  const std::string file = dir.file("run.db");
  {
    auto h = Historian::open(file, noOwnSnapshots());
    ASSERT_TRUE(h.has_value());
    ASSERT_TRUE(h->append("a", kT0, 1.0));
    ASSERT_TRUE(h->append("a", kT0 + 60'000, 2.0));
    EXPECT_FALSE(h->snapshotAt(kT0 + 30'000)) << "a has a sample after T";
    ASSERT_TRUE(h->append("a", kT0 + 30'000, 9.0));  // sorted into the open block
    EXPECT_FALSE(h->snapshotAt(kT0 + 120'000)) << "a sample came out of order";
  }
  auto again = Historian::open(file, noOwnSnapshots());
  ASSERT_TRUE(again.has_value());
  ASSERT_TRUE(again->append("a", kT0 + 600'000, 3.0));
  EXPECT_FALSE(again->snapshotAt(kT0 + 600'000)) << "the file held samples before this session";
}

TEST(HistorianSnapshotAt, ASampleAtOrBeforeAPendingSnapshotDropsIt) {
  test::TempDir dir;
  const std::string file = dir.file("run.db");
  auto h = Historian::open(file, noOwnSnapshots());
  ASSERT_TRUE(h.has_value());
  ASSERT_TRUE(h->append("a", kT0, 1.0));
  ASSERT_TRUE(h->snapshotAt(kT0 + 60'000));
  ASSERT_TRUE(h->append("b", kT0 + 30'000, 5.0));  // in order for b, but before the snapshot
  ASSERT_TRUE(h->snapshotAt(kT0 + 90'000));
  ASSERT_TRUE(h->flush());
  EXPECT_FALSE(snapshotRow(file, kT0 + 60'000).has_value());
  const auto kept = snapshotRow(file, kT0 + 90'000);
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->size(), 2u);
}

}  // namespace
}  // namespace parktwin::store
