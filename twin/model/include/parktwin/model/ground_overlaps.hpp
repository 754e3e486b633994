#pragma once
// What stands on the ground where something else stands: two buildings' footprints, or a
// building and the ground a utility standing on its own takes (a PV field, a substation's
// yard...). Not a park-file error (a park is often laid out roughly first, and the file still
// loads and solves), but almost always a slip a person wants named: `parktwin-cli check` prints
// each as a warning and the editor lists them. Walls that touch or share a line are no overlap.
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

// Overlaps shallower than this are walls drawn a little apart or together, not a slip.
inline constexpr double kOverlapTolerance_m = 0.5;

// Ground a PV field takes per kW of peak power: ground-mounted arrays need about 1.5 ha per
// MWp with rows spaced against shading (docs/scene.md).
inline constexpr double kPvFieldM2PerKwp = 15.0;

// The side of the square a utility standing on its own takes on the ground, in metres (the
// window draws it so).
double utilityGroundSide_m(const Utility& utility);

// One overlap: the two objects by JSON path and id, in file order, and how far one would have
// to move to clear the other (the smaller of the overlaps along either's axes).
struct GroundOverlap {
  std::string first_path, first_id;
  std::string second_path, second_id;
  double depth_m = 0;
  bool operator==(const GroundOverlap&) const = default;
};

// Every overlap deeper than kOverlapTolerance_m among the buildings and the utilities that
// are not housed in a building, in file order (buildings first).
std::vector<GroundOverlap> groundOverlaps(const Park& park);

// The clear ground a new object keeps to everything already there.
inline constexpr double kPlacementGap_m = 10;

// Where a new unturned footprint `width_m` x `depth_m` can stand near `wanted` with
// kPlacementGap_m of clear ground around it: `wanted` itself when that is free, else the
// nearest free point of a grid stepping by the footprint plus the gap (nearest first; of equal
// ones, the first counter-clockwise from east). The editor's Add building asks it, so a second
// building added at the same view centre lands beside the first, not on it. `wanted` when no
// point within 20 steps is free.
Point freeGroundNear(const Park& park, Point wanted, double width_m, double depth_m);

// "/buildings/2 (store) and /buildings/0 (hall) overlap by 12.5 m"
std::string groundOverlapText(const GroundOverlap& overlap);
// The same in `language` ("zh" or "en"; anything else is English):
// "/buildings/2 (store) 与 /buildings/0 (hall) 重叠 12.5 米"
std::string groundOverlapText(const GroundOverlap& overlap, std::string_view language);

}  // namespace parktwin::model
