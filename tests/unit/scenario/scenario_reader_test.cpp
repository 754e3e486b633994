// Scenario files: the shipped ones load; malformed ones fail naming the JSON path and the problem.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "parktwin/flow/park_flows.hpp"
#include "parktwin/flow/sankey.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/scenario/scenario.hpp"
#include "scenario_test_support.hpp"

namespace parktwin::scenario {
namespace {

using nlohmann::json;
using test::minimalScenario;
using test::parse;

// The error holds this line (file, JSON path and message), not just some text.
void expectError(const json& j, const std::string& expectedLine) {
  auto s = parse(j);
  ASSERT_FALSE(s.has_value()) << "accepted: " << j.dump();
  EXPECT_NE(s.error().message.find("test.json: " + expectedLine), std::string::npos)
      << "expected: " << expectedLine << "\n     got: " << s.error().message;
}

// The baseline's flows leave the planned recycling plant out; the scenario that commissions it
// brings it into the flows, the KPIs and the Sankey (DOMAIN.md: 400,000 t/yr).
TEST(ScenarioFlows, RecycledAluminiumScenarioBuildsThePlannedPlantInTheFlows) {
  auto s = loadScenario(test::scenarioFolder() / "recycled-aluminium.json", test::dataFolder());
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(builtBy(*s), (std::set<std::string>{"recycling-plant"}));
  auto park = model::loadPark(s->park_file);
  ASSERT_TRUE(park) << park.error().message;
  flow::FlowOverrides baseline;
  baseline.supply_basis = flow::SupplyBasis::annual_average;
  flow::FlowOverrides scenario = baseline;
  scenario.built = builtBy(*s);
  const auto before = flow::solveParkFlows(*park, baseline, 8760);
  const auto after = flow::solveParkFlows(*park, scenario, 8760);
  ASSERT_TRUE(before && after);
  const auto inSankey = [](const flow::NetworkSolution& side) {
    const auto d = flow::buildSankey(side.network, side.dispatch.arc_flow, 0.03);
    return std::ranges::any_of(d.nodes, [](const flow::SankeyNode& n) { return n.id == "recycling-line"; });
  };
  EXPECT_FALSE(inSankey(before->material));
  EXPECT_TRUE(inSankey(after->material));
  // 0.001 t/h resolution per arc over 8,760 h: +-30 t.
  EXPECT_NEAR(after->kpis.throughput_t_per_year - before->kpis.throughput_t_per_year, 400'000, 30);
}

TEST(ScenarioReader, EveryShippedScenarioLoadsAndFitsItsPark) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::scenarioFolder())) {
    if (entry.path().extension() != ".json") continue;
    ++count;
    auto s = loadScenario(entry.path(), test::dataFolder());
    ASSERT_TRUE(s.has_value()) << s.error().message;
    EXPECT_EQ(s->id, entry.path().stem().string());
    EXPECT_FALSE(s->explanation.zh.empty());
    EXPECT_GT(s->explanation.en.size(), 200u) << "a paragraph, not a line";
    EXPECT_EQ(s->duration_ms, 365LL * 24 * 3'600'000) << "shipped scenarios run a year";
    EXPECT_EQ(s->step_ms, 60'000);
    auto park = model::loadPark(s->park_file);
    ASSERT_TRUE(park.has_value()) << park.error().message;
    auto fits = checkAgainstPark(*s, *park);
    EXPECT_TRUE(fits.has_value()) << fits.error().message;
  }
  EXPECT_EQ(count, 5);
}

TEST(ScenarioReader, ReadsAnOutageWindow) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "outage", "target": "potline-1", "at": "2026-07-15T08:00:00+08:00", "duration": "8h"}])");
  auto s = parse(j);
  ASSERT_TRUE(s.has_value()) << s.error().message;
  ASSERT_EQ(s->changes.size(), 1u);
  ASSERT_TRUE(s->changes[0].window.has_value());
  // 2026-07-15T00:00Z is 1784073600000 ms; 08:00 in China is 00:00 UTC.
  EXPECT_EQ(s->changes[0].window->start_ms, 1'784'073'600'000);
  EXPECT_EQ(s->changes[0].window->end_ms - s->changes[0].window->start_ms, 8 * 3'600'000);
  EXPECT_EQ(s->park_file.filename(), "beidu.json");
}

