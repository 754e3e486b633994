// When an alarm began, read back from a tag's history (model::violationOnset, AlarmOnsets):
// the first sample over the limit of the run the tag is in, checked against times worked out
// by hand from the samples written here.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "parktwin/model/alarm_onset.hpp"

namespace {

using namespace parktwin::model;

constexpr std::int64_t kMinute = 60'000, kHour = 60 * kMinute;

// One tag's history in memory; counts what was read, to check a step reads only its own span.
struct History {
  std::map<std::int64_t, double> samples;
  std::vector<std::pair<std::int64_t, std::int64_t>> reads;
  ReadTagSamples reader() {
    return [this](const std::string&, std::int64_t t0, std::int64_t t1) -> parktwin::Result<TagSamples> {
      reads.emplace_back(t0, t1);
      TagSamples out;
      for (auto it = samples.lower_bound(t0); it != samples.end() && it->first <= t1; ++it) {
        out.ts_ms.push_back(it->first);
        out.values.push_back(it->second);
      }
      return out;
    };
  }
  // A value every minute over [from, to).
  void fill(std::int64_t from, std::int64_t to, double value) {
    for (std::int64_t t = from; t < to; t += kMinute) samples[t] = value;
  }
  std::optional<double> valueAt(std::int64_t t) const {
    auto it = samples.upper_bound(t);
    if (it == samples.begin()) return std::nullopt;
    return std::prev(it)->second;
  }
};

const AlarmRule kHot{"hot", "bath", 975.0, std::nullopt, Severity::critical, {"过热", "Hot"}};

TEST(AlarmOnset, IsTheFirstSampleOverTheLimitOfTheRun) {
  History h;
  h.fill(0, 10 * kMinute, 960);            // 00:00..00:09 under
  h.fill(10 * kMinute, 40 * kMinute, 990);  // 00:10..00:39 over
  const auto onset = violationOnset(kHot, 25 * kMinute + 5'000, kAlarmLookBackMs, h.reader());
  ASSERT_TRUE(onset) << onset.error().message;
  EXPECT_EQ(onset->since_ms, 10 * kMinute);
  EXPECT_FALSE(onset->reaches_look_back);
}

TEST(AlarmOnset, RunsLongerThanAWindowAndOverAGapAreFollowedBack) {
  History h;
  h.fill(0, kHour, 960);
  h.fill(kHour + 7 * kMinute, 3 * kHour, 990);   // over from 01:07...
  h.fill(5 * kHour, 9 * kHour, 995);              // ...through a gap 03:00..05:00 with no samples
  const auto onset = violationOnset(kHot, 9 * kHour, kAlarmLookBackMs, h.reader());
  ASSERT_TRUE(onset);
  EXPECT_EQ(onset->since_ms, kHour + 7 * kMinute);
}

TEST(AlarmOnset, ASampleAtTheTimeAskedThatStartsTheRunIsTheOnset) {
  History h;
  h.fill(0, 10 * kMinute, 960);
  h.samples[10 * kMinute] = 980;
  const auto onset = violationOnset(kHot, 10 * kMinute, kAlarmLookBackMs, h.reader());
  ASSERT_TRUE(onset);
  EXPECT_EQ(onset->since_ms, 10 * kMinute);
}

TEST(AlarmOnset, SaysWhenTheRunReachesBackPastTheLookBack) {
  History h;
  h.fill(0, 3 * kHour, 990);
  const auto onset = violationOnset(kHot, 3 * kHour, kHour, h.reader());
  ASSERT_TRUE(onset);
  EXPECT_TRUE(onset->reaches_look_back);
  EXPECT_EQ(onset->since_ms, 2 * kHour);  // the earliest sample looked at
  for (const auto& [t0, t1] : h.reads) EXPECT_GE(t0, 2 * kHour) << "read before the look-back";
}

TEST(AlarmOnsets, FollowAReplayForwardBackAndThroughAClearedSpell) {
  History h;
  h.fill(0, 10 * kMinute, 960);
  h.fill(10 * kMinute, 60 * kMinute, 990);    // over from 00:10
  h.fill(60 * kMinute, 70 * kMinute, 950);    // back under 01:00..01:09
  h.fill(70 * kMinute, 120 * kMinute, 985);   // over again from 01:10
  AlarmOnsets onsets({kHot});
  auto valueOf = [&h](std::int64_t t) { return [&h, t](const std::string&) { return h.valueAt(t); }; };
  auto at = [&](std::int64_t t) { return onsets.at(t, valueOf(t), h.reader()); };

  auto first = at(30 * kMinute);  // opened (or seeked) at 00:30: began at 00:10, not 00:30
  ASSERT_TRUE(first);
  EXPECT_EQ(first->at("hot"), 10 * kMinute);

  h.reads.clear();
  auto later = at(40 * kMinute);  // played on: over all along, same onset, and only the step read
  ASSERT_TRUE(later);
  EXPECT_EQ(later->at("hot"), 10 * kMinute);
  for (const auto& [t0, t1] : h.reads) EXPECT_GE(t0, 30 * kMinute);

  auto jumped = at(100 * kMinute);  // seeked over the spell under the limit: the new run's start
  ASSERT_TRUE(jumped);
  EXPECT_EQ(jumped->at("hot"), 70 * kMinute);

  auto under = at(65 * kMinute);  // back: not broken there
  ASSERT_TRUE(under);
  EXPECT_TRUE(under->empty());

  auto back = at(50 * kMinute);  // further back, into the first run
  ASSERT_TRUE(back);
  EXPECT_EQ(back->at("hot"), 10 * kMinute);
}

TEST(AlarmOnsets, AReadErrorIsPassedOn) {
  AlarmOnsets onsets({kHot});
  const ReadTagSamples broken = [](const std::string&, std::int64_t, std::int64_t) -> parktwin::Result<TagSamples> {
    return parktwin::fail("disk gone");
  };
  auto result = onsets.at(kHour, [](const std::string&) { return std::optional<double>(999); }, broken);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "disk gone");
}

}  // namespace
