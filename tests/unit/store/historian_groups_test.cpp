// Group rows (schema 8, block_groups.hpp): folds move each segment's sealed blocks into rows of
// 48 tags and every reader takes the union of those, the block rows left and the tail. The
// oracle is the input itself: every read (stateAt, samplesBetween, downsample, summary,
// retention's count) is compared with what was appended, while the writer is open, after it
// closed, and after a second session; SQLite's own answers show the group rows are in use.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "block_groups.hpp"
#include "parktwin/store/historian.hpp"
#include "parktwin/store/schema.hpp"
#include "sqlite_answer.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

using test::sqliteAnswer;

constexpr std::int64_t kT0 = 1'767'225'600'000;  // 2026-01-01T00:00:00Z, a segment boundary
constexpr std::int64_t kMinute = 60'000;

using Oracle = std::map<std::string, std::vector<Sample>>;

std::string tagName(int tag) { return "tag" + std::to_string(tag); }

// 120 tags (three groups of 48 ids, the last part full): most at 1 Hz, each with its own phase;
// every tenth every 7 s; tag 5 stops at minute 10 (its newest block stays an old row); tag 7
// starts at minute 20. Values are a function of tag and time.
double valueOf(int tag, std::int64_t ts) { return static_cast<double>((ts / 1000 * (tag + 3)) % 1009) / 4.0 + tag; }

// Into `h` (none: the oracle only, for what another process appended) and the oracle.
void appendMinutes(Historian* h, Oracle& oracle, std::int64_t fromMinute, std::int64_t toMinute) {
  for (std::int64_t s = fromMinute * 60; s < toMinute * 60; ++s) {
    for (int tag = 0; tag < 120; ++tag) {
      if (tag % 10 == 0 && s % 7 != 0) continue;
      if (tag == 5 && s >= 10 * 60) continue;
      if (tag == 7 && s < 20 * 60) continue;
      const std::int64_t ts = kT0 + s * 1000 + tag * 7;
      if (h) {
        ASSERT_TRUE(h->append(tagName(tag), ts, valueOf(tag, ts)));
      }
      oracle[tagName(tag)].push_back({ts, valueOf(tag, ts)});
    }
  }
}
void appendMinutes(Historian& h, Oracle& oracle, std::int64_t fromMinute, std::int64_t toMinute) {
  appendMinutes(&h, oracle, fromMinute, toMinute);
}

std::int64_t groupRows(const std::string& path) { return std::stoll(sqliteAnswer(path, "SELECT count(*) FROM block_groups")); }

