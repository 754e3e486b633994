// Snapshots written in batches, each computed from the one before: a long history written in
// one flush (over 1,024 snapshots, so more than one batch) and in many small ones gives, in
// every snapshot row, each tag's last sample at or before the snapshot's time, as plain SQL
// over the same samples says (the oracle), and the same rows both ways.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <bit>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "parktwin/store/historian.hpp"
#include "snapshot_codec.hpp"
#include "sql_oracle.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

constexpr std::int64_t kT0 = 1'780'000'000'000LL;
constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kMinutes = 14 * 24 * 60;  // 14 days at 15-minute snapshots: 1,343 of them
constexpr std::int64_t kEvery = 15 * kMinute;

struct SnapshotRow {
  std::int64_t ts_ms;
  std::vector<std::uint8_t> payload;
};

std::vector<SnapshotRow> snapshotRows(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT ts_ms, payload FROM snapshots ORDER BY ts_ms", -1, &stmt, nullptr);
  std::vector<SnapshotRow> out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* bytes = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt, 1));
    out.push_back({sqlite3_column_int64(stmt, 0), {bytes, bytes + sqlite3_column_bytes(stmt, 1)}});
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

std::map<std::int64_t, std::string> tagNamesById(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, name FROM tags", -1, &stmt, nullptr);
  std::map<std::int64_t, std::string> out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    out[sqlite3_column_int64(stmt, 0)] = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// A furnace tag every minute; a meter every 7 minutes with a silent day in the middle; a
// tag silent after its first hour; one that starts on day 5.
void writeHistory(const std::string& path, std::size_t commitEverySamples, test::SqlOracle* oracle) {
  HistorianOptions options;
  options.commit_every_samples = commitEverySamples;
  options.commit_every_ms = 3'600'000;  // only the sample count commits: the same batches each run
  options.snapshot_every_ms = kEvery;
  auto h = Historian::open(path, options);
  ASSERT_TRUE(h) << h.error().message;
  std::mt19937_64 rng(11);
  auto put = [&](const std::string& tag, std::int64_t ts, double v) {
    ASSERT_TRUE(h->append(tag, ts, v));
    if (oracle) oracle->add(tag, ts, v);
  };
  for (std::int64_t m = 0; m < kMinutes; ++m) {
    const std::int64_t ts = kT0 + m * kMinute;
    put("furnace", ts, static_cast<double>(rng() % 100000) / 100.0);
    const bool meterSilent = m >= 6 * 24 * 60 && m < 7 * 24 * 60;
    if (m % 7 == 3 && !meterSilent) put("meter", ts + 250, static_cast<double>(m));
    if (m < 60) put("stops", ts + 500, -static_cast<double>(m));
    if (m >= 5 * 24 * 60) put("starts", ts + 999, static_cast<double>(rng() % 1000) / 10.0);
  }
  ASSERT_TRUE(h->flush());
}

}  // namespace

TEST(HistorianSnapshotBatches, EachSnapshotHoldsEveryTagsLastSampleAtItsTime) {
  test::TempDir dir;
  test::SqlOracle oracle;
  oracle.begin();
  writeHistory(dir.file("one-flush.db"), 1'000'000, &oracle);
  oracle.commit();
  const auto rows = snapshotRows(dir.file("one-flush.db"));
  ASSERT_GT(rows.size(), 1024u) << "meant to need more than one batch of snapshots";
  const auto names = tagNamesById(dir.file("one-flush.db"));
  for (const auto& row : rows) {
    ASSERT_EQ(row.ts_ms % kEvery, 0);
    auto entries = decodeSnapshot(row.payload);
    ASSERT_TRUE(entries) << entries.error().message;
    std::map<std::string, SnapshotEntry> got;
    for (const auto& e : *entries) got[names.at(e.tag_id)] = e;
    std::size_t tagsWithSamples = 0;
    for (const std::string tag : {"furnace", "meter", "stops", "starts"}) {
      const auto last = oracle.rows("SELECT ts, v FROM s WHERE tag = '" + tag + "' AND ts <= ?1 ORDER BY ts DESC LIMIT 1",
                                    {row.ts_ms});
      if (last.empty()) {
        EXPECT_EQ(got.count(tag), 0u) << tag << " has no sample yet at " << row.ts_ms;
        continue;
      }
      ++tagsWithSamples;
      ASSERT_EQ(got.count(tag), 1u) << tag << " missing at " << row.ts_ms;
      EXPECT_EQ(got[tag].ts_ms, static_cast<std::int64_t>(last[0][0])) << tag << " at " << row.ts_ms;
      EXPECT_EQ(std::bit_cast<std::uint64_t>(got[tag].value), std::bit_cast<std::uint64_t>(last[0][1]))
          << tag << " at " << row.ts_ms;
    }
    EXPECT_EQ(got.size(), tagsWithSamples) << "snapshot at " << row.ts_ms;
  }
}

TEST(HistorianSnapshotBatches, OneFlushAndManySmallCommitsWriteTheSameSnapshots) {
  test::TempDir dir;
  writeHistory(dir.file("one-flush.db"), 1'000'000, nullptr);
  writeHistory(dir.file("small-commits.db"), 500, nullptr);
  const auto once = snapshotRows(dir.file("one-flush.db"));
  const auto small = snapshotRows(dir.file("small-commits.db"));
  ASSERT_EQ(once.size(), small.size());
  for (std::size_t i = 0; i < once.size(); ++i) {
    EXPECT_EQ(once[i].ts_ms, small[i].ts_ms) << i;
    EXPECT_EQ(once[i].payload, small[i].payload) << "snapshot at " << once[i].ts_ms;
  }
}

}  // namespace parktwin::store
