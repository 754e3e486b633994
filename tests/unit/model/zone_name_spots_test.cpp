// Where the map names a zone: inside its outline and clear of every road, against figures worked
// by hand, and on both bundled parks (assets/parks) against their files' own outlines and roads.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "parktwin/model/park_file.hpp"
#include "parktwin/model/zone_name_spots.hpp"

namespace parktwin::model {
namespace {

Road road(double width_m, std::vector<Point> path) {
  Road r;
  r.id = "r";
  r.width_m = width_m;
  r.path = std::move(path);
  return r;
}

Zone zone(std::vector<Point> outline) {
  Zone z;
  z.id = "z";
  z.outline = std::move(outline);
  return z;
}

// The test's own geometry: a point's distance to a segment, and inside-ness by the winding of a
// simple polygon's edges round it (not the even-odd rule the code uses).
double distance(Point p, Point a, Point b) {
  const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m;
  const double t = std::clamp(((p.x_m - a.x_m) * dx + (p.y_m - a.y_m) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
  return std::hypot(p.x_m - (a.x_m + t * dx), p.y_m - (a.y_m + t * dy));
}
bool inside(Point p, const std::vector<Point>& outline) {
  double turned = 0;
  for (std::size_t i = 0; i < outline.size(); ++i) {
    const Point a = outline[i], b = outline[(i + 1) % outline.size()];
    turned += std::atan2((a.x_m - p.x_m) * (b.y_m - p.y_m) - (a.y_m - p.y_m) * (b.x_m - p.x_m),
                         (a.x_m - p.x_m) * (b.x_m - p.x_m) + (a.y_m - p.y_m) * (b.y_m - p.y_m));
  }
  return std::abs(turned) > 3;  // 2 pi inside, 0 outside
}
// How far p is from the edge of the nearest road (negative: on it).
double offRoads(Point p, const std::vector<Road>& roads) {
  double nearest = 1e300;
  for (const auto& r : roads) {
    for (std::size_t k = 0; k + 1 < r.path.size(); ++k)
      nearest = std::min(nearest, distance(p, r.path[k], r.path[k + 1]) - r.width_m / 2);
  }
  return nearest;
}

// A 200 m square with a 20 m road across its middle (y = 100): the corners' mean lies on the road.
// Two bands are left, 0 to 90 and 110 to 200 m; the most room (45 m) is at the middle of either.
TEST(ZoneNameSpots, ARoadAcrossTheMiddleSendsTheNameToTheMiddleOfABand) {
  const Zone square = zone({{0, 0}, {200, 0}, {200, 200}, {0, 200}});
  const std::vector<Road> roads{road(20, {{-50, 100}, {250, 100}})};
  const auto spots = zoneNameSpots(square, roads);
  ASSERT_FALSE(spots.empty());
  EXPECT_NEAR(spots[0].x_m, 100, 5.01);  // the grid's step is 10 m: samples at 95 and 105
  EXPECT_TRUE(std::abs(spots[0].y_m - 45) <= 5.01 || std::abs(spots[0].y_m - 155) <= 5.01) << spots[0].y_m;
  for (const auto& p : spots) {
    EXPECT_TRUE(inside(p, square.outline)) << p.x_m << ", " << p.y_m;
    EXPECT_GE(std::abs(p.y_m - 100), 10 + kZoneNameRoadClearance_m) << p.x_m << ", " << p.y_m;
  }
}

// Without roads a rectangle's name goes to its middle (within the grid's half step, 15 m here:
// 600 / 20 along, 200 / 8 across); the other spots lie a quarter of its length (150 m) apart.
TEST(ZoneNameSpots, WithoutRoadsTheMiddleComesFirstAndTheOthersApart) {
  const Zone strip = zone({{0, 0}, {600, 0}, {600, 200}, {0, 200}});
  const auto spots = zoneNameSpots(strip, {});
  ASSERT_GE(spots.size(), 2u);
  EXPECT_NEAR(spots[0].x_m, 300, 15.01);
  EXPECT_NEAR(spots[0].y_m, 100, 12.51);
  for (std::size_t i = 0; i < spots.size(); ++i) {
    for (std::size_t j = i + 1; j < spots.size(); ++j)
      EXPECT_GE(std::hypot(spots[i].x_m - spots[j].x_m, spots[i].y_m - spots[j].y_m), 150 - 1e-9) << i << ", " << j;
  }
}

// An L whose corners' mean (133, 133) lies outside it, in the notch: every spot is inside.
TEST(ZoneNameSpots, AConcaveZonesNameStaysInsideIt) {
  const Zone ell = zone({{0, 0}, {300, 0}, {300, 100}, {100, 100}, {100, 300}, {0, 300}});
  ASSERT_FALSE(inside({133.3, 133.3}, ell.outline));
  const auto spots = zoneNameSpots(ell, {});
  ASSERT_FALSE(spots.empty());
  for (const auto& p : spots) EXPECT_TRUE(inside(p, ell.outline)) << p.x_m << ", " << p.y_m;
}

// A road wider than the zone leaves no clear point: one spot, as far from the road as the zone
// allows (its edge away from the road's centre line, within the grid's half step).
TEST(ZoneNameSpots, AZoneUnderARoadGetsItsPointFarthestFromIt) {
  const Zone small = zone({{0, 0}, {40, 0}, {40, 40}, {0, 40}});
  const auto spots = zoneNameSpots(small, {road(100, {{-100, 0}, {140, 0}})});
  ASSERT_EQ(spots.size(), 1u);
  EXPECT_NEAR(spots[0].y_m, 40, 2.51);
}

// The bundled parks: every spot of every zone inside its outline and clear of every road.
class BundledZoneNames : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledZoneNames, EverySpotIsInsideItsZoneAndOffEveryRoad) {
  const auto park = loadPark(std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/" + GetParam() + ".json");
  ASSERT_TRUE(park) << park.error().message;
  ASSERT_FALSE(park->zones.empty());
  for (const auto& z : park->zones) {
    const auto spots = zoneNameSpots(z, park->roads);
    ASSERT_FALSE(spots.empty()) << z.id;
    for (const auto& p : spots) {
      EXPECT_TRUE(inside(p, z.outline)) << z.id << " at " << p.x_m << ", " << p.y_m;
      EXPECT_GE(offRoads(p, park->roads), kZoneNameRoadClearance_m) << z.id << " at " << p.x_m << ", " << p.y_m;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Parks, BundledZoneNames, ::testing::Values("beidu", "jiulong"));

}  // namespace
}  // namespace parktwin::model
