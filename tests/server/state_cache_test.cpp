// state_cache.hpp and its use by HistoryAdapter: answers kept by T for a bounded age, dropped
// by this server's own commits of samples at or before T, never kept when read before such a
// commit. Times are given explicitly (no sleeping); the expected answers are worked out by hand.
#include <gtest/gtest.h>

#include <chrono>

#include "../unit/store/temp_dir.hpp"
#include "history_adapter.hpp"
#include "state_cache.hpp"

namespace parktwin::server {
namespace {

using namespace std::chrono_literals;
using Clock = StateCache::Clock;

std::shared_ptr<const std::string> text(const char* s) { return std::make_shared<const std::string>(s); }

TEST(StateCache, KeepsAnAnswerForItsTimeUntilItIsTooOld) {
  StateCache cache(100ms);
  const Clock::time_point t0{};
  cache.put(1000, cache.ticket(), text("at 1000"), t0);
  ASSERT_NE(nullptr, cache.find(1000, t0 + 99ms));
  EXPECT_EQ("at 1000", *cache.find(1000, t0 + 99ms));
  EXPECT_EQ(nullptr, cache.find(1001, t0 + 1ms));  // another T is another answer
  EXPECT_EQ(nullptr, cache.find(1000, t0 + 100ms));
}

TEST(StateCache, ACommitDropsTheAnswersAtOrAfterItsOldestSample) {
  StateCache cache(1000ms);
  const Clock::time_point t0{};
  for (std::int64_t t : {100, 200, 300}) cache.put(t, cache.ticket(), text("x"), t0);
  cache.invalidateFrom(200);  // a sample at 200 changes the state at 200 and 300, not at 100
  EXPECT_NE(nullptr, cache.find(100, t0));
  EXPECT_EQ(nullptr, cache.find(200, t0));
  EXPECT_EQ(nullptr, cache.find(300, t0));
}

TEST(StateCache, AnAnswerReadBeforeACommitIsNotKept) {
  StateCache cache(1000ms);
  const std::uint64_t ticket = cache.ticket();  // the read starts
  cache.invalidateFrom(5000);                   // a commit lands meanwhile (even at a later T)
  cache.put(100, ticket, text("stale?"), Clock::time_point{});
  EXPECT_EQ(nullptr, cache.find(100, Clock::time_point{}));
}

TEST(StateCache, StaysWithinItsCapacity) {
  StateCache cache(1000ms, 2);
  const Clock::time_point t0{};
  cache.put(1, cache.ticket(), text("1"), t0);
  cache.put(2, cache.ticket(), text("2"), t0 + 1ms);
  cache.put(3, cache.ticket(), text("3"), t0 + 2ms);  // full, nothing aged out: starts again
  EXPECT_EQ(nullptr, cache.find(1, t0 + 2ms));
  EXPECT_NE(nullptr, cache.find(3, t0 + 2ms));
  cache.put(4, cache.ticket(), text("4"), t0 + 1500ms);  // 3 aged out: dropped, 4 kept
  EXPECT_EQ(nullptr, cache.find(3, t0 + 1500ms));
  EXPECT_NE(nullptr, cache.find(4, t0 + 1500ms));
}

TEST(StateCache, TheServersOwnCommitDropsTheAnswersItChanges) {
  store::test::TempDir dir;
  model::Park park;
  park.id = "mini";
  park.tags.emplace_back().id = "furnace.temp";  // the one tag the test writes
  auto history = HistoryAdapter::open((dir.path() / "h.db").string(), park);
  ASSERT_TRUE(history) << history.error().message;
  StateCache& cache = (*history)->stateCache();
  const auto now = Clock::now();
  cache.put(1000, cache.ticket(), text("at 1000"), now);
  cache.put(3000, cache.ticket(), text("at 3000"), now);
  (*history)->append("furnace.temp", 2000, 812.5);
  ASSERT_TRUE((*history)->commit());
  EXPECT_NE(nullptr, cache.find(1000, now));  // a sample at 2000 leaves the state at 1000 as it was
  EXPECT_EQ(nullptr, cache.find(3000, now));
  ASSERT_TRUE((*history)->commit());  // nothing appended: nothing dropped
  EXPECT_NE(nullptr, cache.find(1000, now));
}

}  // namespace
}  // namespace parktwin::server
