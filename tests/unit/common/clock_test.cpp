// The twin's one clock: times worked out by hand from wall times passed in.
#include <gtest/gtest.h>

#include "parktwin/common/clock.hpp"

namespace {

using parktwin::Clock;
constexpr std::int64_t kHour = 3'600'000;

Clock dayClock() {
  Clock clock;
  clock.setRange(0, 24 * kHour);
  return clock;
}

TEST(Clock, PausedStaysPut) {
  Clock clock = dayClock();
  clock.seek(5 * kHour, 1'000);
  EXPECT_EQ(clock.now(1'000), 5 * kHour);
  EXPECT_EQ(clock.now(999'999), 5 * kHour);
}

TEST(Clock, PlayingAtSpeedAdvancesSpeedTimesWallTime) {
  Clock clock = dayClock();
  clock.seek(kHour, 0);
  clock.setSpeed(3600, 0);  // one hour of data per wall second
  clock.play(10'000);
  EXPECT_EQ(clock.now(10'000), kHour);
  EXPECT_EQ(clock.now(12'000), 3 * kHour);  // 2 s of wall time = 2 h of data
}

TEST(Clock, ChangingSpeedKeepsTheCurrentTime) {
  Clock clock = dayClock();
  clock.setSpeed(60, 0);
  clock.play(0);
  EXPECT_EQ(clock.now(60'000), kHour);  // 1 min wall at 60x
  clock.setSpeed(120, 60'000);
  EXPECT_EQ(clock.now(60'000), kHour);
  EXPECT_EQ(clock.now(90'000), 2 * kHour);  // +30 s wall at 120x = +1 h
}

TEST(Clock, PauseFreezesWhereItWas) {
  Clock clock = dayClock();
  clock.setSpeed(10, 0);
  clock.play(0);
  clock.pause(1'000);
  EXPECT_EQ(clock.now(1'000), 10'000);
  EXPECT_EQ(clock.now(50'000), 10'000);
}

TEST(Clock, StopsAtTheEndUnlessLooping) {
  Clock clock = dayClock();
  clock.seek(23 * kHour, 0);
  clock.setSpeed(3600, 0);
  clock.play(0);
  EXPECT_EQ(clock.now(5'000), 24 * kHour);
  EXPECT_TRUE(clock.finished(5'000));
  clock.setLoop(true);
  EXPECT_EQ(clock.now(2'000), 1 * kHour - 1);  // 25 h into a 24 h (+1 ms) range wraps
  EXPECT_FALSE(clock.finished(2'000));
}

TEST(Clock, SeekIsClampedToTheRange) {
  Clock clock = dayClock();
  clock.seek(-5, 0);
  EXPECT_EQ(clock.now(0), 0);
  clock.seek(100 * kHour, 0);
  EXPECT_EQ(clock.now(0), 24 * kHour);
}

TEST(Clock, LiveFollowsTheWallClockAndSeekLeavesLive) {
  Clock clock = dayClock();
  clock.goLive();
  EXPECT_EQ(clock.now(123'456), 123'456);
  clock.seek(2 * kHour, 123'456);
  EXPECT_EQ(clock.mode(), Clock::Mode::Paused);
  EXPECT_EQ(clock.now(999'999), 2 * kHour);
}

TEST(Clock, SpeedIsLimitedTo01To10000) {
  Clock clock = dayClock();
  clock.setSpeed(0.001, 0);
  EXPECT_DOUBLE_EQ(clock.speed(), 0.1);
  clock.setSpeed(1e9, 0);
  EXPECT_DOUBLE_EQ(clock.speed(), 10'000);
}

}  // namespace
