#pragma once
// The minimum-area rectangle around a set of points (a footprint), as a building's centre,
// size and rotation. The convex hull (Andrew's monotone chain) is tried against the direction
// of each of its edges: the smallest enclosing rectangle has one side on a hull edge (Freeman
// and Shapira; the theorem behind rotating calipers). O(h^2) for h hull points, which is
// nothing for footprints of tens of points.
#include <span>
#include <vector>

#include "parktwin/model/park.hpp"

namespace parktwin::geo {

struct OrientedRectangle {
  model::Point centre;
  double width_m = 0;       // the longer side, along the rotated x axis
  double depth_m = 0;
  double rotation_deg = 0;  // counter-clockwise from east, in (-90, 90]
};

std::vector<model::Point> convexHull(std::span<const model::Point> points);
OrientedRectangle minimumAreaRectangle(std::span<const model::Point> points);

}  // namespace parktwin::geo
