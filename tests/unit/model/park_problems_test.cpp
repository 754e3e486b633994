// loadParkListingProblems: the problems of a park file one by one, each with its JSON Pointer
// apart, as the window's Problems panel lists them. Oracle: paths and messages written by hand
// from the file's defects, and loadPark's own joined message (the list must say the same).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "minimal_park.hpp"
#include "parktwin/model/park_file.hpp"

namespace {

namespace fs = std::filesystem;
using parktwin::model::loadPark;
using parktwin::model::loadParkListingProblems;
using parktwin::model::problemText;

const char* const kGoodPark = R"({
  "format": "parktwin-park/1", "id": "mini", "name": {"zh": "小园区", "en": "Mini park"},
  "latitude_deg": 29.5, "longitude_deg": 106.5, "land_area_mu": 100, "grid_emission_t_per_mwh": 0.57,
  "buildings": [
    {"id": "hall", "name": {"zh": "车间", "en": "Hall"}, "kind": "plant",
     "position": {"x_m": 50, "y_m": 50}, "width_m": 60, "depth_m": 30, "height_m": 12},
    {"id": "store", "name": {"zh": "仓库", "en": "Store"}, "kind": "warehouse",
     "position": {"x_m": 150, "y_m": 50}, "width_m": 40, "depth_m": 20, "height_m": 10}
  ]
})";

class ParkProblems : public ::testing::Test {
 protected:
  fs::path write(std::string text) {
    std::ofstream(file_) << text;
    return file_;
  }
  void TearDown() override { fs::remove(file_); }
  fs::path file_ = fs::temp_directory_path() / ("parktwin_problems_" + std::to_string(::getpid()) + ".park.json");
};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST_F(ParkProblems, AGoodFileGivesThePark) {
  auto park = loadParkListingProblems(write(kGoodPark));
  ASSERT_TRUE(park.has_value());
  EXPECT_EQ(park->id, "mini");
  EXPECT_EQ(park->buildings.size(), 2u);
}

TEST_F(ParkProblems, TwoDefectsGiveTwoProblemsWithTheirPaths) {
  std::string text = replaced(kGoodPark, "\"height_m\": 10", "\"height_m\": \"tall\"");
  text = replaced(text, "\"kind\": \"plant\"", "\"kind\": \"castle\"");
  const auto file = write(text);
  auto listed = loadParkListingProblems(file);
  ASSERT_FALSE(listed.has_value());
  ASSERT_EQ(listed.error().size(), 2u);
  EXPECT_EQ(listed.error()[0].path, "/buildings/0/kind");
  EXPECT_EQ(listed.error()[1].path, "/buildings/1/height_m");
  EXPECT_EQ(listed.error()[1].what, "expected a positive number, got \"tall\"");
  // The same problems as loadPark's message, a line each with the file in front.
  auto joined = loadPark(file);
  ASSERT_FALSE(joined.has_value());
  std::string expected;
  for (const auto& p : listed.error()) expected += (expected.empty() ? "" : "\n") + file.string() + ": " + p.path + ": " + p.what;
  EXPECT_EQ(joined.error().message, expected);
}

// A value of the wrong type (shape) beside a duplicate id and a reference to nothing (rules):
// all three in one run, as a new user expected ("every problem is reported"); they saw the rules'
// problems only after fixing the shape's.
TEST_F(ParkProblems, ShapeAndRuleProblemsComeInOneRun) {
  std::string text = replaced(kGoodPark, "\"height_m\": 10", "\"height_m\": \"tall\"");
  text = replaced(text, "\"id\": \"store\"", "\"id\": \"hall\"");
  text = replaced(text, "\"kind\": \"plant\",", "\"kind\": \"plant\", \"zone\": \"nowhere\",");
  auto listed = loadParkListingProblems(write(text));
  ASSERT_FALSE(listed.has_value());
  std::vector<std::string> paths;
  for (const auto& p : listed.error()) paths.push_back(p.path + ": " + p.what);
  EXPECT_EQ(paths, (std::vector<std::string>{"/buildings/0/zone: refers to zone \"nowhere\", which does not exist",
                                             "/buildings/1/height_m: expected a positive number, got \"tall\"",
                                             "/buildings/1/id: duplicate id \"hall\" (first used at /buildings/0/id)"}));
}

// A grid that does not fit its building is listed beside a shape problem of another building
// (the rule is skipped only where its own building's or group's sizes failed to read).
TEST_F(ParkProblems, AGridProblemIsListedBesideAnotherBuildingsShapeProblem) {
  auto j = parktwin::model::test_parks::minimalPark();
  j["lines"][0]["machines"][0]["offset"] = {{"x_m", 20}, {"y_m", 0}};  // 25 m wide, 20 m off centre in a 60 m hall
  j["buildings"][1]["colour"] = "red";
  auto listed = loadParkListingProblems(write(j.dump()));
  ASSERT_FALSE(listed.has_value());
  std::vector<std::string> paths;
  for (const auto& p : listed.error()) paths.push_back(p.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"/buildings/1/colour", "/lines/0/machines/0"}));
  // Its own building's width failing to read: the grid is not measured against it.
  j["buildings"][0]["width_m"] = "wide";
  auto own = loadParkListingProblems(write(j.dump()));
  ASSERT_FALSE(own.has_value());
  paths.clear();
  for (const auto& p : own.error()) paths.push_back(p.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"/buildings/0/width_m", "/buildings/1/colour"}));
}

