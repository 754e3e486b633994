#pragma once
// Writes block rows: a commit's sealed and open blocks, late blocks, and the blocks a writer
// opening a file folds its tail into. Internal to historian_*.cpp.
#include <algorithm>
#include <bit>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parktwin/store/block_codec.hpp"
#include "parktwin/store/historian.hpp"
#include "sqlite_db.hpp"

namespace parktwin::store {

struct BlockWriter {
  sql::Statement insert;
  std::optional<sql::Statement> update;  // absent where blocks are only inserted
  std::int64_t max_span_ms = 0;  // of the blocks written
  std::vector<std::uint8_t> payload = {};  // the row being written; reused, bound without a copy

  static Result<BlockWriter> prepare(sql::Database& db, bool withUpdate) {
    auto insert = db.prepare("INSERT INTO blocks(tag_id, t_start_ms, t_end_ms, count, last_value_bits, payload) VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert) return std::unexpected(insert.error());
    BlockWriter out{std::move(*insert), std::nullopt};
    if (withUpdate) {
      // An open block keeps its first sample (reordering never goes before it), so its rewrite
      // leaves t_start_ms alone: SQLite then touches neither index, which both hold t_start_ms.
      auto update = db.prepare("UPDATE blocks SET t_end_ms = ?, count = ?, last_value_bits = ?, payload = ? WHERE rowid = ?");
      if (!update) return std::unexpected(update.error());
      out.update.emplace(std::move(*update));
    }
    return out;
  }

  // Inserts `block` (rowid 0) or rewrites the row `rowid`; gives the row's id.
  Result<std::int64_t> write(sql::Database& db, std::int64_t tag_id, std::int64_t rowid, const BlockEncoder& block) {
    block.payloadInto(payload);
    const auto lastBits = std::bit_cast<std::int64_t>(block.lastValue());
    max_span_ms = std::max(max_span_ms, block.lastTs() - block.firstTs());
    if (rowid == 0 || !update) {
      insert.bind(1, tag_id).bind(2, block.firstTs()).bind(3, block.lastTs())
          .bind(4, static_cast<std::int64_t>(block.count())).bind(5, lastBits).bindBlobUncopied(6, payload);
      if (auto ok = insert.run(); !ok) return std::unexpected(ok.error());
      return sqlite3_last_insert_rowid(db.handle());
    }
    update->bind(1, block.lastTs()).bind(2, static_cast<std::int64_t>(block.count())).bind(3, lastBits)
        .bindBlobUncopied(4, payload).bind(5, rowid);
    if (auto ok = update->run(); !ok) return std::unexpected(ok.error());
    // The row is this session's own: if it is gone, the block's samples would be lost silently.
    if (sqlite3_changes(db.handle()) != 1) {
      return fail(db.path() + ": block row " + std::to_string(rowid) + " vanished (another writer?)");
    }
    return rowid;
  }

  // Inserts time-ordered `samples` as new blocks, sealed at the options' limits as appends are.
  Result<void> writeSamples(sql::Database& db, std::int64_t tag_id, std::span<const Sample> samples, const HistorianOptions& options) {
    BlockEncoder block;
    for (const auto& s : samples) {
      if (!block.empty() && (block.count() >= options.max_samples_per_block || block.payloadBytes() >= options.max_block_bytes ||
                             static_cast<std::uint64_t>(s.ts_ms) - static_cast<std::uint64_t>(block.firstTs()) >
                                 static_cast<std::uint64_t>(options.max_block_span_ms))) {
        if (auto ok = write(db, tag_id, 0, block); !ok) return std::unexpected(ok.error());
        block.clear();
      }
      block.append(s.ts_ms, s.value);
    }
    if (block.empty()) return {};
    if (auto ok = write(db, tag_id, 0, block); !ok) return std::unexpected(ok.error());
    return {};
  }
};

}  // namespace parktwin::store
