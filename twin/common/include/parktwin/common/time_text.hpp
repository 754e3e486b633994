#pragma once
// Durations and instants as people type them (command line) and files write them (CSV),
// to and from Unix epoch milliseconds (UTC). ISO-8601 itself is iso_time.hpp; this adds what
// a plain number or a unit suffix means. The one place for both: simulate, ingest, scenario
// files and the CSV import all read time through here.
#include <cstdint>
#include <string>
#include <string_view>

#include "parktwin/common/result.hpp"
#include "parktwin/common/time_zone.hpp"

namespace parktwin {

// "90s", "15m", "1.5h", "30d", "2w" (units ms, s, m or min, h, d, w); >= 0.
Result<std::int64_t> parseDurationMs(std::string_view text);

// Command-line instants: ISO-8601 ("2026-01-01", "2026-01-01T06:00:00Z",
// "2026-01-01T14:00:00+08:00") or epoch milliseconds.
Result<std::int64_t> parseInstantMs(std::string_view text);

// Timestamps in files and typed times: ISO-8601 (quotes, surrounding spaces and a trailing
// '\r' ignored; no zone is UTC here, and a park's civil time where a park is known:
// parseTimestampIn, model::parkInstantMs), Excel's "2026/03/01 09:02:00" (YYYY/M/D [H:MM[:SS]],
// read as ISO text without a zone), or a plain number: epoch seconds if |n| < 1e11, else epoch
// milliseconds (1e11 s is the year 5138, 1e11 ms is 1973); fractions allowed for seconds.
// Refusals in `language` ("zh" or "en").
Result<std::int64_t> parseTimestamp(std::string_view text, std::string_view language = "en");

// parseTimestamp, with ISO-8601 text that names no zone ("2026-06-01 08:00:00") read as civil
// time in `zone` (a park's time_zone: a Chinese park's CSV export writes its own clock) rather
// than UTC when one is given. Epoch numbers are UTC by definition, and a written zone or "Z"
// is kept. `zoneless` says the text named no zone.
struct FileTimestamp {
  std::int64_t utc_ms = 0;
  bool zoneless = false;
};
Result<FileTimestamp> parseTimestampIn(std::string_view text, const TimeZone* zone,
                                       std::string_view language = "en");

// The way back for a park's own clock: `utc_ms` as ISO-8601 on `zone`'s clock with its offset,
// to the millisecond: "2026-06-01T08:00:00.000+08:00", the instant formatIsoUtcMs writes as
// "2026-06-01T00:00:00.000Z", read back to it by parseTimestamp(In) and any ISO-8601 reader. An
// offset of odd seconds (local mean time before 1901) has no ISO-8601 form: that instant is
// written in UTC ("...Z") rather than rounded to another one.
std::string isoTextIn(std::int64_t utc_ms, const TimeZone& zone);

}  // namespace parktwin
