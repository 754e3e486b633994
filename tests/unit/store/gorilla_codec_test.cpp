#include "parktwin/store/gorilla_codec.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

namespace parktwin::store {
namespace {

// Compares bit patterns, so NaN payloads and -0.0 must survive exactly.
void expectBitIdentical(const std::vector<Sample>& expected, const std::vector<Sample>& actual) {
  ASSERT_EQ(expected.size(), actual.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ(expected[i].ts_ms, actual[i].ts_ms) << "sample " << i;
    ASSERT_EQ(std::bit_cast<std::uint64_t>(expected[i].value), std::bit_cast<std::uint64_t>(actual[i].value))
        << "sample " << i;
  }
}

std::vector<Sample> roundTrip(const std::vector<Sample>& samples) {
  auto decoded = decodeBlock(encodeBlock(samples));
  EXPECT_TRUE(decoded.has_value()) << (decoded ? "" : decoded.error().message);
  return decoded.value_or(std::vector<Sample>{});
}

}  // namespace

TEST(GorillaCodec, EmptyBlockRoundTrips) { EXPECT_TRUE(roundTrip({}).empty()); }

TEST(GorillaCodec, EdgeValuesRoundTripBitExactly) {
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<Sample> samples{
      {0, 0.0},
      {1, -0.0},
      {2, std::numeric_limits<double>::quiet_NaN()},
      {3, std::bit_cast<double>(std::uint64_t{0x7ff8dead0000beefULL})},  // NaN with payload
      {4, inf},
      {5, -inf},
      {6, std::numeric_limits<double>::denorm_min()},
      {7, std::numeric_limits<double>::max()},
      {8, std::numeric_limits<double>::lowest()},
      {9, 1.0},
      {10, 1.0 + std::numeric_limits<double>::epsilon()},
  };
  expectBitIdentical(samples, roundTrip(samples));
}

TEST(GorillaCodec, ExtremeTimestampsAndNegativeDeltasRoundTrip) {
  const std::vector<Sample> samples{
      {INT64_MIN, 1.0}, {INT64_MAX, 2.0}, {0, 3.0}, {-1, 4.0}, {-1000, 5.0}, {1'000'000'000'000'000LL, 6.0},
      {1'000'000'000'000'001LL, 7.0}, {1'000'000'000'000'001LL + 4095, 8.0}, {-5, 9.0}, {INT64_MIN + 1, 10.0},
  };
  expectBitIdentical(samples, roundTrip(samples));
}

TEST(GorillaCodec, RandomSeriesRoundTrip) {
  std::mt19937_64 rng(7);
  for (int series = 0; series < 50; ++series) {
    std::vector<Sample> samples;
    std::int64_t ts = static_cast<std::int64_t>(rng() >> 2) - (std::int64_t{1} << 60);
    double walk = 0.0;
    const int n = static_cast<int>(rng() % 2000) + 1;
    for (int i = 0; i < n; ++i) {
      switch (rng() % 4) {  // every timestamp bucket: same delta, small, medium, huge jitter
        case 0: ts += 1000; break;
        case 1: ts += 1000 + static_cast<std::int64_t>(rng() % 200) - 100; break;
        case 2: ts += static_cast<std::int64_t>(rng() % 8000) - 4000; break;
        default: ts += static_cast<std::int64_t>(rng() >> 20) - (std::int64_t{1} << 43); break;
      }
      switch (rng() % 3) {
        case 0: walk += std::normal_distribution<double>(0, 1)(rng); break;
        case 1: break;  // repeated value
        default: walk = std::bit_cast<double>(rng()); break;  // any bit pattern, NaNs included
      }
      samples.push_back({ts, walk});
    }
    expectBitIdentical(samples, roundTrip(samples));
  }
}

TEST(GorillaCodec, RegularRepeatedStateCostsAboutOneBitPerValueAndTimestamp) {
  std::vector<Sample> samples;
  for (int i = 0; i < 1000; ++i) samples.push_back({1'700'000'000'000LL + i * 1000LL, 1.0});
  const auto payload = encodeBlock(samples);
  // 4 header + 16 first sample + first delta (~2 bytes) + 999 * 2 bits (dod '0' + value '0').
  EXPECT_LE(payload.size(), 4U + 16U + 3U + (999U * 2U + 7U) / 8U);
}

TEST(GorillaCodec, StopsDecodingAfterRequestedTimestamp) {
  const std::vector<Sample> samples{{10, 1.0}, {20, 2.0}, {30, 3.0}};
  auto decoded = decodeBlock(encodeBlock(samples), 20);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, (std::vector<Sample>{{10, 1.0}, {20, 2.0}}));
}

TEST(GorillaCodec, TruncatedPayloadIsAnErrorAtEveryLength) {
  std::vector<Sample> samples;
  for (int i = 0; i < 100; ++i) samples.push_back({i * 1000 + (i % 3), i * 0.37});
  const auto payload = encodeBlock(samples);
  for (std::size_t len = 0; len < payload.size() - 1; ++len) {
    std::vector<std::uint8_t> cut(payload.begin(), payload.begin() + static_cast<std::ptrdiff_t>(len));
    EXPECT_FALSE(decodeBlock(cut).has_value()) << "length " << len;
  }
}

TEST(GorillaCodec, HugeCountInHeaderIsRejectedBeforeAllocating) {
  std::vector<std::uint8_t> payload{0xFF, 0xFF, 0xFF, 0xFF};
  payload.resize(40, 0);
  auto decoded = decodeBlock(payload);
  ASSERT_FALSE(decoded);
  EXPECT_NE(decoded.error().message.find("count"), std::string::npos);
}

TEST(GorillaCodec, RandomGarbageNeverCrashes) {
  // Run under the asan preset this also proves no out-of-bounds read.
  std::mt19937_64 rng(99);
  std::vector<Sample> samples;
  for (int i = 0; i < 200; ++i) samples.push_back({i * 1000, std::sin(i * 0.1)});
  const auto good = encodeBlock(samples);
  int errors = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    auto bad = good;
    const int flips = static_cast<int>(rng() % 8) + 1;
    for (int f = 0; f < flips; ++f) bad[rng() % bad.size()] ^= static_cast<std::uint8_t>(1U << (rng() % 8));
    bad.resize(rng() % (bad.size() + 1));
    auto decoded = decodeBlock(bad);
    if (!decoded) {
      ++errors;
    } else {
      EXPECT_LE(decoded->size(), 200U * 64U);
    }
  }
  EXPECT_GT(errors, 0);
}

}  // namespace parktwin::store
