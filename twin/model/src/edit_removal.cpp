#include <algorithm>

#include "edit_support.hpp"
#include "parktwin/model/edit.hpp"

namespace parktwin::model {

using detail::findItem;

Result<EditCommand> removalOf(const Park& park, const std::string& id) {
  if (findItem(park.buildings, id)) return RemoveBuilding{id};
  if (findItem(park.zones, id)) return RemoveZone{id};
  if (findItem(park.roads, id)) return RemoveRoad{id};
  if (findItem(park.enterprises, id)) return RemoveEnterprise{id};
  if (findItem(park.lines, id)) return RemoveLine{id};
  if (std::ranges::any_of(park.lines, [&](const ProductionLine& l) { return findItem(l.machines, id) != nullptr; })) {
    return RemoveMachineGroup{id};
  }
  if (findItem(park.utilities, id)) return RemoveUtility{id};
  if (findItem(park.externals, id)) return RemoveExternal{id};
  if (findItem(park.tags, id)) return RemoveTag{id};
  if (findItem(park.alarm_rules, id)) return RemoveAlarmRule{id};
  if (findItem(park.material_links, id)) return RemoveMaterialLink{id};
  if (findItem(park.energy_links, id)) return RemoveEnergyLink{id};
  return fail(ErrorCode::not_found, "\"" + id + "\": no object, tag, alarm rule or link has this id");
}

}  // namespace parktwin::model
