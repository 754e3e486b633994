#include "parktwin/common/time_text.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include "parktwin/common/iso_time.hpp"

namespace parktwin {

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
  if (ec != std::errc() || unit_ms == 0 || !(number >= 0)) {
    return fail("duration \"" + std::string(text) +
                "\": expected a number with a unit ms, s, m, h, d or w (e.g. 30d, 1h, 90s)");
  }
  // Beyond int64 milliseconds (about 292 million years) the conversion would be undefined.
  const double ms = number * unit_ms + 0.5;
  if (!(ms < 9.2e18)) return fail("duration \"" + std::string(text) + "\": too long");
  return static_cast<std::int64_t>(ms);
}

Result<std::int64_t> parseInstantMs(std::string_view text) {
  if (!text.empty() && text.find('-') == std::string_view::npos) {
    std::int64_t ms = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), ms);
    if (ec == std::errc() && ptr == text.data() + text.size()) return ms;
  } else {
    auto instant = parseIsoInstantMs(text);
    if (instant) return instant;
    return fail(instant.error().message + " (or give epoch milliseconds)");
  }
  return fail("time \"" + std::string(text) +
              "\": expected epoch milliseconds or ISO-8601 such as 2026-01-01 or "
              "2026-01-01T06:00:00Z or 2026-01-01T14:00:00+08:00");
}

Result<std::int64_t> parseTimestamp(std::string_view text, std::string_view language) {
  auto read = parseTimestampIn(text, nullptr, language);
  if (!read) return std::unexpected(read.error());
  return read->utc_ms;
}

namespace {

// Digits at `at` (at most `most`), as a number; advances `at`. nullopt when there is none.
std::optional<int> digitsAt(std::string_view text, std::size_t& at, std::size_t most) {
  int value = 0;
  std::size_t count = 0;
  while (at < text.size() && count < most && text[at] >= '0' && text[at] <= '9') {
    value = value * 10 + (text[at++] - '0');
    ++count;
  }
  return count > 0 ? std::optional<int>(value) : std::nullopt;
}

std::string twoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Excel's default date in China, "2026/03/01 09:02:00" or unpadded "2026/3/1 9:02": the same
// civil time as ISO text without a zone, rewritten as such ("2026-03-01 09:02:00") so that one
// parser judges the date. nullopt when the text is not of that shape.
std::optional<std::string> isoFromSlashDate(std::string_view text) {
  std::size_t at = 0;
  const auto year = text.size() >= 5 && text[4] == '/' ? digitsAt(text, at, 4) : std::nullopt;
  if (!year || at != 4) return std::nullopt;
  ++at;
  const auto month = digitsAt(text, at, 2);
  if (!month || at >= text.size() || text[at++] != '/') return std::nullopt;
  const auto day = digitsAt(text, at, 2);
  if (!day) return std::nullopt;
  std::string iso = std::to_string(*year) + "-" + twoDigits(*month) + "-" + twoDigits(*day);
  if (at == text.size()) return iso;
  if (text[at] != ' ' && text[at] != 'T') return std::nullopt;
  while (at < text.size() && text[at] == ' ') ++at;
  if (at == text.size()) return iso;  // "2026/3/1 " after trimming quotes
  if (text[at] == 'T') ++at;
  const auto hour = digitsAt(text, at, 2);
  if (!hour || at >= text.size() || text[at++] != ':') return std::nullopt;
  const auto minute = digitsAt(text, at, 2);
  if (!minute) return std::nullopt;
  iso += " " + twoDigits(*hour) + ":" + twoDigits(*minute);
  if (at < text.size() && text[at] == ':') {
    ++at;
    const auto second = digitsAt(text, at, 2);
    if (!second) return std::nullopt;
    iso += ":" + twoDigits(*second);
  }
  return at == text.size() ? std::optional<std::string>(iso) : std::nullopt;
}

}  // namespace

Result<FileTimestamp> parseTimestampIn(std::string_view text, const TimeZone* zone, std::string_view language) {
  const bool zh = language == "zh";
  while (!text.empty() && (text.front() == ' ' || text.front() == '"')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '"' || text.back() == '\r')) text.remove_suffix(1);
  if (text.empty()) return fail(zh ? "时间为空" : "empty timestamp");
  const std::string quoted = zh ? "时间“" + std::string(text) + "”：" : "timestamp '" + std::string(text) + "': ";
  if (text.size() >= 5 && text[4] == '/') {
    const auto iso = isoFromSlashDate(text);
    if (!iso) return fail(quoted + (zh ? "应为 YYYY/MM/DD [HH:MM[:SS]]" : "expected YYYY/MM/DD [HH:MM[:SS]]"));
    auto instant = parseIsoInstant(*iso, language);
    if (!instant) return fail(quoted + (zh ? "没有这一时刻" : "no such date or time"));
    return FileTimestamp{zone ? zone->fromLocalMs(instant->utc_ms) : instant->utc_ms, true};
  }
  if (text.size() >= 10 && text[4] == '-') {
    auto instant = parseIsoInstant(text, language);
    if (!instant) return std::unexpected(instant.error());
    if (instant->has_zone) return FileTimestamp{instant->utc_ms, false};
    // Parsed as UTC, that is the civil time written as if it were UTC.
    return FileTimestamp{zone ? zone->fromLocalMs(instant->utc_ms) : instant->utc_ms, true};
  }
  double number = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(number)) {
    return fail(quoted + (zh ? "应为 ISO-8601 时间或纪元秒/毫秒" : "expected ISO-8601 or epoch seconds/milliseconds"));
  }
  if (std::fabs(number) >= 9.2e18 / 1000) return fail(quoted + (zh ? "超出范围" : "out of range"));
  if (std::fabs(number) < 1e11) return FileTimestamp{static_cast<std::int64_t>(std::llround(number * 1000.0)), false};
  return FileTimestamp{static_cast<std::int64_t>(std::llround(number)), false};
}

std::string isoTextIn(std::int64_t utc_ms, const TimeZone& zone) {
  const std::int32_t offset = zone.offsetSecondsAt(utc_ms);
  if (offset % 60 != 0) return formatIsoUtcMs(utc_ms);
  std::string text = formatIsoUtcMs(utc_ms + offset * 1000LL);
  text.pop_back();  // the 'Z' of the civil time written as if it were UTC
  return text + zone.offsetLabelAt(utc_ms).substr(3);  // "+08:00" of "UTC+08:00"
}

}  // namespace parktwin
