// The history list's words for each command, in both languages, and which commands merge.
#include "edit_support.hpp"
#include "parktwin/model/edit.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parktwin::model {
namespace {

using detail::findItem;

// An object's name in both languages, each falling back to the id where the object has no
// name (or none in that language, or is not in the park). Roads and tags have names too, which
// objectName leaves out (it names the nodes of flows and scenarios).
LocalizedText nameOf(const Park& park, const std::string& id) {
  LocalizedText name{objectName(park, id, "zh"), objectName(park, id, "en")};
  if (const Road* road = findItem(park.roads, id)) name = road->name;
  if (const Tag* tag = findItem(park.tags, id)) name = tag->name;
  if (name.zh.empty()) name.zh = id;
  if (name.en.empty()) name.en = id;
  return name;
}

// "Move building Potline 1" / "移动建筑 电解一车间".
LocalizedText label(std::string_view en, std::string_view zh, const LocalizedText& name) {
  return LocalizedText{std::string(zh) + " " + name.zh, std::string(en) + " " + name.en};
}

// A link has no name: its ends do, "Casting → Store" / "铸造线 → 仓库".
LocalizedText ends(const Park& park, const std::string& from, const std::string& to) {
  const LocalizedText a = nameOf(park, from), b = nameOf(park, to);
  return {a.zh + " → " + b.zh, a.en + " → " + b.en};
}

// A link being removed by its ends, as it was added; its id when the park lacks it.
template <typename Link>
LocalizedText linkNamed(const Park& park, const std::vector<Link>& links, const std::string& id) {
  const Link* link = findItem(links, id);
  return link ? ends(park, link->from, link->to) : LocalizedText{id, id};
}

// The id of the `index`th object of the park file's `section`, "" when there is none.
std::string idAt(const Park& park, std::string_view section, std::size_t index) {
  const auto at = [index](const auto& items) { return index < items.size() ? items[index].id : std::string(); };
  if (section == "zones") return at(park.zones);
  if (section == "roads") return at(park.roads);
  if (section == "buildings") return at(park.buildings);
  if (section == "enterprises") return at(park.enterprises);
  if (section == "lines") return at(park.lines);
  if (section == "utilities") return at(park.utilities);
  if (section == "externals") return at(park.externals);
  if (section == "tags") return at(park.tags);
  if (section == "material_links") return at(park.material_links);
  if (section == "energy_links") return at(park.energy_links);
  if (section == "alarm_rules") return at(park.alarm_rules);
  return {};
}

// A JSON Pointer's steps: "/lines/0/count" -> {"lines", "0", "count"}.
std::vector<std::string> stepsOf(const std::string& pointer) {
  std::vector<std::string> steps;
  for (std::size_t at = 1; at <= pointer.size();) {
    const std::size_t end = std::min(pointer.find('/', at), pointer.size());
    steps.push_back(pointer.substr(at, end - at));
    at = end + 1;
  }
  return steps;
}

std::optional<std::size_t> indexOf(const std::string& step) {
  if (step.empty() || step.size() > 9 || step.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoul(step);
}

// The fields the forms set, as people call them; a field not listed keeps its key. A key whose
// meaning depends on its object names the park file's section it is worded for (the first
// match wins): a building's `enterprise` is its owner, a line's the firm operating it.
struct FieldWords {
  std::string_view key, en, zh, section = {};
};
constexpr FieldWords kFieldWords[] = {
    {"enterprise", "owner", "所属企业", "buildings"},
    {"name/zh", "name (Chinese)", "名称（中文）"},
    {"name/en", "name (English)", "名称（英文）"},
    {"message/zh", "message (Chinese)", "消息（中文）"},
    {"message/en", "message (English)", "消息（英文）"},
    {"id", "id", "编号"},
    {"kind", "kind", "种类"},
    {"product", "product", "产品"},
    {"carrier", "carrier", "能源介质"},
    {"building", "building", "所在建筑"},
    {"zone", "zone", "所在区域"},
    {"roof_pv_kwp", "rooftop PV", "屋顶光伏"},
    {"enterprise", "operator", "运营企业"},
    {"latitude_deg", "latitude", "纬度"},
    {"longitude_deg", "longitude", "经度"},
    {"time_zone", "time zone", "时区"},
    {"land_area_mu", "land area", "占地面积"},
    {"grid_emission_t_per_mwh", "grid emission factor", "电网排放因子"},
    {"output_yuan_per_year", "output", "产值"},
    {"tax_yuan_per_year", "tax", "税收"},
    {"above_designated_size", "above designated size", "规模以上"},
    {"capacity_t_per_year", "capacity (t/yr)", "产能（吨/年）"},
    {"capacity_units_per_hour", "capacity (units/h)", "产能（件/小时）"},
    {"capacity_t_per_hour", "capacity (t/h)", "能力（吨/小时）"},
    {"capacity_kw", "capacity (kW)", "能力（千瓦）"},
    {"loss_pct", "loss", "损耗"},
    {"cycle_time_s", "cycle time", "节拍"},
    {"energy_kwh_per_t", "specific energy", "单位能耗"},
    {"power_kw", "power", "功率"},
    {"energy_kwh", "storage", "储能容量"},
    {"annual_energy_kwh", "yearly energy", "年能量"},
    {"count", "count", "数量"},
    {"rows", "rows", "行数"},
    {"pitch_x_m", "pitch x", "间距 x"},
    {"pitch_y_m", "pitch y", "间距 y"},
    {"offset/x_m", "grid offset x", "阵列偏移 x"},
    {"offset/y_m", "grid offset y", "阵列偏移 y"},
    {"position/x_m", "position x", "位置 x"},
    {"position/y_m", "position y", "位置 y"},
    {"width_m", "width", "宽度"},
    {"depth_m", "depth", "进深"},
    {"height_m", "height", "高度"},
    {"rotation_deg", "rotation", "旋转"},
    {"planned", "planned", "规划中"},
    {"unit", "unit", "单位"},
    {"decimals", "decimals", "小数位数"},
    {"above", "upper limit", "上限"},
    {"below", "lower limit", "下限"},
    {"severity", "severity", "严重程度"},
};

LocalizedText fieldWords(const std::string& field, std::string_view section) {
  for (const FieldWords& w : kFieldWords) {
    if (w.key == field && (w.section.empty() || w.section == section)) return {std::string(w.zh), std::string(w.en)};
  }
  return {field, field};
}

// What a SetField changes: "/lines/0/machines/0/count" -> "Cells: count" / "压铸岛：数量", the
// object by its name and its field by the rest of the pointer in words (fieldWords); a field of
// the park's own header by the park's name ("Mini park: latitude"); what the park lacks by its
// pointer.
LocalizedText fieldNamed(const Park& park, const std::string& pointer) {
  const std::vector<std::string> steps = stepsOf(pointer);
  static constexpr std::string_view kSections[] = {"zones", "roads", "buildings", "enterprises", "lines", "utilities",
                                                   "externals", "tags", "material_links", "energy_links", "alarm_rules"};
  if (!steps.empty() && !steps[0].empty() && std::ranges::find(kSections, steps[0]) == std::end(kSections)) {
    const std::string en = park.name.en.empty() ? park.id : park.name.en, zh = park.name.zh.empty() ? park.id : park.name.zh;
    const LocalizedText field = fieldWords(pointer.substr(1), {});
    return {zh + "：" + field.zh, en + ": " + field.en};
  }
  const auto index = steps.size() >= 3 ? indexOf(steps[1]) : std::nullopt;
  std::string id = index ? idAt(park, steps[0], *index) : std::string();
  std::size_t fieldStep = 2;
  if (!id.empty() && steps[0] == "lines" && steps.size() >= 5 && steps[2] == "machines") {
    const auto group = indexOf(steps[3]);
    const auto& machines = park.lines[*index].machines;
    id = group && *group < machines.size() ? machines[*group].id : std::string();
    fieldStep = 4;
  }
  if (id.empty()) return {pointer, pointer};
  std::string field;
  for (std::size_t i = fieldStep; i < steps.size(); ++i) field += (field.empty() ? "" : "/") + steps[i];
  const LocalizedText name = steps[0] == "material_links" ? linkNamed(park, park.material_links, id)
                             : steps[0] == "energy_links" ? linkNamed(park, park.energy_links, id)
                                                          : nameOf(park, id);
  const LocalizedText words = fieldWords(field, fieldStep == 4 ? "machines" : steps[0]);
  return {name.zh + "：" + words.zh, name.en + ": " + words.en};
}

// What adding an object to each section of the park file is called, by the editor's commands
// and by a SetField that appends to the section ("/lines/-", "/lines/0/machines/-").
struct AddWords {
  std::string_view section, en, zh;
};
constexpr AddWords kAddWords[] = {
    {"zones", "Add zone", "添加区域"},
    {"roads", "Add road", "添加道路"},
    {"buildings", "Add building", "添加建筑"},
    {"enterprises", "Add enterprise", "添加企业"},
    {"lines", "Add line", "添加产线"},
    {"machines", "Add machine group", "添加设备组"},
    {"utilities", "Add utility", "添加公用设施"},
    {"externals", "Add external node", "添加外部节点"},
    {"tags", "Add tag", "添加测点"},
    {"material_links", "Add material link", "添加物料连接"},
    {"energy_links", "Add energy link", "添加能源连接"},
    {"alarm_rules", "Add alarm rule", "添加报警规则"},
};

const AddWords* addWords(std::string_view section) {
  const auto* found = std::ranges::find(kAddWords, section, &AddWords::section);
  return found == std::end(kAddWords) ? nullptr : found;
}

// "Add line Casting" / "添加产线 铸造线" for a section of kAddWords.
LocalizedText addLabel(std::string_view section, const LocalizedText& what) {
  const AddWords* words = addWords(section);
  return words ? label(words->en, words->zh, what) : what;
}

// A text member of an object the user typed, "" when absent or no string.
std::string textAt(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The new object's name as the file gives it (a {"zh", "en"} object, or one text for both),
// each language falling back to its id: it is not in the park yet.
LocalizedText newObjectName(const nlohmann::json& object) {
  const std::string id = textAt(object, "id");
  LocalizedText name;
  if (const auto it = object.find("name"); it != object.end() && it->is_object()) {
    name = {textAt(*it, "zh"), textAt(*it, "en")};
  } else {
    name.zh = name.en = textAt(object, "name");
  }
  if (name.zh.empty()) name.zh = id;
  if (name.en.empty()) name.en = id;
  return name;
}

// A SetField that appends an object to a section ("/tags/-", "/lines/0/machines/-") words it
// as the editor's Add command would: "Add line Extrusion line 1" / "添加产线 1号挤压线", a link by
// the names of its ends, an alarm rule by its id. Nothing for any other pointer, or a value
// that is no object (the edit refuses it; its label keeps the pointer).
std::optional<LocalizedText> appendedLabel(const Park& park, const SetField& e) {
  const std::vector<std::string> steps = stepsOf(e.pointer);
  if (steps.empty() || steps.back() != "-" || !e.value.is_object()) return std::nullopt;
  const bool machines = steps.size() == 4 && steps[0] == "lines" && steps[2] == "machines";
  if (steps.size() != 2 && !machines) return std::nullopt;
  const std::string_view section = machines ? std::string_view("machines") : std::string_view(steps[0]);
  if (!addWords(section)) return std::nullopt;
  if (section == "material_links" || section == "energy_links") {
    return addLabel(section, ends(park, textAt(e.value, "from"), textAt(e.value, "to")));
  }
  if (section == "alarm_rules") {
    const std::string id = textAt(e.value, "id");
    return addLabel(section, {id, id});
  }
  return addLabel(section, newObjectName(e.value));
}

struct Labeller {
  const Park& park;
  LocalizedText operator()(const AddBuilding& e) const { return added("buildings", e.building); }
  LocalizedText operator()(const RemoveBuilding& e) const { return named("Delete building", "删除建筑", e.id); }
  LocalizedText operator()(const DuplicateBuilding& e) const { return named("Duplicate building", "复制建筑", e.id); }
  LocalizedText operator()(const MoveBuilding& e) const { return named("Move building", "移动建筑", e.id); }
  LocalizedText operator()(const RotateBuilding& e) const { return named("Rotate building", "旋转建筑", e.id); }
  LocalizedText operator()(const ResizeBuilding& e) const { return named("Resize building", "调整建筑尺寸", e.id); }
  LocalizedText operator()(const SetField& e) const {
    if (auto appended = appendedLabel(park, e)) return *appended;
    return label("Change", "修改", fieldNamed(park, e.pointer));
  }
  LocalizedText operator()(const AddZone& e) const { return added("zones", e.zone); }
  LocalizedText operator()(const RemoveZone& e) const { return named("Delete zone", "删除区域", e.id); }
  LocalizedText operator()(const MoveZoneVertex& e) const { return named("Move zone point", "移动区域顶点", e.id); }
  LocalizedText operator()(const AddRoad& e) const { return added("roads", e.road); }
  LocalizedText operator()(const RemoveRoad& e) const { return named("Delete road", "删除道路", e.id); }
  LocalizedText operator()(const MoveRoadPoint& e) const { return named("Move road point", "移动道路点", e.id); }
  LocalizedText operator()(const AddMaterialLink& e) const {
    return addLabel("material_links", ends(park, e.link.from, e.link.to));
  }
  LocalizedText operator()(const RemoveMaterialLink& e) const {
    return label("Delete material link", "删除物料连接", linkNamed(park, park.material_links, e.id));
  }
  LocalizedText operator()(const AddEnergyLink& e) const {
    return addLabel("energy_links", ends(park, e.link.from, e.link.to));
  }
  LocalizedText operator()(const RemoveEnergyLink& e) const {
    return label("Delete energy link", "删除能源连接", linkNamed(park, park.energy_links, e.id));
  }
  LocalizedText operator()(const AddEnterprise& e) const { return added("enterprises", e.enterprise); }
  LocalizedText operator()(const RemoveEnterprise& e) const { return named("Delete enterprise", "删除企业", e.id); }
  LocalizedText operator()(const AddLine& e) const { return added("lines", e.line); }
  LocalizedText operator()(const RemoveLine& e) const { return named("Delete line", "删除产线", e.id); }
  LocalizedText operator()(const AddMachineGroup& e) const { return added("machines", e.group); }
  LocalizedText operator()(const RemoveMachineGroup& e) const { return named("Delete machine group", "删除设备组", e.id); }
  LocalizedText operator()(const AddUtility& e) const { return added("utilities", e.utility); }
  LocalizedText operator()(const RemoveUtility& e) const { return named("Delete utility", "删除公用设施", e.id); }
  LocalizedText operator()(const AddExternal& e) const { return added("externals", e.external); }
  LocalizedText operator()(const RemoveExternal& e) const { return named("Delete external node", "删除外部节点", e.id); }
  LocalizedText operator()(const AddTag& e) const { return added("tags", e.tag); }
  LocalizedText operator()(const RemoveTag& e) const { return named("Delete tag", "删除测点", e.id); }
  // An alarm rule has no name (its message is what it says when it fires): its id.
  LocalizedText operator()(const AddAlarmRule& e) const { return addLabel("alarm_rules", {e.rule.id, e.rule.id}); }
  LocalizedText operator()(const RemoveAlarmRule& e) const { return label("Delete alarm rule", "删除报警规则", {e.id, e.id}); }

 private:
  // An object of the park by its name ("Move building Potline 1").
  LocalizedText named(std::string_view en, std::string_view zh, const std::string& id) const { return label(en, zh, nameOf(park, id)); }
  // "Add line Casting" / "添加产线 铸造线": the new object is not in the park yet.
  template <typename T>
  static LocalizedText added(std::string_view section, const T& object) {
    return addLabel(section, {object.name.zh.empty() ? object.id : object.name.zh, object.name.en.empty() ? object.id : object.name.en});
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
