#pragma once
// The historian: samples per tag in compressed time blocks, events and state snapshots, in one
// SQLite file (WAL). One Historian per thread; any number of them, in any processes, may read
// the file while one of them writes (WAL readers never block the writer).
//
// Writes are buffered and committed in batched transactions; reads see what was committed.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/store/block_codec.hpp"
#include "parktwin/store/types.hpp"

namespace parktwin::store {

// SQLite's synchronous setting in WAL mode:
//  Normal: a commit survives a crash of the process (SIGKILL); after a power loss or OS crash
//          the last commits may be lost, never corrupted. Fast: the WAL is synced at checkpoints.
//  Full:   the WAL is fsynced at every commit, so a commit also survives power loss.
//  WriteOnce: for a NEW file written in one go (a scenario run): no journal and no sync while
//          the session writes, so each page is written once (WAL writes it twice: the log, then
//          the checkpoint). A crash or a failed commit may leave the file corrupt: it is to be
//          written again, never trusted. finishWriteOnce() syncs it and turns it into an
//          ordinary WAL file; until then nothing is durable.
enum class Durability { Normal, Full, WriteOnce };

struct HistorianOptions {
  bool read_only = false;
  Durability durability = Durability::Normal;
  // Commit when this much wall time passed since the last commit (checked on append) ...
  std::int64_t commit_every_ms = 1000;
  // ... or when this many samples are pending, whichever comes first.
  std::size_t commit_every_samples = 100'000;
  // A block is sealed at this many samples, at this many payload bytes, or when it would span
  // more than kMaxBlockSpanMs of data time. The byte limit keeps a block inside one 4 KiB
  // SQLite page: a larger blob spills into overflow pages whose unused tails waste ~25 %.
  std::uint32_t max_samples_per_block = 256;  // stateAt decodes at most one block per tag
  std::uint32_t max_block_bytes = 3800;
  // The longest data time one block spans (at most kLongestBlockSpanMs). An hour keeps a reader's
  // index scan short on live files; a scenario run's file of 1/min tags takes a day, so that a
  // block holds max_samples_per_block samples (4 h) instead of 60: a quarter of the rows.
  std::int64_t max_block_span_ms = 3'600'000;
  // A sample up to this far behind its tag's newest one is sorted into the open block; older
  // ones (and any before the open block) are stored in separate "late" blocks; reads merge.
  std::int64_t reorder_window_ms = 60'000;
  // Data-time interval of state snapshots used by stateAt(); 0 disables them.
  std::int64_t snapshot_every_ms = 15 * 60'000;
  // A commit writes the samples it adds as one tail row and leaves the open blocks in memory;
  // every this many commits (a fold) the blocks are written and the tail rows deleted. Each
  // open block is thus written once per fold instead of once per commit (most of ingest's
  // time); readers merge the tail. 1: every commit writes the blocks. Durability::WriteOnce
  // writes the blocks at every commit (until finishWriteOnce(), after which the session uses
  // the tail as a Normal one).
  std::size_t fold_every_commits = 8;
  // Commits due by commit_every_samples / commit_every_ms are written on a thread of the
  // historian's own while appends go on (fold_every_commits + 1 of them queued at most, 2 to
  // 16; a queued one holds a copy of what it writes). flush() waits for them and reports
  // durable only what is in the file; a read through this historian waits for them too (after
  // a failed one it reads the file without it). A queued commit that fails is tried again, and
  // its failure reported, by the next flush() or the next append that makes a commit due.
  // Off: every commit runs inside the append that made it due.
  bool write_behind = true;
  // Folds move the blocks of each 240 s of data time into group rows of 48 tags once they are
  // sealed (block_groups.hpp): stateAt then reads tags / 48 rows instead of one per tag. Off:
  // every block stays a row (a scenario run's file, written once and read by few tags).
  bool compact_segments = true;
};

// What flush() made durable: every sample accepted by append() so far (this session) is in
// the file, and so is every event.
struct FlushResult {
  std::uint64_t durable_samples = 0;   // cumulative count of accepted samples now committed
  std::int64_t durable_until_ms = 0;   // newest committed sample timestamp (INT64_MIN if none)
};

// Bytes a SQLite file takes on disk with its -wal and -shm companions (0 for what is missing).
std::uint64_t bytesOnDisk(const std::string& path);

class Historian {
 public:
  // Opens or creates `path`. A foreign, corrupt or newer-schema file is an error, never a crash.
  // One writer per file (an flock on `<path>-writer.lock`; a second is refused), any number of
  // read-only openers.
  static Result<Historian> open(const std::string& path, const HistorianOptions& options = {});
  Historian(Historian&&) noexcept;
  Historian& operator=(Historian&&) noexcept;
  // Commits and folds (the blocks written whole, no tail left); errors there are lost, so call
  // flush() yourself when it matters (what flush() reports durable survives any later failure).
  ~Historian();

