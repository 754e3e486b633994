#include "parktwin/store/time_format.hpp"

#include <charconv>
#include <cmath>

#include "parktwin/common/iso_time.hpp"

namespace parktwin::store {

Result<std::int64_t> parseTimestamp(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '"')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '"' || text.back() == '\r')) text.remove_suffix(1);
  if (text.empty()) return fail("empty timestamp");
  if (text.size() >= 10 && text[4] == '-') return parseIsoInstantMs(text);
  double number = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(number)) {
    return fail("timestamp '" + std::string(text) + "': expected ISO-8601 or epoch seconds/milliseconds");
  }
  if (std::fabs(number) >= 9.2e18 / 1000) return fail("timestamp '" + std::string(text) + "': out of range");
  if (std::fabs(number) < 1e11) return static_cast<std::int64_t>(std::llround(number * 1000.0));
  return static_cast<std::int64_t>(std::llround(number));
}

std::string formatIso8601(std::int64_t ts_ms) { return formatIsoUtcMs(ts_ms); }

}  // namespace parktwin::store
