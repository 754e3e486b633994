// stateSpans: a state tag's samples as spans of an hour, worked out by hand.
#include <gtest/gtest.h>

#include "parktwin/store/state_spans.hpp"

namespace parktwin::store {
namespace {

constexpr std::int64_t kMin = 60'000;

TEST(StateSpans, TheSampleBeforeTheWindowGivesItsStartAndEqualNeighboursMerge) {
  // Running since 10 min before the window, still running at 5 min (a repeated report), down
  // from 20 to 35 min, changeover until 40, running to the end of the hour.
  const std::vector<Sample> samples{{-10 * kMin, 0}, {5 * kMin, 0}, {20 * kMin, 3}, {35 * kMin, 2}, {40 * kMin, 0}};
  const auto spans = stateSpans(samples, 0, 60 * kMin);
  const std::vector<StateSpan> expected{{0, 20 * kMin, 0}, {20 * kMin, 35 * kMin, 3}, {35 * kMin, 40 * kMin, 2},
                                        {40 * kMin, 60 * kMin, 0}};
  EXPECT_EQ(spans, expected);
}

TEST(StateSpans, TimeBeforeTheFirstSampleIsUnknownAndLaterSamplesAreCut) {
  const std::vector<Sample> samples{{15 * kMin, 3.0000001}, {50 * kMin, 1}, {70 * kMin, 0}};
  const std::vector<StateSpan> expected{{15 * kMin, 50 * kMin, 3}, {50 * kMin, 60 * kMin, 1}};
  EXPECT_EQ(stateSpans(samples, 0, 60 * kMin), expected);
}

TEST(StateSpans, NoSamplesOrAnEmptyWindowGiveNoSpans) {
  EXPECT_TRUE(stateSpans({}, 0, 60 * kMin).empty());
  EXPECT_TRUE(stateSpans({{0, 3}}, 60 * kMin, 60 * kMin).empty());
  // Two samples at one instant: the later one holds from there.
  const std::vector<StateSpan> expected{{10 * kMin, 60 * kMin, 3}};
  EXPECT_EQ(stateSpans({{10 * kMin, 0}, {10 * kMin, 3}}, 0, 60 * kMin), expected);
}

TEST(StateShares, ShareOfTheKnownTimeLargestFirst) {
  // 45 min known (from 15 min): running 20 + 10 = 30 min, down 15 min, changeover 0 spans.
  const std::vector<StateSpan> spans{{15 * kMin, 35 * kMin, 0}, {35 * kMin, 50 * kMin, 3}, {50 * kMin, 60 * kMin, 0}};
  const std::vector<StateShare> expected{{0, 30.0 / 45}, {3, 15.0 / 45}};
  EXPECT_EQ(stateShares(spans), expected);
  // A tie keeps the lower state code first.
  const std::vector<StateShare> tie{{1, 0.5}, {2, 0.5}};
  EXPECT_EQ(stateShares({{0, kMin, 2}, {kMin, 2 * kMin, 1}}), tie);
  EXPECT_TRUE(stateShares({}).empty());
}

}  // namespace
}  // namespace parktwin::store
