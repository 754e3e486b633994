#include "parktwin/model/park_time.hpp"

#include "parktwin/common/time_text.hpp"

namespace parktwin::model {

Result<std::int64_t> parkInstantMs(std::string_view text, const Park* park, std::string_view language) {
  // Read as if no clock were known first: an epoch number or a written zone (what the window
  // and scripts send the server at every request) needs no time-zone file read.
  auto read = parseTimestampIn(text, nullptr, language);
  if (!read) return std::unexpected(read.error());
  if (!read->zoneless || !park) return read->utc_ms;
  // Zone-less text read as UTC is the civil time written as if it were UTC (parseTimestampIn).
  return parkTimeZone(*park).fromLocalMs(read->utc_ms);
}

}  // namespace parktwin::model