// A scenario's park is a bundled park's name, found in the data folder wherever the scenario
// file lies (a bundled scenario copied elsewhere used to look for ../parks/beidu.json).
TEST(ScenarioReader, ABundledParkIsFoundByNameFromAnyFolder) {
  auto s = parseScenario(minimalScenario("jiulong").dump(), "test.json", "/somewhere/else", test::dataFolder());
  ASSERT_TRUE(s.has_value()) << s.error().message;
  EXPECT_EQ(s->park_file, test::dataFolder() / "parks" / "jiulong.json");
}

TEST(ScenarioReader, AParkNameThatIsNoBundledParkListsThem) {
  expectError(minimalScenario("beidou"),
              "/park: no park named \"beidou\": bundled parks are beidu, jiulong; or give a park file's path");
}

TEST(ScenarioReader, AParkPathIsReadFromTheScenarioFolderAndNamedWhenMissing) {
  auto found = parse(minimalScenario("../parks/beidu.json"));
  ASSERT_TRUE(found.has_value()) << found.error().message;
  EXPECT_EQ(found->park_file, test::dataFolder() / "parks" / "beidu.json");
  auto missing = parseScenario(minimalScenario("../parks/beidu.json").dump(), "test.json", "/tmp/copy", test::dataFolder());
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message.find("test.json: /park: no park file /tmp/parks/beidu.json"), std::string::npos)
      << missing.error().message;
}

// A scenario sent to a server of the user's own park (QA: every "park" was refused, because the
// server compared the park file's name with the park's id, and opened whatever path it was sent).
// It runs on the park given: the file's contents sent as they are (a path), the id, or no park.
TEST(ScenarioReader, ASentScenarioRunsOnTheParkGivenWithoutOpeningAPath) {
  const auto dir = std::filesystem::path(PARKTWIN_SOURCE_DIR) / "tests" / "unit" / "scenario" / "data";
  auto park = model::loadPark(dir / "electronics_park.json");
  ASSERT_TRUE(park.has_value()) << park.error().message;
  std::ifstream in(dir / "electronics-retrofit.json");
  json sent = json::parse(in);
  ASSERT_EQ(sent["park"], "electronics_park.json");
  for (const json& named : {json("electronics_park.json"), json("/etc/shadow"), json("/no/such/own.park.json"), json("cq-electronics")}) {
    sent["park"] = named;
    auto s = parseScenarioFor(*park, sent.dump(), "/definition", test::dataFolder());
    ASSERT_TRUE(s.has_value()) << named << ": " << s.error().message;
    EXPECT_EQ(s->park, "cq-electronics");
    EXPECT_TRUE(s->park_file.empty()) << s->park_file;
  }
  sent.erase("park");
  EXPECT_TRUE(parseScenarioFor(*park, sent.dump(), "/definition", test::dataFolder()).has_value());
  // Another park's id, and a target the park lacks, are refused with their JSON paths.
  sent["park"] = "jiulong";
  sent["changes"][0]["enterprises"] = {"cq-led", "no-such-firm"};
  auto refused = parseScenarioFor(*park, sent.dump(), "/definition", test::dataFolder(), "zh");
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message.find("/definition: /park: 情景是为园区“jiulong”写的，不是发送到的园区“cq-electronics”：请写该园区的 id，或省略 “park”"),
            std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("/definition: /changes/0/enterprises/1: "), std::string::npos) << refused.error().message;
  // A path to a bundled park's file names that park (review: a Jiulong scenario file sent as it is).
  sent["park"] = "../parks/jiulong.json";
  auto byPath = parseScenarioFor(*park, sent.dump(), "/definition", test::dataFolder());
  ASSERT_FALSE(byPath.has_value());
  EXPECT_NE(byPath.error().message.find("/definition: /park: the scenario is for park \"jiulong\", not \"cq-electronics\""),
            std::string::npos)
      << byPath.error().message;
}

