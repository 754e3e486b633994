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
      "1772326801,\"12,345\"\n"
      "1772326802,\"-1,234,567.25\"\n"
      "1772326803,\"1,10\"\n"
      "1772326804,\"1,1050\"\n"
      "1772326805,\"1234,567\"\n"
      "1772326806,\"1.5,000\"\n");
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  auto report = importCsv(csv, &*h);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->bad_cells.size(), 4U);
  EXPECT_EQ(report->bad_cells[0].reason, "column 'a': value '1,10' is not a number");
  ASSERT_TRUE(h->flush());
  EXPECT_EQ(*h->samplesBetween("a", 0, INT64_MAX),
            (std::vector<Sample>{{1'772'326'801'000, 12345}, {1'772'326'802'000, -1234567.25}}));
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

// QA: a time column formatted as a number in Excel ("45839.375") was read as epoch seconds and
// stored in 1970. It is Excel's date number: days since 1899-12-30 from 1900-03-01 on. By hand:
// 2025-07-01 is 55 * 365 + 14 leap days (1972 .. 2024) + 181 days (January to June) = 20,270
// days after 1970-01-01, and 25,569 days lie from 1899-12-30 to 1970-01-01: 20,270 + 25,569 =
// 45,839; .375 is 09:00. In Shanghai (UTC+8) that is 01:00 UTC: 20,270 * 86,400,000 + 3,600,000 ms.
TEST(CsvImport, ExcelDateNumbersAreDatesInTheParksZone) {
  auto zone = TimeZone::load("Asia/Shanghai");
  ASSERT_TRUE(zone) << zone.error().message;
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  std::istringstream csv("\xEF\xBB\xBF时间,a\r\n45839.375,1520\r\n45839.5,1530\r\n");
  auto report = importCsv(csv, &*h, {}, inZone(*zone));
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->bad_lines.empty()) << report->bad_lines.front().reason;
  EXPECT_EQ(report->excel_dates, 2U);
  EXPECT_EQ(report->zoneless_times, 2U);
  EXPECT_EQ(report->first_excel_date, "45839.375");
  ASSERT_TRUE(h->flush());
  const std::int64_t nineAm = 20'270LL * 86'400'000 + 3'600'000;
  EXPECT_EQ(report->first_excel_date_ms, nineAm);
  EXPECT_EQ(*h->samplesBetween("a", INT64_MIN, INT64_MAX), (std::vector<Sample>{{nineAm, 1520}, {nineAm + 10'800'000, 1530}}));
}

