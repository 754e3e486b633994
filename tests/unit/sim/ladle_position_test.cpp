// Where a replayed ladle is drawn (ladle_position.hpp), against positions worked out by hand.
#include <gtest/gtest.h>

#include "parktwin/sim/ladle_position.hpp"

namespace parktwin::sim {
namespace {

// From potroom-1 (0, 200) to the casthouse (500, 240), leaving at 1,000 s and arriving at 1,100 s.
SimEvent trip() {
  SimEvent e;
  e.kind = SimEventKind::ladle_trip;
  e.object = e.from = "potline-1";
  e.to = "casthouse";
  e.start_ms = 1'000'000;
  e.end_ms = 1'100'000;
  e.from_position = {0, 200};
  e.to_position = {500, 240};
  e.amount_t = 10;
  return e;
}

TEST(LadlePosition, StartsAtTheSourceAndEndsAtTheDestination) {
  EXPECT_EQ(ladlePositionAt(trip(), 1'000'000), (model::Point{0, 200}));
  EXPECT_EQ(ladlePositionAt(trip(), 1'100'000), (model::Point{500, 240}));
}

TEST(LadlePosition, MovesInProportionToTheTimeElapsed) {
  // A quarter of the way: 0 + 0.25 x 500 = 125 m east, 200 + 0.25 x 40 = 210 m north.
  const auto quarter = ladlePositionAt(trip(), 1'025'000);
  ASSERT_TRUE(quarter.has_value());
  EXPECT_DOUBLE_EQ(quarter->x_m, 125);
  EXPECT_DOUBLE_EQ(quarter->y_m, 210);
  const auto half = ladlePositionAt(trip(), 1'050'000);
  ASSERT_TRUE(half.has_value());
  EXPECT_DOUBLE_EQ(half->x_m, 250);
  EXPECT_DOUBLE_EQ(half->y_m, 220);
}

TEST(LadlePosition, NowhereBeforeOrAfterTheTrip) {
  EXPECT_FALSE(ladlePositionAt(trip(), 999'999).has_value());
  EXPECT_FALSE(ladlePositionAt(trip(), 1'100'001).has_value());
}

TEST(LadlePosition, NowhereForAnInstantOrAStateChange) {
  SimEvent instant = trip();
  instant.end_ms = instant.start_ms;
  EXPECT_FALSE(ladlePositionAt(instant, instant.start_ms).has_value());
  SimEvent change = trip();
  change.kind = SimEventKind::state_change;
  EXPECT_FALSE(ladlePositionAt(change, 1'050'000).has_value());
}

}  // namespace
}  // namespace parktwin::sim
