// Historian reads checked against SQL over the same samples: downsample, stateAt.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "parktwin/store/historian.hpp"
#include "sql_oracle.hpp"
#include "sqlite_answer.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {

namespace {

// downsample() against SQL GROUP BY over the same samples (the bucket index as the API documents it).
void expectBucketsMatchSql(Historian& h, test::SqlOracle& oracle, std::int64_t t0, std::int64_t t1, std::size_t n,
                           bool expectGaps) {
  auto buckets = h.downsample("flow", t0, t1, n);
  ASSERT_TRUE(buckets) << buckets.error().message;
  ASSERT_EQ(buckets->size(), n);
  const std::int64_t width = (t1 - t0) / static_cast<std::int64_t>(n);
  // Bucket index as the API documents it; last value via a correlated subquery.
  auto rows = oracle.rows(
      "WITH g AS (SELECT min((ts - ?1) / ?3, ?4 - 1) AS b, count(*) AS n, min(v) AS lo, max(v) AS hi, avg(v) AS mean, "
      " max(ts) AS lt FROM s WHERE ts >= ?1 AND ts < ?2 GROUP BY b) "
      "SELECT b, n, lo, hi, mean, (SELECT v FROM s WHERE s.ts = g.lt) FROM g ORDER BY b",
      {t0, t1, width, static_cast<std::int64_t>(n)});
  std::size_t nonEmpty = 0;
  for (const auto& b : *buckets) nonEmpty += b.count > 0 ? 1 : 0;
  ASSERT_EQ(rows.size(), nonEmpty);
  if (expectGaps) {
    ASSERT_LT(nonEmpty, n) << "the data was meant to leave gaps";
  }
  for (const auto& row : rows) {
    const auto& b = buckets->at(static_cast<std::size_t>(row[0]));
    EXPECT_EQ(static_cast<double>(b.count), row[1]);
    EXPECT_EQ(b.min, row[2]);
    EXPECT_EQ(b.max, row[3]);
    EXPECT_NEAR(b.mean, row[4], 1e-9 * std::fabs(row[4]) + 1e-12);
    EXPECT_EQ(b.last, row[5]);
  }
  for (const auto& b : *buckets) {
    if (b.count == 0) {
      EXPECT_TRUE(std::isnan(b.mean));
    }
  }
  EXPECT_EQ(buckets->front().t_start_ms, t0);
  EXPECT_EQ(buckets->back().t_end_ms, t1);
}

// stateAt(t) against the last sample at or before t of each tag, by SQL over the same samples.
void expectStateMatchesSql(Historian& h, test::SqlOracle& oracle, std::int64_t t) {
  auto state = h.stateAt(t);
  ASSERT_TRUE(state) << state.error().message;
  auto rows = oracle.rows(
      "SELECT s.ts, s.v FROM s JOIN (SELECT tag, max(ts) AS m FROM s WHERE ts <= ? GROUP BY tag) l "
      "ON s.tag = l.tag AND s.ts = l.m ORDER BY s.tag",
      {t});
  ASSERT_EQ(state->size(), rows.size()) << "at " << t;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(static_cast<double>(state->at(i).ts_ms), rows[i][0]) << state->at(i).tag << " at " << t;
    EXPECT_EQ(state->at(i).value, rows[i][1]) << state->at(i).tag << " at " << t;
  }
}

}  // namespace

TEST(HistorianReads, DownsampleMatchesSqlGroupBy) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"), {.commit_every_samples = 5000, .max_samples_per_block = 100});
  ASSERT_TRUE(h);
  test::SqlOracle oracle;
  oracle.begin();
  std::mt19937_64 rng(11);
  double walk = 50.0;
  std::int64_t ts = 1'700'000'000'000LL;
  for (int i = 0; i < 20'000; ++i) {
    ts += 500 + static_cast<std::int64_t>(rng() % 1500);  // irregular, some buckets stay empty below
    if (i % 5000 == 4999) ts += 3'000'000;
    walk += std::normal_distribution<double>(0.0, 0.5)(rng);
    ASSERT_TRUE(h->append("flow", ts, walk));
    oracle.add("flow", ts, walk);
  }
  oracle.commit();
  ASSERT_TRUE(h->flush());
  expectBucketsMatchSql(*h, oracle, 1'700'000'100'000LL, ts - 777, 97, true);
}

