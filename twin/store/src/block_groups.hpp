#pragma once
// Group rows (schema 8). stateAt(T) reads one block per tag; as one SQLite row per tag that cost
// a seek, a row and a copy each, twice the goal at 10k tags (docs/historian.md). A compaction in
// the writer therefore moves the blocks that start in one segment of data time (kGroupSegmentMs)
// and span at most two into one row of block_groups per kGroupTags consecutive tag ids, so
// stateAt reads one id range of tags / kGroupTags rows. Each tag's newest block stays a row: the writer rewrites it (the open
// block), and the tail's fold and a new session's writer look it up there. Readers take the
// union of the rows and the group rows; a group row's blocks are older insertions than any row
// that overlaps them (compaction stops once a file has late blocks).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "sqlite_db.hpp"

namespace parktwin::store {

inline constexpr std::int64_t kGroupSegmentMs = 240'000;
inline constexpr std::int64_t kGroupTags = 48;
// A group row's id: segment << kGroupIdShift | group, so a segment's rows are one id range.
inline constexpr int kGroupIdShift = 24;
// How far behind a fold's newest sample its compaction stays (with the reorder window): a 1 Hz
// tag's 256-sample blocks that start in a segment have newer ones by then.
inline constexpr std::int64_t kGroupLagMs = 300'000;
// Blocks longer than this stay rows: a slow tag's block (an hour of 1/min samples) belongs to no
// one segment, and a year of such a tag read from group rows took 2.5x as long (a seek and a
// copy for each block instead of one index walk).
inline constexpr std::int64_t kMaxGroupedSpanMs = 2 * kGroupSegmentMs;
// Segments one compaction takes at most (16 hours of data): a file of years that a writer opens
// for the first time is caught up over many folds, none of them long.
inline constexpr int kMaxSegmentsPerCompaction = 240;
inline constexpr std::int64_t kMaxGroupedTagId = (std::int64_t{1} << kGroupIdShift) * kGroupTags - 1;

// A block as a group row holds it: its row's columns and its payload (a view into the row).
struct GroupEntry {
  std::int64_t tag_id = 0, t_start_ms = 0, t_end_ms = 0, count = 0, last_value_bits = 0;
  std::span<const std::uint8_t> payload;
};

// A block read from a group row, its payload copied out (the row's buffer is SQLite's).
struct GroupBlock {
  std::int64_t t_start_ms = 0, t_end_ms = 0, count = 0, last_value_bits = 0;
  std::vector<std::uint8_t> payload;
};

// Which group rows a state read takes: groups [begin, end) of the segments from T's (or
// newest_segment, the file's last) back to oldest_segment.
struct GroupShare {
  std::int64_t oldest_segment = 0, newest_segment = 0;
  std::int64_t begin = 0, end = 0;
};

std::int64_t groupSegmentOf(std::int64_t t_ms);
// The id of segment `segment`'s row for group `group`; none where it would not fit an int64 (a
// segment more than ~4 million years from 1970: such blocks stay rows).
std::optional<std::int64_t> groupRowId(std::int64_t segment, std::int64_t group);

// Layout: varint entry count; per entry, sorted by tag id then start, varints of the tag id less
// the group's first, the start less the segment's, span, count and payload length, then the
// last value's 8 bytes (little-endian); then the payloads in the same order.
void encodeGroup(std::int64_t segment, std::int64_t group, std::span<const GroupEntry> entries, std::vector<std::uint8_t>& out);
// Entries whose payloads point into `row`. A row cut short, with entries out of order, outside
// its group or segment, or whose payloads do not fill it exactly, is an error.
Result<void> decodeGroup(std::span<const std::uint8_t> row, std::int64_t segment, std::int64_t group, std::vector<GroupEntry>& out);

// Steps `rows` (a statement selecting id, payload from block_groups) to its end, calling
// onRow(id, entries) with each row's entries; a row that does not decode is an error naming it.
template <typename OnRow>
Result<void> forEachGroupRow(sql::Database& db, sql::Statement& rows, OnRow&& onRow) {
  std::vector<GroupEntry> entries;
  for (;;) {
    auto row = rows.step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return {};
    const std::int64_t id = rows.int64(0);
    auto ok = decodeGroup(rows.blob(1), id >> kGroupIdShift, id & ((std::int64_t{1} << kGroupIdShift) - 1), entries);
    if (!ok) ok = fail(db.path() + ": group row " + std::to_string(id) + ": " + ok.error().message);
    if (ok) ok = onRow(id, std::span<const GroupEntry>(entries));
    if (!ok) {
      rows.reset();
      return ok;
    }
  }
}

// The blocks of `tag_id` in group rows that start in [low_start, t1] and end at or after t0,
// in start order.
Result<std::vector<GroupBlock>> groupBlocksOf(sql::Database& db, std::int64_t tag_id, std::int64_t low_start, std::int64_t t1, std::int64_t t0);

// Moves the blocks starting in segments [from, to) that span at most kMaxGroupedSpanMs and, unless
// `with_newest`, are not their tag's newest into group rows (merging with what a segment's rows
// already hold), deleting their block rows; inside the caller's transaction. Returns the blocks moved.
// Where a compaction got: every segment before `until` is done (the one after the last with block
// rows, or `to`); `bounded` when it stopped after kMaxSegmentsPerCompaction segments with rows.
struct CompactionReach {
  std::int64_t until = 0;
  bool bounded = false;
};
Result<CompactionReach> compactSegments(sql::Database& db, std::int64_t from, std::int64_t to, bool with_newest);

// Retention's first step, inside its transaction: drops the group rows' blocks that end before
// t_ms and puts the others of the segments up to t_ms's back as block rows (ids from
// next_rowid), for the row code to trim. Returns the samples dropped.
Result<std::uint64_t> ungroupBefore(sql::Database& db, std::int64_t t_ms, std::int64_t& next_rowid);

// After a fold whose data is at `newest_ms` (FoldRows::dataTime), inside its transaction: compacts the
// segments that ended a reorder window and kGroupLagMs before it, where a 1 Hz tag's blocks that
// start in them are sealed and have newer ones; and, back over the longest block span before
// meta 'compacted_until_ms' (how far it got), the blocks of slower tags that have newer ones
// since. `closing` (the writer's last fold) compacts up to the newest, each tag's newest block
// included, and says from where in meta 'newest_grouped_from_ms'. Nothing once the file has late
// blocks, which group rows could not order against. A compaction that fails is undone (a
// savepoint) and its reason kept in meta 'compaction_error', after which the file is no longer
// compacted; the fold goes on.
Result<void> compactAfterFold(sql::Database& db, std::int64_t newest_ms, std::int64_t reorder_window_ms, bool closing);

// A writer opening a file, in its own transaction before anything else: the blocks a closing
// writer grouped with the newest (meta 'newest_grouped_from_ms') go back to block rows, so that
// each tag's newest block is a row again, where the writer, the tail's fold and writerFor find it.
Result<void> ungroupNewest(sql::Database& db);

}  // namespace parktwin::store
