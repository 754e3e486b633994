#include "parktwin/model/object_index.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace parktwin::model {

const char* objectTypeName(ObjectType type) {
  switch (type) {
    case ObjectType::building: return "building";
    case ObjectType::line: return "line";
    case ObjectType::machine_group: return "machines";
    case ObjectType::utility: return "utility";
    case ObjectType::external: return "external";
    case ObjectType::enterprise: return "enterprise";
    case ObjectType::zone: return "zone";
  }
  return "object";
}

void ParkExtent::add(Point p) {
  min = {std::min(min.x_m, p.x_m), std::min(min.y_m, p.y_m)};
  max = {std::max(max.x_m, p.x_m), std::max(max.y_m, p.y_m)};
}

namespace {

Footprint footprintOf(const Building& b) {
  return {b.position, b.width_m, b.depth_m, b.rotation_deg, b.height_m};
}

// A point given in a footprint's own axes, in park coordinates.
Point inFootprint(const Footprint& f, Point local) {
  const double r = f.rotation_deg * std::numbers::pi / 180.0;
  return {f.centre.x_m + local.x_m * std::cos(r) - local.y_m * std::sin(r),
          f.centre.y_m + local.x_m * std::sin(r) + local.y_m * std::cos(r)};
}

void addCorners(ParkExtent& extent, const Footprint& f) {
  for (const double sx : {-0.5, 0.5}) {
    for (const double sy : {-0.5, 0.5}) extent.add(inFootprint(f, {sx * f.width_m, sy * f.depth_m}));
  }
}

}  // namespace

ObjectIndex::ObjectIndex(const Park& park) {
  std::unordered_map<std::string, Footprint> buildings;
  for (const auto& b : park.buildings) {
    buildings.emplace(b.id, footprintOf(b));
    addCorners(extent_, footprintOf(b));
    add({b.id, ObjectType::building, b.position, b.id, footprintOf(b)});
  }
  const auto inBuilding = [&](ObjectType type, const std::string& id, const std::string& building,
                              std::optional<Point> own, Point offset = {}) {
    const auto it = buildings.find(building);
    if (it == buildings.end()) return add({id, type, own, building, std::nullopt});
    add({id, type, inFootprint(it->second, offset), building, it->second});
  };
  for (const auto& line : park.lines) {
    inBuilding(ObjectType::line, line.id, line.building, std::nullopt);
    for (const auto& group : line.machines) {
      inBuilding(ObjectType::machine_group, group.id, line.building, std::nullopt, group.offset);
    }
  }
  for (const auto& u : park.utilities) {
    if (u.building.empty()) extent_.add(u.position);
    inBuilding(ObjectType::utility, u.id, u.building, u.position);
  }
  for (const auto& e : park.externals) add({e.id, ObjectType::external, e.position, "", std::nullopt});
  for (const auto& e : park.enterprises) add({e.id, ObjectType::enterprise, std::nullopt, "", std::nullopt});
  for (const auto& z : park.zones) {
    for (const auto& p : z.outline) extent_.add(p);
    add({z.id, ObjectType::zone, std::nullopt, "", std::nullopt});
  }
  for (const auto& road : park.roads) {
    for (const auto& p : road.path) extent_.add(p);
  }
}

void ObjectIndex::add(IndexedObject object) {
  // The first object with an id wins, as the reader reports duplicates as problems.
  if (byId_.contains(object.id)) return;
  byId_.emplace(object.id, objects_.size());
  objects_.push_back(std::move(object));
}

const IndexedObject* ObjectIndex::find(std::string_view id) const {
  const auto it = byId_.find(id);
  return it == byId_.end() ? nullptr : &objects_[it->second];
}

std::optional<std::size_t> ObjectIndex::slotOf(std::string_view id) const {
  const auto it = byId_.find(id);
  return it == byId_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

std::optional<Point> ObjectIndex::position(std::string_view id) const {
  const IndexedObject* object = find(id);
  return object ? object->position : std::nullopt;
}

bool ObjectIndex::outsideThePark(std::string_view id) const {
  const IndexedObject* object = find(id);
  if (!object || object->type != ObjectType::external || !object->position || extent_.empty()) return false;
  const Point p = *object->position;
  const double reach = kExternalReach_m;
  return p.x_m < extent_.min.x_m - reach || p.x_m > extent_.max.x_m + reach ||
         p.y_m < extent_.min.y_m - reach || p.y_m > extent_.max.y_m + reach;
}

std::optional<Point> ObjectIndex::drawnPosition(std::string_view id) const {
  const auto p = position(id);
  if (!p || !outsideThePark(id)) return p;
  // Walk from the centre towards the object to where the grown extent's box ends.
  const Point c = extent_.centre();
  const double dx = p->x_m - c.x_m, dy = p->y_m - c.y_m;
  const double halfW = (extent_.max.x_m - extent_.min.x_m) / 2 + kExternalReach_m;
  const double halfH = (extent_.max.y_m - extent_.min.y_m) / 2 + kExternalReach_m;
  const double tx = dx != 0 ? halfW / std::abs(dx) : 1e300;
  const double ty = dy != 0 ? halfH / std::abs(dy) : 1e300;
  const double t = std::min({tx, ty, 1.0});
  return Point{c.x_m + t * dx, c.y_m + t * dy};
}

}  // namespace parktwin::model
