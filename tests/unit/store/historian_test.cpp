// Historian writing: buffering, ordering, duplicates, durability counts, concurrent readers.
#include "parktwin/store/historian.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <thread>

#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

HistorianOptions manualCommits() {
  HistorianOptions o;
  o.commit_every_ms = 1'000'000'000;  // never by time: tests decide with flush()
  o.commit_every_samples = 1'000'000'000;
  return o;
}

std::vector<Sample> all(Historian& h, const std::string& tag) {
  auto s = h.samplesBetween(tag, INT64_MIN, INT64_MAX);
  EXPECT_TRUE(s) << (s ? "" : s.error().message);
  return s.value_or(std::vector<Sample>{});
}

}  // namespace

TEST(Historian, AppendedSamplesReadBackAfterFlushOnly) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"), manualCommits());
  ASSERT_TRUE(h);
  for (int i = 0; i < 3000; ++i) ASSERT_TRUE(h->append("boiler.temp", 1000LL * i, 20.0 + i * 0.01));
  EXPECT_FALSE(h->samplesBetween("boiler.temp", INT64_MIN, INT64_MAX)) << "nothing, not even the tag, before flush";
  auto flushed = h->flush();
  ASSERT_TRUE(flushed);
  EXPECT_EQ(flushed->durable_samples, 3000U);
  EXPECT_EQ(flushed->durable_until_ms, 2'999'000);
  const auto samples = all(*h, "boiler.temp");
  ASSERT_EQ(samples.size(), 3000U);
  for (int i = 0; i < 3000; ++i) EXPECT_EQ(samples[static_cast<std::size_t>(i)], (Sample{1000LL * i, 20.0 + i * 0.01}));
}

// A handle writes to the same tag as its name, mixed freely; first wins across both.
TEST(Historian, TagHandlesAppendLikeNames) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"), manualCommits());
  ASSERT_TRUE(h);
  auto handle = h->tagHandle("press.power");
  ASSERT_TRUE(handle) << handle.error().message;
  for (int i = 0; i < 500; ++i) {
    if (i % 2) ASSERT_TRUE(h->append(*handle, 1000LL * i, i * 0.5));
    else ASSERT_TRUE(h->append("press.power", 1000LL * i, i * 0.5));
  }
  ASSERT_TRUE(h->append(*handle, 1000LL * 7, -1.0));  // a repeat: dropped
  ASSERT_TRUE(h->flush());
  const auto samples = all(*h, "press.power");
  ASSERT_EQ(samples.size(), 500U);
  for (int i = 0; i < 500; ++i) EXPECT_EQ(samples[static_cast<std::size_t>(i)], (Sample{1000LL * i, i * 0.5}));
  EXPECT_FALSE(h->append(Historian::TagHandle{}, 0, 1.0)) << "an empty handle is refused";
}

TEST(Historian, SamplesBetweenIsInclusiveOnBothEnds) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"), manualCommits());
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(h->append("a", i * 10, i));
  ASSERT_TRUE(h->flush());
  auto s = h->samplesBetween("a", 20, 50);
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, (std::vector<Sample>{{20, 2}, {30, 3}, {40, 4}, {50, 5}}));
  EXPECT_FALSE(h->samplesBetween("nope", 0, 1));
}

TEST(Historian, CommitsOnItsOwnAfterNSamples) {
  test::TempDir dir;
  auto options = manualCommits();
  options.commit_every_samples = 100;
  auto h = Historian::open(dir.file("park.db"), options);
  for (int i = 0; i < 250; ++i) ASSERT_TRUE(h->append("a", i, i));
  EXPECT_EQ(all(*h, "a").size(), 200U);
}

TEST(Historian, OutOfOrderInsideWindowIsSortedIn) {
  test::TempDir dir;
  auto options = manualCommits();
  options.reorder_window_ms = 5000;
  auto h = Historian::open(dir.file("park.db"), options);
  for (std::int64_t ts : {1000, 2000, 4000, 5000, 3000, 6000, 2500}) ASSERT_TRUE(h->append("a", ts, static_cast<double>(ts)));
  ASSERT_TRUE(h->flush());
  auto s = all(*h, "a");
  std::vector<std::int64_t> ts;
  for (const auto& x : s) ts.push_back(x.ts_ms);
  EXPECT_EQ(ts, (std::vector<std::int64_t>{1000, 2000, 2500, 3000, 4000, 5000, 6000}));
  for (const auto& x : s) EXPECT_EQ(x.value, static_cast<double>(x.ts_ms));
}

