// Retention: 1-minute rollups and deleting raw samples before a time.
#include <algorithm>
#include <bit>

#include "block_groups.hpp"
#include "historian_impl.hpp"

namespace parktwin::store {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;

std::int64_t floorMinute(std::int64_t t) {
  std::int64_t q = t / kMinuteMs;
  if (t % kMinuteMs != 0 && t < 0) --q;
  return q * kMinuteMs;
}

}  // namespace

Result<std::size_t> Historian::rollup(std::int64_t t0_ms, std::int64_t t1_ms) {
  if (auto ok = requireWriter(*impl_); !ok) return std::unexpected(ok.error());
  if (auto ok = impl_->commit(CommitKind::Fold); !ok) return std::unexpected(ok.error());  // the blocks whole
  // Whole minutes only: a partial minute would overwrite a complete row with a partial one.
  t0_ms = floorMinute(t0_ms);
  if (t1_ms > INT64_MAX - kMinuteMs) return fail("rollup: t1 out of range");
  t1_ms = floorMinute(t1_ms + kMinuteMs - 1);
  auto tagList = tags();
  if (!tagList) return std::unexpected(tagList.error());
  auto& db = *impl_->writer;
  auto tx = sql::Transaction::begin(db);
  if (!tx) return std::unexpected(tx.error());
  auto insert = db.prepare(
      "INSERT OR REPLACE INTO rollups_1m(tag_id, bucket_ms, count, min, max, mean) VALUES (?, ?, ?, ?, ?, ?)");
  if (!insert) return std::unexpected(insert.error());
  std::size_t rows = 0;
  for (const auto& tag : *tagList) {
    auto samples = impl_->samplesOf(tag.id, t0_ms, t1_ms - 1);
    if (!samples) return std::unexpected(samples.error());
    std::size_t i = 0;
    while (i < samples->size()) {
      const std::int64_t minute = floorMinute((*samples)[i].ts_ms);
      double lo = (*samples)[i].value, hi = lo, sum = 0.0;
      std::int64_t n = 0;
      for (; i < samples->size() && floorMinute((*samples)[i].ts_ms) == minute; ++i, ++n) {
        lo = std::min(lo, (*samples)[i].value);
        hi = std::max(hi, (*samples)[i].value);
        sum += (*samples)[i].value;
      }
      insert->bind(1, tag.id).bind(2, minute).bind(3, n).bind(4, lo).bind(5, hi).bind(6, sum / static_cast<double>(n));
      if (auto ok = insert->run(); !ok) return std::unexpected(ok.error());
      ++rows;
    }
  }
  if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  return rows;
}

Result<std::vector<Rollup>> Historian::rollupsBetween(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms) {
  auto info = impl_->findTag(tag);
  if (!info) return std::unexpected(info.error());
  if (!*info) return fail(impl_->reader.path() + ": no tag named '" + std::string(tag) + "'");
  auto stmt = impl_->reader.prepare(
      "SELECT bucket_ms, count, min, max, mean FROM rollups_1m WHERE tag_id = ? AND bucket_ms >= ? AND bucket_ms < ? "
      "ORDER BY bucket_ms");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind(1, (*info)->id).bind(2, t0_ms).bind(3, t1_ms);
  std::vector<Rollup> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back({stmt->int64(0), static_cast<std::uint64_t>(stmt->int64(1)), stmt->real(2), stmt->real(3), stmt->real(4)});
  }
  return out;
}

Result<std::uint64_t> Historian::deleteRawBefore(std::int64_t t_ms) {
  if (auto ok = requireWriter(*impl_); !ok) return std::unexpected(ok.error());
  if (auto ok = impl_->commit(CommitKind::Fold); !ok) return std::unexpected(ok.error());  // the blocks whole
  auto& db = *impl_->writer;
  auto tx = sql::Transaction::begin(db);
  if (!tx) return std::unexpected(tx.error());
  // The group rows first: what they keep of t_ms's segment comes back as rows, trimmed below.
  auto ungrouped = ungroupBefore(db, t_ms, impl_->next_block_rowid);
  if (!ungrouped) return std::unexpected(ungrouped.error());
  auto select = db.prepare("SELECT rowid, tag_id, t_end_ms, count, payload FROM blocks WHERE tag_id % 2 IN (0, 1) AND t_start_ms < ?");
  auto drop = db.prepare("DELETE FROM blocks WHERE rowid = ?");
  auto update = db.prepare("UPDATE blocks SET t_start_ms = ?, t_end_ms = ?, count = ?, last_value_bits = ?, payload = ? WHERE rowid = ?");
  if (!select || !drop || !update) return fail(db.path() + ": " + db.lastError());
  struct Trim {
    std::int64_t rowid;
    std::vector<Sample> keep;
  };
  std::vector<std::int64_t> whole;
  std::vector<Trim> trims;
  std::uint64_t deleted = *ungrouped;
  select->bind(1, t_ms);
  for (;;) {
    auto row = select->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    if (select->int64(2) < t_ms) {
      whole.push_back(select->int64(0));
      deleted += static_cast<std::uint64_t>(select->int64(3));
      continue;
    }
    auto samples = decodeBlock(select->blob(4));
    if (!samples) {
      select->reset();
      return fail(db.path() + ": tag id " + std::to_string(select->int64(1)) + ": " + samples.error().message);
    }
    Trim trim{select->int64(0), {}};
    for (const auto& s : *samples) {
      if (s.ts_ms >= t_ms) trim.keep.push_back(s);
    }
    deleted += samples->size() - trim.keep.size();
    trims.push_back(std::move(trim));
  }
  for (const auto rowid : whole) {
    if (auto ok = drop->bind(1, rowid).run(); !ok) return std::unexpected(ok.error());
  }
  for (const auto& trim : trims) {
    const auto payload = encodeBlock(trim.keep);
    update->bind(1, trim.keep.front().ts_ms).bind(2, trim.keep.back().ts_ms)
        .bind(3, static_cast<std::int64_t>(trim.keep.size())).bind(4, std::bit_cast<std::int64_t>(trim.keep.back().value))
        .bindBlob(5, payload).bind(6, trim.rowid);
    if (auto ok = update->run(); !ok) return std::unexpected(ok.error());
  }
  if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  // Open blocks may have been rewritten; start fresh ones and re-read what the file holds.
  impl_->touched.clear();  // points into tag_writers
  impl_->last_appended = nullptr;  // so does this
  impl_->tag_writers.clear();
  return deleted;
}

}  // namespace parktwin::store
