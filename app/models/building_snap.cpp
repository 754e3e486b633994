#include "building_snap.hpp"

#include <array>
#include <cmath>
#include <numbers>
#include <optional>

namespace parktwin::app {
namespace {

struct HalfExtent {
  double x = 0, y = 0;
};

HalfExtent halfExtentOf(const model::Building& b) {
  const double a = b.rotation_deg * std::numbers::pi / 180;
  const double c = std::abs(std::cos(a)), s = std::abs(std::sin(a));
  return {b.width_m / 2 * c + b.depth_m / 2 * s, b.width_m / 2 * s + b.depth_m / 2 * c};
}

// The centre coordinate nearest `wanted` that puts one of the mover's features (left edge,
// axis, right edge: offsets -half, 0, +half) on one of another's (its edges or axis).
std::optional<double> alignOnAxis(double wanted, double moverHalf, double otherCentre, double otherHalf,
                                  double tolerance) {
  std::optional<double> best;
  const std::array<double, 3> mine{-moverHalf, 0, moverHalf};
  const std::array<double, 3> theirs{otherCentre - otherHalf, otherCentre, otherCentre + otherHalf};
  for (double offset : mine) {
    for (double feature : theirs) {
      const double centre = feature - offset;
      if (std::abs(centre - wanted) <= tolerance && (!best || std::abs(centre - wanted) < std::abs(*best - wanted))) {
        best = centre;
      }
    }
  }
  return best;
}

void keepNearer(std::optional<double>& best, std::optional<double> candidate, double wanted) {
  if (candidate && (!best || std::abs(*candidate - wanted) < std::abs(*best - wanted))) best = candidate;
}

}  // namespace

model::Point snapBuildingCentre(const model::Park& park, const std::string& id, model::Point wanted,
                                const SnapRules& rules) {
  const model::Building* mover = park.findBuilding(id);
  if (!mover) return wanted;
  const HalfExtent own = halfExtentOf(*mover);
  std::optional<double> x, y;
  for (const auto& other : park.buildings) {
    if (other.id == id) continue;
    const HalfExtent theirs = halfExtentOf(other);
    keepNearer(x, alignOnAxis(wanted.x_m, own.x, other.position.x_m, theirs.x, rules.tolerance_m), wanted.x_m);
    keepNearer(y, alignOnAxis(wanted.y_m, own.y, other.position.y_m, theirs.y, rules.tolerance_m), wanted.y_m);
  }
  const auto grid = [&](double v) { return std::round(v / rules.grid_m) * rules.grid_m; };
  return {x.value_or(grid(wanted.x_m)), y.value_or(grid(wanted.y_m))};
}

}  // namespace parktwin::app
