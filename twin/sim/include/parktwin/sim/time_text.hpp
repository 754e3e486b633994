#pragma once
// Durations and instants as people type them on the command line: "90s", "15m", "1h", "30d",
// "2w"; "2026-01-01", "2026-01-01T06:00:00Z", "2026-01-01T14:00:00+08:00" or epoch ms.
#include <cstdint>
#include <string>
#include <string_view>

#include "parktwin/common/result.hpp"

namespace parktwin::sim {

Result<std::int64_t> parseDurationMs(std::string_view text);
Result<std::int64_t> parseInstantMs(std::string_view text);
// "2026-01-01T06:00:00.000Z"
std::string formatInstantUtc(std::int64_t utc_ms);

}  // namespace parktwin::sim
