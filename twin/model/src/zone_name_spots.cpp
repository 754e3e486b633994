#include "parktwin/model/zone_name_spots.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>
#include <utility>

namespace parktwin::model {
namespace {

// The grid: 20 samples along the zone's longer side, 8 at least across the shorter, 1600 at most.
double sampleStep(double width, double height) {
  const double step = std::min(std::max(width, height) / 20, std::min(width, height) / 8);
  return std::max(step, std::sqrt(width * height / 1600));
}

double distanceToSegment(Point p, Point a, Point b) {
  const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m;
  const double length2 = dx * dx + dy * dy;
  const double t = length2 > 0 ? std::clamp(((p.x_m - a.x_m) * dx + (p.y_m - a.y_m) * dy) / length2, 0.0, 1.0) : 0.0;
  return std::hypot(p.x_m - a.x_m - t * dx, p.y_m - a.y_m - t * dy);
}

// Even-odd rule: a point on the outline itself may count either way (it has no room anyway).
bool insideOutline(Point p, const std::vector<Point>& outline) {
  bool inside = false;
  for (std::size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
    const Point a = outline[i], b = outline[j];
    if ((a.y_m > p.y_m) != (b.y_m > p.y_m) && p.x_m < a.x_m + (p.y_m - a.y_m) * (b.x_m - a.x_m) / (b.y_m - a.y_m))
      inside = !inside;
  }
  return inside;
}

struct Box {
  double x0 = std::numeric_limits<double>::max();
  double y0 = std::numeric_limits<double>::max();
  double x1 = std::numeric_limits<double>::lowest();
  double y1 = std::numeric_limits<double>::lowest();
  double longer() const { return std::max(x1 - x0, y1 - y0); }
  void add(Point p, double margin = 0) {
    x0 = std::min(x0, p.x_m - margin), y0 = std::min(y0, p.y_m - margin);
    x1 = std::max(x1, p.x_m + margin), y1 = std::max(y1, p.y_m + margin);
  }
  bool meets(const Box& o) const { return x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1; }
};

struct RoadPiece {
  Point a, b;
  double half_width_m = 0;
};

// The pieces of road that may come nearer a point of the zone than its outline does: those
// reaching into the box round the outline (a point inside is nearer the outline than anything
// outside that box). An imported park has thousands of pieces; most lie far from any one zone.
std::vector<RoadPiece> roadsNear(const Box& zoneBox, const std::vector<Road>& roads) {
  std::vector<RoadPiece> out;
  for (const auto& road : roads) {
    for (std::size_t k = 0; k + 1 < road.path.size(); ++k) {
      Box piece;
      piece.add(road.path[k], road.width_m / 2);
      piece.add(road.path[k + 1], road.width_m / 2);
      if (piece.meets(zoneBox)) out.push_back({road.path[k], road.path[k + 1], road.width_m / 2});
    }
  }
  return out;
}

// How far p is from a building's footprint (turned by its rotation, counter-clockwise); 0 inside.
double distanceToFootprint(Point p, const Building& b) {
  const double a = b.rotation_deg * std::numbers::pi / 180;
  const double dx = p.x_m - b.position.x_m, dy = p.y_m - b.position.y_m;
  const double along = dx * std::cos(a) + dy * std::sin(a), across = -dx * std::sin(a) + dy * std::cos(a);
  return std::hypot(std::max(std::abs(along) - b.width_m / 2, 0.0), std::max(std::abs(across) - b.depth_m / 2, 0.0));
}

struct Candidate {
  Point at;
  double room_m = 0;       // to the outline, a road's edge or a building, whichever is nearest
  double road_room_m = 0;  // to the nearest road's edge
  double building_room_m = std::numeric_limits<double>::max();  // to the nearest building's footprint
};

std::vector<Candidate> candidates(const Zone& zone, const std::vector<RoadPiece>& pieces,
                                  const std::vector<Building>& buildings, const Box& box, double step) {
  std::vector<Candidate> out;
  if (!(step > 0)) return out;
  for (double y = box.y0 + step / 2; y < box.y1; y += step) {
    for (double x = box.x0 + step / 2; x < box.x1; x += step) {
      const Point p{x, y};
      if (!insideOutline(p, zone.outline)) continue;
      double edge = std::numeric_limits<double>::max(), road = edge;
      for (std::size_t i = 0, j = zone.outline.size() - 1; i < zone.outline.size(); j = i++)
        edge = std::min(edge, distanceToSegment(p, zone.outline[j], zone.outline[i]));
      for (const auto& piece : pieces) road = std::min(road, distanceToSegment(p, piece.a, piece.b) - piece.half_width_m);
      double building = std::numeric_limits<double>::max();
      for (const auto& b : buildings) building = std::min(building, distanceToFootprint(p, b));
      out.push_back({p, std::min({edge, road, building}), road, building});
    }
  }
  return out;
}

Point meanOf(const std::vector<Point>& points) {
  Point mean;
  for (const auto& p : points) {
    mean.x_m += p.x_m / double(points.size());
    mean.y_m += p.y_m / double(points.size());
  }
  return mean;
}

}  // namespace

std::vector<Point> zoneNameSpots(const Zone& zone, const std::vector<Road>& roads, const std::vector<Building>& buildings,
                                 double name_half_length_m, std::size_t most) {
  if (zone.outline.empty() || most == 0) return {};
  if (zone.outline.size() < 3) return {meanOf(zone.outline)};
  Box box;
  for (const auto& p : zone.outline) box.add(p);
  const double step = sampleStep(box.x1 - box.x0, box.y1 - box.y0);
  auto found = candidates(zone, roadsNear(box, roads), buildings, box, step);
  if (found.empty()) return {meanOf(zone.outline)};  // thinner than the grid: no sample fell inside
  // Most room first, to within half a step (the grid's own precision); among those as roomy, the
  // nearest the zone's middle, where a reader looks for its name (a rectangle's whole middle band
  // has the same room).
  const Point middle = meanOf(zone.outline);
  const auto rank = [&](const Candidate& c) {
    const double halfSteps = std::floor(c.room_m / (step / 2) + 1e-9);  // 45 m is 45, not 44.999…
    return std::pair{-halfSteps, std::hypot(c.at.x_m - middle.x_m, c.at.y_m - middle.y_m)};
  };
  std::ranges::sort(found, {}, rank);
  const auto clear = [](const Candidate& c) { return c.road_room_m >= kZoneNameRoadClearance_m; };
  if (std::ranges::none_of(found, clear))
    return {std::ranges::max_element(found, {}, &Candidate::road_room_m)->at};
  // First the spots with room for the whole name, clear of buildings and roads; then the other
  // clear ones, roomiest first: where buildings' labels take every roomy spot (a small zone round
  // its substation), the name lies beside a wall rather than not at all (QA: zones unnamed).
  const auto roomy = [&](const Candidate& c) {
    return clear(c) && c.building_room_m >= name_half_length_m && c.road_room_m >= name_half_length_m;
  };
  const double apart = box.longer() / 4;
  std::vector<Point> out;
  for (const auto& usable : {std::function<bool(const Candidate&)>(roomy), std::function<bool(const Candidate&)>(clear)}) {
    for (const auto& c : found) {
      if (out.size() == most) break;
      const bool farFromChosen = std::ranges::all_of(
          out, [&](Point p) { return std::hypot(p.x_m - c.at.x_m, p.y_m - c.at.y_m) >= apart; });
      if (usable(c) && farFromChosen) out.push_back(c.at);
    }
  }
  return out;
}

}  // namespace parktwin::model
