// Write-behind (HistorianOptions::write_behind): commits due by count are written on the
// historian's own thread while appends go on. What the writer reads is what it committed, a
// second reader never sees a sample twice or out of place while commits are queued, flush()
// reports durable only what is in the file, and a queued commit that fails is reported and
// written once the file accepts it again. The oracles: the input itself and SQLite's answers.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>  // INFINITY
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "parktwin/store/historian.hpp"
#include "snapshot_codec.hpp"
#include "sqlite_answer.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

using test::sqliteAnswer;

constexpr std::int64_t kT0 = 1'767'225'600'000;

HistorianOptions queuedOptions(std::size_t commitEvery) {
  HistorianOptions options;
  options.write_behind = true;
  options.commit_every_samples = commitEvery;
  options.commit_every_ms = 1'000'000'000;  // commits by count only: the test knows which are due
  options.fold_every_commits = 4;
  options.max_samples_per_block = 40;  // blocks seal between folds and inside queued ones
  options.snapshot_every_ms = 60'000;
  return options;
}

std::string tagName(int i) { return "line" + std::to_string(i) + ".power_kw"; }

double valueOf(int round, int tag) { return round * 0.5 + tag; }

void execOn(const std::string& file, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

// The samples of `tag` a read gives, checked against the rounds appended: exactly rounds
// [0, expectRounds), each once, in time order.
void expectRounds(Historian& h, int tag, int expectRounds, const std::string& who) {
  auto samples = h.samplesBetween(tagName(tag), INT64_MIN, INT64_MAX);
  ASSERT_TRUE(samples) << samples.error().message;
  ASSERT_EQ(static_cast<int>(samples->size()), expectRounds) << who << ", tag " << tag;
  for (int round = 0; round < expectRounds; ++round) {
    ASSERT_EQ((*samples)[static_cast<std::size_t>(round)].ts_ms, kT0 + round * 1000) << who << ", tag " << tag;
    ASSERT_EQ((*samples)[static_cast<std::size_t>(round)].value, valueOf(round, tag)) << who << ", tag " << tag;
  }
}

TEST(HistorianWriteBehind, EveryReadSeesEachCommittedSampleOnceWhileCommitsAreQueued) {
  test::TempDir dir;
  const std::string file = dir.file("park.db");
  constexpr int kTags = 10, kRounds = 700;
  constexpr std::size_t kCommitEvery = 50;  // five rounds: 140 commits, 35 of them folds
  HistorianOptions options = queuedOptions(kCommitEvery);
  options.compact_segments = false;  // every sample is counted in the block rows below
  auto writer = Historian::open(file, options);
  ASSERT_TRUE(writer) << writer.error().message;
  std::size_t appended = 0;
  for (int round = 0; round < kRounds; ++round) {
    for (int tag = 0; tag < kTags; ++tag) {
      ASSERT_TRUE(writer->append(tagName(tag), kT0 + round * 1000, valueOf(round, tag)));
      ++appended;
    }
    if (round % 37 != 36) continue;
    // The writer reads every sample its due commits hold: whole rounds, as commits fall on them.
    const int committedRounds = static_cast<int>(appended / kCommitEvery * kCommitEvery) / kTags;
    expectRounds(*writer, round % kTags, committedRounds, "the writer");
    // A second reader sees some prefix of the rounds (commits may still be queued), never more
    // than was appended, and never a sample twice.
    auto reader = Historian::open(file, {.read_only = true});
    ASSERT_TRUE(reader) << reader.error().message;
    for (int tag = 0; tag < kTags; ++tag) {
      auto seen = reader->samplesBetween(tagName(tag), INT64_MIN, INT64_MAX);
      ASSERT_TRUE(seen) << seen.error().message;
      ASSERT_LE(static_cast<int>(seen->size()), round + 1);
      expectRounds(*reader, tag, static_cast<int>(seen->size()), "a second reader");
    }
  }
  auto flushed = writer->flush();
  ASSERT_TRUE(flushed) << flushed.error().message;
  EXPECT_EQ(flushed->durable_samples, appended);
  EXPECT_EQ(flushed->durable_until_ms, kT0 + (kRounds - 1) * 1000);
  writer = std::unexpected(Error{"closed"});  // closing folds the last tail rows

  EXPECT_EQ(sqliteAnswer(file, "SELECT sum(count) FROM blocks"), std::to_string(appended));
  EXPECT_EQ(sqliteAnswer(file, "SELECT count(*) FROM tail"), "0");
  EXPECT_EQ(sqliteAnswer(file, "SELECT count(*) FROM blocks a JOIN blocks b ON a.tag_id = b.tag_id AND a.rowid < b.rowid "
                               "AND a.t_start_ms <= b.t_end_ms AND b.t_start_ms <= a.t_end_ms"),
            "0");
  auto reader = Historian::open(file, {.read_only = true});
  ASSERT_TRUE(reader) << reader.error().message;
  for (int tag = 0; tag < kTags; ++tag) expectRounds(*reader, tag, kRounds, "after closing");
}

// A trigger refuses the queued commit's writes, as a full disk would; the commit is neither lost
// nor written twice once the file accepts it again.
TEST(HistorianWriteBehind, AQueuedCommitThatFailsIsReportedAndWrittenOnceTheFileAcceptsItAgain) {
  struct Refusal {
    const char* what;
    const char* trigger;  // the fold rewrites the open blocks the first fold inserted
  };
  const Refusal refusals[] = {
      {"a tail row", "CREATE TRIGGER refuse BEFORE INSERT ON tail BEGIN SELECT RAISE(ABORT, 'no room for the tail'); END"},
      {"a fold", "CREATE TRIGGER refuse BEFORE UPDATE ON blocks BEGIN SELECT RAISE(ABORT, 'no room for the blocks'); END"},
  };
  for (const Refusal& refusal : refusals) {
    SCOPED_TRACE(refusal.what);
    test::TempDir dir;
    const std::string file = dir.file("park.db");
    auto options = queuedOptions(10);
    options.fold_every_commits = 2;  // every second commit folds
    options.snapshot_every_ms = 0;
    auto writer = Historian::open(file, options);
    ASSERT_TRUE(writer) << writer.error().message;
    int round = 0;
    // Ten samples: the tenth makes a commit due, and its append reports that commit's failure
    // (the sample itself is kept, as every one before it).
    auto appendRounds = [&](int rounds) {
      Result<void> last;
      for (int end = round + rounds; round < end; ++round) {
        for (int tag = 0; tag < 2; ++tag) {
          EXPECT_TRUE(last) << "an append before the last one failed";
          last = writer->append(tagName(tag), kT0 + round * 1000, valueOf(round, tag));
        }
      }
      return last;
    };
    ASSERT_TRUE(appendRounds(5));  // the first commit creates the tags, in the appending thread
    ASSERT_TRUE(writer->flush());  // and flush() folds: the next commit due is a tail row
    if (std::string(refusal.what) == "a fold") {
      ASSERT_TRUE(appendRounds(5));  // a tail row: the next commit due is a fold
    }
    execOn(file, refusal.trigger);
    ASSERT_TRUE(appendRounds(5));  // a commit falls due and is queued
    auto refused = writer->flush();
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("no room for the"), std::string::npos) << refused.error().message;
    // The next commit due is refused too: the failed one comes first.
    auto next = appendRounds(5);
    ASSERT_FALSE(next);
    EXPECT_NE(next.error().message.find("no room for the"), std::string::npos) << next.error().message;

    execOn(file, "DROP TRIGGER refuse");
    auto flushed = writer->flush();
    ASSERT_TRUE(flushed) << flushed.error().message;
    EXPECT_EQ(flushed->durable_samples, static_cast<std::uint64_t>(round) * 2);
    auto reader = Historian::open(file, {.read_only = true});
    ASSERT_TRUE(reader) << reader.error().message;
    for (int tag = 0; tag < 2; ++tag) expectRounds(*reader, tag, round, "after the refusal");
  }
}

