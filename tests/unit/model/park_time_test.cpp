// model::parkInstantMs, the one rule for a time typed for a park, and the way back on the
// park's clock (isoTextIn with parkTimeZone, as export --times park writes it). Oracle: `date -u -d "2026-06-01 08:00 +0800" +%s` = 1780272000 (Asia/Shanghai is
// UTC+8 with no daylight saving since 1991), `date -u -d "2026-06-01T08:00:00Z" +%s` =
// 1780300800, `date -u -d "2026-06-01 08:00 +0200" +%s` = 1780293600 (Berlin in summer),
// `date -u -d "2026-01-15 08:00 -0500" +%s` = 1768482000 (New York in winter).
#include <gtest/gtest.h>

#include <string>

#include "parktwin/common/time_text.hpp"
#include "parktwin/model/park_time.hpp"

namespace {

using parktwin::model::Park;
using parktwin::model::parkInstantMs;
using parktwin::model::parkTimeZone;

std::string parkIsoText(std::int64_t utc_ms, const Park& park) { return parktwin::isoTextIn(utc_ms, parkTimeZone(park)); }

constexpr std::int64_t kShanghai0800 = 1780272000000;  // 2026-06-01 08:00 +08:00
constexpr std::int64_t kUtc0800 = 1780300800000;       // 2026-06-01 08:00 Z

Park parkIn(const char* zone) {
  Park park;
  park.time_zone = zone;
  return park;
}

TEST(ParkTime, ZonelessTextIsTheParksCivilTime) {
  const Park chongqing;  // the park file's default time_zone, Asia/Shanghai
  EXPECT_EQ(parkInstantMs("2026-06-01 08:00", &chongqing).value(), kShanghai0800);
  EXPECT_EQ(parkInstantMs("2026-06-01T08:00:00", &chongqing).value(), kShanghai0800);
  EXPECT_EQ(parkInstantMs("2026/6/1 8:00", &chongqing).value(), kShanghai0800);  // Excel's way
  const Park berlin = parkIn("Europe/Berlin");
  EXPECT_EQ(parkInstantMs("2026-06-01 08:00", &berlin).value(), 1780293600000);
  const Park newYork = parkIn("America/New_York");
  EXPECT_EQ(parkInstantMs("2026-01-15 08:00", &newYork).value(), 1768482000000);
}

TEST(ParkTime, AWrittenZoneAndEpochNumbersKeepTheirMeaning) {
  const Park chongqing;
  EXPECT_EQ(parkInstantMs("2026-06-01T08:00:00Z", &chongqing).value(), kUtc0800);
  EXPECT_EQ(parkInstantMs("2026-06-01T08:00:00+08:00", &chongqing).value(), kShanghai0800);
  EXPECT_EQ(parkInstantMs("2026-06-01T02:00:00+02:00", &chongqing).value(), kShanghai0800);
  EXPECT_EQ(parkInstantMs("1780272000000", &chongqing).value(), kShanghai0800);  // epoch ms
  EXPECT_EQ(parkInstantMs("1780272000", &chongqing).value(), kShanghai0800);     // epoch s
}

TEST(ParkTime, WithoutAParkZonelessTextIsUtc) {
  EXPECT_EQ(parkInstantMs("2026-06-01 08:00", nullptr).value(), kUtc0800);
}

TEST(ParkTime, RefusalsNameTheTextInTheAskedLanguage) {
  const Park chongqing;
  EXPECT_EQ(parkInstantMs("yesterday", &chongqing).error().message,
            "timestamp 'yesterday': expected ISO-8601 or epoch seconds/milliseconds");
  EXPECT_EQ(parkInstantMs("yesterday", &chongqing, "zh").error().message, "时间“yesterday”：应为 ISO-8601 时间或纪元秒/毫秒");
}

TEST(ParkTime, TheParksClockWithItsOffsetReadsBackToTheSameInstant) {
  const Park chongqing;
  EXPECT_EQ(parkIsoText(kShanghai0800, chongqing), "2026-06-01T08:00:00.000+08:00");
  for (const std::int64_t t : {kShanghai0800, kShanghai0800 + 1, std::int64_t{-2208988800000}, std::int64_t{0}}) {
    for (const char* zone : {"Asia/Shanghai", "Europe/Berlin", "America/New_York"}) {
      const Park park = parkIn(zone);
      EXPECT_EQ(parkInstantMs(parkIsoText(t, park), &park).value(), t) << zone << " " << t;
    }
  }
}

}  // namespace
