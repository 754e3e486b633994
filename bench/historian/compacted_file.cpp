#include "compacted_file.hpp"

#include <time.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace parktwin::bench {
namespace {

void putVarint(std::vector<std::uint8_t>& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}

bool getVarint(const std::uint8_t*& p, const std::uint8_t* end, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift <= 63; shift += 7) {
    if (p == end) return false;
    const std::uint8_t b = *p++;
    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

void must(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "compacted file: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

std::int64_t queryInt(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  must(sqlite3_prepare_v2(db, sql, -1, &s, nullptr), db, sql);
  must(sqlite3_step(s), db, sql);
  const std::int64_t v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return v;
}

double processCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::span<const std::uint8_t> blobOf(sqlite3_stmt* s, int column) {
  return {static_cast<const std::uint8_t*>(sqlite3_column_blob(s, column)), static_cast<std::size_t>(sqlite3_column_bytes(s, column))};
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

void encodeGroup(std::int64_t firstTag, std::int64_t segmentStart, std::span<const GroupEntry> entries, std::vector<std::uint8_t>& out) {
  out.clear();
  putVarint(out, entries.size());
  for (const GroupEntry& e : entries) {
    putVarint(out, static_cast<std::uint64_t>(e.tag_id - firstTag));
    putVarint(out, static_cast<std::uint64_t>(e.t_start_ms - segmentStart));
    putVarint(out, static_cast<std::uint64_t>(e.t_end_ms - e.t_start_ms));
    putVarint(out, static_cast<std::uint64_t>(e.count));
    putVarint(out, e.payload.size());
    const auto bits = static_cast<std::uint64_t>(e.last_value_bits);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
  }
  for (const GroupEntry& e : entries) out.insert(out.end(), e.payload.begin(), e.payload.end());
}

Result<void> decodeGroup(std::span<const std::uint8_t> row, std::int64_t firstTag, std::int64_t segmentStart, std::vector<GroupEntry>& out) {
  out.clear();
  thread_local std::vector<std::size_t> lengths;  // each entry's payload length, until the payloads are placed
  lengths.clear();
  const std::uint8_t* p = row.data();
  const std::uint8_t* end = p + row.size();
  std::uint64_t n = 0;
  if (!getVarint(p, end, n) || n > row.size()) return fail("group row: corrupt entry count");
  std::size_t payloadBytes = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::uint64_t tag = 0, start = 0, span = 0, count = 0, length = 0;
    if (!getVarint(p, end, tag) || !getVarint(p, end, start) || !getVarint(p, end, span) || !getVarint(p, end, count) ||
        !getVarint(p, end, length) || end - p < 8) {
      return fail("group row: entry " + std::to_string(i) + " cut short");
    }
    std::uint64_t bits = 0;
    for (int b = 0; b < 8; ++b) bits |= static_cast<std::uint64_t>(*p++) << (8 * b);
    GroupEntry e;
    e.tag_id = firstTag + static_cast<std::int64_t>(tag);
    e.t_start_ms = segmentStart + static_cast<std::int64_t>(start);
    e.t_end_ms = e.t_start_ms + static_cast<std::int64_t>(span);
    e.count = static_cast<std::int64_t>(count);
    e.last_value_bits = static_cast<std::int64_t>(bits);
    if (length > row.size()) return fail("group row: entry " + std::to_string(i) + " longer than the row");
    lengths.push_back(static_cast<std::size_t>(length));
    payloadBytes += static_cast<std::size_t>(length);
    out.push_back(e);
  }
  if (payloadBytes != static_cast<std::size_t>(end - p)) return fail("group row: payloads do not fill the row");
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].payload = std::span<const std::uint8_t>(p, lengths[i]);
    p += lengths[i];
  }
  return {};
}

CompactedFile::CompactedFile(const std::string& path, std::int64_t segmentMs, int group) : segmentMs_(segmentMs), group_(group) {
  must(sqlite3_open(path.c_str(), &db_), db_, "open");
  // The historian's readers map the file (4 GiB of mmap): the same here.
  must(sqlite3_exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=4294967296;", nullptr, nullptr, nullptr), db_,
       "pragma");
  must(sqlite3_exec(db_, "CREATE TABLE IF NOT EXISTS block_groups(id INTEGER PRIMARY KEY, payload BLOB NOT NULL)", nullptr, nullptr, nullptr),
       db_, "create");
  maxSpanMs_ = queryInt(db_, "SELECT coalesce(max(t_end_ms - t_start_ms), 0) FROM blocks");
  must(sqlite3_prepare_v2(db_, "SELECT id, payload FROM block_groups WHERE id >= ?1 AND id < ?2", -1, &groupRange_, nullptr), db_,
       "prepare groups");
  must(sqlite3_prepare_v2(db_,
                          "SELECT tag_id, t_start_ms, payload FROM blocks WHERE tag_id % 2 IN (0, 1) AND t_start_ms >= ?1 "
                          "AND t_start_ms <= ?2",
                          -1, &rowsInRange_, nullptr),
       db_, "prepare rows");
}

CompactedFile::~CompactedFile() {
  sqlite3_finalize(groupRange_);
  sqlite3_finalize(rowsInRange_);
  sqlite3_close(db_);
}

std::int64_t CompactedFile::segmentOf(std::int64_t t) const { return floorDiv(t, segmentMs_); }

CompactionCost CompactedFile::compactAll() {
  CompactionCost cost;
  const double cpu0 = processCpuSeconds();
  const auto wall0 = std::chrono::steady_clock::now();
  const std::int64_t first = queryInt(db_, "SELECT min(t_start_ms) FROM blocks WHERE tag_id % 2 IN (0, 1)");
  const std::int64_t newest = queryInt(db_, "SELECT max(t_start_ms) FROM blocks WHERE tag_id % 2 IN (0, 1)");
  for (std::int64_t seg = segmentOf(first); (seg + 1) * segmentMs_ <= newest; ++seg) {
    if (auto ok = compactSegment(seg, cost); !ok) {
      std::fprintf(stderr, "compaction: %s\n", ok.error().message.c_str());
      std::exit(1);
    }
  }
  must(sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr), db_, "checkpoint");
  cost.cpuSeconds = processCpuSeconds() - cpu0;
  cost.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  return cost;
}

