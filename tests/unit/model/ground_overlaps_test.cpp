// Overlaps on the ground against figures worked by hand: axis-aligned halls, a hall turned 45°,
// a PV field's square (its side from its peak power), housed utilities left out.
#include <gtest/gtest.h>

#include <cmath>

#include "minimal_park.hpp"
#include "parktwin/model/ground_overlaps.hpp"

namespace parktwin::model {
namespace {

using test_parks::minimalParkRead;

// The mini park's hall spans x 20..80, y 35..65 (60 x 30 at 50, 50); the store is 40 x 20.
Park withStoreAt(double x_m, double y_m = 50) {
  Park park = minimalParkRead();
  park.buildings[1].position = {x_m, y_m};
  return park;
}

TEST(GroundOverlaps, TheMiniParkHasNone) { EXPECT_TRUE(groundOverlaps(minimalParkRead()).empty()); }

// parktwin-cli check --lang zh words it as the window does (QA: English under --lang zh).
TEST(GroundOverlaps, AnOverlapIsWordedInEitherLanguage) {
  const auto overlaps = groundOverlaps(withStoreAt(95));
  ASSERT_EQ(overlaps.size(), 1u);
  EXPECT_EQ(groundOverlapText(overlaps[0], "en"), "/buildings/1 (store) and /buildings/0 (hall) overlap by 5 m");
  EXPECT_EQ(groundOverlapText(overlaps[0], "zh"), "/buildings/1 (store) 与 /buildings/0 (hall) 重叠 5 米");
}

TEST(GroundOverlaps, AStoreFiveMetresIntoTheHallIsNamedWithItsDepth) {
  // The store at x 95 spans 75..115: 5 m into the hall's 20..80, all of its depth inside.
  const auto overlaps = groundOverlaps(withStoreAt(95));
  ASSERT_EQ(overlaps.size(), 1u);
  EXPECT_EQ(overlaps[0], (GroundOverlap{"/buildings/0", "hall", "/buildings/1", "store", 5}));
  EXPECT_EQ(groundOverlapText(overlaps[0]), "/buildings/1 (store) and /buildings/0 (hall) overlap by 5 m");
}

TEST(GroundOverlaps, WallsThatTouchOrNearlyDoAreNoOverlap) {
  EXPECT_TRUE(groundOverlaps(withStoreAt(100)).empty());    // 80 | 80: a shared wall line
  EXPECT_TRUE(groundOverlaps(withStoreAt(99.6)).empty());   // 0.4 m, under the tolerance
  EXPECT_EQ(groundOverlaps(withStoreAt(99.4)).size(), 1u);  // 0.6 m
}

// Two 10 m squares, one turned 45° at the origin (a diamond reaching 7.07 m along x and y).
Park squares(double other_x_m, double other_y_m) {
  Park park = minimalParkRead();
  park.buildings[0].position = {0, 0}, park.buildings[0].width_m = 10, park.buildings[0].depth_m = 10;
  park.buildings[0].rotation_deg = 45;
  park.buildings[1].position = {other_x_m, other_y_m}, park.buildings[1].width_m = 10, park.buildings[1].depth_m = 10;
  park.utilities.clear();
  return park;
}

TEST(GroundOverlaps, ATurnedHallOverlapsByItsCornerAsDrawn) {
  // The diamond's corner at x = 5√2 = 7.07 m enters the square beside it (x from 5) by 2.07 m.
  const auto overlaps = groundOverlaps(squares(10, 0));
  ASSERT_EQ(overlaps.size(), 1u);
  EXPECT_NEAR(overlaps[0].depth_m, 5 * std::sqrt(2.0) - 5, 1e-9);
  // Boxes drawn round them would overlap (1.57 m each way), the shapes do not: the square's
  // nearest corner (5.5, 5.5) is at |x| + |y| = 11 from the diamond's centre, past its 7.07.
  EXPECT_TRUE(groundOverlaps(squares(10.5, 10.5)).empty());
}

TEST(GroundOverlaps, APvFieldOnAHallIsNamedAndAHousedOneIsNot) {
  Park park = minimalParkRead();
  Utility pv;
  pv.id = "pv", pv.name = {"光伏", "PV"}, pv.kind = UtilityKind::pv, pv.position = {50, 50}, pv.power_kw = 1000;
  park.utilities.push_back(pv);
  // 1,000 kWp at 15 m² each: a square of √15,000 = 122.47 m; over the 60 x 30 hall at the same
  // centre it reaches 61.24 + 15 = 76.24 m along y (and more along x).
  auto overlaps = groundOverlaps(park);
  ASSERT_EQ(overlaps.size(), 1u);
  EXPECT_EQ(overlaps[0].first_path, "/buildings/0");
  EXPECT_EQ(overlaps[0].second_path, "/utilities/1");
  EXPECT_NEAR(overlaps[0].depth_m, std::sqrt(15'000.0) / 2 + 15, 1e-9);
  EXPECT_EQ(groundOverlapText(overlaps[0]), "/utilities/1 (pv) and /buildings/0 (hall) overlap by 76.2 m");
  park.utilities.back().building = "hall";
  EXPECT_TRUE(groundOverlaps(park).empty());
}

// Add building twice at one view centre (QA: the second landed on the first, and the overlap
// warning showed at once). One 40 x 30 m building at (0, 0); a new 40 x 30 m one wanted there.
Park oneBuildingAtTheOrigin() {
  Park park;
  Building b;
  b.id = "first";
  b.width_m = 40;
  b.depth_m = 30;
  park.buildings.push_back(b);
  return park;
}

TEST(FreeGroundNear, FreeGroundIsKeptAsWanted) {
  const Point at = freeGroundNear(oneBuildingAtTheOrigin(), {200, 0}, 40, 30);
  EXPECT_EQ(at, (Point{200, 0}));
}

TEST(FreeGroundNear, ASecondBuildingLandsBesideTheFirstWithTheGap) {
  Park park = oneBuildingAtTheOrigin();
  // The nearest grid points step 30 + 10 = 40 m north or south, or 40 + 10 = 50 m east or west:
  // north first (of equal distances, counter-clockwise from east). Walls 40 - 15 - 15 = 10 m apart.
  const Point second = freeGroundNear(park, {0, 0}, 40, 30);
  EXPECT_EQ(second, (Point{0, 40}));
  park.buildings.push_back(park.buildings[0]);
  park.buildings.back().id = "second";
  park.buildings.back().position = second;
  EXPECT_TRUE(groundOverlaps(park).empty());
  // The third: south, the other point 40 m away.
  EXPECT_EQ(freeGroundNear(park, {0, 0}, 40, 30), (Point{0, -40}));
}

TEST(FreeGroundNear, ASpotCloserThanTheGapIsNotFree) {
  // Wanted 45 m east of the first's centre: walls 45 - 20 - 20 = 5 m apart, under the 10 m gap.
  const Point at = freeGroundNear(oneBuildingAtTheOrigin(), {45, 0}, 40, 30);
  // 40 m north is free: walls 40 - 15 - 15 = 10 m apart in y.
  EXPECT_EQ(at, (Point{45, 40}));
}

}  // namespace
}  // namespace parktwin::model