// A gateway that lost its link sends a slow tag's backlog when it is back, in order for that
// tag but behind the snapshots already written: the commit that brings it deletes them (they
// held the tag's older value), and a fold must write them again, queued or not, even when that
// commit is the session's last one. Each snapshot row must hold every tag's last sample at its
// instant, per the input, and none may be missing.
TEST(HistorianWriteBehind, SnapshotsDroppedByABacklogAreWrittenAgain) {
  constexpr int kTags = 10, kSlowEvery = 10, kBacklog = 300;  // the last tag: a sample every 10 s
  constexpr std::int64_t kEvery = 60'000;
  // The backlog (30 samples) is all of flush()'s commit; with these lengths that commit falls
  // on each step of the fold cadence.
  for (const int kRounds : {1200, 1206, 1212, 1218, 1224, 1230, 1236, 1242})
  for (const bool queued : {true, false}) {
    SCOPED_TRACE((queued ? "write-behind, " : "every commit in the append, ") + std::to_string(kRounds) + " rounds");
    test::TempDir dir;
    const std::string file = dir.file("park.db");
    auto options = queuedOptions(50);
    options.write_behind = queued;
    options.snapshot_every_ms = kEvery;
    std::map<std::string, std::map<std::int64_t, double>> input;  // tag -> ts -> value
    {
      auto writer = Historian::open(file, options);
      ASSERT_TRUE(writer) << writer.error().message;
      auto append = [&](int tag, int second) {
        const std::int64_t ts = kT0 + second * 1000;
        input[tagName(tag)][ts] = valueOf(second, tag);
        return writer->append(tagName(tag), ts, valueOf(second, tag));
      };
      const int silentFrom = kRounds - kBacklog;
      for (int round = 0; round < kRounds; ++round) {
        for (int tag = 0; tag < kTags - 1; ++tag) ASSERT_TRUE(append(tag, round));
        const bool slowTagSends = round < silentFrom && round % kSlowEvery == 0;
        ASSERT_TRUE(!slowTagSends || append(kTags - 1, round));
      }
      ASSERT_TRUE(writer->flush());
      for (int second = silentFrom; second < kRounds; ++second) {
        ASSERT_TRUE(second % kSlowEvery != 0 || append(kTags - 1, second));
      }
      ASSERT_TRUE(writer->flush());
    }
    std::map<std::int64_t, std::string> names;  // tag id -> name, as the file has them
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT id, name FROM tags", -1, &stmt, nullptr), SQLITE_OK);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      names[sqlite3_column_int64(stmt, 0)] = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
    }
    sqlite3_finalize(stmt);
    std::set<std::int64_t> instants;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT ts_ms, payload FROM snapshots ORDER BY ts_ms", -1, &stmt, nullptr), SQLITE_OK);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      const std::int64_t at = sqlite3_column_int64(stmt, 0);
      instants.insert(at);
      const auto* bytes = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt, 1));
      auto entries = decodeSnapshot({bytes, static_cast<std::size_t>(sqlite3_column_bytes(stmt, 1))});
      ASSERT_TRUE(entries) << entries.error().message;
      std::map<std::string, std::pair<std::int64_t, double>> held;
      for (const auto& e : *entries) held[names[e.tag_id]] = {e.ts_ms, e.value};
      for (const auto& [tag, samples] : input) {
        auto last = samples.upper_bound(at);
        if (last == samples.begin()) {
          EXPECT_EQ(held.count(tag), 0U) << tag << " at +" << (at - kT0) / 1000 << " s";
          continue;
        }
        --last;
        ASSERT_EQ(held.count(tag), 1U) << tag << " at +" << (at - kT0) / 1000 << " s";
        EXPECT_EQ(held[tag].first, last->first) << tag << " at +" << (at - kT0) / 1000 << " s";
        EXPECT_EQ(held[tag].second, last->second) << tag << " at +" << (at - kT0) / 1000 << " s";
      }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    // Every interval from the first to the last that lies a reorder window before the newest sample.
    std::set<std::int64_t> expected;
    for (std::int64_t at = kT0 + kEvery; at <= kT0 + (kRounds - 1) * 1000 - options.reorder_window_ms; at += kEvery) {
      expected.insert(at);
    }
    EXPECT_EQ(instants, expected);
  }
}

