#pragma once
// Where along a road no other road crosses or meets it: the stretches of its centre line clear of
// every other road. The map names a road on one of them (app/models/road_layout.cpp): a name
// placed at a crossing ran across the other road (QA).
#include <cstddef>
#include <vector>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

// How far a clear stretch keeps from the edge of another road, beyond that road's half width:
// a name turned along its road and set beside it keeps off a road crossing at a slant too.
inline constexpr double kRoadNameClearance_m = 5;

// A clear stretch of a road: on its segment `segment` (path[segment] to path[segment + 1]), from
// `from_m` to `to_m` metres from path[segment].
struct RoadStretch {
  std::size_t segment = 0;
  double from_m = 0;
  double to_m = 0;
  bool operator==(const RoadStretch&) const = default;
};

// The stretches of roads[index]'s centre line whose every point lies at least (the other's
// width / 2 + clearance_m) from every other road's centre line, in path order. A crossing splits
// a segment in two; a road meeting this one (a T) or running beside it closer than that takes
// its part away; the road's own bends do not. Empty for a road overlaid by others all along, or
// an index out of range.
std::vector<RoadStretch> clearRoadStretches(const std::vector<Road>& roads, std::size_t index,
                                            double clearance_m = kRoadNameClearance_m);

}  // namespace parktwin::model
