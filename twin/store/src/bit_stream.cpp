#include "parktwin/store/bit_stream.hpp"

namespace parktwin::store {

void BitWriter::write(std::uint64_t bits, int bitCount) {
  if (bitCount <= 0) return;
  if (bitCount < 64) bits &= (std::uint64_t{1} << bitCount) - 1;
  // Emit in chunks so the accumulator (pending bits + chunk) never exceeds 64 bits.
  while (bitCount > 0) {
    const int chunk = bitCount > 56 ? 56 : bitCount;
    const int shift = bitCount - chunk;
    const std::uint64_t part = (bits >> shift) & ((std::uint64_t{1} << chunk) - 1);
    pending_ = (pending_ << chunk) | part;
    pendingBits_ += chunk;
    while (pendingBits_ >= 8) {
      pendingBits_ -= 8;
      bytes_.push_back(static_cast<std::uint8_t>(pending_ >> pendingBits_));
    }
    pending_ &= (std::uint64_t{1} << pendingBits_) - 1;
    bitCount = shift;
  }
}

void BitWriter::appendBytesTo(std::vector<std::uint8_t>& out) const {
  out.insert(out.end(), bytes_.begin(), bytes_.end());
  if (pendingBits_ > 0) out.push_back(static_cast<std::uint8_t>(pending_ << (8 - pendingBits_)));
}

std::vector<std::uint8_t> BitWriter::bytes() const {
  std::vector<std::uint8_t> out;
  out.reserve(bytes_.size() + 1);
  appendBytesTo(out);
  return out;
}

void BitWriter::clear() {
  bytes_.clear();
  pending_ = 0;
  pendingBits_ = 0;
}

std::uint64_t BitReader::read(int bitCount) {
  if (failed_ || bitCount <= 0) return 0;
  if (bitCount > 64 || static_cast<std::size_t>(bitCount) > bitsLeft()) {
    failed_ = true;
    return 0;
  }
  std::uint64_t value = 0;
  int remaining = bitCount;
  while (remaining > 0) {
    const std::size_t byteIndex = position_ / 8;
    const int bitOffset = static_cast<int>(position_ % 8);
    const int available = 8 - bitOffset;
    const int take = remaining < available ? remaining : available;
    const auto byte = static_cast<std::uint64_t>(bytes_[byteIndex]);
    const std::uint64_t bits = (byte >> (available - take)) & ((std::uint64_t{1} << take) - 1);
    value = (value << take) | bits;
    position_ += static_cast<std::size_t>(take);
    remaining -= take;
  }
  return value;
}

}  // namespace parktwin::store
