#include "parktwin/store/block_codec.hpp"

#include <array>
#include <cmath>
#include <optional>

#include "block_format.hpp"

namespace parktwin::store {
namespace {

using namespace detail;

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

constexpr std::uint64_t kNegativeZeroBits = std::uint64_t{1} << 63;
constexpr std::array<std::int64_t, kMaxExponent + 1> kPow10Int = {
    1, 10, 100, 1'000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000, 1'000'000'000, 10'000'000'000,
    100'000'000'000, 1'000'000'000'000, 10'000'000'000'000, 100'000'000'000'000, 1'000'000'000'000'000};
// Below 2^50, value * 10^e is within a quarter of the integer, so decimalScaled rounds to it.
constexpr std::int64_t kKnownLimit = std::int64_t{1} << 50;
// kKnownLimit / 10^k: a scaled value below it stays below kKnownLimit times 10^k.
constexpr std::array<std::int64_t, kMaxExponent + 1> kKnownLimitOver10 = [] {
  std::array<std::int64_t, kMaxExponent + 1> limits{};
  for (std::size_t k = 0; k < limits.size(); ++k) limits[k] = kKnownLimit / kPow10Int[k];
  return limits;
}();

// decimalScaled(value, exponent) for a value == known.scaled / 10^known.exponent, without the
// arithmetic: the same rational number at another exponent, so the same double (division is
// correctly rounded) and, below kKnownLimit, the same integer decimalScaled finds. nullopt
// where that is not certain (append() then decides, as for any value).
std::optional<std::int64_t> atExponent(KnownDecimal known, int exponent) {
  if (known.exponent < 0 || known.exponent > kMaxExponent) return std::nullopt;
  if (known.exponent <= exponent) {
    const auto k = static_cast<std::size_t>(exponent - known.exponent);
    if (!(known.scaled > -kKnownLimitOver10[k] && known.scaled < kKnownLimitOver10[k])) return std::nullopt;
    return known.scaled * kPow10Int[k];
  }
  if (!(known.scaled > -kKnownLimit && known.scaled < kKnownLimit)) return std::nullopt;
  const std::int64_t divisor = kPow10Int[static_cast<std::size_t>(known.exponent - exponent)];
  if (known.scaled % divisor != 0) return std::nullopt;
  return known.scaled / divisor;
}

std::optional<int> smallestExponent(double value, int from) {
  for (int e = from; e <= kMaxExponent; ++e) {
    if (decimalScaled(value, e)) return e;
  }
  return std::nullopt;
}

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

void BlockEncoder::writeRiceValue(std::uint64_t z) {
  const int k = riceK(rice_);
  const std::uint64_t q = z >> k;
  if (q < static_cast<std::uint64_t>(kBigOnes)) {
    // q ones, a zero, then z's low k bits: one write (q + 1 + k <= 20 + 40 bits), the same bits
    // as writing the prefix and the k bits one after the other.
    const std::uint64_t prefix = ((std::uint64_t{1} << q) - 1) << 1;
    const std::uint64_t low = z & ((std::uint64_t{1} << k) - 1);
    bits_.write((prefix << k) | low, static_cast<int>(q) + 1 + k);
  } else {
    const int length = static_cast<int>(std::bit_width(z));
    bits_.write(((std::uint64_t{1} << kBigOnes) - 1) << 1, kBigOnes + 1);
    bits_.write(static_cast<std::uint64_t>(length - 1), 6);
    bits_.write(z, length);
  }
  rice_ = riceNext(rice_, z);
}

void BlockEncoder::addRestartPoint() {
  // The state after the previous sample, and where this one starts, relative to the previous
  // point (see readCompactRestart: dense blocks).
  const std::uint64_t tsRel = static_cast<std::uint64_t>(lastTs_) - static_cast<std::uint64_t>(firstTs_);
  const std::uint64_t tsOff = zigzag(tsRel - (count_ - 1) * lastDelta_), deltaChange = zigzag(lastDelta_ - restartDelta_);
  const std::uint64_t scaledRel = static_cast<std::uint64_t>(lastScaled_) - static_cast<std::uint64_t>(firstScaled_);
  putVarint(restartBytes_, count_ - restartIndex_);
  putVarint(restartBytes_, (bits_.bitCount() - lastRestartBit_ - kDenseRestartBits) << 2 | (tsOff != 0 ? 2U : 0U) | (deltaChange != 0 ? 1U : 0U));
  if (tsOff != 0) putVarint(restartBytes_, tsOff);
  if (deltaChange != 0) putVarint(restartBytes_, deltaChange);
  putVarint(restartBytes_, zigzag(scaledRel - restartScaled_));
  putVarint(restartBytes_, rice_);
  restartScaled_ = scaledRel;
  restartIndex_ = count_;
  restartDelta_ = lastDelta_;
  lastRestartBit_ = bits_.bitCount();
  ++restartCount_;
}

void BlockEncoder::startDecimal(std::int64_t scaled) {
  lastScaled_ = firstScaled_ = minScaled_ = maxScaled_ = scaled;
  sumRel_ = 0;
  sumOverflow_ = false;
  riceStart_ = rice_;
  bits_.write(zigzag(static_cast<std::uint64_t>(scaled)), 64);
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
      startDecimal(*decimalScaled(value, exponent_));
    } else {
      bits_.write(valueBits, 64);
    }
  } else if (decimal_) {
    const auto scaled = decimalScaled(value, exponent_);
    if (!scaled) {
      reencodeWith(ts_ms, value);
      return;
    }
    writeDecimal(ts_ms, *scaled);
  } else {
    writeTimestamp(ts_ms);
    writeXorValue(valueBits);
  }
  finishSample(ts_ms, valueBits);
}