// A commit writes only the tags changed since the previous one (a list kept by append, not a
// scan of every tag): each way a tag can change must reach the file when it is the only change.
TEST(Historian, ACommitStoresEachKindOfChangeMadeAloneSinceThePreviousOne) {
  test::TempDir dir;
  auto options = manualCommits();
  options.reorder_window_ms = 1000;
  using Expected = std::vector<std::pair<std::int64_t, double>>;
  auto pairs = [](const std::vector<Sample>& s) {
    Expected out;
    for (const auto& x : s) out.emplace_back(x.ts_ms, x.value);
    return out;
  };
  {
    auto h = Historian::open(dir.file("park.db"), options);
    ASSERT_TRUE(h);
    for (const auto& [tag, v] : {std::pair{"a", 1.0}, {"b", 2.0}, {"c", 3.0}}) ASSERT_TRUE(h->append(tag, 1000, v));
    ASSERT_TRUE(h->flush());
    ASSERT_TRUE(h->append("b", 2000, 4.0));  // in order, b alone
    ASSERT_TRUE(h->flush());
    EXPECT_EQ(pairs(all(*h, "b")), (Expected{{1000, 2.0}, {2000, 4.0}}));
    ASSERT_TRUE(h->append("c", 3000, 5.0));
    ASSERT_TRUE(h->flush());
    ASSERT_TRUE(h->append("c", 2500, 6.0));  // out of order inside the window, c alone
    ASSERT_TRUE(h->flush());
    EXPECT_EQ(pairs(all(*h, "c")), (Expected{{1000, 3.0}, {2500, 6.0}, {3000, 5.0}}));
    ASSERT_TRUE(h->append("a", 500, 7.0));  // before a's open block: a late sample, a alone
    ASSERT_TRUE(h->flush());
    EXPECT_EQ(pairs(all(*h, "a")), (Expected{{500, 7.0}, {1000, 1.0}}));
  }
  auto reopened = Historian::open(dir.file("park.db"), options);
  ASSERT_TRUE(reopened);
  EXPECT_EQ(pairs(all(*reopened, "a")), (Expected{{500, 7.0}, {1000, 1.0}}));
  EXPECT_EQ(pairs(all(*reopened, "b")), (Expected{{1000, 2.0}, {2000, 4.0}}));
  EXPECT_EQ(pairs(all(*reopened, "c")), (Expected{{1000, 3.0}, {2500, 6.0}, {3000, 5.0}}));
}

TEST(Historian, LateSamplesBeyondWindowAreKeptAndMerged) {
  test::TempDir dir;
  auto options = manualCommits();
  options.reorder_window_ms = 1000;
  options.max_samples_per_block = 4;  // several sealed blocks, late ones land between them
  auto h = Historian::open(dir.file("park.db"), options);
  std::map<std::int64_t, double> expected;
  for (std::int64_t ts = 0; ts <= 20'000; ts += 2000) {
    ASSERT_TRUE(h->append("a", ts, static_cast<double>(ts)));
    expected[ts] = static_cast<double>(ts);
  }
  for (std::int64_t ts : {15'001, 1, 7'777, -50}) {  // far behind the newest sample
    ASSERT_TRUE(h->append("a", ts, -static_cast<double>(ts)));
    expected[ts] = -static_cast<double>(ts);
  }
  ASSERT_TRUE(h->flush());
  ASSERT_TRUE(h->append("a", 3, 3.5));  // late again, in a later commit
  expected[3] = 3.5;
  ASSERT_TRUE(h->flush());
  const auto s = all(*h, "a");
  ASSERT_EQ(s.size(), expected.size());
  std::size_t i = 0;
  for (const auto& [ts, v] : expected) {
    EXPECT_EQ(s[i].ts_ms, ts);
    EXPECT_EQ(s[i].value, v);
    ++i;
  }
  auto partial = h->samplesBetween("a", 0, 8000);
  ASSERT_TRUE(partial);
  EXPECT_EQ(partial->size(), 8U);  // 0 1 3 2000 4000 6000 7777 8000
}

