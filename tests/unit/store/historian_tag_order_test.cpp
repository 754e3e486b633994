// append(name) checks first the tag that followed the previous one last time (writerInOrder):
// whatever order the names come in, every sample must reach its own tag. The oracle is a map
// filled from the input, never from what the historian read back.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "parktwin/store/historian.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

using Oracle = std::map<std::string, std::map<std::int64_t, double>>;

HistorianOptions manualCommits() {
  HistorianOptions o;
  o.commit_every_ms = 1'000'000'000;
  o.commit_every_samples = 1'000'000'000;
  return o;
}

void expectStored(Historian& h, const Oracle& oracle) {
  for (const auto& [tag, series] : oracle) {
    auto stored = h.samplesBetween(tag, INT64_MIN, INT64_MAX);
    ASSERT_TRUE(stored) << tag << ": " << stored.error().message;
    ASSERT_EQ(stored->size(), series.size()) << tag;
    std::size_t i = 0;
    for (const auto& [ts, value] : series) {
      EXPECT_EQ((*stored)[i].ts_ms, ts) << tag;
      EXPECT_EQ((*stored)[i].value, value) << tag << " at " << ts;
      ++i;
    }
  }
}

// Names that share prefixes and differ in length, so a wrong guess compares unequal only late.
std::vector<std::string> tagNames(int count) {
  std::vector<std::string> names;
  for (int i = 0; i < count; ++i) names.push_back(i % 3 == 0 ? "line." + std::to_string(i) : "line." + std::to_string(i) + ".temp");
  names.push_back("line.1");  // a prefix of "line.1.temp": a guess must compare whole names
  return names;
}

}  // namespace

// Cycles in a fixed order (the fast path), then reshuffled, skipping tags, a new tag in the
// middle, one tag twice in a row: each value is unique, so a sample given to the wrong tag shows.
TEST(HistorianTagOrder, EverySampleReachesItsTagWhateverTheOrder) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("order.db"), manualCommits());
  ASSERT_TRUE(h) << h.error().message;
  std::vector<std::string> names = tagNames(40);
  std::mt19937_64 rng(11);
  Oracle oracle;
  double value = 0;
  for (int cycle = 0; cycle < 60; ++cycle) {
    if (cycle % 10 == 5) std::shuffle(names.begin(), names.end(), rng);
    if (cycle == 30) names.insert(names.begin() + 17, "late.joiner");
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (cycle % 7 == 3 && i % 4 == 1) continue;  // this cycle skips some tags
      const std::int64_t ts = 1'000LL * cycle + static_cast<std::int64_t>(i);
      const int repeats = cycle % 9 == 2 && i == 5 ? 2 : 1;  // the same tag twice in a row
      for (int r = 0; r < repeats; ++r) {
        value += 1;
        ASSERT_TRUE(h->append(names[i], ts + r * 500, value));
        oracle[names[i]].try_emplace(ts + r * 500, value);
      }
    }
    if (cycle % 13 == 0) {
      ASSERT_TRUE(h->flush());
    }
  }
  ASSERT_TRUE(h->flush());
  expectStored(*h, oracle);
}

// deleteRawBefore drops every writer of the session; the order learned before must go with
// them (it points into them), and the same order afterwards still writes to the right tags.
TEST(HistorianTagOrder, OrderLearnedBeforeDeleteRawBeforeIsForgotten) {
  test::TempDir dir;
  auto h = Historian::open(dir.file("order.db"), manualCommits());
  ASSERT_TRUE(h) << h.error().message;
  const std::vector<std::string> names = tagNames(12);
  Oracle oracle;
  double value = 0;
  for (int cycle = 0; cycle < 20; ++cycle) {
    if (cycle == 10) {
      ASSERT_TRUE(h->flush());
      auto deleted = h->deleteRawBefore(5'000);
      ASSERT_TRUE(deleted) << deleted.error().message;
      for (auto& [tag, series] : oracle) series.erase(series.begin(), series.lower_bound(5'000));
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::int64_t ts = 1'000LL * cycle + static_cast<std::int64_t>(i);
      value += 1;
      ASSERT_TRUE(h->append(names[i], ts, value));
      oracle[names[i]].try_emplace(ts, value);
    }
  }
  ASSERT_TRUE(h->flush());
  expectStored(*h, oracle);
}

}  // namespace parktwin::store
