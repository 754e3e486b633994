#pragma once
// A snapshot is the last sample of every tag at one instant: count, then (tag id, ts, value).
#include <cstdint>
#include <span>
#include <vector>

#include "parktwin/common/result.hpp"

namespace parktwin::store {

struct SnapshotEntry {
  std::int64_t tag_id = 0;
  std::int64_t ts_ms = 0;
  double value = 0.0;
};

std::vector<std::uint8_t> encodeSnapshot(std::span<const SnapshotEntry> entries);
Result<std::vector<SnapshotEntry>> decodeSnapshot(std::span<const std::uint8_t> payload);

}  // namespace parktwin::store
