// Reports: the same inputs give the same bytes, apart from the generation-time line.
#include <gtest/gtest.h>

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
    const std::string a = reportHtml(first, lang, "2026-01-01T00:00:00Z");
    const std::string b = reportHtml(second, lang, "2026-06-30T12:34:56Z");
    EXPECT_NE(a, b);
    const std::string marker = std::string(lang) == "zh" ? "生成时间" : "Generated:";
    EXPECT_EQ(withoutLine(a, marker), withoutLine(b, marker));
  }
  EXPECT_EQ(withoutLine(reportCsv(first, "x"), "# generated"), withoutLine(reportCsv(second, "y"), "# generated"));
  EXPECT_EQ(withoutLine(reportJson(first, "x"), "\"generated\""), withoutLine(reportJson(second, "y"), "\"generated\""));
}

TEST(ScenarioReport, HtmlIsSelfContainedWithTableChartsAndAssumptions) {
  const ScenarioResult r = outageRun();
  const std::string en = reportHtml(r, "en", "now");
  EXPECT_EQ(en.find("<script"), std::string::npos);
  EXPECT_EQ(en.find("src=\"http"), std::string::npos);
  EXPECT_EQ(en.find("href=\"http"), std::string::npos);
  EXPECT_NE(en.find("<svg"), std::string::npos);
  EXPECT_NE(en.find("Ingot remelted"), std::string::npos);
  EXPECT_NE(en.find("Processors that lost molten supply"), std::string::npos);
  EXPECT_NE(en.find("Assumptions"), std::string::npos);
  const std::string zh = reportHtml(r, "zh", "now");
  EXPECT_NE(zh.find("lang=\"zh-CN\""), std::string::npos);
  EXPECT_NE(zh.find("铝锭重熔"), std::string::npos);
  EXPECT_NE(zh.find("北渡电解铝厂全厂停电"), std::string::npos);
}

TEST(ScenarioReport, CsvHasOneRowPerKpiAndHourlyRowsForBothRuns) {
  const ScenarioResult r = outageRun();
  const std::string csv = reportCsv(r, "now");
  EXPECT_NE(csv.find("\nremelt_cost_yuan,yuan,"), std::string::npos);
  std::size_t hourly = 0;
  for (std::size_t at = csv.find("Z,baseline,"); at != std::string::npos; at = csv.find("Z,baseline,", at + 1)) ++hourly;
  EXPECT_EQ(hourly, 36u);
}

}  // namespace
}  // namespace parktwin::scenario
