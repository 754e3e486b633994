#pragma once
// Where the map names a zone: points inside its outline, clear of every road. The name was set at
// the mean of the outline's corners and, where buildings' names took that, halfway to a corner:
// points a road may run through, so the name lay across the road (QA: "制造区", "物流区").
#include <cstddef>
#include <vector>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

// How far a zone's name point keeps from the edge of a road at least (beyond its half width).
inline constexpr double kZoneNameRoadClearance_m = 5;

// Up to `most` points inside `zone`'s outline, each at least (half the road's width +
// kZoneNameRoadClearance_m) from every road's centre line, best first: the first has the most room
// (the farthest from the outline, from any road's edge and from any building's footprint); each
// next one the most room of those at least a quarter of the zone's size from the ones before, so
// that where other names took one the name has others to go to. Sampled on a grid (20 points along
// the zone, 1600 at most). A zone too small or too crossed by roads for any clear point gets its
// point farthest from the roads; one with fewer than three corners, or thinner than the grid, the
// mean of its corners.
//
// The name is text, not a point (QA4 Q13: 新材料产业园厂区, set at a point just clear of the main
// hall, ran over the hall's wall): `name_half_length_m` is how far its text reaches from its spot,
// on the ground, at the scale it is read. The text turns with the camera, so the name needs that
// much room all round: the spots with at least that room to every building and road edge (and
// kZoneNameRoadClearance_m to roads) come first, roomiest first; then the other spots clear of
// roads, roomiest first, for where buildings' labels take every roomy one.
std::vector<Point> zoneNameSpots(const Zone& zone, const std::vector<Road>& roads,
                                 const std::vector<Building>& buildings = {}, double name_half_length_m = 0,
                                 std::size_t most = 8);

}  // namespace parktwin::model
