// Reports: the same inputs give the same bytes, apart from the generation-time line; numbers
// read back exactly; KPI rows come from the KPI table.
#include <gtest/gtest.h>

#include <tuple>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <sstream>

#include <nlohmann/json.hpp>

#include "parktwin/common/iso_time.hpp"
#include "parktwin/common/number_text.hpp"
#include "parktwin/flow/kpi_table.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/scenario/report.hpp"
#include "scenario_test_support.hpp"

namespace parktwin::scenario {
namespace {

ScenarioResult outageRun() {
  auto s = loadScenario(test::scenarioFolder() / "smelter-outage.json", test::dataFolder());
  EXPECT_TRUE(s.has_value()) << s.error().message;
  RunOptions options;
  options.start_ms = s->changes.front().window->start_ms - 12 * 3'600'000LL;
  options.duration_ms = 36 * 3'600'000LL;
  auto r = runScenario(*s, options);
  EXPECT_TRUE(r.has_value()) << r.error().message;
  return std::move(*r);
}

// A report's generation time: 2026-11-24T13:00:00Z, 20 781 days after 1970-01-01 (Python's
// datetime.date difference) plus 13 h.
constexpr std::int64_t kNow = 20'781LL * 86'400'000 + 13 * 3'600'000LL;

std::string withoutLine(std::string text, const std::string& marker) {
  const auto at = text.find(marker);
  if (at == std::string::npos) return text;
  const auto end = text.find('\n', at);
  return text.erase(at, end - at);
}

TEST(ScenarioReport, TwoRunsGiveIdenticalReportsApartFromTheGenerationTime) {
  const ScenarioResult first = outageRun();
  const ScenarioResult second = outageRun();
  for (const char* lang : {"en", "zh"}) {
    const std::string a = reportHtml(first, lang, kNow);
    const std::string b = reportHtml(second, lang, kNow + 1000);
    EXPECT_NE(a, b);
    const std::string marker = std::string(lang) == "zh" ? "生成时间" : "Generated:";
    EXPECT_EQ(withoutLine(a, marker), withoutLine(b, marker));
  }
  EXPECT_EQ(withoutLine(reportCsv(first, kNow), "# generated"), withoutLine(reportCsv(second, kNow + 1000), "# generated"));
  EXPECT_EQ(withoutLine(reportJson(first, kNow), "\"generated\""), withoutLine(reportJson(second, kNow + 1000), "\"generated\""));
}

TEST(ScenarioReport, HtmlIsSelfContainedWithTableChartsAndAssumptions) {
  const ScenarioResult r = outageRun();
  const std::string en = reportHtml(r, "en", kNow);
  EXPECT_EQ(en.find("<script"), std::string::npos);
  EXPECT_EQ(en.find("src=\"http"), std::string::npos);
  EXPECT_EQ(en.find("href=\"http"), std::string::npos);
  EXPECT_NE(en.find("<svg"), std::string::npos);
  EXPECT_NE(en.find("Ingot remelted"), std::string::npos);
  EXPECT_NE(en.find("Processors that lost molten supply"), std::string::npos);
  EXPECT_NE(en.find("Assumptions"), std::string::npos);
  const std::string zh = reportHtml(r, "zh", kNow);
  EXPECT_NE(zh.find("lang=\"zh-CN\""), std::string::npos);
  EXPECT_NE(zh.find("铝锭重熔"), std::string::npos);
  EXPECT_NE(zh.find("北渡电解铝厂全厂停电"), std::string::npos);
}

TEST(ScenarioReport, CsvHasOneRowPerKpiAndHourlyRowsForBothRuns) {
  const ScenarioResult r = outageRun();
  const std::string csv = reportCsv(r, kNow);
  EXPECT_NE(csv.find("\nremelt_cost_yuan,yuan,"), std::string::npos);
  std::size_t hourly = 0;
  for (std::size_t at = csv.find("Z,baseline,"); at != std::string::npos; at = csv.find("Z,baseline,", at + 1)) ++hourly;
  EXPECT_EQ(hourly, 36u);
}

// Splits one CSV line at commas (the KPI rows have no quoted fields).
std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == ',') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

// A CSV field or JSON value read back as a double; a figure that does not exist (NaN: the retrofit
// ratios of a run without retrofit) is an empty field and null.
double csvNumber(const std::string& field) { return field.empty() ? std::nan("") : std::stod(field); }
double jsonNumber(const nlohmann::json& value) { return value.is_null() ? std::nan("") : value.get<double>(); }
bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

TEST(ScenarioReport, CsvAndJsonNumbersReadBackExactlyWithoutExponents) {
  const ScenarioResult r = outageRun();
  const std::string csv = reportCsv(r, kNow);
  std::istringstream lines(csv);
  std::string line;
  std::size_t kpiRows = 0;
  while (std::getline(lines, line)) {
    for (const auto& d : r.deltas) {
      if (!line.starts_with(std::string(flow::kpiId(d.key)) + ",")) continue;
      const auto f = fields(line);
      ASSERT_EQ(f.size(), 5u) << line;
      EXPECT_EQ(f[1], flow::kpiUnit(d.key, "en"));
      // Each figure is the shortest text of the very double (was rounded to 6 digits, and
      // printed as 2.42051e+09 for money).
      EXPECT_TRUE(same(csvNumber(f[2]), d.baseline)) << line;
      EXPECT_TRUE(same(csvNumber(f[3]), d.scenario)) << line;
      EXPECT_TRUE(same(csvNumber(f[4]), d.delta())) << line;
      EXPECT_EQ(f[2], std::isnan(d.baseline) ? std::string() : shortestText(d.baseline));
      ++kpiRows;
    }
  }
  EXPECT_EQ(kpiRows, r.deltas.size());
  EXPECT_EQ(csv.find("e+"), std::string::npos) << "no exponent in the CSV";

  const auto json = nlohmann::json::parse(reportJson(r, kNow));
  ASSERT_EQ(json.at("kpis").size(), r.deltas.size());
  for (std::size_t i = 0; i < r.deltas.size(); ++i) {
    const auto& row = json.at("kpis")[i];
    EXPECT_EQ(row.at("key"), flow::kpiId(r.deltas[i].key));
    EXPECT_TRUE(same(jsonNumber(row.at("baseline")), r.deltas[i].baseline)) << row.dump();
    EXPECT_TRUE(same(jsonNumber(row.at("scenario")), r.deltas[i].scenario)) << row.dump();
  }
  const auto& grid = json.at("hourly").at("baseline").at("grid_import_kw");
  ASSERT_EQ(grid.size(), r.baseline.hourly.grid_import_kw.size());
  for (std::size_t i = 0; i < grid.size(); ++i) EXPECT_EQ(grid[i].get<double>(), r.baseline.hourly.grid_import_kw[i]);
}

TEST(ScenarioReport, KpiRowsUseTheKpiTablesKeysAndLabels) {
  const ScenarioResult r = outageRun();
  const std::string csv = reportCsv(r, kNow);
  // Electricity per tonne of aluminium *made*: its own key, not the flows' per tonne delivered.
  EXPECT_NE(csv.find("\nenergy_kwh_per_t_made,kWh/t,"), std::string::npos);
  EXPECT_EQ(csv.find("\nenergy_kwh_per_t,"), std::string::npos);
  EXPECT_NE(csv.find("\nself_sufficiency_pct,%,"), std::string::npos);
  const std::string en = reportHtml(r, "en", kNow);
  EXPECT_NE(en.find("Electricity per tonne of aluminium made (park load / primary + recycled; parks with potlines)"), std::string::npos);
  const std::string zh = reportHtml(r, "zh", kNow);
  EXPECT_NE(zh.find("吨铝电耗（园区用电 / 原铝+再生铝产量；有电解系列的园区）"), std::string::npos);
  // A share's change in points, not percent (QA F22): the self-sufficiency row's change cell.
  for (const auto& [html, lang, points] : {std::tuple{en, "en", " pp</td>"}, std::tuple{zh, "zh", " 个百分点</td>"}}) {
    const auto row = html.find("<tr><td>" + std::string(flow::kpiLabel(flow::KpiKey::self_sufficiency_pct, lang)) + "</td>");
    ASSERT_NE(row, std::string::npos) << lang;
    const std::string cells = html.substr(row, html.find("</tr>", row) - row + 5);
    EXPECT_NE(cells.find(points), std::string::npos) << cells;
  }
}

// The generation time in the park's civil time with its offset written, in every format and
// both languages (it was UTC): 13:00 UTC on 24 November is 21:00 in Shanghai (UTC+8) and 14:00
// in Berlin (UTC+1 in winter), worked out by hand.
TEST(ScenarioReport, TheGenerationTimeIsInTheParksOwnTimeZone) {
  ScenarioResult r = outageRun();
  const std::string shanghai = "2026-11-24T21:00:00+08:00";
  EXPECT_NE(reportHtml(r, "en", kNow).find("Generated: " + shanghai + "</p>"), std::string::npos);
  EXPECT_NE(reportHtml(r, "zh", kNow).find("生成时间：" + shanghai + "</p>"), std::string::npos);
  EXPECT_NE(reportCsv(r, kNow).find("\n# generated " + shanghai + "\n"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(reportJson(r, kNow))["generated"], shanghai);
  r.base_park.time_zone = "Europe/Berlin";
  EXPECT_NE(reportHtml(r, "en", kNow).find("Generated: 2026-11-24T14:00:00+01:00</p>"), std::string::npos);
}

}  // namespace
}  // namespace parktwin::scenario

