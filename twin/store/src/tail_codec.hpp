#pragma once
// A tail row (schema 7) holds what one commit added to the tags' open blocks, so that a commit
// need not rewrite every open block (docs/historian.md, "The tail"): per tag, its id and a
// block of the samples appended since the commit before. Layout: a magic, then entries to the
// end of the payload, each a zigzag varint delta of the tag id, a varint length and that many
// bytes of a block payload (block_codec.hpp).
#include <cstdint>
#include <span>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/store/block_codec.hpp"
#include "parktwin/store/types.hpp"

namespace parktwin::store {

struct TailEntry {
  std::int64_t tag_id = 0;
  std::vector<Sample> samples;  // in the order they were appended (not always time order)
};

// Builds one row's payload, entry by entry, in a buffer reused from commit to commit.
class TailRowWriter {
 public:
  void clear();
  void add(std::int64_t tag_id, const BlockEncoder& block);
  bool empty() const { return entries_ == 0; }
  std::span<const std::uint8_t> payload() const { return out_; }

 private:
  std::vector<std::uint8_t> out_;
  std::vector<std::uint8_t> block_;  // the entry's block, before its length is known
  std::int64_t previous_id_ = 0;
  std::size_t entries_ = 0;
};

// The entries of a tail row; a damaged row is an error naming what is wrong, never a crash.
Result<std::vector<TailEntry>> decodeTailRow(std::span<const std::uint8_t> payload);

}  // namespace parktwin::store
