// Files written by older code (committed as SQL dumps of what it wrote) still read, read-only
// and after their migration, also once new blocks join the old ones: schema 4 (before compact
// blocks) and schema 8 (compact blocks with a restart point every 256 bits, most in group rows).
// The oracle is the CSV each old file was imported from.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <span>
#include <sstream>

#include "block_groups.hpp"
#include "parktwin/store/historian.hpp"
#include "parktwin/store/schema.hpp"
#include "sqlite_answer.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

const std::string kFixtures = PARKTWIN_SOURCE_DIR "/tests/unit/store/fixtures/";

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The CSV as written: ts,tag,value per line (values printed exactly, so strtod gives the bits).
std::map<std::string, std::vector<Sample>> csvSamples(const std::string& fixture) {
  std::map<std::string, std::vector<Sample>> out;
  std::istringstream lines(readFile(kFixtures + fixture + ".csv"));
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    const auto a = line.find(','), b = line.find(',', a + 1);
    out[line.substr(a + 1, b - a - 1)].push_back({std::stoll(line.substr(0, a)), std::strtod(line.c_str() + b + 1, nullptr)});
  }
  return out;
}

// Builds the old file from its dump.
void restoreOldFile(const std::string& path, const std::string& fixture) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, readFile(kFixtures + fixture + ".sql").c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
}

// Counts blocks by the top two bits of their header word (little-endian, byte 3): 0 = xor,
// 2 = decimal, 3 = compact decimal.
std::map<int, int> blockLayouts(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT payload FROM blocks", -1, &stmt, nullptr);
  std::map<int, int> out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(stmt, 0));
    ++out[bytes[3] >> 6];
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// Compact blocks by restart layout, in block rows and group rows: "dense" (a point every 128
// bits, bit 6 of the exponent byte after the count word) or "sparse" (every 256).
std::map<std::string, int> compactRestartLayouts(const std::string& path) {
  std::map<std::string, int> out;
  const auto count = [&](std::span<const std::uint8_t> payload) {
    if (payload.size() > 4 && (payload[3] >> 6) == 3) ++out[(payload[4] & 0x40) != 0 ? "dense" : "sparse"];
  };
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT payload FROM blocks", -1, &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    count({static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt, 0)), static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0))});
  }
  sqlite3_finalize(stmt);
  sqlite3_prepare_v2(db, "SELECT id, payload FROM block_groups", -1, &stmt, nullptr);
  std::vector<GroupEntry> entries;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const std::int64_t id = sqlite3_column_int64(stmt, 0);
    const std::span<const std::uint8_t> row(static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt, 1)),
                                            static_cast<std::size_t>(sqlite3_column_bytes(stmt, 1)));
    EXPECT_TRUE(decodeGroup(row, id >> kGroupIdShift, id & ((std::int64_t{1} << kGroupIdShift) - 1), entries));
    for (const GroupEntry& e : entries) count(e.payload);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

void expectSamples(Historian& h, const std::string& tag, const std::vector<Sample>& expected) {
  auto got = h.samplesBetween(tag, INT64_MIN, INT64_MAX);
  ASSERT_TRUE(got) << got.error().message;
  ASSERT_EQ(got->size(), expected.size()) << tag;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ((*got)[i].ts_ms, expected[i].ts_ms) << tag << " sample " << i;
    ASSERT_EQ((*got)[i].value, expected[i].value) << tag << " sample " << i;
  }
}

// stateAt and downsample of one tag against the samples by hand.
void expectStateAndBuckets(Historian& h, const std::map<std::string, std::vector<Sample>>& csv, std::int64_t t) {
  auto state = h.stateAt(t);
  ASSERT_TRUE(state) << state.error().message;
  ASSERT_EQ(state->size(), csv.size());
  for (const auto& s : *state) {
    const auto& samples = csv.at(s.tag);
    const auto last = std::prev(std::upper_bound(samples.begin(), samples.end(), t,
                                                 [](std::int64_t at, const Sample& x) { return at < x.ts_ms; }));
    EXPECT_EQ(s.ts_ms, last->ts_ms) << s.tag;
    EXPECT_EQ(s.value, last->value) << s.tag;
  }
  const auto& walk = csv.at("walk");
  const std::int64_t t0 = walk.front().ts_ms, t1 = walk.back().ts_ms + 1;
  auto buckets = h.downsample("walk", t0, t1, 4);
  ASSERT_TRUE(buckets) << buckets.error().message;
  const std::int64_t width = (t1 - t0) / 4;
  for (std::size_t b = 0; b < 4; ++b) {
    std::uint64_t count = 0;
    double lo = 1e300, hi = -1e300, sum = 0, lastValue = 0;
    for (const auto& s : walk) {
      if (std::min<std::int64_t>((s.ts_ms - t0) / width, 3) != static_cast<std::int64_t>(b)) continue;
      ++count, sum += s.value, lastValue = s.value;
      lo = std::min(lo, s.value), hi = std::max(hi, s.value);
    }
    EXPECT_EQ((*buckets)[b].count, count) << "bucket " << b;
    EXPECT_EQ((*buckets)[b].min, lo) << "bucket " << b;
    EXPECT_EQ((*buckets)[b].max, hi) << "bucket " << b;
    EXPECT_NEAR((*buckets)[b].mean, sum / static_cast<double>(count), 1e-9) << "bucket " << b;
    EXPECT_EQ((*buckets)[b].last, lastValue) << "bucket " << b;
  }
}

}  // namespace