// One transaction: the segment's blocks (but each tag's newest) read, written as group rows,
// and their rows deleted; a crash leaves the one form or the other.
Result<void> CompactedFile::compactSegment(std::int64_t segment, CompactionCost& cost) {
  must(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db_, "begin");
  sqlite3_stmt* select = nullptr;
  must(sqlite3_prepare_v2(db_,
                          "SELECT rowid, tag_id, t_start_ms, t_end_ms, count, last_value_bits, payload FROM blocks "
                          "WHERE tag_id % 2 IN (0, 1) AND t_start_ms >= ?1 AND t_start_ms < ?2 "
                          "AND t_start_ms < (SELECT max(b.t_start_ms) FROM blocks b WHERE b.tag_id = blocks.tag_id)",
                          -1, &select, nullptr),
       db_, "prepare select");
  sqlite3_bind_int64(select, 1, segment * segmentMs_);
  sqlite3_bind_int64(select, 2, (segment + 1) * segmentMs_);
  std::vector<std::int64_t> rowids;
  std::vector<GroupEntry> entries;
  std::vector<std::vector<std::uint8_t>> payloads;  // the entries' bytes, copied out of SQLite
  while (sqlite3_step(select) == SQLITE_ROW) {
    rowids.push_back(sqlite3_column_int64(select, 0));
    const auto blob = blobOf(select, 6);
    payloads.emplace_back(blob.begin(), blob.end());
    entries.push_back({sqlite3_column_int64(select, 1), sqlite3_column_int64(select, 2), sqlite3_column_int64(select, 3),
                       sqlite3_column_int64(select, 4), sqlite3_column_int64(select, 5), {}});
  }
  sqlite3_finalize(select);
  for (std::size_t i = 0; i < entries.size(); ++i) entries[i].payload = payloads[i];
  std::sort(entries.begin(), entries.end(),
            [](const GroupEntry& a, const GroupEntry& b) { return a.tag_id != b.tag_id ? a.tag_id < b.tag_id : a.t_start_ms < b.t_start_ms; });
  sqlite3_stmt* insert = nullptr;
  must(sqlite3_prepare_v2(db_, "INSERT INTO block_groups(id, payload) VALUES (?, ?)", -1, &insert, nullptr), db_, "prepare insert");
  std::vector<std::uint8_t> row;
  for (std::size_t i = 0; i < entries.size();) {
    const std::int64_t g = entries[i].tag_id / group_;
    std::size_t j = i;
    while (j < entries.size() && entries[j].tag_id / group_ == g) ++j;
    encodeGroup(g * group_, segment * segmentMs_, std::span(entries).subspan(i, j - i), row);
    sqlite3_bind_int64(insert, 1, groupRowId(segment, g));
    sqlite3_bind_blob(insert, 2, row.data(), static_cast<int>(row.size()), SQLITE_STATIC);
    must(sqlite3_step(insert), db_, "insert group");
    sqlite3_reset(insert);
    ++cost.groupRows;
    i = j;
  }
  sqlite3_finalize(insert);
  sqlite3_stmt* drop = nullptr;
  must(sqlite3_prepare_v2(db_, "DELETE FROM blocks WHERE rowid = ?", -1, &drop, nullptr), db_, "prepare delete");
  for (const std::int64_t rowid : rowids) {
    sqlite3_bind_int64(drop, 1, rowid);
    must(sqlite3_step(drop), db_, "delete");
    sqlite3_reset(drop);
  }
  sqlite3_finalize(drop);
  must(sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr), db_, "commit");
  cost.blocksMoved += static_cast<std::int64_t>(rowids.size());
  ++cost.segments;
  return {};
}

