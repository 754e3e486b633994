// Snapshot rows: the compact layout round-trips every entry bit for bit, the layout of schema
// 1-2 files still reads, and a damaged payload is an error.
#include "snapshot_codec.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

namespace parktwin::store {
namespace {

void expectSame(const std::vector<SnapshotEntry>& expected, const std::vector<SnapshotEntry>& actual) {
  ASSERT_EQ(expected.size(), actual.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(expected[i].tag_id, actual[i].tag_id) << i;
    EXPECT_EQ(expected[i].ts_ms, actual[i].ts_ms) << i;
    EXPECT_EQ(std::bit_cast<std::uint64_t>(expected[i].value), std::bit_cast<std::uint64_t>(actual[i].value)) << i;
  }
}

}  // namespace

TEST(SnapshotCodec, EveryEntryRoundTripsBitForBit) {
  std::mt19937_64 rng(21);
  std::vector<SnapshotEntry> entries{
      {1, INT64_MIN, -0.0}, {2, INT64_MAX, std::numeric_limits<double>::quiet_NaN()}, {-5, 0, 1e300},
      {7, -1, std::numeric_limits<double>::infinity()}, {std::int64_t{1} << 40, 12, 0.1 + 0.2}};
  for (int i = 0; i < 500; ++i) {
    const double v = i % 3 == 0 ? std::bit_cast<double>(rng()) : static_cast<double>(rng() % 2'000'000) / 100.0;
    entries.push_back({100 + i * static_cast<std::int64_t>(rng() % 3), 1'767'225'600'000LL + static_cast<std::int64_t>(rng() % 60'000), v});
  }
  expectSame(entries, decodeSnapshot(encodeSnapshot(entries)).value());
  expectSame({}, decodeSnapshot(encodeSnapshot({})).value());
}

TEST(SnapshotCodec, MeterReadingsTakeAboutSevenBytesAnEntry) {
  std::vector<SnapshotEntry> entries;
  for (int id = 1; id <= 1000; ++id) entries.push_back({id, 1'767'225'600'000LL - (id % 60) * 1000, 41'000 + id * 0.7});
  const auto payload = encodeSnapshot(entries);
  EXPECT_LE(payload.size(), 10 + 1000 * 8);  // the first layout took 8 + 24 bytes an entry
  expectSame(entries, decodeSnapshot(payload).value());
}

// Bytes as schema 1-2 wrote them, built here by hand: u64 count, then u64 id, ts and value bits.
TEST(SnapshotCodec, TheFirstLayoutStillReads) {
  const std::vector<SnapshotEntry> entries{{3, 1000, 2.5}, {9, -7, -0.0}};
  std::vector<std::uint8_t> bytes;
  const auto put = [&](std::uint64_t v) {
    for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  };
  put(entries.size());
  for (const auto& e : entries) {
    put(static_cast<std::uint64_t>(e.tag_id));
    put(static_cast<std::uint64_t>(e.ts_ms));
    put(std::bit_cast<std::uint64_t>(e.value));
  }
  expectSame(entries, decodeSnapshot(bytes).value());
}

TEST(SnapshotCodec, TruncatedOrExtendedPayloadIsAnError) {
  std::vector<SnapshotEntry> entries;
  for (int id = 1; id <= 50; ++id) entries.push_back({id, id * 1000LL, id % 2 ? id / 10.0 : std::sqrt(id)});
  const auto payload = encodeSnapshot(entries);
  for (std::size_t len = 0; len < payload.size(); ++len) {
    EXPECT_FALSE(decodeSnapshot(std::span(payload).first(len))) << "length " << len;
  }
  auto longer = payload;
  longer.push_back(0);
  EXPECT_FALSE(decodeSnapshot(longer));
}

}  // namespace parktwin::store
