#include "parktwin/store/block_codec.hpp"

#include <gtest/gtest.h>

#include <algorithm>
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

TEST(BlockCodec, EmptyBlockRoundTrips) { EXPECT_TRUE(roundTrip({}).empty()); }

TEST(BlockCodec, EdgeValuesRoundTripBitExactly) {
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

TEST(BlockCodec, ExtremeTimestampsAndNegativeDeltasRoundTrip) {
  const std::vector<Sample> samples{
      {INT64_MIN, 1.0}, {INT64_MAX, 2.0}, {0, 3.0}, {-1, 4.0}, {-1000, 5.0}, {1'000'000'000'000'000LL, 6.0},
      {1'000'000'000'000'001LL, 7.0}, {1'000'000'000'000'001LL + 4095, 8.0}, {-5, 9.0}, {INT64_MIN + 1, 10.0},
  };
  expectBitIdentical(samples, roundTrip(samples));
}

TEST(BlockCodec, RandomSeriesRoundTrip) {
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

TEST(BlockCodec, RegularRepeatedStateCostsAboutOneBitPerValueAndTimestamp) {
  std::vector<Sample> samples;
  for (int i = 0; i < 1000; ++i) samples.push_back({1'700'000'000'000LL + i * 1000LL, 1.0});
  const auto payload = encodeBlock(samples);
  // 6 header + 16 first sample + first delta (~2 bytes) + 999 * 2 bits (dod '0' + value '0'),
  // plus a restart point (5 varints, at most 9 bytes here) each 256 bits of stream.
  const std::size_t stream = 16U + 3U + (999U * 2U + 7U) / 8U;
  EXPECT_LE(payload.size(), 6U + stream + (stream * 8 / 256) * 9U);
}

TEST(BlockCodec, StopsDecodingAfterRequestedTimestamp) {
  const std::vector<Sample> samples{{10, 1.0}, {20, 2.0}, {30, 3.0}};
  auto decoded = decodeBlock(encodeBlock(samples), 20);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, (std::vector<Sample>{{10, 1.0}, {20, 2.0}}));
}

TEST(BlockCodec, TruncatedPayloadIsAnErrorAtEveryLength) {
  std::vector<Sample> samples;
  for (int i = 0; i < 100; ++i) samples.push_back({i * 1000 + (i % 3), i * 0.37});
  const auto payload = encodeBlock(samples);
  for (std::size_t len = 0; len < payload.size() - 1; ++len) {
    std::vector<std::uint8_t> cut(payload.begin(), payload.begin() + static_cast<std::ptrdiff_t>(len));
    EXPECT_FALSE(decodeBlock(cut).has_value()) << "length " << len;
  }
}

TEST(BlockCodec, HugeCountInHeaderIsRejectedBeforeAllocating) {
  std::vector<std::uint8_t> payload{0xFF, 0xFF, 0xFF, 0xFF};
  payload.resize(40, 0);
  auto decoded = decodeBlock(payload);
  ASSERT_FALSE(decoded);
  EXPECT_NE(decoded.error().message.find("count"), std::string::npos);
}

TEST(BlockCodec, RandomGarbageNeverCrashes) {
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

std::size_t varintBytes(unsigned long long v) {
  std::size_t n = 1;
  for (; v >= 0x80; v >>= 7) ++n;
  return n;
}
unsigned long long zigzagOf(long long v) { return v >= 0 ? 2ULL * static_cast<unsigned long long>(v) : 2ULL * static_cast<unsigned long long>(-v) - 1; }

// Values with a fixed number of decimals (an instrument's resolution, or text "412.37") go
// into a compact decimal block. Its size follows from the documented layout, computed here from
// the data: the count word, the exponent byte, the summary (varints: zigzag min, max - min, sum
// of value - min, in hundredths), the starting Rice state (0) and the restart count; the restart
// points; then 64 + 64 bits for the first sample; for the second an interval escape (21 ones)
// and its delta-of-delta (1000 ms: '1110' + 12 bits); per value after the first a Rice code of
// the delta's zigzag z with k = bit_width(s * 11 / 256): z >> k ones, a zero, k bits (20 or more
// ones: 21 + 6 + bit_width(z) bits), then s = s - s / 16 + z. A restart point (a dense block's)
// comes before the first sample that starts 128 or more bits after the last point (or after the
// first sample): varints of the index step; the bit step minus 128, times 4, plus 1 where the
// interval changed since the last point (at the first: 1000) and 2 where the timestamp is off
// the regular intervals (never here); that change; the previous value's hundredths less those
// at the last point (the first value's at the first point); and s.
TEST(DecimalBlocks, RandomWalkInHundredthsCostsWhatTheLayoutSays) {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> step(0.0, 0.05);
  std::vector<Sample> samples;
  long long counts = 5000;  // the walk in hundredths
  long long countsAtRestart = 0;  // the first value's, then the last point's
  std::size_t bits = 128, lastRestart = 128, restartBytes = 0, restarts = 0, lastIndex = 0;
  unsigned long long s = 0;
  long long lo = 0, hi = 0, sum = 0;
  const long long t0 = 1'700'000'000'000LL;
  for (int i = 0; i < 256; ++i) {
    const long long next = counts + std::llround(step(rng) * 100);
    if (i == 0) countsAtRestart = lo = hi = next;
    if (i > 0) {
      if (bits >= lastRestart + 128) {
        const bool intervalChanged = restarts == 0 && i > 1;
        restartBytes += varintBytes(static_cast<unsigned long long>(i) - lastIndex) +
                        varintBytes((bits - lastRestart - 128) * 4 + (intervalChanged ? 1 : 0)) +
                        (intervalChanged ? varintBytes(zigzagOf(1000)) : 0) + varintBytes(zigzagOf(counts - countsAtRestart)) +
                        varintBytes(s);
        countsAtRestart = counts;
        lastRestart = bits;
        lastIndex = static_cast<std::size_t>(i);
        ++restarts;
      }
      const unsigned long long z = zigzagOf(next - counts);
      int k = 0;
      while (k < 40 && ((s * 11) >> 8) >> k != 0) ++k;
      bits += (i == 1 ? 21 + 16 : 0) + ((z >> k) < 20 ? (z >> k) + 1 + static_cast<std::size_t>(k) : 27 + std::bit_width(z));
      s = s - (s >> 4) + z;
    }
    counts = next;
    lo = std::min(lo, counts), hi = std::max(hi, counts), sum += counts;
    samples.push_back({t0 + i * 1000LL, static_cast<double>(counts) / 100.0});
  }
  BlockEncoder encoder;
  for (const auto& sample : samples) encoder.append(sample.ts_ms, sample.value);
  EXPECT_TRUE(encoder.decimal());
  const auto payload = encoder.payload();
  EXPECT_GE(restarts, 8U);
  const std::size_t summaryBytes = varintBytes(zigzagOf(lo)) + varintBytes(static_cast<unsigned long long>(hi - lo)) +
                                   varintBytes(static_cast<unsigned long long>(sum - 256 * lo));
  EXPECT_EQ(payload.size(), 4 + 1 + summaryBytes + 1 + 1 + restartBytes + (bits + 7) / 8);
  EXPECT_LT(static_cast<double>(payload.size()) / 256.0, 0.9);  // vs ~6 bytes a sample as xor
  expectBitIdentical(samples, roundTrip(samples));
}

TEST(DecimalBlocks, MoreDigitsLaterRescaleTheBlock) {
  const std::vector<Sample> samples{{0, 1.5}, {1000, 1.25}, {2000, 1.125}, {3000, -7.0}, {4000, 1234.0625}};
  BlockEncoder encoder;
  for (const auto& s : samples) encoder.append(s.ts_ms, s.value);
  EXPECT_TRUE(encoder.decimal());
  expectBitIdentical(samples, decodeBlock(encoder.payload()).value());
}

TEST(DecimalBlocks, AValueThatIsNoShortDecimalTurnsTheBlockToXor) {
  for (const double odd : {0.1 + 0.2, -0.0, std::numeric_limits<double>::quiet_NaN(), 1e300, 1.0 / 3.0}) {
    std::vector<Sample> samples{{0, 20.5}, {1000, 20.75}, {2000, odd}, {3000, 21.0}};
    BlockEncoder encoder;
    for (const auto& s : samples) encoder.append(s.ts_ms, s.value);
    EXPECT_FALSE(encoder.decimal()) << odd;
    expectBitIdentical(samples, decodeBlock(encoder.payload()).value());
  }
}

TEST(DecimalBlocks, ScaledValueIsExactOrAbsent) {
  EXPECT_EQ(decimalScaled(412.37, 2), 41237);
  EXPECT_EQ(decimalScaled(412.37, 5), 41'237'000);
  EXPECT_FALSE(decimalScaled(412.37, 1));
  EXPECT_FALSE(decimalScaled(0.1 + 0.2, 15));
  EXPECT_FALSE(decimalScaled(-0.0, 0));  // would come back as +0.0
  EXPECT_FALSE(decimalScaled(1e17, 0));  // beyond 2^53
  EXPECT_EQ(decimalScaled(-3.0, 0), -3);
}

TEST(DecimalBlocks, LastAtOrBeforeMatchesTheFullDecode) {
  std::mt19937_64 rng(8);
  for (int series = 0; series < 40; ++series) {
    std::vector<Sample> samples;
    std::int64_t ts = 1000;
    for (int i = 0; i < 200; ++i) {
      ts += 1 + static_cast<std::int64_t>(rng() % 3000);
      const double v = series % 2 == 0 ? static_cast<double>(rng() % 100000) / 100.0 : std::bit_cast<double>(rng());
      samples.push_back({ts, v});
    }
    const auto payload = encodeBlock(samples);
    for (int q = 0; q < 20; ++q) {
      const std::int64_t at = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(ts + 2000));
      const auto full = decodeBlock(payload, at).value();
      const auto last = decodeLastAtOrBefore(payload, at).value();
      ASSERT_EQ(last.has_value(), !full.empty());
      if (last) {
        EXPECT_EQ(last->ts_ms, full.back().ts_ms);
        EXPECT_EQ(std::bit_cast<std::uint64_t>(last->value), std::bit_cast<std::uint64_t>(full.back().value));
      }
    }
  }
}

// A regular series with gaps (the interval comes back after each): restart points after a gap
// carry a timestamp off the regular intervals but no interval change, the one flag alone. The
// answer at every sample and between samples is the samples' own (the oracle), and the full
// decode checks every point against the stream.
TEST(DecimalBlocks, RestartPointsAfterGapsInARegularSeriesAnswerEveryInstant) {
  std::mt19937_64 rng(12);
  std::vector<Sample> samples;
  std::int64_t ts = 1'700'000'000'000LL, counts = 2000;
  for (int i = 0; i < 256; ++i) {
    ts += i % 40 == 39 ? 5000 : 1000;
    counts += static_cast<std::int64_t>(rng() % 41) - 20;
    samples.push_back({ts, static_cast<double>(counts) / 100.0});
  }
  const auto payload = encodeBlock(samples);
  ASSERT_EQ(payload[3] >> 6, 3) << "compact decimal";
  ASSERT_NE(payload[4] & 0x40, 0) << "dense restart points";
  expectBitIdentical(samples, decodeBlock(payload).value());
  for (const Sample& sample : samples) {
    for (const std::int64_t at : {sample.ts_ms, sample.ts_ms + 999}) {  // samples are >= 1000 ms apart
      const auto last = decodeLastAtOrBefore(payload, at).value();
      ASSERT_TRUE(last) << at;
      EXPECT_EQ(last->ts_ms, sample.ts_ms) << "at " << at;
      EXPECT_EQ(last->value, sample.value) << "at " << at;
    }
  }
  // Read as sparse points (bit 6 cleared), the table no longer matches the stream.
  auto sparse = payload;
  sparse[4] = static_cast<std::uint8_t>(sparse[4] & ~0x40);
  EXPECT_FALSE(decodeBlock(sparse));
}

TEST(DecimalBlocks, TruncatedPayloadIsAnErrorAtEveryLength) {
  std::vector<Sample> samples;
  for (int i = 0; i < 100; ++i) samples.push_back({i * 1000 + (i % 7 == 0 ? 3 : 0), (i * 37 % 101) / 10.0});
  const auto payload = encodeBlock(samples);
  ASSERT_EQ(payload[3] & 0x80, 0x80);
  for (std::size_t len = 0; len < payload.size() - 1; ++len) {
    std::vector<std::uint8_t> cut(payload.begin(), payload.begin() + static_cast<std::ptrdiff_t>(len));
    EXPECT_FALSE(decodeBlock(cut).has_value()) << "length " << len;
    EXPECT_FALSE(decodeLastAtOrBefore(cut, INT64_MAX).has_value()) << "length " << len;
  }
}

// A full decode checks every restart point against the state it decoded there, so a damaged
// restart table cannot pass unnoticed (stateAt trusts it).
TEST(DecimalBlocks, ADamagedRestartTableFailsTheFullDecode) {
  std::vector<Sample> samples;
  for (int i = 0; i < 200; ++i) samples.push_back({i * 1000LL, (i * 7919 % 1000) / 10.0});
  const auto payload = encodeBlock(samples);
  ASSERT_EQ(payload[3] & 0x80, 0x80);
  // The restart count follows the exponent byte, three summary varints and the Rice state.
  std::size_t tableStart = 5;
  for (int varints = 0; varints < 4; ++varints) {
    while (payload[tableStart] & 0x80) ++tableStart;
    ++tableStart;
  }
  const std::size_t restarts = payload[tableStart++];
  ASSERT_GE(restarts, 3U);
  // Where the table ends: the bit stream starts with the first timestamp, 0, as 8 zero bytes.
  std::size_t tableEnd = tableStart;
  while (tableEnd < payload.size() && !std::all_of(payload.begin() + static_cast<std::ptrdiff_t>(tableEnd),
                                                    payload.begin() + static_cast<std::ptrdiff_t>(tableEnd) + 8,
                                                    [](std::uint8_t b) { return b == 0; })) {
    ++tableEnd;
  }
  ASSERT_GE(tableEnd, tableStart + restarts * 4);  // dense points: four varints or more
  for (std::size_t at = tableStart; at < tableEnd; ++at) {
    for (const int flip : {0x01, 0x10, 0x80}) {
      auto bad = payload;
      bad[at] = static_cast<std::uint8_t>(bad[at] ^ flip);
      EXPECT_FALSE(decodeBlock(bad)) << "byte " << at << " ^ " << flip;
    }
  }
}

TEST(DecimalBlocks, CorruptExponentIsAnError) {
  auto payload = encodeBlock(std::vector<Sample>{{0, 1.5}, {1000, 2.5}});
  ASSERT_EQ(payload[3] & 0x80, 0x80);  // decimal flag
  payload[4] = static_cast<std::uint8_t>((payload[4] & 0xC0) | 48);  // bits 0-5: the exponent, at most 15
  auto decoded = decodeBlock(payload);
  ASSERT_FALSE(decoded);
  EXPECT_NE(decoded.error().message.find("exponent"), std::string::npos);
}

}  // namespace parktwin::store

namespace parktwin::store {
namespace {

// A value as a simulator makes it: an integer over 10^decimals, divided once.
struct Made {
  double value;
  KnownDecimal known;
};
Made made(std::int64_t r, int decimals) {
  return {static_cast<double>(r) / std::pow(10.0, decimals), {r, decimals}};
}

}  // namespace

// appendDecimal's shortcut must write append()'s bytes: random walks at every resolution, the
// same value given at more digits than it needs (412.30 as 41230 over 100), digits that grow
// mid-block (the block rescales), -0.0, values beyond the shortcut's range, exponents it does
// not take; the block then decodes to the values given.
TEST(DecimalBlocks, AppendDecimalWritesTheBytesAppendWrites) {
  std::mt19937_64 rng(21);
  for (int series = 0; series < 400; ++series) {
    const int decimals = series % 17 == 16 ? 15 : series % 7;
    const int extra = series % 5 == 0 ? 2 : 0;  // the integer given with trailing zeros
    std::int64_t r = static_cast<std::int64_t>(rng() % 2'000'000) - 1'000'000;
    if (series % 11 == 0) r = (std::int64_t{1} << 50) - 3 - static_cast<std::int64_t>(rng() % 5);  // at the edge
    BlockEncoder byValue, byDecimal;
    std::vector<Sample> given;
    std::int64_t ts = 1'767'225'600'000;
    for (int i = 0; i < 600; ++i) {
      r += static_cast<std::int64_t>(rng() % 41) - 20;
      Made m = made(r, decimals);
      m.known = {r * (extra ? 100 : 1), decimals + extra};
      if (series % 13 == 3 && i == 300) m = made(r * 10 + 7, decimals + 1);  // one more digit from here
      if (series % 9 == 4 && i % 97 == 5) m = {-0.0, {0, decimals}};
      if (series % 8 == 2 && i % 50 == 7) m.known = {std::numeric_limits<std::int64_t>::min(), decimals};
      if (series % 10 == 6 && i % 60 == 9) m.known.exponent = 16;
      ts += (i % 120 == 119) ? 120'000 : 60'000;  // now and then a longer interval
      byValue.append(ts, m.value);
      byDecimal.appendDecimal(ts, m.value, m.known);
      given.push_back({ts, m.value});
      ASSERT_EQ(byDecimal.payload(), byValue.payload()) << "series " << series << " sample " << i;
    }
    expectBitIdentical(given, decodeBlock(byDecimal.payload()).value());
  }
}

}  // namespace parktwin::store
