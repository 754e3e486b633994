#include "road_layout.hpp"

#include <QVariantMap>
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "parktwin/model/park.hpp"
#include "parktwin/model/road_stretches.hpp"
#include "scene_frame.hpp"

namespace parktwin::app {
namespace {

// A segment as the view draws it: a rectangle round its centre, its length along (ux, uy).
struct SegmentBox {
  double cx = 0, cy = 0;
  double ux = 1, uy = 0;  // unit vector along the segment
  double halfLength = 0, halfWidth = 0;
  double width = 0;  // the road's: wider roads are placed first
};

std::vector<SegmentBox> boxesOf(const std::vector<model::Road>& roads) {
  std::vector<SegmentBox> boxes;
  for (const auto& road : roads) {
    for (std::size_t i = 0; i + 1 < road.path.size(); ++i) {
      const auto& a = road.path[i];
      const auto& b = road.path[i + 1];
      const double length = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
      SegmentBox box;
      box.cx = (a.x_m + b.x_m) / 2;
      box.cy = (a.y_m + b.y_m) / 2;
      if (length > 0) {
        box.ux = (b.x_m - a.x_m) / length;
        box.uy = (b.y_m - a.y_m) / length;
      }
      box.halfLength = (length + road.width_m) / 2;
      box.halfWidth = road.width_m / 2;
      box.width = road.width_m;
      boxes.push_back(box);
    }
  }
  return boxes;
}

// How far the box reaches from its centre along the unit axis (x, y).
double reach(const SegmentBox& s, double x, double y) {
  return s.halfLength * std::abs(s.ux * x + s.uy * y) + s.halfWidth * std::abs(-s.uy * x + s.ux * y);
}

// Separating axes: two rectangles are apart when, along one of their four edge directions, the
// distance between their centres exceeds what they reach together. Touching is apart.
bool overlap(const SegmentBox& a, const SegmentBox& b) {
  const double dx = b.cx - a.cx, dy = b.cy - a.cy;
  // Most pairs lie far apart: their circles tell at once (an imported park has thousands).
  const double circles = std::hypot(a.halfLength, a.halfWidth) + std::hypot(b.halfLength, b.halfWidth);
  if (dx * dx + dy * dy >= circles * circles) return false;
  const std::array<std::array<double, 2>, 4> axes{{{a.ux, a.uy}, {-a.uy, a.ux}, {b.ux, b.uy}, {-b.uy, b.ux}}};
  return std::ranges::none_of(axes, [&](const auto& axis) {
    return std::abs(dx * axis[0] + dy * axis[1]) >= reach(a, axis[0], axis[1]) + reach(b, axis[0], axis[1]) - 1e-9;
  });
}

// Where the name of roads[index] may go, best first (roadNameLabels): on the stretches clear of
// every other road (twin's clearRoadStretches), so a name never lies over a crossing (QA).
QVariantList roadNameSpots(const std::vector<model::Road>& roads, std::size_t index) {
  struct Spot {
    double x, y, ux, uy, room, rank;
  };
  const model::Road& road = roads[index];
  std::vector<Spot> spots;
  for (const model::RoadStretch& stretch : model::clearRoadStretches(roads, index)) {
    const auto& a = road.path[stretch.segment];
    const auto& b = road.path[stretch.segment + 1];
    const double segment = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
    const double ux = (b.x_m - a.x_m) / segment, uy = (b.y_m - a.y_m) / segment;
    const double length = stretch.to_m - stretch.from_m;
    // The middle of a stretch before any quarter, longer stretches first.
    for (const double t : {0.5, 0.25, 0.75}) {
      const double at = stretch.from_m + t * length;
      spots.push_back({a.x_m + at * ux, a.y_m + at * uy, ux, uy, length * std::min(t, 1 - t), (t == 0.5 ? 1e12 : 0) + length});
    }
  }
  std::ranges::stable_sort(spots, [](const Spot& p, const Spot& q) { return p.rank > q.rank; });
  if (spots.size() > 9) spots.resize(9);  // tried at every camera move: a long polyline has hundreds
  QVariantList out;
  for (const Spot& s : spots) {
    out.push_back(QVariantMap{{"position", toScene(s.x, s.y, kRoadTopM)},
                              {"ahead", toScene(s.x + 10 * s.ux, s.y + 10 * s.uy, kRoadTopM)},
                              {"edge", toScene(s.x - s.uy * road.width_m / 2, s.y + s.ux * road.width_m / 2, kRoadTopM)},
                              {"roomM", s.room}});
  }
  return out;
}

}  // namespace

std::vector<double> roadSegmentTops(const std::vector<model::Road>& roads) {
  const std::vector<SegmentBox> boxes = boxesOf(roads);
  std::vector<std::size_t> order(boxes.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) { return boxes[a].width > boxes[b].width; });
  // Greedy colouring, widest first: each segment takes the highest level that no overlapping
  // segment placed before it holds, so a lane meeting an avenue lies under it. A grid of roads
  // needs two levels, a bend in a road one more.
  std::vector<int> level(boxes.size(), -1);
  for (std::size_t i : order) {
    std::array<bool, kRoadLevels> taken{};
    for (std::size_t j = 0; j < boxes.size(); ++j) {
      if (level[j] >= 0 && overlap(boxes[i], boxes[j])) taken[std::size_t(level[j])] = true;
    }
    const auto free = std::ranges::find(taken, false);
    // Never seen: a segment overlapped by kRoadLevels others all on different levels. It
    // shares the lowest level, where at worst it flickers as before.
    level[i] = free == taken.end() ? kRoadLevels - 1 : int(free - taken.begin());
  }
  std::vector<double> tops;
  tops.reserve(level.size());
  for (int l : level) tops.push_back(kRoadTopM - kRoadLevelStepM * l);
  return tops;
}

QVariantList roadNameLabels(const std::vector<model::Road>& roads, const std::string& language) {
  QVariantList out;
  for (std::size_t index = 0; index < roads.size(); ++index) {
    const model::Road& road = roads[index];
    if (road.name.in(language).empty()) continue;
    const QVariantList spots = roadNameSpots(roads, index);
    if (spots.isEmpty()) continue;  // crossed or overlaid all along: no place for a name
    double length = 0;
    for (std::size_t i = 0; i + 1 < road.path.size(); ++i) {
      length += std::hypot(road.path[i + 1].x_m - road.path[i].x_m, road.path[i + 1].y_m - road.path[i].y_m);
    }
    // Under every zone's 0.5 (scene_controller.cpp): between 0.1 and 0.4, longer roads higher.
    out.push_back(QVariantMap{{"id", QString::fromStdString(road.id)},
                              {"text", QString::fromStdString(road.name.in(language))},
                              {"position", spots.first().toMap().value("position")},
                              {"priority", 0.1 + 0.3 * length / (length + 1000)},
                              {"planned", false},
                              {"zone", false},
                              {"road", true},
                              {"spots", spots}});
  }
  return out;
}

}  // namespace parktwin::app
