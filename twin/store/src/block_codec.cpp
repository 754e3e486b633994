#include "parktwin/store/block_codec.hpp"

#include <array>
#include <cmath>
#include <string>

namespace parktwin::store {
namespace {

constexpr std::uint32_t kDecimalFlag = 0x8000'0000U;
constexpr int kMaxExponent = 15;
constexpr double kMaxScaled = 9007199254740992.0;  // 2^53: every smaller integer is an exact double
constexpr std::array<double, kMaxExponent + 1> kPow10 = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                         1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

std::uint64_t zigzag(std::uint64_t v) {  // v is an int64 in two's complement
  return (v << 1) ^ (0 - (v >> 63));
}
std::uint64_t unzigzag(std::uint64_t z) { return (z >> 1) ^ (0 - (z & 1)); }

void writeTimestampDod(BitWriter& w, std::uint64_t dod) {
  const std::uint64_t z = zigzag(dod);
  if (z == 0) {
    w.write(0b0, 1);
  } else if (z < (1U << 7)) {
    w.write(0b10, 2);
    w.write(z, 7);
  } else if (z < (1U << 9)) {
    w.write(0b110, 3);
    w.write(z, 9);
  } else if (z < (1U << 12)) {
    w.write(0b1110, 4);
    w.write(z, 12);
  } else {
    w.write(0b1111, 4);
    w.write(z, 64);
  }
}

std::uint64_t readTimestampDod(BitReader& r) {
  if (!r.readBit()) return 0;
  if (!r.readBit()) return unzigzag(r.read(7));
  if (!r.readBit()) return unzigzag(r.read(9));
  if (!r.readBit()) return unzigzag(r.read(12));
  return unzigzag(r.read(64));
}

// Decimal deltas: prefix '0' (no change), '10', '110', '1110', '11110', '11111' + payload bits.
constexpr std::array<int, 5> kDeltaBits = {4, 8, 13, 20, 64};

void writeDecimalDelta(BitWriter& w, std::uint64_t delta) {
  const std::uint64_t z = zigzag(delta);
  if (z == 0) {
    w.write(0b0, 1);
    return;
  }
  std::size_t bucket = 0;
  while (bucket + 1 < kDeltaBits.size() && z >= (std::uint64_t{1} << kDeltaBits[bucket])) ++bucket;
  const auto ones = static_cast<int>(bucket) + 1;
  if (bucket + 1 < kDeltaBits.size()) {
    w.write(((std::uint64_t{1} << ones) - 1) << 1, ones + 1);  // bucket + 1 ones, then a zero
  } else {
    w.write((std::uint64_t{1} << ones) - 1, ones);  // the last bucket needs no terminating zero
  }
  w.write(z, kDeltaBits[bucket]);
}

std::uint64_t readDecimalDelta(BitReader& r) {
  if (!r.readBit()) return 0;
  std::size_t bucket = 0;
  while (bucket + 1 < kDeltaBits.size() && r.readBit()) ++bucket;
  return unzigzag(r.read(kDeltaBits[bucket]));
}

std::optional<int> smallestExponent(double value, int from) {
  for (int e = from; e <= kMaxExponent; ++e) {
    if (decimalScaled(value, e)) return e;
  }
  return std::nullopt;
}

// Reads the block header: whether it is decimal, its count and exponent, and the bit stream.
struct BlockHeader {
  bool decimal = false;
  std::uint32_t count = 0;
  int exponent = 0;
  std::span<const std::uint8_t> body;
};

Result<BlockHeader> readHeader(std::span<const std::uint8_t> payload) {
  if (payload.size() < 4) return fail("block payload truncated: no header");
  std::uint32_t word = 0;
  for (std::size_t i = 0; i < 4; ++i) word |= static_cast<std::uint32_t>(payload[i]) << (8 * i);
  BlockHeader h;
  h.decimal = (word & kDecimalFlag) != 0;
  h.count = word & ~kDecimalFlag;
  if (h.decimal) {
    if (payload.size() < 5) return fail("block payload truncated: no decimal exponent");
    h.exponent = payload[4];
    if (h.exponent > kMaxExponent) return fail("block payload corrupt: decimal exponent " + std::to_string(h.exponent));
  }
  h.body = payload.subspan(h.decimal ? 5 : 4);
  // Every sample after the first needs at least 2 bits, the first 128: reject an impossible
  // count before a caller allocates for it.
  if (h.count > 0 && (h.body.size() * 8 < 128 || (h.count - 1) > (h.body.size() * 8 - 128) / 2)) {
    return fail("block payload corrupt: count " + std::to_string(h.count) + " does not fit in " +
                std::to_string(h.body.size()) + " bytes");
  }
  return h;
}

// One decimal sample's timestamp and value delta from a single peek, for the usual case: a
// regular interval ('0') and a delta in the first four buckets. Returns the bits used, 0 when
// the slow path must read it.
int fastDecimalSample(std::uint64_t peeked, std::uint64_t& delta) {
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

// The samples of a decimal block after the first: sink.decimal(ts, r, e) for each up to
// stopAfterTs. Most samples take the fast path, several from one peek of the bit stream.
template <typename Sink>
Result<void> decodeDecimalTail(BitReader& r, const BlockHeader& h, std::uint64_t ts, std::uint64_t scaled,
                               std::int64_t stopAfterTs, Sink& sink) {
  std::uint64_t delta = 0;
  std::uint32_t i = 1;
  const auto emit = [&]() {
    const auto tsSigned = static_cast<std::int64_t>(ts);
    if (tsSigned > stopAfterTs) return false;
    sink.decimal(tsSigned, static_cast<std::int64_t>(scaled), h.exponent);
    return true;
  };
  while (i < h.count) {
    // A peek holds 57 bits or more; a fast sample takes at most 26 and must lie inside the block.
    const std::uint64_t peeked = r.peek();
    const std::size_t left = r.bitsLeft();
    int used = 0;
    while (i < h.count && used <= 57 - 26) {
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
    if (used > 0 || i >= h.count) continue;
    // Slow path: a changed interval, a large delta, or a truncated block.
    delta += readTimestampDod(r);
    const std::uint64_t valueDelta = readDecimalDelta(r);
    if (r.failed()) return fail("block payload truncated at sample " + std::to_string(i) + " of " + std::to_string(h.count));
    ts += delta;
    scaled += valueDelta;
    ++i;
    if (!emit()) return {};
  }
  return {};
}

// Calls sink.decimal(ts, r, e) or sink.xorBits(ts, bits) for each sample up to stopAfterTs.
// The sink turns r into a double only where it needs one (stateAt needs the last value only).
template <typename Sink>
Result<void> decodeEach(std::span<const std::uint8_t> payload, std::int64_t stopAfterTs, Sink& sink) {
  auto header = readHeader(payload);
  if (!header) return std::unexpected(header.error());
  const BlockHeader& h = *header;
  if (h.count == 0) return {};
  BitReader r(h.body);
  std::uint64_t ts = r.read(64);
  if (h.decimal) {
    const std::uint64_t scaled = unzigzag(r.read(64));
    if (r.failed()) return fail("block payload truncated at sample 0 of " + std::to_string(h.count));
    if (static_cast<std::int64_t>(ts) > stopAfterTs) return {};
    sink.decimal(static_cast<std::int64_t>(ts), static_cast<std::int64_t>(scaled), h.exponent);
    return decodeDecimalTail(r, h, ts, scaled, stopAfterTs, sink);
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

double fromDecimal(std::int64_t r, int exponent) { return static_cast<double>(r) / kPow10[static_cast<std::size_t>(exponent)]; }

}  // namespace

std::optional<std::int64_t> decimalScaled(double value, int exponent) {
  if (exponent < 0 || exponent > kMaxExponent) return std::nullopt;
  const double scale = kPow10[static_cast<std::size_t>(exponent)];
  const double rounded = std::nearbyint(value * scale);
  if (!(std::fabs(rounded) <= kMaxScaled)) return std::nullopt;  // also NaN and infinities
  const auto r = static_cast<std::int64_t>(rounded);
  // Exactly what the decoder computes; -0.0 fails here (0 / scale is +0.0) and stays xor.
  if (std::bit_cast<std::uint64_t>(static_cast<double>(r) / scale) != std::bit_cast<std::uint64_t>(value)) {
    return std::nullopt;
  }
  return r;
}

void BlockEncoder::writeTimestamp(std::int64_t ts_ms) {
  const std::uint64_t delta = static_cast<std::uint64_t>(ts_ms) - static_cast<std::uint64_t>(lastTs_);
  writeTimestampDod(bits_, delta - lastDelta_);
  lastDelta_ = delta;
}

void BlockEncoder::writeXorValue(std::uint64_t valueBits) {
  const std::uint64_t x = valueBits ^ lastValueBits_;
  if (x == 0) {
    bits_.write(0b0, 1);
    return;
  }
  int leading = std::countl_zero(x);
  const int trailing = std::countr_zero(x);
  if (leading > 31) leading = 31;  // 5 bits
  if (leading_ >= 0 && leading >= leading_ && trailing >= trailing_) {
    bits_.write(0b10, 2);
    bits_.write(x >> trailing_, 64 - leading_ - trailing_);
  } else {
    const int length = 64 - leading - trailing;
    bits_.write(0b11, 2);
    bits_.write(static_cast<std::uint64_t>(leading), 5);
    bits_.write(static_cast<std::uint64_t>(length - 1), 6);
    bits_.write(x >> trailing, length);
    leading_ = leading;
    trailing_ = trailing;
  }
}

void BlockEncoder::append(std::int64_t ts_ms, double value) {
  const auto valueBits = std::bit_cast<std::uint64_t>(value);
  if (count_ == 0) {
    bits_.write(static_cast<std::uint64_t>(ts_ms), 64);
    firstTs_ = ts_ms;
    const auto exponent = smallestExponent(value, 0);
    decimal_ = exponent.has_value();
    if (decimal_) {
      exponent_ = *exponent;
      lastScaled_ = *decimalScaled(value, exponent_);
      bits_.write(zigzag(static_cast<std::uint64_t>(lastScaled_)), 64);
    } else {
      bits_.write(valueBits, 64);
    }
  } else if (decimal_) {
    const auto scaled = decimalScaled(value, exponent_);
    if (!scaled) {
      reencodeWith(ts_ms, value);
      return;
    }
    writeTimestamp(ts_ms);
    writeDecimalDelta(bits_, static_cast<std::uint64_t>(*scaled) - static_cast<std::uint64_t>(lastScaled_));
    lastScaled_ = *scaled;
  } else {
    writeTimestamp(ts_ms);
    writeXorValue(valueBits);
  }
  lastValueBits_ = valueBits;
  lastTs_ = ts_ms;
  ++count_;
}

void BlockEncoder::reencodeWith(std::int64_t ts_ms, double value) {
  auto samples = decodeBlock(payload());  // our own bits: always decodes
  if (!samples) return;
  samples->push_back({ts_ms, value});
  // A larger exponent keeps every earlier value (r * 10^k over 10^(e+k) is the same quotient),
  // as long as the scaled magnitudes stay within 2^53.
  int exponent = smallestExponent(value, exponent_ + 1).value_or(-1);  // -1: no exponent holds them all
  for (const auto& s : *samples) {
    if (exponent >= 0 && !decimalScaled(s.value, exponent)) exponent = -1;
  }
  clear();
  bits_.write(static_cast<std::uint64_t>(samples->front().ts_ms), 64);
  firstTs_ = lastTs_ = samples->front().ts_ms;
  decimal_ = exponent >= 0;
  if (decimal_) {
    exponent_ = exponent;
    lastScaled_ = decimalScaled(samples->front().value, exponent_).value_or(0);
    bits_.write(zigzag(static_cast<std::uint64_t>(lastScaled_)), 64);
  } else {
    bits_.write(std::bit_cast<std::uint64_t>(samples->front().value), 64);
  }
  lastValueBits_ = std::bit_cast<std::uint64_t>(samples->front().value);
  count_ = 1;
  for (std::size_t i = 1; i < samples->size(); ++i) append((*samples)[i].ts_ms, (*samples)[i].value);
}

std::vector<std::uint8_t> BlockEncoder::payload() const {
  std::vector<std::uint8_t> out;
  out.reserve(payloadBytes());
  const std::uint32_t word = count_ | (decimal_ ? kDecimalFlag : 0U);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(word >> (8 * i)));
  if (decimal_) out.push_back(static_cast<std::uint8_t>(exponent_));
  bits_.appendBytesTo(out);
  return out;
}

void BlockEncoder::clear() { *this = BlockEncoder{}; }

std::vector<std::uint8_t> encodeBlock(std::span<const Sample> samples) {
  BlockEncoder encoder;
  for (const auto& s : samples) encoder.append(s.ts_ms, s.value);
  return encoder.payload();
}

Result<std::vector<Sample>> decodeBlock(std::span<const std::uint8_t> payload, std::int64_t stopAfterTs) {
  auto header = readHeader(payload);  // its count is checked against the payload size
  if (!header) return std::unexpected(header.error());
  std::vector<Sample> samples;
  samples.reserve(header->count);
  struct {
    std::vector<Sample>& out;
    void decimal(std::int64_t ts, std::int64_t r, int e) { out.push_back({ts, fromDecimal(r, e)}); }
    void xorBits(std::int64_t ts, std::uint64_t bits) { out.push_back({ts, std::bit_cast<double>(bits)}); }
  } sink{samples};
  if (auto ok = decodeEach(payload, stopAfterTs, sink); !ok) return std::unexpected(ok.error());
  return samples;
}

Result<std::optional<Sample>> decodeLastAtOrBefore(std::span<const std::uint8_t> payload, std::int64_t atOrBefore) {
  struct {
    bool any = false, isDecimal = false;
    std::int64_t ts = 0, r = 0;
    int e = 0;
    std::uint64_t bits = 0;
    void decimal(std::int64_t t, std::int64_t scaled, int exponent) {
      any = isDecimal = true;
      ts = t, r = scaled, e = exponent;
    }
    void xorBits(std::int64_t t, std::uint64_t b) {
      any = true;
      ts = t, bits = b;
    }
  } last;
  if (auto ok = decodeEach(payload, atOrBefore, last); !ok) return std::unexpected(ok.error());
  if (!last.any) return std::optional<Sample>{};
  return std::optional<Sample>(Sample{last.ts, last.isDecimal ? fromDecimal(last.r, last.e) : std::bit_cast<double>(last.bits)});
}

}  // namespace parktwin::store
