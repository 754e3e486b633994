#include "block_groups.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "varint.hpp"

namespace parktwin::store {
namespace {

constexpr std::int64_t kMaxSegment = std::int64_t{1} << 38;  // its ids and start fit an int64

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool before(const GroupEntry& a, const GroupEntry& b) {
  return a.tag_id != b.tag_id ? a.tag_id < b.tag_id : a.t_start_ms < b.t_start_ms;
}

// An entry whose payload is held in `owned` (a copy), for the compaction's merges.
struct OwnedEntry {
  GroupEntry entry;
  std::vector<std::uint8_t> owned;
};

}  // namespace

std::int64_t groupSegmentOf(std::int64_t t_ms) { return floorDiv(t_ms, kGroupSegmentMs); }

std::optional<std::int64_t> groupRowId(std::int64_t segment, std::int64_t group) {
  if (segment <= -kMaxSegment || segment >= kMaxSegment || group < 0 || group >= (std::int64_t{1} << kGroupIdShift)) return std::nullopt;
  return segment * (std::int64_t{1} << kGroupIdShift) + group;
}

void encodeGroup(std::int64_t segment, std::int64_t group, std::span<const GroupEntry> entries, std::vector<std::uint8_t>& out) {
  out.clear();
  const std::int64_t firstTag = group * kGroupTags, segmentStart = segment * kGroupSegmentMs;
  detail::putVarint(out, entries.size());
  for (const GroupEntry& e : entries) {
    detail::putVarint(out, static_cast<std::uint64_t>(e.tag_id - firstTag));
    detail::putVarint(out, static_cast<std::uint64_t>(e.t_start_ms - segmentStart));
    detail::putVarint(out, static_cast<std::uint64_t>(e.t_end_ms) - static_cast<std::uint64_t>(e.t_start_ms));
    detail::putVarint(out, static_cast<std::uint64_t>(e.count));
    detail::putVarint(out, e.payload.size());
    const auto bits = static_cast<std::uint64_t>(e.last_value_bits);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
  }
  for (const GroupEntry& e : entries) out.insert(out.end(), e.payload.begin(), e.payload.end());
}

Result<void> decodeGroup(std::span<const std::uint8_t> row, std::int64_t segment, std::int64_t group, std::vector<GroupEntry>& out) {
  out.clear();
  if (!groupRowId(segment, group)) return fail("group row: segment " + std::to_string(segment) + " out of range");
  const std::int64_t firstTag = group * kGroupTags, segmentStart = segment * kGroupSegmentMs;
  std::size_t at = 0;
  std::uint64_t n = 0;
  // Each entry takes at least 13 bytes: a count larger than the row allows is corrupt.
  if (!detail::getVarint(row, at, n) || n > row.size() / 13) return fail("group row: corrupt entry count");
  std::uint64_t payloadBytes = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::uint64_t tag = 0, start = 0, span = 0, count = 0, length = 0;
    if (!detail::getVarint(row, at, tag) || !detail::getVarint(row, at, start) || !detail::getVarint(row, at, span) ||
        !detail::getVarint(row, at, count) || !detail::getVarint(row, at, length) || row.size() - at < 8) {
      return fail("group row: entry " + std::to_string(i) + " cut short");
    }
    if (tag >= static_cast<std::uint64_t>(kGroupTags) || start >= static_cast<std::uint64_t>(kGroupSegmentMs) ||
        span > static_cast<std::uint64_t>(kMaxGroupedSpanMs) || count == 0 || count > length * 8 + 64 ||
        length > row.size()) {
      return fail("group row: entry " + std::to_string(i) + " out of range");
    }
    std::uint64_t bits = 0;
    for (int b = 0; b < 8; ++b) bits |= static_cast<std::uint64_t>(row[at++]) << (8 * b);
    GroupEntry e;
    e.tag_id = firstTag + static_cast<std::int64_t>(tag);
    e.t_start_ms = segmentStart + static_cast<std::int64_t>(start);
    e.t_end_ms = e.t_start_ms + static_cast<std::int64_t>(span);
    e.count = static_cast<std::int64_t>(count);
    e.last_value_bits = static_cast<std::int64_t>(bits);
    e.payload = std::span<const std::uint8_t>(row.data(), static_cast<std::size_t>(length));  // placed below
    if (!out.empty() && !before(out.back(), e)) return fail("group row: entry " + std::to_string(i) + " out of order");
    payloadBytes += length;
    out.push_back(e);
  }
  if (payloadBytes != row.size() - at) return fail("group row: its payloads do not fill it");
  for (GroupEntry& e : out) {
    e.payload = row.subspan(at, e.payload.size());
    at += e.payload.size();
  }
  return {};
}