// Short decimals (a walk in hundredths, negative too, some values with a third digit) make
// compact blocks with summaries: blocks that lie inside one bucket are taken from their summary,
// the rest decoded. Both against SQL over the same samples, for bucket sizes from many blocks
// per bucket to several buckets per block.
TEST(HistorianReads, DownsampleOfDecimalBlocksFromSummariesMatchesSql) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"), {.commit_every_samples = 5000, .max_samples_per_block = 100});
  ASSERT_TRUE(h);
  test::SqlOracle oracle;
  oracle.begin();
  std::mt19937_64 rng(12);
  double walk = 3.0;
  std::int64_t ts = 1'700'000'000'000LL;
  for (int i = 0; i < 20'000; ++i) {
    ts += i % 7 == 0 ? 1'500 : 1'000;
    if (i % 5000 == 4999) ts += 3'000'000;
    walk += std::normal_distribution<double>(0.0, 0.4)(rng);
    const double value = i % 997 == 0 ? std::round(walk * 1000) / 1000 : std::round(walk * 100) / 100;
    ASSERT_TRUE(h->append("flow", ts, value));
    oracle.add("flow", ts, value);
  }
  oracle.commit();
  ASSERT_TRUE(h->flush());
  for (const std::size_t n : {3, 7, 97, 1000}) {
    SCOPED_TRACE(n);
    expectBucketsMatchSql(*h, oracle, 1'700'000'100'000LL, ts - 777, n, n == 1000);
  }
}

// Late samples (before what the file holds) go to separate blocks that overlap the in-order
// ones: downsample must merge them, the first stored value of a timestamp winning.
TEST(HistorianReads, DownsampleMergesLateBlocks) {
  test::TempDir dir;
  test::SqlOracle oracle;
  oracle.begin();
  std::mt19937_64 rng(12);
  std::int64_t ts = 1'700'000'000'000LL;
  {
    auto h = Historian::open(dir.file("park.db"), {.max_samples_per_block = 50});
    ASSERT_TRUE(h);
    for (int i = 0; i < 3000; ++i) {
      ts += 2000;
      const double v = static_cast<double>(rng() % 10000) / 100.0;  // decimal blocks
      ASSERT_TRUE(h->append("flow", ts, v));
      oracle.add("flow", ts, v);
    }
  }
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  for (int i = 0; i < 500; ++i) {  // odd seconds in between, all older than the stored end
    const std::int64_t late = 1'700'000'000'000LL + 1000 + 2000 * static_cast<std::int64_t>(rng() % 3000);
    const double v = std::sin(i);  // xor blocks
    ASSERT_TRUE(h->append("flow", late, v));
    oracle.add("flow", late, v);  // the oracle keeps the first value of a timestamp too
  }
  oracle.commit();
  ASSERT_TRUE(h->flush());
  expectBucketsMatchSql(*h, oracle, 1'700'000'000'000LL, ts + 1, 53, false);
}

TEST(HistorianReads, StateAtMatchesSqlLastValueBeforeT) {
  test::TempDir dir;
  HistorianOptions options;
  options.commit_every_samples = 2000;
  options.max_samples_per_block = 64;
  options.snapshot_every_ms = 60'000;
  options.reorder_window_ms = 5000;
  auto h = Historian::open(dir.file("park.db"), options);
  ASSERT_TRUE(h);
  test::SqlOracle oracle;
  oracle.begin();
  std::mt19937_64 rng(3);
  const int tags = 40;
  for (int second = 0; second < 1800; ++second) {
    for (int tag = 0; tag < tags; ++tag) {
      if (tag % 4 == 3 && rng() % 10 != 0) continue;  // sparse tags
      if (tag == 0 && second > 600) continue;          // a tag that stops reporting
      const std::int64_t ts = second * 1000LL + tag;
      const double v = tag % 2 == 0 ? static_cast<double>(rng() % 3) : std::sin(second * 0.01 + tag);
      ASSERT_TRUE(h->append("tag" + std::to_string(tag), ts, v));
      oracle.add("tag" + std::to_string(tag), ts, v);
    }
  }
  // A lagging tag that catches up after snapshots for its time range were written.
  for (int second = 0; second < 1800; second += 7) {
    ASSERT_TRUE(h->append("lagging", second * 1000LL + 500, second));
    oracle.add("lagging", second * 1000LL + 500, second);
  }
  oracle.commit();
  ASSERT_TRUE(h->flush());
  for (std::int64_t t : {-1LL, 0LL, 999LL, 59'999LL, 60'000LL, 60'001LL, 333'333LL, 600'000LL, 1'000'010LL, 1'799'039LL,
                         5'000'000LL}) {
    expectStateMatchesSql(*h, oracle, t);
  }
}

}  // namespace parktwin::store

