// Each edit command: what it does (checked by hand against the minimal park), then undo gives
// back the park exactly (operator== and the saved text) and redo gives the edited park again.
#include <gtest/gtest.h>

#include "edit_cases.hpp"
#include "minimal_park.hpp"
#include "parktwin/model/edit_history.hpp"
#include "parktwin/model/park_file.hpp"

namespace parktwin::model {
namespace {
using test_edits::Case;
using test_edits::EditCommandCase;
using test_edits::EditRefusal;
using test_edits::Refusal;

Park miniPark() { return test_parks::minimalParkRead(); }

Building shed() {
  Building b;
  b.id = "shed";
  b.name = {"棚", "Shed"};
  b.kind = BuildingKind::warehouse;
  b.position = {200, 10};
  b.width_m = 10;
  b.depth_m = 8;
  b.height_m = 5;
  return b;
}


TEST_P(EditCommandCase, DoUndoRedoRestoreThePark) {
  const Park original = miniPark();
  const std::string originalText = serializePark(original);
  EditHistory history(original);
  auto applied = history.apply(GetParam().command);
  ASSERT_TRUE(applied) << applied.error().message;
  GetParam().expect(history.park());
  const Park edited = history.park();
  EXPECT_NE(edited, original);
  ASSERT_TRUE(history.undo());
  EXPECT_EQ(history.park(), original);
  EXPECT_EQ(serializePark(history.park()), originalText);
  ASSERT_TRUE(history.redo());
  EXPECT_EQ(history.park(), edited);
  EXPECT_EQ(serializePark(history.park()), serializePark(edited));
}

MaterialLink link(const char* id) { return MaterialLink{id, "store", "cast", Product::scrap, 1.5, 0, 0, 0}; }

INSTANTIATE_TEST_SUITE_P(
    Commands, EditCommandCase,
    ::testing::Values(
        Case{"AddBuilding", AddBuilding{shed(), {}},
             [](const Park& p) { ASSERT_EQ(p.buildings.size(), 3u); EXPECT_EQ(p.buildings[2], shed()); }},
        Case{"RemoveBuildingTakesItsLinesTagsLinksAndRules", RemoveBuilding{"hall"},
             [](const Park& p) {
               ASSERT_EQ(p.buildings.size(), 1u);
               EXPECT_EQ(p.buildings[0].id, "store");
               EXPECT_TRUE(p.lines.empty());           // cast stood in hall
               EXPECT_TRUE(p.tags.empty());            // cast.power measured cast
               EXPECT_TRUE(p.material_links.empty());  // m1 came from cast
               EXPECT_TRUE(p.energy_links.empty());    // e1 went to hall
               EXPECT_TRUE(p.alarm_rules.empty());     // a1 watched cast.power
               EXPECT_EQ(p.utilities.size(), 1u);
             }},
        Case{"DuplicateBuildingCopiesItsLines", DuplicateBuilding{"hall", {0, 40}},
             [](const Park& p) {
               ASSERT_EQ(p.buildings.size(), 3u);
               EXPECT_EQ(p.buildings[2].id, "hall-copy");
               EXPECT_EQ(p.buildings[2].name.en, "Hall (copy)");
               EXPECT_EQ(p.buildings[2].position, (Point{50, 90}));
               ASSERT_EQ(p.lines.size(), 2u);
               EXPECT_EQ(p.lines[1].id, "cast-copy");
               EXPECT_EQ(p.lines[1].building, "hall-copy");
               EXPECT_EQ(p.lines[1].machines[0].id, "cells-copy");
             }},
        Case{"MoveBuilding", MoveBuilding{"store", {-30, 75.5}},
             [](const Park& p) { EXPECT_EQ(p.buildings[1].position, (Point{-30, 75.5})); }},
        Case{"RotateBuilding", RotateBuilding{"store", 30},
             [](const Park& p) { EXPECT_EQ(p.buildings[1].rotation_deg, 30); }},
        Case{"ResizeBuilding", ResizeBuilding{"store", 44, 22, 11},
             [](const Park& p) {
               EXPECT_EQ(p.buildings[1].width_m, 44);
               EXPECT_EQ(p.buildings[1].depth_m, 22);
               EXPECT_EQ(p.buildings[1].height_m, 11);
             }},
        Case{"SetFieldOfAMachineGroup", SetField{"/lines/0/machines/0/count", 8},
             [](const Park& p) { EXPECT_EQ(p.lines[0].machines[0].count, 8); }},
        Case{"SetFieldOfAnEnterpriseName", SetField{"/enterprises/0/name/zh", "新艾克米"},
             [](const Park& p) { EXPECT_EQ(p.enterprises[0].name.zh, "新艾克米"); }},
        Case{"SetFieldOfAUtility", SetField{"/utilities/0/power_kw", 12000.5},
             [](const Park& p) { EXPECT_EQ(p.utilities[0].power_kw, 12000.5); }},
        Case{"SetFieldOfATag", SetField{"/tags/0/decimals", 2}, [](const Park& p) { EXPECT_EQ(p.tags[0].decimals, 2); }},
        // QA, 6 Dec: nothing but a hand-edited file could add an enterprise, utility or link.
        Case{"SetFieldAppendsAWholeItem",
             SetField{"/enterprises/-", nlohmann::json::parse(R"({"id": "beta", "name": {"zh": "贝塔", "en": "Beta"},
                                                                  "land_area_mu": 12, "output_yuan_per_year": 5e7})")},
             [](const Park& p) {
               ASSERT_EQ(p.enterprises.size(), 2u);
               EXPECT_EQ(p.enterprises[1].id, "beta");
               EXPECT_EQ(p.enterprises[1].name.zh, "贝塔");
               EXPECT_EQ(p.enterprises[1].land_area_mu, 12);
             }},
        Case{"SetFieldAddsAnAlarmBound", SetField{"/alarm_rules/0/below", 10},
             [](const Park& p) { EXPECT_EQ(p.alarm_rules[0].below, 10); }},
        Case{"SetFieldOfTheHeader", SetField{"/latitude_deg", 30.25}, [](const Park& p) { EXPECT_EQ(p.latitude_deg, 30.25); }},
        Case{"SetFieldOfAZoneKind", SetField{"/zones/0/kind", "logistics"},
             [](const Park& p) { EXPECT_EQ(p.zones[0].kind, ZoneKind::logistics); }},
        Case{"AddZone", AddZone{Zone{"z2", {"二区", "Zone 2"}, ZoneKind::green, {{0, 0}, {1, 0}, {1, 1}}}},
             [](const Park& p) { ASSERT_EQ(p.zones.size(), 2u); EXPECT_EQ(p.zones[1].outline.size(), 3u); }},
        Case{"RemoveZone", RemoveZone{"z1"}, [](const Park& p) { EXPECT_TRUE(p.zones.empty()); }},
        Case{"MoveZoneVertex", MoveZoneVertex{"z1", 2, {120, 110}},
             [](const Park& p) { EXPECT_EQ(p.zones[0].outline[2], (Point{120, 110})); }},
        Case{"AddRoad", AddRoad{Road{"r1", {}, 7, {{0, -10}, {100, -10}}}},
             [](const Park& p) { ASSERT_EQ(p.roads.size(), 1u); EXPECT_EQ(p.roads[0].width_m, 7); }},
        Case{"AddMaterialLink", AddMaterialLink{link("m2")},
             [](const Park& p) { ASSERT_EQ(p.material_links.size(), 2u); EXPECT_EQ(p.material_links[1], link("m2")); }},
        Case{"RemoveMaterialLink", RemoveMaterialLink{"m1"}, [](const Park& p) { EXPECT_TRUE(p.material_links.empty()); }},
        Case{"AddEnergyLink", AddEnergyLink{EnergyLink{"e2", "grid", "store", Carrier::electricity, 800, 0, 0, 0}},
             [](const Park& p) { ASSERT_EQ(p.energy_links.size(), 2u); EXPECT_EQ(p.energy_links[1].to, "store"); }},
        Case{"RemoveEnergyLink", RemoveEnergyLink{"e1"}, [](const Park& p) { EXPECT_TRUE(p.energy_links.empty()); }}),
    [](const ::testing::TestParamInfo<Case>& p) { return p.param.name; });

// QA, 6 Dec: removing a building with rooftop PV left the PV utility behind, naming a building
// that no longer exists, so the edit was refused. It goes with its building, with its link and tag.
TEST(EditCommands, RemovingABuildingTakesTheUtilitiesItHouses) {
  Park park = miniPark();
  Utility pv;
  pv.id = "hall-pv";
  pv.name = {"屋顶光伏", "Rooftop PV"};
  pv.kind = UtilityKind::pv;
  pv.building = "hall";
  pv.power_kw = 500;
  park.utilities.push_back(pv);
  park.energy_links.push_back(EnergyLink{"e-pv", "hall-pv", "grid", Carrier::electricity, 500, 0, 0, 0});
  park.tags.push_back(Tag{"hall-pv.power", {"光伏功率", "PV power"}, "kW", TagKind::analog, "hall-pv", -1});
  const Park before = park;
  EditHistory history(park);
  auto removed = history.apply(RemoveBuilding{"hall"});
  ASSERT_TRUE(removed) << removed.error().message;
  ASSERT_EQ(history.park().utilities.size(), 1u);
  EXPECT_EQ(history.park().utilities[0].id, "grid");
  EXPECT_TRUE(history.park().energy_links.empty());  // e1 went to hall, e-pv came from its PV
  EXPECT_TRUE(history.park().tags.empty());
  ASSERT_TRUE(history.undo());
  EXPECT_EQ(history.park(), before);
}

TEST(EditCommands, RoadPointsMoveAndRoadsGo) {
  EditHistory history(miniPark());
  ASSERT_TRUE(history.apply(AddRoad{Road{"r1", {}, 7, {{0, -10}, {100, -10}}}}));
  const Park withRoad = history.park();
  ASSERT_TRUE(history.apply(MoveRoadPoint{"r1", 1, {100, -20}}));
  EXPECT_EQ(history.park().roads[0].path[1], (Point{100, -20}));
  ASSERT_TRUE(history.apply(RemoveRoad{"r1"}));
  EXPECT_TRUE(history.park().roads.empty());
  ASSERT_TRUE(history.undo());
  ASSERT_TRUE(history.undo());
  EXPECT_EQ(history.park(), withRoad);
}


TEST_P(EditRefusal, LeavesTheParkAndTheHistoryAsTheyWere) {
  const Park original = miniPark();
  EditHistory history(original);
  auto applied = history.apply(GetParam().command);
  ASSERT_FALSE(applied);
  EXPECT_NE(applied.error().message.find(GetParam().message), std::string::npos) << applied.error().message;
  EXPECT_EQ(history.park(), original);
  EXPECT_FALSE(history.canUndo());
}

INSTANTIATE_TEST_SUITE_P(
    Refused, EditRefusal,
    ::testing::Values(
        Refusal{"UnknownBuilding", MoveBuilding{"ghost", {0, 0}}, "no building \"ghost\""},
        Refusal{"AddedIdInUse", AddBuilding{[] { Building b = shed(); b.id = "cast"; return b; }(), {}},
                "the id \"cast\" is already used"},
        Refusal{"VertexOutOfRange", MoveZoneVertex{"z1", 3, {0, 0}}, "zone \"z1\" has 3 points; no point 3"},
        Refusal{"WrongType", SetField{"/buildings/0/height_m", "tall"}, "/buildings/0/height_m: expected a positive number, got \"tall\""},
        Refusal{"BadIdentifier", SetField{"/tags/0/id", "Cast Power!"},
                "/tags/0/id: expected an identifier of lower-case letters, digits, '_', '-' or '.', got \"Cast Power!\""},
        Refusal{"UnknownKey", SetField{"/buildings/0/colour", "red"}, "/buildings/0/colour: unknown key"},
        Refusal{"UnknownKind", SetField{"/zones/0/kind", "moon"}, "/zones/0/kind: expected one of industrial"},
        Refusal{"IndexOutOfRange", SetField{"/buildings/7/height_m", 3}, "/buildings has 2 items"},
        Refusal{"NoIndex", SetField{"/buildings/x/height_m", 3}, "expected an index after /buildings"},
        Refusal{"NotAPointer", SetField{"buildings/0", 3}, "not a JSON Pointer"},
        Refusal{"AppendNotAnItem", SetField{"/zones/-", 3}, "/zones/-: expected a whole item, a JSON object"},
        Refusal{"AppendedItemBroken", SetField{"/zones/-", nlohmann::json::parse(R"({"id": "z2", "kind": "moon"})")},
                "/zones/1/kind: expected one of industrial"},
        Refusal{"Format", SetField{"/format", "parktwin-park/2"}, "no field to set"}),
    [](const ::testing::TestParamInfo<Refusal>& p) { return p.param.name; });

}  // namespace
}  // namespace parktwin::model