Result<std::vector<GroupBlock>> groupBlocksOf(sql::Database& db, std::int64_t tag_id, std::int64_t low_start, std::int64_t t1, std::int64_t t0) {
  std::vector<GroupBlock> out;
  if (tag_id < 0 || tag_id > kMaxGroupedTagId || t1 < low_start) return out;
  const std::int64_t group = tag_id / kGroupTags;
  const auto first = groupRowId(std::max(groupSegmentOf(low_start), -kMaxSegment + 1), group);
  const auto last = groupRowId(std::min(groupSegmentOf(t1), kMaxSegment - 1), group);
  if (!first || !last) return out;
  // From one row of the group to the next with a seek each: a segment without one costs nothing
  // (a year of one slow tag has a row every 15th segment), one of another group a second seek.
  auto next = db.prepare("SELECT id, payload FROM block_groups WHERE id >= ?1 AND id <= ?2 ORDER BY id LIMIT 1");
  if (!next) return std::unexpected(next.error());
  std::vector<GroupEntry> entries;
  for (std::int64_t from = *first; from <= *last;) {
    next->bind(1, from).bind(2, *last);
    auto found = next->step();
    if (!found) return std::unexpected(found.error());
    if (!*found) break;
    const std::int64_t id = next->int64(0), segment = id >> kGroupIdShift, rowGroup = id & ((std::int64_t{1} << kGroupIdShift) - 1);
    if (rowGroup != group) {
      next->reset();
      from = (segment + (rowGroup > group ? 1 : 0)) * (std::int64_t{1} << kGroupIdShift) + group;
      continue;
    }
    if (auto ok = decodeGroup(next->blob(1), segment, group, entries); !ok) {
      next->reset();
      return fail(db.path() + ": group row " + std::to_string(id) + ": " + ok.error().message);
    }
    for (const GroupEntry& e : entries) {
      if (e.tag_id != tag_id || e.t_start_ms < low_start || e.t_start_ms > t1 || e.t_end_ms < t0) continue;
      out.push_back({e.t_start_ms, e.t_end_ms, e.count, e.last_value_bits, {e.payload.begin(), e.payload.end()}});
    }
    next->reset();
    from = id + (std::int64_t{1} << kGroupIdShift);
  }
  return out;
}

namespace {

// Counts a move of blocks between rows and group rows (meta 'groups_generation'): stateAt's two
// connections compare it to know they saw the same split.
Result<void> bumpGeneration(sql::Database& db) {
  return db.exec("INSERT INTO meta(key, value) VALUES ('groups_generation', '1') "
                 "ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)");
}

// The first block start at or after `from` among the rows, if any (each half of the time index
// answers with one seek).
Result<std::optional<std::int64_t>> firstRowStartFrom(sql::Statement& next, std::int64_t from) {
  next.bind(1, from);
  auto row = next.step();
  if (!row) return std::unexpected(row.error());
  std::optional<std::int64_t> out;
  if (*row && !next.isNull(0)) out = next.int64(0);
  next.reset();
  return out;
}

// Adds `moved` (sorted) to the segment's row for `group`, merging with the entries it holds.
Result<void> writeGroupRow(sql::Database& db, sql::Statement& read, sql::Statement& write, std::int64_t segment, std::int64_t group,
                           std::span<OwnedEntry> moved, std::vector<std::uint8_t>& buffer) {
  const std::int64_t id = *groupRowId(segment, group);
  std::vector<OwnedEntry> merged;
  read.bind(1, id);
  auto found = read.step();
  if (!found) return std::unexpected(found.error());
  if (*found) {
    std::vector<GroupEntry> held;
    if (auto ok = decodeGroup(read.blob(0), segment, group, held); !ok) {
      read.reset();
      return fail(db.path() + ": group row " + std::to_string(id) + ": " + ok.error().message);
    }
    for (const GroupEntry& e : held) merged.push_back({e, {e.payload.begin(), e.payload.end()}});
  }
  read.reset();
  for (OwnedEntry& m : moved) merged.push_back(std::move(m));
  std::sort(merged.begin(), merged.end(), [](const OwnedEntry& a, const OwnedEntry& b) { return before(a.entry, b.entry); });
  std::vector<GroupEntry> entries;
  entries.reserve(merged.size());
  for (OwnedEntry& m : merged) {
    m.entry.payload = m.owned;
    entries.push_back(m.entry);
  }
  encodeGroup(segment, group, entries, buffer);
  return write.bind(1, id).bindBlobUncopied(2, buffer).run();
}

}  // namespace

