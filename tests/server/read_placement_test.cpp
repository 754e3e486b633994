// State and series reads run on the network thread while they are quick, on the read pool for
// a while after a slow one, each kind on its own (the counts below are worked out by hand from
// the rule: the estimate falls to 7/8 of itself at each quick read).
#include "read_placement.hpp"

#include <gtest/gtest.h>

namespace parktwin::server {
namespace {

using std::chrono::microseconds;

TEST(ReadPlacement, QuickReadsStayOnTheNetworkThread) {
  ReadPlacement placement;
  EXPECT_TRUE(placement.onNetworkThread(HistoryRead::state));
  EXPECT_TRUE(placement.onNetworkThread(HistoryRead::series));
  for (int i = 0; i < 100; ++i) placement.record(HistoryRead::state, microseconds(150));
  EXPECT_TRUE(placement.onNetworkThread(HistoryRead::state));
  placement.record(HistoryRead::state, ReadPlacement::kQuick);  // at the limit: still quick
  EXPECT_TRUE(placement.onNetworkThread(HistoryRead::state));
}

TEST(ReadPlacement, ASlowReadSendsItsKindToThePoolUntilQuickReadsBringTheEstimateDown) {
  ReadPlacement placement;
  placement.record(HistoryRead::state, microseconds(400'000));
  EXPECT_FALSE(placement.onNetworkThread(HistoryRead::state));
  EXPECT_TRUE(placement.onNetworkThread(HistoryRead::series)) << "the other kind is not affected";
  // 400,000 µs × (7/8)^n ≤ 20,000 first at n = 23 (0.875^22 = 0.0530 → 21,196 µs; 0.875^23 →
  // 18,547), with integer division rounding each step down.
  int quickReads = 0;
  while (!placement.onNetworkThread(HistoryRead::state)) {
    placement.record(HistoryRead::state, microseconds(100));
    ++quickReads;
    ASSERT_LT(quickReads, 1000);
  }
  EXPECT_EQ(quickReads, 23);
}

TEST(ReadPlacement, ASlowReadAmongQuickOnesKeepsTheKindOffTheNetworkThread) {
  ReadPlacement placement;
  for (int round = 0; round < 5; ++round) {
    placement.record(HistoryRead::series, microseconds(500'000));  // × 0.875^10 = 131,500 µs
    for (int i = 0; i < 10; ++i) {
      placement.record(HistoryRead::series, microseconds(100));
      EXPECT_FALSE(placement.onNetworkThread(HistoryRead::series)) << "round " << round << ", read " << i;
    }
  }
}

}  // namespace
}  // namespace parktwin::server
