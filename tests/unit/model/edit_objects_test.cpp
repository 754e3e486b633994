// The add and remove commands of enterprises, lines, machine groups, utilities, externals,
// tags and alarm rules (edit_objects.hpp): what each does, checked by hand against the
// minimal park (minimal_park.hpp), then undo gives back the park exactly (operator== and the
// saved text) and redo the edited park again (the tests of edit_commands_test.cpp, these
// cases).
#include <gtest/gtest.h>

#include "edit_cases.hpp"
#include "minimal_park.hpp"
#include "parktwin/model/edit_history.hpp"
#include "parktwin/model/validate.hpp"

namespace parktwin::model {
namespace {
using test_edits::Case;
using test_edits::EditCommandCase;
using test_edits::EditRefusal;
using test_edits::Refusal;

MachineGroup presses() {
  MachineGroup g;
  g.id = "presses";
  g.name = {"压机", "Presses"};
  g.kind = MachineKind::forging_press;
  g.count = 4;
  g.rows = 2;
  g.pitch_x_m = 6;
  g.pitch_y_m = 8;
  g.width_m = 3;
  g.depth_m = 3;
  g.height_m = 4;
  return g;
}

ProductionLine pressLine() {
  ProductionLine l;
  l.id = "press";
  l.name = {"冲压线", "Pressing"};
  l.kind = LineKind::forging;
  l.building = "store";
  l.capacity_t_per_year = 1200;
  l.machines = {presses()};
  return l;
}

Tag tempTag() { return Tag{"cast.temp", {"温度", "Temperature"}, "degC", TagKind::analog, "cells", 1}; }
AlarmRule hotRule() { return AlarmRule{"a2", "cast.power", std::nullopt, 5.0, Severity::critical, {"功率低", "Power low"}}; }

INSTANTIATE_TEST_SUITE_P(
    Objects, EditCommandCase,
    ::testing::Values(
        Case{"AddEnterprise", AddEnterprise{Enterprise{"beta", {"贝塔", "Beta"}, 12, 0, 0, true}},
                   [](const Park& p) {
                     ASSERT_EQ(p.enterprises.size(), 2u);
                     EXPECT_EQ(p.enterprises[1].id, "beta");
                     EXPECT_EQ(p.enterprises[1].land_area_mu, 12);
                   }},
        Case{"RemoveEnterpriseLeavesItsBuildingsWithoutOwner", RemoveEnterprise{"acme"},
                   [](const Park& p) {
                     EXPECT_TRUE(p.enterprises.empty());
                     ASSERT_EQ(p.buildings.size(), 2u);
                     EXPECT_EQ(p.buildings[0].enterprise, "");  // hall belonged to acme
                   }},
        Case{"AddLineWithItsMachines", AddLine{pressLine()},
                   [](const Park& p) {
                     ASSERT_EQ(p.lines.size(), 2u);
                     EXPECT_EQ(p.lines[1], pressLine());
                     EXPECT_EQ(p.lines[1].machines[0].count, 4);
                   }},
        Case{"RemoveLineTakesItsTagsLinksAndRules", RemoveLine{"cast"},
                   [](const Park& p) {
                     EXPECT_TRUE(p.lines.empty());
                     EXPECT_TRUE(p.tags.empty());            // cast.power measured cast
                     EXPECT_TRUE(p.material_links.empty());  // m1 came from cast
                     EXPECT_TRUE(p.alarm_rules.empty());     // a1 watched cast.power
                     EXPECT_EQ(p.energy_links.size(), 1u);   // e1 goes to the hall, which stays
                     EXPECT_EQ(p.buildings.size(), 2u);
                   }},
        Case{"AddMachineGroupToALine", AddMachineGroup{"cast", presses()},
                   [](const Park& p) {
                     ASSERT_EQ(p.lines[0].machines.size(), 2u);
                     EXPECT_EQ(p.lines[0].machines[1], presses());
                   }},
        Case{"RemoveMachineGroup", RemoveMachineGroup{"cells"},
                   [](const Park& p) {
                     EXPECT_TRUE(p.lines[0].machines.empty());
                     EXPECT_EQ(p.tags.size(), 1u);  // the tag is on the line, not the group
                   }},
        Case{"AddUtility", AddUtility{Utility{"pv", {"光伏", "PV"}, UtilityKind::pv, "hall", {50, 50}, 500, 0, 0, 0, 1, false, {}}},
                   [](const Park& p) {
                     ASSERT_EQ(p.utilities.size(), 2u);
                     EXPECT_EQ(p.utilities[1].power_kw, 500);
                     EXPECT_EQ(p.utilities[1].building, "hall");
                   }},
        Case{"RemoveUtilityTakesItsLinks", RemoveUtility{"grid"},
                   [](const Park& p) {
                     EXPECT_TRUE(p.utilities.empty());
                     EXPECT_TRUE(p.energy_links.empty());  // e1 came from grid
                     EXPECT_EQ(p.material_links.size(), 1u);
                   }},
        Case{"AddExternal", AddExternal{ExternalNode{"market", {"市场", "Market"}, ExternalKind::market, {300, 0}, {}}},
                   [](const Park& p) {
                     ASSERT_EQ(p.externals.size(), 1u);
                     EXPECT_EQ(p.externals[0].position, (Point{300, 0}));
                   }},
        Case{"AddTag", AddTag{tempTag()},
                   [](const Park& p) {
                     ASSERT_EQ(p.tags.size(), 2u);
                     EXPECT_EQ(p.tags[1], tempTag());
                   }},
        Case{"RemoveTagTakesItsRules", RemoveTag{"cast.power"},
                   [](const Park& p) {
                     EXPECT_TRUE(p.tags.empty());
                     EXPECT_TRUE(p.alarm_rules.empty());
                   }},
        Case{"AddAlarmRule", AddAlarmRule{hotRule()},
                   [](const Park& p) {
                     ASSERT_EQ(p.alarm_rules.size(), 2u);
                     EXPECT_EQ(p.alarm_rules[1].below, 5.0);
                     EXPECT_FALSE(p.alarm_rules[1].above);
                   }},
        Case{"RemoveAlarmRule", RemoveAlarmRule{"a1"}, [](const Park& p) { EXPECT_TRUE(p.alarm_rules.empty()); }}),
    [](const ::testing::TestParamInfo<Case>& p) { return p.param.name; });

// An external with a link: removing it takes the link; undo brings both back.
TEST(ObjectEdits, RemoveExternalTakesItsLinksAndUndoBringsThemBack) {
  EditHistory history(test_parks::minimalParkRead());
  ASSERT_TRUE(history.apply(AddExternal{ExternalNode{"market", {"市场", "Market"}, ExternalKind::market, {300, 0}, {}}}));
  ASSERT_TRUE(history.apply(AddMaterialLink{MaterialLink{"m2", "store", "market", Product::parts, 3, 0, 0, 0}}));
  const Park withBoth = history.park();
  ASSERT_TRUE(history.apply(RemoveExternal{"market"}));
  EXPECT_TRUE(history.park().externals.empty());
  ASSERT_EQ(history.park().material_links.size(), 1u);
  EXPECT_EQ(history.park().material_links[0].id, "m1");
  ASSERT_TRUE(history.undo());
  EXPECT_EQ(history.park(), withBoth);
}

INSTANTIATE_TEST_SUITE_P(
    RefusedObjects, EditRefusal,
    ::testing::Values(
        Refusal{"EnterpriseIdOfABuilding", AddEnterprise{Enterprise{"hall", {}, 0, 0, 0, false}}, "the id \"hall\" is already used"},
        Refusal{"LineWithAUsedGroupId",
                      AddLine{[] { auto l = pressLine(); l.machines[0].id = "cells"; return l; }()}, "the id \"cells\" is already used"},
        Refusal{"GroupOnAnUnknownLine", AddMachineGroup{"ghost", presses()}, "no line \"ghost\""},
        Refusal{"TagWithoutId", AddTag{Tag{}}, "a new object needs an id"},
        Refusal{"RuleIdInUse", AddAlarmRule{[] { auto r = hotRule(); r.id = "a1"; return r; }()}, "the id \"a1\" is already used"},
        Refusal{"UnknownGroup", RemoveMachineGroup{"ghost"}, "no machine group \"ghost\""},
        Refusal{"UnknownTag", RemoveTag{"ghost"}, "no tag \"ghost\""},
        Refusal{"UnknownEnterprise", RemoveEnterprise{"ghost"}, "no enterprise \"ghost\""}),
    [](const ::testing::TestParamInfo<Refusal>& p) { return p.param.name; });

// removalOf: each id of the minimal park (written by hand from minimal_park.hpp) gives the
// removal of its own kind; an unknown id is not_found.
TEST(ObjectEdits, RemovalOfAnIdIsTheRemovalOfWhatItNames) {
  const Park park = test_parks::minimalParkRead();
  EXPECT_TRUE(std::holds_alternative<RemoveBuilding>(*removalOf(park, "hall")));
  EXPECT_TRUE(std::holds_alternative<RemoveZone>(*removalOf(park, "z1")));
  EXPECT_TRUE(std::holds_alternative<RemoveEnterprise>(*removalOf(park, "acme")));
  EXPECT_TRUE(std::holds_alternative<RemoveLine>(*removalOf(park, "cast")));
  EXPECT_TRUE(std::holds_alternative<RemoveMachineGroup>(*removalOf(park, "cells")));
  EXPECT_TRUE(std::holds_alternative<RemoveUtility>(*removalOf(park, "grid")));
  EXPECT_TRUE(std::holds_alternative<RemoveTag>(*removalOf(park, "cast.power")));
  EXPECT_TRUE(std::holds_alternative<RemoveAlarmRule>(*removalOf(park, "a1")));
  EXPECT_TRUE(std::holds_alternative<RemoveMaterialLink>(*removalOf(park, "m1")));
  EXPECT_TRUE(std::holds_alternative<RemoveEnergyLink>(*removalOf(park, "e1")));
  const auto none = removalOf(park, "ghost");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::not_found);
  // Applied, the tag goes with its alarm rule and nothing else.
  Park edited = park;
  ASSERT_TRUE(applyEdit(edited, *removalOf(park, "cast.power")));
  EXPECT_TRUE(edited.tags.empty());
  EXPECT_TRUE(edited.alarm_rules.empty());
  EXPECT_EQ(edited.buildings, park.buildings);
  // A zone with a building in it ("hall" is in "z1"): the building stays, in no zone, and the
  // park has no problem (it named a zone gone before).
  Park zoneless = park;
  ASSERT_EQ(zoneless.buildings[0].zone, "z1");
  ASSERT_TRUE(applyEdit(zoneless, *removalOf(park, "z1")));
  EXPECT_TRUE(zoneless.zones.empty());
  EXPECT_EQ(zoneless.buildings.size(), park.buildings.size());
  EXPECT_EQ(zoneless.buildings[0].zone, "");
  EXPECT_TRUE(validatePark(zoneless).empty());
}

}  // namespace
}  // namespace parktwin::model