TEST(HistorianOldBlocks, SchemaFourFileReadsBeforeAndAfterMigration) {
  test::TempDir dir;
  const auto path = dir.file("v4.db");
  restoreOldFile(path, "historian_v4");
  // The fixture holds the old layouts only: decimal blocks without the compact bit, xor blocks.
  const auto before = blockLayouts(path);
  ASSERT_GT(before.count(2), 0u);
  ASSERT_GT(before.count(0), 0u);
  ASSERT_EQ(before.count(3), 0u);
  auto csv = csvSamples("historian_v4");
  ASSERT_EQ(csv.size(), 3u);
  const std::int64_t mid = csv.at("walk")[333].ts_ms + 1;
  {
    auto h = Historian::open(path, {.read_only = true});
    ASSERT_TRUE(h) << h.error().message;
    for (const auto& [tag, samples] : csv) expectSamples(*h, tag, samples);
    expectStateAndBuckets(*h, csv, mid);
  }
  // Read-write: migrated to the current schema; new samples go into compact blocks (rows, to
  // be looked at below).
  {
    auto h = Historian::open(path, {.compact_segments = false});
    ASSERT_TRUE(h) << h.error().message;
    std::int64_t ts = csv.at("walk").back().ts_ms;
    for (int i = 0; i < 600; ++i) {
      ts += 1000;
      const double v = static_cast<double>(5000 + (i * 37) % 101) / 100;
      ASSERT_TRUE(h->append("walk", ts, v));
      csv["walk"].push_back({ts, v});
    }
    ASSERT_TRUE(h->flush());
  }
  const auto after = blockLayouts(path);
  EXPECT_EQ(after.at(2), before.at(2)) << "old blocks stay as they were";
  EXPECT_GT(after.count(3), 0u) << "new blocks are compact";
  auto h = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(h) << h.error().message;
  for (const auto& [tag, samples] : csv) expectSamples(*h, tag, samples);
  expectStateAndBuckets(*h, csv, mid);
  expectStateAndBuckets(*h, csv, csv.at("walk").back().ts_ms - 4321);
}

// Schema 8: compact blocks with sparse restart points, most of them in group rows. stateAt
// starts decoding at a restart point, so it is asked at every 7th second of the file (every
// position between two points; from the second second on, when each tag has a sample), before
// and after a writer adds dense blocks.
TEST(HistorianOldBlocks, SchemaEightFileWithSparseRestartPointsReadsBeforeAndAfterMigration) {
  test::TempDir dir;
  const auto path = dir.file("v8.db");
  restoreOldFile(path, "historian_v8");
  const auto before = compactRestartLayouts(path);
  ASSERT_GT(before.count("sparse") ? before.at("sparse") : 0, 5);
  ASSERT_EQ(before.count("dense"), 0u);
  auto csv = csvSamples("historian_v8");
  ASSERT_EQ(csv.size(), 3u);
  const auto& walk = csv.at("walk");
  const auto everySeventhSecond = [&](Historian& h) {
    for (std::int64_t t = walk.front().ts_ms + 1000; t <= walk.back().ts_ms + 2000; t += 7000) expectStateAndBuckets(h, csv, t);
  };
  {
    auto h = Historian::open(path, {.read_only = true});
    ASSERT_TRUE(h) << h.error().message;
    for (const auto& [tag, samples] : csv) expectSamples(*h, tag, samples);
    everySeventhSecond(*h);
  }
  {
    auto h = Historian::open(path);  // migrated; group rows on
    ASSERT_TRUE(h) << h.error().message;
    std::int64_t ts = walk.back().ts_ms;
    for (int i = 0; i < 1500; ++i) {
      ts += 1000;
      const double v = static_cast<double>(5000 + (i * 37) % 101 - (i % 7) * 3) / 100;
      ASSERT_TRUE(h->append("walk", ts, v));
      csv["walk"].push_back({ts, v});
    }
    ASSERT_TRUE(h->flush());
  }
  EXPECT_EQ(test::sqliteAnswer(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  const auto after = compactRestartLayouts(path);
  EXPECT_GT(after.count("dense") ? after.at("dense") : 0, 3) << "new blocks have dense restart points";
  // The tags' open blocks were decoded and continued by the writer; the others stay as they were.
  EXPECT_GE(after.count("sparse") ? after.at("sparse") : 0, before.at("sparse") - 3);
  auto h = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(h) << h.error().message;
  for (const auto& [tag, samples] : csv) expectSamples(*h, tag, samples);
  everySeventhSecond(*h);
}

}  // namespace parktwin::store
