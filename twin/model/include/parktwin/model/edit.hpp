#pragma once
// Edit commands over a park: the editor (window) and the CLI issue the same commands, and
// EditHistory (edit_history.hpp) applies, undoes and redoes them. Each command is a small
// struct; EditCommand is the variant of them all.
//
// Fields without a dedicated command are set through SetField, a JSON Pointer into the park
// file plus a JSON value: the changed object goes through the file's writer and reader, so a
// value of the wrong type or an unknown key is refused exactly as in a file, and every field of
// every object (enterprise, line, machine group, utility, external, tag, alarm rule, zone,
// road, the park's own header) is editable without one command per field.
#include <nlohmann/json.hpp>

#include <string>
#include <variant>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/edit_objects.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::model {

struct AddBuilding {  // appended, with its lines (ids must be new)
  Building building;
  std::vector<ProductionLine> lines;
};
struct RemoveBuilding {  // with its lines, the utilities it houses, and the tags, links and alarm rules on them
  std::string id;
};
struct DuplicateBuilding {  // a copy of the building and its lines, shifted; ids get a suffix
  std::string id;
  Point offset{20, 20};
};
struct MoveBuilding {
  std::string id;
  Point position;
};
struct RotateBuilding {
  std::string id;
  double rotation_deg = 0;
};
struct ResizeBuilding {
  std::string id;
  double width_m = 0;
  double depth_m = 0;
  double height_m = 0;
};
struct SetField {  // e.g. {"/lines/2/machines/0/count", 48}, {"/latitude_deg", 29.1}
  std::string pointer;
  nlohmann::json value;
};
struct AddZone {
  Zone zone;
};
struct RemoveZone {  // buildings in it keep standing, outside any zone
  std::string id;
};
struct MoveZoneVertex {
  std::string id;
  std::size_t vertex = 0;
  Point position;
};
struct AddRoad {
  Road road;
};
struct RemoveRoad {
  std::string id;
};
struct MoveRoadPoint {
  std::string id;
  std::size_t point = 0;
  Point position;
};
struct AddMaterialLink {
  MaterialLink link;
};
struct RemoveMaterialLink {
  std::string id;
};
struct AddEnergyLink {
  EnergyLink link;
};
struct RemoveEnergyLink {
  std::string id;
};

using EditCommand =
    std::variant<AddBuilding, RemoveBuilding, DuplicateBuilding, MoveBuilding, RotateBuilding, ResizeBuilding, SetField,
                 AddZone, RemoveZone, MoveZoneVertex, AddRoad, RemoveRoad, MoveRoadPoint, AddMaterialLink,
                 RemoveMaterialLink, AddEnergyLink, RemoveEnergyLink, AddEnterprise, RemoveEnterprise, AddLine,
                 RemoveLine, AddMachineGroup, RemoveMachineGroup, AddUtility, RemoveUtility, AddExternal,
                 RemoveExternal, AddTag, RemoveTag, AddAlarmRule, RemoveAlarmRule>;

// The parts of a park a command may change; undo puts back exactly these.
enum class ParkSection : unsigned {
  header = 1u << 0, zones = 1u << 1, roads = 1u << 2, buildings = 1u << 3, enterprises = 1u << 4, lines = 1u << 5,
  utilities = 1u << 6, externals = 1u << 7, tags = 1u << 8, material_links = 1u << 9, energy_links = 1u << 10,
  alarm_rules = 1u << 11
};
using ParkSections = unsigned;  // a set of ParkSection bits

// What the command changes, for the snapshot taken before it runs.
ParkSections sectionsTouchedBy(const EditCommand& command);

// Applies `command` to `park`. An error (unknown id, vertex out of range, a value of the wrong
// type, an id already used by an added object) leaves `park` unchanged. A command that applies
// may still leave problems; validatePark reports them.
Result<void> applyEdit(Park& park, const EditCommand& command);

// The command that removes whatever `id` names: a building (with what stands in it), zone,
// road, enterprise, line, machine group, utility, external, tag, alarm rule or link. The CLI's
// `park edit --remove ID` and the window's Delete buttons ask it; not_found when nothing has it.
Result<EditCommand> removalOf(const Park& park, const std::string& id);

// For the history list: "Move building Potline 1" / "移动建筑 电解一车间".
LocalizedText editLabel(const EditCommand& command, const Park& park);

// Whether `next` continues `previous` (the same object dragged, the same field typed): the
// history keeps them as one entry.
bool continuesEdit(const EditCommand& previous, const EditCommand& next);

}  // namespace parktwin::model
