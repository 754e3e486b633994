#pragma once
// The historian's block codec: delta-of-delta timestamps as in Gorilla (Pelkonen et al.,
// "Gorilla: A Fast, Scalable, In-Memory Time Series Database", VLDB 2015) and one of two value
// encodings per block, chosen by the encoder:
//   * decimal: every value of the block is an integer r over 10^e (e = 0..15, |r| <= 2^53, and
//     r / 10^e gives back the exact double). Values that came from text or an instrument with a
//     fixed resolution ("412.37") are such decimals; the block stores r's deltas, so a random
//     walk in steps of a few counts costs a byte or less per sample;
//   * xor: Gorilla's XOR of each value with the previous one, for any other double.
// Both are lossless, bit for bit (NaN payloads, -0.0, infinities). Written by hand because no
// Debian 12 package provides such a codec (see docs/historian.md).
//
// Block layout: a 4-byte little-endian word (bit 31: decimal; bits 0..30: sample count), for a
// decimal block one byte e and its restart points (a varint count, then per point five varints:
// sample index, bit offset, timestamp and scaled value relative to the first sample, interval;
// one each 256 bits of stream, at most 31, so stateAt decodes ~32 samples of a block, not
// 256), then a bit stream, most significant bit first:
//   first sample: 64-bit timestamp, then the value: 64-bit IEEE-754 (xor) or 64-bit zigzag r;
//   each next timestamp: delta-of-delta (ms), zigzag, in 1 / 2+7 / 3+9 / 4+12 / 4+64 bits;
//   each next value, xor: '0' if bit-identical to the previous one, '10' + meaningful bits
//     inside the previous window, or '11' + 5-bit leading zeros + 6-bit length-1 + bits;
//   each next value, decimal: zigzag(r - previous r) in 1 ('0' = repeated) / 2+4 / 3+8 /
//     4+13 / 5+20 / 5+64 bits.
// Compact decimal blocks (schema 5, what the encoder writes; bit 30 of the word also set, count
// in bits 0..29): the exponent byte's bit 7 says a summary follows (varints: zigzag min, max and
// sum of the scaled values minus the first one's), then the Rice state (varint), then restart
// points (count, then per point varints relative to the previous point: six, one each 256 bits;
// since schema 9, bit 6 of the exponent byte set, four to six, one each 128 bits). Per sample after
// the first, no timestamp bits while the interval stays the same; the value delta as an
// adaptive Rice code with two escapes (a long value; a changed interval, followed by its
// delta-of-delta). Details in block_format.hpp.
// Timestamp arithmetic wraps in uint64, so any int64 sequence round-trips exactly.
#include <bit>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/store/bit_stream.hpp"
#include "parktwin/store/types.hpp"

namespace parktwin::store {

// A value known to be a decimal: value == scaled / 10^exponent, the same double (a simulator
// rounds to its instrument's digits and divides by the exact power of ten).
struct KnownDecimal {
  std::int64_t scaled = 0;
  int exponent = 0;
};

class BlockEncoder {
 public:
  void append(std::int64_t ts_ms, double value);
  // append() for a value whose decimal form the caller already has (`known`, see KnownDecimal):
  // the block's integer comes from it without multiplying, rounding and dividing back to check.
  // The bits written are append()'s; any case the shortcut does not cover goes through append().
  void appendDecimal(std::int64_t ts_ms, double value, KnownDecimal known);
  std::uint32_t count() const { return count_; }
  bool empty() const { return count_ == 0; }
  bool decimal() const { return decimal_; }
  std::int64_t firstTs() const { return firstTs_; }
  std::int64_t lastTs() const { return lastTs_; }
  double lastValue() const { return std::bit_cast<double>(lastValueBits_); }
  // The last value as a decimal block holds it: a second encoder of the same values (the
  // historian's tail) takes it with appendDecimal instead of finding its decimal form again.
  std::optional<KnownDecimal> lastDecimal() const {
    return decimal_ && count_ > 0 ? std::optional(KnownDecimal{lastScaled_, exponent_}) : std::nullopt;
  }
  std::size_t payloadBytes() const { return headerBytes() + restartBytes_.size() + (bits_.bitCount() + 7) / 8; }
  // The complete block (header + bits) as it stands; the encoder can keep appending.
  std::vector<std::uint8_t> payload() const;
  // The same into `out` (cleared first): a commit rewrites every open block through one buffer.
  void payloadInto(std::vector<std::uint8_t>& out) const;
  // The same after what `out` holds (a fold copies its blocks into one buffer; no reserve here,
  // which would defeat the vector's growth when called per block).
  void appendPayloadTo(std::vector<std::uint8_t>& out) const;
  void clear();

