#pragma once
// Internal state of a Historian, shared by the historian_*.cpp files.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "parktwin/store/block_codec.hpp"
#include "parktwin/store/historian.hpp"
#include "block_groups.hpp"
#include "block_writer.hpp"
#include "commit_queue.hpp"
#include "read_statements.hpp"
#include "sqlite_db.hpp"
#include "tail_codec.hpp"
#include "writer_lock.hpp"

namespace parktwin::store {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Per-tag write state of this session.
struct TagWriter {
  std::int64_t id = 0;                    // 0 until a new tag's row is written (next commit)
  const std::string* name = nullptr;      // the key of this writer in tag_writers
  std::string unit, kind;                 // for a new tag's row, from defineTag
  bool loaded = false;                    // stored_max_ts read from the file yet?
  std::int64_t stored_max_ts = INT64_MIN; // newest sample the file held when this session began
  std::int64_t open_rowid = 0;            // 0: the open block has no row yet
  BlockEncoder open;                    // the block still growing
  bool dirty = false;                     // open block changed since the last fold
  std::vector<Sample> late;               // out-of-window samples awaiting commit
  bool touched = false;                   // in Impl::touched (dirty or late since the last fold)
  BlockEncoder tail;                      // the samples appended since the last commit, for its tail row
  bool in_tail = false;                   // in Impl::tail_touched (appended to, or late, since the last commit)
  TagWriter* appended_next = nullptr;     // the writer append(name) reached right after this one last time
};

// Pulls a writer's map node (its name, just before it, and the open block's state) into the
// cache ahead of its turn, from the writer's address alone: reading its fields would wait. At
// 10k tags each writer is a cache miss; append(name) and the commit visit them in a known order.
inline void prefetchWriter(const TagWriter* tw) {
  constexpr std::uintptr_t kLine = 64;
  const auto end = reinterpret_cast<std::uintptr_t>(tw + 1);
  for (std::uintptr_t line = reinterpret_cast<std::uintptr_t>(tw) - kLine; line < end; line += kLine) {
    __builtin_prefetch(reinterpret_cast<const void*>(line));
  }
}

// The commit timer is read on every append: a coarse monotonic clock (a few ns, ~4 ms
// resolution) instead of steady_clock, whose read cost as much as the append itself.
std::chrono::milliseconds coarseMonotonicNow();

struct SealedBlock {
  TagWriter* owner = nullptr;  // its id may be assigned only at the commit
  std::int64_t rowid = 0;  // 0: insert
  BlockEncoder block;
};

// stateAt's per-scan state for the SQL function parktwin_first_block_of_tag(tag_id), registered
// on the reader connection: 1 for the first block of a tag in the scan, 0 for later ones (so
// SQLite never reads their payload), always 1 when disabled (a file with late blocks).
// With `parts` > 1 the scan is one of several over the tag ids: tags with tag_id % parts !=
// part are another scan's, and the function gives 0 for them.
struct FirstBlockFilter {
  bool enabled = false;
  std::int64_t parts = 1, part = 0;
  std::vector<char> met;
  std::size_t met_count = 0;
  void reset(bool enable, std::size_t ids, std::int64_t of_parts = 1, std::int64_t this_part = 0) {
    enabled = enable;
    parts = of_parts;
    part = this_part;
    met.assign(enable ? ids : 0, 0);
    met_count = 0;
  }
};

// The last sample of each tag, indexed by tag id (ids are small and dense).
struct DenseState {
  std::vector<Sample> last;
  std::vector<char> present;
  void reset(std::int64_t max_id);
  void keepNewer(std::int64_t id, const Sample& s);  // ignores ids outside [0, max_id]
};

// A second reader connection with its own filter: on large files stateAt scans the odd tag ids
// on it, on a second thread, while `reader` scans the even ones. Lives behind a pointer: the
// filter's address is the SQL function's user data.
struct BlockScanner {
  sql::Database db;
  ReadStatements statements;  // on db
  FirstBlockFilter filter;
  DenseState state;  // what its scan found, merged into the caller's
};

// One thread kept for the second half of stateAt's scan: a replay calls stateAt at every seek,
// and a thread started per call (std::async) cost a stack mapping, its unmapping and a TLB
// shootdown each time. post() hands it a job, wait() returns the job's result.
class ScanWorker {
 public:
  ScanWorker();
  ~ScanWorker();
  ScanWorker(const ScanWorker&) = delete;
  ScanWorker& operator=(const ScanWorker&) = delete;
  void post(std::function<Result<void>()> job);
  Result<void> wait();

