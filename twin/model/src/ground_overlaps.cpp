// Overlaps on the ground, by the separating axis test on turned rectangles.
#include "parktwin/model/ground_overlaps.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "parktwin/common/number_text.hpp"
#include "parktwin/model/object_index.hpp"

namespace parktwin::model {
namespace {

// What stands on the ground: the object's footprint (object_index.hpp's rectangle, turned
// counter-clockwise about its centre), named by its JSON path and id.
struct GroundShape {
  std::string path, id;
  Footprint ground;

  std::array<Point, 2> axes() const {  // unit vectors along its width and its depth
    const double a = ground.rotation_deg * std::numbers::pi / 180;
    return {Point{std::cos(a), std::sin(a)}, Point{-std::sin(a), std::cos(a)}};
  }
  // Half its extent along a unit direction.
  double halfAlong(Point d) const {
    const auto [u, v] = axes();
    return (ground.width_m * std::abs(u.x_m * d.x_m + u.y_m * d.y_m) + ground.depth_m * std::abs(v.x_m * d.x_m + v.y_m * d.y_m)) / 2;
  }
};

// How deep two rectangles overlap: the least overlap of their shadows on the four axes (0 when
// some axis separates them).
double overlapDepth(const GroundShape& a, const GroundShape& b) {
  double depth = INFINITY;
  const Point between{b.ground.centre.x_m - a.ground.centre.x_m, b.ground.centre.y_m - a.ground.centre.y_m};
  for (const GroundShape* shape : {&a, &b}) {
    for (const Point& d : shape->axes()) {
      const double apart = std::abs(between.x_m * d.x_m + between.y_m * d.y_m);
      depth = std::min(depth, a.halfAlong(d) + b.halfAlong(d) - apart);
      if (depth <= 0) return 0;
    }
  }
  return depth;
}

std::vector<GroundShape> shapesOnTheGround(const Park& park) {
  std::vector<GroundShape> shapes;
  for (std::size_t i = 0; i < park.buildings.size(); ++i) {
    const Building& b = park.buildings[i];
    shapes.push_back({"/buildings/" + std::to_string(i), b.id, {b.position, b.width_m, b.depth_m, b.rotation_deg, b.height_m}});
  }
  for (std::size_t i = 0; i < park.utilities.size(); ++i) {
    const Utility& u = park.utilities[i];
    if (!u.building.empty()) continue;  // housed: inside its building, not beside it
    const double side = utilityGroundSide_m(u);
    shapes.push_back({"/utilities/" + std::to_string(i), u.id, {u.position, side, side, 0, 0}});
  }
  return shapes;
}

}  // namespace

double utilityGroundSide_m(const Utility& u) {
  switch (u.kind) {
    case UtilityKind::pv: return std::max(20.0, std::sqrt(u.power_kw * kPvFieldM2PerKwp));
    case UtilityKind::pumped_storage: return 60;
    case UtilityKind::reservoir_hydro: return 40;
    case UtilityKind::substation: return 36;
    case UtilityKind::grid_tie:
    case UtilityKind::battery:
    case UtilityKind::charger:
    case UtilityKind::hydrogen: return 18;
  }
  return 18;
}

std::vector<GroundOverlap> groundOverlaps(const Park& park) {
  const std::vector<GroundShape> shapes = shapesOnTheGround(park);
  std::vector<GroundOverlap> overlaps;
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    for (std::size_t j = i + 1; j < shapes.size(); ++j) {
      const double depth = overlapDepth(shapes[i], shapes[j]);
      if (depth > kOverlapTolerance_m) overlaps.push_back({shapes[i].path, shapes[i].id, shapes[j].path, shapes[j].id, depth});
    }
  }
  return overlaps;
}

Point freeGroundNear(const Park& park, Point wanted, double width_m, double depth_m) {
  const std::vector<GroundShape> shapes = shapesOnTheGround(park);
  const auto isFree = [&](Point at) {
    const GroundShape padded{"", "", {at, width_m + 2 * kPlacementGap_m, depth_m + 2 * kPlacementGap_m, 0, 0}};
    return std::ranges::none_of(shapes, [&](const GroundShape& s) { return overlapDepth(padded, s) > 0; });
  };
  const double stepX = width_m + kPlacementGap_m, stepY = depth_m + kPlacementGap_m;
  constexpr int kRings = 20;
  for (int ring = 0; ring <= kRings; ++ring) {
    struct Spot {
      Point at;
      double distance, angle;
    };
    std::vector<Spot> spots;
    for (int i = -ring; i <= ring; ++i) {
      for (int j = -ring; j <= ring; ++j) {
        if (std::max(std::abs(i), std::abs(j)) != ring) continue;
        const double dx = i * stepX, dy = j * stepY;
        const double angle = std::fmod(std::atan2(dy, dx) + 2 * std::numbers::pi, 2 * std::numbers::pi);
        spots.push_back({{wanted.x_m + dx, wanted.y_m + dy}, std::hypot(dx, dy), angle});
      }
    }
    std::ranges::sort(spots, [](const Spot& a, const Spot& b) {
      return a.distance != b.distance ? a.distance < b.distance : a.angle < b.angle;
    });
    for (const Spot& spot : spots) {
      if (isFree(spot.at)) return spot.at;
    }
  }
  return wanted;
}

std::string groundOverlapText(const GroundOverlap& o) { return groundOverlapText(o, "en"); }

std::string groundOverlapText(const GroundOverlap& o, std::string_view language) {
  const std::string second = o.second_path + " (" + o.second_id + ")", first = o.first_path + " (" + o.first_id + ")";
  // The window's words for it (park_editor.cpp, "%1 与 %2 重叠 %3 米").
  if (language == "zh") return second + " 与 " + first + " 重叠 " + quantityText(o.depth_m, "米", 1);
  return second + " and " + first + " overlap by " + quantityText(o.depth_m, "m", 1);
}

}  // namespace parktwin::model
