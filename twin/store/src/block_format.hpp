#pragma once
// The block layout shared by the encoder (block_codec.cpp) and the readers that decode blocks
// straight into what they compute (historian_read.cpp): header, integer codes and the decoder,
// which hands each sample to a sink instead of building a vector. See block_codec.hpp.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/store/bit_stream.hpp"
#include "varint.hpp"

namespace parktwin::store::detail {

inline constexpr std::uint32_t kDecimalFlag = 0x8000'0000U;
// Set with kDecimalFlag on compact decimal blocks (schema 5): no timestamp bit for a regular
// interval, adaptive Rice codes for the value deltas, a summary for downsample, smaller restart
// points. Older decimal blocks (schema 3 and 4) lack it and still decode.
inline constexpr std::uint32_t kCompactFlag = 0x4000'0000U;
inline constexpr std::uint32_t kCountMask = 0x3FFF'FFFFU;
inline constexpr int kMaxExponent = 15;
inline constexpr double kMaxScaled = 9007199254740992.0;  // 2^53: every smaller integer is an exact double
inline constexpr std::array<double, kMaxExponent + 1> kPow10 = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                                1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

inline std::uint64_t zigzag(std::uint64_t v) {  // v is an int64 in two's complement
  return (v << 1) ^ (0 - (v >> 63));
}
inline std::uint64_t unzigzag(std::uint64_t z) { return (z >> 1) ^ (0 - (z & 1)); }

inline std::uint64_t readTimestampDod(BitReader& r) {
  if (!r.readBit()) return 0;
  if (!r.readBit()) return unzigzag(r.read(7));
  if (!r.readBit()) return unzigzag(r.read(9));
  if (!r.readBit()) return unzigzag(r.read(12));
  return unzigzag(r.read(64));
}

// Decimal deltas: prefix '0' (no change), '10', '110', '1110', '11110', '11111' + payload bits.
inline constexpr std::array<int, 5> kDeltaBits = {4, 8, 13, 20, 64};

inline std::uint64_t readDecimalDelta(BitReader& r) {
  if (!r.readBit()) return 0;
  std::size_t bucket = 0;
  while (bucket + 1 < kDeltaBits.size() && r.readBit()) ++bucket;
  return unzigzag(r.read(kDeltaBits[bucket]));
}

// Decimal blocks carry restart points: the decoder's state at some samples, so a reader that
// wants the last sample before T (stateAt) starts from the nearest one instead of decoding the
// block from its start. The encoder adds one whenever the stream has grown by kDenseRestartBits
// since the last: about every 25 samples of a random walk at ~5 bits a sample, every 128 of a
// slowly changing state at 1 bit, none in a short block (blocks written before schema 9: every
// kRestartBits). A point holds the index of the sample it starts at, that sample's bit offset,
// and the state after the sample before it: timestamp and scaled value relative to the first
// sample, and the interval that led there.
inline constexpr std::uint64_t kRestartBits = 256;
// At most 63 points a block (31 before schema 9: noisy values at 128-bit spacing would have
// left the end of a 256-sample block without any). The count is then a one-byte varint.
inline constexpr std::size_t kMaxRestarts = 63;
// Dense compact blocks (schema 9, bit 6 of the exponent byte): a point every 128 bits, coded
// smaller (readCompactRestart). stateAt decodes half as many samples from its point to T: at
// 100k tags the sawtooth of that decoding over T was most of its p99.
inline constexpr std::uint64_t kDenseRestartBits = 128;
inline constexpr std::uint8_t kDenseFlag = 0x40;

// No member initializers: a header's table of 63 points is not cleared on every decode
// (readHeader sets those it holds); `Restart r{}` is a zeroed one.
struct Restart {
  std::uint64_t index;   // the next sample to decode
  std::uint64_t bit;     // where it starts in the bit stream
  std::uint64_t ts;      // the previous sample's, minus the first timestamp (wrapping)
  std::uint64_t delta;   // the interval that led to it
  std::uint64_t scaled;  // the previous sample's, minus the first scaled value (wrapping)
  std::uint64_t rice;    // compact blocks: the Rice adaptation state there
};

// Compact decimal blocks code each value delta (zigzag z) as Rice(k): z >> k in unary ('1' each,
// then '0'), then z's low k bits. k follows the recent deltas: the state s is a running sum
// (s -= s / 16, s += z), k = bit_width(s * 11 / 256), about log2(0.69 * mean z), Rice's best
// k for geometric-like data. A steady state costs 1 bit, a random walk of a few counts ~5 bits
// (the fixed buckets of the older blocks: ~6, plus 1 for the timestamp).
// Escapes, read as the unary prefix: kBigOnes ones then '0': a 6-bit length L-1, then z in L
// bits; kIntervalOnes ones: the interval changed, a timestamp delta-of-delta follows, then the
// value (never an interval escape again).
inline constexpr int kBigOnes = 20;
inline constexpr int kIntervalOnes = 21;
inline constexpr std::uint64_t kRiceCap = std::uint64_t{1} << 32;  // z's weight in s, capped
inline int riceK(std::uint64_t s) { return std::min(static_cast<int>(std::bit_width((s * 11) >> 8)), 40); }
inline std::uint64_t riceNext(std::uint64_t s, std::uint64_t z) { return s - (s >> 4) + std::min(z, kRiceCap); }

// What downsample needs of a whole block without decoding it: count (header), the smallest and
// largest scaled value, and the sum of each value's excess over the smallest (compact blocks;
// absent when that sum overflowed 64 bits). The value sum is count * min + sum_above_min.
struct BlockSummary {
  bool present = false;
  std::int64_t min = 0, max = 0;
  std::uint64_t sum_above_min = 0;
};

struct BlockHeader {
  bool decimal = false;
  bool compact = false;
  bool dense = false;  // compact, with dense restart points
  std::uint32_t count = 0;
  int exponent = 0;
  BlockSummary summary;
  std::uint64_t rice = 0;  // compact: the Rice state before the second sample
  std::size_t restart_count = 0;
  std::array<Restart, kMaxRestarts> restarts;  // the first restart_count are set
  std::span<const std::uint8_t> body;
};

// Compact restart points are stored relative to the previous one (or to the block start):
// index and bit offset as steps (the bit step minus the spacing, usually < 128), the interval
// as a change, the timestamp as its distance from index-1 regular intervals. Dense blocks put
// two flags under the bit step (bit 1: a timestamp distance follows, bit 0: an interval change
// follows; both are 0 in a regular series) and store the scaled value as a step from the
// previous point: ~5 bytes a point instead of ~7, so twice the points cost ~1.4x the bytes.
inline bool readCompactRestart(std::span<const std::uint8_t> payload, std::size_t& at, const Restart& previous, bool dense,
                               Restart& r) {
  std::uint64_t step = 0, bitStep = 0, tsOff = 0, deltaChange = 0, scaled = 0, rice = 0;
  if (!getVarint(payload, at, step) || !getVarint(payload, at, bitStep)) return false;
  const bool hasTs = !dense || (bitStep & 2) != 0, hasDelta = !dense || (bitStep & 1) != 0;
  if ((hasTs && !getVarint(payload, at, tsOff)) || (hasDelta && !getVarint(payload, at, deltaChange)) ||
      !getVarint(payload, at, scaled) || !getVarint(payload, at, rice)) {
    return false;
  }
  r.index = previous.index + step;
  r.bit = previous.bit + (dense ? kDenseRestartBits + (bitStep >> 2) : kRestartBits + bitStep);
  r.delta = previous.delta + unzigzag(deltaChange);
  r.ts = (r.index - 1) * r.delta + unzigzag(tsOff);
  r.scaled = (dense ? previous.scaled : 0) + unzigzag(scaled);
  r.rice = rice;
  return step > 0;
}

// The summary of a compact block (after its exponent byte, whose bit 7 says it is there):
// zigzag min, max - min, sum above min, as varints.
inline bool readSummary(std::span<const std::uint8_t> payload, std::size_t& at, BlockSummary& s) {
  std::uint64_t lo = 0, range = 0;
  if (!getVarint(payload, at, lo) || !getVarint(payload, at, range) || !getVarint(payload, at, s.sum_above_min)) return false;
  s.min = static_cast<std::int64_t>(unzigzag(lo));
  s.max = static_cast<std::int64_t>(static_cast<std::uint64_t>(s.min) + range);
  return true;
}

// Fills `h` in place: it is over a kilobyte, too big to return by value on every decode.
// With `summaryOnly` a compact block's header is read up to its summary (downsample's whole
// blocks need no more).
inline Result<void> readHeader(std::span<const std::uint8_t> payload, BlockHeader& h, bool summaryOnly = false) {
  if (payload.size() < 4) return fail("block payload truncated: no header");
  std::uint32_t word = 0;
  for (std::size_t i = 0; i < 4; ++i) word |= static_cast<std::uint32_t>(payload[i]) << (8 * i);
  h.restart_count = 0;
  h.dense = false;
  h.decimal = (word & kDecimalFlag) != 0;
  h.compact = h.decimal && (word & kCompactFlag) != 0;
  h.count = word & (h.compact ? kCountMask : ~kDecimalFlag);
  h.summary = {};
  std::size_t at = 4;
  if (h.decimal) {
    if (payload.size() < 6) return fail("block payload truncated: no decimal exponent");
    const std::uint8_t exponentByte = payload[at++];
    h.dense = h.compact && (exponentByte & kDenseFlag) != 0;
    h.exponent = h.compact ? (exponentByte & 0x3F) : exponentByte;
    if (h.exponent > kMaxExponent) return fail("block payload corrupt: decimal exponent " + std::to_string(h.exponent));
    if (h.compact) {
      if ((exponentByte & 0x80) != 0) {
        if (!readSummary(payload, at, h.summary)) return fail("block payload truncated: summary");
        h.summary.present = true;
      }
      if (summaryOnly) return {};
      if (!getVarint(payload, at, h.rice)) return fail("block payload truncated: Rice state");
    }
    std::uint64_t restarts = 0;
    if (!getVarint(payload, at, restarts) || restarts > kMaxRestarts) return fail("block payload corrupt: restart point count");
    h.restart_count = static_cast<std::size_t>(restarts);
    Restart previous{};
    previous.bit = 128;  // the first point's bit step counts from the first sample's end
    for (std::size_t j = 0; j < h.restart_count; ++j) {
      Restart& r = h.restarts[j];
      if (h.compact) {
        if (!readCompactRestart(payload, at, previous, h.dense, r)) return fail("block payload corrupt: restart point " + std::to_string(j));
        previous = r;
      } else if (!getVarint(payload, at, r.index) || !getVarint(payload, at, r.bit) || !getVarint(payload, at, r.ts) ||
                 !getVarint(payload, at, r.delta) || !getVarint(payload, at, r.scaled)) {
        return fail("block payload truncated: restart point " + std::to_string(j));
      }
      if (r.index == 0 || r.index >= h.count || (j > 0 && r.index <= h.restarts[j - 1].index)) {
        return fail("block payload corrupt: restart point " + std::to_string(j) + " at sample " + std::to_string(r.index));
      }
      if (!h.compact) {
        r.rice = 0;
        r.ts = unzigzag(r.ts);
        r.delta = unzigzag(r.delta);
        r.scaled = unzigzag(r.scaled);
      }
    }
  }
  h.body = payload.subspan(at);
  // Every sample after the first needs at least 2 bits (1 in a compact block), the first 128:
  // reject an impossible count before a caller allocates for it.
  const std::size_t minBits = h.compact ? 1 : 2;
  if (h.count > 0 && (h.body.size() * 8 < 128 || (h.count - 1) > (h.body.size() * 8 - 128) / minBits)) {
    return fail("block payload corrupt: count " + std::to_string(h.count) + " does not fit in " +
                std::to_string(h.body.size()) + " bytes");
  }
  return {};
}

// One decimal sample's timestamp and value delta from a single peek, for the usual case: a
// regular interval ('0') and a delta in the first four buckets. Returns the bits used, 0 when
// the slow path must read it.
inline int fastDecimalSample(std::uint64_t peeked, std::uint64_t& delta) {
  if (peeked >> 63) return 0;  // the interval changed
  const std::uint64_t v = peeked << 1;
  if ((v >> 63) == 0) {
    delta = 0;
    return 2;
  }
  const int ones = std::countl_one(v);
  if (ones >= static_cast<int>(kDeltaBits.size())) return 0;  // the 64-bit bucket
  const int prefix = ones + 1, bits = kDeltaBits[static_cast<std::size_t>(ones - 1)];
  delta = unzigzag((v << prefix) >> (64 - bits));
  return 1 + prefix + bits;
}

// A full decode (first = {first ts, first scaled}) checks every restart point against the
// state it decoded there, so a damaged restart table is an error there; a decode from a
// restart point (first = nullptr) checks nothing.
struct RestartCheck {
  const BlockHeader& h;
  const std::uint64_t* first;
  std::size_t next = 0;
  // Where a fast batch must stop, so the bit position is known at the next point.
  std::uint32_t batchEnd() const {
    return first && next < h.restart_count ? static_cast<std::uint32_t>(h.restarts[next].index) : h.count;
  }
  // The state before sample i; `rice` only in compact blocks (0 otherwise, as stored).
  bool matches(std::uint32_t i, std::size_t bit, std::uint64_t ts, std::uint64_t delta, std::uint64_t scaled,
               std::uint64_t rice = 0) {
    if (!first || next >= h.restart_count || i != h.restarts[next].index) return true;
    const Restart& p = h.restarts[next++];
    return p.bit == bit && p.ts == ts - first[0] && p.delta == delta && p.scaled == scaled - first[1] && p.rice == rice;
  }
  Result<void> mismatch() const {
    return fail("block payload corrupt: restart point " + std::to_string(next - 1) + " does not match the stream");
  }
  Result<void> finish() const {
    if (first && next < h.restart_count && h.count > 0) {
      return fail("block payload corrupt: restart point " + std::to_string(next) + " lies past the last sample");
    }
    return {};
  }
};

// The samples of a decimal block after sample `i - 1` (whose state is ts, scaled, delta):
// sink.decimal(ts, r, e) for each up to stopAfterTs. Most samples take the fast path, several
// from one peek of the bit stream. A full decode also checks every restart point (RestartCheck).
template <typename Sink>
Result<void> decodeDecimalTail(BitReader& r, const BlockHeader& h, std::uint32_t i, std::uint64_t ts,
                               std::uint64_t scaled, std::uint64_t delta, std::int64_t stopAfterTs, Sink& sink,
                               const std::uint64_t* first = nullptr) {
  const auto emit = [&]() {
    const auto tsSigned = static_cast<std::int64_t>(ts);
    if (tsSigned > stopAfterTs) return false;
    sink.decimal(tsSigned, static_cast<std::int64_t>(scaled), h.exponent);
    return true;
  };
  RestartCheck check{h, first};
  while (i < h.count) {
    // A peek holds 57 bits or more; a fast sample takes at most 26 and must lie inside the block.
    const std::uint64_t peeked = r.peek();
    const std::size_t left = r.bitsLeft();
    int used = 0;
    const std::uint32_t batchEnd = check.batchEnd();
    while (i < batchEnd && used <= 57 - 26) {
      std::uint64_t valueDelta = 0;
      const int bits = fastDecimalSample(peeked << used, valueDelta);
      if (bits == 0 || static_cast<std::size_t>(used + bits) > left) break;
      used += bits;
      ts += delta;
      scaled += valueDelta;
      ++i;
      if (!emit()) return {};
    }
    r.skip(used);
    if (!check.matches(i, r.bitPosition(), ts, delta, scaled)) return check.mismatch();
    if (used > 0 || i >= h.count) continue;
    // Slow path: a changed interval, a large delta, or a truncated block.
    delta += readTimestampDod(r);
    const std::uint64_t valueDelta = readDecimalDelta(r);
    if (r.failed()) return fail("block payload truncated at sample " + std::to_string(i) + " of " + std::to_string(h.count));
    ts += delta;
    scaled += valueDelta;
    ++i;
    if (!emit()) return {};
    if (!check.matches(i, r.bitPosition(), ts, delta, scaled)) return check.mismatch();
  }
  return check.finish();
}

// A compact value code (after any interval escape); false on an escape that is not allowed.
inline bool readRiceValue(BitReader& r, std::uint64_t rice, std::uint64_t& z) {
  const std::uint64_t peeked = r.peek();
  const int ones = std::countl_one(peeked);
  if (ones < kBigOnes) {
    const int k = riceK(rice);
    r.skip(ones + 1);
    z = (static_cast<std::uint64_t>(ones) << k) | r.read(k);
    return true;
  }
  if (ones > kBigOnes) return false;
  r.skip(kBigOnes + 1);
  const int length = static_cast<int>(r.read(6)) + 1;
  z = r.read(length);
  return true;
}

// The samples of a compact decimal block after sample `i - 1` (whose state is ts, scaled,
// delta, rice): sink.decimal(ts, r, e) for each up to stopAfterTs. A regular interval and a
// short code take the fast path, several samples from one peek. `first` as in the older layout.
template <typename Sink>
Result<void> decodeCompactTail(BitReader& r, const BlockHeader& h, std::uint32_t i, std::uint64_t ts,
                               std::uint64_t scaled, std::uint64_t delta, std::uint64_t rice, std::int64_t stopAfterTs,
                               Sink& sink, const std::uint64_t* first = nullptr) {
  RestartCheck check{h, first};
  while (i < h.count) {
    const std::uint64_t peeked = r.peek();
    const std::size_t left = r.bitsLeft();
    int used = 0;
    const std::uint32_t batchEnd = check.batchEnd();
    while (i < batchEnd) {
      const std::uint64_t v = peeked << used;
      const int ones = std::countl_one(v);
      if (ones >= kBigOnes) break;
      const int k = riceK(rice);
      const int bits = ones + 1 + k;
      if (used + bits > 57 || static_cast<std::size_t>(used + bits) > left) break;
      const std::uint64_t z = (static_cast<std::uint64_t>(ones) << k) | (k == 0 ? 0 : (v << (ones + 1)) >> (64 - k));
      used += bits;
      ts += delta;
      scaled += unzigzag(z);
      rice = riceNext(rice, z);
      ++i;
      if (static_cast<std::int64_t>(ts) > stopAfterTs) return {};
      sink.decimal(static_cast<std::int64_t>(ts), static_cast<std::int64_t>(scaled), h.exponent);
    }
    r.skip(used);
    if (!check.matches(i, r.bitPosition(), ts, delta, scaled, rice)) return check.mismatch();
    if (used > 0 || i >= h.count) continue;
    // Slow path: an escape, a long code, or a truncated block.
    if (std::countl_one(r.peek()) >= kIntervalOnes) {
      r.skip(kIntervalOnes);
      delta += readTimestampDod(r);
    }
    std::uint64_t z = 0;
    if (!readRiceValue(r, rice, z)) return fail("block payload corrupt: escape at sample " + std::to_string(i));
    if (r.failed()) return fail("block payload truncated at sample " + std::to_string(i) + " of " + std::to_string(h.count));
    ts += delta;
    scaled += unzigzag(z);
    rice = riceNext(rice, z);
    ++i;
    if (static_cast<std::int64_t>(ts) > stopAfterTs) return {};
    sink.decimal(static_cast<std::int64_t>(ts), static_cast<std::int64_t>(scaled), h.exponent);
    if (!check.matches(i, r.bitPosition(), ts, delta, scaled, rice)) return check.mismatch();
  }
  return check.finish();
}

// Calls sink.decimal(ts, r, e) or sink.xorBits(ts, bits) for each sample up to stopAfterTs.
// The sink turns r into a double only where it needs one (stateAt needs the last value only).
template <typename Sink>
Result<void> decodeEach(std::span<const std::uint8_t> payload, std::int64_t stopAfterTs, Sink& sink,
                        bool fromRestart = false) {
  BlockHeader h;
  if (auto ok = readHeader(payload, h); !ok) return ok;
  if (h.count == 0) return {};
  BitReader r(h.body);
  std::uint64_t ts = r.read(64);
  if (h.decimal) {
    const std::uint64_t scaled = unzigzag(r.read(64));
    if (r.failed()) return fail("block payload truncated at sample 0 of " + std::to_string(h.count));
    if (static_cast<std::int64_t>(ts) > stopAfterTs) return {};
    if (fromRestart) {
      // The last restart point at or before stopAfterTs, for a block in time order (the
      // historian's): every sample before it is earlier, so decoding can start there.
      std::size_t j = h.restart_count;
      while (j > 0 && static_cast<std::int64_t>(ts + h.restarts[j - 1].ts) > stopAfterTs) --j;
      if (j > 0) {
        const Restart& p = h.restarts[j - 1];
        r.seek(p.bit);
        if (r.failed()) return fail("block payload corrupt: restart point " + std::to_string(j - 1) + " lies past the end");
        const std::uint64_t at = ts + p.ts, value = scaled + p.scaled;
        sink.decimal(static_cast<std::int64_t>(at), static_cast<std::int64_t>(value), h.exponent);
        if (h.compact) {
          return decodeCompactTail(r, h, static_cast<std::uint32_t>(p.index), at, value, p.delta, p.rice, stopAfterTs, sink);
        }
        return decodeDecimalTail(r, h, static_cast<std::uint32_t>(p.index), at, value, p.delta, stopAfterTs, sink);
      }
    }
    sink.decimal(static_cast<std::int64_t>(ts), static_cast<std::int64_t>(scaled), h.exponent);
    const std::uint64_t first[2] = {ts, scaled};
    if (h.compact) {
      return decodeCompactTail(r, h, 1, ts, scaled, 0, h.rice, stopAfterTs, sink, fromRestart ? nullptr : first);
    }
    return decodeDecimalTail(r, h, 1, ts, scaled, 0, stopAfterTs, sink, fromRestart ? nullptr : first);
  }
  std::uint64_t delta = 0, valueBits = r.read(64);
  int leading = -1, trailing = 0;
  for (std::uint32_t i = 0; i < h.count; ++i) {
    if (i > 0) {
      delta += readTimestampDod(r);
      ts += delta;
      if (r.readBit()) {
        if (r.readBit()) {
          leading = static_cast<int>(r.read(5));
          const int length = static_cast<int>(r.read(6)) + 1;
          trailing = 64 - leading - length;
          if (trailing < 0) return fail("block payload corrupt: XOR window exceeds 64 bits at sample " + std::to_string(i));
        } else if (leading < 0) {
          return fail("block payload corrupt: reuses an XOR window before one was set at sample " + std::to_string(i));
        }
        const int length = 64 - leading - trailing;
        valueBits ^= r.read(length) << trailing;
      }
    }
    if (r.failed()) return fail("block payload truncated at sample " + std::to_string(i) + " of " + std::to_string(h.count));
    if (static_cast<std::int64_t>(ts) > stopAfterTs) break;
    sink.xorBits(static_cast<std::int64_t>(ts), valueBits);
  }
  return {};
}

inline double fromDecimal(std::int64_t r, int exponent) { return static_cast<double>(r) / kPow10[static_cast<std::size_t>(exponent)]; }

}  // namespace parktwin::store::detail
