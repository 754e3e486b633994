// The tail (schema 7): commits between folds write one tail row instead of rewriting the open
// blocks. Every read sees what was flushed, a writer that dies between folds loses nothing
// (the next writer folds its tail), and a damaged tail row is an error naming it. The oracle
// is the input itself (a map, first value of a timestamp winning) and SQLite's own answers.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>  // INFINITY
#include <map>
#include <random>
#include <string>

#include "parktwin/store/historian.hpp"
#include "sqlite_answer.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

using test::sqliteAnswer;
using Oracle = std::map<std::string, std::map<std::int64_t, double>>;  // tag -> ts -> first value

constexpr std::int64_t kT0 = 1'767'225'600'000;
constexpr int kTags = 12;

HistorianOptions tailOptions() {
  HistorianOptions options;
  options.commit_every_samples = 1'000'000;  // commits only at flush(): the test chooses them
  options.commit_every_ms = 1'000'000;
  options.fold_every_commits = 5;
  options.max_samples_per_block = 16;  // blocks seal between folds
  options.snapshot_every_ms = 60'000;
  return options;
}

struct Append {
  std::string tag;
  std::int64_t ts_ms = 0;
  double value = 0;
  bool flush_after = false;
};

// Plans a writer session's appends: a round per second for every tag, some samples 2.5 s back
// (out of order, sorted into the open block: the plan follows each tag's block as the writer
// seals it, so that none falls before its block and becomes a late sample) and a flush every
// `roundsPerFlush` rounds. One planner per session: a new session starts new blocks.
class SessionPlan {
 public:
  explicit SessionPlan(std::uint32_t seed) : rng_(seed) {}
  std::vector<Append> rounds(int firstRound, int rounds, int roundsPerFlush) {
    std::vector<Append> plan;
    for (int round = firstRound; round < firstRound + rounds; ++round) {
      for (int tag = 0; tag < kTags; ++tag) {
        OpenBlock& block = open_[static_cast<std::size_t>(tag)];
        std::int64_t ts = kT0 + std::int64_t{round} * 1000;
        if (const std::int64_t back = ts - 2500; rng_() % 7 == 0 && back < block.newest && back >= block.start) {
          ts = back;  // between two samples of the open block
          ++block.count;
        } else if (block.count >= kBlock) {
          block = {ts, ts, 1};
        } else {
          block.newest = ts;
          ++block.count;
        }
        plan.push_back({"t" + std::to_string(tag), ts, static_cast<double>(rng_() % 100000) / 100.0, false});
      }
      plan.back().flush_after = (round - firstRound) % roundsPerFlush == roundsPerFlush - 1;
    }
    return plan;
  }

 private:
  static constexpr std::uint32_t kBlock = 16;  // tailOptions().max_samples_per_block
  struct OpenBlock {
    std::int64_t start = INT64_MIN, newest = INT64_MIN;
    std::uint32_t count = kBlock;  // the first sample starts a block
  };
  std::vector<OpenBlock> open_ = std::vector<OpenBlock>(kTags);
  std::mt19937 rng_;
};

// What the historian must hold after `plan`: the first value of each (tag, ts).
void record(const std::vector<Append>& plan, Oracle& oracle) {
  for (const auto& a : plan) oracle[a.tag].emplace(a.ts_ms, a.value);
}

void write(Historian& h, const std::vector<Append>& plan) {
  for (const auto& a : plan) {
    ASSERT_TRUE(h.append(a.tag, a.ts_ms, a.value));
    if (a.flush_after) {
      ASSERT_TRUE(h.flush());
    }
  }
}

