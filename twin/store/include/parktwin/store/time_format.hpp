#pragma once
// Timestamps as people and files write them, to and from Unix epoch milliseconds (UTC).
#include <cstdint>
#include <string>
#include <string_view>

#include "parktwin/common/result.hpp"

namespace parktwin::store {

// Accepts ISO-8601 "2026-05-01T08:00:00Z", with a space for 'T', fractional seconds
// (".5", ".123456" truncated to ms), an offset ("+08:00", "-0130") or none (then UTC);
// or a plain number: epoch seconds if |n| < 1e11, else epoch milliseconds (1e11 s is the
// year 5138, 1e11 ms is 1973), fractions allowed for seconds.
Result<std::int64_t> parseTimestamp(std::string_view text);

// "2026-05-01T08:00:00.000Z"
std::string formatIso8601(std::int64_t ts_ms);

}  // namespace parktwin::store
