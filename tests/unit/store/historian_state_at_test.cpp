// stateAt against plain SQL over the same samples (the oracle: a table of every sample, one
// indexed lookup a tag): many instants, on, between and around snapshots, before the first
// sample, tags silent for long or starting late, over 2,000 tags (two scan threads), after
// reopening read-only and read-write, and after retention.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "parktwin/store/historian.hpp"
#include "sql_oracle.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

constexpr std::int64_t kT0 = 1'800'000'000'000LL;
constexpr int kFastTags = 2100;  // over 2,000 tags, so the row range is read by two threads
constexpr std::int64_t kSeconds = 400;

std::string tagName(int i) { return "t" + std::to_string(10000 + i); }

// The oracle's answer for each tag in name order: its last sample at or before t (NaN if none),
// by one indexed lookup a tag.
std::vector<std::vector<double>> lastSamples(test::SqlOracle& oracle, std::int64_t t) {
  return oracle.rows(
      "SELECT l.lt, s.v FROM (SELECT tag, (SELECT ts FROM s WHERE s.tag = names.tag AND s.ts <= ?1 "
      "ORDER BY ts DESC LIMIT 1) AS lt FROM names) l LEFT JOIN s ON s.tag = l.tag AND s.ts = l.lt ORDER BY l.tag",
      {t});
}

std::vector<std::string> sortedTagNames() {
  std::vector<std::string> names = {"slow", "silent", "late_starter"};
  for (int i = 0; i < kFastTags; ++i) names.push_back(tagName(i));
  std::sort(names.begin(), names.end());
  return names;
}

enum class Deleted { None, BeforeCut };

// With raw samples deleted, a tag with none left at or before t answers from a snapshot (they
// stay, as documented), which the oracle of remaining samples cannot tell: such tags are skipped.
void expectStateMatches(Historian& h, test::SqlOracle& oracle, std::int64_t t, Deleted deleted = Deleted::None) {
  auto state = h.stateAt(t);
  ASSERT_TRUE(state) << state.error().message;
  std::map<std::string, TagState> byName;
  for (const auto& s : *state) byName[s.tag] = s;
  const auto rows = lastSamples(oracle, t);
  const auto names = sortedTagNames();
  ASSERT_EQ(rows.size(), names.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto found = byName.find(names[i]);
    if (std::isnan(rows[i][0])) {
      if (deleted == Deleted::None) {
        ASSERT_EQ(found, byName.end()) << names[i] << " has no sample at " << t - kT0 << " ms";
      }
      continue;
    }
    ASSERT_NE(found, byName.end()) << names[i] << " at " << t - kT0 << " ms";
    ASSERT_EQ(static_cast<double>(found->second.ts_ms), rows[i][0]) << names[i] << " at " << t - kT0 << " ms";
    ASSERT_EQ(found->second.value, rows[i][1]) << names[i] << " at " << t - kT0 << " ms";
  }
  if (deleted == Deleted::None) {
    std::size_t answered = 0;
    for (const auto& row : rows) answered += std::isnan(row[0]) ? 0 : 1;
    ASSERT_EQ(state->size(), answered) << "at " << t - kT0 << " ms";
  }
}

