// What each edit command does to the park, and which sections it touches.
#include <set>

#include "edit_support.hpp"
#include "parktwin/model/edit.hpp"

namespace parktwin::model {
namespace detail {
using namespace objects;  // edit_objects.cpp's apply and sections overloads
namespace {

constexpr ParkSections bits(std::initializer_list<ParkSection> sections) {
  ParkSections out = 0;
  for (ParkSection s : sections) out |= static_cast<unsigned>(s);
  return out;
}

template <typename T>
Result<void> addNew(Park& park, std::vector<T>& items, const T& item) {
  if (!item.id.empty() && idInUse(park, item.id)) return fail(ErrorCode::invalid_input, "the id \"" + item.id + "\" is already used");
  items.push_back(item);
  return {};
}

template <typename T>
Result<void> removeById(std::vector<T>& items, const std::string& id, const std::string& what) {
  if (std::erase_if(items, [&](const T& item) { return item.id == id; }) == 0) return noSuch(what, id);
  return {};
}

Result<void> apply(Park& park, const AddBuilding& e) {
  for (const auto& line : e.lines) {
    if (idInUse(park, line.id)) return fail(ErrorCode::invalid_input, "the id \"" + line.id + "\" is already used");
  }
  if (auto added = addNew(park, park.buildings, e.building); !added) return added;
  park.lines.insert(park.lines.end(), e.lines.begin(), e.lines.end());
  return {};
}

// The building, its lines and machine groups, the utilities it houses (rooftop PV, a hall's
// battery), and what refers to them (tags, links, rules).
Result<void> apply(Park& park, const RemoveBuilding& e) {
  if (!findItem(park.buildings, e.id)) return noSuch("building", e.id);
  std::set<std::string> gone{e.id};
  std::erase_if(park.buildings, [&](const Building& b) { return b.id == e.id; });
  std::erase_if(park.lines, [&](const ProductionLine& line) {
    if (line.building != e.id) return false;
    gone.insert(line.id);
    for (const auto& g : line.machines) gone.insert(g.id);
    return true;
  });
  std::erase_if(park.utilities, [&](const Utility& u) {
    if (u.building != e.id) return false;
    gone.insert(u.id);
    return true;
  });
  dropReferencesTo(park, gone);
  return {};
}

Result<void> apply(Park& park, const DuplicateBuilding& e) {
  const Building* original = findItem(park.buildings, e.id);
  if (!original) return noSuch("building", e.id);
  Building copy = *original;
  copy.id = unusedId(park, e.id + "-copy");
  copy.name.en += " (copy)";
  copy.name.zh += "（副本）";
  copy.position = {copy.position.x_m + e.offset.x_m, copy.position.y_m + e.offset.y_m};
  park.buildings.push_back(copy);
  std::vector<ProductionLine> lines;
  for (const auto& line : park.lines) {
    if (line.building == e.id) lines.push_back(line);
  }
  for (auto& line : lines) {
    line.building = copy.id;
    line.id = unusedId(park, line.id + "-copy");
    for (auto& group : line.machines) group.id = unusedId(park, group.id + "-copy");
    park.lines.push_back(line);  // one by one, so the next copy's ids see this one's
  }
  return {};
}

template <typename Change>
Result<void> changeBuilding(Park& park, const std::string& id, Change change) {
  Building* b = findItem(park.buildings, id);
  if (!b) return noSuch("building", id);
  change(*b);
  return {};
}

Result<void> apply(Park& park, const MoveBuilding& e) {
  return changeBuilding(park, e.id, [&](Building& b) { b.position = e.position; });
}
Result<void> apply(Park& park, const RotateBuilding& e) {
  return changeBuilding(park, e.id, [&](Building& b) { b.rotation_deg = e.rotation_deg; });
}
Result<void> apply(Park& park, const ResizeBuilding& e) {
  return changeBuilding(park, e.id, [&](Building& b) {
    b.width_m = e.width_m;
    b.depth_m = e.depth_m;
    b.height_m = e.height_m;
  });
}
Result<void> apply(Park& park, const SetField& e) { return applySetField(park, e); }
Result<void> apply(Park& park, const AddZone& e) { return addNew(park, park.zones, e.zone); }
Result<void> apply(Park& park, const RemoveZone& e) {
  if (auto removed = removeById(park.zones, e.id, "zone"); !removed) return removed;
  for (Building& b : park.buildings) {
    if (b.zone == e.id) b.zone.clear();  // standing outside any zone, as edit.hpp says (not naming one gone)
  }
  return {};
}
Result<void> apply(Park& park, const AddRoad& e) { return addNew(park, park.roads, e.road); }
Result<void> apply(Park& park, const RemoveRoad& e) { return removeById(park.roads, e.id, "road"); }
Result<void> apply(Park& park, const AddMaterialLink& e) { return addNew(park, park.material_links, e.link); }
Result<void> apply(Park& park, const RemoveMaterialLink& e) { return removeById(park.material_links, e.id, "material link"); }
Result<void> apply(Park& park, const AddEnergyLink& e) { return addNew(park, park.energy_links, e.link); }
Result<void> apply(Park& park, const RemoveEnergyLink& e) { return removeById(park.energy_links, e.id, "energy link"); }

Result<void> movePoint(std::vector<Point>& points, std::size_t index, const Point& to, const std::string& what) {
  if (index >= points.size()) {
    return fail(ErrorCode::invalid_input, what + " has " + std::to_string(points.size()) + " points; no point " + std::to_string(index));
  }
  points[index] = to;
  return {};
}

Result<void> apply(Park& park, const MoveZoneVertex& e) {
  Zone* zone = findItem(park.zones, e.id);
  if (!zone) return noSuch("zone", e.id);
  return movePoint(zone->outline, e.vertex, e.position, "zone \"" + e.id + "\"");
}

Result<void> apply(Park& park, const MoveRoadPoint& e) {
  Road* road = findItem(park.roads, e.id);
  if (!road) return noSuch("road", e.id);
  return movePoint(road->path, e.point, e.position, "road \"" + e.id + "\"");
}

ParkSections sections(const AddBuilding&) { return bits({ParkSection::buildings, ParkSection::lines}); }
ParkSections sections(const RemoveBuilding&) {
  return bits({ParkSection::buildings, ParkSection::lines, ParkSection::utilities, ParkSection::tags, ParkSection::material_links,
               ParkSection::energy_links, ParkSection::alarm_rules});
}
ParkSections sections(const DuplicateBuilding&) { return bits({ParkSection::buildings, ParkSection::lines}); }
ParkSections sections(const MoveBuilding&) { return bits({ParkSection::buildings}); }
ParkSections sections(const RotateBuilding&) { return bits({ParkSection::buildings}); }
ParkSections sections(const ResizeBuilding&) { return bits({ParkSection::buildings}); }
ParkSections sections(const SetField& e) { return sectionsOfPointer(e.pointer); }
ParkSections sections(const AddZone&) { return bits({ParkSection::zones}); }
ParkSections sections(const RemoveZone&) { return bits({ParkSection::zones, ParkSection::buildings}); }
ParkSections sections(const MoveZoneVertex&) { return bits({ParkSection::zones}); }
ParkSections sections(const AddRoad&) { return bits({ParkSection::roads}); }
ParkSections sections(const RemoveRoad&) { return bits({ParkSection::roads}); }
ParkSections sections(const MoveRoadPoint&) { return bits({ParkSection::roads}); }
ParkSections sections(const AddMaterialLink&) { return bits({ParkSection::material_links}); }
ParkSections sections(const RemoveMaterialLink&) { return bits({ParkSection::material_links}); }
ParkSections sections(const AddEnergyLink&) { return bits({ParkSection::energy_links}); }
ParkSections sections(const RemoveEnergyLink&) { return bits({ParkSection::energy_links}); }

}  // namespace
}  // namespace detail

ParkSections sectionsTouchedBy(const EditCommand& command) {
  return std::visit([](const auto& e) { return detail::sections(e); }, command);
}

// Every command checks what it needs before it changes anything, so an error leaves the park
// as it was.
Result<void> applyEdit(Park& park, const EditCommand& command) {
  return std::visit([&](const auto& e) { return detail::apply(park, e); }, command);
}

}  // namespace parktwin::model
