// stateAt(T): the nearest snapshot at or before T, then the blocks that may hold later samples.
#include <algorithm>
#include <atomic>
#include <bit>

#include "block_groups.hpp"
#include "historian_impl.hpp"
#include "parktwin/store/schema.hpp"
#include "snapshot_codec.hpp"

namespace parktwin::store {

void DenseState::reset(std::int64_t max_id) {
  last.assign(static_cast<std::size_t>(max_id) + 1, Sample{});
  present.assign(static_cast<std::size_t>(max_id) + 1, 0);
}

void DenseState::keepNewer(std::int64_t id, const Sample& s) {
  if (id < 0 || static_cast<std::size_t>(id) >= last.size()) return;  // not a tag of this file
  const auto i = static_cast<std::size_t>(id);
  if (!present[i] || s.ts_ms > last[i].ts_ms) {
    last[i] = s;
    present[i] = 1;
  }
}

ScanWorker::ScanWorker() : thread_([this] { loop(); }) {}

ScanWorker::~ScanWorker() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ScanWorker::post(std::function<Result<void>()> job) {
  {
    std::lock_guard lock(mutex_);
    job_ = std::move(job);
    result_.reset();
  }
  changed_.notify_all();
}

Result<void> ScanWorker::wait() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return result_.has_value(); });
  return *std::exchange(result_, std::nullopt);
}

void ScanWorker::loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stop_ || job_; });
    if (stop_) return;
    auto job = std::exchange(job_, nullptr);
    lock.unlock();
    auto result = job();
    lock.lock();
    result_ = std::move(result);
    changed_.notify_all();
  }
}

Result<void> Historian::Impl::refreshTagNames() {
  auto maxId = read_statements.queryInt(reader, "SELECT coalesce(max(id), 0) FROM tags");
  if (!maxId) return std::unexpected(maxId.error());
  if (*maxId == names_max_id) return {};  // tags are only ever added, with growing ids
  auto stmt = reader.prepare("SELECT id, name FROM tags ORDER BY name");
  if (!stmt) return std::unexpected(stmt.error());
  names_by_id.assign(static_cast<std::size_t>(*maxId) + 1, std::string{});
  ids_by_name.clear();
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    const std::int64_t id = stmt->int64(0);
    if (id < 0 || id > *maxId) continue;
    names_by_id[static_cast<std::size_t>(id)] = stmt->text(1);
    ids_by_name.push_back(id);
  }
  names_max_id = *maxId;
  return {};
}

