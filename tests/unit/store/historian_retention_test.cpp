// Rollups and raw-data retention, checked against SQL over the same samples.
#include <gtest/gtest.h>

#include <cmath>

#include "parktwin/store/historian.hpp"
#include "sql_oracle.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {

TEST(HistorianRetention, RollupMatchesSqlPerMinute) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"), {.max_samples_per_block = 50});
  ASSERT_TRUE(h);
  test::SqlOracle oracle;
  oracle.begin();
  for (int i = 0; i < 3000; ++i) {
    const std::int64_t ts = 1'700'000'000'000LL + i * 1700LL;
    for (const char* tag : {"a", "b"}) {
      const double v = std::cos(i * 0.05) * (tag[0] == 'a' ? 1 : 7);
      ASSERT_TRUE(h->append(tag, ts, v));
      oracle.add(tag, ts, v);
    }
  }
  oracle.commit();
  // Unaligned bounds: rollup() widens them to whole minutes, so the SQL uses the widened ones.
  const std::int64_t t0 = 1'700'000'600'000LL, t1 = 1'700'003'000'000LL;
  const std::int64_t t0Minute = 1'700'000'580'000LL, t1Minute = 1'700'003'040'000LL;
  auto rows = h->rollup(t0, t1);
  ASSERT_TRUE(rows) << rows.error().message;
  auto expected = oracle.rows(
      "SELECT ts / 60000 * 60000 AS m, count(*), min(v), max(v), avg(v) FROM s WHERE tag = 'b' AND ts >= ? AND ts < ? "
      "GROUP BY m ORDER BY m",
      {t0Minute, t1Minute});
  auto got = h->rollupsBetween("b", t0Minute, t1Minute);
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), expected.size());
  EXPECT_EQ(*rows, 2 * expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(static_cast<double>(got->at(i).bucket_ms), expected[i][0]);
    EXPECT_EQ(static_cast<double>(got->at(i).count), expected[i][1]);
    EXPECT_EQ(got->at(i).min, expected[i][2]);
    EXPECT_EQ(got->at(i).max, expected[i][3]);
    EXPECT_NEAR(got->at(i).mean, expected[i][4], 1e-12);
  }
}

TEST(HistorianRetention, DeleteRawBeforeKeepsEverythingFromT) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"), {.max_samples_per_block = 64});
  ASSERT_TRUE(h);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(h->append("a", i * 1000LL, i));
  const std::int64_t cut = 400'500;  // inside a block: that block is trimmed, not dropped
  auto deleted = h->deleteRawBefore(cut);
  ASSERT_TRUE(deleted);
  EXPECT_EQ(*deleted, 401U);
  auto rest = h->samplesBetween("a", INT64_MIN, INT64_MAX);
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->size(), 599U);
  EXPECT_EQ(rest->front(), (Sample{401'000, 401}));
  EXPECT_EQ(rest->back(), (Sample{999'000, 999}));
  // Appending continues normally after retention.
  ASSERT_TRUE(h->append("a", 1'000'000, 1000));
  ASSERT_TRUE(h->flush());
  EXPECT_EQ(h->samplesBetween("a", 0, INT64_MAX)->size(), 600U);
}

}  // namespace parktwin::store
