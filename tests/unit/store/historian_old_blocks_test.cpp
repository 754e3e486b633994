// A file written before compact blocks (schema 4, committed as an SQL dump of what the old
// code wrote) still reads, read-only and after its migration, also once new compact blocks
// join the old ones. The oracle is the CSV the old file was imported from.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "parktwin/store/historian.hpp"
#include "parktwin/store/schema.hpp"
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
std::map<std::string, std::vector<Sample>> csvSamples() {
  std::map<std::string, std::vector<Sample>> out;
  std::istringstream lines(readFile(kFixtures + "historian_v4.csv"));
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    const auto a = line.find(','), b = line.find(',', a + 1);
    out[line.substr(a + 1, b - a - 1)].push_back({std::stoll(line.substr(0, a)), std::strtod(line.c_str() + b + 1, nullptr)});
  }
  return out;
}

// Builds the old file from its dump.
void restoreOldFile(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, readFile(kFixtures + "historian_v4.sql").c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
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
  restoreOldFile(path);
  // The fixture holds the old layouts only: decimal blocks without the compact bit, xor blocks.
  const auto before = blockLayouts(path);
  ASSERT_GT(before.count(2), 0u);
  ASSERT_GT(before.count(0), 0u);
  ASSERT_EQ(before.count(3), 0u);
  auto csv = csvSamples();
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

}  // namespace parktwin::store
