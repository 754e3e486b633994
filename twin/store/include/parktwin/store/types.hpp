#pragma once
// Plain values that go in and out of the historian.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace parktwin::store {

struct Sample {
  std::int64_t ts_ms = 0;  // Unix epoch, milliseconds, UTC
  double value = 0.0;
  friend bool operator==(const Sample&, const Sample&) = default;
};

struct TagInfo {
  std::int64_t id = 0;
  std::string name;
  std::string unit;
  std::string kind;  // "analog", "state", ... free text, informational
};

// The last known value of one tag at a point in time.
struct TagState {
  std::string tag;
  std::int64_t ts_ms = 0;
  double value = 0.0;
};

// One downsampling bucket [t_start_ms, t_end_ms). Empty buckets have count 0 and NaN stats.
struct Bucket {
  std::int64_t t_start_ms = 0;
  std::int64_t t_end_ms = 0;
  std::uint64_t count = 0;
  double min = 0.0;
  double max = 0.0;
  double mean = 0.0;
  double last = 0.0;
};

struct Event {
  std::int64_t ts_ms = 0;
  std::string kind;      // "alarm", "state_change", ...
  int severity = 0;      // 0 info .. higher is worse
  std::string object;    // what it is about, e.g. a machine id
  std::string message;
  std::string payload_json;  // empty = none; otherwise must be valid JSON
};

struct EventFilter {
  std::optional<std::string> object;
  int min_severity = 0;
};

// One 1-minute rollup row.
struct Rollup {
  std::int64_t bucket_ms = 0;
  std::uint64_t count = 0;
  double min = 0.0;
  double max = 0.0;
  double mean = 0.0;
};

struct TagSummary {
  std::string name;
  std::string unit;
  std::string kind;
  std::int64_t first_ms = 0;
  std::int64_t last_ms = 0;
  std::uint64_t samples = 0;  // stored raw samples (a late duplicate never counts)
  std::uint64_t blocks = 0;
  std::uint64_t payload_bytes = 0;
};

// The time the stored samples span: from the earliest first to the latest last sample of the
// tags that hold any. A tag listed without samples (one `simulate --skip-unknown-tags` could
// not drive) has no times: its zeros would stretch a replay back to 1970.
struct StoredSpan {
  std::int64_t first_ms = 0;
  std::int64_t last_ms = 0;
};
inline std::optional<StoredSpan> storedSpan(std::span<const TagSummary> tags) {
  std::optional<StoredSpan> span;
  for (const TagSummary& tag : tags) {
    if (tag.samples == 0) continue;
    if (!span) span = StoredSpan{tag.first_ms, tag.last_ms};
    span->first_ms = std::min(span->first_ms, tag.first_ms);
    span->last_ms = std::max(span->last_ms, tag.last_ms);
  }
  return span;
}

}  // namespace parktwin::store
