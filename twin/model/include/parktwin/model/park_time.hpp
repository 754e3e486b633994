#pragma once
// What a time a person types for a park means: the one rule for the window's --at, the CLI's
// flows --at and export --from/--to, the server's ?at=/from/to and a posted scenario's start
// (a planner in Chongqing who types "2026-06-01 08:00" means 08:00 on the park's clock
// everywhere, not 08:00 UTC in some places). The CSV import reads its cells by the same rule
// (store::CsvImportOptions::zoneless_in is the park's zone). The way back, a time on the park's
// clock with its offset, is parktwin::isoTextIn(utc_ms, parkTimeZone(park)).
#include <cstdint>
#include <string_view>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::model {

// ISO-8601 text or Excel's "2026/06/01 08:00" without a zone is civil time on `park`'s clock
// (its time_zone, Asia/Shanghai unless the park file says otherwise); a written zone or "Z"
// keeps its meaning, and epoch seconds or milliseconds are instants (parktwin::parseTimestamp
// reads them). No park (nullptr): no clock is known, and zone-less text is UTC. Refusals in
// `language` ("zh" or "en").
Result<std::int64_t> parkInstantMs(std::string_view text, const Park* park, std::string_view language = "en");

}  // namespace parktwin::model
