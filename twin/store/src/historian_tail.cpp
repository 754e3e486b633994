// The tail (schema 7): reading its rows into a reader's view, and folding what a dead writer
// left of it into blocks when the next writer opens the file.
#include <algorithm>

#include "block_writer.hpp"
#include "historian_impl.hpp"

namespace parktwin::store {
namespace {

// Every tail row `db` sees, decoded and merged per tag (a tag's samples in time order, the
// first stored value of a timestamp winning, as across blocks). `seqs` gets the row ids.
Result<std::unordered_map<std::int64_t, std::vector<Sample>>> readTail(sql::Statement& rows, const std::string& path,
                                                                        std::vector<std::int64_t>& seqs) {
  std::unordered_map<std::int64_t, std::vector<Sample>> byTag;
  seqs.clear();
  for (;;) {
    auto row = rows.step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    seqs.push_back(rows.int64(0));
    auto entries = decodeTailRow(rows.blob(1));
    if (!entries) {
      rows.reset();
      return fail(path + ": tail row " + std::to_string(seqs.back()) + ": " + entries.error().message);
    }
    for (auto& entry : *entries) {
      if (entry.samples.empty()) continue;  // the writer never writes one; a damaged file may
      auto& samples = byTag[entry.tag_id];
      samples.insert(samples.end(), entry.samples.begin(), entry.samples.end());
    }
  }
  for (auto& [id, samples] : byTag) mergeFirstWins(samples);
  return byTag;
}

}  // namespace

// Brings `view` up to the tail rows `db` sees now (inside the caller's read transaction).
Result<void> refreshTail(sql::Database& db, ReadStatements& statements, TailView& view) {
  std::vector<std::int64_t> seqs;
  {
    auto ids = statements.lend(db, "SELECT seq FROM tail ORDER BY seq");
    if (!ids) return std::unexpected(ids.error());
    for (;;) {
      auto row = (*ids)->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      seqs.push_back((*ids)->int64(0));
    }
  }
  if (seqs == view.seqs) return {};
  auto rows = statements.lend(db, "SELECT seq, payload FROM tail ORDER BY seq");
  if (!rows) return std::unexpected(rows.error());
  auto byTag = readTail(**rows, db.path(), view.seqs);
  if (!byTag) {
    view.seqs.clear();
    view.by_tag.clear();
    return std::unexpected(byTag.error());
  }
  view.by_tag = std::move(*byTag);
  return {};
}

// An older file opened read-only has no tail table until a writer of this build migrates it,
// which may happen while the reader is open: until the table is found, each read looks again
// (one small query, for older files only).
Result<const TailView*> Historian::Impl::readerTail() {
  if (!has_tail_table) {
    auto found = read_statements.queryInt(reader, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'tail'");
    if (!found) return std::unexpected(found.error());
    has_tail_table = *found == 1;
    if (!has_tail_table) return nullptr;
  }
  if (auto ok = refreshTail(reader, read_statements, tail_view); !ok) return std::unexpected(ok.error());
  return &tail_view;
}

Result<bool> Historian::Impl::appendTailSamples(std::int64_t tag_id, std::int64_t t0, std::int64_t t1, std::vector<Sample>& out) {
  auto tail = readerTail();
  if (!tail) return std::unexpected(tail.error());
  const std::vector<Sample>* samples = *tail ? (*tail)->samplesOf(tag_id) : nullptr;
  if (!samples) return false;
  auto from = std::lower_bound(samples->begin(), samples->end(), t0, [](const Sample& s, std::int64_t t) { return s.ts_ms < t; });
  auto to = std::upper_bound(from, samples->end(), t1, [](std::int64_t t, const Sample& s) { return t < s.ts_ms; });
  out.insert(out.end(), from, to);
  return from != to;
}

// The previous writer died between folds: its open blocks as of the last fold are in the file,
// what it committed since is in the tail. Each tag's tail samples are merged with its newest
// block (a sample sorted into the open block after the fold may lie inside that block's time
// range) and written as blocks, and the tail rows are deleted, in one transaction.
Result<void> Historian::Impl::foldTailOnOpen() {
  auto rows = writer->prepare("SELECT seq, payload FROM tail ORDER BY seq");
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::int64_t> seqs;
  auto tx = sql::Transaction::begin(*writer);
  if (!tx) return std::unexpected(tx.error());
  auto byTag = readTail(*rows, writer->path(), seqs);
  if (!byTag) return std::unexpected(byTag.error());
  if (seqs.empty()) return {};
  auto known = writer->prepare("SELECT count(*) FROM tags WHERE id = ?");
  if (!known) return std::unexpected(known.error());
  for (const auto& [tag, samples] : *byTag) {
    auto row = known->bind(1, tag).step();
    if (!row) return std::unexpected(row.error());
    const bool exists = *row && known->int64(0) == 1;
    known->reset();
    if (!exists) return fail(writer->path() + ": the tail names tag id " + std::to_string(tag) + ", which the file does not have");
  }
  auto newest = writer->prepare("SELECT rowid, payload FROM blocks WHERE tag_id = ? ORDER BY t_start_ms DESC LIMIT 1");
  auto drop = writer->prepare("DELETE FROM blocks WHERE rowid = ?");
  auto storedEnd = writer->prepare("SELECT coalesce(max(t_end_ms), -9223372036854775808) FROM blocks WHERE tag_id = ?");
  auto blocks = BlockWriter::prepare(*writer, false, nullptr);  // before next_block_rowid is read
  if (!newest || !drop || !storedEnd || !blocks) {
    return std::unexpected(!newest ? newest.error() : !drop ? drop.error() : !storedEnd ? storedEnd.error() : blocks.error());
  }
  bool overlaps = false;
  for (auto& [tag, samples] : *byTag) {
    newest->bind(1, tag);
    auto row = newest->step();
    if (!row) return std::unexpected(row.error());
    if (*row) {
      auto stored = decodeBlock(newest->blob(1));
      if (!stored) return fail(writer->path() + ": tag id " + std::to_string(tag) + ": " + stored.error().message);
      const std::int64_t rowid = newest->int64(0);
      newest->reset();
      stored->insert(stored->end(), samples.begin(), samples.end());  // the block's first: first wins
      samples = std::move(*stored);
      mergeFirstWins(samples);
      if (auto ok = drop->bind(1, rowid).run(); !ok) return ok;
    } else {
      newest->reset();
    }
    auto end = storedEnd->bind(1, tag).step();
    if (!end) return std::unexpected(end.error());
    overlaps = overlaps || (*end && storedEnd->int64(0) >= samples.front().ts_ms);
    storedEnd->reset();
    if (auto ok = blocks->writeSamples(*writer, tag, samples, options); !ok) return ok;
  }
  // The newest block may be a late one that starts after the open block (a sample older than
  // the reorder window but not than the block): then the tail's samples overlap the open block.
  if (overlaps) {
    if (auto ok = writer->exec("INSERT OR REPLACE INTO meta(key, value) VALUES ('late_blocks', '1')"); !ok) return ok;
  }
  auto grow = writer->prepare("UPDATE meta SET value = ?1 WHERE key = 'max_block_span_ms' AND CAST(value AS INTEGER) < ?1");
  if (!grow) return std::unexpected(grow.error());
  if (auto ok = grow->bind(1, blocks->max_span_ms).run(); !ok) return ok;
  if (auto ok = writer->exec("DELETE FROM tail"); !ok) return ok;
  return tx->commit();
}

}  // namespace parktwin::store