  // --- writing ---
  // Creates the tag or updates its unit and kind. append() creates unknown tags on its own.
  Result<void> defineTag(std::string_view name, std::string_view unit, std::string_view kind);
  // Duplicate (tag, ts): the first value stored wins; a later one is dropped, also across
  // sessions. Non-finite values (NaN, inf) are stored as they are.
  Result<void> append(std::string_view tag, std::int64_t ts_ms, double value);
  // The same without looking the name up on every sample (writers of many samples per tag:
  // ingest, scenario runs). A handle is valid for the life of this Historian.
  class TagHandle {
    friend class Historian;
    void* writer_ = nullptr;
  };
  Result<TagHandle> tagHandle(std::string_view tag);
  Result<void> append(TagHandle tag, std::int64_t ts_ms, double value);
  // One sample per tag, all at `ts_ms` (a simulator step's changed values, tags[i] gets
  // values[i]): the same as append() for each, with the commit check once for the step instead
  // of a clock read per sample. The spans must be the same length.
  Result<void> appendAt(std::int64_t ts_ms, std::span<const TagHandle> tags, std::span<const double> values);
  // The same for values whose decimal form the caller has: values[i] == decimals[i].scaled /
  // 10^decimals[i].exponent, the same double (sim::Simulator::scaledValues). The encoder then
  // takes the integer as it is; the bytes stored are those appendAt above writes (a caller
  // whose values break that promise would store wrong values: only such a source may call it).
  Result<void> appendAt(std::int64_t ts_ms, std::span<const TagHandle> tags, std::span<const double> values,
                        std::span<const KnownDecimal> decimals);
  // `validate`: the payload must be valid JSON (checked by SQLite) or the event is refused.
  // `built_by_codec`: a payload printed by a codec that always writes valid JSON
  // (sim::encodeEvent, tested against SQLite's json_valid), taken without a check.
  enum class PayloadCheck { validate, built_by_codec };
  Result<void> appendEvent(const Event& event);
  Result<void> appendEvent(Event&& event, PayloadCheck check);
  // Writes a state snapshot at T (at the next commit) from what this session appended, without
  // reading the file back: for a writer that appends every tag in time order into a new file
  // and calls this between its steps (a scenario run; give it snapshot_every_ms = 0). Each
  // tag's state is the newest sample appended to it, which is stateAt(T)'s answer only when
  // the file held no sample before this session, no sample came out of order, and no tag has
  // one after T; otherwise this fails and writes nothing (the historian's own snapshots, by
  // snapshot_every_ms, work for any writer).
  Result<void> snapshotAt(std::int64_t t_ms);
  Result<FlushResult> flush();
  // Durability::WriteOnce: commits, syncs the file and switches it to WAL (the mode every other
  // session of the file uses); the session then goes on as Durability::Normal. Otherwise flush().
  Result<FlushResult> finishWriteOnce();
  Result<void> setParkFileHash(std::string_view hash);

  // --- reading (committed data only) ---
  Result<std::string> parkFileHash();
  Result<std::vector<TagInfo>> tags();
  // Samples with t0 <= ts <= t1 in time order.
  Result<std::vector<Sample>> samplesBetween(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms);
  // For every tag with a sample at or before T: its last such sample.
  Result<std::vector<TagState>> stateAt(std::int64_t t_ms);
  // [t0, t1) split in `buckets` equal buckets (the last one takes the remainder).
  Result<std::vector<Bucket>> downsample(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms,
                                         std::size_t buckets);
  // Events with t0 <= ts <= t1, in time order.
  Result<std::vector<Event>> eventsBetween(std::int64_t t0_ms, std::int64_t t1_ms, const EventFilter& filter = {});
  Result<std::vector<TagSummary>> summary();

  // --- retention ---
  // Writes (replaces) 1-minute min/max/mean/count rows of every tag for the whole minutes
  // overlapping [t0, t1) (t0 rounded down, t1 up to a minute); returns the rows written.
  Result<std::size_t> rollup(std::int64_t t0_ms, std::int64_t t1_ms);
  Result<std::vector<Rollup>> rollupsBetween(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms);
  // Deletes raw samples with ts < T (rollups, events and snapshots stay); returns how many.
  Result<std::uint64_t> deleteRawBefore(std::int64_t t_ms);

  struct Impl;

 private:
  explicit Historian(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parktwin::store