Result<CompactionReach> compactSegments(sql::Database& db, std::int64_t from, std::int64_t to, bool with_newest) {
  from = std::max(from, -kMaxSegment + 1);
  to = std::min(to, kMaxSegment);
  int segmentsLeft = kMaxSegmentsPerCompaction;
  bool movedAny = false;
  auto next = db.prepare(
      "SELECT min(m) FROM (SELECT (SELECT min(t_start_ms) FROM blocks WHERE tag_id % 2 = 0 AND t_start_ms >= ?1) AS m "
      "UNION ALL SELECT (SELECT min(t_start_ms) FROM blocks WHERE tag_id % 2 = 1 AND t_start_ms >= ?1))");
  // A tag's newest block stays: the writer rewrites it, the tail's fold and a new session find it.
  auto select = db.prepare(
      "SELECT rowid, tag_id, t_start_ms, t_end_ms, count, last_value_bits, payload FROM blocks "
      "WHERE tag_id % 2 IN (0, 1) AND t_start_ms >= ?1 AND t_start_ms < ?2 AND tag_id BETWEEN 0 AND ?3 "
      "AND t_end_ms - t_start_ms <= ?4 AND (?5 OR t_start_ms < (SELECT max(b.t_start_ms) FROM blocks b WHERE b.tag_id = blocks.tag_id))");
  auto read = db.prepare("SELECT payload FROM block_groups WHERE id = ?");
  auto write = db.prepare("INSERT OR REPLACE INTO block_groups(id, payload) VALUES (?, ?)");
  auto drop = db.prepare("DELETE FROM blocks WHERE rowid = ?");
  if (!next || !select || !read || !write || !drop) return fail(db.path() + ": " + db.lastError());
  std::vector<std::uint8_t> buffer;
  // Where it stopped: after the last segment that has rows, not past rows that do not exist yet
  // (a fold's data time far ahead of the rest would otherwise leave the rest behind for good).
  std::int64_t lastWithRows = from - 1;
  for (std::int64_t segment = from; segment < to; ++segment) {
    auto first = firstRowStartFrom(*next, segment * kGroupSegmentMs);
    if (!first) return std::unexpected(first.error());
    if (!*first) break;  // no block row from here on
    segment = std::max(segment, groupSegmentOf(**first));  // over segments without a block
    if (segment >= to) break;
    if (segmentsLeft-- == 0) return CompactionReach{segment, true};
    lastWithRows = segment;
    std::vector<OwnedEntry> moved;
    std::vector<std::int64_t> rowids;
    select->bind(1, segment * kGroupSegmentMs).bind(2, (segment + 1) * kGroupSegmentMs).bind(3, kMaxGroupedTagId).bind(4, kMaxGroupedSpanMs)
        .bind(5, std::int64_t{with_newest});
    for (;;) {
      auto row = select->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      rowids.push_back(select->int64(0));
      const auto payload = select->blob(6);
      moved.push_back({{select->int64(1), select->int64(2), select->int64(3), select->int64(4), select->int64(5), {}},
                       {payload.begin(), payload.end()}});
    }
    select->reset();
    std::sort(moved.begin(), moved.end(), [](const OwnedEntry& a, const OwnedEntry& b) { return before(a.entry, b.entry); });
    for (std::size_t i = 0; i < moved.size();) {
      const std::int64_t group = moved[i].entry.tag_id / kGroupTags;
      std::size_t j = i;
      while (j < moved.size() && moved[j].entry.tag_id / kGroupTags == group) ++j;
      if (auto ok = writeGroupRow(db, *read, *write, segment, group, std::span(moved).subspan(i, j - i), buffer); !ok) return std::unexpected(ok.error());
      i = j;
    }
    for (const std::int64_t rowid : rowids) {
      if (auto ok = drop->bind(1, rowid).run(); !ok) return std::unexpected(ok.error());
    }
    if (!rowids.empty() && !movedAny) {
      if (auto ok = bumpGeneration(db); !ok) return std::unexpected(ok.error());
      movedAny = true;
    }
  }
  return CompactionReach{std::min(lastWithRows + 1, to), false};
}

