#include "parktwin/store/bit_stream.hpp"

#include <algorithm>

namespace parktwin::store {

void BitWriter::appendBytesTo(std::vector<std::uint8_t>& out) const {
  out.insert(out.end(), bytes_.begin(), bytes_.begin() + static_cast<std::ptrdiff_t>(used_));
  // The pending bits, left-aligned into whole bytes; the last one zero-padded.
  for (int left = pendingBits_; left > 0; left -= 8) {
    const int shift = left - 8;
    out.push_back(static_cast<std::uint8_t>(shift >= 0 ? pending_ >> shift : pending_ << -shift));
  }
}

std::vector<std::uint8_t> BitWriter::bytes() const {
  std::vector<std::uint8_t> out;
  out.reserve(used_ + 4);
  appendBytesTo(out);
  return out;
}

void BitWriter::grow() { bytes_.resize(std::max<std::size_t>(64, 2 * bytes_.size())); }

void BitWriter::clear() {
  bytes_.clear();
  used_ = 0;
  pending_ = 0;
  pendingBits_ = 0;
}

}  // namespace parktwin::store