// An id that failed to read leaves its object without one: a reference to it is not called
// missing (it may well exist), only the id is listed.
TEST_F(ParkProblems, AReferenceIsNotCalledMissingWhenSomeIdFailedToRead) {
  std::string text = replaced(kGoodPark, "\"id\": \"store\"", "\"id\": 7");
  text = replaced(text, "\"kind\": \"plant\",", "\"kind\": \"plant\", \"zone\": \"nowhere\",");
  auto listed = loadParkListingProblems(write(text));
  ASSERT_FALSE(listed.has_value());
  ASSERT_EQ(listed.error().size(), 1u) << listed.error()[0].path;
  EXPECT_EQ(listed.error()[0].path, "/buildings/1/id");
}

// The CLI under --lang zh prints loadPark(file, "zh")'s lines; the window words each listed
// problem through the same table (problemText(wording, "zh")). Oracle: the Chinese written by hand, the
// words the window has always shown (assets/i18n before the table moved to twin/model).
TEST_F(ParkProblems, TheProblemsComeInChineseToo) {
  std::string text = replaced(kGoodPark, "\"height_m\": 10", "\"height_m\": \"tall\"");
  text = replaced(text, "\"kind\": \"plant\"", "\"kind\": \"castle\"");
  text = replaced(text, "\"land_area_mu\"", "\"colour\": 1, \"land_area_mu\"");
  const auto file = write(text);
  auto joined = loadPark(file, "zh");
  ASSERT_FALSE(joined.has_value());
  const std::string f = file.string() + ": ";
  const std::string zh = joined.error().message;
  const std::string kindLine = zh.substr(0, zh.find('\n'));
  EXPECT_TRUE(kindLine.starts_with(f + "/buildings/0/kind: 应为以下之一：smelter, plant, ")) << kindLine;
  EXPECT_TRUE(kindLine.ends_with("，实际为 \"castle\"")) << kindLine;
  EXPECT_EQ(zh.substr(zh.find('\n') + 1), f + "/buildings/1/height_m: 应为正数，实际为 \"tall\"\n" + f + "/colour: 未知的键");
  auto english = loadPark(file);
  ASSERT_FALSE(english.has_value());
  EXPECT_NE(english.error().message.find(f + "/colour: unknown key"), std::string::npos);
  auto listed = loadParkListingProblems(file);
  ASSERT_FALSE(listed.has_value());
  ASSERT_EQ(listed.error().size(), 3u);
  EXPECT_EQ(parktwin::model::problemText(listed.error()[1].wording, "zh"), "应为正数，实际为 \"tall\"");
  EXPECT_EQ(parktwin::model::problemText(listed.error()[2].wording, "zh"), "未知的键");
}

// A file the reader cannot parse is worded in the window's language too (QA: File > Open of a
// file that is no JSON listed it in English in a Chinese window).
TEST_F(ParkProblems, TextThatIsNotJsonIsWordedInBothLanguages) {
  auto listed = loadParkListingProblems(write("{\"id\": \"x\",, }"));
  ASSERT_FALSE(listed.has_value());
  EXPECT_EQ(parktwin::model::problemText(listed.error()[0].wording, "zh"),
            file_.string() + ": 不是有效的 JSON：第 1 行第 12 列出现意外的“,”");
  EXPECT_EQ(parktwin::model::problemText(listed.error()[0].wording, "en"),
            file_.string() + ": not valid JSON at line 1, column 12: unexpected ','");
}

TEST_F(ParkProblems, TextThatIsNotJsonIsOneProblemOfTheWholeFile) {
  auto listed = loadParkListingProblems(write("{\"id\": \"x\",, }"));
  ASSERT_FALSE(listed.has_value());
  ASSERT_EQ(listed.error().size(), 1u);
  EXPECT_EQ(listed.error()[0].path, "");
  EXPECT_EQ(listed.error()[0].what, file_.string() + ": not valid JSON at line 1, column 12: unexpected ','");
}

TEST_F(ParkProblems, AMissingFileIsOneProblem) {
  auto listed = loadParkListingProblems("/nonexistent/park.json");
  ASSERT_FALSE(listed.has_value());
  ASSERT_EQ(listed.error().size(), 1u);
  EXPECT_EQ(listed.error()[0].what, "/nonexistent/park.json: cannot open the park file: there is no such file");
  // Kept as a code, so a Chinese window words it in Chinese.
  EXPECT_EQ(problemText(listed.error()[0].wording, "zh"), "/nonexistent/park.json: 无法打开园区文件：没有这个文件");
}

}  // namespace