// What the appending thread does with the file itself while commits are queued, each of which
// waits for the queue first: a new tag's lookup, a late sample (its fold checks the blocks),
// a rollup and a retention cut. The oracle is the input, kept in a map as the file should.
TEST(HistorianWriteBehind, WorkOnTheFileMidStreamWaitsForTheQueue) {
  constexpr int kTags = 10;
  test::TempDir dir;
  const std::string file = dir.file("park.db");
  auto writer = Historian::open(file, queuedOptions(50));
  ASSERT_TRUE(writer) << writer.error().message;
  std::map<std::string, std::map<std::int64_t, double>> input;  // tag -> ts -> value, first wins
  auto append = [&](const std::string& tag, std::int64_t ts, double value) {
    input[tag].emplace(ts, value);
    return writer->append(tag, ts, value);
  };
  auto rounds = [&](int from, int to) {
    for (int round = from; round < to; ++round) {
      for (int tag = 0; tag < kTags; ++tag) {
        if (!append(tagName(tag), kT0 + round * 1000, valueOf(round, tag))) return false;
      }
    }
    return true;
  };
  ASSERT_TRUE(rounds(0, 300));
  ASSERT_TRUE(append("arrived.later", kT0 + 300 * 1000, 1.5));      // a new tag: looked up in the file
  ASSERT_TRUE(append(tagName(0), kT0 + 200 * 1000 + 500, -7.25));  // late: before tag 0's open block
  ASSERT_TRUE(rounds(300, 500));

  auto rolled = writer->rollup(kT0, kT0 + 5 * 60'000);
  ASSERT_TRUE(rolled) << rolled.error().message;
  auto minutes = writer->rollupsBetween(tagName(1), kT0, kT0 + 5 * 60'000);
  ASSERT_TRUE(minutes) << minutes.error().message;
  ASSERT_EQ(minutes->size(), 5U);
  for (const Rollup& minute : *minutes) {
    double lo = INFINITY, hi = -INFINITY, sum = 0;
    std::uint64_t n = 0;
    for (auto it = input[tagName(1)].lower_bound(minute.bucket_ms); it != input[tagName(1)].end() && it->first < minute.bucket_ms + 60'000; ++it) {
      lo = std::min(lo, it->second);
      hi = std::max(hi, it->second);
      sum += it->second;
      ++n;
    }
    EXPECT_EQ(minute.count, n);
    EXPECT_EQ(minute.min, lo);
    EXPECT_EQ(minute.max, hi);
    EXPECT_DOUBLE_EQ(minute.mean, sum / static_cast<double>(n));
  }

  const std::int64_t cut = kT0 + 120 * 1000;
  std::uint64_t before = 0;
  for (auto& [tag, samples] : input) {
    const auto end = samples.lower_bound(cut);
    before += static_cast<std::uint64_t>(std::distance(samples.begin(), end));
    samples.erase(samples.begin(), end);
  }
  auto deleted = writer->deleteRawBefore(cut);
  ASSERT_TRUE(deleted) << deleted.error().message;
  EXPECT_EQ(*deleted, before);
  ASSERT_TRUE(rounds(500, 700));
  ASSERT_TRUE(writer->flush());
  writer = std::unexpected(Error{"closed"});

  auto reader = Historian::open(file, {.read_only = true});
  ASSERT_TRUE(reader) << reader.error().message;
  for (const auto& [tag, samples] : input) {
    auto stored = reader->samplesBetween(tag, INT64_MIN, INT64_MAX);
    ASSERT_TRUE(stored) << stored.error().message;
    ASSERT_EQ(stored->size(), samples.size()) << tag;
    auto expected = samples.begin();
    for (const Sample& sample : *stored) {
      EXPECT_EQ(sample.ts_ms, expected->first) << tag;
      EXPECT_EQ(sample.value, expected->second) << tag;
      ++expected;
    }
  }
  EXPECT_EQ(sqliteAnswer(file, "SELECT count(*) FROM tail"), "0");
}

}  // namespace
}  // namespace parktwin::store