// Every reader's answers against the oracle: stateAt at instants spread over the whole history
// (segment starts, their first second, random ones), a tag's samples over ranges that start and
// end inside segments, a downsample and the summary.
void expectReadsMatch(Historian& h, const Oracle& oracle, std::int64_t endMinute) {
  std::mt19937_64 rng(7);
  std::vector<std::int64_t> times = {kT0 - 1, kT0, kT0 + 4 * kMinute, kT0 + 4 * kMinute + 500, kT0 + endMinute * kMinute + 5000};
  for (int i = 0; i < 40; ++i) times.push_back(kT0 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(endMinute * kMinute)));
  for (const std::int64_t t : times) {
    auto state = h.stateAt(t);
    ASSERT_TRUE(state) << state.error().message;
    std::map<std::string, Sample> got;
    for (const auto& s : *state) got[s.tag] = {s.ts_ms, s.value};
    for (const auto& [tag, samples] : oracle) {
      auto after = std::upper_bound(samples.begin(), samples.end(), t, [](std::int64_t x, const Sample& s) { return x < s.ts_ms; });
      if (after == samples.begin()) {
        EXPECT_EQ(got.count(tag), 0u) << tag << " at " << t;
        continue;
      }
      ASSERT_EQ(got.count(tag), 1u) << tag << " at " << t;
      EXPECT_EQ(got[tag].ts_ms, std::prev(after)->ts_ms) << tag << " at " << t;
      EXPECT_EQ(got[tag].value, std::prev(after)->value) << tag << " at " << t;
    }
  }
  for (const int tag : {0, 5, 7, 47, 48, 119}) {
    if (!oracle.contains(tagName(tag))) continue;  // tag 7 starts at minute 20
    const auto& want = oracle.at(tagName(tag));
    for (const auto& [t0, t1] : {std::pair{INT64_MIN, INT64_MAX}, std::pair{kT0 + 3 * kMinute + 1234, kT0 + 17 * kMinute + 999}}) {
      auto got = h.samplesBetween(tagName(tag), t0, t1);
      ASSERT_TRUE(got) << got.error().message;
      std::vector<Sample> expected;
      for (const Sample& s : want) {
        if (s.ts_ms >= t0 && s.ts_ms <= t1) expected.push_back(s);
      }
      ASSERT_EQ(got->size(), expected.size()) << tagName(tag);
      for (std::size_t i = 0; i < expected.size(); ++i) {
        ASSERT_EQ((*got)[i].ts_ms, expected[i].ts_ms) << tagName(tag);
        ASSERT_EQ((*got)[i].value, expected[i].value) << tagName(tag);
      }
    }
  }
  // Downsample of one tag into 7 buckets, computed by hand from the oracle.
  const auto& walk = oracle.at(tagName(1));
  const std::int64_t d0 = kT0 + 90'000, d1 = kT0 + endMinute * kMinute - 30'000;
  auto buckets = h.downsample(tagName(1), d0, d1, 7);
  ASSERT_TRUE(buckets) << buckets.error().message;
  ASSERT_EQ(buckets->size(), 7u);
  const std::int64_t width = (d1 - d0) / 7;
  for (std::size_t b = 0; b < 7; ++b) {
    const std::int64_t lo = d0 + static_cast<std::int64_t>(b) * width, hi = b == 6 ? d1 : lo + width;
    std::uint64_t count = 0;
    double sum = 0, mn = INFINITY, mx = -INFINITY;
    for (const Sample& s : walk) {
      if (s.ts_ms < lo || s.ts_ms >= hi) continue;
      ++count;
      sum += s.value;
      mn = std::min(mn, s.value);
      mx = std::max(mx, s.value);
    }
    EXPECT_EQ((*buckets)[b].count, count) << "bucket " << b;
    EXPECT_EQ((*buckets)[b].min, mn) << "bucket " << b;
    EXPECT_EQ((*buckets)[b].max, mx) << "bucket " << b;
    EXPECT_NEAR((*buckets)[b].mean, sum / static_cast<double>(count), 1e-9) << "bucket " << b;
  }
  auto summary = h.summary();
  ASSERT_TRUE(summary) << summary.error().message;
  ASSERT_EQ(summary->size(), oracle.size());
  for (const auto& tag : *summary) {
    const auto& want = oracle.at(tag.name);
    EXPECT_EQ(tag.samples, want.size()) << tag.name;
    EXPECT_EQ(tag.first_ms, want.front().ts_ms) << tag.name;
    EXPECT_EQ(tag.last_ms, want.back().ts_ms) << tag.name;
  }
}

// One writer session with `options`: minutes [from, to) appended, then closed.
void writeSession(const std::string& path, Oracle& oracle, std::int64_t fromMinute, std::int64_t toMinute, const HistorianOptions& options = {}) {
  auto h = Historian::open(path, options);
  ASSERT_TRUE(h) << h.error().message;
  appendMinutes(*h, oracle, fromMinute, toMinute);
}

// expectReadsMatch through a read-only opener of the file, as another process reads it.
void expectFileReadsMatch(const std::string& path, const Oracle& oracle, std::int64_t endMinute) {
  auto reader = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(reader) << reader.error().message;
  expectReadsMatch(*reader, oracle, endMinute);
}

