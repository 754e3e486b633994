// editLabel: the history list names an object by its name in each language, falling back to
// its id, whatever the edit (QA: "Add road road-1" beside "Add zone Zone 1").
#include <gtest/gtest.h>

#include "minimal_park.hpp"
#include "parktwin/model/edit.hpp"

namespace parktwin::model {
namespace {

// The small park with a named road and one with no name.
Park parkWithRoads() {
  Park park = test_parks::minimalParkRead();
  park.roads.push_back(Road{"road-1", {"环路", "Ring road"}, 8, {{0, 0}, {100, 0}}});
  park.roads.push_back(Road{"road-9", {}, 6, {{0, 10}, {100, 10}}});
  return park;
}

Zone zone(const std::string& id, const LocalizedText& name) {
  Zone z;
  z.id = id;
  z.name = name;
  return z;
}

template <typename Link>
Link link(const std::string& id, const std::string& from, const std::string& to) {
  Link l;
  l.id = id;
  l.from = from;
  l.to = to;
  return l;
}

void expectLabel(const EditCommand& command, const std::string& en, const std::string& zh) {
  const LocalizedText label = editLabel(command, parkWithRoads());
  EXPECT_EQ(label.en, en);
  EXPECT_EQ(label.zh, zh);
}

TEST(EditLabel, RoadsByTheirNames) {
  expectLabel(AddRoad{Road{"road-2", {"东路", "East road"}, 8, {{0, 0}, {0, 50}}}}, "Add road East road", "添加道路 东路");
  expectLabel(RemoveRoad{"road-1"}, "Delete road Ring road", "删除道路 环路");
  expectLabel(MoveRoadPoint{"road-1", 1, {100, 5}}, "Move road point Ring road", "移动道路点 环路");
}

TEST(EditLabel, AnObjectWithoutANameByItsId) {
  expectLabel(AddRoad{Road{"road-2", {}, 8, {{0, 0}, {0, 50}}}}, "Add road road-2", "添加道路 road-2");
  expectLabel(RemoveRoad{"road-9"}, "Delete road road-9", "删除道路 road-9");
  expectLabel(AddZone{zone("z2", {"", "Zone 2"})}, "Add zone Zone 2", "添加区域 z2");
}

TEST(EditLabel, ZonesAndBuildingsByTheirNames) {
  expectLabel(AddZone{zone("z2", {"二区", "Zone 2"})}, "Add zone Zone 2", "添加区域 二区");
  expectLabel(RemoveZone{"z1"}, "Delete zone Zone", "删除区域 区");
  expectLabel(MoveBuilding{"store", {1, 2}}, "Move building Store", "移动建筑 仓库");
}

TEST(EditLabel, TagsByTheirNames) {
  expectLabel(RemoveTag{"cast.power"}, "Delete tag Power", "删除测点 功率");
}

TEST(EditLabel, LinksByTheNamesOfTheirEnds) {
  expectLabel(AddMaterialLink{link<MaterialLink>("m2", "cast", "store")}, "Add material link Casting → Store", "添加物料连接 铸造线 → 仓库");
  expectLabel(RemoveMaterialLink{"m1"}, "Delete material link Casting → Store", "删除物料连接 铸造线 → 仓库");
  expectLabel(AddEnergyLink{link<EnergyLink>("e2", "grid", "store")}, "Add energy link Grid → Store", "添加能源连接 电网 → 仓库");
  expectLabel(RemoveEnergyLink{"e1"}, "Delete energy link Grid → Hall", "删除能源连接 电网 → 车间");
}

// The field in words (QA: the history said "修改 新园区：name/zh"); a key without words (a
// zone's outline point) keeps its pointer.
TEST(EditLabel, AFieldByItsObjectsNameAndItsWords) {
  expectLabel(SetField{"/lines/0/machines/0/count", 8}, "Change Cells: count", "修改 压铸岛：数量");
  expectLabel(SetField{"/buildings/1/height_m", 14}, "Change Store: height", "修改 仓库：高度");
  expectLabel(SetField{"/roads/0/width_m", 10}, "Change Ring road: width", "修改 环路：宽度");
  expectLabel(SetField{"/zones/0/outline/2/x_m", 90}, "Change Zone: outline/2/x_m", "修改 区：outline/2/x_m");
  expectLabel(SetField{"/material_links/0/loss_pct", 1}, "Change Casting → Store: loss", "修改 铸造线 → 仓库：损耗");
  expectLabel(SetField{"/latitude_deg", 30}, "Change Mini park: latitude", "修改 小园区：纬度");
  expectLabel(SetField{"/name/zh", "新园区"}, "Change Mini park: name (Chinese)", "修改 小园区：名称（中文）");
  expectLabel(SetField{"/lines/0/enterprise", "qineng"}, "Change Casting: operator", "修改 铸造线：运营企业");
  expectLabel(SetField{"/buildings/0/roof_pv_kwp", 800}, "Change Hall: rooftop PV", "修改 车间：屋顶光伏");
}

// A building's `enterprise` is its owner (docs/park-format.md: "enterprise (owner id)"); a line's
// is the firm operating it (QA: `--set /buildings/0/enterprise=...` said "operator").
TEST(EditLabel, AnEnterpriseFieldByWhatItMeansForItsObject) {
  expectLabel(SetField{"/buildings/0/enterprise", "acme"}, "Change Hall: owner", "修改 车间：所属企业");
  expectLabel(SetField{"/lines/0/enterprise", "acme"}, "Change Casting: operator", "修改 铸造线：运营企业");
}

// `park edit --set /lines/-={...}` appends an object: it is worded as the editor's Add command,
// by the new object's name from the value given (QA: "applied: Change /lines/-").
TEST(EditLabel, AnObjectAppendedBySetFieldAsAnAdd) {
  const auto named = [](const char* id, const char* zh, const char* en) {
    return nlohmann::json{{"id", id}, {"name", {{"zh", zh}, {"en", en}}}};
  };
  expectLabel(SetField{"/lines/-", named("extrusion-1", "1号挤压线", "Extrusion line 1")}, "Add line Extrusion line 1",
              "添加产线 1号挤压线");
  expectLabel(SetField{"/tags/-", named("sub.power", "主变有功功率", "Main transformer active power")},
              "Add tag Main transformer active power", "添加测点 主变有功功率");
  expectLabel(SetField{"/lines/0/machines/-", named("press", "挤压机", "Presses")}, "Add machine group Presses",
              "添加设备组 挤压机");
  expectLabel(SetField{"/enterprises/-", nlohmann::json{{"id", "xincai"}}}, "Add enterprise xincai", "添加企业 xincai");
  expectLabel(SetField{"/material_links/-", nlohmann::json{{"id", "m2"}, {"from", "cast"}, {"to", "store"}}},
              "Add material link Casting → Store", "添加物料连接 铸造线 → 仓库");
  expectLabel(SetField{"/alarm_rules/-", nlohmann::json{{"id", "a-hot"}, {"tag", "cast.power"}}}, "Add alarm rule a-hot",
              "添加报警规则 a-hot");
}

// An alarm rule has no name (its message is what it says when it fires): its id.
TEST(EditLabel, AlarmRulesByTheirIds) {
  expectLabel(RemoveAlarmRule{"a1"}, "Delete alarm rule a1", "删除报警规则 a1");
}

}  // namespace
}  // namespace parktwin::model