void BlockEncoder::writeDecimal(std::int64_t ts_ms, std::int64_t scaled) {
  if (restartCount_ < kMaxRestarts && bits_.bitCount() >= lastRestartBit_ + kDenseRestartBits) addRestartPoint();
  const std::uint64_t delta = static_cast<std::uint64_t>(ts_ms) - static_cast<std::uint64_t>(lastTs_);
  if (delta != lastDelta_) {
    bits_.write((std::uint64_t{1} << kIntervalOnes) - 1, kIntervalOnes);
    writeTimestampDod(bits_, delta - lastDelta_);
    lastDelta_ = delta;
  }
  writeRiceValue(zigzag(static_cast<std::uint64_t>(scaled) - static_cast<std::uint64_t>(lastScaled_)));
  lastScaled_ = scaled;
  minScaled_ = std::min(minScaled_, scaled);
  maxScaled_ = std::max(maxScaled_, scaled);
  sumOverflow_ = sumOverflow_ || __builtin_add_overflow(sumRel_, scaled - firstScaled_, &sumRel_);
}

void BlockEncoder::finishSample(std::int64_t ts_ms, std::uint64_t valueBits) {
  lastValueBits_ = valueBits;
  lastTs_ = ts_ms;
  ++count_;
}

void BlockEncoder::appendDecimal(std::int64_t ts_ms, double value, KnownDecimal known) {
  const auto valueBits = std::bit_cast<std::uint64_t>(value);
  // A block's first sample picks its exponent, and -0.0 (scaled 0) is no decimal: append().
  const auto scaled = count_ > 0 && decimal_ && valueBits != kNegativeZeroBits ? atExponent(known, exponent_) : std::nullopt;
  if (!scaled) {
    append(ts_ms, value);
    return;
  }
  writeDecimal(ts_ms, *scaled);
  finishSample(ts_ms, valueBits);
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
    startDecimal(decimalScaled(samples->front().value, exponent_).value_or(0));
  } else {
    bits_.write(std::bit_cast<std::uint64_t>(samples->front().value), 64);
  }
  lastValueBits_ = std::bit_cast<std::uint64_t>(samples->front().value);
  count_ = 1;
  for (std::size_t i = 1; i < samples->size(); ++i) append((*samples)[i].ts_ms, (*samples)[i].value);
}

std::vector<std::uint8_t> BlockEncoder::payload() const {
  std::vector<std::uint8_t> out;
  payloadInto(out);
  return out;
}

void BlockEncoder::payloadInto(std::vector<std::uint8_t>& out) const {
  out.clear();
  out.reserve(payloadBytes());
  appendPayloadTo(out);
}

void BlockEncoder::appendPayloadTo(std::vector<std::uint8_t>& out) const {
  const std::uint32_t word = count_ | (decimal_ ? kDecimalFlag | kCompactFlag : 0U);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(word >> (8 * i)));
  if (decimal_) {
    // Sum of (r - min) = sum of (r - first) + count * (first - min); both terms >= 0 there.
    std::uint64_t aboveMin = 0;
    bool summary = !sumOverflow_ && !__builtin_mul_overflow(static_cast<std::uint64_t>(count_),
                                                            static_cast<std::uint64_t>(firstScaled_ - minScaled_), &aboveMin);
    if (summary && sumRel_ >= 0) {
      summary = !__builtin_add_overflow(aboveMin, static_cast<std::uint64_t>(sumRel_), &aboveMin);
    } else if (summary) {
      aboveMin -= 0 - static_cast<std::uint64_t>(sumRel_);  // the total is >= 0: no wrap
    }
    out.push_back(static_cast<std::uint8_t>(exponent_ | kDenseFlag | (summary ? 0x80 : 0)));
    if (summary) {
      putVarint(out, zigzag(static_cast<std::uint64_t>(minScaled_)));
      putVarint(out, static_cast<std::uint64_t>(maxScaled_ - minScaled_));
      putVarint(out, aboveMin);
    }
    putVarint(out, riceStart_);
    out.push_back(restartCount_);  // < 128: a one-byte varint
    out.insert(out.end(), restartBytes_.begin(), restartBytes_.end());
  }
  bits_.appendBytesTo(out);
}

void BlockEncoder::clear() {
  const std::uint64_t rice = rice_;  // the next block of the tag starts where this one adapted to
  *this = BlockEncoder{};
  rice_ = rice;
}

std::vector<std::uint8_t> encodeBlock(std::span<const Sample> samples) {
  BlockEncoder encoder;
  for (const auto& s : samples) encoder.append(s.ts_ms, s.value);
  return encoder.payload();
}

Result<std::vector<Sample>> decodeBlock(std::span<const std::uint8_t> payload, std::int64_t stopAfterTs) {
  BlockHeader header;  // its count is checked against the payload size
  if (auto ok = readHeader(payload, header); !ok) return std::unexpected(ok.error());
  std::vector<Sample> samples;
  samples.reserve(header.count);
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
  if (auto ok = decodeEach(payload, atOrBefore, last, true); !ok) return std::unexpected(ok.error());
  if (!last.any) return std::optional<Sample>{};
  return std::optional<Sample>(Sample{last.ts, last.isDecimal ? fromDecimal(last.r, last.e) : std::bit_cast<double>(last.bits)});
}

}  // namespace parktwin::store
