#include "parktwin/geo/oriented_rectangle.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace parktwin::geo {
namespace {

using model::Point;

double cross(const Point& o, const Point& a, const Point& b) {
  return (a.x_m - o.x_m) * (b.y_m - o.y_m) - (a.y_m - o.y_m) * (b.x_m - o.x_m);
}

struct Extent {
  double area = std::numeric_limits<double>::infinity();
  double angle = 0;  // direction of the side along u, radians
  double minU = 0, maxU = 0, minV = 0, maxV = 0;
};

// The hull's extent along the unit direction `angle` (u) and its normal (v).
Extent extentAlong(const std::vector<Point>& hull, double angle) {
  const double c = std::cos(angle), s = std::sin(angle);
  Extent e{0, angle, std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
           std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  for (const Point& p : hull) {
    const double u = p.x_m * c + p.y_m * s, v = -p.x_m * s + p.y_m * c;
    e.minU = std::min(e.minU, u), e.maxU = std::max(e.maxU, u);
    e.minV = std::min(e.minV, v), e.maxV = std::max(e.maxV, v);
  }
  e.area = (e.maxU - e.minU) * (e.maxV - e.minV);
  return e;
}

}  // namespace

std::vector<Point> convexHull(std::span<const Point> input) {
  std::vector<Point> points(input.begin(), input.end());
  std::ranges::sort(points, [](const Point& a, const Point& b) { return a.x_m < b.x_m || (a.x_m == b.x_m && a.y_m < b.y_m); });
  points.erase(std::unique(points.begin(), points.end()), points.end());
  if (points.size() < 3) return points;
  std::vector<Point> hull(2 * points.size());
  std::size_t k = 0;
  for (const Point& p : points) {  // lower chain
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
    hull[k++] = p;
  }
  for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {  // upper chain
    while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
    hull[k++] = points[i];
  }
  hull.resize(k - 1);  // the last point is the first again
  return hull;
}

OrientedRectangle minimumAreaRectangle(std::span<const Point> points) {
  const std::vector<Point> hull = convexHull(points);
  if (hull.empty()) return {};
  Extent best = extentAlong(hull, 0);
  for (std::size_t i = 0; i < hull.size(); ++i) {
    const Point& a = hull[i];
    const Point& b = hull[(i + 1) % hull.size()];
    const Extent e = extentAlong(hull, std::atan2(b.y_m - a.y_m, b.x_m - a.x_m));
    if (e.area < best.area) best = e;
  }
  double width = best.maxU - best.minU, depth = best.maxV - best.minV, angle = best.angle;
  if (depth > width) {  // the longer side is the width: turn the frame a quarter
    std::swap(width, depth);
    angle += std::numbers::pi / 2;
  }
  const double cu = (best.minU + best.maxU) / 2, cv = (best.minV + best.maxV) / 2;
  const double c = std::cos(best.angle), s = std::sin(best.angle);
  double degrees = std::remainder(angle * 180 / std::numbers::pi, 180.0);  // a rectangle repeats every 180°
  if (degrees <= -90) degrees += 180;
  return OrientedRectangle{{cu * c - cv * s, cu * s + cv * c}, width, depth, degrees};
}

}  // namespace parktwin::geo