TEST(HistorianGroups, EveryReadMatchesTheInputWhileWritingAfterClosingAndInASecondSession) {
  test::TempDir dir;
  const std::string path = dir.file("groups.db");
  Oracle oracle;
  {
    // The defaults (tail, write-behind, group rows), but a commit every 25 s of data, as a live
    // feed's every second would give: folds, and with them compactions, happen while writing.
    auto h = Historian::open(path, {.commit_every_samples = 3000});
    ASSERT_TRUE(h) << h.error().message;
    appendMinutes(*h, oracle, 0, 30);
    ASSERT_TRUE(h->flush());
    // Segments that ended a reorder window and kGroupLagMs ago are in group rows already.
    EXPECT_GT(groupRows(path), 0);
    expectFileReadsMatch(path, oracle, 30);
    expectReadsMatch(*h, oracle, 30);
  }
  // Closed: every block of 8 minutes at most is in a group row, each tag's newest too, but tag 5's
  // last, older than what the closing writer looks at (the 7-s tags' blocks span half an hour:
  // rows); 3 groups a segment at most.
  EXPECT_EQ(sqliteAnswer(path, "SELECT group_concat(t.name) FROM blocks b JOIN tags t ON t.id = b.tag_id "
                               "WHERE b.t_end_ms - b.t_start_ms <= 480000"),
            "tag5");
  EXPECT_NE(sqliteAnswer(path, "SELECT value FROM meta WHERE key = 'newest_grouped_from_ms'"), "");
  EXPECT_LE(groupRows(path), 3 * 8);
  EXPECT_EQ(sqliteAnswer(path, "SELECT count(*) FROM block_groups WHERE id % 16777216 >= 3"), "0");
  {
    expectFileReadsMatch(path, oracle, 30);
  }
  {
    auto h = Historian::open(path, {.commit_every_samples = 3000});
    ASSERT_TRUE(h) << h.error().message;
    // A writer puts the newest blocks back as rows first: every tag's newest block is a row.
    EXPECT_EQ(sqliteAnswer(path, "SELECT count(DISTINCT tag_id) FROM blocks"), "120");
    EXPECT_EQ(sqliteAnswer(path, "SELECT count(*) FROM meta WHERE key = 'newest_grouped_from_ms'"), "0");
    appendMinutes(*h, oracle, 30, 45);
  }
  expectFileReadsMatch(path, oracle, 45);
  EXPECT_EQ(sqliteAnswer(path, "PRAGMA integrity_check"), "ok");
}

// A writer that dies with commits in the tail, after a closing writer grouped the newest blocks:
// the next writer puts them back as rows and folds the tail into them; nothing is lost or doubled.
TEST(HistorianGroups, ATailLeftByADeadWriterIsFoldedAfterTheNewestBlocksWereGrouped) {
  test::TempDir dir;
  const std::string path = dir.file("tail.db");
  Oracle oracle;
  writeSession(path, oracle, 0, 20, {.commit_every_samples = 3000});
  ASSERT_NE(sqliteAnswer(path, "SELECT value FROM meta WHERE key = 'newest_grouped_from_ms'"), "");
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Commits into the tail only (no fold before 1000 commits), then gone without closing.
    auto h = Historian::open(path, {.commit_every_samples = 500, .fold_every_commits = 1000});
    Oracle ignored;
    if (!h) _exit(2);
    appendMinutes(&*h, ignored, 20, 22);
    _exit(h->flush() && sqliteAnswer(path, "SELECT count(*) FROM tail") != "0" ? 0 : 3);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the child writer's status " << status;
  appendMinutes(nullptr, oracle, 20, 22);
  {
    expectFileReadsMatch(path, oracle, 22);
  }
  {
    auto h = Historian::open(path, {.commit_every_samples = 3000});  // folds the tail
    ASSERT_TRUE(h) << h.error().message;
    EXPECT_EQ(sqliteAnswer(path, "SELECT count(*) FROM tail"), "0");
    appendMinutes(*h, oracle, 22, 25);
  }
  EXPECT_EQ(sqliteAnswer(path, "SELECT value FROM meta WHERE key = 'late_blocks'"), "0");
  expectFileReadsMatch(path, oracle, 25);
}

