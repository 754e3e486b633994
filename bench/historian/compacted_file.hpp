#pragma once
// The grouped layout reached from a historian file as it is written today: a compaction moves
// the block rows that start in a segment into group rows (one per `group` tag ids and
// segment), in one transaction per segment, and deletes them. Each tag's newest block stays a
// row (the writer, the tail's fold and a reopening session find it there). Readers then take
// the union of the rows left and the group rows. A measurement of what the product change would
// cost (compaction time against ingest time, bytes) and give (stateAt), not a product path.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/store/block_codec.hpp"

namespace parktwin::bench {

// A block as a group row holds it: its row's columns and its payload.
struct GroupEntry {
  std::int64_t tag_id = 0, t_start_ms = 0, t_end_ms = 0, count = 0, last_value_bits = 0;
  std::span<const std::uint8_t> payload;
};

// A group row: varint entry count, then per entry (sorted by tag id, then start) the tag id's
// offset in its group, the start's offset in its segment, span, count, length (varints) and the
// last value's 8 bytes, then the payloads in the same order.
void encodeGroup(std::int64_t firstTag, std::int64_t segmentStart, std::span<const GroupEntry> entries, std::vector<std::uint8_t>& out);
Result<void> decodeGroup(std::span<const std::uint8_t> row, std::int64_t firstTag, std::int64_t segmentStart, std::vector<GroupEntry>& out);

struct CompactionCost {
  double cpuSeconds = 0, wallSeconds = 0;
  std::int64_t segments = 0, blocksMoved = 0, groupRows = 0;
};

class CompactedFile {
 public:
  CompactedFile(const std::string& path, std::int64_t segmentMs, int group);
  ~CompactedFile();
  CompactedFile(const CompactedFile&) = delete;
  CompactedFile& operator=(const CompactedFile&) = delete;

  // Moves every segment that ends at or before the newest block's start into group rows.
  CompactionCost compactAll();
  // Bytes of the pages in use (page count less the free list): what a file written with the
  // compaction running as it goes would keep, its freed pages reused by later inserts.
  std::uint64_t usedBytes();

  // The last sample at or before T of each tag (index = tag id - 1) whose answer is in group rows
  // [g0, g1) of the segments T's block may start in, or in the rows left; `starts` keeps the
  // start of the block each answer came from, so the newer of two sources wins.
  Result<void> stateFromGroups(std::int64_t t, int g0, int g1, std::vector<std::optional<store::Sample>>& out,
                               std::vector<std::int64_t>& starts);
  Result<void> stateFromRows(std::int64_t t, std::vector<std::optional<store::Sample>>& out, std::vector<std::int64_t>& starts);
  int groupsOf(int tags) const { return (tags + group_ - 1) / group_; }

  // One tag's samples in [t0, t1], from the group rows and the rows left, in time order.
  Result<std::vector<store::Sample>> history(std::int64_t tagId, std::int64_t t0, std::int64_t t1);

 private:
  std::int64_t segmentOf(std::int64_t t) const;
  std::int64_t groupRowId(std::int64_t segment, std::int64_t g) const { return segment * (std::int64_t{1} << 24) + g; }
  Result<void> compactSegment(std::int64_t segment, CompactionCost& cost);

  sqlite3* db_ = nullptr;
  std::int64_t segmentMs_;
  int group_;
  std::int64_t maxSpanMs_ = 0;
  sqlite3_stmt* groupRange_ = nullptr;
  sqlite3_stmt* rowsInRange_ = nullptr;
  std::vector<GroupEntry> entries_;  // decodeGroup's, reused
};

}  // namespace parktwin::bench
