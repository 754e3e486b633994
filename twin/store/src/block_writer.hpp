#pragma once
// Writes block rows: a commit's sealed and open blocks, late blocks, and the blocks a writer
// opening a file folds its tail into. Internal to historian_*.cpp.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "parktwin/store/block_codec.hpp"
#include "parktwin/store/historian.hpp"
#include "sqlite_db.hpp"

namespace parktwin::store {

// A block row a fold writes. Its id is chosen by the writer (the file's only one, see
// writer_lock.hpp), so a fold handed to the write-behind thread needs nothing back.
struct BlockRow {
  std::int64_t rowid = 0;
  bool exists = false;  // UPDATE the row, else INSERT it under this id
  std::int64_t tag_id = 0, t_start_ms = 0, t_end_ms = 0, count = 0, last_value_bits = 0;
  std::size_t payload_end = 0;  // in FoldRows::payloads, right after the previous row's payload
};

// What a fold writes, copied out of the blocks: the appending thread may go on changing them.
struct FoldRows {
  std::vector<BlockRow> rows;
  std::vector<std::uint8_t> payloads;
  std::int64_t max_span_ms = 0;  // of the blocks
  void clear() {
    rows.clear();
    payloads.clear();
    max_span_ms = 0;
  }
  void add(std::int64_t tag_id, std::int64_t rowid, bool exists, const BlockEncoder& block) {
    block.appendPayloadTo(payloads);
    rows.push_back({rowid, exists, tag_id, block.firstTs(), block.lastTs(), static_cast<std::int64_t>(block.count()),
                    std::bit_cast<std::int64_t>(block.lastValue()), payloads.size()});
    max_span_ms = std::max(max_span_ms, block.lastTs() - block.firstTs());
  }
  // Where the data of this fold's tags is: the lower median over its tags of each one's newest sample
  // (INT64_MIN without any). Compaction follows it; a tag far ahead (a clock off by years) or
  // far behind does not move it.
  std::int64_t dataTime() const {
    std::unordered_map<std::int64_t, std::int64_t> newest;  // by tag id
    for (const BlockRow& row : rows) {
      auto [it, added] = newest.try_emplace(row.tag_id, row.t_end_ms);
      if (!added) it->second = std::max(it->second, row.t_end_ms);
    }
    if (newest.empty()) return INT64_MIN;
    std::vector<std::int64_t> ends;
    ends.reserve(newest.size());
    for (const auto& [tag, end] : newest) ends.push_back(end);
    // The lower median: of two tags, the one behind.
    const auto middle = (ends.size() - 1) / 2;
    std::nth_element(ends.begin(), ends.begin() + static_cast<std::ptrdiff_t>(middle), ends.end());
    return ends[middle];
  }
};

struct BlockWriter {
  sql::Statement insert;
  std::optional<sql::Statement> update;  // absent where blocks are only inserted
  std::int64_t* next_rowid = nullptr;  // the writer's id counter; null: SQLite picks the ids
  std::int64_t max_span_ms = 0;  // of the blocks written
  std::vector<std::uint8_t> payload = {};  // the row being written; reused, bound without a copy

  static Result<BlockWriter> prepare(sql::Database& db, bool withUpdate, std::int64_t* next_rowid) {
    auto insert = db.prepare(
        "INSERT INTO blocks(rowid, tag_id, t_start_ms, t_end_ms, count, last_value_bits, payload) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return std::unexpected(insert.error());
    BlockWriter out{std::move(*insert), std::nullopt, next_rowid};
    if (withUpdate) {
      // An open block keeps its first sample (reordering never goes before it), so its rewrite
      // leaves t_start_ms alone: SQLite then touches neither index, which both hold t_start_ms.
      auto update = db.prepare("UPDATE blocks SET t_end_ms = ?, count = ?, last_value_bits = ?, payload = ? WHERE rowid = ?");
      if (!update) return std::unexpected(update.error());
      out.update.emplace(std::move(*update));
    }
    return out;
  }

  // A fold's rows, inserted or rewritten.
  Result<void> write(sql::Database& db, const FoldRows& fold) {
    std::size_t begin = 0;
    for (const BlockRow& row : fold.rows) {
      const std::span<const std::uint8_t> bytes(fold.payloads.data() + begin, row.payload_end - begin);
      begin = row.payload_end;
      if (auto ok = writeRow(db, row, bytes); !ok) return ok;
    }
    max_span_ms = std::max(max_span_ms, fold.max_span_ms);
    return {};
  }

  // Inserts time-ordered `samples` as new blocks, sealed at the options' limits as appends are.
  Result<void> writeSamples(sql::Database& db, std::int64_t tag_id, std::span<const Sample> samples, const HistorianOptions& options) {
    BlockEncoder block;
    for (const auto& s : samples) {
      if (!block.empty() && (block.count() >= options.max_samples_per_block || block.payloadBytes() >= options.max_block_bytes ||
                             static_cast<std::uint64_t>(s.ts_ms) - static_cast<std::uint64_t>(block.firstTs()) >
                                 static_cast<std::uint64_t>(options.max_block_span_ms))) {
        if (auto ok = insertBlock(db, tag_id, block); !ok) return ok;
        block.clear();
      }
      block.append(s.ts_ms, s.value);
    }
    if (block.empty()) return {};
    return insertBlock(db, tag_id, block);
  }

 private:
  Result<void> insertBlock(sql::Database& db, std::int64_t tag_id, const BlockEncoder& block) {
    block.payloadInto(payload);
    max_span_ms = std::max(max_span_ms, block.lastTs() - block.firstTs());
    const BlockRow row{next_rowid ? (*next_rowid)++ : 0, false, tag_id, block.firstTs(), block.lastTs(),
                       static_cast<std::int64_t>(block.count()), std::bit_cast<std::int64_t>(block.lastValue()), payload.size()};
    return writeRow(db, row, payload);
  }

  Result<void> writeRow(sql::Database& db, const BlockRow& row, std::span<const std::uint8_t> bytes) {
    if (!row.exists || !update) {
      if (row.rowid == 0) insert.bindNull(1);
      else insert.bind(1, row.rowid);
      insert.bind(2, row.tag_id).bind(3, row.t_start_ms).bind(4, row.t_end_ms).bind(5, row.count)
          .bind(6, row.last_value_bits).bindBlobUncopied(7, bytes);
      return insert.run();
    }
    update->bind(1, row.t_end_ms).bind(2, row.count).bind(3, row.last_value_bits).bindBlobUncopied(4, bytes).bind(5, row.rowid);
    if (auto ok = update->run(); !ok) return ok;
    // The row is this session's own: if it is gone, the block's samples would be lost silently.
    if (sqlite3_changes(db.handle()) != 1) {
      return fail(db.path() + ": block row " + std::to_string(row.rowid) + " vanished (another writer?)");
    }
    return {};
  }
};

}  // namespace parktwin::store