namespace parktwin::scenario {
namespace {

// "2026-07-15 08:00" for a UTC instant shifted by a whole number of hours, written by hand here
// (not by the report's own helper).
std::string civil(std::int64_t utc_ms, int offset_h) {
  const std::string iso = formatIsoUtcMs(utc_ms + offset_h * 3'600'000LL);
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

// The period is in the park's time zone (park file "time_zone"), with its offset, not a fixed
// "UTC+8": Shanghai is UTC+8 all year; Berlin in July is UTC+2 (summer time).
TEST(ScenarioReport, TimesAreInTheParksOwnTimeZone) {
  ScenarioResult r = outageRun();
  const std::int64_t start = r.scenario.start_ms;
  const std::string shanghai = reportHtml(r, "en", kNow);
  EXPECT_NE(shanghai.find(civil(start, 8) + " .. "), std::string::npos);
  EXPECT_NE(shanghai.find("(UTC+08:00)"), std::string::npos);
  EXPECT_EQ(shanghai.find("(UTC+8)"), std::string::npos);
  ASSERT_EQ(formatIsoUtcMs(start).substr(5, 2), "07") << "the outage scenario runs in July";
  r.base_park.time_zone = "Europe/Berlin";
  const std::string berlin = reportHtml(r, "en", kNow);
  EXPECT_NE(berlin.find(civil(start, 2) + " .. "), std::string::npos);
  EXPECT_NE(berlin.find("(UTC+02:00)"), std::string::npos);
}

}  // namespace
}  // namespace parktwin::scenario

namespace parktwin::scenario {
namespace {

// The changes are listed in the report's language with the objects' names, not as the file's
// key and id ("outage potline-1"): the park file gives potline-1 its zh and en names.
TEST(ScenarioReport, ChangesReadInTheReportsLanguage) {
  const ScenarioResult r = outageRun();
  const auto& change = r.scenario.changes.front();
  ASSERT_EQ(change.kind, ChangeKind::outage);
  const auto* line = r.base_park.findLine(change.target);
  ASSERT_NE(line, nullptr) << change.target;
  const std::string zh = reportHtml(r, "zh", kNow), en = reportHtml(r, "en", kNow);
  EXPECT_NE(zh.find("<li>停产：" + line->name.zh + " (<code>" + line->id + "</code>)"), std::string::npos);
  EXPECT_NE(en.find("<li>outage: " + line->name.en + " (<code>" + line->id + "</code>)"), std::string::npos);
  EXPECT_EQ(zh.find("<code>outage</code>"), std::string::npos);
}

// Review, 6 Dec: a figure that does not exist (NaN) showed in the HTML as "- (-%)". With both
// potlines out for the whole run no aluminium is made: its row reads a dash and no percentage.
TEST(ScenarioReport, AFigureThatDoesNotExistIsADashWithNoPercentage) {
  auto s = test::parse([] {
    auto j = test::minimalScenario("beidu");
    j["duration"] = "6h";
    j["changes"] = nlohmann::json::parse(R"([{"type": "outage", "target": "potline-1"}, {"type": "outage", "target": "potline-2"}])");
    return j;
  }());
  ASSERT_TRUE(s) << s.error().message;
  auto r = runScenario(*s);
  ASSERT_TRUE(r) << r.error().message;
  const std::string html = reportHtml(*r, "en", kNow);
  const std::string label = std::string(flow::kpiLabel(flow::KpiKey::energy_kwh_per_t_made, "en"));
  const auto row = html.find("<tr><td>" + label);
  ASSERT_NE(row, std::string::npos);
  const std::string cells = html.substr(row, html.find("</tr>", row) - row);
  EXPECT_NE(cells.find("<td>\u2013</td>"), std::string::npos) << cells;  // the scenario's figure
  EXPECT_EQ(cells.find("%)"), std::string::npos) << cells;
}

// QA: `scenario run` listed aluminium rows at 0 for a park that makes none, which the window's
// cards hide. The rule is KpiDelta::someRunHasIt, used by the HTML table as by the CLI and the
// window. Oracle: tests/unit/scenario/data/electronics_park.json has no potline, casthouse or
// recycling line (so no aluminium in either run) and two lines rated in units per hour.
TEST(ScenarioReport, AParkThatMakesNoAluminiumGetsNoAluminiumRows) {
  const auto dir = std::filesystem::path(PARKTWIN_SOURCE_DIR) / "tests" / "unit" / "scenario" / "data";
  auto s = loadScenario((dir / "electronics-retrofit.json").string(), test::dataFolder().string());
  ASSERT_TRUE(s) << s.error().message;
  RunOptions options;
  options.duration_ms = 24 * 3'600'000LL;
  auto r = runScenario(*s, options);
  ASSERT_TRUE(r) << r.error().message;
  for (const std::string lang : {"en", "zh"}) {
    const std::string html = reportHtml(*r, lang, kNow);
    for (const auto key : {flow::KpiKey::metal_t, flow::KpiKey::primary_t, flow::KpiKey::recycled_t,
                           flow::KpiKey::direct_molten_t, flow::KpiKey::energy_kwh_per_t_made}) {
      EXPECT_EQ(html.find("<tr><td>" + std::string(flow::kpiLabel(key, lang)) + "</td>"), std::string::npos)
          << lang << " " << flow::kpiId(key);
    }
    EXPECT_NE(html.find("<tr><td>" + std::string(flow::kpiLabel(flow::KpiKey::units_made, lang)) + "</td>"), std::string::npos);
  }
  // The machine-readable reports keep every key.
  EXPECT_NE(reportCsv(*r, kNow).find("\nmetal_t,t,0,0,0\n"), std::string::npos);
}

// The tags the runs left out (no simulated quantity) are named in every report. Oracle: the
// hall temperature tag added here.
TEST(ScenarioReport, TagsLeftOutAreNamedInEveryReport) {
  const auto file = std::filesystem::path(PARKTWIN_SOURCE_DIR) / "tests" / "unit" / "scenario" / "data" / "electronics_park.json";
  auto park = model::loadPark(file);
  ASSERT_TRUE(park) << park.error().message;
  park->tags.push_back({"led-fab.temp", {"车间温度", "hall temperature"}, "degC", model::TagKind::analog, "led-fab"});
  auto j = test::minimalScenario(file.string());
  j["duration"] = "2h";
  auto s = test::parse(j);
  ASSERT_TRUE(s) << s.error().message;
  auto r = runScenario(*s, *park);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_NE(reportHtml(*r, "en", kNow).find("<li>Left out 1 tag the simulator has no quantity for"), std::string::npos);
  EXPECT_NE(reportHtml(*r, "zh", kNow).find("<li>未计入 1 个仿真器无法产生的标签"), std::string::npos);
  EXPECT_NE(reportCsv(*r, kNow).find("\n# Left out 1 tag the simulator has no quantity for (measured only, no value in either run): led-fab.temp (degC)\n"),
            std::string::npos);
  EXPECT_NE(reportJson(*r, kNow).find("\"skipped_tags\": [\n  \"led-fab.temp\"\n ]"), std::string::npos) << reportJson(*r, kNow);
}

// QA (F25): a report to a folder that does not exist was refused after the run, in English and
// without a reason. The check before a run names the folder and why, in either language, and
// leaves nothing behind. Oracle: the folders made (or not) here.
TEST(ScenarioReportFile, AFolderThatDoesNotExistIsNamedBeforeTheRun) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / "report-file-check";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto missing = dir / "no-such-folder" / "r.html";
  const auto en = checkReportFile(missing, "en");
  ASSERT_FALSE(en);
  EXPECT_EQ(en.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(en.error().message, missing.string() + ": cannot write the report: the folder " +
                                    (dir / "no-such-folder").string() + " does not exist");
  const auto zh = checkReportFile(missing, "zh");
  ASSERT_FALSE(zh);
  EXPECT_EQ(zh.error().message, missing.string() + "：无法写入报告：文件夹 " + (dir / "no-such-folder").string() + " 不存在");

  // A file where the folder should be: the system's reason, in Chinese too.
  std::ofstream(dir / "plain.txt") << "x";
  const auto underFile = checkReportFile(dir / "plain.txt" / "r.csv", "zh");
  ASSERT_FALSE(underFile);
  EXPECT_EQ(underFile.error().message, (dir / "plain.txt" / "r.csv").string() + "：无法在文件夹 " +
                                           (dir / "plain.txt").string() + " 中写入报告：路径中有一项不是文件夹");
  const auto unknown = checkReportFile(dir / "r.xlsx", "zh");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message, (dir / "r.xlsx").string() + "：未知的报告格式；请用 .html、.csv 或 .json 文件名");

  // A folder that takes it: accepted, and no empty report is left there; an earlier one is kept.
  EXPECT_TRUE(checkReportFile(dir / "r.json", "en"));
  EXPECT_FALSE(std::filesystem::exists(dir / "r.json"));
  std::ofstream(dir / "old.csv") << "earlier";
  EXPECT_TRUE(checkReportFile(dir / "old.csv", "en"));
  EXPECT_EQ(std::filesystem::file_size(dir / "old.csv"), 7u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace parktwin::scenario
