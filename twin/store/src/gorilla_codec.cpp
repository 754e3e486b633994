#include "parktwin/store/gorilla_codec.hpp"

#include <bit>
#include <string>

namespace parktwin::store {
namespace {

constexpr std::size_t kHeaderBytes = 4;

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

}  // namespace

void GorillaEncoder::append(std::int64_t ts_ms, double value) {
  const auto ts = static_cast<std::uint64_t>(ts_ms);
  const auto valueBits = std::bit_cast<std::uint64_t>(value);
  if (count_ == 0) {
    bits_.write(ts, 64);
    bits_.write(valueBits, 64);
    firstTs_ = ts_ms;
  } else {
    const std::uint64_t delta = ts - static_cast<std::uint64_t>(lastTs_);
    writeTimestampDod(bits_, delta - lastDelta_);
    lastDelta_ = delta;

    const std::uint64_t x = valueBits ^ lastValueBits_;
    if (x == 0) {
      bits_.write(0b0, 1);
    } else {
      int leading = std::countl_zero(x);
      const int trailing = std::countr_zero(x);
      if (leading > 31) leading = 31;  // 5 bits
      if (leading_ >= 0 && leading >= leading_ && trailing >= trailing_) {
        const int length = 64 - leading_ - trailing_;
        bits_.write(0b10, 2);
        bits_.write(x >> trailing_, length);
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
  }
  lastValueBits_ = valueBits;
  lastTs_ = ts_ms;
  ++count_;
}

std::vector<std::uint8_t> GorillaEncoder::payload() const {
  std::vector<std::uint8_t> out;
  out.reserve(kHeaderBytes + bits_.bitCount() / 8 + 1);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(count_ >> (8 * i)));
  bits_.appendBytesTo(out);
  return out;
}

void GorillaEncoder::clear() { *this = GorillaEncoder{}; }

std::vector<std::uint8_t> encodeBlock(std::span<const Sample> samples) {
  GorillaEncoder encoder;
  for (const auto& s : samples) encoder.append(s.ts_ms, s.value);
  return encoder.payload();
}

Result<std::vector<Sample>> decodeBlock(std::span<const std::uint8_t> payload, std::int64_t stopAfterTs) {
  if (payload.size() < kHeaderBytes) return fail("block payload truncated: no header");
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < kHeaderBytes; ++i) count |= static_cast<std::uint32_t>(payload[i]) << (8 * i);
  const auto body = payload.subspan(kHeaderBytes);
  // Every sample after the first needs at least 2 bits, the first 128: reject an impossible
  // count before allocating for it.
  if (count > 0 && (body.size() * 8 < 128 || (count - 1) > (body.size() * 8 - 128) / 2)) {
    return fail("block payload corrupt: count " + std::to_string(count) + " does not fit in " +
                std::to_string(body.size()) + " bytes");
  }
  std::vector<Sample> samples;
  samples.reserve(count);
  BitReader r(body);
  std::uint64_t ts = 0, delta = 0, valueBits = 0;
  int leading = -1, trailing = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (i == 0) {
      ts = r.read(64);
      valueBits = r.read(64);
    } else {
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
    if (r.failed()) return fail("block payload truncated at sample " + std::to_string(i) + " of " + std::to_string(count));
    const auto tsSigned = static_cast<std::int64_t>(ts);
    if (tsSigned > stopAfterTs) break;
    samples.push_back({tsSigned, std::bit_cast<double>(valueBits)});
  }
  return samples;
}

}  // namespace parktwin::store
