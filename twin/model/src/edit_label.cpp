// The history list's words for each command, in both languages, and which commands merge.
#include "edit_support.hpp"
#include "parktwin/model/edit.hpp"

namespace parktwin::model {
namespace {

// "Move building Potline 1" / "移动建筑 电解一车间"; the id when the object has no name.
LocalizedText label(const Park& park, const char* en, const char* zh, const std::string& id) {
  std::string nameEn = objectName(park, id, "en"), nameZh = objectName(park, id, "zh");
  if (nameEn.empty()) nameEn = id;
  if (nameZh.empty()) nameZh = id;
  return LocalizedText{std::string(zh) + " " + nameZh, std::string(en) + " " + nameEn};
}

struct Labeller {
  const Park& park;
  LocalizedText operator()(const AddBuilding& e) const { return added("Add building", "添加建筑", e.building); }
  LocalizedText operator()(const RemoveBuilding& e) const { return label(park, "Delete building", "删除建筑", e.id); }
  LocalizedText operator()(const DuplicateBuilding& e) const { return label(park, "Duplicate building", "复制建筑", e.id); }
  LocalizedText operator()(const MoveBuilding& e) const { return label(park, "Move building", "移动建筑", e.id); }
  LocalizedText operator()(const RotateBuilding& e) const { return label(park, "Rotate building", "旋转建筑", e.id); }
  LocalizedText operator()(const ResizeBuilding& e) const { return label(park, "Resize building", "调整建筑尺寸", e.id); }
  LocalizedText operator()(const SetField& e) const { return {"修改 " + e.pointer, "Change " + e.pointer}; }
  LocalizedText operator()(const AddZone& e) const { return {"添加区域 " + e.zone.name.zh, "Add zone " + e.zone.name.en}; }
  LocalizedText operator()(const RemoveZone& e) const { return label(park, "Delete zone", "删除区域", e.id); }
  LocalizedText operator()(const MoveZoneVertex& e) const { return label(park, "Move zone point", "移动区域顶点", e.id); }
  LocalizedText operator()(const AddRoad& e) const { return {"添加道路 " + e.road.id, "Add road " + e.road.id}; }
  LocalizedText operator()(const RemoveRoad& e) const { return {"删除道路 " + e.id, "Delete road " + e.id}; }
  LocalizedText operator()(const MoveRoadPoint& e) const { return {"移动道路点 " + e.id, "Move road point " + e.id}; }
  LocalizedText operator()(const AddMaterialLink& e) const {
    return {"添加物料连接 " + e.link.from + " → " + e.link.to, "Add material link " + e.link.from + " → " + e.link.to};
  }
  LocalizedText operator()(const RemoveMaterialLink& e) const { return {"删除物料连接 " + e.id, "Delete material link " + e.id}; }
  LocalizedText operator()(const AddEnergyLink& e) const {
    return {"添加能源连接 " + e.link.from + " → " + e.link.to, "Add energy link " + e.link.from + " → " + e.link.to};
  }
  LocalizedText operator()(const RemoveEnergyLink& e) const { return {"删除能源连接 " + e.id, "Delete energy link " + e.id}; }
  LocalizedText operator()(const AddEnterprise& e) const { return added("Add enterprise", "添加企业", e.enterprise); }
  LocalizedText operator()(const RemoveEnterprise& e) const { return label(park, "Delete enterprise", "删除企业", e.id); }
  LocalizedText operator()(const AddLine& e) const { return added("Add line", "添加产线", e.line); }
  LocalizedText operator()(const RemoveLine& e) const { return label(park, "Delete line", "删除产线", e.id); }
  LocalizedText operator()(const AddMachineGroup& e) const { return added("Add machine group", "添加设备组", e.group); }
  LocalizedText operator()(const RemoveMachineGroup& e) const { return label(park, "Delete machine group", "删除设备组", e.id); }
  LocalizedText operator()(const AddUtility& e) const { return added("Add utility", "添加公用设施", e.utility); }
  LocalizedText operator()(const RemoveUtility& e) const { return label(park, "Delete utility", "删除公用设施", e.id); }
  LocalizedText operator()(const AddExternal& e) const { return added("Add external node", "添加外部节点", e.external); }
  LocalizedText operator()(const RemoveExternal& e) const { return label(park, "Delete external node", "删除外部节点", e.id); }
  LocalizedText operator()(const AddTag& e) const { return added("Add tag", "添加测点", e.tag); }
  LocalizedText operator()(const RemoveTag& e) const { return {"删除测点 " + e.id, "Delete tag " + e.id}; }
  LocalizedText operator()(const AddAlarmRule& e) const { return {"添加报警规则 " + e.rule.id, "Add alarm rule " + e.rule.id}; }
  LocalizedText operator()(const RemoveAlarmRule& e) const { return {"删除报警规则 " + e.id, "Delete alarm rule " + e.id}; }

 private:
  // "Add line Casting" / "添加产线 铸造线": the new object is not in the park yet.
  template <typename T>
  static LocalizedText added(const char* en, const char* zh, const T& object) {
    return {std::string(zh) + " " + (object.name.zh.empty() ? object.id : object.name.zh),
            std::string(en) + " " + (object.name.en.empty() ? object.id : object.name.en)};
  }
};

template <typename T>
const T* as(const EditCommand& command) {
  return std::get_if<T>(&command);
}

}  // namespace

LocalizedText editLabel(const EditCommand& command, const Park& park) { return std::visit(Labeller{park}, command); }

// Only commands that set an absolute value merge: the merged entry's command (the last one)
// then gives the same park from the entry's snapshot as the whole drag did.
bool continuesEdit(const EditCommand& previous, const EditCommand& next) {
  if (previous.index() != next.index()) return false;
  if (auto* p = as<MoveBuilding>(previous)) return p->id == as<MoveBuilding>(next)->id;
  if (auto* p = as<RotateBuilding>(previous)) return p->id == as<RotateBuilding>(next)->id;
  if (auto* p = as<ResizeBuilding>(previous)) return p->id == as<ResizeBuilding>(next)->id;
  if (auto* p = as<SetField>(previous)) return p->pointer == as<SetField>(next)->pointer;
  if (auto* p = as<MoveZoneVertex>(previous)) {
    return p->id == as<MoveZoneVertex>(next)->id && p->vertex == as<MoveZoneVertex>(next)->vertex;
  }
  if (auto* p = as<MoveRoadPoint>(previous)) {
    return p->id == as<MoveRoadPoint>(next)->id && p->point == as<MoveRoadPoint>(next)->point;
  }
  return false;
}

}  // namespace parktwin::model
