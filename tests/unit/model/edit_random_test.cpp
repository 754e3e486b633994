// 1,000 seeded random edits of every kind (incl. edit_objects.hpp's) on Beidu (with undos and redos mixed in), then undo
// to the start: the saved park is the bundled file byte for byte. The file on disk is the
// oracle, not our own first serialisation.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "parktwin/model/edit_history.hpp"
#include "parktwin/model/park_file.hpp"

namespace parktwin::model {
namespace {

class RandomEdits {
 public:
  explicit RandomEdits(unsigned seed) : random_(seed) {}

  EditCommand next(const Park& park) {
    switch (pick(14)) {
      case 0: return MoveBuilding{building(park), {real(-900, 900), real(-900, 900)}};
      case 1: return RotateBuilding{building(park), real(-180, 180)};
      case 2: return ResizeBuilding{building(park), real(5, 300), real(5, 300), real(3, 60)};
      case 3: return DuplicateBuilding{building(park), {real(-50, 50), real(-50, 50)}};
      case 4: return park.buildings.size() > 5 ? EditCommand{RemoveBuilding{building(park)}} : EditCommand{addedRoad()};
      case 5: return setField(park);
      case 6: return AddZone{Zone{"z-" + std::to_string(serial_++), {"区", "Zone"}, ZoneKind::green,
                                  {{0, 0}, {real(1, 99), 0}, {50, real(1, 99)}}}};
      case 7: return MoveZoneVertex{park.zones[pick(park.zones.size())].id, 0, {real(-500, 500), real(-500, 500)}};
      case 8: return park.roads.empty() ? EditCommand{addedRoad()} : EditCommand{MoveRoadPoint{park.roads[0].id, 0, {real(-9, 9), 3}}};
      case 9: return AddMaterialLink{MaterialLink{"ml-" + std::to_string(serial_++), building(park), building(park), Product::goods, real(1, 9), 0, 0, 0}};
      case 10: return park.energy_links.empty() ? EditCommand{addedRoad()} : EditCommand{RemoveEnergyLink{park.energy_links[pick(park.energy_links.size())].id}};
      case 11: return park.zones.size() > 2 ? EditCommand{RemoveZone{park.zones.back().id}} : EditCommand{addedRoad()};
      default: return objectEdit(park);
    }
  }
  // The other objects' add and remove commands (edit_objects.hpp), removals only while some
  // are left so that the draws keep finding objects.
  EditCommand objectEdit(const Park& park) {
    const std::string n = std::to_string(serial_++);
    switch (pick(8)) {
      case 0: return AddEnterprise{Enterprise{"ent-" + n, {"企业", "Firm"}, real(1, 99), 0, 0, false}};
      case 1: return park.enterprises.size() > 3 ? EditCommand{RemoveEnterprise{park.enterprises.back().id}} : EditCommand{addedRoad()};
      case 2: return AddLine{ProductionLine{"ln-" + n, {"线", "Line"}, LineKind::assembly, building(park), "", std::nullopt, real(1, 9e4), 0, 0, 0, 0,
                                            {MachineGroup{"mg-" + n, {"组", "Group"}, MachineKind::rack, 6, 2, 3, 3, {}, 1, 1, 2, 0, {}}}}};
      case 3: return park.lines.size() > 5 ? EditCommand{RemoveLine{park.lines[pick(park.lines.size())].id}} : EditCommand{addedRoad()};
      case 4: return AddTag{Tag{"tg-" + n, {"测点", "Tag"}, "kW", TagKind::analog, building(park), -1}};
      case 5: return park.tags.size() > 5 ? EditCommand{RemoveTag{park.tags[pick(park.tags.size())].id}} : EditCommand{addedRoad()};
      case 6: return AddAlarmRule{AlarmRule{"al-" + n, park.tags[pick(park.tags.size())].id, real(0, 9), std::nullopt, Severity::info, {"高", "High"}}};
      default: return AddUtility{Utility{"ut-" + n, {"储能", "Battery"}, UtilityKind::battery, "", {real(-9, 9), 0}, real(1, 99), real(1, 99), 0, 0, 1, false, {}}};
    }
  }
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }

 private:
  double real(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(random_); }
  std::string building(const Park& park) { return park.buildings[pick(park.buildings.size())].id; }
  AddRoad addedRoad() { return AddRoad{Road{"rd-" + std::to_string(serial_++), {}, real(4, 12), {{0, 0}, {real(1, 99), 9}}}}; }
  SetField setField(const Park& park) {
    switch (pick(5)) {
      case 0: return {"/lines/" + std::to_string(pick(park.lines.size())) + "/capacity_t_per_year", real(0, 1e6)};
      case 1: return {"/tags/" + std::to_string(pick(park.tags.size())) + "/name/en", "tag " + std::to_string(serial_++)};
      case 2: return {"/enterprises/" + std::to_string(pick(park.enterprises.size())) + "/above_designated_size", pick(2) == 1};
      case 3: return {"/utilities/" + std::to_string(pick(park.utilities.size())) + "/position", {{"x_m", real(-9, 9)}, {"y_m", 1}}};
      default: return {"/grid_emission_t_per_mwh", real(0, 1)};
    }
  }
  std::mt19937_64 random_;
  int serial_ = 0;
};

TEST(EditHistoryRandom, AThousandEditsUndoneGiveBackBeiduByteForByte) {
  const std::string path = std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/beidu.json";
  std::ifstream in(path, std::ios::binary);
  std::ostringstream fileText;
  fileText << in.rdbuf();
  auto park = parsePark(fileText.str(), path);
  ASSERT_TRUE(park) << park.error().message;

  EditHistory history(*park, 2000);
  RandomEdits edits(20261204);
  int applied = 0;
  while (applied < 1000) {
    auto result = history.apply(edits.next(history.park()));
    ASSERT_TRUE(result) << "edit " << applied << ": " << result.error().message;
    ++applied;
    if (edits.pick(3) == 0) history.sealEntry();
    if (edits.pick(10) == 0) {  // an undo now and then, sometimes redone
      ASSERT_TRUE(history.undo());
      if (edits.pick(2) == 0) {
        ASSERT_TRUE(history.redo());
      }
    }
  }
  EXPECT_NE(serializePark(history.park()), fileText.str());
  while (history.canUndo()) ASSERT_TRUE(history.undo());
  EXPECT_TRUE(serializePark(history.park()) == fileText.str()) << "the undone park differs from " << path;
  EXPECT_EQ(history.park(), *park);
}

}  // namespace
}  // namespace parktwin::model
