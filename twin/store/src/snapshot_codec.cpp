#include "snapshot_codec.hpp"

#include <bit>
#include <string>

#include "parktwin/store/block_codec.hpp"
#include "varint.hpp"

namespace parktwin::store {
namespace {

// Compact layout (schema 3): a magic, the entry count, then per entry the tag id and the
// timestamp as zigzag varint deltas from the previous entry, and the value as a decimal
// (exponent byte 0..15 + zigzag varint) or raw (0xFF + 8 bytes): ~7 bytes an entry.
// The first layout (schema 1-2: u64 count, then 24 bytes an entry) is still read; its first
// bytes, a little-endian count of fewer than 2^32 tags, can never be the magic.
constexpr std::uint8_t kMagic[3] = {0xFF, 'S', '2'};
constexpr std::uint8_t kRawValue = 0xFF;
constexpr int kMaxSnapshotExponent = 6;  // try a few digits only: most values are meter readings
constexpr std::size_t kOldEntryBytes = 8 + 8 + 8;

std::uint64_t zigzag(std::int64_t v) { return (static_cast<std::uint64_t>(v) << 1) ^ (0 - (static_cast<std::uint64_t>(v) >> 63)); }
std::int64_t unzigzag(std::uint64_t z) { return static_cast<std::int64_t>((z >> 1) ^ (0 - (z & 1))); }

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> in) : in_(in) {}
  bool varint(std::uint64_t& v) { return detail::getVarint(in_, at_, v); }
  bool byte(std::uint8_t& b) {
    if (at_ >= in_.size()) return false;
    b = in_[at_++];
    return true;
  }
  bool u64(std::uint64_t& v) {
    if (in_.size() - at_ < 8) return false;
    v = 0;
    for (std::size_t i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(in_[at_ + i]) << (8 * i);
    at_ += 8;
    return true;
  }
  std::size_t left() const { return in_.size() - at_; }

 private:
  std::span<const std::uint8_t> in_;
  std::size_t at_ = 0;
};

void putU64(std::vector<std::uint8_t>& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

Result<std::vector<SnapshotEntry>> decodeOldLayout(std::span<const std::uint8_t> payload) {
  Reader r(payload);
  std::uint64_t count = 0;
  if (!r.u64(count)) return fail("snapshot payload truncated");
  if (r.left() % kOldEntryBytes != 0 || r.left() / kOldEntryBytes != count) {
    return fail("snapshot payload corrupt: " + std::to_string(payload.size()) + " bytes for " +
                std::to_string(count) + " entries");
  }
  std::vector<SnapshotEntry> entries(count);
  for (auto& e : entries) {
    std::uint64_t id = 0, ts = 0, bits = 0;
    r.u64(id), r.u64(ts), r.u64(bits);
    e = {static_cast<std::int64_t>(id), static_cast<std::int64_t>(ts), std::bit_cast<double>(bits)};
  }
  return entries;
}

}  // namespace

std::vector<std::uint8_t> encodeSnapshot(std::span<const SnapshotEntry> entries) {
  std::vector<std::uint8_t> out(std::begin(kMagic), std::end(kMagic));
  out.reserve(16 + entries.size() * 8);
  detail::putVarint(out, entries.size());
  std::int64_t previousId = 0, previousTs = 0;
  for (const auto& e : entries) {
    detail::putVarint(out, zigzag(static_cast<std::int64_t>(static_cast<std::uint64_t>(e.tag_id) - static_cast<std::uint64_t>(previousId))));
    detail::putVarint(out, zigzag(static_cast<std::int64_t>(static_cast<std::uint64_t>(e.ts_ms) - static_cast<std::uint64_t>(previousTs))));
    previousId = e.tag_id;
    previousTs = e.ts_ms;
    bool written = false;
    for (int exponent = 0; exponent <= kMaxSnapshotExponent && !written; ++exponent) {
      if (const auto scaled = decimalScaled(e.value, exponent)) {
        out.push_back(static_cast<std::uint8_t>(exponent));
        detail::putVarint(out, zigzag(*scaled));
        written = true;
      }
    }
    if (!written) {
      out.push_back(kRawValue);
      putU64(out, std::bit_cast<std::uint64_t>(e.value));
    }
  }
  return out;
}

Result<std::vector<SnapshotEntry>> decodeSnapshot(std::span<const std::uint8_t> payload) {
  if (payload.size() < 3 || payload[0] != kMagic[0] || payload[1] != kMagic[1] || payload[2] != kMagic[2]) {
    return decodeOldLayout(payload);
  }
  Reader r(payload.subspan(3));
  std::uint64_t count = 0;
  // Every entry takes at least 3 bytes: reject an impossible count before allocating for it.
  if (!r.varint(count) || count > r.left() / 3) return fail("snapshot payload corrupt: entry count");
  std::vector<SnapshotEntry> entries(count);
  std::uint64_t id = 0, ts = 0;
  for (std::size_t i = 0; i < count; ++i) {
    std::uint64_t idDelta = 0, tsDelta = 0, scaled = 0;
    std::uint8_t kind = 0;
    if (!r.varint(idDelta) || !r.varint(tsDelta) || !r.byte(kind)) return fail("snapshot payload truncated at entry " + std::to_string(i));
    id += static_cast<std::uint64_t>(unzigzag(idDelta));
    ts += static_cast<std::uint64_t>(unzigzag(tsDelta));
    double value = 0;
    if (kind == kRawValue) {
      std::uint64_t bits = 0;
      if (!r.u64(bits)) return fail("snapshot payload truncated at entry " + std::to_string(i));
      value = std::bit_cast<double>(bits);
    } else if (kind <= kMaxSnapshotExponent && r.varint(scaled)) {
      double scale = 1;
      for (int k = 0; k < kind; ++k) scale *= 10;
      value = static_cast<double>(unzigzag(scaled)) / scale;
    } else {
      return fail("snapshot payload corrupt at entry " + std::to_string(i));
    }
    entries[i] = {static_cast<std::int64_t>(id), static_cast<std::int64_t>(ts), value};
  }
  if (r.left() != 0) return fail("snapshot payload corrupt: " + std::to_string(r.left()) + " bytes after the last entry");
  return entries;
}

}  // namespace parktwin::store
