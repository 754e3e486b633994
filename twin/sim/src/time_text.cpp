#include "parktwin/sim/time_text.hpp"

#include <charconv>
#include <cstdio>
#include <string>

namespace parktwin::sim {
namespace {

// Howard Hinnant's days_from_civil: proleptic Gregorian date to days since 1970-01-01.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool readInt(std::string_view text, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > text.size()) return false;
  const char* first = text.data() + pos;
  auto [ptr, ec] = std::from_chars(first, first + len, out);
  return ec == std::errc() && ptr == first + len;
}

}  // namespace

Result<std::int64_t> parseDurationMs(std::string_view text) {
  double number = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  const std::string_view suffix(ptr, static_cast<std::size_t>(text.data() + text.size() - ptr));
  double unit_ms = 0;
  if (suffix == "ms") unit_ms = 1;
  else if (suffix == "s") unit_ms = 1e3;
  else if (suffix == "m" || suffix == "min") unit_ms = 60e3;
  else if (suffix == "h") unit_ms = 3600e3;
  else if (suffix == "d") unit_ms = 86400e3;
  else if (suffix == "w") unit_ms = 7 * 86400e3;
  if (ec != std::errc() || unit_ms == 0 || number < 0) {
    return fail("duration \"" + std::string(text) +
                "\": expected a number with a unit ms, s, m, h, d or w (e.g. 30d, 1h, 90s)");
  }
  return static_cast<std::int64_t>(number * unit_ms + 0.5);
}

Result<std::int64_t> parseInstantMs(std::string_view text) {
  const auto bad = [&] {
    return fail("time \"" + std::string(text) +
                "\": expected epoch milliseconds or ISO-8601 such as 2026-01-01 or "
                "2026-01-01T06:00:00Z or 2026-01-01T14:00:00+08:00");
  };
  if (!text.empty() && text.find('-') == std::string_view::npos) {
    std::int64_t ms = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), ms);
    if (ec == std::errc() && ptr == text.data() + text.size()) return ms;
    return bad();
  }
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!readInt(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !readInt(text, 5, 2, mo) ||
      text[7] != '-' || !readInt(text, 8, 2, d) || mo < 1 || mo > 12 || d < 1 || d > 31) {
    return bad();
  }
  std::size_t pos = 10;
  double fraction_ms = 0;
  std::int64_t offset_min = 0;
  if (pos < text.size()) {
    if ((text[pos] != 'T' && text[pos] != ' ') || !readInt(text, pos + 1, 2, h) || text.size() < pos + 9 ||
        text[pos + 3] != ':' || !readInt(text, pos + 4, 2, mi) || text[pos + 6] != ':' ||
        !readInt(text, pos + 7, 2, s) || h > 23 || mi > 59 || s > 60) {
      return bad();
    }
    pos += 9;
    if (pos < text.size() && text[pos] == '.') {
      std::size_t end = pos + 1;
      while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
      if (end == pos + 1) return bad();
      double frac = 0;
      std::from_chars(text.data() + pos, text.data() + end, frac);
      fraction_ms = frac * 1000.0;
      pos = end;
    }
    if (pos < text.size()) {
      if (text[pos] == 'Z' && pos + 1 == text.size()) {
        pos += 1;
      } else if ((text[pos] == '+' || text[pos] == '-') && text.size() == pos + 6 && text[pos + 3] == ':') {
        int oh = 0, om = 0;
        if (!readInt(text, pos + 1, 2, oh) || !readInt(text, pos + 4, 2, om)) return bad();
        offset_min = (text[pos] == '+' ? 1 : -1) * (oh * 60 + om);
        pos = text.size();
      } else {
        return bad();
      }
    }
  }
  const std::int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return ((days * 24 + h) * 60 + mi - offset_min) * 60'000 + std::int64_t{s} * 1000 +
         static_cast<std::int64_t>(fraction_ms + 0.5);
}

std::string formatInstantUtc(std::int64_t utc_ms) {
  std::int64_t days = utc_ms >= 0 ? utc_ms / 86'400'000 : (utc_ms - 86'399'999) / 86'400'000;
  std::int64_t msOfDay = utc_ms - days * 86'400'000;
  // civil_from_days
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<long long>(y), m, d,
                static_cast<long long>(msOfDay / 3'600'000), static_cast<long long>(msOfDay / 60'000 % 60),
                static_cast<long long>(msOfDay / 1000 % 60), static_cast<long long>(msOfDay % 1000));
  return buffer;
}

}  // namespace parktwin::sim
