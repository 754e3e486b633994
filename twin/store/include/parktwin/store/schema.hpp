#pragma once
// Versioned on-disk schema of a historian file. PRAGMA user_version holds the version,
// PRAGMA application_id marks the file as ours, and the meta table repeats the version next to
// the hash of the park file the history belongs to.
#include <cstdint>

namespace parktwin::store {

inline constexpr int kSchemaVersion = 5;
// The oldest schema a read-only open accepts: 4 only adds an index, which reads do without,
// and 5 only adds a block layout (compact decimal blocks) that older builds cannot read.
inline constexpr int kOldestReadableSchema = 3;
inline constexpr std::int32_t kApplicationId = 0x50544857;  // "PTHW"
// No block (in-order or late) spans more data time than this; reads use it to bound index scans.
inline constexpr std::int64_t kMaxBlockSpanMs = 3'600'000;

}  // namespace parktwin::store