Result<std::int64_t> Historian::Impl::maxBlockSpan() {
  auto stmt = read_statements.lend(reader, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'max_block_span_ms'");
  if (!stmt) return std::unexpected(stmt.error());
  auto row = (*stmt)->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return kMaxBlockSpanMs;
  return std::clamp<std::int64_t>((*stmt)->int64(0), 0, kLongestBlockSpanMs);
}

namespace {

constexpr std::size_t kParallelStateTags = 2000;

struct Share {
  std::int64_t parts, part;  // this scan takes the tags with id % parts == part
};

// The blocks starting in [lowStart, T], from T backwards: each tag's last sample at or before T
// into `state`. In a file whose blocks never overlap (written in order, no late blocks:
// `early`) the first block met for a tag holds its last sample at or before T, so older
// blocks of that tag are skipped inside SQLite (first_block_of_tag() is 0 for them, so their
// payload is never read) and once every tag has been met the rest of the range cannot change
// the answer. With late blocks, every block in the range is read.
Result<void> scanBlocks(sql::Database& db, ReadStatements& statements, FirstBlockFilter& filter, std::int64_t lowStart, std::int64_t t_ms, bool early,
                        Share share, DenseState& state) {
  // Each half walks its own part of the blocks_by_half_time index (schema 4; the only time index
  // since schema 5).
  auto lent = statements.lend(db,
      "SELECT tag_id, CASE WHEN parktwin_first_block_of_tag(tag_id) THEN payload END FROM blocks "
      "WHERE tag_id % 2 = ?3 AND t_start_ms >= ?1 AND t_start_ms <= ?2 ORDER BY t_start_ms DESC");
  if (!lent) return std::unexpected(lent.error());
  sql::Statement* blocks = &**lent;
  blocks->bind(1, lowStart).bind(2, t_ms).bind(3, share.part);
  filter.reset(early, state.last.size(), share.parts, share.part);
  // Tag ids run from 1 to the largest; this scan's share of them.
  const auto maxId = static_cast<std::int64_t>(state.last.size()) - 1;
  const auto tagCount = static_cast<std::size_t>(maxId <= 0 ? 0 : (maxId - share.part) / share.parts + (share.part > 0 ? 1 : 0));
  for (;;) {
    auto row = blocks->step();
    if (!row) {
      filter.reset(false, 0);
      return std::unexpected(row.error());
    }
    if (!*row) break;
    if (blocks->isNull(1)) continue;  // an older block of a tag already answered, or another scan's
    const std::int64_t tag = blocks->int64(0);
    auto last = decodeLastAtOrBefore(blocks->blob(1), t_ms);
    if (!last) {
      blocks->reset();
      filter.reset(false, 0);
      return fail(db.path() + ": tag id " + std::to_string(tag) + ": " + last.error().message);
    }
    if (*last) state.keepNewer(tag, **last);
    if (filter.enabled && filter.met_count == tagCount) {
      blocks->reset();
      break;
    }
  }
  filter.reset(false, 0);
  return {};
}

// The group rows of the segments an answer may start in, T's first: each tag's last block that
// starts at or before T into `state`, for the tags of groups [begin, end). In a file without late blocks (`early`)
// the first such block met answers for its tag, so older segments are read only while some tag
// of the share has none; with late blocks, every block in the range is read. Segments without
// a group row are skipped with one seek.
Result<void> scanGroups(sql::Database& db, ReadStatements& statements, std::int64_t t_ms, bool early, const GroupShare& groups,
                        DenseState& state) {
  if (groups.end <= groups.begin) return {};
  auto rowsOf = statements.lend(db, "SELECT id, payload FROM block_groups WHERE id >= ?1 AND id < ?2");
  auto before = statements.lend(db, "SELECT max(id) FROM block_groups WHERE id < ?1");
  if (!rowsOf || !before) return std::unexpected(!rowsOf ? rowsOf.error() : before.error());
  sql::Statement* rows = &**rowsOf;
  const std::size_t tags = state.last.size();
  const std::size_t firstTag = static_cast<std::size_t>(std::max<std::int64_t>(groups.begin * kGroupTags, 1));
  const std::size_t endTag = std::min(static_cast<std::size_t>(groups.end * kGroupTags), tags);
  if (endTag <= firstTag) return {};
  std::vector<char> answered(endTag - firstTag, 0);  // by tag - firstTag
  // Does every tag of the share have an answer that no block of `segment` or older can beat (one
  // from a group row, or a sample after where such a block can end)?
  const auto settled = [&](std::int64_t segment) {
    const std::int64_t latestEnd = (segment + 1) * kGroupSegmentMs + kMaxGroupedSpanMs;
    for (std::size_t tag = firstTag; tag < endTag; ++tag) {
      if (!answered[tag - firstTag] && !(state.present[tag] && state.last[tag].ts_ms > latestEnd)) return false;
    }
    return true;
  };
  std::vector<GroupEntry> entries;
  for (std::int64_t segment = std::min(groupSegmentOf(t_ms), groups.newest_segment); segment >= groups.oldest_segment;) {
    const auto first = groupRowId(segment, groups.begin);
    if (!first) break;
    rows->bind(1, *first).bind(2, *first + (groups.end - groups.begin));
    for (;;) {
      auto row = rows->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      const std::int64_t id = rows->int64(0);
      if (auto ok = decodeGroup(rows->blob(1), segment, id - *first + groups.begin, entries); !ok) {
        rows->reset();
        return fail(db.path() + ": group row " + std::to_string(id) + ": " + ok.error().message);
      }
      for (std::size_t i = 0; i < entries.size(); ++i) {
        const GroupEntry& e = entries[i];
        const auto tag = static_cast<std::size_t>(e.tag_id);
        if (e.t_start_ms > t_ms || tag < firstTag || tag >= endTag || (early && answered[tag - firstTag])) continue;
        // Entries come by tag, then start: in a file without late blocks the tag's last one
        // starting at or before T holds its answer.
        if (early && i + 1 < entries.size() && entries[i + 1].tag_id == e.tag_id && entries[i + 1].t_start_ms <= t_ms) continue;
        answered[tag - firstTag] = 1;
        if (e.t_end_ms <= t_ms) {  // the whole block is before T: its last sample, from the directory
          state.keepNewer(e.tag_id, {e.t_end_ms, std::bit_cast<double>(e.last_value_bits)});
          continue;
        }
        auto last = decodeLastAtOrBefore(e.payload, t_ms);
        if (!last) {
          rows->reset();
          return fail(db.path() + ": tag id " + std::to_string(e.tag_id) + ": " + last.error().message);
        }
        if (*last) state.keepNewer(e.tag_id, **last);
      }
    }
    rows->reset();
    // The next older segment that has group rows at all.
    (*before)->bind(1, *first);
    auto row = (*before)->step();
    if (!row) return std::unexpected(row.error());
    const bool more = *row && !(*before)->isNull(0);
    const std::int64_t previous = more ? (*before)->int64(0) >> kGroupIdShift : INT64_MIN;  // an arithmetic shift: the floor
    (*before)->reset();
    if (!more) break;
    segment = std::min(segment - 1, previous);
    if (early && settled(segment)) break;
  }
  return {};
}

// The groups of a state read in chunks that the two connections take in turn. With a fixed
// half each, a query waited for the thread the host gave less CPU (one core busy with something
// else doubled the p50 at 100k tags); by chunks, the faster thread takes more of them.
class GroupChunks {
 public:
  explicit GroupChunks(const GroupShare& all) : all_(all), size_(std::max<std::int64_t>(1, (all.end - all.begin + kChunks - 1) / kChunks)) {}
  std::optional<GroupShare> take() {
    const std::int64_t begin = all_.begin + next_.fetch_add(1, std::memory_order_relaxed) * size_;
    if (begin >= all_.end) return std::nullopt;
    return GroupShare{all_.oldest_segment, all_.newest_segment, begin, std::min(all_.end, begin + size_)};
  }

 private:
  static constexpr std::int64_t kChunks = 16;  // a chunk's own cost (a seek a segment) is small beside its ~1/16 of the work
  GroupShare all_;
  std::int64_t size_;
  std::atomic<std::int64_t> next_{0};
};

Result<void> scanGroupChunks(sql::Database& db, ReadStatements& statements, std::int64_t t_ms, bool early, GroupChunks& chunks,
                             DenseState& state) {
  while (auto share = chunks.take()) {
    if (auto ok = scanGroups(db, statements, t_ms, early, *share, state); !ok) return ok;
  }
  return {};
}

// How many times blocks moved between rows and group rows (meta 'groups_generation', 0 before any).
Result<std::int64_t> groupsGeneration(sql::Database& db, ReadStatements& statements) {
  return statements.queryInt(db, "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'groups_generation'), 0)");
}

}  // namespace

Result<void> Historian::Impl::stateInto(std::int64_t t_ms, DenseState& state) {
  auto maxId = read_statements.queryInt(reader, "SELECT coalesce(max(id), 0) FROM tags");
  if (!maxId) return std::unexpected(maxId.error());
  state.reset(*maxId);
  std::int64_t snapshotTs = INT64_MIN;  // none: every block up to T is read
  {
    auto lent = read_statements.lend(reader, "SELECT ts_ms, payload FROM snapshots WHERE ts_ms <= ? ORDER BY ts_ms DESC LIMIT 1");
    if (!lent) return std::unexpected(lent.error());
    sql::Statement* snap = &**lent;
    snap->bind(1, t_ms);
    auto row = snap->step();
    if (!row) return std::unexpected(row.error());
    if (*row) {
      snapshotTs = snap->int64(0);
      auto entries = decodeSnapshot(snap->blob(1));
      if (!entries) return fail(reader.path() + ": snapshot at " + std::to_string(snapshotTs) + ": " + entries.error().message);
      for (const auto& e : *entries) state.keepNewer(e.tag_id, {e.ts_ms, e.value});
      snap->reset();
    }
  }
  return stateInto(t_ms, state, snapshotTs);
}

Result<void> Historian::Impl::stateInto(std::int64_t t_ms, DenseState& state, std::int64_t seed_ts) {
  if (auto ok = scanStateBlocks(t_ms, state, seed_ts); !ok) return ok;
  return mergeTailState(t_ms, state);
}

// The tail's newest sample at or before T of each tag, where it is newer than the blocks'.
Result<void> Historian::Impl::mergeTailState(std::int64_t t_ms, DenseState& state) {
  auto tail = readerTail();
  if (!tail) return std::unexpected(tail.error());
  if (!*tail) return {};
  for (const auto& [id, samples] : (*tail)->by_tag) {
    auto after = std::upper_bound(samples.begin(), samples.end(), t_ms, [](std::int64_t t, const Sample& s) { return t < s.ts_ms; });
    if (after != samples.begin()) state.keepNewer(id, *std::prev(after));
  }
  return {};
}

Result<void> Historian::Impl::scanStateBlocks(std::int64_t t_ms, DenseState& state, std::int64_t seed_ts) {
  // Blocks that may hold a sample in (seed, T] start at most the longest block span in the
  // file before the seed, so the time index bounds the scan.
  auto span = maxBlockSpan();
  if (!span) return std::unexpected(span.error());
  auto late = read_statements.queryInt(reader, "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'late_blocks'), 1)");
  if (!late) return std::unexpected(late.error());
  const std::int64_t lowStart = seed_ts < INT64_MIN + *span ? INT64_MIN : seed_ts - *span;
  const bool early = *late == 0;
  auto groups = groupsToScan(seed_ts, static_cast<std::int64_t>(state.last.size()) - 1);
  if (!groups) return std::unexpected(groups.error());
  // Many tags: the odd ids are scanned on a second connection and thread at the same time (the
  // seeks, copies and decoding of 10k blocks take ~10 ms on one core). A file that cannot be
  // opened twice is scanned on one.
  if (state.last.size() > kParallelStateTags && openSecondScanner()) {
    // The groups in chunks, taken by both connections. The connections' read views may differ:
    // if a block moved between a row and a group row between them (the groups' generation in
    // meta differs), the one view is read again whole.
    GroupChunks chunks(*groups);
    BlockScanner& second = *second_scanner;
    second.state.reset(static_cast<std::int64_t>(state.last.size()) - 1);
    if (!scan_worker) scan_worker = std::make_unique<ScanWorker>();
    std::int64_t secondGeneration = 0;
    scan_worker->post([&]() -> Result<void> {
      auto view = ReadTransaction::begin(second.statements, second.db);
      if (!view) return std::unexpected(view.error());
      auto generation = groupsGeneration(second.db, second.statements);
      if (!generation) return std::unexpected(generation.error());
      secondGeneration = *generation;
      if (auto ok = scanBlocks(second.db, second.statements, second.filter, lowStart, t_ms, early, {2, 1}, second.state); !ok) return ok;
      return scanGroupChunks(second.db, second.statements, t_ms, early, chunks, second.state);
    });
    auto generation = groupsGeneration(reader, read_statements);
    Result<void> even = generation ? Result<void>{} : std::unexpected(generation.error());
    if (even) even = scanBlocks(reader, read_statements, first_block_filter, lowStart, t_ms, early, {2, 0}, state);
    if (even) even = scanGroupChunks(reader, read_statements, t_ms, early, chunks, state);
    auto oddResult = scan_worker->wait();
    if (!even) return even;
    if (!oddResult) return oddResult;
    for (std::size_t id = 0; id < second.state.last.size(); ++id) {
      if (second.state.present[id]) state.keepNewer(static_cast<std::int64_t>(id), second.state.last[id]);
    }
    if (*generation == secondGeneration) return {};
  }
  // Few tags (or the two views above disagreed): everything on this connection, in its one view.
  if (auto even = scanBlocks(reader, read_statements, first_block_filter, lowStart, t_ms, early, {2, 0}, state); !even) return even;
  if (auto odd = scanBlocks(reader, read_statements, first_block_filter, lowStart, t_ms, early, {2, 1}, state); !odd) return odd;
  return scanGroups(reader, read_statements, t_ms, early, *groups, state);
}

// The group rows a state read from a seed at seed_ts may need: none in a file without them (or
// without their table: schema 7 and older, read-only), else every group of the segments from the
// seed's less the longest grouped block (an older one ends before the seed) on.
Result<GroupShare> Historian::Impl::groupsToScan(std::int64_t seed_ts, std::int64_t maxTagId) {
  auto table = groupTableExists();
  if (!table) return std::unexpected(table.error());
  if (!*table || maxTagId < 1) return GroupShare{};
  auto lent = read_statements.lend(reader, "SELECT (SELECT min(id) FROM block_groups), (SELECT max(id) FROM block_groups)");
  if (!lent) return std::unexpected(lent.error());
  auto row = (*lent)->step();
  if (!row) return std::unexpected(row.error());
  if (!*row || (*lent)->isNull(0)) return GroupShare{};
  // Arithmetic shifts: the floor for negative ids too.
  const std::int64_t firstSegment = (*lent)->int64(0) >> kGroupIdShift, lastSegment = (*lent)->int64(1) >> kGroupIdShift;
  const std::int64_t groups = std::min(maxTagId, kMaxGroupedTagId) / kGroupTags + 1;
  const std::int64_t oldest = seed_ts < INT64_MIN + kMaxGroupedSpanMs ? firstSegment : groupSegmentOf(seed_ts - kMaxGroupedSpanMs);
  return GroupShare{std::max(firstSegment, oldest), lastSegment, 0, groups};
}

Result<std::vector<std::pair<std::int64_t, Sample>>> Historian::Impl::stateById(std::int64_t t_ms) {
  DenseState state;
  if (auto ok = stateInto(t_ms, state); !ok) return std::unexpected(ok.error());
  std::vector<std::pair<std::int64_t, Sample>> out;
  for (std::size_t id = 0; id < state.last.size(); ++id) {
    if (state.present[id]) out.emplace_back(static_cast<std::int64_t>(id), state.last[id]);
  }
  return out;
}

Result<std::vector<TagState>> Historian::stateAt(std::int64_t t_ms) {
  auto snapshot = impl_->beginReadView();  // one view of the file
  if (!snapshot) return std::unexpected(snapshot.error());
  if (auto ok = impl_->refreshTagNames(); !ok) return std::unexpected(ok.error());
  DenseState& state = impl_->state_scratch;
  if (auto ok = impl_->stateInto(t_ms, state); !ok) return std::unexpected(ok.error());
  std::vector<TagState> out;
  out.reserve(impl_->ids_by_name.size());
  for (const std::int64_t id : impl_->ids_by_name) {
    const auto i = static_cast<std::size_t>(id);
    if (i < state.present.size() && state.present[i]) {
      out.push_back({impl_->names_by_id[i], state.last[i].ts_ms, state.last[i].value});
    }
  }
  return out;
}

}  // namespace parktwin::store
