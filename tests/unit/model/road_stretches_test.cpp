// Where a road's name may go: the stretches of its centre line clear of every other road, against
// figures worked by hand. Road A runs 200 m east from (-100, 0), 10 m wide; the other road's
// reach is its half width plus the clearance (5 m) round its centre line.
#include <gtest/gtest.h>

#include <cmath>

#include "parktwin/model/road_stretches.hpp"

namespace parktwin::model {
namespace {

Road road(std::string id, double width_m, std::vector<Point> path) {
  Road r;
  r.id = std::move(id);
  r.width_m = width_m;
  r.path = std::move(path);
  return r;
}

const Road avenue = road("a", 10, {{-100, 0}, {100, 0}});

void expectStretches(const std::vector<RoadStretch>& got, const std::vector<RoadStretch>& expected) {
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].segment, expected[i].segment) << i;
    EXPECT_NEAR(got[i].from_m, expected[i].from_m, 1e-6) << i;
    EXPECT_NEAR(got[i].to_m, expected[i].to_m, 1e-6) << i;
  }
}

TEST(RoadStretches, AloneARoadIsClearAllAlongEvenRoundItsBends) {
  expectStretches(clearRoadStretches({road("l", 8, {{0, 0}, {100, 0}, {100, 60}})}, 0), {{0, 0, 100}, {1, 0, 60}});
}

// A cross: B runs north through (0, 0), 10 m wide, so A is blocked where |x| < 5 + 5: from 90 m
// to 110 m along it. The middle of A's only segment, where its name went, is the crossing.
TEST(RoadStretches, ACrossingSplitsTheRoadAwayFromTheOtherRoad) {
  const std::vector<Road> roads{avenue, road("b", 10, {{0, -100}, {0, 100}})};
  expectStretches(clearRoadStretches(roads, 0), {{0, 0, 90}, {0, 110, 200}});
  expectStretches(clearRoadStretches(roads, 1), {{0, 0, 90}, {0, 110, 200}});
}

// B crosses at 45°: (x, 0) lies |x| / sqrt 2 from B's centre line, within 10 m where |x| < 10 sqrt 2.
TEST(RoadStretches, ASlantCrossingTakesMoreOfTheRoad) {
  const std::vector<Road> roads{avenue, road("b", 10, {{-100, -100}, {100, 100}})};
  const double half = 10 * std::sqrt(2.0);
  expectStretches(clearRoadStretches(roads, 0), {{0, 0, 100 - half}, {0, 100 + half, 200}});
}

// B, 8 m wide, starts at (50, 0) on A and runs north: within 4 + 5 = 9 m of it are x 41..59
// (west of 50 the distance is to B's end point, east of it across B).
TEST(RoadStretches, ARoadMeetingItInATTakesItsPart) {
  const std::vector<Road> roads{avenue, road("b", 8, {{50, 0}, {50, 100}})};
  expectStretches(clearRoadStretches(roads, 0), {{0, 0, 141}, {0, 159, 200}});
  // B itself loses its first 5 + 5 m, where it leaves A.
  expectStretches(clearRoadStretches(roads, 1), {{0, 10, 100}});
}

TEST(RoadStretches, ARoadEndingOnAnotherIsClearUpToIt) {
  const std::vector<Road> roads{avenue, road("b", 8, {{100, -60}, {100, 60}})};
  expectStretches(clearRoadStretches(roads, 0), {{0, 0, 191}});
}

// A road 12 m beside A's centre line, 10 m wide, reaches 10 m: A is clear; 8 m beside, it is not.
TEST(RoadStretches, ARoadAlongsideBlocksOnlyWhenCloserThanItsReach) {
  expectStretches(clearRoadStretches({avenue, road("b", 10, {{-100, 12}, {100, 12}})}, 0), {{0, 0, 200}});
  EXPECT_TRUE(clearRoadStretches({avenue, road("b", 10, {{-100, 8}, {100, 8}})}, 0).empty());
}

TEST(RoadStretches, TheClearanceIsTheCallersToChoose) {
  const std::vector<Road> roads{avenue, road("b", 10, {{0, -100}, {0, 100}})};
  expectStretches(clearRoadStretches(roads, 0, 0), {{0, 0, 95}, {0, 105, 200}});
}

TEST(RoadStretches, AnIndexOutOfRangeHasNoStretch) { EXPECT_TRUE(clearRoadStretches({avenue}, 1).empty()); }

}  // namespace
}  // namespace parktwin::model
