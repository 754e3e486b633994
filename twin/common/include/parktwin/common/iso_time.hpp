#pragma once
// ISO-8601 instants to and from Unix epoch milliseconds (UTC), shared by the command line
// (sim), CSV import and export (store) and reports. Callers decide what a plain number means.
#include <cstdint>
#include <string>
#include <string_view>

#include "parktwin/common/result.hpp"

namespace parktwin {

// "2026-05-01", "2026-05-01T08:00", "2026-05-01 08:00:00", with fractional seconds (".5",
// ",123456" truncated to ms) and a zone "Z", "+08", "+08:00" or "-0130"; no zone means UTC.
// Errors say what was expected where: "timestamp '2026-13-01': no such date", in `language`
// ("zh" or "en": "时间“2026-13-01”：没有这一天").
Result<std::int64_t> parseIsoInstantMs(std::string_view text, std::string_view language = "en");

// The same, with the UTC offset the text was written in (0 for "Z" or no zone), so a message
// about a time can answer in the writer's own clock, and whether it named a zone at all (a
// caller that knows better than UTC, a park's CSV, reads zone-less civil time in its own zone).
struct IsoInstant {
  std::int64_t utc_ms = 0;
  std::int32_t written_offset_s = 0;
  bool has_zone = false;
};
Result<IsoInstant> parseIsoInstant(std::string_view text, std::string_view language = "en");

// "2026-05-01T08:00:00.000Z"
std::string formatIsoUtcMs(std::int64_t utc_ms);

// Howard Hinnant's days_from_civil: proleptic Gregorian date to days since 1970-01-01.
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day);

}  // namespace parktwin
