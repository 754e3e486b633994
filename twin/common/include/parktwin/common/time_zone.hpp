#pragma once
// A park's civil time: an IANA time zone ("Asia/Shanghai", the default of the park file) read
// from the system's zoneinfo database (Debian's tzdata), so shifts, tariffs, reports and the
// window all show the park's own clock without a "UTC+8" written into each of them.
// GCC 12's <chrono> has no time-zone database (std::chrono::locate_zone came in GCC 14), hence
// this small reader of TZif files (RFC 8536).
#include <cstdint>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"

namespace parktwin {

class TimeZone {
 public:
  // The zone named `iana_name`, read from `zoneinfo_dir` (default /usr/share/zoneinfo). The
  // name must look like an IANA name (letters, digits, '/', '_', '-', '+'; no "..").
  [[nodiscard]] static Result<TimeZone> load(const std::string& iana_name,
                                             const std::string& zoneinfo_dir = "/usr/share/zoneinfo");
  // A zone that is always `offset_s` seconds ahead of UTC, named like "UTC+08:00".
  [[nodiscard]] static TimeZone fixed(std::int32_t offset_s);

  const std::string& name() const { return name_; }
  // Seconds to add to UTC to get the civil time at the instant `utc_ms`.
  [[nodiscard]] std::int32_t offsetSecondsAt(std::int64_t utc_ms) const;
  [[nodiscard]] std::int64_t toLocalMs(std::int64_t utc_ms) const { return utc_ms + offsetSecondsAt(utc_ms) * 1000LL; }
  // The instant whose civil time here is `local_ms` (civil time written as if it were UTC, as
  // toLocalMs gives it). A civil time a clock shift repeats is read with the offset after the
  // shift; one it skips, with the offset before it.
  [[nodiscard]] std::int64_t fromLocalMs(std::int64_t local_ms) const;
  // "UTC+08:00" for the offset in force at `utc_ms`.
  [[nodiscard]] std::string offsetLabelAt(std::int64_t utc_ms) const;

 private:
  std::string name_;
  std::vector<std::int64_t> transitions_s_;  // UTC seconds at which...
  std::vector<std::int32_t> offsets_s_;      // ...this offset starts (same size)
  std::int32_t initial_offset_s_ = 0;        // before the first transition
};

inline constexpr const char* kDefaultParkTimeZone = "Asia/Shanghai";

// The zone's civil time to the minute, as planners read it: "2026-07-15 08:00".
std::string localMinuteText(std::int64_t utc_ms, const TimeZone& zone);
// "2026-07-15 08:00 .. 2026-07-16 08:00 (UTC+08:00)"
std::string localPeriodText(std::int64_t from_ms, std::int64_t to_ms, const TimeZone& zone);

}  // namespace parktwin