TEST(ScenarioReader, UnknownTopLevelKey) {
  json j = minimalScenario();
  j["sede"] = 3;
  expectError(j, "/sede: unknown key");
}

TEST(ScenarioReader, UnknownKeyInAChange) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "outage", "target": "potline-1", "targt": "potline-2"}])");
  expectError(j, "/changes/0/targt: unknown key");
}

TEST(ScenarioReader, UnknownChangeType) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "explode", "target": "potline-1"}])");
  expectError(j, "/changes/0/type: expected one of outage, capacity, demand, commission, add_line, tariff, "
                 "grid_emission, grid_limit, route, retrofit, pv, storage, got \"explode\"");
}

// A new line's kind and product are park-format words, read through the same tables.
TEST(ScenarioReader, AddedLineOfAnUnknownKindNamesTheAllowedKinds) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "add_line", "line": {"id": "new-line", "kind": "teleporter",
      "building": "casthouse", "product": "unobtainium", "capacity_t_per_year": 1000, "energy_kwh_per_t": 100}}])");
  expectError(j, "/changes/0/line/kind: expected one of " + model::kindWords<model::LineKind>() + ", got \"teleporter\"");
  expectError(j, "/changes/0/line/product: expected one of " + model::kindWords<model::Product>() + ", got \"unobtainium\"");
}

TEST(ScenarioReader, MissingTarget) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "outage"}])");
  expectError(j, "/changes/0/target: missing; expected an identifier");
}

TEST(ScenarioReader, FactorThatIsNotANumber) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "capacity", "target": "potline-1", "factor": "fast"}])");
  expectError(j, "/changes/0/factor: expected a number, got \"fast\"");
}

TEST(ScenarioReader, TimeThatIsNotATime) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "outage", "target": "potline-1", "at": "next tuesday", "duration": "8h"}])");
  expectError(j, "/changes/0/at: expected a time such as \"2026-07-01T08:00:00+08:00\", got \"next tuesday\"");
}

TEST(ScenarioReader, ChangeOutsideThePeriod) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "outage", "target": "potline-1", "at": "2026-08-01T00:00:00+08:00", "duration": "8h"}])");
  expectError(j, "/changes/0/at: the change lies outside the scenario period 2026-07-15 00:00 .. 2026-07-17 00:00 (UTC+08:00)");
}

TEST(ScenarioReader, ChangeOutsideThePeriodWrittenInUtc) {
  json j = minimalScenario();
  j["start"] = "2026-07-14T16:00:00Z";
  j["changes"] = json::parse(R"([{"type": "outage", "target": "potline-1", "at": "2026-08-01T00:00:00+08:00", "duration": "8h"}])");
  expectError(j, "/changes/0/at: the change lies outside the scenario period 2026-07-14 16:00 .. 2026-07-16 16:00 (UTC+00:00)");
}

