#pragma once
// Gorilla-style block codec (Pelkonen et al., "Gorilla: A Fast, Scalable, In-Memory Time
// Series Database", VLDB 2015): delta-of-delta timestamps and XOR-compressed doubles.
// Written by hand because no Debian 12 package provides one (see docs/historian.md).
//
// Block layout: 4-byte little-endian sample count, then a bit stream:
//   first sample: 64-bit timestamp, 64-bit IEEE-754 value;
//   each next timestamp: delta-of-delta (ms), zigzag, in 1 / 2+7 / 3+9 / 4+12 / 4+64 bits;
//   each next value: '0' if bit-identical to the previous one (a repeated state costs 1 bit),
//   '10' + meaningful bits inside the previous window, or '11' + 5-bit leading zeros +
//   6-bit length-1 + meaningful bits. All arithmetic on timestamps wraps in uint64, so any
//   int64 sequence (huge gaps, negative deltas) round-trips exactly.
#include <bit>
#include <cstdint>
#include <span>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/store/bit_stream.hpp"
#include "parktwin/store/types.hpp"

namespace parktwin::store {

class GorillaEncoder {
 public:
  void append(std::int64_t ts_ms, double value);
  std::uint32_t count() const { return count_; }
  bool empty() const { return count_ == 0; }
  std::int64_t firstTs() const { return firstTs_; }
  std::int64_t lastTs() const { return lastTs_; }
  double lastValue() const { return std::bit_cast<double>(lastValueBits_); }
  std::size_t payloadBytes() const { return 4 + (bits_.bitCount() + 7) / 8; }
  // The complete block (header + bits) as it stands; the encoder can keep appending.
  std::vector<std::uint8_t> payload() const;
  void clear();

 private:
  BitWriter bits_;
  std::uint32_t count_ = 0;
  std::int64_t firstTs_ = 0;
  std::int64_t lastTs_ = 0;
  std::uint64_t lastDelta_ = 0;
  std::uint64_t lastValueBits_ = 0;
  int leading_ = -1;   // previous XOR window; -1 = none yet
  int trailing_ = 0;
};

std::vector<std::uint8_t> encodeBlock(std::span<const Sample> samples);

// Decodes a block. Stops early (without error) after the first sample whose timestamp exceeds
// `stopAfterTs`, which is then not included. A truncated or corrupt blob returns an error.
Result<std::vector<Sample>> decodeBlock(std::span<const std::uint8_t> payload,
                                        std::int64_t stopAfterTs = INT64_MAX);

}  // namespace parktwin::store