// Two tags, one with a clock ten years ahead: compaction follows the other one's data (the lower
// median of the fold's tags), and goes on; the skewed tag's blocks stay rows, every read is right.
TEST(HistorianGroups, ATagWithAClockYearsAheadDoesNotStopCompactionForTheOther) {
  test::TempDir dir;
  const std::string path = dir.file("skew.db");
  constexpr std::int64_t kAhead = 10LL * 365 * 24 * 3600 * 1000;
  Oracle oracle;
  const auto appendSeconds = [&](Historian& h, std::int64_t from, std::int64_t to) {
    for (std::int64_t s = from; s < to; ++s) {
      for (const auto& [name, ts] : {std::pair{std::string("now"), kT0 + s * 1000}, std::pair{std::string("ahead"), kT0 + kAhead + s * 1000}}) {
        ASSERT_TRUE(h.append(name, ts, valueOf(1, ts)));
        oracle[name].push_back({ts, valueOf(1, ts)});
      }
    }
  };
  {
    auto h = Historian::open(path, {.commit_every_samples = 100});
    ASSERT_TRUE(h) << h.error().message;
    appendSeconds(*h, 0, 20 * 60);
    ASSERT_TRUE(h->flush());
    const std::int64_t early = groupRows(path);
    EXPECT_GT(early, 0);
    appendSeconds(*h, 20 * 60, 40 * 60);
    ASSERT_TRUE(h->flush());
    EXPECT_GT(groupRows(path), early) << "compaction went on after the first 20 minutes";
  }
  EXPECT_EQ(sqliteAnswer(path, "SELECT count(*) FROM blocks b JOIN tags t ON t.id = b.tag_id WHERE t.name = 'now'"), "0");
  auto reader = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(reader) << reader.error().message;
  for (const auto& [name, want] : oracle) {
    auto got = reader->samplesBetween(name, INT64_MIN, INT64_MAX);
    ASSERT_TRUE(got) << got.error().message;
    ASSERT_EQ(got->size(), want.size()) << name;
    EXPECT_TRUE(std::equal(got->begin(), got->end(), want.begin(), [](const Sample& a, const Sample& b) {
      return a.ts_ms == b.ts_ms && a.value == b.value;
    })) << name;
  }
}

TEST(HistorianGroups, RetentionDropsWhatIsBeforeTheCutAndKeepsTheRest) {
  test::TempDir dir;
  const std::string path = dir.file("retention.db");
  Oracle oracle;
  writeSession(path, oracle, 0, 30);
  ASSERT_GT(groupRows(path), 0);
  const std::int64_t cut = kT0 + 13 * kMinute + 30'500;  // inside a segment (12 to 16 min)
  std::uint64_t before = 0;
  for (auto& [tag, samples] : oracle) {
    const auto kept = std::partition_point(samples.begin(), samples.end(), [&](const Sample& s) { return s.ts_ms < cut; });
    before += static_cast<std::uint64_t>(kept - samples.begin());
    samples.erase(samples.begin(), kept);
  }
  std::erase_if(oracle, [](const auto& entry) { return entry.second.empty(); });  // tag 5 stopped at minute 10
  {
    auto h = Historian::open(path);
    ASSERT_TRUE(h) << h.error().message;
    auto deleted = h->deleteRawBefore(cut);
    ASSERT_TRUE(deleted) << deleted.error().message;
    EXPECT_EQ(*deleted, before);
  }
  auto reader = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(reader) << reader.error().message;
  for (const auto& [tag, samples] : oracle) {
    auto got = reader->samplesBetween(tag, INT64_MIN, INT64_MAX);
    ASSERT_TRUE(got) << got.error().message;
    ASSERT_EQ(got->size(), samples.size()) << tag;
    EXPECT_EQ(got->front().ts_ms, samples.front().ts_ms) << tag;
  }
  auto state = reader->stateAt(kT0 + 20 * kMinute);
  ASSERT_TRUE(state) << state.error().message;
  EXPECT_EQ(state->size(), oracle.size());
}