 private:
  // + summary, Rice state and restart count (estimates: payloadBytes() only bounds blocks)
  std::size_t headerBytes() const { return decimal_ ? 12 : 4; }
  void writeTimestamp(std::int64_t ts_ms);
  void writeXorValue(std::uint64_t valueBits);
  void writeRiceValue(std::uint64_t z);
  // A decimal block's next value, `scaled` at the block's exponent; then the sample's common tail.
  void writeDecimal(std::int64_t ts_ms, std::int64_t scaled);
  void finishSample(std::int64_t ts_ms, std::uint64_t valueBits);
  void addRestartPoint();
  void startDecimal(std::int64_t scaled);
  // A value that does not fit the block's decimal exponent: re-encodes the block with more
  // digits, or as xor when no exponent holds every value.
  void reencodeWith(std::int64_t ts_ms, double value);

  BitWriter bits_;
  std::vector<std::uint8_t> restartBytes_;  // decimal: the restart points, encoded
  std::uint8_t restartCount_ = 0;
  std::size_t lastRestartBit_ = 128;  // the first sample's 128 bits need no restart
  std::uint32_t count_ = 0;
  bool decimal_ = false;
  int exponent_ = 0;              // decimal: values are r / 10^exponent_
  std::int64_t lastScaled_ = 0;   // decimal: r of the last value
  std::int64_t firstScaled_ = 0;  // decimal: r of the first value
  std::int64_t firstTs_ = 0;
  std::int64_t lastTs_ = 0;
  std::uint64_t lastDelta_ = 0;
  std::uint64_t lastValueBits_ = 0;
  // Compact decimal blocks: Rice state (kept by clear(), so the next block of a tag starts
  // adapted), previous restart point, and the summary of the scaled values.
  std::uint64_t rice_ = 0, riceStart_ = 0;
  std::uint64_t restartIndex_ = 0, restartDelta_ = 0, restartScaled_ = 0;  // restartScaled_: less the first
  std::int64_t minScaled_ = 0, maxScaled_ = 0, sumRel_ = 0;
  bool sumOverflow_ = false;
  int leading_ = -1;   // previous XOR window; -1 = none yet
  int trailing_ = 0;
};

std::vector<std::uint8_t> encodeBlock(std::span<const Sample> samples);

// Decodes a block. Stops early (without error) after the first sample whose timestamp exceeds
// `stopAfterTs`, which is then not included. A truncated or corrupt blob returns an error.
Result<std::vector<Sample>> decodeBlock(std::span<const std::uint8_t> payload,
                                        std::int64_t stopAfterTs = INT64_MAX);
// The last sample at or before `atOrBefore` (nullopt if the block starts after it), without
// building the sample vector: what stateAt needs from the block that straddles T. Starts from
// the nearest restart point, so the block's timestamps must be in order (the historian's are).
Result<std::optional<Sample>> decodeLastAtOrBefore(std::span<const std::uint8_t> payload, std::int64_t atOrBefore);

// r with r / 10^exponent == value bit for bit and |r| <= 2^53, if there is one.
std::optional<std::int64_t> decimalScaled(double value, int exponent);

}  // namespace parktwin::store
