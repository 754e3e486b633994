// stateAt(T) from the block rows between the snapshots around T, read in table order.
//
// The time index finds each tag's block with one B-tree seek per tag (~1 us; 10k tags: most of
// stateAt). The block rows themselves lie in the order they were opened, which in a file
// without late blocks follows the data: the rows between the snapshot before T and the one after
// it hold every sample in between (historian_snapshot_rows.cpp says why). Stepping through them
// costs about a quarter of a seek per row, so the range is read whole while it holds at most
// kRowsPerTag rows a tag; each row answers from its t_end_ms and last value unless it straddles
// T, and only then is its payload read and decoded up to T.
#include <bit>

#include "historian_impl.hpp"

namespace parktwin::store {
namespace {

constexpr std::int64_t kRowsPerTag = 3;         // above it, seeking through the index is cheaper
constexpr std::int64_t kParallelRows = 4000;    // below it, a second thread costs more than it saves

struct RowRange {
  std::int64_t first = 0, last = -1;
  std::int64_t rows() const { return last < first ? 0 : last - first + 1; }
};

Result<void> scanRowRange(sql::Database& db, RowRange range, std::int64_t t_ms, DenseState& state) {
  auto rows = db.prepare(
      "SELECT tag_id, t_start_ms, t_end_ms, last_value_bits, payload FROM blocks WHERE rowid BETWEEN ?1 AND ?2");
  if (!rows) return std::unexpected(rows.error());
  rows->bind(1, range.first).bind(2, range.last);
  for (;;) {
    auto row = rows->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return {};
    if (rows->int64(1) > t_ms) continue;  // starts after T
    const std::int64_t tag = rows->int64(0);
    const std::int64_t end = rows->int64(2);
    if (end <= t_ms) {  // wholly at or before T: its last sample, without the payload
      state.keepNewer(tag, {end, std::bit_cast<double>(rows->int64(3))});
      continue;
    }
    auto last = decodeLastAtOrBefore(rows->blob(4), t_ms);
    if (!last) {
      rows->reset();
      return fail(db.path() + ": tag id " + std::to_string(tag) + ": " + last.error().message);
    }
    if (*last) state.keepNewer(tag, **last);
  }
}

}  // namespace

Result<bool> Historian::Impl::stateFromRowRange(std::int64_t t_ms, std::optional<std::int64_t> first_row, bool have_snapshot,
                                                DenseState& state) {
  // Without a snapshot before T (none yet, one from before schema 7, or after retention) the
  // range would start at the first row; measured at 100k tags x 300 s (2 rows a tag, none
  // before T's block skipped cheaply: every row's cell is stepped over, payload pages and all)
  // it was 1.5x slower than the index, so the index answers.
  if (!have_snapshot || !first_row) return false;
  RowRange range;
  range.first = *first_row;
  auto next = reader.prepare("SELECT last_block_rowid IS NULL, last_block_rowid FROM snapshots WHERE ts_ms > ? ORDER BY ts_ms LIMIT 1");
  if (!next) return std::unexpected(next.error());
  auto row = next->bind(1, t_ms).step();
  if (!row) return std::unexpected(row.error());
  if (*row) {
    const bool unknown = next->int64(0) != 0;
    range.last = next->int64(1);
    next->reset();
    if (unknown) return false;
  } else {  // no snapshot after T: to the last row
    auto last = reader.queryInt("SELECT coalesce(max(rowid), 0) FROM blocks");
    if (!last) return std::unexpected(last.error());
    range.last = *last;
  }
  const auto tags = static_cast<std::int64_t>(state.last.size());
  if (range.rows() > kRowsPerTag * std::max<std::int64_t>(tags, 1)) return false;
  if (range.rows() > kParallelRows && openSecondScanner()) {
    BlockScanner& second = *second_scanner;
    second.state.reset(tags - 1);
    const RowRange upper{range.first + range.rows() / 2, range.last};
    const RowRange lower{range.first, upper.first - 1};
    if (!scan_worker) scan_worker = std::make_unique<ScanWorker>();
    scan_worker->post([&] { return scanRowRange(second.db, upper, t_ms, second.state); });
    auto own = scanRowRange(reader, lower, t_ms, state);
    auto other = scan_worker->wait();
    if (!own) return std::unexpected(own.error());
    if (!other) return std::unexpected(other.error());
    for (std::size_t id = 0; id < second.state.last.size(); ++id) {
      if (second.state.present[id]) state.keepNewer(static_cast<std::int64_t>(id), second.state.last[id]);
    }
    return true;
  }
  if (auto ok = scanRowRange(reader, range, t_ms, state); !ok) return std::unexpected(ok.error());
  return true;
}

}  // namespace parktwin::store
