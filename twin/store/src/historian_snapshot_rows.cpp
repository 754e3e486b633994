// The one writer of snapshot rows: the historian's periodic snapshots and snapshotAt()'s both
// come through here, so every row carries the block row range stateAt relies on.
#include "historian_impl.hpp"

namespace parktwin::store {

// Why the range holds (files without late blocks, where the rows of one tag's blocks follow
// the order of their data, since a block is inserted when it opens, after the tag's previous
// one): every block that holds a sample after the snapshot is the block of its tag that holds
// the tag's last sample at or before it, a later block of that tag, or a block inserted after
// this row; so it is at or past first_block_rowid. Every block that holds a sample before the
// snapshot exists now, so it is at or before last_block_rowid: a later sample at or before the
// snapshot deletes the row (commit()), and retention clears the ranges.
Result<void> Historian::Impl::insertSnapshot(std::int64_t ts_ms, std::span<const SnapshotEntry> entries) {
  auto last = writer->queryInt("SELECT coalesce(max(rowid), 0) FROM blocks");
  if (!last) return std::unexpected(last.error());
  // Per tag one step in (tag_id, t_start_ms): its block at the snapshot, or else its first.
  auto first = writer->prepare(
      "SELECT min(coalesce("
      "(SELECT rowid FROM blocks WHERE tag_id = tags.id AND t_start_ms <= ?1 ORDER BY t_start_ms DESC LIMIT 1), "
      "(SELECT rowid FROM blocks WHERE tag_id = tags.id ORDER BY t_start_ms LIMIT 1))) FROM tags");
  if (!first) return std::unexpected(first.error());
  first->bind(1, ts_ms);
  auto row = first->step();
  if (!row) return std::unexpected(row.error());
  const std::int64_t firstRow = *row && !first->isNull(0) ? std::min(first->int64(0), *last + 1) : *last + 1;
  first->reset();
  auto insert = writer->prepare(
      "INSERT OR REPLACE INTO snapshots(ts_ms, payload, first_block_rowid, last_block_rowid) VALUES (?, ?, ?, ?)");
  if (!insert) return std::unexpected(insert.error());
  return insert->bind(1, ts_ms).bindBlob(2, encodeSnapshot(entries)).bind(3, firstRow).bind(4, *last).run();
}

// A snapshot bounds the row range stateAt reads after it; at fewer new block rows than tags
// since the previous one, the range stays short without it (a file of slow tags: one block an
// hour each), so the periodic writer skips it, though never for more than three intervals
// (which keeps the index path's scans as short as with the 15-minute snapshots before schema 7).
Result<bool> Historian::Impl::snapshotWorthWriting(std::int64_t ts_ms) {
  auto previous = writer->prepare(
      "SELECT ts_ms, last_block_rowid IS NULL, last_block_rowid FROM snapshots WHERE ts_ms < ? ORDER BY ts_ms DESC LIMIT 1");
  if (!previous) return std::unexpected(previous.error());
  auto row = previous->bind(1, ts_ms).step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return true;
  const std::int64_t previousTs = previous->int64(0);
  const bool noRange = previous->int64(1) != 0;
  const std::int64_t previousLast = previous->int64(2);
  previous->reset();
  const auto sincePrevious = static_cast<std::uint64_t>(ts_ms) - static_cast<std::uint64_t>(previousTs);  // no overflow
  if (noRange || sincePrevious / 3 >= static_cast<std::uint64_t>(options.snapshot_every_ms)) return true;
  auto rows = writer->queryInt("SELECT coalesce(max(rowid), 0) FROM blocks");
  auto tags = writer->queryInt("SELECT count(*) FROM tags");
  if (!rows || !tags) return std::unexpected(!rows ? rows.error() : tags.error());
  return *rows - previousLast >= *tags;
}

}  // namespace parktwin::store
