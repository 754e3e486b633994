// Canonical save: the bundled parks are stored in the writer's layout, so opening and saving
// one without edits gives the file back byte for byte; moving one building changes one line.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "minimal_park.hpp"
#include "parktwin/model/park_file.hpp"

namespace parktwin::model {
namespace {

std::string fileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class BundledCanonical : public ::testing::TestWithParam<const char*> {
 protected:
  std::string path() const { return std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/" + GetParam() + ".json"; }
};

TEST_P(BundledCanonical, OpenAndSaveWithoutEditsGivesTheFileByteForByte) {
  const std::string original = fileText(path());
  ASSERT_FALSE(original.empty()) << path();
  auto park = parsePark(original, path());
  ASSERT_TRUE(park) << park.error().message;
  EXPECT_TRUE(serializePark(*park) == original) << "the saved text differs from " << path();
}

TEST_P(BundledCanonical, SavedTextParsesBackToTheSamePark) {
  auto park = loadPark(path());
  ASSERT_TRUE(park) << park.error().message;
  auto again = parsePark(serializePark(*park), "saved.json");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, *park);
}

TEST_P(BundledCanonical, MovingOneBuildingChangesOneLine) {
  auto park = loadPark(path());
  ASSERT_TRUE(park) << park.error().message;
  const auto before = linesOf(serializePark(*park));
  park->buildings[park->buildings.size() / 2].position.x_m += 12.5;
  const auto after = linesOf(serializePark(*park));
  ASSERT_EQ(before.size(), after.size());
  int changed = 0;
  for (std::size_t i = 0; i < before.size(); ++i) changed += before[i] != after[i] ? 1 : 0;
  EXPECT_EQ(changed, 1);
}

INSTANTIATE_TEST_SUITE_P(Bundled, BundledCanonical, ::testing::Values("beidu", "jiulong"));

TEST(CanonicalLayout, MatchesTheHandWrittenText) {
  auto park = parsePark(test_parks::minimalPark().dump(), "mini.json");
  ASSERT_TRUE(park) << park.error().message;
  park->zones[0].outline[1] = {0.1, -430};
  park->buildings[1].rotation_deg = 1.0 / 3;
  const std::string text = serializePark(*park);
  // Shortest round-trip numbers, points and names on one line, two-space indent.
  EXPECT_NE(text.find("\n  \"name\": {\"zh\": \"小园区\", \"en\": \"Mini park\"},\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n        {\"x_m\": 0.1, \"y_m\": -430},\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\"rotation_deg\": 0.3333333333333333\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n  \"land_area_mu\": 100,\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\"output_yuan_per_year\": 300000000,"), std::string::npos) << text;
  EXPECT_EQ(text.substr(0, 32), "{\n  \"format\": \"parktwin-park/1\",");
  EXPECT_EQ(text.substr(text.size() - 3), "\n}\n");
}

}  // namespace
}  // namespace parktwin::model

namespace parktwin::model {
namespace {

// A building placed at the origin by an editor that rounded -0.3 m: the file says 0, not -0
// (a new user's saved park had "y_m": -0, which no person writes).
TEST(CanonicalLayout, NegativeZeroIsWrittenAsZero) {
  Park park = test_parks::minimalParkRead();
  park.buildings[0].position = {0.0, -0.0};
  const std::string text = serializePark(park);
  EXPECT_EQ(text.find("-0,"), std::string::npos) << text.substr(0, 600);
  EXPECT_EQ(text.find("-0}"), std::string::npos);
  EXPECT_NE(text.find("\"position\": {\"x_m\": 0, \"y_m\": 0}"), std::string::npos) << text.substr(0, 900);
}

}  // namespace
}  // namespace parktwin::model
