#pragma once
// LEB128 varints (7 bits a byte, low first), for the block header's restart points and the
// snapshot layout.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace parktwin::store::detail {

inline void putVarint(std::vector<std::uint8_t>& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}

// Reads a varint at `at`, advancing it; false when the bytes end first or it is too long.
inline bool getVarint(std::span<const std::uint8_t> in, std::size_t& at, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (at >= in.size()) return false;
    const std::uint8_t b = in[at++];
    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace parktwin::store::detail