// Excel's 1900 system counts a 1900-02-29 (day 60) that never was: day 59 is 1900-02-28 and day
// 61 is 1900-03-01. 1900-01-01 is 70 * 365 + 17 leap days (1904 .. 1968) = 25,567 days before
// 1970-01-01. Without a zone the date is read as UTC. Numbers that are neither a date Excel can
// hold nor a plausible epoch (below 1e8 seconds, 1973) are refused; from 1e8 they are seconds.
TEST(CsvImport, ExcelDateNumbersFollowExcelsCalendar) {
  std::istringstream csv("ts,tag,value\n1,a,1\n59,a,2\n60,a,3\n61,a,4\n0,a,5\n12345678,a,6\n100000000,a,7\n");
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  auto report = importCsv(csv, &*h);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->bad_lines.size(), 3U);
  EXPECT_EQ(report->bad_lines[0].line, 4U);
  EXPECT_EQ(report->bad_lines[0].reason, "timestamp '60': Excel's date number 60 is 1900-02-29, a day that never was");
  EXPECT_EQ(report->bad_lines[1].line, 6U);
  EXPECT_EQ(report->bad_lines[2].reason,
            "timestamp '12345678': neither an Excel date number (1 to 2958465) nor epoch seconds (from 1e8, i.e. 1973) or "
            "milliseconds");
  ASSERT_TRUE(h->flush());
  constexpr std::int64_t day = 86'400'000, jan1st1900 = -25'567LL * day;
  EXPECT_EQ(*h->samplesBetween("a", INT64_MIN, INT64_MAX),
            (std::vector<Sample>{{jan1st1900, 1}, {jan1st1900 + 58 * day, 2}, {jan1st1900 + 59 * day, 4}, {100'000'000'000, 7}}));
  std::istringstream chinese("时间,a\n60,1\n");
  CsvImportOptions zh;
  zh.language = "zh";
  EXPECT_EQ(importCsv(chinese, nullptr, {}, zh)->bad_lines.at(0).reason, "时间“60”：Excel 日期序号 60 是 1900-02-29，这一天并不存在");
}

// QA: a long-format sheet headed in Chinese (时间,测点,数值) was taken as a wide file with a tag
// "测点", every line refused. 测点/标签/位号 and 数值/值 name the long format's columns.
TEST(CsvImport, ChineseLongFormatHeaders) {
  for (const char* header : {"时间,测点,数值", "时间,标签,值", "ts,位号,数值", "TS,Tag,Value"}) {
    std::istringstream csv(std::string(header) + "\r\n2026-07-01T00:00:00Z,smt-line.power,\"1,520.0\"\r\n");
    test::TempDir dir;
    auto h = Historian::open(dir.file("park.db"));
    ASSERT_TRUE(h);
    auto report = importCsv(csv, &*h);
    ASSERT_TRUE(report) << header;
    EXPECT_FALSE(report->wide) << header;
    EXPECT_TRUE(report->bad_lines.empty()) << header;
    ASSERT_TRUE(h->flush());
    EXPECT_EQ(*h->samplesBetween("smt-line.power", 0, INT64_MAX), (std::vector<Sample>{{1'782'864'000'000, 1520}})) << header;
  }
}

// QA: one bad cell dropped its whole line, and Excel's #N/A was a bad cell. A wide line keeps its
// good values; #N/A, #DIV/0!, - and -- are no reading (counted), "abc" is a bad cell (line 3,
// column 2), "1.5.5" another (line 4, column 4).
TEST(CsvImport, ABadCellLeavesOutOnlyItself) {
  std::istringstream csv(
      "ts,a,b,c\n"
      "1772326800,1,#N/A,3\n"
      "1772326860,abc,2,-\n"
      "1772326920,#DIV/0!,--,1.5.5\n"
      "1772326980,4,#n/a,\n");
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  CsvImportOptions zh;
  zh.language = "zh";
  auto report = importCsv(csv, &*h, {}, zh);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->bad_lines.empty());
  ASSERT_EQ(report->bad_cells.size(), 2U);
  EXPECT_EQ(report->bad_cells[0].line, 3U);
  EXPECT_EQ(report->bad_cells[0].column, 2U);
  EXPECT_EQ(report->bad_cells[0].reason, "“a”列：值“abc”不是数字");
  EXPECT_EQ(report->bad_cells[1].line, 4U);
  EXPECT_EQ(report->bad_cells[1].column, 4U);
  EXPECT_EQ(report->missing_marks, 5U);
  EXPECT_EQ(report->samples, 4U);
  ASSERT_TRUE(h->flush());
  const std::int64_t t0 = 1'772'326'800'000;
  EXPECT_EQ(*h->samplesBetween("a", 0, INT64_MAX), (std::vector<Sample>{{t0, 1}, {t0 + 180'000, 4}}));
  EXPECT_EQ(*h->samplesBetween("b", 0, INT64_MAX), (std::vector<Sample>{{t0 + 60'000, 2}}));
  EXPECT_EQ(*h->samplesBetween("c", 0, INT64_MAX), (std::vector<Sample>{{t0, 3}}));
  // In the long format a line is one sample: #N/A there is no sample, not a bad line.
  std::istringstream longCsv("ts,tag,value\n1772326800,a,#N/A\n1772326800,a,\n");
  auto longReport = importCsv(longCsv, nullptr);
  ASSERT_TRUE(longReport);
  EXPECT_TRUE(longReport->bad_lines.empty());
  EXPECT_EQ(longReport->samples, 0U);
  EXPECT_EQ(longReport->missing_marks, 1U);
}

// QA: a sheet headed with the park's names for its tags (CNC线功率) stored them as unknown tags.
// With tag_named (the park's rule, model::tagIdForName, stood in for here) such a column is
// stored as the tag it names, with its unit; a header naming nothing stays an unknown tag.
TEST(CsvImport, AColumnNamedByATagsNameIsThatTag) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  std::istringstream csv("时间,CNC线功率(kW),cnc.power,其他\n1772326800,1010.5,,1\n1772326860,1020,1021,2\n");
  CsvImportOptions options;
  options.park_tags.emplace();
  options.park_tags->emplace("cnc.power", KnownTag{"kW", "analog"});
  options.tag_named = [](const std::string& text) {
    return text == "CNC线功率(kW)" ? std::optional<std::string>("cnc.power") : std::nullopt;
  };
  auto report = importCsv(csv, &*h, {}, options);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->named_tags, (std::vector<std::pair<std::string, std::string>>{{"CNC线功率(kW)", "cnc.power"}}));
  EXPECT_EQ(report->unknown_tags, (std::vector<std::string>{"其他"}));
  ASSERT_TRUE(h->flush());
  // The same instant twice (1020 by name, 1021 by id): the first value stored wins.
  EXPECT_EQ(*h->samplesBetween("cnc.power", 0, INT64_MAX),
            (std::vector<Sample>{{1'772'326'800'000, 1010.5}, {1'772'326'860'000, 1020}}));
  EXPECT_EQ(tagRows(dir.file("park.db")),
            (std::vector<std::vector<std::string>>{{"cnc.power", "kW", "analog"}, {"其他", "", ""}}));
}

// QA: a sheet in Excel's accounting format (会计专用), saved as CSV, writes the numbers as it shows
// them and zero as a dash padded with the spaces of its decimals; every zero was "no reading",
// every parenthesised negative a bad cell. The file below is written by hand as Excel writes it
// (CRLF, the padded zero " -   " also as the line's last cell); each value is what its cell
// shows: column a 1234.5, -1234.5, -1234.5, -2.5; c 0, 0, -12, -7. A bare "-", "--" and #N/A
// (column b) stay no reading, as a report or SCADA export means them; "(-5)", a lone "¥" and
// "¥true" are no numbers (line 6, columns 2, 3 and 4).
TEST(CsvImport, ReadsExcelsAccountingFormat) {
  std::istringstream csv(
      "ts,a,b,c\r\n"
      "1772326800,\" 1,234.50 \",-, -   \r\n"
      "1772326860,\" (1,234.50)\",--,¥ -\r\n"
      "1772326920,\"¥-1,234.50\",#N/A,\" $ (12.00)\"\r\n"
      "1772326980,\"-¥2.5\",,(7)\r\n"
      "1772327040,(-5),¥,\"¥true\"\r\n");
  test::TempDir dir;
  auto h = Historian::open(dir.file("park.db"));
  ASSERT_TRUE(h);
  auto report = importCsv(csv, &*h);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->bad_lines.empty());
  ASSERT_EQ(report->bad_cells.size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(report->bad_cells[i].line, 6U);
    EXPECT_EQ(report->bad_cells[i].column, i + 2);
  }
  EXPECT_EQ(report->bad_cells[0].reason, "column 'a': value '(-5)' is not a number");
  EXPECT_EQ(report->missing_marks, 3U);
  EXPECT_EQ(report->accounting_zeros, 2U);
  EXPECT_EQ(report->samples, 8U);
  ASSERT_TRUE(h->flush());
  const std::int64_t t0 = 1'772'326'800'000, minute = 60'000;
  EXPECT_EQ(*h->samplesBetween("a", 0, INT64_MAX),
            (std::vector<Sample>{{t0, 1234.5}, {t0 + minute, -1234.5}, {t0 + 2 * minute, -1234.5}, {t0 + 3 * minute, -2.5}}));
  EXPECT_FALSE(h->samplesBetween("b", 0, INT64_MAX));  // no sample, so no such tag
  EXPECT_EQ(*h->samplesBetween("c", 0, INT64_MAX),
            (std::vector<Sample>{{t0, 0}, {t0 + minute, 0}, {t0 + 2 * minute, -12}, {t0 + 3 * minute, -7}}));
  // The long format: the padded zero is 0, the bare dash no sample.
  std::istringstream longCsv("ts,tag,value\n1772326800,a,\"-   \"\n1772326860,a,-\n1772326920,a, - \n");
  auto longReport = importCsv(longCsv, nullptr);
  ASSERT_TRUE(longReport);
  EXPECT_TRUE(longReport->bad_lines.empty());
  EXPECT_EQ(longReport->samples, 2U);
  EXPECT_EQ(longReport->accounting_zeros, 2U);
  EXPECT_EQ(longReport->missing_marks, 1U);
}

}  // namespace parktwin::store