// A time written without a zone is the park's civil time, as everywhere a person types a time
// for a park (it was UTC in scenario files only: "start": "2026-07-15T00:00:00" began at 08:00
// on Beidu's clock). Oracle: `date -u -d "2026-07-15" +%s` = 1784073600, less 8 h for Shanghai.
TEST(ScenarioReader, ZoneLessTimesAreTheParksCivilTime) {
  constexpr std::int64_t kJuly15Utc = 1'784'073'600'000, kHour = 3'600'000;
  json j = minimalScenario();
  j["start"] = "2026-07-15T00:00:00";
  j["changes"] = json::parse(R"([{"type": "outage", "target": "potline-1", "at": "2026-07-15T08:00:00", "duration": "8h"},
                                 {"type": "demand", "target": "potline-1", "factor": 0.9,
                                  "from": "2026-07-16T00:00:00", "until": "2026-07-16T12:00:00+08:00"}])");
  auto s = parse(j);
  ASSERT_TRUE(s.has_value()) << s.error().message;
  EXPECT_EQ(s->start_ms, kJuly15Utc - 8 * kHour);
  ASSERT_EQ(s->changes.size(), 2u);
  EXPECT_EQ(s->changes[0].window->start_ms, kJuly15Utc);
  EXPECT_EQ(s->changes[1].window->start_ms, kJuly15Utc + 16 * kHour);
  EXPECT_EQ(s->changes[1].window->end_ms, kJuly15Utc + 28 * kHour);  // a written zone keeps its meaning
  j["start"] = "2026-07-15";  // a date alone: midnight on the park's clock
  j["changes"] = json::array();
  auto dateOnly = parse(j);
  ASSERT_TRUE(dateOnly.has_value()) << dateOnly.error().message;
  EXPECT_EQ(dateOnly->start_ms, kJuly15Utc - 8 * kHour);
}

// The park's own zone, not China's: a park in Bangkok (UTC+7, `date -u -d "2026-07-15 00:00
// +0700" +%s` = 1784048400) sent a scenario without zones; and the period in a message is on
// that clock.
TEST(ScenarioReader, ZoneLessTimesOfASentScenarioAreTheGivenParksClock) {
  auto park = model::loadPark(test::dataFolder() / "parks" / "beidu.json");
  ASSERT_TRUE(park.has_value()) << park.error().message;
  park->time_zone = "Asia/Bangkok";
  json j = minimalScenario();
  j["start"] = "2026-07-15T00:00:00";
  auto s = parseScenarioFor(*park, j.dump(), "/definition", test::dataFolder());
  ASSERT_TRUE(s.has_value()) << s.error().message;
  EXPECT_EQ(s->start_ms, 1'784'048'400'000);
  j["changes"] = json::parse(R"([{"type": "outage", "target": "potline-1", "at": "2026-08-01T00:00:00", "duration": "8h"}])");
  auto outside = parseScenarioFor(*park, j.dump(), "/definition", test::dataFolder());
  ASSERT_FALSE(outside.has_value());
  EXPECT_NE(outside.error().message.find("the change lies outside the scenario period 2026-07-15 00:00 .. 2026-07-17 00:00"),
            std::string::npos)
      << outside.error().message;
}

TEST(ScenarioReader, TariffBandsWithAGap) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "tariff", "bands": [
      {"from_hour": 0, "to_hour": 7, "yuan_per_kwh": 0.3}, {"from_hour": 8, "to_hour": 24, "yuan_per_kwh": 0.7}]}])");
  expectError(j, "/changes/0/bands/1/from_hour: expected 7.0: bands must cover 0 to 24 h in order without gaps");
}

TEST(ScenarioReader, WholePeriodChangeWithATime) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "retrofit", "enterprises": ["youlisen"], "productivity": 0.598,
      "defect_rate": -0.423, "operating_cost": -0.225, "energy_per_unit": -0.195, "at": "2026-07-15T08:00:00+08:00"}])");
  expectError(j, "/changes/0: a retrofit change holds for the whole period; \"at\", \"from\", \"until\" and \"duration\" are not allowed");
}

TEST(ScenarioReader, WrongFormatAndBadStep) {
  json j = minimalScenario();
  j["format"] = "parktwin-scenario/9";
  j["step"] = "soon";
  auto s = parse(j);
  ASSERT_FALSE(s.has_value());
  EXPECT_NE(s.error().message.find("test.json: /format: expected \"parktwin-scenario/1\", got \"parktwin-scenario/9\""), std::string::npos)
      << s.error().message;
  EXPECT_NE(s.error().message.find("test.json: /step: expected a positive duration such as \"8h\", \"30d\" or \"1m\", got \"soon\""),
            std::string::npos)
      << s.error().message;
}

