#include "parktwin/common/iso_time.hpp"

#include <cstdio>

namespace parktwin {

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

Result<IsoInstant> parseIsoInstant(std::string_view s, std::string_view language) {
  // Each refusal in English and Chinese side by side: "timestamp 'x': <why>".
  const bool zh = language == "zh";
  const auto refuse = [&](std::string_view en, std::string_view cn) {
    return fail(zh ? "时间“" + std::string(s) + "”：" + std::string(cn) : "timestamp '" + std::string(s) + "': " + std::string(en));
  };
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-' ||
      !digits(s, 8, 2, day)) {
    return refuse("expected YYYY-MM-DD at the start", "应以 YYYY-MM-DD 开头");
  }
  std::size_t at = 10;
  if (at < s.size()) {
    if (s[at] != 'T' && s[at] != ' ') return refuse("expected 'T' after the date", "日期后应为“T”");
    if (!digits(s, at + 1, 2, hour) || at + 3 >= s.size() || s[at + 3] != ':' || !digits(s, at + 4, 2, minute)) {
      return refuse("expected hh:mm after 'T'", "“T”后应为 hh:mm");
    }
    at += 6;
    if (at < s.size() && s[at] == ':') {
      if (!digits(s, at + 1, 2, second)) return refuse("expected seconds after ':'", "“:”后应为秒");
      at += 3;
    }
  }
  std::int64_t millis = 0;
  if (at < s.size() && (s[at] == '.' || s[at] == ',')) {
    ++at;
    int scale = 100, n = 0;
    while (at < s.size() && s[at] >= '0' && s[at] <= '9') {
      millis += (s[at] - '0') * scale;
      scale /= 10;
      ++at;
      ++n;
    }
    if (n == 0) return refuse("expected digits after the decimal point", "小数点后应为数字");
  }
  std::int64_t offsetMinutes = 0;
  const bool hasZone = at < s.size();
  if (at < s.size()) {
    if (s[at] == 'Z' || s[at] == 'z') {
      ++at;
    } else if (s[at] == '+' || s[at] == '-') {
      const int sign = s[at] == '-' ? -1 : 1;
      int oh = 0, om = 0;
      if (!digits(s, at + 1, 2, oh)) return refuse("expected a UTC offset like +08:00", "应为 UTC 偏移，如 +08:00");
      at += 3;
      if (at < s.size() && s[at] == ':') ++at;
      if (at < s.size()) {
        if (!digits(s, at, 2, om)) return refuse("expected a UTC offset like +08:00", "应为 UTC 偏移，如 +08:00");
        at += 2;
      }
      if (oh > 23 || om > 59) return refuse("UTC offset out of range", "UTC 偏移超出范围");
      offsetMinutes = sign * (oh * 60 + om);
    }
  }
  if (at != s.size()) return refuse("unexpected '" + std::string(s.substr(at)) + "' at the end", "末尾多出“" + std::string(s.substr(at)) + "”");
  static constexpr int kDaysIn[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDaysIn[month - 1]) return refuse("no such date", "没有这一天");
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return refuse("no such date (not a leap year)", "没有这一天（不是闰年）");
  if (hour > 23 || minute > 59 || second > 60) return refuse("time of day out of range", "时刻超出范围");
  const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
  return IsoInstant{seconds * 1000 + millis, static_cast<std::int32_t>(offsetMinutes * 60), hasZone};
}

Result<std::int64_t> parseIsoInstantMs(std::string_view text, std::string_view language) {
  auto instant = parseIsoInstant(text, language);
  if (!instant) return std::unexpected(instant.error());
  return instant->utc_ms;
}

std::string formatIsoUtcMs(std::int64_t ts_ms) {
  std::int64_t days = ts_ms / 86'400'000;
  std::int64_t rest = ts_ms % 86'400'000;
  if (rest < 0) {
    rest += 86'400'000;
    --days;
  }
  // civil_from_days (Hinnant)
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<long long>(y), m, d,
                static_cast<long long>(rest / 3'600'000), static_cast<long long>(rest / 60'000 % 60),
                static_cast<long long>(rest / 1000 % 60), static_cast<long long>(rest % 1000));
  return buffer;
}

}  // namespace parktwin
