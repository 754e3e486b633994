// Opening, closing and tag/meta bookkeeping.
#include <filesystem>
#include <utility>

#include "block_groups.hpp"
#include "historian_impl.hpp"
#include "parktwin/store/schema.hpp"
#include "schema.hpp"
#include "writer_lock.hpp"

namespace parktwin::store {

constexpr std::int64_t kReaderMmapBytes = std::int64_t{1} << 32;

Result<void> requireWriter(const Historian::Impl& impl) {
  if (!impl.writer) return fail(impl.reader.path() + ": opened read-only");
  return {};
}

Historian::Historian(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Historian::Historian(Historian&&) noexcept = default;
Historian& Historian::operator=(Historian&&) noexcept = default;

Historian::~Historian() {
  // Last chance to keep pending samples, written whole as blocks (a fold), so that a closed file
  // has no tail; a destructor has no one to tell of a failure (writers that care call flush()
  // and read its result).
  if (!impl_ || !impl_->writer) return;
  // The pages the tail rows took are free now: give them back, where the file allows it (files
  // created since schema 7 use auto_vacuum = INCREMENTAL; in older ones they stay for reuse).
  if (!impl_->commit(CommitKind::Fold)) return;
  // Every segment up to the newest, each tag's newest block too: a file read after its writer
  // closed (a replay, a copy) then reads group rows nearly everywhere.
  if (impl_->options.compact_segments) {
    if (auto tx = sql::Transaction::begin(*impl_->writer)) {
      if (compactAfterFold(*impl_->writer, impl_->last_fold_data_ms, impl_->options.reorder_window_ms, true)) (void)tx->commit();
    }
  }
  (void)impl_->writer->exec("PRAGMA incremental_vacuum");
}

namespace {

void firstBlockOfTag(sqlite3_context* context, int, sqlite3_value** args) {
  auto& filter = *static_cast<FirstBlockFilter*>(sqlite3_user_data(context));
  const sqlite3_int64 id = sqlite3_value_int64(args[0]);
  if (filter.parts > 1 && id % filter.parts != filter.part) {
    sqlite3_result_int(context, 0);  // the other scan's tag
    return;
  }
  int first = 1;
  if (filter.enabled && id >= 0 && static_cast<std::size_t>(id) < filter.met.size()) {
    char& met = filter.met[static_cast<std::size_t>(id)];
    first = met ? 0 : 1;
    if (!met) ++filter.met_count;
    met = 1;
  }
  sqlite3_result_int(context, first);
}

// Impl and BlockScanner live behind a unique_ptr, so the filter's address is stable for the
// connection's life.
Result<void> registerFirstBlockFilter(sql::Database& db, FirstBlockFilter& filter) {
  if (sqlite3_create_function_v2(db.handle(), "parktwin_first_block_of_tag", 1, SQLITE_UTF8, &filter, firstBlockOfTag,
                                 nullptr, nullptr, nullptr) != SQLITE_OK) {
    return fail(db.path() + ": cannot register stateAt's block filter: " + db.lastError());
  }
  return {};
}

// Reads map the file instead of copying each page through read(2): stateAt touches tens of
// megabytes of blocks, and the copies were a sixth of its time. Address space only, not RAM.
Result<void> mapReads(sql::Database& db) { return db.exec("PRAGMA mmap_size = " + std::to_string(kReaderMmapBytes)); }

std::string journalPragmas(Durability durability) {
  switch (durability) {
    case Durability::Full: return "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL";
    case Durability::WriteOnce: return "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF";
    case Durability::Normal: break;
  }
  return "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL";
}

}  // namespace

Result<FlushResult> Historian::finishWriteOnce() {
  if (impl_->options.durability != Durability::WriteOnce || !impl_->writer) return flush();
  // The last commit, and then the switch to WAL (a write of the header page), run with
  // synchronous=FULL: the commit fsyncs the whole file, every page written without a sync before.
  if (auto ok = impl_->writer->exec("PRAGMA synchronous=FULL"); !ok) return std::unexpected(ok.error());
  auto flushed = flush();
  if (!flushed) return flushed;
  auto toWal = impl_->writer->prepare("PRAGMA journal_mode=WAL");  // answers the mode now in force
  if (!toWal) return std::unexpected(toWal.error());
  auto row = toWal->step();
  if (!row) return std::unexpected(row.error());
  const bool wal = *row && toWal->text(0) == "wal";
  toWal->reset();
  if (!wal) return fail(impl_->path + ": could not switch the finished file to WAL");
  if (auto ok = impl_->writer->exec(journalPragmas(Durability::Normal)); !ok) return std::unexpected(ok.error());
  impl_->options.durability = Durability::Normal;
  return flushed;
}

Result<void> Historian::Impl::openSecondScanner() {
  if (second_scanner) return {};
  auto scanner = std::make_unique<BlockScanner>();
  auto db = sql::Database::open(path, true);
  if (!db) return std::unexpected(db.error());
  scanner->db = std::move(*db);
  if (auto ok = mapReads(scanner->db); !ok) return ok;
  if (auto ok = registerFirstBlockFilter(scanner->db, scanner->filter); !ok) return ok;
  second_scanner = std::move(scanner);
  return {};
}

Result<Historian> Historian::open(const std::string& path, const HistorianOptions& options) {
  if (options.max_samples_per_block == 0 || options.commit_every_samples == 0 || options.reorder_window_ms < 0 ||
      options.snapshot_every_ms < 0 || options.max_block_span_ms <= 0 || options.max_block_span_ms > kLongestBlockSpanMs ||
      options.fold_every_commits == 0) {
    return fail(path + ": invalid historian options (block size, commit batch and fold interval must be > 0, "
                       "windows >= 0, block span 1 ms .. 24 h)");
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->path = path;
  if (!options.read_only) {
    auto db = sql::Database::open(path, false);
    if (!db) return std::unexpected(db.error());
    if (auto ok = prepareSchema(*db, false); !ok) return std::unexpected(ok.error());
    // After the checks above, which say clearly why a file cannot be written at all.
    auto lock = WriterLock::acquire(path);
    if (!lock) return std::unexpected(lock.error());
    impl->writer_lock.emplace(std::move(*lock));
    impl->writer = std::move(*db);
    impl->has_tail_table = true;  // migrated to the current schema
    {
      auto tx = sql::Transaction::begin(*impl->writer);
      if (!tx) return std::unexpected(tx.error());
      if (auto ok = ungroupNewest(*impl->writer); !ok) return std::unexpected(ok.error());
      if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
    }
    // Before the session's journal mode: WriteOnce's journal_mode=OFF could not roll a failed
    // fold back.
    if (auto ok = impl->foldTailOnOpen(); !ok) return std::unexpected(ok.error());
    if (auto ok = impl->writer->exec(journalPragmas(options.durability)); !ok) return std::unexpected(ok.error());
    auto nextRowid = impl->writer->queryInt("SELECT coalesce(max(rowid), 0) + 1 FROM blocks");
    if (!nextRowid) return std::unexpected(nextRowid.error());
    impl->next_block_rowid = *nextRowid;
  }
  auto reader = sql::Database::open(path, options.read_only);
  if (!reader) return std::unexpected(reader.error());
  if (auto ok = prepareSchema(*reader, true); !ok) return std::unexpected(ok.error());
  if (auto ok = mapReads(*reader); !ok) return std::unexpected(ok.error());
  impl->reader = std::move(*reader);
  if (auto ok = registerFirstBlockFilter(impl->reader, impl->first_block_filter); !ok) return std::unexpected(ok.error());

  if (impl->writer) {
    auto span = impl->maxBlockSpan();
    if (!span) return std::unexpected(span.error());
    impl->stored_max_span_ms = *span;
    auto empty = impl->reader.queryInt("SELECT NOT EXISTS (SELECT 1 FROM blocks) AND NOT EXISTS (SELECT 1 FROM block_groups)");
    if (!empty) return std::unexpected(empty.error());
    impl->fresh_file = *empty == 1;
  }
  if (impl->writer && options.snapshot_every_ms > 0) {
    auto last = impl->reader.queryInt("SELECT coalesce(max(ts_ms), -9223372036854775808) FROM snapshots");
    if (!last) return std::unexpected(last.error());
    if (*last != INT64_MIN) impl->next_snapshot_ms = *last + options.snapshot_every_ms;
  }
  return Historian(std::move(impl));
}

Result<void> Historian::defineTag(std::string_view name, std::string_view unit, std::string_view kind) {
  if (auto ok = requireWriter(*impl_); !ok) return ok;
  auto tw = impl_->writerFor(name);
  if (!tw) return std::unexpected(tw.error());
  if ((*tw)->id == 0) {  // a new tag: its row, with these, is written at the next commit
    (*tw)->unit = unit;
    (*tw)->kind = kind;
    return {};
  }
  impl_->waitForCommits();  // before using `writer`
  auto stmt = impl_->writer->prepare("UPDATE tags SET unit = ?, kind = ? WHERE id = ?");
  if (!stmt) return std::unexpected(stmt.error());
  return stmt->bind(1, unit).bind(2, kind).bind(3, (*tw)->id).run();
}

Result<void> Historian::setParkFileHash(std::string_view hash) {
  if (auto ok = requireWriter(*impl_); !ok) return ok;
  impl_->waitForCommits();  // before using `writer`
  auto stmt = impl_->writer->prepare("UPDATE meta SET value = ? WHERE key = 'park_file_hash'");
  if (!stmt) return std::unexpected(stmt.error());
  return stmt->bind(1, hash).run();
}

Result<std::string> Historian::parkFileHash() {
  auto stmt = impl_->reader.prepare("SELECT value FROM meta WHERE key = 'park_file_hash'");
  if (!stmt) return std::unexpected(stmt.error());
  auto row = stmt->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::string{};
  auto value = stmt->text(0);
  stmt->reset();
  return value;
}

Result<std::vector<TagInfo>> Historian::tags() {
  auto stmt = impl_->reader.prepare("SELECT id, name, unit, kind FROM tags ORDER BY name");
  if (!stmt) return std::unexpected(stmt.error());
  std::vector<TagInfo> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back({stmt->int64(0), stmt->text(1), stmt->text(2), stmt->text(3)});
  }
  return out;
}

std::uint64_t bytesOnDisk(const std::string& path) {
  std::uint64_t total = 0;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path + suffix, ec);
    if (!ec) total += size;
  }
  return total;
}

}  // namespace parktwin::store