std::int64_t queryInt(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  const std::int64_t value = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

// Fast 1 Hz tags (staggered within the second, decimals and some non-decimal values), one tag
// every 97 s, one silent after its first 3 samples, one that starts at 300 s.
void writeFile(const std::string& path, test::SqlOracle& oracle) {
  HistorianOptions options;
  options.commit_every_samples = 50'000;
  options.reorder_window_ms = 5'000;
  options.snapshot_every_ms = 60'000;
  auto h = Historian::open(path, options);
  ASSERT_TRUE(h) << h.error().message;
  std::mt19937_64 rng(21);
  oracle.begin();
  auto put = [&](const std::string& tag, std::int64_t ts, double v) {
    ASSERT_TRUE(h->append(tag, ts, v));
    oracle.add(tag, ts, v);
  };
  for (std::int64_t k = 0; k < kSeconds; ++k) {
    for (int i = 0; i < kFastTags; ++i) {
      const double v = i % 50 == 0 ? static_cast<double>(rng() % 1000) / 3.0 : static_cast<double>(rng() % 10000) / 100.0;
      put(tagName(i), kT0 + k * 1000 + i % 1000, v);
    }
    if (k % 97 == 5) put("slow", kT0 + k * 1000 + 500, static_cast<double>(k));
    if (k < 3) put("silent", kT0 + k * 1000 + 700, 7.5 + static_cast<double>(k));
    if (k >= 300) put("late_starter", kT0 + k * 1000 + 999, -static_cast<double>(k));
  }
  oracle.commit();
  ASSERT_TRUE(h->flush());
  oracle.exec("CREATE TABLE names AS SELECT DISTINCT tag FROM s");
}

std::vector<std::int64_t> instants() {
  std::vector<std::int64_t> out = {kT0 - 1, kT0, kT0 + 1, kT0 + 2'700, kT0 + kSeconds * 1000 + 5'000};
  for (std::int64_t s = 60'000; s < kSeconds * 1000; s += 60'000) {  // on and around each snapshot
    out.insert(out.end(), {kT0 + s - 1, kT0 + s, kT0 + s + 1});
  }
  out.insert(out.end(), {kT0 + 299'999, kT0 + 300'999, kT0 + 301'000});  // around the late starter
  std::mt19937_64 rng(5);
  for (int q = 0; q < 25; ++q) out.push_back(kT0 + static_cast<std::int64_t>(rng() % (kSeconds * 1000)));
  return out;
}

}  // namespace

TEST(HistorianStateAt, StateMatchesSqlAtManyInstantsAndAfterReopening) {
  test::TempDir dir;
  test::SqlOracle oracle;
  writeFile(dir.file("park.db"), oracle);
  EXPECT_GE(queryInt(dir.file("park.db"), "SELECT count(*) FROM snapshots"), 5) << "instants are meant to fall between snapshots";
  {
    auto h = Historian::open(dir.file("park.db"), {.read_only = true});
    ASSERT_TRUE(h) << h.error().message;
    for (const std::int64_t t : instants()) expectStateMatches(*h, oracle, t);
  }
  // Read-write again, and with new samples after the end: the same answers before them.
  auto h = Historian::open(dir.file("park.db"), {.snapshot_every_ms = 60'000});
  ASSERT_TRUE(h) << h.error().message;
  ASSERT_TRUE(h->append("late_starter", kT0 + kSeconds * 1000 + 10'000, 1.25));
  oracle.add("late_starter", kT0 + kSeconds * 1000 + 10'000, 1.25);
  ASSERT_TRUE(h->flush());
  for (const std::int64_t t : instants()) expectStateMatches(*h, oracle, t);
  expectStateMatches(*h, oracle, kT0 + kSeconds * 1000 + 10'000);
}

TEST(HistorianStateAt, AnswersStayRightAfterRetention) {
  test::TempDir dir;
  test::SqlOracle oracle;
  writeFile(dir.file("park.db"), oracle);
  auto h = Historian::open(dir.file("park.db"), {.snapshot_every_ms = 60'000});
  ASSERT_TRUE(h) << h.error().message;
  const std::int64_t cut = kT0 + 130'500;
  auto deleted = h->deleteRawBefore(cut);
  ASSERT_TRUE(deleted) << deleted.error().message;
  ASSERT_GT(*deleted, 0u);
  oracle.exec("DELETE FROM s WHERE ts < " + std::to_string(cut));
  for (const std::int64_t t : instants()) {
    if (t >= cut) expectStateMatches(*h, oracle, t, Deleted::BeforeCut);
  }
}

}  // namespace parktwin::store