TEST(ScenarioReader, RetrofitFactorOutOfRange) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "retrofit", "enterprises": ["youlisen"], "productivity": 0.598,
      "defect_rate": -0.423, "operating_cost": -1.5, "energy_per_unit": -0.195}])");
  expectError(j, "/changes/0/operating_cost: expected a number between -0.9 and 5.0, got -1.5");
}

TEST(ScenarioReader, NotJson) {
  auto s = parseScenario("{\"id\": ", "broken.json", test::scenarioFolder(), test::dataFolder());
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().message.rfind("broken.json: not valid JSON", 0), 0u) << s.error().message;
}

// QA: the window's scenario panel said this in English in a Chinese window.
TEST(ScenarioReader, NotJsonInChinese) {
  auto s = parseScenario("{\"id\": ", "broken.json", test::scenarioFolder(), test::dataFolder(), "zh");
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().message, "broken.json: 不是有效的 JSON：文本在第 1 行第 8 列就结束了，JSON 尚未完整");
}

// The reader checks the targets against the scenario's own park; its messages name the file
// and the JSON path, as every other problem of the file does.
TEST(ScenarioReader, TargetsMustExistInThePark) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "outage", "target": "potline-9"},
                                 {"type": "storage", "target": "pv-std-factory-1", "power_kw": 1, "energy_kwh": 2}])");
  auto s = parse(j);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().message,
            "test.json: /changes/0/target: no line, or building with lines, \"potline-9\" in park beidu\n"
            "test.json: /changes/1/target: utility \"pv-std-factory-1\" is a pv, not battery or pumped_storage");
}

// checkAgainstPark, for a park other than the file's (the window's open one, a server's): the
// same words, named by the file. Beidu's potline-1 is no line of Jiulong.
TEST(ScenarioReader, CheckedAgainstAnotherParkTheMessagesNameTheFile) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "outage", "target": "potline-1"}])");
  auto s = parse(j);
  ASSERT_TRUE(s.has_value()) << s.error().message;
  auto jiulong = model::loadPark(test::dataFolder() / "parks" / "jiulong.json");
  ASSERT_TRUE(jiulong.has_value()) << jiulong.error().message;
  auto fits = checkAgainstPark(*s, *jiulong);
  ASSERT_FALSE(fits.has_value());
  EXPECT_EQ(fits.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(fits.error().message, "test.json: /changes/0/target: no line, or building with lines, \"potline-1\" in park jiulong");
}

// QA round 3: a change outside the period hid a wrong target (the targets were checked only
// once the file had read clean), and the two were named differently (file vs scenario id).
// Every problem now comes at once, in file order, each with the file and its JSON path.
TEST(ScenarioReader, APeriodProblemDoesNotHideATargetProblem) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "outage", "target": "potline-9"},
                                 {"type": "outage", "target": "potline-1", "at": "2026-08-01T00:00:00+08:00", "duration": "8h"}])");
  auto s = parse(j);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().message,
            "test.json: /changes/0/target: no line, or building with lines, \"potline-9\" in park beidu\n"
            "test.json: /changes/1/at: the change lies outside the scenario period 2026-07-15 00:00 .. 2026-07-17 00:00 (UTC+08:00)");
}

// A target the reader already found missing is not reported again as "no line \"\"".
TEST(ScenarioReader, AMissingTargetIsReportedOnce) {
  json j = minimalScenario();
  j["changes"] = json::parse(R"([{"type": "outage"}])");
  auto s = parse(j);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().message, "test.json: /changes/0/target: missing; expected an identifier");
}

}  // namespace
}  // namespace parktwin::scenario
