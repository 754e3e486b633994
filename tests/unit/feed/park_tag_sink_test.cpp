// feed::onlyParkTags and feed::roundedToParkTags: a live value is stored and shown to its park
// tag's decimals, as the simulator reports it (QA: a float32 register's 1850109 W × scale 0.001
// was stored as 1850.1090000000002 kW). The oracle is the decimal text a meter with those
// digits sends, parsed.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "parktwin/feed/running_sources.hpp"

namespace parktwin::feed {
namespace {

model::Tag tag(const std::string& id, const std::string& unit, int decimals = -1) {
  model::Tag t;
  t.id = id;
  t.unit = unit;
  t.decimals = decimals;
  return t;
}

model::Park park() {
  model::Park p;
  p.tags = {tag("sub.power", "kW"), tag("sub.voltage", "V"), tag("sub.energy", "kWh", 0)};
  return p;
}

struct Collected {
  std::vector<std::pair<std::string, double>> samples;
  std::vector<std::string> stale;
  SourceSink sink() {
    SourceSink s;
    s.sample = [this](std::string_view tag, std::int64_t, double v) { samples.emplace_back(std::string(tag), v); };
    s.stale = [this](std::string_view tag, std::int64_t) { stale.emplace_back(tag); };
    return s;
  }
};

// The binary noise QA saw, as the mapping makes it: a float32 register × scale.
const double kNoisyPower = static_cast<double>(static_cast<float>(1850109.0)) * 0.001;
const double kNoisyVoltage = static_cast<double>(static_cast<float>(228.58367919921875));

TEST(ParkTagSink, StoresEachValueToItsTagsDecimals) {
  ASSERT_NE(kNoisyPower, std::stod("1850.109"));  // the noise is there to remove
  Collected got;
  auto refused = std::make_shared<std::atomic<std::uint64_t>>(0);
  const SourceSink sink = onlyParkTags(park(), got.sink(), refused);
  sink.sample("sub.power", 0, kNoisyPower);      // kW: 1 decimal by default
  sink.sample("sub.voltage", 0, kNoisyVoltage);  // V: 3
  sink.sample("sub.energy", 0, 41234.6);         // decimals 0 given
  sink.sample("sub.other", 0, kNoisyPower);      // not a park tag: refused, counted
  ASSERT_EQ(got.samples.size(), 3U);
  EXPECT_EQ(got.samples[0].second, std::stod("1850.1"));
  EXPECT_EQ(got.samples[1].second, std::stod("228.584"));
  EXPECT_EQ(got.samples[2].second, std::stod("41235"));
  EXPECT_EQ(refused->load(), 1U);
}

// ingest --all-tags and the window: the park's tags rounded, another tag kept as it came.
TEST(ParkTagSink, KeepsATagTheParkLacksAsItCame) {
  Collected got;
  const SourceSink sink = roundedToParkTags(park(), got.sink());
  sink.sample("sub.power", 0, kNoisyPower);
  sink.sample("sub.other", 0, kNoisyPower);
  sink.stale("sub.other", 0);
  ASSERT_EQ(got.samples.size(), 2U);
  EXPECT_EQ(got.samples[0].second, std::stod("1850.1"));
  EXPECT_EQ(got.samples[1].second, kNoisyPower);
  EXPECT_EQ(got.stale, std::vector<std::string>{"sub.other"});
}

}  // namespace
}  // namespace parktwin::feed
