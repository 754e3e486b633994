#include "parktwin/store/csv_import.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "temp_dir.hpp"

namespace parktwin::store {

TEST(CsvImport, LongFormatStoresGoodLinesAndReportsBadOnes) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  std::istringstream csv(
      "ts,tag,value\n"
      "2026-05-01T08:00:00Z,a,1.5\n"
      "\n"
      "# comment\n"
      "1777622401,a,2\n"
      "not-a-time,a,3\n"
      "1777622402000,\"b,with comma\",false\n"
      "1777622403,a,abc\n"
      "1777622404,a\n");
  auto report = importCsv(csv, &*h);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->wide);
  EXPECT_EQ(report->samples, 3U);
  ASSERT_EQ(report->bad_lines.size(), 3U);
  EXPECT_EQ(report->bad_lines[0].line, 6U);
  EXPECT_NE(report->bad_lines[0].reason.find("not-a-time"), std::string::npos);
  EXPECT_EQ(report->bad_lines[1].line, 8U);
  EXPECT_NE(report->bad_lines[1].reason.find("abc"), std::string::npos);
  EXPECT_EQ(report->bad_lines[2].line, 9U);
  ASSERT_TRUE(h->flush());
  EXPECT_EQ(*h->samplesBetween("a", 0, INT64_MAX), (std::vector<Sample>{{1777622400000, 1.5}, {1777622401000, 2}}));
  EXPECT_EQ(*h->samplesBetween("b,with comma", 0, INT64_MAX), (std::vector<Sample>{{1777622402000, 0}}));
}

TEST(CsvImport, WideFormatSkipsEmptyCells) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  std::istringstream csv("timestamp,x,y\n2026-05-01T08:00:00.250+01:00,1,\n2026-05-01T08:00:01Z,,7\n");
  auto report = importCsv(csv, &*h);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->wide);
  EXPECT_TRUE(report->bad_lines.empty());
  ASSERT_TRUE(h->flush());
  EXPECT_EQ(*h->samplesBetween("x", 0, INT64_MAX), (std::vector<Sample>{{1777618800250, 1}}));
  EXPECT_EQ(*h->samplesBetween("y", 0, INT64_MAX), (std::vector<Sample>{{1777622401000, 7}}));
}

// QA: a Chongqing park's export writes "2026-06-01 08:00:00" in park time; it was stored as
// 08:00 UTC. With the park's zone it is 2026-06-01T00:00:00Z: 20,605 days * 86,400,000 ms.
TEST(CsvImport, ZonelessTimesAreTheParksCivilTime) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  std::istringstream csv(
      "ts,tag,value\n"
      "2026-06-01 08:00:00,a,1\n"
      "2026-06-01 08:00:10,a,2\n"
      "2026-06-01T00:00:20Z,a,3\n"
      "2026-06-01T08:00:30+08:00,a,4\n"
      "1780272040,a,5\n");
  auto zone = TimeZone::load("Asia/Shanghai");
  ASSERT_TRUE(zone) << zone.error().message;
  auto report = importCsv(csv, &*h, {}, CsvImportOptions{*zone});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->zoneless_times, 2U);
  const std::int64_t midnightUtc = 20'605LL * 86'400'000;
  EXPECT_EQ(report->first_zoneless_ms, midnightUtc);
  ASSERT_TRUE(h->flush());
  EXPECT_EQ(*h->samplesBetween("a", 0, INT64_MAX),
            (std::vector<Sample>{{midnightUtc, 1}, {midnightUtc + 10'000, 2}, {midnightUtc + 20'000, 3},
                                 {midnightUtc + 30'000, 4}, {midnightUtc + 40'000, 5}}));
}

TEST(CsvImport, ZonelessTimesWithoutAZoneAreUtcAndCounted) {
  std::istringstream csv("ts,tag,value\n2026-06-01 08:00:00,a,1\n2026-06-01T08:00:00Z,a,1\n");
  auto report = importCsv(csv, nullptr);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->zoneless_times, 1U);
  EXPECT_EQ(report->first_zoneless_ms, 20'605LL * 86'400'000 + 8 * 3'600'000);
}

TEST(CsvImport, ValidationOnlyStoresNothing) {
  std::istringstream csv("ts,tag,value\n1,a,1\n2,a,x\n");
  auto report = importCsv(csv, nullptr);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->samples, 1U);
  EXPECT_EQ(report->bad_lines.size(), 1U);
}

TEST(CsvImport, HeaderProblemsAreFileLevelErrors) {
  std::istringstream empty("");
  EXPECT_FALSE(importCsv(empty, nullptr));
  std::istringstream noTs("when,a\n1,2\n");
  auto r = importCsv(noTs, nullptr);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("ts, time or timestamp"), std::string::npos);
}

}  // namespace parktwin::store
