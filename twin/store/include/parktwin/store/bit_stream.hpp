#pragma once
// Bit-level writer and reader for the block codec. The reader never reads past its span: an
// over-read sets a sticky failure flag and yields zeros, so a corrupt blob is an error, not UB.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace parktwin::store {

class BitWriter {
 public:
  // Appends the low `bitCount` bits of `bits` (0..64), most significant first.
  void write(std::uint64_t bits, int bitCount);
  void writeBit(bool bit) { write(bit ? 1U : 0U, 1); }
  std::size_t bitCount() const { return bytes_.size() * 8 + static_cast<std::size_t>(pendingBits_); }
  // Whole bytes written so far plus the pending partial byte, zero-padded.
  std::vector<std::uint8_t> bytes() const;
  void appendBytesTo(std::vector<std::uint8_t>& out) const;
  void clear();

 private:
  std::vector<std::uint8_t> bytes_;
  std::uint64_t pending_ = 0;  // up to 7 bits not yet forming a whole byte, right-aligned
  int pendingBits_ = 0;
};

class BitReader {
 public:
  explicit BitReader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
  std::uint64_t read(int bitCount);
  bool readBit() { return read(1) != 0; }
  bool failed() const { return failed_; }
  std::size_t bitsLeft() const { return bytes_.size() * 8 - position_; }

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t position_ = 0;  // in bits
  bool failed_ = false;
};

}  // namespace parktwin::store