TEST(HistorianGroups, ALateSampleForAGroupedSegmentIsStoredOnceAndEndsCompaction) {
  test::TempDir dir;
  const std::string path = dir.file("late.db");
  Oracle oracle;
  writeSession(path, oracle, 0, 20);
  ASSERT_GT(groupRows(path), 0);
  auto& one = oracle[tagName(1)];
  const Sample stored = one[300];  // minute 5: in a group row
  {
    auto h = Historian::open(path);
    ASSERT_TRUE(h) << h.error().message;
    ASSERT_TRUE(h->append(tagName(1), stored.ts_ms, -1.0));          // a duplicate: the first stored wins
    ASSERT_TRUE(h->append(tagName(1), stored.ts_ms + 500, -2.0));    // a new sample between two stored ones
    ASSERT_TRUE(h->flush());
    one.insert(one.begin() + 301, Sample{stored.ts_ms + 500, -2.0});
    appendMinutes(*h, oracle, 20, 35);
  }
  EXPECT_EQ(sqliteAnswer(path, "SELECT value FROM meta WHERE key = 'late_blocks'"), "1");
  // No segment after the late block's was compacted: group rows stop where they were.
  EXPECT_LT(std::stoll(sqliteAnswer(path, "SELECT max(id) >> 24 FROM block_groups")) * 240'000, kT0 + 20 * kMinute);
  expectFileReadsMatch(path, oracle, 35);
}

TEST(HistorianGroups, ACorruptGroupRowIsAnErrorNamingIt) {
  test::TempDir dir;
  const std::string path = dir.file("corrupt.db");
  Oracle oracle;
  writeSession(path, oracle, 0, 12);
  const std::string id = sqliteAnswer(path, "SELECT min(id) FROM block_groups");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, ("UPDATE block_groups SET payload = substr(payload, 1, length(payload) - 3) WHERE id = " + id).c_str(),
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto reader = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(reader) << reader.error().message;
  auto state = reader->stateAt(kT0 + 2 * kMinute);
  ASSERT_FALSE(state);
  EXPECT_NE(state.error().message.find("group row " + id), std::string::npos) << state.error().message;
  auto samples = reader->samplesBetween(tagName(0), INT64_MIN, INT64_MAX);
  ASSERT_FALSE(samples);
  EXPECT_NE(samples.error().message.find("group row " + id), std::string::npos) << samples.error().message;
}

TEST(HistorianGroups, ASchemaSevenFileIsReadAsItIsAndMigratedByAWriter) {
  test::TempDir dir;
  const std::string path = dir.file("seven.db");
  Oracle oracle;
  writeSession(path, oracle, 0, 12, {.compact_segments = false});
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DROP TABLE block_groups; PRAGMA user_version = 7; UPDATE meta SET value = '7' WHERE key = 'schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  {
    expectFileReadsMatch(path, oracle, 12);
  }
  writeSession(path, oracle, 12, 20);
  EXPECT_EQ(sqliteAnswer(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_GT(groupRows(path), 0);
  expectFileReadsMatch(path, oracle, 20);
}

// The layout itself: what encodeGroup writes decodes to the same entries, and every shorter
// prefix of it, and a row whose entries run out of order, is an error rather than a misread.
TEST(HistorianGroups, AGroupRowDecodesToWhatWasEncodedAndATruncatedOneIsAnError) {
  const std::vector<std::uint8_t> a = {1, 2, 3, 4, 5}, b = {9, 8, 7};
  const std::int64_t segment = groupSegmentOf(kT0), group = 2;
  const std::vector<GroupEntry> entries = {
      {96, kT0 + 10, kT0 + 900, 3, -5, a}, {96, kT0 + 1000, kT0 + 1000, 1, 7, b}, {143, kT0 + 239'999, kT0 + 400'000, 2, 1, a}};
  std::vector<std::uint8_t> row;
  encodeGroup(segment, group, entries, row);
  std::vector<GroupEntry> decoded;
  ASSERT_TRUE(decodeGroup(row, segment, group, decoded));
  ASSERT_EQ(decoded.size(), entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(decoded[i].tag_id, entries[i].tag_id);
    EXPECT_EQ(decoded[i].t_start_ms, entries[i].t_start_ms);
    EXPECT_EQ(decoded[i].t_end_ms, entries[i].t_end_ms);
    EXPECT_EQ(decoded[i].count, entries[i].count);
    EXPECT_EQ(decoded[i].last_value_bits, entries[i].last_value_bits);
    EXPECT_TRUE(std::equal(decoded[i].payload.begin(), decoded[i].payload.end(), entries[i].payload.begin(), entries[i].payload.end()));
  }
  for (std::size_t n = 0; n < row.size(); ++n) {
    EXPECT_FALSE(decodeGroup(std::span(row).first(n), segment, group, decoded)) << "prefix of " << n << " bytes";
  }
  std::vector<GroupEntry> swapped = {entries[1], entries[0]};
  encodeGroup(segment, group, swapped, row);
  EXPECT_FALSE(decodeGroup(row, segment, group, decoded));
  // A tag outside the group's 48 ids.
  const std::vector<GroupEntry> outside = {{95, kT0, kT0, 1, 0, a}};
  encodeGroup(segment, group, outside, row);
  EXPECT_FALSE(decodeGroup(row, segment, group, decoded));
}

}  // namespace
}  // namespace parktwin::store
