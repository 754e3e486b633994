#include "parktwin/model/park_time.hpp"

#include "parktwin/common/time_text.hpp"

namespace parktwin::model {

Result<std::int64_t> parkInstantMs(std::string_view text, const Park* park, std::string_view language) {
  if (!park) return parseTimestamp(text, language);
  const TimeZone zone = parkTimeZone(*park);
  auto read = parseTimestampIn(text, &zone, language);
  if (!read) return std::unexpected(read.error());
  return read->utc_ms;
}

}  // namespace parktwin::model
