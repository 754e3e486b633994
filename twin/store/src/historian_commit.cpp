// One batched transaction: a tail row, or (a fold) sealed and open blocks and late blocks;
// events; then snapshots.
#include <algorithm>

#include "block_writer.hpp"
#include "historian_impl.hpp"
#include "parktwin/store/schema.hpp"
#include "block_groups.hpp"
#include "snapshot_codec.hpp"

namespace parktwin::store {
namespace {

static_assert(kGroupIdShift == 24 && kGroupSegmentMs == 240'000, "writeSnapshots' SQL spells both out");

std::int64_t minusSpan(std::int64_t t, std::int64_t span) { return t < INT64_MIN + span ? INT64_MIN : t - span; }

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// A fold's last writes, wherever it runs: the tail rows its blocks now hold are deleted (a reader
// sees each sample once), and meta's longest block span grows to `grow_to` when that is larger.
Result<void> endFold(sql::Database& db, std::int64_t grow_to) {
  if (auto ok = db.exec("DELETE FROM tail"); !ok) return ok;
  if (grow_to <= 0) return {};
  auto grow = db.prepare("UPDATE meta SET value = ?1 WHERE key = 'max_block_span_ms' AND CAST(value AS INTEGER) < ?1");
  if (!grow) return std::unexpected(grow.error());
  return grow->bind(1, grow_to).run();
}

// A snapshot at or after any sample written now (late, or from a lagging tag) no longer tells the
// truth; writeSnapshots() rebuilds it. In steady state nothing matches.
Result<void> dropSnapshotsFrom(sql::Database& db, std::int64_t ts_ms) {
  auto drop = db.prepare("DELETE FROM snapshots WHERE ts_ms >= ?");
  if (!drop) return std::unexpected(drop.error());
  return drop->bind(1, ts_ms).run();
}

}  // namespace

Result<void> Historian::Impl::writeLate(TagWriter& tw) {
  auto late = tw.late;
  std::stable_sort(late.begin(), late.end(), [](const Sample& a, const Sample& b) { return a.ts_ms < b.ts_ms; });
  late.erase(std::unique(late.begin(), late.end(), [](const Sample& a, const Sample& b) { return a.ts_ms == b.ts_ms; }),
             late.end());
  // Drop timestamps the file already holds (including this transaction's blocks): first wins.
  auto overlap = writer->prepare(
      "SELECT payload FROM blocks WHERE tag_id = ? AND t_start_ms >= ? AND t_start_ms <= ? AND t_end_ms >= ?");
  if (!overlap) return std::unexpected(overlap.error());
  overlap->bind(1, tw.id).bind(2, minusSpan(late.front().ts_ms, spanBound())).bind(3, late.back().ts_ms).bind(4, late.front().ts_ms);
  std::vector<std::int64_t> stored;
  for (;;) {
    auto row = overlap->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    auto samples = decodeBlock(overlap->blob(0), late.back().ts_ms);
    if (!samples) return fail(writer->path() + ": tag id " + std::to_string(tw.id) + ": " + samples.error().message);
    for (const auto& s : *samples) stored.push_back(s.ts_ms);
  }
  auto grouped = groupBlocksOf(*writer, tw.id, minusSpan(late.front().ts_ms, spanBound()), late.back().ts_ms, late.front().ts_ms);
  if (!grouped) return std::unexpected(grouped.error());
  for (const GroupBlock& block : *grouped) {
    auto samples = decodeBlock(block.payload, late.back().ts_ms);
    if (!samples) return fail(writer->path() + ": tag id " + std::to_string(tw.id) + ": " + samples.error().message);
    for (const auto& s : *samples) stored.push_back(s.ts_ms);
  }
  std::sort(stored.begin(), stored.end());
  std::erase_if(late, [&](const Sample& s) { return std::binary_search(stored.begin(), stored.end(), s.ts_ms); });
  if (late.empty()) return {};

  // Blocks of a tag may now overlap: stateAt must not stop at the first block it finds per tag.
  if (auto ok = writer->exec("INSERT OR REPLACE INTO meta(key, value) VALUES ('late_blocks', '1')"); !ok) return ok;
  auto blocks = BlockWriter::prepare(*writer, false, &next_block_rowid);
  if (!blocks) return std::unexpected(blocks.error());
  if (auto ok = blocks->writeSamples(*writer, tw.id, late, options); !ok) return ok;
  late_max_span_ms = std::max(late_max_span_ms, blocks->max_span_ms);
  return {};
}

Result<void> Historian::Impl::insertNewTags() {
  if (new_tags.empty()) return {};
  auto insert = writer->prepare("INSERT INTO tags(name, unit, kind) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING");
  auto select = writer->prepare("SELECT id FROM tags WHERE name = ?");
  if (!insert || !select) return std::unexpected(!insert ? insert.error() : select.error());
  for (TagWriter* tw : new_tags) {
    // Ids are (re)read every time: a commit that fails rolls the rows back, the next inserts again.
    const std::string_view name = *tw->name;
    if (auto ok = insert->bind(1, name).bind(2, std::string_view(tw->unit)).bind(3, std::string_view(tw->kind)).run(); !ok) {
      return ok;
    }
    select->bind(1, name);
    auto row = select->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return fail(writer->path() + ": tag '" + std::string(name) + "' vanished while being created");
    tw->id = select->int64(0);
    select->reset();
  }
  return {};
}

Result<void> Historian::Impl::writeEvents() {
  if (pending_events.empty()) return {};
  auto event = writer->prepare(
      "INSERT INTO events(ts_ms, kind, severity, object, message, payload) VALUES (?, ?, ?, ?, ?, ?)");
  if (!event) return std::unexpected(event.error());
  for (const auto& e : pending_events) {
    event->bind(1, e.ts_ms).bind(2, std::string_view(e.kind)).bind(3, static_cast<std::int64_t>(e.severity))
        .bind(4, std::string_view(e.object)).bind(5, std::string_view(e.message));
    if (e.payload_json.empty()) {
      event->bindNull(6);
    } else {
      event->bind(6, std::string_view(e.payload_json));
    }
    if (auto ok = event->run(); !ok) return ok;
  }
  return {};
}

// dropSnapshotsFrom(ts_ms) may have deleted the newest snapshots: writeSnapshots() then looks
// for the newest left in the file. The newest written lies at least an interval before the next
// one due, so a sample after that deletes none (the steady state: next_snapshot_ms stays known,
// and a fold can tell whether a snapshot falls due without asking the file).
void Historian::Impl::forgetSnapshotsFrom(std::int64_t ts_ms) {
  if (ts_ms == INT64_MAX || !next_snapshot_ms) return;
  if (ts_ms <= *next_snapshot_ms - std::max<std::int64_t>(options.snapshot_every_ms, 0)) next_snapshot_ms.reset();
}

void Historian::Impl::collectFold(FoldRows& out) {
  out.clear();
  out.payloads.reserve(last_fold_bytes + last_fold_bytes / 4);
  for (const auto& s : sealed) out.add(s.owner->id, s.rowid != 0 ? s.rowid : next_block_rowid++, s.rowid != 0, s.block);
  new_open_rowids.clear();  // a failed commit may have left some
  for (std::size_t i = 0; i < touched.size(); ++i) {
    TagWriter* tw = touched[i];
    if (i + 1 < touched.size()) prefetchWriter(touched[i + 1]);
    if (!tw->dirty) continue;
    const bool exists = tw->open_rowid != 0;
    const std::int64_t rowid = exists ? tw->open_rowid : next_block_rowid++;
    out.add(tw->id, rowid, exists, tw->open);
    new_open_rowids.emplace_back(tw, rowid);
  }
  last_fold_bytes = out.payloads.size();
}

// Every sealed block, every changed open block and the late samples since the last fold, in
// the commit's transaction; the tail rows they cover are deleted in the same transaction, so a
// reader sees each sample exactly once.
Result<std::int64_t> Historian::Impl::writeFold() {
  auto blocks = BlockWriter::prepare(*writer, true, &next_block_rowid);
  if (!blocks) return std::unexpected(blocks.error());
  collectFold(fold_rows);
  if (auto ok = blocks->write(*writer, fold_rows); !ok) return std::unexpected(ok.error());
  for (TagWriter* tw : touched) {
    if (tw->late.empty()) continue;
    if (auto ok = writeLate(*tw); !ok) return std::unexpected(ok.error());
  }
  const std::int64_t span = std::max(blocks->max_span_ms, std::exchange(late_max_span_ms, 0));
  if (auto ok = endFold(*writer, span > stored_max_span_ms ? span : 0); !ok) return std::unexpected(ok.error());
  if (options.compact_segments) {
    const std::int64_t at = fold_rows.dataTime();
    if (at != INT64_MIN) last_fold_data_ms = at;
    if (auto ok = compactAfterFold(*writer, at, options.reorder_window_ms, false); !ok) return std::unexpected(ok.error());
  }
  return span;
}

// One tail row: what each tag got since the last commit. The open and sealed blocks stay in
// memory until the fold.
void Historian::Impl::collectTailRow() {
  tail_row.clear();
  for (TagWriter* tw : tail_touched) {
    if (!tw->tail.empty()) tail_row.add(tw->id, tw->tail);
  }
}

Result<void> Historian::Impl::insertTailRow(std::span<const std::uint8_t> payload) {
  if (payload.empty()) return {};
  if (!insert_tail) {
    auto prepared = writer->prepare("INSERT INTO tail(payload) VALUES (?)");
    if (!prepared) return std::unexpected(prepared.error());
    insert_tail.emplace(std::move(*prepared));
  }
  return insert_tail->bindBlobUncopied(1, payload).run();
}

void Historian::Impl::tailWritten() {
  for (TagWriter* tw : tail_touched) {
    tw->tail.clear();
    tw->in_tail = false;
  }
  tail_touched.clear();
}

void Historian::Impl::foldWritten(std::int64_t span) {
  stored_max_span_ms = std::max(stored_max_span_ms, span);
  sealed.clear();
  for (auto& [tw, rowid] : new_open_rowids) {
    tw->open_rowid = rowid;
    tw->dirty = false;
  }
  for (TagWriter* tw : touched) {
    tw->late.clear();
    tw->touched = false;
  }
  touched.clear();
  commits_since_fold = 0;
  fold_due = false;
}

bool Historian::Impl::foldDue(CommitKind kind) const {
  return kind == CommitKind::Fold || !tailEnabled() || fold_due || !pending_snapshots.empty() ||
         commits_since_fold + 1 >= options.fold_every_commits;
}

// A fold that makes a snapshot due runs here: snapshots are computed from the blocks it writes.
bool Historian::Impl::snapshotDueAfterFold() const {
  if (options.snapshot_every_ms == 0) return false;
  if (!next_snapshot_ms) return true;  // writeSnapshots() looks in the file
  const std::int64_t until = std::max(durable_until_ms, max_pending_ts);  // what the file holds once the fold is in
  return until >= INT64_MIN + options.reorder_window_ms && *next_snapshot_ms <= until - options.reorder_window_ms;
}

// What a queued commit may not do: assign new tags' ids (later rows need them), check late
// samples against the blocks, write events or snapshots taken from memory, or be a fold that
// retention, a close or snapshotAt asked for (they go on with the file right after).
bool Historian::Impl::canWriteBehind(CommitKind kind, bool fold) const {
  return options.write_behind && tailEnabled() && kind == CommitKind::WhenDue && new_tags.empty() &&
         pending_events.empty() && pending_snapshots.empty() && !fold_due && !(fold && snapshotDueAfterFold()) &&
         !(commit_queue && commit_queue->failed());
}

Result<void> Historian::Impl::commitBehind(bool fold) {
  // First what may throw (a thread, memory): the state below is cleared only once the job holds it.
  if (!commit_queue) commit_queue = std::make_unique<CommitQueue>(std::clamp<std::size_t>(options.fold_every_commits + 1, 2, 16));
  auto job = std::make_shared<BehindCommit>();
  job->fold = fold;
  job->drop_snapshots_from = min_pending_ts;
  if (fold) {
    collectFold(job->rows);
    job->data_time_ms = job->rows.dataTime();
    if (job->data_time_ms != INT64_MIN) last_fold_data_ms = job->data_time_ms;
    if (job->rows.max_span_ms > stored_max_span_ms) job->grow_span_to = job->rows.max_span_ms;
    foldWritten(job->rows.max_span_ms);  // the queue writes it, whatever comes after
  } else {
    collectTailRow();
    if (!tail_row.empty()) job->tail_row.assign(tail_row.payload().begin(), tail_row.payload().end());
    ++commits_since_fold;
  }
  tailWritten();
  commit_queue->post({[this, job] { return writeBehind(*job); }, std::exchange(pending_samples, 0), max_pending_ts});
  min_pending_ts = INT64_MAX;
  last_commit = coarseMonotonicNow();
  return {};
}

Result<void> Historian::Impl::writeBehind(const BehindCommit& commit) {
  auto tx = sql::Transaction::begin(*writer);
  if (!tx) return std::unexpected(tx.error());
  if (commit.fold) {
    auto blocks = BlockWriter::prepare(*writer, true, nullptr);
    if (!blocks) return std::unexpected(blocks.error());
    if (auto ok = blocks->write(*writer, commit.rows); !ok) return ok;
    if (auto ok = endFold(*writer, commit.grow_span_to); !ok) return ok;
    if (options.compact_segments) {
      if (auto ok = compactAfterFold(*writer, commit.data_time_ms, options.reorder_window_ms, false); !ok) return ok;
    }
  } else if (auto ok = insertTailRow(commit.tail_row); !ok) {
    return ok;
  }
  if (commit.drop_snapshots_from != INT64_MAX) {
    if (auto ok = dropSnapshotsFrom(*writer, commit.drop_snapshots_from); !ok) return ok;
  }
  return tx->commit();
}

Result<void> Historian::Impl::settle() {
  if (!commit_queue) return {};
  auto done = commit_queue->drain();
  if (!done) return std::unexpected(done.error());
  durable_samples += done->samples;
  durable_until_ms = std::max(durable_until_ms, done->until_ms);
  return {};
}

Result<void> Historian::Impl::commit(CommitKind kind) {
  // Before deciding where the commit runs: a fold after which the snapshots must be rebuilt runs
  // here (snapshotDueAfterFold()). Harmless if the commit then fails: the file is asked again.
  forgetSnapshotsFrom(min_pending_ts);
  const bool fold = foldDue(kind);
  const bool nothingNew = tail_touched.empty() && pending_events.empty() && new_tags.empty() && pending_snapshots.empty();
  const bool nothingToFold = !fold || (sealed.empty() && touched.empty());
  if (!(nothingNew && nothingToFold) && canWriteBehind(kind, fold)) return commitBehind(fold);
  if (auto ok = settle(); !ok) return ok;
  if (nothingNew && nothingToFold) {
    durable_samples += std::exchange(pending_samples, 0);
    min_pending_ts = INT64_MAX;
    last_commit = coarseMonotonicNow();
    return {};
  }
  auto tx = sql::Transaction::begin(*writer);
  if (!tx) return std::unexpected(tx.error());
  if (auto ok = insertNewTags(); !ok) return ok;
  std::int64_t foldSpan = 0;  // the longest block the fold wrote
  if (fold) {
    auto span = writeFold();
    if (!span) return std::unexpected(span.error());
    foldSpan = *span;
  } else {
    collectTailRow();
    if (auto ok = insertTailRow(tail_row.empty() ? std::span<const std::uint8_t>{} : tail_row.payload()); !ok) return ok;
  }
  if (auto ok = writeEvents(); !ok) return ok;
  if (min_pending_ts != INT64_MAX) {
    if (auto ok = dropSnapshotsFrom(*writer, min_pending_ts); !ok) return ok;
  }
  // After the DELETE above: these hold for every sample appended so far (addSample drops any
  // that a later sample contradicts).
  if (auto ok = writePendingSnapshots(); !ok) return ok;
  if (auto ok = tx->commit(); !ok) return ok;

  pending_snapshots.clear();
  new_tags.clear();
  pending_events.clear();
  tailWritten();
  if (fold) {
    foldWritten(foldSpan);
  } else {
    ++commits_since_fold;
  }
  durable_samples += std::exchange(pending_samples, 0);
  durable_until_ms = std::max(durable_until_ms, max_pending_ts);
  min_pending_ts = INT64_MAX;
  last_commit = coarseMonotonicNow();
  // The samples are durable by now; a snapshot that fails (a full disk) is retried next fold.
  // Snapshots are computed at folds only: they skip stretches without data by the blocks'
  // starts, which miss what is still in the tail.
  if (!fold) return {};
  if (auto ok = writeSnapshots(); !ok) return fail(writer->path() + ": writing a state snapshot: " + ok.error().message);
  return {};
}

Result<void> Historian::Impl::writePendingSnapshots() {
  if (pending_snapshots.empty()) return {};
  auto insert = writer->prepare("INSERT OR REPLACE INTO snapshots(ts_ms, payload) VALUES (?, ?)");
  if (!insert) return std::unexpected(insert.error());
  std::vector<SnapshotEntry> entries;
  for (const PendingSnapshot& snapshot : pending_snapshots) {
    entries.clear();
    for (const auto& [tw, s] : snapshot.state) entries.push_back({tw->id, s.ts_ms, s.value});
    // In id order, as stateById gives them: small id deltas encode in one byte.
    std::sort(entries.begin(), entries.end(), [](const SnapshotEntry& a, const SnapshotEntry& b) { return a.tag_id < b.tag_id; });
    if (auto ok = insert->bind(1, snapshot.ts_ms).bindBlob(2, encodeSnapshot(entries)).run(); !ok) return ok;
  }
  return {};
}

// Snapshots due since the last commit, every snapshot_every_ms of data time. They are computed
// in one read view, each from the one before (only the blocks between are read), and written
// in one transaction per batch: a year of one tag imported at once is due 35,040 of them, and
// a read view, a remap of the file and SQL parsed again for each made such an import 7x slower.
Result<void> Historian::Impl::writeSnapshots() {
  const std::int64_t every = options.snapshot_every_ms;
  if (every == 0 || durable_until_ms == INT64_MIN) return {};
  if (durable_until_ms < INT64_MIN + options.reorder_window_ms) return {};
  const std::int64_t safeUntil = durable_until_ms - options.reorder_window_ms;
  if (!next_snapshot_ms) {
    auto last = reader.queryInt("SELECT coalesce(max(ts_ms), -9223372036854775808) FROM snapshots");
    if (!last) return std::unexpected(last.error());
    if (*last != INT64_MIN) {
      next_snapshot_ms = *last + every;
    } else {
      // Each half of blocks_by_half_time answers its minimum with one seek (schema 5 has no
      // plain time index).
      // A group row stands for its segment's start: no later than its first block's.
      auto first = reader.queryInt(
          "SELECT coalesce(min(m), 0) FROM (SELECT (SELECT min(t_start_ms) FROM blocks WHERE tag_id % 2 = 0) AS m "
          "UNION ALL SELECT (SELECT min(t_start_ms) FROM blocks WHERE tag_id % 2 = 1) "
          "UNION ALL SELECT (SELECT (min(id) >> 24) * 240000 FROM block_groups))");
      if (!first) return std::unexpected(first.error());
      next_snapshot_ms = (floorDiv(*first, every) + 1) * every;
    }
  }
  while (*next_snapshot_ms <= safeUntil) {
    // The read view ends before the write: with journal_mode=OFF (Durability::WriteOnce) a
    // commit waits for every reader of the file.
    auto due = computeDueSnapshots(safeUntil);
    if (!due) return std::unexpected(due.error());
    auto tx = sql::Transaction::begin(*writer);
    if (!tx) return std::unexpected(tx.error());
    auto insert = writer->prepare("INSERT OR REPLACE INTO snapshots(ts_ms, payload) VALUES (?, ?)");
    if (!insert) return std::unexpected(insert.error());
    for (const DueSnapshot& snapshot : due->snapshots) {
      if (auto ok = insert->bind(1, snapshot.ts_ms).bindBlob(2, snapshot.payload).run(); !ok) return ok;
    }
    if (auto ok = tx->commit(); !ok) return ok;
    next_snapshot_ms = due->next_ms;
  }
  return {};
}

Result<Historian::Impl::DueSnapshots> Historian::Impl::computeDueSnapshots(std::int64_t safeUntil) {
  // A batch is bounded so that a long import keeps little in memory between its writes.
  constexpr std::size_t kSnapshotsPerBatch = 1024;
  const std::int64_t every = options.snapshot_every_ms;
  auto view = ReadTransaction::begin(read_statements, reader);
  if (!view) return std::unexpected(view.error());
  // The group rows of at's segment and later stand for their segments' starts: no later than
  // their blocks', so no stretch with data in them is skipped.
  auto firstStartAfter = reader.prepare(
      "SELECT min(m) FROM (SELECT (SELECT min(t_start_ms) FROM blocks WHERE tag_id % 2 = 0 AND t_start_ms > ?1) AS m "
      "UNION ALL SELECT (SELECT min(t_start_ms) FROM blocks WHERE tag_id % 2 = 1 AND t_start_ms > ?1) "
      "UNION ALL SELECT (SELECT (min(id) >> 24) * 240000 FROM block_groups WHERE id >= ?2))");
  if (!firstStartAfter) return std::unexpected(firstStartAfter.error());
  DueSnapshots out;
  std::vector<DueSnapshot>& due = out.snapshots;
  DenseState state;
  std::vector<SnapshotEntry> entries;
  std::int64_t next = *next_snapshot_ms;
  while (next <= safeUntil && due.size() < kSnapshotsPerBatch) {
    const std::int64_t at = next;
    auto ok = due.empty() ? stateInto(at, state) : stateInto(at, state, due.back().ts_ms);
    if (!ok) return std::unexpected(ok.error());
    entries.clear();
    for (std::size_t id = 0; id < state.last.size(); ++id) {
      if (state.present[id]) entries.push_back({static_cast<std::int64_t>(id), state.last[id].ts_ms, state.last[id].value});
    }
    due.push_back({at, encodeSnapshot(entries)});
    // Skip over stretches without data so a gap of years does not cost one snapshot per interval.
    // With no block starting after `at`, every sample up to safeUntil lies in a block that starts
    // before it, so at most a block's span of snapshots is left: none is skipped (skipping to
    // safeUntil there lost the snapshots of the open block's hour at every commit).
    next = at + every;
    // (A segment too far from 1970 for an id: every group row, or none, by its side.)
    firstStartAfter->bind(1, at).bind(2, groupRowId(groupSegmentOf(at), 0).value_or(at < 0 ? INT64_MIN : INT64_MAX));
    auto row = firstStartAfter->step();
    if (!row) return std::unexpected(row.error());
    if (*row && !firstStartAfter->isNull(0)) {
      const std::int64_t m = firstStartAfter->int64(0);
      if (m > next + kMaxBlockSpanMs) next = (floorDiv(m, every) + 1) * every;
    }
    firstStartAfter->reset();
  }
  out.next_ms = next;
  return out;
}

}  // namespace parktwin::store
