// EditHistory: drags merge into one entry, the list is capped, a new edit clears redo, the
// saved mark follows undo; a seeded run of 1,000 random edits on Beidu, undone, gives back the
// bundled file byte for byte; an edit's problems carry the paths the file reader reports.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "minimal_park.hpp"
#include "parktwin/model/edit_history.hpp"
#include "parktwin/model/park_file.hpp"

namespace parktwin::model {
namespace {

Park miniPark() { return test_parks::minimalParkRead(); }

TEST(EditHistory, ADragIsOneEntryUntilSealed) {
  const Park original = miniPark();
  EditHistory history(original);
  for (double x = 51; x <= 60; ++x) ASSERT_TRUE(history.apply(MoveBuilding{"hall", {x, 50}}));
  ASSERT_EQ(history.labels().size(), 1u);
  EXPECT_EQ(history.labels()[0].en, "Move building Hall");
  EXPECT_EQ(history.labels()[0].zh, "移动建筑 车间");
  EXPECT_EQ(history.park().buildings[0].position, (Point{60, 50}));
  history.sealEntry();
  ASSERT_TRUE(history.apply(MoveBuilding{"hall", {70, 50}}));
  EXPECT_EQ(history.labels().size(), 2u);
  ASSERT_TRUE(history.undo());
  EXPECT_EQ(history.park().buildings[0].position, (Point{60, 50}));
  ASSERT_TRUE(history.undo());
  EXPECT_EQ(history.park(), original);
  EXPECT_FALSE(history.canUndo());
}

TEST(EditHistory, DifferentObjectsDoNotMerge) {
  EditHistory history(miniPark());
  ASSERT_TRUE(history.apply(MoveBuilding{"hall", {1, 1}}));
  ASSERT_TRUE(history.apply(MoveBuilding{"store", {2, 2}}));
  ASSERT_TRUE(history.apply(RotateBuilding{"store", 5}));
  EXPECT_EQ(history.labels().size(), 3u);
}

TEST(EditHistory, ANewEditClearsRedo) {
  EditHistory history(miniPark());
  ASSERT_TRUE(history.apply(RotateBuilding{"hall", 10}));
  history.sealEntry();
  ASSERT_TRUE(history.apply(RotateBuilding{"hall", 20}));
  ASSERT_TRUE(history.undo());
  EXPECT_TRUE(history.canRedo());
  ASSERT_TRUE(history.apply(MoveBuilding{"store", {0, 0}}));
  EXPECT_FALSE(history.canRedo());
  EXPECT_FALSE(history.redo());
  EXPECT_EQ(history.labels().size(), 2u);
  EXPECT_EQ(history.park().buildings[0].rotation_deg, 10);
}

TEST(EditHistory, KeepsOnlyTheNewestEntriesUpToItsCapacity) {
  EditHistory history(miniPark(), 3);
  for (int i = 1; i <= 5; ++i) {
    ASSERT_TRUE(history.apply(RotateBuilding{"hall", 10.0 * i}));
    history.sealEntry();
  }
  EXPECT_EQ(history.labels().size(), 3u);
  while (history.canUndo()) ASSERT_TRUE(history.undo());
  EXPECT_EQ(history.park().buildings[0].rotation_deg, 20);  // edits 3, 4 and 5 undone
}

TEST(EditHistory, TheSavedMarkFollowsUndoAndRedo) {
  EditHistory history(miniPark());
  EXPECT_FALSE(history.modified());
  ASSERT_TRUE(history.apply(RotateBuilding{"hall", 10}));
  EXPECT_TRUE(history.modified());
  history.markSaved();
  EXPECT_FALSE(history.modified());
  ASSERT_TRUE(history.undo());
  EXPECT_TRUE(history.modified());
  ASSERT_TRUE(history.redo());
  EXPECT_FALSE(history.modified());
  ASSERT_TRUE(history.apply(RotateBuilding{"hall", 11}));  // merges, but it is a new state
  EXPECT_TRUE(history.modified());
}

// --- validation: the same path and words as the reader ---------------------------------

struct SameDefect {
  const char* name;
  EditCommand edit;
  const char* pointer;  // the same defect written into the file
  nlohmann::json value;
  const char* expected;  // "path: message", by hand
};
void PrintTo(const SameDefect& d, std::ostream* os) { *os << d.name; }
class EditValidation : public ::testing::TestWithParam<SameDefect> {};

TEST_P(EditValidation, ReportsWhatTheReaderReportsForTheSameDefect) {
  const SameDefect& d = GetParam();
  EditHistory history(miniPark());
  auto problems = history.apply(d.edit);
  ASSERT_TRUE(problems) << problems.error().message;  // it applies; the editor shows the problem
  std::vector<std::string> lines;
  for (const auto& p : *problems) lines.push_back(problemText(p));
  EXPECT_NE(std::ranges::find(lines, std::string(d.expected)), lines.end()) << (lines.empty() ? "no problem" : lines[0]);

  nlohmann::json file = test_parks::minimalPark();
  file[nlohmann::json::json_pointer(d.pointer)] = d.value;
  auto read = parsePark(file.dump(), "park.json");
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message.find(std::string("park.json: ") + d.expected), std::string::npos) << read.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Defects, EditValidation,
    ::testing::Values(
        SameDefect{"NegativeWidth", ResizeBuilding{"store", -5, 20, 10}, "/buildings/1/width_m", -5,
                   "/buildings/1/width_m: expected a positive number, got -5"},
        SameDefect{"RotationBeyondATurn", RotateBuilding{"hall", 400}, "/buildings/0/rotation_deg", 400,
                   "/buildings/0/rotation_deg: expected a number between -360.0 and 360.0, got 400"},
        SameDefect{"DuplicateId", SetField{"/buildings/1/id", "hall"}, "/buildings/1/id", "hall",
                   "/buildings/1/id: duplicate id \"hall\" (first used at /buildings/0/id)"},
        SameDefect{"DanglingEnterprise", SetField{"/buildings/0/enterprise", "nobody"}, "/buildings/0/enterprise", "nobody",
                   "/buildings/0/enterprise: refers to enterprise \"nobody\", which does not exist"},
        SameDefect{"MoreRowsThanMachines", SetField{"/lines/0/machines/0/rows", 9}, "/lines/0/machines/0/rows", 9,
                   "/lines/0/machines/0/rows: expected at most count (6) rows, got 9"},
        SameDefect{"MachinesDoNotFit", ResizeBuilding{"hall", 20, 30, 12}, "/buildings/0/width_m", 20,
                   "/lines/0/machines/0: expected the machine grid (25 m x 17 m at offset 0, 0) to fit inside building "
                   "\"hall\" (20 m x 30 m)"},
        SameDefect{"EmptyName", SetField{"/enterprises/0/name/en", ""}, "/enterprises/0/name/en", "",
                   "/enterprises/0/name/en: expected a non-empty name"},
        SameDefect{"AlarmBelowOverAbove", SetField{"/alarm_rules/0/below", 1000}, "/alarm_rules/0/below", 1000,
                   "/alarm_rules/0/below: expected below < above, got 1000"},
        SameDefect{"LinkToItself", SetField{"/energy_links/0/to", "grid"}, "/energy_links/0/to", "grid",
                   "/energy_links/0/to: expected a different node than \"from\""},
        SameDefect{"FarAway", MoveBuilding{"store", {150, 200000}}, "/buildings/1/position/y_m", 200000,
                   "/buildings/1/position/y_m: expected a number between -100000.0 and 100000.0, got 200000"},
        SameDefect{"UnknownTimeZone", SetField{"/time_zone", "Mars/Olympus_Mons"}, "/time_zone", "Mars/Olympus_Mons",
                   "/time_zone: time zone \"Mars/Olympus_Mons\": no such zone in /usr/share/zoneinfo"}),
    [](const ::testing::TestParamInfo<SameDefect>& p) { return p.param.name; });

TEST(EditValidationSummary, AValidEditOfAValidParkHasNoProblems) {
  EditHistory history(miniPark());
  auto problems = history.apply(MoveBuilding{"store", {160, 40}});
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty());
}

}  // namespace
}  // namespace parktwin::model