namespace {

// Puts the blocks of group rows with ids in [from, to) back as block rows, but for those that end
// before `drop_before` (counted in what it returns), and deletes the group rows. Row ids from
// *next_rowid, or SQLite's where null.
Result<std::uint64_t> ungroupRange(sql::Database& db, std::int64_t from, std::int64_t to, std::int64_t drop_before, std::int64_t* next_rowid) {
  auto select = db.prepare("SELECT id, payload FROM block_groups WHERE id >= ? AND id < ?");
  auto insert = db.prepare(
      "INSERT INTO blocks(rowid, tag_id, t_start_ms, t_end_ms, count, last_value_bits, payload) VALUES (?, ?, ?, ?, ?, ?, ?)");
  auto drop = db.prepare("DELETE FROM block_groups WHERE id = ?");
  if (!select || !insert || !drop) return fail(db.path() + ": " + db.lastError());
  std::uint64_t dropped = 0;
  std::vector<std::int64_t> ids;
  select->bind(1, from).bind(2, to);
  auto each = forEachGroupRow(db, *select, [&](std::int64_t id, std::span<const GroupEntry> entries) -> Result<void> {
    for (const GroupEntry& e : entries) {
      if (e.t_end_ms < drop_before) {
        dropped += static_cast<std::uint64_t>(e.count);
        continue;
      }
      if (next_rowid) insert->bind(1, (*next_rowid)++);
      else insert->bindNull(1);
      insert->bind(2, e.tag_id).bind(3, e.t_start_ms).bind(4, e.t_end_ms).bind(5, e.count).bind(6, e.last_value_bits).bindBlob(7, e.payload);
      if (auto ok = insert->run(); !ok) return ok;
    }
    ids.push_back(id);
    return {};
  });
  if (!each) return std::unexpected(each.error());
  for (const std::int64_t id : ids) {
    if (auto ok = drop->bind(1, id).run(); !ok) return std::unexpected(ok.error());
  }
  if (!ids.empty()) {
    if (auto ok = bumpGeneration(db); !ok) return std::unexpected(ok.error());
  }
  return dropped;
}

}  // namespace

Result<std::uint64_t> ungroupBefore(sql::Database& db, std::int64_t t_ms, std::int64_t& next_rowid) {
  // Every row of the segments up to t_ms's: ids below the next segment's first.
  const std::int64_t next = groupSegmentOf(t_ms) + 1;
  if (next <= -kMaxSegment + 1) return std::uint64_t{0};
  return ungroupRange(db, INT64_MIN, next >= kMaxSegment ? INT64_MAX : *groupRowId(next, 0), t_ms, &next_rowid);
}