std::uint64_t CompactedFile::usedBytes() {
  const std::int64_t pages = queryInt(db_, "PRAGMA page_count"), free = queryInt(db_, "PRAGMA freelist_count");
  return static_cast<std::uint64_t>((pages - free) * queryInt(db_, "PRAGMA page_size"));
}

namespace {

// Keeps the answer from the block that starts later (the file has no overlapping blocks).
void offer(std::vector<std::optional<store::Sample>>& out, std::vector<std::int64_t>& starts, std::int64_t tagId, std::int64_t start,
           const store::Sample& s) {
  const auto i = static_cast<std::size_t>(tagId);
  if (i >= out.size()) return;
  if (!out[i] || start > starts[i]) {
    out[i] = s;
    starts[i] = start;
  }
}

}  // namespace

Result<void> CompactedFile::stateFromGroups(std::int64_t t, int g0, int g1, std::vector<std::optional<store::Sample>>& out,
                                            std::vector<std::int64_t>& starts) {
  // T's answer is in the newest block that starts at or before T: in T's segment, or (for a
  // tag with no block starting there before T) in an earlier one no more than the longest span back.
  const std::int64_t oldest = segmentOf(t - maxSpanMs_);
  std::vector<char> answered(out.size(), 0);
  for (std::int64_t seg = segmentOf(t); seg >= oldest; --seg) {
    sqlite3_bind_int64(groupRange_, 1, groupRowId(seg, g0));
    sqlite3_bind_int64(groupRange_, 2, groupRowId(seg, g1));
    bool pending = false;
    Result<void> result;
    while (result && sqlite3_step(groupRange_) == SQLITE_ROW) {
      const std::int64_t g = sqlite3_column_int64(groupRange_, 0) - groupRowId(seg, 0);
      result = decodeGroup(blobOf(groupRange_, 1), g * group_, seg * segmentMs_, entries_);
      // Entries are sorted by tag, then start: each tag's last entry starting at or before T.
      for (std::size_t i = 0; result && i < entries_.size(); ++i) {
        const GroupEntry& e = entries_[i];
        const auto tag = static_cast<std::size_t>(e.tag_id);
        if (tag >= out.size() || answered[tag] || e.t_start_ms > t) continue;
        if (i + 1 < entries_.size() && entries_[i + 1].tag_id == e.tag_id && entries_[i + 1].t_start_ms <= t) continue;
        auto last = store::decodeLastAtOrBefore(e.payload, t);
        if (!last) result = std::unexpected(last.error());
        else if (*last) {
          offer(out, starts, e.tag_id, e.t_start_ms, **last);
          answered[tag] = 1;
        }
      }
    }
    sqlite3_reset(groupRange_);
    if (!result) return result;
    for (std::int64_t tag = g0 * group_; tag < std::min<std::int64_t>(g1 * group_, static_cast<std::int64_t>(out.size())); ++tag) {
      if (tag > 0 && !answered[static_cast<std::size_t>(tag)]) pending = true;
    }
    if (!pending) break;
  }
  return {};
}

