#include "parktwin/store/bit_stream.hpp"

#include <gtest/gtest.h>

#include <random>

namespace parktwin::store {

TEST(BitStream, WritesMostSignificantBitFirst) {
  BitWriter w;
  w.write(0b101, 3);
  w.write(0b11111, 5);
  w.write(0b1, 1);
  EXPECT_EQ(w.bytes(), (std::vector<std::uint8_t>{0b10111111, 0b10000000}));
  EXPECT_EQ(w.bitCount(), 9U);
}

TEST(BitStream, RoundTripsRandomWidthsIncluding64) {
  std::mt19937_64 rng(42);
  std::vector<std::pair<std::uint64_t, int>> written;
  BitWriter w;
  for (int i = 0; i < 5000; ++i) {
    const int width = static_cast<int>(rng() % 64) + 1;
    std::uint64_t value = rng();
    if (width < 64) value &= (std::uint64_t{1} << width) - 1;
    w.write(value, width);
    written.emplace_back(value, width);
  }
  const auto bytes = w.bytes();
  BitReader r(bytes);
  for (const auto& [value, width] : written) ASSERT_EQ(r.read(width), value);
  EXPECT_FALSE(r.failed());
  EXPECT_LT(r.bitsLeft(), 8U);
}

// The word-at-a-time writer and reader against a one-bit-at-a-time reference built here.
TEST(BitStream, MatchesABitByBitReference) {
  std::mt19937_64 rng(7);
  std::vector<bool> reference;
  std::vector<std::pair<std::uint64_t, int>> written;
  BitWriter w;
  for (int i = 0; i < 3000; ++i) {
    const int width = static_cast<int>(rng() % 65);  // 0..64
    const std::uint64_t value = rng();
    w.write(value, width);
    for (int b = width - 1; b >= 0; --b) reference.push_back(((value >> b) & 1) != 0);
    written.emplace_back(width == 64 ? value : value & ((std::uint64_t{1} << width) - 1), width);
    ASSERT_EQ(w.bitCount(), reference.size());
  }
  std::vector<std::uint8_t> expected((reference.size() + 7) / 8, 0);
  for (std::size_t b = 0; b < reference.size(); ++b) {
    if (reference[b]) expected[b / 8] |= static_cast<std::uint8_t>(0x80 >> (b % 8));
  }
  const auto bytes = w.bytes();
  ASSERT_EQ(bytes, expected);
  BitReader r(bytes);
  for (const auto& [value, width] : written) ASSERT_EQ(r.read(width), value);
  EXPECT_FALSE(r.failed());
}

TEST(BitStream, ReadingPastTheEndFailsAndStaysFailed) {
  const std::vector<std::uint8_t> bytes{0xFF};
  BitReader r(bytes);
  EXPECT_EQ(r.read(6), 0b111111U);
  EXPECT_EQ(r.read(3), 0U);
  EXPECT_TRUE(r.failed());
  EXPECT_EQ(r.read(1), 0U);  // sticky, even though one bit is left
  EXPECT_TRUE(r.failed());
}

}  // namespace parktwin::store
