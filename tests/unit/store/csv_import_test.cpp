#include "parktwin/store/csv_import.hpp"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <sstream>

#include "temp_dir.hpp"

namespace parktwin::store {
namespace {
CsvImportOptions inZone(TimeZone zone) {
  CsvImportOptions options;
  options.zoneless_in = std::move(zone);
  return options;
}
}  // namespace

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
  auto report = importCsv(csv, &*h, {}, inZone(*zone));
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

namespace {
// Read from the file itself, with plain SQL: (name, unit, kind) of every tag, by name.
std::vector<std::vector<std::string>> tagRows(const std::string& file) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  std::vector<std::vector<std::string>> rows;
  if (sqlite3_prepare_v2(db, "SELECT name, unit, kind FROM tags ORDER BY name", -1, &stmt, nullptr) == SQLITE_OK) {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < 3; ++c) row.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)));
      rows.push_back(std::move(row));
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}
}  // namespace

// QA: Excel's "CSV UTF-8" from a Chinese desk starts with a BOM, names the time column 时间
// and writes dates with slashes; each was refused. In Shanghai time, 2026-03-01 09:00 is
// 01:00 UTC: 20,513 days * 86,400,000 ms + 3,600,000 ms = 1,772,326,800,000.
TEST(CsvImport, ReadsAChineseExcelExport) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  std::istringstream csv(
      "\xEF\xBB\xBF时间,cnc.power\r\n"
      "2026-03-01 09:00:00,1100\r\n"
      "2026/03/01 09:02:00,1106\r\n"
      "2026/3/1 9:03,1107\r\n"
      "2026/3/1 9:04,\"1,105.5\"\r\n");
  auto zone = TimeZone::load("Asia/Shanghai");
  ASSERT_TRUE(zone) << zone.error().message;
  auto report = importCsv(csv, &*h, {}, inZone(*zone));
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->bad_lines.empty()) << report->bad_lines.front().reason;
  EXPECT_EQ(report->zoneless_times, 4U);
  ASSERT_TRUE(h->flush());
  const std::int64_t nineAm = 1'772'326'800'000LL;
  EXPECT_EQ(*h->samplesBetween("cnc.power", 0, INT64_MAX),
            (std::vector<Sample>{{nineAm, 1100}, {nineAm + 120'000, 1106}, {nineAm + 180'000, 1107}, {nineAm + 240'000, 1105.5}}));
  for (const char* header : {"\xEF\xBB\xBFts,a\n", "时间戳,a\n", "日期时间,a\n", "TIME,a\n"}) {
    std::istringstream only(header);
    EXPECT_TRUE(importCsv(only, nullptr)) << header;
  }
}

// Thousands separators are Excel's number format; a comma anywhere else is no number.
TEST(CsvImport, ThousandsSeparatorsOnlyInGroupsOfThree) {
  std::istringstream csv(
      "ts,a\n"
      "1,\"12,345\"\n"
      "2,\"-1,234,567.25\"\n"
      "3,\"1,10\"\n"
      "4,\"1,1050\"\n"
      "5,\"1234,567\"\n"
      "6,\"1.5,000\"\n");
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  auto report = importCsv(csv, &*h);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->bad_lines.size(), 4U);
  EXPECT_EQ(report->bad_lines[0].reason, "column 'a': value '1,10' is not a number");
  ASSERT_TRUE(h->flush());
  EXPECT_EQ(*h->samplesBetween("a", 0, INT64_MAX), (std::vector<Sample>{{1000, 12345}, {2000, -1234567.25}}));
}

// A GBK export: "时间" is CA B1 BC E4 and "功率" B9 A6 C2 CA there, neither is UTF-8. Refused
// as such (the header), or its line left out (a tag cell), never stored as a garbled name.
TEST(CsvImport, RefusesTextThatIsNotUtf8) {
  std::istringstream gbkHeader("\xCA\xB1\xBC\xE4,a\n2026-03-01 09:00:00,1\n");
  auto refused = importCsv(gbkHeader, nullptr);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "line 1: the file is not UTF-8 (save it as CSV UTF-8)");
  std::istringstream again("\xCA\xB1\xBC\xE4,a\n");
  CsvImportOptions chinese;
  chinese.language = "zh";
  EXPECT_EQ(importCsv(again, nullptr, {}, chinese).error().message,
            "第 1 行：文件不是 UTF-8 编码（请在 Excel 中另存为“CSV UTF-8”）");

  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  std::istringstream gbkTag("ts,tag,value\n2026-03-01 09:00:00,\xB9\xA6\xC2\xCA,1\n2026-03-01 09:00:00,a,2\n");
  auto report = importCsv(gbkTag, &*h);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->samples, 1U);
  ASSERT_EQ(report->bad_lines.size(), 1U);
  EXPECT_EQ(report->bad_lines[0].line, 2U);
  ASSERT_TRUE(h->flush());
  EXPECT_EQ(tagRows(dir.file("park.db")), (std::vector<std::vector<std::string>>{{"a", "", ""}}));
}

// QA: `import --park` stored a tag the park does not have without a word, and the park's own
// tags without their units. The park here defines cnc.power (kW, analog) and nothing else.
TEST(CsvImport, ParkTagsGetTheirUnitsAndOthersAreCounted) {
  const std::string csvText =
      "ts,tag,value\n"
      "1772326800,cnc.power,1010.5\n"
      "1772326800,unknown.tag,1\n"
      "1772326860,unknown.tag,2\n"
      "1772326860,cnc.power,1020\n"
      "1772326860,other.tag,3\n";
  for (const bool skip : {false, true}) {
    test::TempDir dir;
    auto h = Historian::open(dir.file("park.db"));
    ASSERT_TRUE(h);
    std::istringstream csv(csvText);
    CsvImportOptions options;
    options.park_tags.emplace();
    options.park_tags->emplace("cnc.power", KnownTag{"kW", "analog"});
    options.skip_unknown_tags = skip;
    auto report = importCsv(csv, &*h, {}, options);
    ASSERT_TRUE(report);
    EXPECT_EQ(report->unknown_tags, (std::vector<std::string>{"unknown.tag", "other.tag"}));
    EXPECT_EQ(report->unknown_samples, 3U);
    EXPECT_EQ(report->samples, skip ? 2U : 5U);
    ASSERT_TRUE(h->flush());
    const std::vector<std::vector<std::string>> kept{{"cnc.power", "kW", "analog"}};
    const std::vector<std::vector<std::string>> all{{"cnc.power", "kW", "analog"}, {"other.tag", "", ""}, {"unknown.tag", "", ""}};
    EXPECT_EQ(tagRows(dir.file("park.db")), skip ? kept : all);
  }
}

}  // namespace parktwin::store
