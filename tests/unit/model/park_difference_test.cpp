// differenceBetween: a window's copy of a park against the server's. Oracle: the changes made
// here by hand to one copy of the minimal park (which ids went, which came).
#include <gtest/gtest.h>

#include "minimal_park.hpp"
#include "parktwin/model/park_difference.hpp"

namespace parktwin::model {
namespace {

using Ids = std::vector<std::string>;

TEST(ParkDifference, EqualParksHaveNone) {
  const Park park = test_parks::minimalParkRead();
  EXPECT_TRUE(differenceBetween(park, park).empty());
}

TEST(ParkDifference, ObjectsAndTagsOnlyOnOneSideAreNamed) {
  const Park server = test_parks::minimalParkRead();
  Park window = server;
  window.buildings.erase(window.buildings.begin() + 1);  // "store", on the server only
  window.tags.push_back(window.tags.front());
  window.tags.back().id = "cast.temp";  // a tag here only
  const auto d = differenceBetween(window, server);
  EXPECT_EQ(d.objects_only_there, (Ids{"store"}));
  EXPECT_EQ(d.objects_only_here, Ids{});
  EXPECT_EQ(d.tags_only_here, (Ids{"cast.temp"}));
  EXPECT_EQ(d.tags_only_there, Ids{});
  EXPECT_EQ(d.other_values, Ids{});
  EXPECT_FALSE(d.park_fields_differ);
  // The other way round, the sides swap.
  const auto back = differenceBetween(server, window);
  EXPECT_EQ(back.objects_only_here, (Ids{"store"}));
  EXPECT_EQ(back.tags_only_there, (Ids{"cast.temp"}));
}

// Review: a link or an alarm rule on the server only left the banner empty (the object index
// holds neither), while the desk showed other flows and alarms.
TEST(ParkDifference, LinksAndAlarmRulesOnOneSideAreNamed) {
  const Park server = test_parks::minimalParkRead();
  ASSERT_FALSE(server.energy_links.empty());
  ASSERT_FALSE(server.alarm_rules.empty());
  Park window = server;
  window.energy_links.erase(window.energy_links.begin());
  window.alarm_rules.erase(window.alarm_rules.begin());
  const auto d = differenceBetween(window, server);
  EXPECT_EQ(d.objects_only_there, (Ids{server.energy_links.front().id, server.alarm_rules.front().id}));
  EXPECT_FALSE(d.empty());
}

TEST(ParkDifference, MachineGroupsCount) {
  const Park server = test_parks::minimalParkRead();
  Park window = server;
  window.lines[0].machines.clear();
  EXPECT_EQ(differenceBetween(window, server).objects_only_there, (Ids{"cells"}));
}

// QA: a desk's hall 18 m high and its line at 900 kW (the server's: 15 m, 800 kW) were "the
// same objects and tags, with other values", unnamed; with a tag only on the desk besides, the
// changed values were not mentioned at all. Each changed object is named, beside the rest.
TEST(ParkDifference, ObjectsWithOtherValuesAreNamedBesideTheRest) {
  const Park server = test_parks::minimalParkRead();
  Park window = server;
  window.buildings[0].height_m += 3;
  window.lines[0].power_kw += 100;
  window.tags.push_back(window.tags.front());
  window.tags.back().id = "cast.temp";
  const auto d = differenceBetween(window, server);
  EXPECT_EQ(d.other_values, (Ids{server.buildings[0].id, server.lines[0].id}));
  EXPECT_EQ(d.tags_only_here, (Ids{"cast.temp"}));
  EXPECT_FALSE(d.park_fields_differ);
  EXPECT_TRUE(d.objects_only_here.empty() && d.objects_only_there.empty() && d.tags_only_there.empty());
}

// A model's uri says where that desk keeps the file: a copy saved in another folder, or the
// server's files fetched to a desk's data folder, name the same model from elsewhere. Only
// another file (by name), or another scale, is another value.
TEST(ParkDifference, AModelKeptInAnotherFolderIsTheSameModel) {
  Park server = test_parks::minimalParkRead();
  ModelRef pot;
  pot.uri = "../models/pot.glb";
  server.buildings[0].model = pot;
  Park window = server;
  window.buildings[0].model->uri = "/home/li/.local/share/ParkTwin/parktwin/server-models/h_1/mini/0/pot.glb";
  EXPECT_TRUE(differenceBetween(window, server).empty());
  window.buildings[0].model->uri = "../models/furnace.glb";
  EXPECT_EQ(differenceBetween(window, server).other_values, (Ids{server.buildings[0].id}));
  window.buildings[0].model = pot;
  window.buildings[0].model->scale = 2;
  EXPECT_EQ(differenceBetween(window, server).other_values, (Ids{server.buildings[0].id}));
}

TEST(ParkDifference, TheParksOwnFieldsAreSaidApart) {
  const Park server = test_parks::minimalParkRead();
  Park window = server;
  window.name.en = "Another name";
  const auto d = differenceBetween(window, server);
  EXPECT_TRUE(d.park_fields_differ);
  EXPECT_EQ(d.other_values, Ids{});
  EXPECT_FALSE(d.empty());
}

// The same rule for a machine group's model: the line is named only where the file (by name) or
// the placing differs, not where the server keeps it.
TEST(ParkDifference, AMachineModelKeptInAnotherFolderIsTheSameModel) {
  Park server = test_parks::minimalParkRead();
  ASSERT_FALSE(server.lines[0].machines.empty());
  ModelRef cell;
  cell.uri = "../models/die-cell.glb";
  server.lines[0].machines[0].model = cell;
  Park window = server;
  window.lines[0].machines[0].model->uri = "/srv/desk/server-models/die-cell.glb";
  EXPECT_TRUE(differenceBetween(window, server).empty());
  window.lines[0].power_kw += 1;  // the folder aside, the line differs
  EXPECT_EQ(differenceBetween(window, server).other_values, (Ids{server.lines[0].id}));
  window.lines[0].power_kw = server.lines[0].power_kw;
  window.lines[0].machines[0].model->rotation_deg = 90;
  EXPECT_EQ(differenceBetween(window, server).other_values, (Ids{server.lines[0].id}));
  window.lines[0].machines[0].model = cell;
  window.lines[0].machines[0].model->uri = "../models/press.glb";
  EXPECT_EQ(differenceBetween(window, server).other_values, (Ids{server.lines[0].id}));
  window.lines[0].machines[0].model.reset();
  EXPECT_EQ(differenceBetween(window, server).other_values, (Ids{server.lines[0].id}));
}

// Each of the park's own fields, one at a time, and none of them for a change in a section.
TEST(ParkDifference, EveryOwnFieldOfTheParkCounts) {
  const Park server = test_parks::minimalParkRead();
  const std::vector<std::pair<const char*, void (*)(Park&)>> edits{
      {"id", [](Park& p) { p.id += "-copy"; }},
      {"name.zh", [](Park& p) { p.name.zh += "二"; }},
      {"description.en", [](Park& p) { p.description.en += " again"; }},
      {"latitude_deg", [](Park& p) { p.latitude_deg += 0.5; }},
      {"longitude_deg", [](Park& p) { p.longitude_deg += 0.5; }},
      {"time_zone", [](Park& p) { p.time_zone = "Asia/Urumqi"; }},
      {"land_area_mu", [](Park& p) { p.land_area_mu += 10; }},
      {"grid_emission_t_per_mwh", [](Park& p) { p.grid_emission_t_per_mwh += 0.1; }}};
  for (const auto& [field, edit] : edits) {
    Park window = server;
    edit(window);
    const auto d = differenceBetween(window, server);
    EXPECT_TRUE(d.park_fields_differ) << field;
    EXPECT_EQ(d.other_values, Ids{}) << field;
  }
  Park window = server;
  window.buildings[0].height_m += 1;
  EXPECT_FALSE(differenceBetween(window, server).park_fields_differ);
}

}  // namespace
}  // namespace parktwin::model