namespace parktwin::store {

// A late block that starts before an in-order block of the same tag and ends inside it holds
// the newest sample before T; stateAt scans the time index from T backwards and must not stop
// at the first block it meets for the tag when the file has late blocks.
TEST(HistorianReads, StateAtSeesLateBlocksThatOverlapInOrderOnes) {
  test::TempDir dir;
  test::SqlOracle oracle;
  oracle.begin();
  {
    auto h = Historian::open(dir.file("park.db"), {.max_samples_per_block = 100});
    ASSERT_TRUE(h);
    for (int s = 0; s < 300; ++s) {
      for (const char* tag : {"a", "b"}) {
        ASSERT_TRUE(h->append(tag, s * 1000LL, s));
        oracle.add(tag, s * 1000LL, s);
      }
    }
  }
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  for (const std::int64_t late : {99'500LL, 150'500LL, 250'500LL}) {  // one late block over in-order ones
    ASSERT_TRUE(h->append("a", late, -1.0 * static_cast<double>(late)));
    oracle.add("a", late, -1.0 * static_cast<double>(late));
  }
  oracle.commit();
  ASSERT_TRUE(h->flush());
  for (const std::int64_t t : {150'700LL, 99'600LL, 260'000LL, 299'000LL}) {
    expectStateMatchesSql(*h, oracle, t);
  }
}

}  // namespace parktwin::store

namespace parktwin::store {

// Over 2000 tags stateAt scans the even and the odd tag ids on two connections at once (each
// with its own first-block filter); in order and with late blocks, the answer is SQL's.
TEST(HistorianReads, StateAtOfManyTagsScansTwoHalvesAndMatchesSql) {
  test::TempDir dir;
  test::SqlOracle oracle;
  oracle.begin();
  const int tags = 2600;
  {
    auto h = Historian::open(dir.file("park.db"),
                             {.commit_every_samples = 20'000, .max_samples_per_block = 16, .snapshot_every_ms = 20'000});
    ASSERT_TRUE(h);
    for (int second = 0; second < 60; ++second) {
      for (int tag = 0; tag < tags; ++tag) {
        if (tag % 7 == 3 && second % 5 != 0) continue;  // sparse tags
        if (tag % 11 == 5 && second > 25) continue;     // tags that stop reporting
        const std::int64_t ts = second * 1000LL + tag % 997;
        const double v = tag * 0.5 + second;
        ASSERT_TRUE(h->append("t" + std::to_string(tag), ts, v));
        oracle.add("t" + std::to_string(tag), ts, v);
      }
    }
    ASSERT_TRUE(h->flush());
  }
  {
    auto reader = Historian::open(dir.file("park.db"), {.read_only = true});
    ASSERT_TRUE(reader);
    oracle.commit();
    for (const std::int64_t t : {-1LL, 500LL, 19'999LL, 20'000LL, 33'333LL, 45'123LL, 59'999LL, 99'000LL}) {
      expectStateMatchesSql(*reader, oracle, t);
    }
  }
  // Late samples for an even and an odd tag: both halves must read every block in range now.
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  oracle.begin();
  for (const int tag : {42, 43}) {
    ASSERT_TRUE(h->append("t" + std::to_string(tag), 30'500, -1.0 * tag));
    oracle.add("t" + std::to_string(tag), 30'500, -1.0 * tag);
  }
  oracle.commit();
  ASSERT_TRUE(h->flush());
  for (const std::int64_t t : {30'600LL, 31'000LL, 59'999LL}) expectStateMatchesSql(*h, oracle, t);
}

}  // namespace parktwin::store

namespace parktwin::store {

// A live file of over 2000 tags: while the writer runs, its older segments are group rows, its
// last minutes block rows and the tail. stateAt reads them on two connections (the block rows
// split by tag parity, the group rows by id range); the answer is SQL's at instants in each part
// and at the live edge.
TEST(HistorianReads, StateAtOfManyTagsInALiveFileMatchesSqlInGroupsRowsAndTail) {
  test::TempDir dir;
  test::SqlOracle oracle;
  oracle.begin();
  const int tags = 2600;
  const std::int64_t t0 = 1'700'000'000'000LL;
  auto h = Historian::open(dir.file("live.db"), {.commit_every_samples = 20'000, .max_samples_per_block = 12});
  ASSERT_TRUE(h);
  std::int64_t last = 0;
  for (int step = 0; step < 240; ++step) {  // 20 minutes, a sample every 5 s
    for (int tag = 0; tag < tags; ++tag) {
      if (tag % 13 == 6 && step % 12 != 0) continue;  // a sample a minute
      last = t0 + step * 5000LL + tag % 4999;
      const double v = static_cast<double>((tag * 31 + step * 7) % 1000) / 10.0;
      ASSERT_TRUE(h->append("t" + std::to_string(tag), last, v));
      oracle.add("t" + std::to_string(tag), last, v);
    }
  }
  ASSERT_TRUE(h->flush());
  oracle.commit();
  const std::string path = dir.file("live.db");
  ASSERT_GT(std::stoll(test::sqliteAnswer(path, "SELECT count(*) FROM block_groups")), 0);
  ASSERT_GT(std::stoll(test::sqliteAnswer(path, "SELECT count(*) FROM blocks")), 0);
  auto reader = Historian::open(path, {.read_only = true});
  ASSERT_TRUE(reader);
  for (const std::int64_t t : {t0 + 61'000, t0 + 400'000, t0 + 700'000, t0 + 1'000'000, last - 120'000, last - 20'000, last - 1, last}) {
    expectStateMatchesSql(*reader, oracle, t);
  }
}

}  // namespace parktwin::store
