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

Building building(std::string id, Point centre, double width_m, double depth_m) {
  Building b;
  b.id = std::move(id);
  b.position = centre;
  b.width_m = width_m;
  b.depth_m = depth_m;
  return b;
}
// How far p is from an unturned footprint (0 inside): the test's own, by its corners.
double offFootprint(Point p, const Building& b) {
  const double x0 = b.position.x_m - b.width_m / 2, x1 = b.position.x_m + b.width_m / 2;
  const double y0 = b.position.y_m - b.depth_m / 2, y1 = b.position.y_m + b.depth_m / 2;
  const double dx = p.x_m < x0 ? x0 - p.x_m : p.x_m > x1 ? p.x_m - x1 : 0;
  const double dy = p.y_m < y0 ? y0 - p.y_m : p.y_m > y1 ? p.y_m - y1 : 0;
  return std::hypot(dx, dy);
}

// QA4 Q13's park (qijiang-xcl.park.json, its numbers copied): one works zone 292 x 211 m, a
// 10 m road across it at y = 11, five halls. Its name 新材料产业园厂区 lay at (0, -47), the
// south band's middle, on the main hall's east wall (x -97.5 to 0, y -49.9 to -5.5): its first
// characters ran over the hall. A name 50 m long (25 each way) has room only where no hall or
// road comes within 25 m: the east end (x 88 to 146) and the north (y 61 to 105) leave 27 to 29 m.
// The spots with that room come first (the others follow, for where labels take these): the first
// one, and every one before the first without that room, keeps the whole name clear.
TEST(ZoneNameSpots, ANamesWholeTextKeepsClearOfBuildingsAndRoads) {
  const Zone works = zone({{-146.19, -105.29}, {146.19, -105.29}, {146.18, 105.29}, {-146.18, 105.29}});
  const std::vector<Road> roads{road(10, {{-146.19, 11.08}, {146.19, 11.08}})};
  const std::vector<Building> halls{building("main-hall", {-48.73, -27.71}, 97.46, 44.33),
                                    building("coating", {58.47, -33.25}, 58.47, 33.25),
                                    building("warehouse", {-68.22, 44.33}, 58.47, 33.25),
                                    building("office", {14.62, 38.79}, 29.24, 22.17),
                                    building("substation", {73.09, 38.79}, 29.24, 22.17)};
  const double halfLength = 25;
  const auto spots = zoneNameSpots(works, roads, halls, halfLength);
  ASSERT_FALSE(spots.empty());
  const auto roomFor = [&](Point p) {
    double room = offRoads(p, roads);
    for (const auto& b : halls) room = std::min(room, offFootprint(p, b));
    return room;
  };
  EXPECT_GE(roomFor(spots[0]), halfLength) << spots[0].x_m << ", " << spots[0].y_m;
  bool roomySoFar = true;
  for (const auto& p : spots) {
    EXPECT_TRUE(inside(p, works.outline)) << p.x_m << ", " << p.y_m;
    EXPECT_GE(offRoads(p, roads), kZoneNameRoadClearance_m) << p.x_m << ", " << p.y_m;
    roomySoFar = roomySoFar && roomFor(p) >= halfLength;
    if (!roomySoFar) {
      EXPECT_LT(roomFor(p), halfLength) << "a roomy spot after a cramped one: " << p.x_m << ", " << p.y_m;
    }
  }
}

// A name longer than any room the zone has: the roomiest spot first. A 200 x 100 m zone with a
// 40 x 40 m hall at its west end (x 0 to 40, y 30 to 70): along y = 50 the room is the smaller of
// x - 40 (the hall), 200 - x (the east edge) and 50 (the long edges): 50 from x = 90 to 150, of
// which x = 100 lies nearest the zone's middle. A 400 m name (200 each way) fits nowhere: that
// spot first (the grid: 10 m, samples at 95 and 105, 45 and 55), others after it.
TEST(ZoneNameSpots, ANameTooLongForAnyRoomGetsTheRoomiestSpotFirst) {
  const Zone yard = zone({{0, 0}, {200, 0}, {200, 100}, {0, 100}});
  const std::vector<Building> halls{building("hall", {20, 50}, 40, 40)};
  const auto spots = zoneNameSpots(yard, {}, halls, 200);
  ASSERT_FALSE(spots.empty());
  EXPECT_NEAR(spots[0].x_m, 100, 5.01);
  EXPECT_NEAR(spots[0].y_m, 50, 5.01);
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