 private:
  void loop();
  std::mutex mutex_;
  std::condition_variable changed_;
  std::function<Result<void>()> job_;
  std::optional<Result<void>> result_;
  bool stop_ = false;
  std::thread thread_;  // last: it starts once the members above exist
};

// The tail rows of a reader's view (schema 7), decoded: each tag's samples in time order. Rows
// never change once written and only a fold deletes them, so the decoded rows are kept while
// the set of row ids stays the same (a replay calls stateAt at every seek).
struct TailView {
  std::vector<std::int64_t> seqs;  // the rows decoded
  std::unordered_map<std::int64_t, std::vector<Sample>> by_tag;
  const std::vector<Sample>* samplesOf(std::int64_t tag_id) const {
    auto it = by_tag.find(tag_id);
    return it == by_tag.end() ? nullptr : &it->second;
  }
};

enum class CommitKind {
  WhenDue,  // a tail row, or a fold every HistorianOptions::fold_every_commits commits
  Fold,     // write the blocks now (closing, retention, rollups)
};

struct Historian::Impl {
  HistorianOptions options;
  std::string path;
  std::optional<WriterLock> writer_lock;  // before `writer`: released after the connection closes
  std::optional<sql::Database> writer;  // absent when read-only
  sql::Database reader;
  std::optional<sql::Statement> json_check;  // appendEvent's payload check, on `reader`

  std::unordered_map<std::string, TagWriter, StringHash, std::equal_to<>> tag_writers;
  std::vector<SealedBlock> sealed;
  // Tags first seen in this session: their rows are inserted inside the next commit's
  // transaction, not one autocommit each (10k new tags took seconds).
  std::vector<TagWriter*> new_tags;
  // Writers with a dirty open block or late samples since the last fold: a fold visits only
  // these, not every tag of the session (at 10k tags and a commit per message, the scans of
  // tag_writers took a third of ingest's CPU).
  std::vector<TagWriter*> touched;
  // Writers appended to since the last commit: the entries of its tail row.
  std::vector<TagWriter*> tail_touched;
  void touch(TagWriter& tw) {
    if (!tw.touched) {
      tw.touched = true;
      touched.push_back(&tw);
    }
    if (!tw.in_tail) {
      tw.in_tail = true;
      tail_touched.push_back(&tw);
    }
  }
  // The tail (schema 7): a commit writes one row of what it added instead of rewriting every
  // open block; every fold_every_commits commits a fold writes the blocks and deletes the rows.
  // False for an older file opened read-only, until a writer migrates it (readerTail()).
  bool has_tail_table = false;
  std::size_t commits_since_fold = 0;
  bool fold_due = false;  // a late sample: it is checked against the blocks, so they must be whole
  TailRowWriter tail_row;
  // insertTailRow's, prepared once; used by the queue's thread or, once it waited, this one.
  std::optional<sql::Statement> insert_tail;
  bool tailEnabled() const {
    return has_tail_table && options.fold_every_commits > 1 && options.durability != Durability::WriteOnce;
  }
  bool foldDue(CommitKind kind) const;
  // Every sealed block and changed open block since the last fold, as rows, into `out`; the open
  // blocks' row ids into new_open_rowids (applied by foldWritten()).
  void collectFold(FoldRows& out);
  FoldRows fold_rows;  // a fold written in the appending thread's commit; reused
  std::size_t last_fold_bytes = 0;  // a fold's payload buffer is reserved from the previous one's
  Result<std::int64_t> writeFold();  // the longest block it wrote
  void collectTailRow();  // into tail_row
  Result<void> insertTailRow(std::span<const std::uint8_t> payload);  // none when empty
  // The in-memory side of a written (or queued) commit.
  void tailWritten();
  void foldWritten(std::int64_t span);
  Result<void> writeEvents();
  // A writer opening a file whose last writer died between folds: the tail into blocks.
  Result<void> foldTailOnOpen();
  TailView tail_view;  // the reader's; readerTail() keeps it current
  // The tail as the reader's current read view holds it, decoded; null for a file without one.
  Result<const TailView*> readerTail();
  std::optional<sql::Statement> find_tag;  // writerFor's lookup, prepared once
  // append(name)'s previous writer: with TagWriter::appended_next, the order in which tags came
  // (see writerInOrder). Points into tag_writers: reset wherever that is cleared.
  TagWriter* last_appended = nullptr;
  std::vector<Event> pending_events;
  // snapshotAt()'s: the file had no block when this session began, and every sample of the
  // session came in time order per tag (none late, none sorted into an open block).
  bool fresh_file = false;
  bool appended_in_order = true;
  struct PendingSnapshot {
    std::int64_t ts_ms = 0;
    std::vector<std::pair<TagWriter*, Sample>> state;  // ids are known only inside the commit
  };
  std::vector<PendingSnapshot> pending_snapshots;
  std::uint64_t pending_samples = 0;
  std::uint64_t durable_samples = 0;
  std::int64_t max_pending_ts = INT64_MIN;
  std::int64_t min_pending_ts = INT64_MAX;  // snapshots at or after it are invalidated
  std::int64_t durable_until_ms = INT64_MIN;
  std::optional<std::int64_t> next_snapshot_ms;
  std::int64_t stored_max_span_ms = INT64_MAX;  // meta's max_block_span_ms; read at open
  std::int64_t late_max_span_ms = 0;            // of late blocks written in this commit
  // The longest block the file may hold once this session's pending blocks are in: bounds the
  // writer's searches of what is stored.
  std::int64_t spanBound() const { return std::max(stored_max_span_ms, options.max_block_span_ms); }
  std::chrono::milliseconds last_commit = coarseMonotonicNow();

