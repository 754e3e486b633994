#include <algorithm>

#include "parktwin/model/edit.hpp"

namespace parktwin::model {
namespace {

template <typename T>
bool has(const std::vector<T>& items, const std::string& id) {
  return std::ranges::find(items, id, &T::id) != items.end();
}

}  // namespace

Result<EditCommand> removalOf(const Park& park, const std::string& id) {
  if (has(park.buildings, id)) return RemoveBuilding{id};
  if (has(park.zones, id)) return RemoveZone{id};
  if (has(park.roads, id)) return RemoveRoad{id};
  if (has(park.enterprises, id)) return RemoveEnterprise{id};
  if (has(park.lines, id)) return RemoveLine{id};
  if (std::ranges::any_of(park.lines, [&](const ProductionLine& l) { return has(l.machines, id); })) return RemoveMachineGroup{id};
  if (has(park.utilities, id)) return RemoveUtility{id};
  if (has(park.externals, id)) return RemoveExternal{id};
  if (has(park.tags, id)) return RemoveTag{id};
  if (has(park.alarm_rules, id)) return RemoveAlarmRule{id};
  if (has(park.material_links, id)) return RemoveMaterialLink{id};
  if (has(park.energy_links, id)) return RemoveEnergyLink{id};
  return fail(ErrorCode::not_found, "\"" + id + "\": no object, tag, alarm rule or link has this id");
}

}  // namespace parktwin::model
