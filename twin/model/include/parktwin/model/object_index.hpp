#pragma once
// One index of the park's objects: what an id names, where it sits and how big it is. The
// flow overlay, the selection, tours, the simulator's ladles and the scene all ask it, so an
// object is in one place for all of them.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

enum class ObjectType { building, line, machine_group, utility, external, enterprise, zone };

const char* objectTypeName(ObjectType type);  // "building", "line", "machines", "utility", ...

// A rectangle on the ground: centre, size along its own axes, turned counter-clockwise.
struct Footprint {
  Point centre;
  double width_m = 0;
  double depth_m = 0;
  double rotation_deg = 0;
  double height_m = 0;
};

struct IndexedObject {
  std::string id;
  ObjectType type = ObjectType::building;
  // Where the object stands: a building's centre, a line's building, a machine group's grid
  // centre inside its building, a utility's own position (or its building's), an external's
  // position. Enterprises and zones have none of their own.
  std::optional<Point> position;
  std::string building;  // the building it is in, if any (a building names itself)
  std::optional<Footprint> footprint;  // that building's footprint
};

// The ground the park covers: its buildings, zones, roads and utilities (externals are the
// world outside and do not widen it).
struct ParkExtent {
  Point min{1e300, 1e300};
  Point max{-1e300, -1e300};
  bool empty() const { return min.x_m > max.x_m; }
  Point centre() const { return {(min.x_m + max.x_m) / 2, (min.y_m + max.y_m) / 2}; }
  void add(Point p);
};

class ObjectIndex {
 public:
  explicit ObjectIndex(const Park& park);

  const IndexedObject* find(std::string_view id) const;
  // Objects are numbered 0..size()-1 in the order the index took them, so that a caller can keep
  // per-object tallies in plain vectors rather than string-keyed maps (the flow builder does).
  std::size_t size() const { return objects_.size(); }
  std::optional<std::size_t> slotOf(std::string_view id) const;
  const IndexedObject& at(std::size_t slot) const { return objects_[slot]; }
  std::optional<Point> position(std::string_view id) const;
  const ParkExtent& extent() const { return extent_; }
  // Where an object is drawn in the park's 3D view and where its flows end. Externals lying
  // more than kExternalReach_m outside the park's extent are drawn on the edge of the extent
  // grown by that reach, in their direction from the park's centre (a port 20 km away is
  // shown at the park's edge on the side it lies); everything else at its position.
  std::optional<Point> drawnPosition(std::string_view id) const;
  bool outsideThePark(std::string_view id) const;

  static constexpr double kExternalReach_m = 120;

 private:
  void add(IndexedObject object);

  // Looked up by string_view without building a std::string: the flow builder asks twice per link.
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };

  std::vector<IndexedObject> objects_;
  std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>> byId_;
  ParkExtent extent_;
};

}  // namespace parktwin::model
