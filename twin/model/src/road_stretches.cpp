#include "parktwin/model/road_stretches.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <utility>

namespace parktwin::model {
namespace {

struct Interval {
  double lo = 0, hi = 0;
};

// The t for which lo <= a + b t <= hi, as an interval (empty when none).
std::optional<Interval> slab(double a, double b, double lo, double hi) {
  if (std::abs(b) < 1e-12) return lo <= a && a <= hi ? std::optional<Interval>{{-1e300, 1e300}} : std::nullopt;
  double t0 = (lo - a) / b, t1 = (hi - a) / b;
  if (t0 > t1) std::swap(t0, t1);
  return Interval{t0, t1};
}

std::optional<Interval> meet(std::optional<Interval> p, std::optional<Interval> q) {
  if (!p || !q || std::max(p->lo, q->lo) >= std::min(p->hi, q->hi)) return std::nullopt;
  return Interval{std::max(p->lo, q->lo), std::min(p->hi, q->hi)};
}

// The t for which a + t u (u a unit vector) lies within `radius` of the point c.
std::optional<Interval> nearPoint(Point a, double ux, double uy, Point c, double radius) {
  const double dx = a.x_m - c.x_m, dy = a.y_m - c.y_m;
  const double half_b = ux * dx + uy * dy;
  const double disc = half_b * half_b - (dx * dx + dy * dy - radius * radius);
  if (disc <= 0) return std::nullopt;
  return Interval{-half_b - std::sqrt(disc), -half_b + std::sqrt(disc)};
}

// The t for which a + t u lies within `radius` of the segment cd: where the line runs through
// the capsule round cd (the rectangle along it and a disc at each end). A capsule is convex, so
// what the line has in it is one interval, from the least to the greatest of the three parts'.
std::optional<Interval> nearSegment(Point a, double ux, double uy, Point c, Point d, double radius) {
  std::optional<Interval> out;
  const auto join = [&out](std::optional<Interval> part) {
    if (!part) return;
    out = out ? Interval{std::min(out->lo, part->lo), std::max(out->hi, part->hi)} : *part;
  };
  join(nearPoint(a, ux, uy, c, radius));
  join(nearPoint(a, ux, uy, d, radius));
  const double length = std::hypot(d.x_m - c.x_m, d.y_m - c.y_m);
  if (length > 0) {
    const double vx = (d.x_m - c.x_m) / length, vy = (d.y_m - c.y_m) / length;  // along cd
    const double ax = a.x_m - c.x_m, ay = a.y_m - c.y_m;
    join(meet(slab(ax * vx + ay * vy, ux * vx + uy * vy, 0, length),
              slab(-ax * vy + ay * vx, -ux * vy + uy * vx, -radius, radius)));
  }
  return out;
}

// [0, length] less the blocked intervals, as clear stretches of `segment`.
std::vector<RoadStretch> leftClear(std::size_t segment, double length, std::vector<Interval> blocked) {
  std::ranges::sort(blocked, {}, &Interval::lo);
  std::vector<RoadStretch> out;
  double from = 0;
  for (const Interval& b : blocked) {
    if (b.lo > from) out.push_back({segment, from, std::min(b.lo, length)});
    from = std::max(from, b.hi);
    if (from >= length) break;
  }
  if (from < length) out.push_back({segment, from, length});
  return out;
}

}  // namespace

std::vector<RoadStretch> clearRoadStretches(const std::vector<Road>& roads, std::size_t index, double clearance_m) {
  std::vector<RoadStretch> out;
  if (index >= roads.size()) return out;
  const auto& path = roads[index].path;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    const Point a = path[i], b = path[i + 1];
    const double length = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
    if (length <= 0) continue;
    const double ux = (b.x_m - a.x_m) / length, uy = (b.y_m - a.y_m) / length;
    std::vector<Interval> blocked;
    for (std::size_t r = 0; r < roads.size(); ++r) {
      if (r == index) continue;
      const double radius = roads[r].width_m / 2 + clearance_m;
      for (std::size_t k = 0; k + 1 < roads[r].path.size(); ++k) {
        const Point c = roads[r].path[k], d = roads[r].path[k + 1];
        // Most segments lie far apart (an imported park has thousands): their boxes tell at once.
        if (std::max(c.x_m, d.x_m) + radius <= std::min(a.x_m, b.x_m) || std::min(c.x_m, d.x_m) - radius >= std::max(a.x_m, b.x_m) ||
            std::max(c.y_m, d.y_m) + radius <= std::min(a.y_m, b.y_m) || std::min(c.y_m, d.y_m) - radius >= std::max(a.y_m, b.y_m))
          continue;
        const auto near = nearSegment(a, ux, uy, c, d, radius);
        if (near && near->hi > 0 && near->lo < length) blocked.push_back({std::max(near->lo, 0.0), std::min(near->hi, length)});
      }
    }
    std::ranges::copy(leftClear(i, length, std::move(blocked)), std::back_inserter(out));
  }
  return out;
}

}  // namespace parktwin::model
