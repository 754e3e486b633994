#pragma once
// Versioned on-disk schema of a historian file. PRAGMA user_version holds the version,
// PRAGMA application_id marks the file as ours, and the meta table repeats the version next to
// the hash of the park file the history belongs to.
#include <cstdint>

namespace parktwin::store {

inline constexpr int kSchemaVersion = 9;
// The oldest schema a read-only open accepts: 4 only adds an index, which reads do without,
// 5 only adds a block layout (compact decimal blocks) that older builds cannot read, and 6 lets
// blocks span more than an hour (meta.max_block_span_ms bounds the reads' scans); 7 adds the
// tail table, which reads of an older file do without; 8 adds group rows, which they do without too;
// 9 only adds dense compact blocks (restart points every 128 bits), which older builds cannot read.
inline constexpr int kOldestReadableSchema = 3;
inline constexpr std::int32_t kApplicationId = 0x50544857;  // "PTHW"
// A block (in-order or late) spans at most this much data time unless the writer asks for more
// (HistorianOptions::max_block_span_ms, up to kLongestBlockSpanMs). Reads bound their index
// scans by the file's longest block, meta.max_block_span_ms (schema 6; before, by this hour).
inline constexpr std::int64_t kMaxBlockSpanMs = 3'600'000;
inline constexpr std::int64_t kLongestBlockSpanMs = 24 * kMaxBlockSpanMs;

}  // namespace parktwin::store