Result<void> CompactedFile::stateFromRows(std::int64_t t, std::vector<std::optional<store::Sample>>& out, std::vector<std::int64_t>& starts) {
  sqlite3_bind_int64(rowsInRange_, 1, t - maxSpanMs_);
  sqlite3_bind_int64(rowsInRange_, 2, t);
  Result<void> result;
  while (result && sqlite3_step(rowsInRange_) == SQLITE_ROW) {
    const std::int64_t tag = sqlite3_column_int64(rowsInRange_, 0), start = sqlite3_column_int64(rowsInRange_, 1);
    auto last = store::decodeLastAtOrBefore(blobOf(rowsInRange_, 2), t);
    if (!last) result = std::unexpected(last.error());
    else if (*last) offer(out, starts, tag, start, **last);
  }
  sqlite3_reset(rowsInRange_);
  return result;
}

Result<std::vector<store::Sample>> CompactedFile::history(std::int64_t tagId, std::int64_t t0, std::int64_t t1) {
  std::vector<store::Sample> out;
  const std::int64_t g = tagId / group_;
  sqlite3_stmt* one = nullptr;
  must(sqlite3_prepare_v2(db_, "SELECT payload FROM block_groups WHERE id = ?", -1, &one, nullptr), db_, "prepare one");
  Result<void> result;
  for (std::int64_t seg = segmentOf(t0 - maxSpanMs_); result && seg <= segmentOf(t1); ++seg) {
    sqlite3_bind_int64(one, 1, groupRowId(seg, g));
    if (sqlite3_step(one) == SQLITE_ROW) {
      result = decodeGroup(blobOf(one, 0), g * group_, seg * segmentMs_, entries_);
      for (const GroupEntry& e : entries_) {
        if (!result || e.tag_id != tagId) continue;
        auto samples = store::decodeBlock(e.payload);
        if (!samples) result = std::unexpected(samples.error());
        else
          for (const auto& s : *samples)
            if (s.ts_ms >= t0 && s.ts_ms <= t1) out.push_back(s);
      }
    }
    sqlite3_reset(one);
  }
  sqlite3_finalize(one);
  if (!result) return std::unexpected(result.error());
  // The rows left (each tag's newest block, at least), after the groups' older blocks.
  sqlite3_stmt* rows = nullptr;
  must(sqlite3_prepare_v2(db_, "SELECT payload FROM blocks WHERE tag_id = ? AND t_start_ms >= ? AND t_start_ms <= ? ORDER BY t_start_ms",
                          -1, &rows, nullptr),
       db_, "prepare rows");
  sqlite3_bind_int64(rows, 1, tagId);
  sqlite3_bind_int64(rows, 2, t0 - maxSpanMs_);
  sqlite3_bind_int64(rows, 3, t1);
  while (result && sqlite3_step(rows) == SQLITE_ROW) {
    auto samples = store::decodeBlock(blobOf(rows, 0));
    if (!samples) result = std::unexpected(samples.error());
    else
      for (const auto& s : *samples)
        if (s.ts_ms >= t0 && s.ts_ms <= t1) out.push_back(s);
  }
  sqlite3_finalize(rows);
  if (!result) return std::unexpected(result.error());
  std::sort(out.begin(), out.end(), [](const store::Sample& a, const store::Sample& b) { return a.ts_ms < b.ts_ms; });
  return out;
}

}  // namespace parktwin::bench