  // historian_append.cpp
  Result<TagWriter*> writerFor(std::string_view tag);
  // writerFor for append(name): first the writer that came after the previous one last time.
  Result<TagWriter*> writerInOrder(std::string_view tag);
  // `known`: the value's decimal form when the caller has it (appendAt with KnownDecimal), else null.
  Result<void> addSample(TagWriter& tw, std::int64_t ts, double value, const KnownDecimal* known = nullptr);
  Result<void> appendTo(TagWriter& tw, std::int64_t ts, double value);  // add, commit when due
  // historian_commit.cpp
  Result<void> commit(CommitKind kind = CommitKind::WhenDue);
  // commit()'s row ids of newly inserted open blocks, applied once it succeeds. Kept between
  // commits: at 10k tags a fresh vector was a fresh mapping (160 KB), and its page faults cost
  // 3 % of ingest.
  std::vector<std::pair<TagWriter*, std::int64_t>> new_open_rowids;
  // A new block row's id: this writer is the file's only one, so it picks them (a fold handed to
  // commit_queue then needs nothing back). Read from the file at open.
  std::int64_t next_block_rowid = 0;
  // Write-behind (HistorianOptions::write_behind): a commit of a tail row, or a fold, whose
  // transaction needs nothing from the file is copied out and written on commit_queue's thread
  // while appends go on. Anything else waits for the queue first and runs here: no two threads
  // ever use `writer` at once (its connection is opened without a mutex).
  bool canWriteBehind(CommitKind kind, bool fold) const;
  bool snapshotDueAfterFold() const;
  void forgetSnapshotsFrom(std::int64_t ts_ms);
  Result<void> commitBehind(bool fold);
  struct BehindCommit {
    bool fold = false;
    FoldRows rows;                  // a fold's blocks
    std::int64_t grow_span_to = 0;  // meta's max_block_span_ms, when larger
    std::vector<std::uint8_t> tail_row;  // or a tail row
    std::int64_t drop_snapshots_from = INT64_MAX;
    std::int64_t data_time_ms = INT64_MIN;  // rows.dataTime(), for the compaction after it
  };
  // The data time of the last fold with blocks (FoldRows::dataTime): the closing compaction's.
  std::int64_t last_fold_data_ms = INT64_MIN;
  Result<void> writeBehind(const BehindCommit& commit);  // on commit_queue's thread
  // Waits for the queued commits; one that failed is tried again, and its failure returned.
  // What they made durable is counted here.
  Result<void> settle();
  // Waits until no queued commit is running (done, or stopped at a failure): before the
  // calling thread uses `writer`, and before a read, so that a writer reads what it committed.
  void waitForCommits() {
    if (commit_queue) commit_queue->waitIdle();
  }
  // A public read's view of the file, once the queued commits are in.
  Result<ReadTransaction> beginReadView() {
    waitForCommits();
    return ReadTransaction::begin(read_statements, reader);
  }
  Result<void> insertNewTags();  // inside the commit's transaction
  Result<void> writeLate(TagWriter& tw);
  Result<void> writeSnapshots();
  struct DueSnapshot {
    std::int64_t ts_ms = 0;
    std::vector<std::uint8_t> payload;
  };
  struct DueSnapshots {
    std::vector<DueSnapshot> snapshots;
    std::int64_t next_ms = 0;  // the time of the snapshot due after these
  };
  Result<DueSnapshots> computeDueSnapshots(std::int64_t safe_until);  // in one read view
  Result<void> writePendingSnapshots();  // snapshotAt's, inside the commit's transaction
  // historian_read.cpp
  Result<std::optional<TagInfo>> findTag(std::string_view name);
  Result<std::vector<Sample>> samplesOf(std::int64_t tag_id, std::int64_t t0, std::int64_t t1);
  // Does the reader's file have group rows' table (schema 8)? Older files opened read-only do not.
  Result<bool> groupTableExists();
  // The tag's blocks in group rows that start in [low_start, t1] and end at or after t0, by start.
  Result<std::vector<GroupBlock>> groupBlocksFor(std::int64_t tag_id, std::int64_t low_start, std::int64_t t1, std::int64_t t0);
  // Per tag id, what its blocks in group rows hold (first, last, samples, blocks, bytes).
  Result<std::unordered_map<std::int64_t, TagSummary>> groupSummaries();
  ReadStatements read_statements;  // on `reader`: the read paths' statements, prepared once
  // historian_state.cpp
  std::vector<std::string> names_by_id;  // stateAt's tag names, refreshed when a tag is added
  std::vector<std::int64_t> ids_by_name;
  std::int64_t names_max_id = -1;
  DenseState state_scratch;  // reused by stateAt, which a replay calls on every seek
  FirstBlockFilter first_block_filter;  // its address is the SQL function's user data
  std::unique_ptr<BlockScanner> second_scanner;  // opened by the first stateAt of a large file
  std::unique_ptr<ScanWorker> scan_worker;       // started with it
  Result<void> openSecondScanner();
  Result<void> refreshTagNames();
  Result<std::int64_t> maxBlockSpan();  // the longest block in the file, from meta
  Result<void> stateInto(std::int64_t t_ms, DenseState& state);
  // The same from a state already known at seed_ts <= t_ms (in the same read view): only the
  // blocks after it are read, as after a snapshot.
  Result<void> stateInto(std::int64_t t_ms, DenseState& state, std::int64_t seed_ts);
  Result<void> scanStateBlocks(std::int64_t t_ms, DenseState& state, std::int64_t seed_ts);  // stateInto's blocks
  Result<GroupShare> groupsToScan(std::int64_t seed_ts, std::int64_t max_tag_id);  // and its group rows
  Result<void> mergeTailState(std::int64_t t_ms, DenseState& state);                         // and its tail
  // The tag's tail samples in [t0, t1] appended to `out` (inside the caller's read view); true
  // if there were any.
  Result<bool> appendTailSamples(std::int64_t tag_id, std::int64_t t0, std::int64_t t1, std::vector<Sample>& out);
  Result<std::vector<std::pair<std::int64_t, Sample>>> stateById(std::int64_t t_ms);

  // Last: destroyed first, after running what is queued, while the connection and the
  // statements its jobs use still exist. Started by the first write-behind commit.
  std::unique_ptr<CommitQueue> commit_queue;
};

// Merges samples gathered from several blocks (in block insertion order) into time order,
// keeping the first stored value of each timestamp.
void mergeFirstWins(std::vector<Sample>& samples);

Result<void> requireWriter(const Historian::Impl& impl);

}  // namespace parktwin::store