namespace {

Result<void> compactOrFail(sql::Database& db, std::int64_t newest_ms, std::int64_t reorder_window_ms, bool closing) {
  auto span = db.queryInt("SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'max_block_span_ms'), 0)");
  auto mark = db.queryInt("SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'compacted_until_ms'), -9223372036854775808)");
  if (!span || !mark) return std::unexpected(!span ? span.error() : mark.error());
  // Back over the longest grouped span before the mark: blocks that were their tag's newest when
  // their segment was compacted move once a newer one came.
  const std::int64_t back = std::clamp<std::int64_t>(*span, 0, kMaxGroupedSpanMs);
  const std::int64_t from = *mark == INT64_MIN ? -kMaxSegment + 1 : groupSegmentOf(*mark - back);
  const std::int64_t lag = std::max<std::int64_t>(reorder_window_ms, 0) + kGroupLagMs;
  const std::int64_t to = newest_ms < INT64_MIN + lag ? from : groupSegmentOf(newest_ms - lag);
  CompactionReach reach{from, false};
  if (to > from) {
    auto stopped = compactSegments(db, from, to, false);
    if (!stopped) return std::unexpected(stopped.error());
    reach = *stopped;
    // Up to where it got (a bounded amount a fold, so an old file catches up over many folds),
    // never back.
    const std::int64_t until = std::clamp(reach.until, -kMaxSegment + 1, kMaxSegment) * kGroupSegmentMs;
    if (*mark == INT64_MIN || until > *mark) {
      auto set = db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('compacted_until_ms', CAST(?1 AS TEXT))");
      if (!set) return std::unexpected(set.error());
      if (auto ok = set->bind(1, until).run(); !ok) return ok;
    }
  }
  if (!closing || reach.bounded) return {};
  const std::int64_t reached = std::max(reach.until, *mark == INT64_MIN ? from : groupSegmentOf(*mark));
  // Everything, each tag's newest block too: a closed file is then read from group rows nearly
  // everywhere (a replay's most recent minutes included). The next writer puts back what it
  // needs as rows first (ungroupNewest).
  // From where the compaction above left every block but the newest behind it (the mark less a
  // grouped span): a writer opening the file puts back only these segments.
  const std::int64_t closeFrom = std::max(from, groupSegmentOf(std::clamp(reached, -kMaxSegment + 1, kMaxSegment) * kGroupSegmentMs - back));
  if (auto done = compactSegments(db, closeFrom, groupSegmentOf(newest_ms) + 1, true); !done) return std::unexpected(done.error());
  auto set = db.prepare(
      "INSERT OR REPLACE INTO meta(key, value) VALUES ('newest_grouped_from_ms', CAST(min(?1, coalesce((SELECT CAST(value AS INTEGER) "
      "FROM meta WHERE key = 'newest_grouped_from_ms'), ?1)) AS TEXT))");
  if (!set) return std::unexpected(set.error());
  return set->bind(1, std::clamp(closeFrom, -kMaxSegment + 1, kMaxSegment) * kGroupSegmentMs).run();
}

}  // namespace

Result<void> compactAfterFold(sql::Database& db, std::int64_t newest_ms, std::int64_t reorder_window_ms, bool closing) {
  if (newest_ms == INT64_MIN) return {};
  auto skip = db.queryInt(
      "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'late_blocks'), 1) "
      "OR EXISTS (SELECT 1 FROM meta WHERE key = 'compaction_error')");
  if (!skip) return std::unexpected(skip.error());
  if (*skip != 0) return {};
  // Without a journal (Durability::WriteOnce until finishWriteOnce) a savepoint cannot be rolled
  // back: no compaction then.
  auto journal = db.prepare("PRAGMA journal_mode");
  if (!journal) return std::unexpected(journal.error());
  auto mode = journal->step();
  if (!mode) return std::unexpected(mode.error());
  const bool noJournal = *mode && journal->text(0) == "off";
  journal->reset();
  if (noJournal) return {};
  // Inside a savepoint: a compaction that fails (a group row that does not decode) is undone and
  // its reason kept in meta, and the fold's blocks still commit; compaction stops for the file.
  if (auto ok = db.exec("SAVEPOINT compaction"); !ok) return ok;
  auto done = compactOrFail(db, newest_ms, reorder_window_ms, closing);
  if (done) return db.exec("RELEASE compaction");
  // An error that ended the transaction (a full disk, an I/O error) fails the fold, as before.
  if (sqlite3_get_autocommit(db.handle()) != 0) return done;
  if (auto ok = db.exec("ROLLBACK TO compaction; RELEASE compaction"); !ok) return ok;
  auto note = db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('compaction_error', ?)");
  if (!note) return std::unexpected(note.error());
  return note->bind(1, std::string_view(done.error().message)).run();
}

Result<void> ungroupNewest(sql::Database& db) {
  auto from = db.queryInt("SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'newest_grouped_from_ms'), -9223372036854775808)");
  if (!from) return std::unexpected(from.error());
  if (*from == INT64_MIN) return {};
  const auto first = groupRowId(std::clamp(groupSegmentOf(*from), -kMaxSegment + 1, kMaxSegment - 1), 0);
  if (auto back = ungroupRange(db, *first, INT64_MAX, INT64_MIN, nullptr); !back) return std::unexpected(back.error());
  return db.exec("DELETE FROM meta WHERE key = 'newest_grouped_from_ms'");
}

}  // namespace parktwin::store
