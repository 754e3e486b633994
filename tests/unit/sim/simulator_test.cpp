// Simulator: determinism, tag coverage, states and events.
#include "sim_test_support.hpp"

#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>

#include "parktwin/sim/machine_state.hpp"
#include "parktwin/common/rounding.hpp"

namespace {

using namespace simtest;
using parktwin::sim::Simulator;

std::string runBytes(const parktwin::model::Park& park, std::uint64_t seed, std::int64_t step_ms = 10'000) {
  ByteSink sink;
  auto sim = Simulator::create(park, {seed, instant("2026-03-01T00:00:00Z"), step_ms});
  EXPECT_TRUE(sim) << (sim ? "" : sim.error().message);
  if (sim) sim->runUntil(instant("2026-03-02T00:00:00Z"), sink);
  return sink.bytes;
}

class EachPark : public ::testing::TestWithParam<std::string> {};

TEST_P(EachPark, SameSeedGivesIdenticalBytesAndAnotherSeedDiffers) {
  const auto park = loadPark(GetParam());
  const std::string first = runBytes(park, 42);
  const std::string second = runBytes(park, 42);
  const std::string other = runBytes(park, 43);
  ASSERT_GT(first.size(), 1'000'000u);
  EXPECT_TRUE(first == second) << "same seed, different output";
  EXPECT_FALSE(first == other) << "a different seed changed nothing";
}

TEST_P(EachPark, DrivesEveryTagOfThePark) {
  const auto park = loadPark(GetParam());
  auto sink = simulate(park, "2026-03-01T00:00:00Z", kHour);
  ASSERT_EQ(sink.series.size(), park.tags.size());
  for (const auto& tag : park.tags) {
    const auto& s = sink.series[tag.id];
    EXPECT_EQ(s.v.size(), 60u) << tag.id;
    for (double v : s.v) ASSERT_TRUE(std::isfinite(v)) << tag.id;
  }
}

TEST_P(EachPark, StateTagsUseTheDocumentedCodesAndCountersNeverFall) {
  const auto park = loadPark(GetParam());
  auto sink = simulate(park, "2026-03-01T00:00:00Z", 7 * kDay);
  for (const auto& tag : park.tags) {
    const auto& v = sink.series[tag.id].v;
    if (tag.kind == parktwin::model::TagKind::state) {
      for (double x : v) ASSERT_TRUE(x == 0 || x == 1 || x == 2 || x == 3 || x == 4) << tag.id << " " << x;
    }
    if (tag.kind == parktwin::model::TagKind::counter) {
      for (std::size_t i = 1; i < v.size(); ++i) ASSERT_GE(v[i], v[i - 1]) << tag.id;
    }
  }
}

TEST_P(EachPark, EveryAnalogTagMovesOverAWeek) {
  const auto park = loadPark(GetParam());
  auto sink = simulate(park, "2026-03-01T00:00:00Z", 7 * kDay);
  for (const auto& tag : park.tags) {
    if (tag.kind != parktwin::model::TagKind::analog) continue;
    const auto& v = sink.series[tag.id].v;
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    EXPECT_LT(*lo, *hi) << tag.id << " is stuck at " << *lo;
  }
}

// Every value is what a meter with the tag's resolution would send: printing it with that many
// decimals and parsing the text back (the C library, not our code) gives the same double.
TEST_P(EachPark, ValuesAreReportedAtTheTagsResolution) {
  auto park = loadPark(GetParam());
  park.tags.front().decimals = 0;  // an explicit resolution overrides the unit's default
  auto sink = simulate(park, "2026-03-01T00:00:00Z", 6 * kHour);
  for (const auto& tag : park.tags) {
    const int decimals = parktwin::model::reportedDecimals(tag);
    for (double v : sink.series[tag.id].v) {
      char text[64];
      std::snprintf(text, sizeof text, "%.*f", decimals, v);
      ASSERT_EQ(std::strtod(text, nullptr), v) << tag.id << " (" << decimals << " decimals): " << text;
    }
  }
  EXPECT_EQ(parktwin::model::reportedDecimals(park.tags.front()), 0);
}

// advance() (no sample() call per tag) gives step()'s values, and each value's integer is the
// one its text at the tag's decimals spells ("412.37" at 2 decimals: 41237), printed here.
TEST_P(EachPark, AdvanceGivesTheValuesStepEmitsWithTheIntegersTheirTextSpells) {
  const auto park = loadPark(GetParam());
  const parktwin::sim::SimulatorConfig config{42, instant("2026-03-01T00:00:00Z"), 60'000};
  auto stepped = Simulator::create(park, config);
  auto advanced = Simulator::create(park, config);
  ASSERT_TRUE(stepped && advanced);
  RecordingSink sink;
  RecordingSink noSamples;
  const std::size_t steps = 6 * 60;
  for (std::size_t n = 0; n < steps; ++n) {
    stepped->step(sink);
    advanced->advance(noSamples);
    ASSERT_EQ(advanced->now_ms(), stepped->now_ms());
    const auto values = advanced->values();
    const auto scaled = advanced->scaledValues();
    const auto decimals = advanced->decimals();
    ASSERT_EQ(values.size(), park.tags.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
      const auto& tag = park.tags[i];
      const double emitted = sink.series[tag.id].v.at(n);
      ASSERT_EQ(std::bit_cast<std::uint64_t>(values[i]), std::bit_cast<std::uint64_t>(emitted)) << tag.id << " step " << n;
      ASSERT_EQ(decimals[i], parktwin::model::reportedDecimals(tag)) << tag.id;
      char text[64];
      std::snprintf(text, sizeof text, "%.*f", decimals[i], values[i]);
      std::string digits;
      for (const char* c = text; *c; ++c) {
        if (*c != '.') digits += *c;
      }
      ASSERT_EQ(scaled[i], std::strtoll(digits.c_str(), nullptr, 10)) << tag.id << ": " << text;
    }
  }
  EXPECT_EQ(noSamples.series.size(), 0u) << "advance() emitted samples";
  EXPECT_EQ(noSamples.events, sink.events);
}

INSTANTIATE_TEST_SUITE_P(Bundled, EachPark, ::testing::Values("beidu", "jiulong"));

TEST(Simulator, LinesFailChangeOverAndRecoverOverAWeek) {
  const auto park = loadPark("beidu");
  auto sink = simulate(park, "2026-03-01T00:00:00Z", 7 * kDay);
  int failures = 0, repairs = 0, changeovers = 0;
  for (const auto& e : sink.events) {
    if (e.kind != parktwin::sim::SimEventKind::state_change) continue;
    failures += e.reason == "failure";
    repairs += e.reason == "repair";
    changeovers += e.to == "changeover";
  }
  EXPECT_GT(failures, 0);
  EXPECT_GT(repairs, 0);
  EXPECT_GT(changeovers, 10);
  // A line's state tag takes more than one value over a week.
  const auto& extrusion = sink.series["xinlv-extrusion-1.state"].v;
  EXPECT_NE(*std::min_element(extrusion.begin(), extrusion.end()), *std::max_element(extrusion.begin(), extrusion.end()));
}

TEST(Simulator, LadlesCarryMoltenAluminiumFromSmelterToCasthouseToProcessors) {
  const auto park = loadPark("beidu");
  auto sink = simulate(park, "2026-03-01T00:00:00Z", kDay);
  int fromPotlines = 0, toProcessors = 0;
  for (const auto& e : sink.events) {
    if (e.kind != parktwin::sim::SimEventKind::ladle_trip) continue;
    EXPECT_GT(e.end_ms, e.start_ms);
    EXPECT_GT(e.amount_t, 0);
    EXPECT_TRUE(e.from_position != e.to_position) << e.from << " -> " << e.to;
    if (e.from.starts_with("potline-")) {
      ++fromPotlines;
      EXPECT_EQ(e.to, "casthouse");
    }
    if (e.from == "casthouse") {
      ++toProcessors;
      EXPECT_TRUE(park.findLine(e.to)) << e.to;
    }
  }
  EXPECT_GT(fromPotlines, 80);  // ~931 t/day in 10 t crucibles
  EXPECT_GT(toProcessors, 50);
  const auto& stock = sink.series["casthouse.molten_stock"].v;
  for (double t : stock) ASSERT_GE(t, 0);
}

TEST(Simulator, RejectsATagItCannotDriveNamingIt) {
  auto park = loadPark("jiulong");
  park.tags.push_back({"swa-plate.flux_capacitor", {"x", "x"}, "GW", parktwin::model::TagKind::analog, "swa-plate"});
  auto sim = Simulator::create(park, {});
  ASSERT_FALSE(sim);
  EXPECT_NE(sim.error().message.find("swa-plate.flux_capacitor"), std::string::npos) << sim.error().message;
}

TEST(Simulator, RejectsAStepOutOfRange) {
  const auto park = loadPark("jiulong");
  EXPECT_FALSE(Simulator::create(park, {1, 0, 0}));
  EXPECT_FALSE(Simulator::create(park, {1, 0, 2 * kHour}));
}

TEST(Simulator, DieBondersReportOeeAsAvailabilityTimesPerformanceTimesQuality) {
  auto park = loadPark("beidu");
  for (const char* part : {"availability", "performance", "quality"}) {
    park.tags.push_back({std::string("xinshitong-cob.") + part, {part, part}, "%", parktwin::model::TagKind::analog, "xinshitong-cob"});
  }
  auto sink = simulate(park, "2026-03-01T00:00:00Z", 2 * kDay);
  const auto& oee = sink.series["xinshitong-cob.oee"].v;
  const auto& rate = sink.series["xinshitong-cob.units_per_hour"].v;
  ASSERT_FALSE(oee.empty());
  for (double x : oee) {
    ASSERT_GT(x, 50);
    ASSERT_LE(x, 100 * 0.98 * 0.998);  // performance and quality never reach 1
  }
  const auto& a = sink.series["xinshitong-cob.availability"].v;
  const auto& p = sink.series["xinshitong-cob.performance"].v;
  const auto& q = sink.series["xinshitong-cob.quality"].v;
  for (std::size_t i = 0; i < oee.size(); ++i) {
    // Each of the four is reported to 0.01 %: the product of the rounded three is off by at most
    // three half-hundredths, the reported OEE by one more.
    ASSERT_NEAR(oee[i], a[i] * p[i] * q[i] / 1e4, 0.02);
    ASSERT_GT(a[i], 80);  // 40 bonders, MTBF 200 h, MTTR 0.5 h: nearly always up
  }
  const double capacity = park.findLine("xinshitong-cob")->capacity_units_per_hour;
  for (double x : rate) ASSERT_LE(x, capacity);
  EXPECT_GT(mean(rate), 0.75 * capacity);
}

}  // namespace

// The simulator's inline rounding is std::nearbyint, bit for bit: ties to even, -0.0 for small
// negatives, large magnitudes, infinities and NaN unchanged.
TEST(Rounding, RoundToIntegerIsNearbyintBitForBit) {
  std::vector<double> xs = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                            0x1p52 - 0.5, -(0x1p52 - 0.5), 0x1p52, 0x1p52 + 1, 0x1p53, 1e300, -1e300,
                            std::numeric_limits<double>::denorm_min(), -std::numeric_limits<double>::denorm_min(),
                            std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::quiet_NaN()};
  std::mt19937_64 random(7);
  for (int i = 0; i < 200'000; ++i) {
    const double magnitude = std::ldexp(1.0, static_cast<int>(random() % 70) - 10);  // 2^-10 .. 2^59
    const double x = std::uniform_real_distribution<double>(-magnitude, magnitude)(random);
    xs.push_back(x);
    xs.push_back(std::floor(x) + 0.5);  // exact ties where representable
    xs.push_back(std::bit_cast<double>(random()));  // any bit pattern, NaNs included
  }
  for (double x : xs) {
    ASSERT_EQ(std::bit_cast<std::uint64_t>(parktwin::roundToInteger(x)), std::bit_cast<std::uint64_t>(std::nearbyint(x)))
        << x;
  }
}
