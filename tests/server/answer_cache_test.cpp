// answer_cache.hpp and its use by HistoryAdapter: answers kept by what they depend on for a
// bounded age, dropped by this server's own commits of samples they depend on, never kept when
// read before such a commit. Times are given explicitly (no sleeping); the expected answers are worked out by hand.
#include <gtest/gtest.h>

#include <chrono>

#include "../unit/store/temp_dir.hpp"
#include "history_adapter.hpp"
#include "answer_cache.hpp"

namespace parktwin::server {
namespace {

using namespace std::chrono_literals;
using Clock = AnswerCache::Clock;
using Key = AnswerCache::Key;

Key at(std::int64_t t) { return Key{t, {}}; }

std::shared_ptr<const std::string> text(const char* s) { return std::make_shared<const std::string>(s); }

TEST(AnswerCache, KeepsAnAnswerForItsTimeUntilItIsTooOld) {
  AnswerCache cache(100ms);
  const Clock::time_point t0{};
  cache.put(at(1000), cache.ticket(), text("at 1000"), t0);
  ASSERT_NE(nullptr, cache.find(at(1000), t0 + 99ms));
  EXPECT_EQ("at 1000", *cache.find(at(1000), t0 + 99ms));
  EXPECT_EQ(nullptr, cache.find(at(1001), t0 + 1ms));  // another T is another answer
  EXPECT_EQ(nullptr, cache.find(at(1000), t0 + 100ms));
}

TEST(AnswerCache, ACommitDropsTheAnswersAtOrAfterItsOldestSample) {
  AnswerCache cache(1000ms);
  const Clock::time_point t0{};
  for (std::int64_t t : {100, 200, 300}) cache.put(at(t), cache.ticket(), text("x"), t0);
  cache.invalidateFrom(200);  // a sample at 200 changes the state at 200 and 300, not at 100
  EXPECT_NE(nullptr, cache.find(at(100), t0));
  EXPECT_EQ(nullptr, cache.find(at(200), t0));
  EXPECT_EQ(nullptr, cache.find(at(300), t0));
}

TEST(AnswerCache, AnAnswerReadBeforeACommitIsNotKept) {
  AnswerCache cache(1000ms);
  const std::uint64_t ticket = cache.ticket();  // the read starts
  cache.invalidateFrom(5000);                   // a commit lands meanwhile (even at a later T)
  cache.put(at(100), ticket, text("stale?"), Clock::time_point{});
  EXPECT_EQ(nullptr, cache.find(at(100), Clock::time_point{}));
}

TEST(AnswerCache, StaysWithinItsCapacity) {
  AnswerCache cache(1000ms, 2);
  const Clock::time_point t0{};
  cache.put(at(1), cache.ticket(), text("1"), t0);
  cache.put(at(2), cache.ticket(), text("2"), t0 + 1ms);
  cache.put(at(3), cache.ticket(), text("3"), t0 + 2ms);  // full, nothing aged out: the oldest (1) goes
  EXPECT_EQ(nullptr, cache.find(at(1), t0 + 2ms));
  EXPECT_NE(nullptr, cache.find(at(2), t0 + 2ms));
  EXPECT_NE(nullptr, cache.find(at(3), t0 + 2ms));
  cache.put(at(0), cache.ticket(), text("0"), t0 + 3ms);  // the oldest by age (2), not by key (0 < 2)
  EXPECT_EQ(nullptr, cache.find(at(2), t0 + 3ms));
  EXPECT_NE(nullptr, cache.find(at(0), t0 + 3ms));
  cache.put(at(4), cache.ticket(), text("4"), t0 + 1500ms);  // 3 and 0 aged out: dropped, 4 kept
  EXPECT_EQ(nullptr, cache.find(at(3), t0 + 1500ms));
  EXPECT_NE(nullptr, cache.find(at(4), t0 + 1500ms));
}

TEST(AnswerCache, TheServersOwnCommitDropsTheAnswersItChanges) {
  store::test::TempDir dir;
  model::Park park;
  park.id = "mini";
  park.tags.emplace_back().id = "furnace.temp";  // the one tag the test writes
  auto history = HistoryAdapter::open((dir.path() / "h.db").string(), park);
  ASSERT_TRUE(history) << history.error().message;
  AnswerCache& cache = (*history)->answerCache();
  const auto now = Clock::now();
  cache.put(at(1000), cache.ticket(), text("at 1000"), now);
  cache.put(at(3000), cache.ticket(), text("at 3000"), now);
  (*history)->append("furnace.temp", 2000, 812.5);
  ASSERT_TRUE((*history)->commit());
  EXPECT_NE(nullptr, cache.find(at(1000), now));  // a sample at 2000 leaves the state at 1000 as it was
  EXPECT_EQ(nullptr, cache.find(at(3000), now));
  ASSERT_TRUE((*history)->commit());  // nothing appended: nothing dropped
  EXPECT_NE(nullptr, cache.find(at(1000), now));
}

TEST(AnswerCache, ASeriesIsDroppedByASampleBeforeItsEndOnly) {
  AnswerCache cache(1000ms);
  const Clock::time_point t0{};
  // Series over [1000, 2000) and [1000, 3000) of one tag: they depend on samples up to 1999 and 2999.
  const Key shortRange{1999, "furnace.temp\n1000\n10"}, longRange{2999, "furnace.temp\n1000\n10"};
  cache.put(shortRange, cache.ticket(), text("short"), t0);
  cache.put(longRange, cache.ticket(), text("long"), t0);
  cache.put(at(1999), cache.ticket(), text("state"), t0);
  ASSERT_NE(nullptr, cache.find(shortRange, t0));
  ASSERT_NE(nullptr, cache.find(at(1999), t0));
  EXPECT_EQ("short", *cache.find(shortRange, t0));  // the same T, another question: another answer
  EXPECT_EQ("state", *cache.find(at(1999), t0));
  cache.invalidateFrom(2000);  // a sample at 2000 is outside [1000, 2000)
  EXPECT_NE(nullptr, cache.find(shortRange, t0));
  EXPECT_EQ(nullptr, cache.find(longRange, t0));
  cache.invalidateFrom(1999);
  EXPECT_EQ(nullptr, cache.find(shortRange, t0));
}

}  // namespace
}  // namespace parktwin::server