TEST(Historian, DuplicateTimestampFirstValueWinsEverywhere) {
  test::TempDir dir;
  const auto path = dir.file("park.db");
  auto options = manualCommits();
  options.reorder_window_ms = 1000;
  {
    auto h = Historian::open(path, options);
    ASSERT_TRUE(h->append("a", 1000, 1.0));
    ASSERT_TRUE(h->append("a", 1000, 9.0));    // duplicate of the newest
    ASSERT_TRUE(h->append("a", 2000, 2.0));
    ASSERT_TRUE(h->append("a", 1500, 1.5));
    ASSERT_TRUE(h->append("a", 1500, 9.5));    // duplicate inside the reorder window
    ASSERT_TRUE(h->append("a", 10'000, 10.0));
    ASSERT_TRUE(h->append("a", 1000, 9.9));    // late duplicate of a committed-to-be sample
    ASSERT_TRUE(h->append("a", 500, 0.5));
    ASSERT_TRUE(h->append("a", 500, 9.05));    // late duplicate of a late sample
    ASSERT_TRUE(h->flush());
  }
  {
    auto h = Historian::open(path, options);  // a second session re-sends everything
    for (std::int64_t ts : {500, 1000, 1500, 2000, 10'000}) ASSERT_TRUE(h->append("a", ts, 99.0));
    ASSERT_TRUE(h->append("a", 11'000, 11.0));
    ASSERT_TRUE(h->flush());
    EXPECT_EQ(all(*h, "a"),
              (std::vector<Sample>{{500, 0.5}, {1000, 1.0}, {1500, 1.5}, {2000, 2.0}, {10'000, 10.0}, {11'000, 11.0}}));
    auto summary = h->summary();
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->at(0).samples, 6U) << "duplicates must not even be stored";
  }
}

TEST(Historian, ReopenedFileContinuesWhereItStopped) {
  test::TempDir dir;
  const auto path = dir.file("park.db");
  for (int session = 0; session < 3; ++session) {
    auto h = Historian::open(path, manualCommits());
    ASSERT_TRUE(h);
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(h->append("a", session * 100'000 + i * 1000, session));
  }  // destructor flushes
  auto h = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(h);
  EXPECT_EQ(all(*h, "a").size(), 300U);
  EXPECT_FALSE(h->append("a", 1, 1)) << "read-only historian must refuse writes";
}

TEST(Historian, ReaderSeesCommitsWhileWriterKeepsAppending) {
  test::TempDir dir;
  const auto path = dir.file("park.db");
  auto writer = Historian::open(path, manualCommits());
  ASSERT_TRUE(writer);
  auto reader = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(reader);
  for (int round = 1; round <= 5; ++round) {
    for (int i = 0; i < 500; ++i) ASSERT_TRUE(writer->append("a", (round * 500 + i) * 1000LL, i));
    // Uncommitted appends are invisible (a new tag too, until its first commit); committed ones
    // appear without reopening.
    auto before = reader->samplesBetween("a", INT64_MIN, INT64_MAX);
    if (round == 1) {
      ASSERT_FALSE(before);
      EXPECT_NE(before.error().message.find("no tag named 'a'"), std::string::npos) << before.error().message;
    } else {
      ASSERT_TRUE(before);
      EXPECT_EQ(before->size(), static_cast<std::size_t>((round - 1) * 500));
    }
    ASSERT_TRUE(writer->flush());
    EXPECT_EQ(all(*reader, "a").size(), static_cast<std::size_t>(round * 500));
  }
}

TEST(Historian, BlocksStayWithinTheByteLimit) {
  test::TempDir dir;
  const auto path = dir.file("park.db");
  {
    auto h = Historian::open(path, {.max_samples_per_block = 100'000, .max_block_bytes = 1000, .compact_segments = false});  // rows to look at
    std::mt19937_64 rng(1);
    for (int i = 0; i < 5000; ++i) ASSERT_TRUE(h->append("noise", i * 1000LL, std::bit_cast<double>(rng())));
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT max(length(payload)), count(*), sum(count) FROM blocks", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  // A random double costs at most 2 + 5 + 6 + 64 bits plus 1 for its timestamp: < 10 bytes.
  EXPECT_LT(sqlite3_column_int64(stmt, 0), 1000 + 10);
  EXPECT_GE(sqlite3_column_int64(stmt, 1), 5000 * 8 / 1000);
  EXPECT_EQ(sqlite3_column_int64(stmt, 2), 5000);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST(Historian, StateAtKeepsNonFiniteLastValuesOfSealedBlocks) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"), {.max_samples_per_block = 2, .snapshot_every_ms = 0});
  ASSERT_TRUE(h->append("a", 0, 1.0));
  ASSERT_TRUE(h->append("a", 1000, std::numeric_limits<double>::quiet_NaN()));
  ASSERT_TRUE(h->append("a", 2000, -0.0));
  ASSERT_TRUE(h->append("a", 3000, 5.0));
  ASSERT_TRUE(h->append("a", 4000, 6.0));
  ASSERT_TRUE(h->flush());
  auto at1 = h->stateAt(1500);  // from the first block's row, no decoding
  ASSERT_TRUE(at1);
  ASSERT_EQ(at1->size(), 1U);
  EXPECT_EQ(at1->at(0).ts_ms, 1000);
  EXPECT_TRUE(std::isnan(at1->at(0).value));
  auto at2 = h->stateAt(2000);  // straddling block, decoded
  ASSERT_TRUE(at2);
  EXPECT_EQ(std::bit_cast<std::uint64_t>(at2->at(0).value), std::bit_cast<std::uint64_t>(-0.0));
}

TEST(Historian, ConcurrentReaderThreadOnlyEverSeesCommittedPrefixes) {
  test::TempDir dir;
  const auto path = dir.file("park.db");
  auto options = manualCommits();
  options.max_samples_per_block = 64;
  auto writer = Historian::open(path, options);
  ASSERT_TRUE(writer);
  ASSERT_TRUE(writer->append("a", 0, 0.0));
  ASSERT_TRUE(writer->flush());
  constexpr int kSamples = 20'000;
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::string readerError;
  std::thread reader([&] {
    auto h = Historian::open(path, {.read_only = true});
    if (!h) {
      readerError = h.error().message;
      return;
    }
    std::size_t lastSeen = 0;
    // Reads until the writer is done, then once more: the last read must see everything.
    for (bool last = false; !last;) {
      last = done.load();
      auto s = h->samplesBetween("a", INT64_MIN, INT64_MAX);
      if (!s) {
        readerError = s.error().message;
        return;
      }
      for (std::size_t i = 0; i < s->size(); ++i) {
        if ((*s)[i] != Sample{static_cast<std::int64_t>(i) * 10, static_cast<double>(i)}) {
          readerError = "sample " + std::to_string(i) + " is not what was written";
          return;
        }
      }
      if (s->size() < lastSeen) {
        readerError = "a later read saw fewer samples";
        return;
      }
      lastSeen = s->size();
      ++reads;
      if (last && lastSeen != kSamples) readerError = "final read saw " + std::to_string(lastSeen);
    }
  });
  for (int i = 1; i < kSamples; ++i) {
    ASSERT_TRUE(writer->append("a", i * 10LL, i));
    if (i % 500 == 0) {
      ASSERT_TRUE(writer->flush());
    }
  }
  ASSERT_TRUE(writer->flush());
  done = true;
  reader.join();
  EXPECT_EQ(readerError, "");
  EXPECT_GE(reads.load(), 1);
}

TEST(Historian, DefineTagStoresUnitAndKind) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h->defineTag("press.force", "kN", "analog"));
  ASSERT_TRUE(h->append("press.state", 0, 1));
  EXPECT_TRUE(h->tags()->empty()) << "new tags are written with the next commit";
  ASSERT_TRUE(h->flush());
  ASSERT_TRUE(h->defineTag("press.state", "", "state"));  // an existing tag: updated in place
  auto tags = h->tags();
  ASSERT_TRUE(tags);
  ASSERT_EQ(tags->size(), 2U);
  EXPECT_EQ(tags->at(0).name, "press.force");
  EXPECT_EQ(tags->at(0).unit, "kN");
  EXPECT_EQ(tags->at(0).kind, "analog");
  EXPECT_EQ(tags->at(1).unit, "");
  EXPECT_EQ(tags->at(1).kind, "state");
}

TEST(Historian, RandomizedOrderMatchesMapOracle) {
  test::TempDir dir;
  auto options = manualCommits();
  options.max_samples_per_block = 16;
  options.reorder_window_ms = 3000;
  options.snapshot_every_ms = 10'000;
  auto h = Historian::open(dir.file("park.db"), options);
  std::mt19937_64 rng(5);
  std::map<std::string, std::map<std::int64_t, double>> oracle;  // first value wins
  for (int i = 0; i < 20'000; ++i) {
    const std::string tag = "t" + std::to_string(rng() % 7);
    const std::int64_t ts = static_cast<std::int64_t>(i) * 50 - static_cast<std::int64_t>(rng() % 10 == 0 ? rng() % 400'000 : rng() % 2000);
    const double v = static_cast<double>(rng() % 1000);
    ASSERT_TRUE(h->append(tag, ts, v));
    oracle[tag].try_emplace(ts, v);
    if (rng() % 1000 == 0) {
      ASSERT_TRUE(h->flush());
    }
  }
  ASSERT_TRUE(h->flush());
  for (const auto& [tag, series] : oracle) {
    const auto s = all(*h, tag);
    ASSERT_EQ(s.size(), series.size()) << tag;
    std::size_t i = 0;
    for (const auto& [ts, v] : series) {
      ASSERT_EQ(s[i].ts_ms, ts) << tag;
      ASSERT_EQ(s[i].value, v) << tag << " at " << ts;
      ++i;
    }
  }
  // stateAt against the same oracle, at random instants (snapshots get invalidated by late data).
  for (int probe = 0; probe < 40; ++probe) {
    const std::int64_t t = static_cast<std::int64_t>(rng() % 1'100'000) - 50'000;
    auto state = h->stateAt(t);
    ASSERT_TRUE(state);
    std::map<std::string, Sample> expected;
    for (const auto& [tag, series] : oracle) {
      auto it = series.upper_bound(t);
      if (it != series.begin()) expected[tag] = {std::prev(it)->first, std::prev(it)->second};
    }
    ASSERT_EQ(state->size(), expected.size()) << "at " << t;
    for (const auto& st : *state) {
      EXPECT_EQ(st.ts_ms, expected[st.tag].ts_ms) << st.tag << " at " << t;
      EXPECT_EQ(st.value, expected[st.tag].value) << st.tag << " at " << t;
    }
  }
}

TEST(Historian, EventsAreFilteredByTimeObjectAndSeverity) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"), manualCommits());
  ASSERT_TRUE(h->appendEvent({100, "alarm", 3, "press-1", "overload", R"({"force_kN": 512})"}));
  ASSERT_TRUE(h->appendEvent({200, "state_change", 0, "press-1", "idle", ""}));
  ASSERT_TRUE(h->appendEvent({300, "alarm", 2, "furnace-2", "hot", ""}));
  ASSERT_TRUE(h->appendEvent({400, "alarm", 5, "press-1", "stopped", "[]"}));
  EXPECT_FALSE(h->appendEvent({500, "alarm", 1, "x", "bad", "{not json"}));
  ASSERT_TRUE(h->flush());
  auto press = h->eventsBetween(0, 1000, {.object = "press-1", .min_severity = 1});
  ASSERT_TRUE(press);
  ASSERT_EQ(press->size(), 2U);
  EXPECT_EQ(press->at(0).message, "overload");
  EXPECT_EQ(press->at(0).payload_json, R"({"force_kN": 512})");
  EXPECT_EQ(press->at(1).ts_ms, 400);
  auto window = h->eventsBetween(200, 300);
  ASSERT_TRUE(window);
  ASSERT_EQ(window->size(), 2U);
  EXPECT_EQ(window->at(1).object, "furnace-2");
}

}  // namespace parktwin::store