// Writes `plan` in a child process that then dies without its destructor (no fold at close),
// as a writer killed between folds does.
void writeAndDie(const std::string& path, const std::vector<Append>& plan) {
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    auto h = Historian::open(path, tailOptions());
    if (!h) _exit(3);
    write(*h, plan);
    _exit(::testing::Test::HasFailure() ? 4 : 0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

// Writes `plan` and records it.
void writeRounds(Historian& h, Oracle& oracle, const std::vector<Append>& plan) {
  record(plan, oracle);
  write(h, plan);
}

// Every read the historian offers, against the oracle, through `h`.
void expectReadsMatch(Historian& h, const Oracle& oracle) {
  std::int64_t last = INT64_MIN;
  for (const auto& [tag, samples] : oracle) {
    auto read = h.samplesBetween(tag, INT64_MIN, INT64_MAX);
    ASSERT_TRUE(read) << read.error().message;
    ASSERT_EQ(read->size(), samples.size()) << tag;
    auto it = samples.begin();
    for (const auto& s : *read) {
      EXPECT_EQ(s.ts_ms, it->first) << tag;
      EXPECT_EQ(s.value, it->second) << tag << " at " << s.ts_ms;
      ++it;
    }
    last = std::max(last, samples.rbegin()->first);
    // Downsampled to 7 buckets: counts, min, max against the oracle.
    const std::int64_t t0 = samples.begin()->first, t1 = samples.rbegin()->first + 1;
    auto buckets = h.downsample(tag, t0, t1, 7);
    ASSERT_TRUE(buckets) << buckets.error().message;
    for (const auto& b : *buckets) {
      std::uint64_t count = 0;
      double lo = INFINITY, hi = -INFINITY;
      for (auto s = samples.lower_bound(b.t_start_ms); s != samples.end() && s->first < b.t_end_ms; ++s, ++count) {
        lo = std::min(lo, s->second);
        hi = std::max(hi, s->second);
      }
      EXPECT_EQ(b.count, count) << tag << " bucket at " << b.t_start_ms;
      if (count > 0) {
        EXPECT_EQ(b.min, lo);
        EXPECT_EQ(b.max, hi);
      }
    }
  }
  // stateAt at several instants, the last one after every sample.
  for (const std::int64_t at : {kT0 + 3'500, kT0 + 40'200, kT0 + 95'000, last}) {
    auto state = h.stateAt(at);
    ASSERT_TRUE(state) << state.error().message;
    std::map<std::string, std::pair<std::int64_t, double>> expected;
    for (const auto& [tag, samples] : oracle) {
      auto after = samples.upper_bound(at);
      if (after != samples.begin()) expected[tag] = {std::prev(after)->first, std::prev(after)->second};
    }
    ASSERT_EQ(state->size(), expected.size()) << "at " << at;
    for (const auto& s : *state) {
      EXPECT_EQ(s.ts_ms, expected[s.tag].first) << s.tag << " at " << at;
      EXPECT_EQ(s.value, expected[s.tag].second) << s.tag << " at " << at;
    }
  }
  auto summary = h.summary();
  ASSERT_TRUE(summary) << summary.error().message;
  ASSERT_EQ(summary->size(), oracle.size());
  for (const auto& tag : *summary) {
    const auto& samples = oracle.at(tag.name);
    EXPECT_EQ(tag.samples, samples.size()) << tag.name;
    EXPECT_EQ(tag.first_ms, samples.begin()->first) << tag.name;
    EXPECT_EQ(tag.last_ms, samples.rbegin()->first) << tag.name;
  }
}

std::int64_t answer(const std::string& file, const char* sql) { return std::stoll(sqliteAnswer(file, sql)); }

std::int64_t sampleCount(const Oracle& oracle) {
  std::int64_t n = 0;
  for (const auto& [tag, samples] : oracle) n += static_cast<std::int64_t>(samples.size());
  return n;
}

}  // namespace

TEST(HistorianTail, CommitsBetweenFoldsAreReadFromTheTailByEveryReader) {
  test::TempDir dir;
  const std::string path = dir.file("tail.db");
  Oracle oracle;
  SessionPlan session(7);
  {
    HistorianOptions options = tailOptions();
    options.compact_segments = false;  // every sample is counted in the block rows below
    auto h = Historian::open(path, options);
    ASSERT_TRUE(h) << h.error().message;
    // 31 flushes of 4 rounds: 6 folds, then 1 commit in the tail.
    writeRounds(*h, oracle, session.rounds(0, 124, 4));
    // The tail is really in use: rows there, and fewer samples in the blocks than flushed.
    EXPECT_EQ(answer(path, "SELECT count(*) FROM tail"), 1);
    const std::int64_t flushed = sampleCount(oracle);
    EXPECT_LT(answer(path, "SELECT sum(count) FROM blocks"), flushed);
    // A second process's view (read-only, its own connections), and the writer's own reader.
    auto reader = Historian::open(path, {.read_only = true});
    ASSERT_TRUE(reader) << reader.error().message;
    expectReadsMatch(*reader, oracle);
    expectReadsMatch(*h, oracle);
    // Three more commits in the tail, read again through the same reader (its decoded rows kept).
    writeRounds(*h, oracle, session.rounds(124, 12, 4));
    EXPECT_EQ(answer(path, "SELECT count(*) FROM tail"), 4);
    expectReadsMatch(*reader, oracle);
    // A fold, then one commit in the tail again: a new row the reader has not seen.
    writeRounds(*h, oracle, session.rounds(136, 8, 4));
    EXPECT_EQ(answer(path, "SELECT count(*) FROM tail"), 1);
    expectReadsMatch(*reader, oracle);
    // Again, so that the reader last saw a one-row tail: the new row must not pass for the old.
    writeRounds(*h, oracle, session.rounds(144, 20, 4));
    EXPECT_EQ(answer(path, "SELECT count(*) FROM tail"), 1);
    expectReadsMatch(*reader, oracle);
  }
  // Closing folds: no tail left, every sample in the blocks, once.
  EXPECT_EQ(answer(path, "SELECT count(*) FROM tail"), 0);
  const std::int64_t flushed = sampleCount(oracle);
  EXPECT_EQ(answer(path, "SELECT sum(count) FROM blocks"), flushed);
  EXPECT_EQ(sqliteAnswer(path, "SELECT value FROM meta WHERE key = 'late_blocks'"), "0");
  auto reader = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(reader);
  expectReadsMatch(*reader, oracle);
}

TEST(HistorianTail, AWriterThatDiesBetweenFoldsLeavesATailTheNextWriterFolds) {
  test::TempDir dir;
  const std::string path = dir.file("died.db");
  Oracle oracle;
  const auto plan = SessionPlan(11).rounds(0, 68, 4);  // 17 flushes: 3 folds, 2 commits in the tail
  record(plan, oracle);
  writeAndDie(path, plan);
  ASSERT_EQ(answer(path, "SELECT count(*) FROM tail"), 2);

  auto reader = Historian::open(path, {.read_only = true});  // reads the tail as it is
  ASSERT_TRUE(reader) << reader.error().message;
  expectReadsMatch(*reader, oracle);
  {
    auto writer = Historian::open(path, tailOptions());  // folds the tail first
    ASSERT_TRUE(writer) << writer.error().message;
    EXPECT_EQ(answer(path, "SELECT count(*) FROM tail"), 0);
    const std::int64_t flushed = sampleCount(oracle);
    EXPECT_EQ(answer(path, "SELECT sum(count) FROM blocks"), flushed);
    // The folded samples continue their tags' blocks: no two blocks of a tag overlap.
    EXPECT_EQ(answer(path, "SELECT count(*) FROM blocks a JOIN blocks b ON a.tag_id = b.tag_id AND a.rowid < b.rowid "
                           "AND a.t_start_ms <= b.t_end_ms AND b.t_start_ms <= a.t_end_ms"), 0);
    EXPECT_EQ(sqliteAnswer(path, "SELECT value FROM meta WHERE key = 'late_blocks'"), "0");
    expectReadsMatch(*writer, oracle);
    expectReadsMatch(*reader, oracle);
    writeRounds(*writer, oracle, SessionPlan(12).rounds(68, 20, 4));  // and a new session goes on after them
    expectReadsMatch(*writer, oracle);
  }
  EXPECT_EQ(sqliteAnswer(path, "PRAGMA integrity_check"), "ok");
}

TEST(HistorianTail, ADamagedTailRowIsAnErrorNamingIt) {
  test::TempDir dir;
  const std::string path = dir.file("damaged.db");
  writeAndDie(path, SessionPlan(3).rounds(0, 8, 4));  // 2 commits, both in the tail
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // A length that runs past the row's end in its first entry (after the magic, id and length).
  ASSERT_EQ(sqlite3_exec(db, "UPDATE tail SET payload = X'FF5431027F00' WHERE seq = (SELECT min(seq) FROM tail)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto reader = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(reader) << reader.error().message;
  auto samples = reader->samplesBetween("t0", INT64_MIN, INT64_MAX);
  ASSERT_FALSE(samples);
  EXPECT_NE(samples.error().message.find("tail row 1"), std::string::npos) << samples.error().message;
  EXPECT_NE(samples.error().message.find(path), std::string::npos) << samples.error().message;
  auto state = reader->stateAt(kT0 + 10'000);
  EXPECT_FALSE(state);
  // A writer does not fold what it cannot read: it refuses to open, and the file is unchanged.
  auto writer = Historian::open(path, tailOptions());
  ASSERT_FALSE(writer);
  EXPECT_NE(writer.error().message.find("tail row"), std::string::npos) << writer.error().message;
  EXPECT_EQ(answer(path, "SELECT count(*) FROM tail"), 2);
}

TEST(HistorianTail, AnEmptyEntryInADeadWritersTailIsSkippedWhenItIsFolded) {
  test::TempDir dir;
  const std::string path = dir.file("empty-entry.db");
  const auto plan = SessionPlan(5).rounds(0, 8, 4);  // 2 commits, both in the tail
  writeAndDie(path, plan);
  // A tag with no sample anywhere, and a row whose only entry is an empty block of it
  // (zigzag id 26 = tag 13, 4 bytes: a block header saying 0 samples).
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO tags(id, name) VALUES (13, 'empty'); "
                             "INSERT INTO tail(payload) VALUES (X'FF54311A0400000000')", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto writer = Historian::open(path, tailOptions());
  ASSERT_TRUE(writer) << writer.error().message;
  EXPECT_EQ(answer(path, "SELECT count(*) FROM tail"), 0);
  EXPECT_EQ(answer(path, "SELECT sum(count) FROM blocks"), static_cast<std::int64_t>(plan.size()));
  EXPECT_EQ(answer(path, "SELECT count(*) FROM blocks WHERE tag_id = 13"), 0);
}

TEST(HistorianTail, ASecondWriterIsRefusedWhileTheFirstIsOpen) {
  test::TempDir dir;
  const std::string path = dir.file("two.db");
  Oracle oracle;
  SessionPlan session(9);
  {
    auto first = Historian::open(path, tailOptions());
    ASSERT_TRUE(first) << first.error().message;
    writeRounds(*first, oracle, session.rounds(0, 8, 4));
    // The second would fold the first one's tail away (and the first would then fold the
    // second's): it is refused, and readers still open.
    auto second = Historian::open(path, tailOptions());
    ASSERT_FALSE(second);
    EXPECT_NE(second.error().message.find("another writer"), std::string::npos) << second.error().message;
    auto reader = Historian::open(path, {.read_only = true});
    ASSERT_TRUE(reader) << reader.error().message;
    expectReadsMatch(*reader, oracle);
    writeRounds(*first, oracle, session.rounds(8, 8, 4));
  }
  auto next = Historian::open(path, tailOptions());  // once the first has closed
  ASSERT_TRUE(next) << next.error().message;
  expectReadsMatch(*next, oracle);
}

TEST(HistorianTail, AReaderOfAnOlderFileSeesTheTailOnceAWriterMigratesIt) {
  test::TempDir dir;
  const std::string path = dir.file("older.db");
  Oracle oracle;
  {
    auto h = Historian::open(path, tailOptions());
    ASSERT_TRUE(h);
    writeRounds(*h, oracle, SessionPlan(21).rounds(0, 8, 4));
  }
  // What schema 6 wrote: no tail table.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DROP TABLE tail; PRAGMA user_version = 6; UPDATE meta SET value = '6' WHERE key = 'schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto reader = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(reader) << reader.error().message;
  expectReadsMatch(*reader, oracle);
  auto writer = Historian::open(path, tailOptions());  // migrates to 7 and commits to the tail
  ASSERT_TRUE(writer) << writer.error().message;
  writeRounds(*writer, oracle, SessionPlan(22).rounds(20, 8, 4));
  ASSERT_EQ(answer(path, "SELECT count(*) FROM tail"), 2);
  expectReadsMatch(*reader, oracle);
}

TEST(HistorianTail, AFoldIntervalOfZeroIsRefused) {
  test::TempDir dir;
  HistorianOptions options;
  options.fold_every_commits = 0;
  auto h = Historian::open(dir.file("zero.db"), options);
  ASSERT_FALSE(h);
  EXPECT_NE(h.error().message.find("fold interval"), std::string::npos) << h.error().message;
}

}  // namespace parktwin::store
