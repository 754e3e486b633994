// validatePark's problems carry a wording code (problem_wording.hpp), so that a window words
// them in its own language, and their English (`message`, what the CLI prints) is the wording's.
// Oracle: the list of rules read in twin/model/src/validate*.cpp, each broken once in the small
// park, with the path and the English words the rule has always printed, written here by hand.
#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "minimal_park.hpp"
#include "parktwin/model/validate.hpp"

namespace {

using namespace parktwin::model;

struct BrokenRule {
  std::string rule;
  std::function<void(Park&)> breakIt;
  std::string path;
  ProblemCode code;
  std::string english;
};

std::vector<BrokenRule> everyRule() {
  return {
      {"positive", [](Park& p) { p.buildings[0].height_m = -5; }, "/buildings/0/height_m", ProblemCode::wrong_value,
       "expected a positive number, got -5"},
      {"non-negative", [](Park& p) { p.buildings[0].roof_pv_kwp = -1; }, "/buildings/0/roof_pv_kwp",
       ProblemCode::wrong_value, "expected a number >= 0, got -1"},
      {"between", [](Park& p) { p.latitude_deg = 100; }, "/latitude_deg", ProblemCode::wrong_value,
       "expected a number between -90.0 and 90.0, got 100"},
      {"integer between", [](Park& p) { p.lines[0].machines[0].count = 0; }, "/lines/0/machines/0/count",
       ProblemCode::wrong_value, "expected an integer between 1 and 100000, got 0"},
      {"identifier", [](Park& p) { p.material_links[0].id = "Link 1"; }, "/material_links/0/id", ProblemCode::wrong_value,
       "expected an identifier of lower-case letters, digits, '_', '-' or '.', got \"Link 1\""},
      {"name", [](Park& p) { p.buildings[1].name.zh.clear(); }, "/buildings/1/name/zh", ProblemCode::empty_name,
       "expected a non-empty name"},
      {"model uri empty", [](Park& p) { p.buildings[0].model = ModelRef{}; }, "/buildings/0/model/uri",
       ProblemCode::model_uri_missing, "expected the path of a glTF 2.0 file (.glb or .gltf)"},
      {"model uri not glTF", [](Park& p) { p.buildings[0].model = ModelRef{}; p.buildings[0].model->uri = "hall.fbx"; },
       "/buildings/0/model/uri", ProblemCode::model_not_gltf,
       "expected a glTF 2.0 file (.glb or .gltf), got \"hall.fbx\"; convert other formats with parktwin-cli model convert"},
      {"points", [](Park& p) { p.zones[0].outline.pop_back(); }, "/zones/0/outline", ProblemCode::too_few_points,
       "expected at least 3 points, got 2"},
      // No rows: the grid's columns would divide by zero (the window, the CLI and the server
      // died of SIGFPE reading such a file).
      {"rows between", [](Park& p) { p.lines[0].machines[0].rows = 0; }, "/lines/0/machines/0/rows", ProblemCode::wrong_value,
       "expected an integer between 1 and 10000, got 0"},
      {"rows <= count", [](Park& p) { p.lines[0].machines[0].rows = 7; p.lines[0].machines[0].pitch_y_m = 0; }, "/lines/0/machines/0/rows",
       ProblemCode::rows_over_count, "expected at most count (6) rows, got 7"},
      {"time zone", [](Park& p) { p.time_zone = "Mars time"; }, "/time_zone", ProblemCode::unknown_time_zone,
       "time zone \"Mars time\": expected an IANA name such as \"Asia/Shanghai\""},
      {"storage capacity", [](Park& p) { p.utilities[0].kind = UtilityKind::battery; }, "/utilities/0/energy_kwh",
       ProblemCode::storage_without_capacity, "expected a positive storage capacity for battery"},
      {"yield of pv only", [](Park& p) { p.utilities[0].annual_yield_kwh_per_kwp = 1200; },
       "/utilities/0/annual_yield_kwh_per_kwp", ProblemCode::yield_of_non_pv,
       "applies to pv utilities only; for grid_tie give annual_energy_kwh"},
      {"model of a housed utility",
       [](Park& p) {
         p.utilities[0].building = "hall";
         p.utilities[0].model = ModelRef{};
         p.utilities[0].model->uri = "models/transformer.glb";
       },
       "/utilities/0/model", ProblemCode::model_of_housed_utility,
       "a utility housed in building \"hall\" is drawn with its building, so its model is not drawn: put the model on "
       "building \"hall\" or remove \"building\""},
      {"alarm limit", [](Park& p) { p.alarm_rules[0].above.reset(); }, "/alarm_rules/0", ProblemCode::alarm_without_limit,
       "expected \"above\" or \"below\" (or both)"},
      {"below < above", [](Park& p) { p.alarm_rules[0].below = 950; }, "/alarm_rules/0/below",
       ProblemCode::alarm_below_not_under_above, "expected below < above, got 950"},
      {"unique ids", [](Park& p) { p.zones[0].id = "hall"; p.buildings[0].zone = "hall"; }, "/buildings/0/id",
       ProblemCode::duplicate_id, "duplicate id \"hall\" (first used at /zones/0/id)"},
      {"enterprise exists", [](Park& p) { p.buildings[0].enterprise = "nobody"; }, "/buildings/0/enterprise",
       ProblemCode::missing_enterprise, "refers to enterprise \"nobody\", which does not exist"},
      {"zone exists", [](Park& p) { p.buildings[0].zone = "z9"; }, "/buildings/0/zone", ProblemCode::missing_zone,
       "refers to zone \"z9\", which does not exist"},
      {"building exists", [](Park& p) { p.lines[0].building = "shed"; }, "/lines/0/building",
       ProblemCode::missing_building, "refers to building \"shed\", which does not exist"},
      {"object exists", [](Park& p) { p.tags[0].object = "ghost"; }, "/tags/0/object", ProblemCode::missing_object,
       "refers to object \"ghost\", which does not exist"},
      {"tag exists", [](Park& p) { p.alarm_rules[0].tag = "no.tag"; }, "/alarm_rules/0/tag", ProblemCode::missing_tag,
       "refers to tag \"no.tag\", which does not exist"},
      // 3 columns at 10 m + 5 m = 25 m wide, 2 rows at 12 m + 5 m = 17 m deep, 20 m off centre in
      // a 60 m x 30 m hall: 20 + 12.5 > 30.
      {"grid inside building", [](Park& p) { p.lines[0].machines[0].offset = Point{20, 0}; }, "/lines/0/machines/0",
       ProblemCode::grid_outside_building,
       "expected the machine grid (25 m x 17 m at offset 20, 0) to fit inside building \"hall\" (60 m x 30 m)"},
      {"link ends differ", [](Park& p) { p.material_links[0].to = "cast"; }, "/material_links/0/to",
       ProblemCode::link_to_itself, "expected a different node than \"from\""},
  };
}

TEST(ValidateWording, TheSmallParkBreaksNoRule) {
  EXPECT_TRUE(validatePark(test_parks::minimalParkRead()).empty());
}

TEST(ValidateWording, EachRuleBrokenGivesItsCodeAndItsEnglishFromTheWording) {
  for (const auto& broken : everyRule()) {
    SCOPED_TRACE(broken.rule);
    Park park = test_parks::minimalParkRead();
    broken.breakIt(park);
    const auto problems = validatePark(park);
    std::string all;
    for (const auto& problem : problems) all += problemText(problem) + "\n";
    EXPECT_EQ(problems.size(), 1u) << all;
    if (problems.size() != 1) continue;  // (the next rules still run)
    EXPECT_EQ(problems[0].path, broken.path);
    EXPECT_EQ(problems[0].wording.code, broken.code);
    EXPECT_EQ(problems[0].message, broken.english);
    EXPECT_EQ(problemText(problems[0].wording), broken.english);
  }
}

// Every code of the validator's rules is reached by a rule above: a new rule without a case here
// shows as a code missing from this set.
TEST(ValidateWording, EveryValidatorCodeIsCovered) {
  std::set<ProblemCode> reached;
  for (const auto& broken : everyRule()) reached.insert(broken.code);
  for (auto code = static_cast<int>(ProblemCode::empty_name); code <= static_cast<int>(ProblemCode::link_to_itself); ++code) {
    EXPECT_TRUE(reached.contains(static_cast<ProblemCode>(code))) << "code " << code << " has no broken rule";
  }
}

// Many rules broken at once (a park read with everything wrong): no problem without a code.
TEST(ValidateWording, NoProblemOfAManyTimesBrokenParkIsUncoded) {
  Park park = test_parks::minimalParkRead();
  for (const auto& broken : everyRule()) broken.breakIt(park);
  const auto problems = validatePark(park);
  EXPECT_FALSE(problems.empty());  // (fewer than the rules: a line without its building skips its grid rule)
  for (const auto& problem : problems) {
    EXPECT_NE(problem.wording.code, ProblemCode::other) << problemText(problem);
    EXPECT_EQ(problem.message, problemText(problem.wording)) << problem.path;
  }
}

}  // namespace
