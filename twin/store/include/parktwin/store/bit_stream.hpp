#pragma once
// Bit-level writer and reader for the block codecs, most significant bit first. Both work a
// machine word at a time (the decoders call them several times per sample, so they are inline).
// The reader never reads past its span: an over-read sets a sticky failure flag and yields
// zeros, so a corrupt blob is an error, not UB.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace parktwin::store {

class BitWriter {
 public:
  // Appends the low `bitCount` bits of `bits` (0..64), most significant first.
  void write(std::uint64_t bits, int bitCount) {
    if (bitCount <= 0) return;
    if (bitCount > 32) {
      writeUpTo32(bits >> 32, bitCount - 32);
      bitCount = 32;
    }
    writeUpTo32(bits, bitCount);
  }
  void writeBit(bool bit) { writeUpTo32(bit ? 1U : 0U, 1); }
  std::size_t bitCount() const { return used_ * 8 + static_cast<std::size_t>(pendingBits_); }
  // Whole bytes written so far plus the pending partial bytes, zero-padded.
  std::vector<std::uint8_t> bytes() const;
  void appendBytesTo(std::vector<std::uint8_t>& out) const;
  void clear();

 private:
  // Invariant between calls: fewer than 32 pending bits, so pending + 32 new ones fit a word.
  void writeUpTo32(std::uint64_t bits, int bitCount) {
    bits &= (std::uint64_t{1} << bitCount) - 1;
    pending_ = (pending_ << bitCount) | bits;
    pendingBits_ += bitCount;
    if (pendingBits_ >= 32) {
      pendingBits_ -= 32;
      const auto word = static_cast<std::uint32_t>(pending_ >> pendingBits_);
      if (used_ + 4 > bytes_.size()) grow();
      const std::uint32_t big = std::byteswap(word);
      std::memcpy(bytes_.data() + used_, &big, 4);
      used_ += 4;
      pending_ &= (std::uint64_t{1} << pendingBits_) - 1;
    }
  }
  // Doubles bytes_ (zeros past used_): a word then costs a copy, not a vector resize each.
  void grow();

  std::vector<std::uint8_t> bytes_;  // the first used_ bytes are written
  std::size_t used_ = 0;
  std::uint64_t pending_ = 0;  // bits not yet forming a whole 32-bit word, right-aligned
  int pendingBits_ = 0;
};

class BitReader {
 public:
  explicit BitReader(std::span<const std::uint8_t> bytes) : data_(bytes.data()), size_(bytes.size()) {}
  std::uint64_t read(int bitCount) {
    if (failed_ || bitCount <= 0) return 0;
    if (bitCount > 64 || static_cast<std::size_t>(bitCount) > bitsLeft()) {
      failed_ = true;
      return 0;
    }
    if (bitCount > 56) {
      const std::uint64_t high = readUpTo56(bitCount - 32);
      return (high << 32) | readUpTo56(32);
    }
    return readUpTo56(bitCount);
  }
  bool readBit() { return read(1) != 0; }
  // The next 57 bits or more, left-aligned, zeros past the end; consumes nothing. A decoder
  // parses several short fields from one peek, then skips what it used.
  std::uint64_t peek() const {
    std::uint64_t word = 0;
    const std::size_t byte = position_ / 8;
    if (byte + 8 <= size_) {
      std::memcpy(&word, data_ + byte, 8);
      word = std::byteswap(word);
    } else {
      for (std::size_t i = byte; i < size_; ++i) word |= std::uint64_t{data_[i]} << (56 - 8 * (i - byte));
    }
    return word << (position_ % 8);
  }
  // Consumes bits seen by peek(); more than are left is an over-read.
  void skip(int bitCount) {
    if (failed_ || static_cast<std::size_t>(bitCount) > bitsLeft()) {
      failed_ = true;
      return;
    }
    position_ += static_cast<std::size_t>(bitCount);
  }
  // Moves to an absolute bit position (a restart point); past the end is an over-read.
  void seek(std::size_t bit) {
    if (bit > size_ * 8) {
      failed_ = true;
      return;
    }
    position_ = bit;
  }
  bool failed() const { return failed_; }
  std::size_t bitsLeft() const { return size_ * 8 - position_; }
  std::size_t bitPosition() const { return position_; }

 private:
  // 1..56 bits known to be there: one 8-byte load holds them (at most 7 bits of offset).
  std::uint64_t readUpTo56(int bitCount) {
    const std::size_t byte = position_ / 8;
    std::uint64_t word = 0;
    if (byte + 8 <= size_) {
      std::memcpy(&word, data_ + byte, 8);
      word = std::byteswap(word);
    } else {
      for (std::size_t i = byte; i < size_; ++i) word |= std::uint64_t{data_[i]} << (56 - 8 * (i - byte));
    }
    const std::uint64_t value = (word << (position_ % 8)) >> (64 - bitCount);
    position_ += static_cast<std::size_t>(bitCount);
    return value;
  }

  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t position_ = 0;  // in bits
  bool failed_ = false;
};

}  // namespace parktwin::store
