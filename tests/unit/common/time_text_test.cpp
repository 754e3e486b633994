// Time as people type it and files write it (parktwin/common/time_text.hpp): durations,
// command-line instants, file timestamps.
#include "parktwin/common/time_text.hpp"

#include <gtest/gtest.h>

#include "parktwin/common/iso_time.hpp"

namespace parktwin {
namespace {

TEST(TimeText, ParsesDurations) {
  EXPECT_EQ(*parseDurationMs("90s"), 90'000);
  EXPECT_EQ(*parseDurationMs("15m"), 900'000);
  EXPECT_EQ(*parseDurationMs("1h"), 3'600'000);
  EXPECT_EQ(*parseDurationMs("30d"), 30LL * 86'400'000);
  EXPECT_EQ(*parseDurationMs("1.5h"), 5'400'000);
  EXPECT_FALSE(parseDurationMs("fast"));
  EXPECT_FALSE(parseDurationMs("10"));
  EXPECT_FALSE(parseDurationMs("-1h"));
  EXPECT_FALSE(parseDurationMs("nanh"));
  EXPECT_NE(parseDurationMs("1e300d").error().message.find("too long"), std::string::npos);
  EXPECT_EQ(*parseDurationMs("1000000w"), 604'800'000'000'000);
}

TEST(TimeText, ParsesInstants) {
  EXPECT_EQ(*parseInstantMs("1970-01-01"), 0);
  EXPECT_EQ(*parseInstantMs("2026-01-01T00:00:00Z"), 1'767'225'600'000);
  EXPECT_EQ(*parseInstantMs("2026-01-01T08:00:00+08:00"), 1'767'225'600'000);
  EXPECT_EQ(*parseInstantMs("2026-01-01T00:00:00.250Z"), 1'767'225'600'250);
  EXPECT_EQ(*parseInstantMs("1767225600000"), 1'767'225'600'000);
  EXPECT_FALSE(parseInstantMs("2026-13-01"));
  EXPECT_FALSE(parseInstantMs("yesterday"));
  EXPECT_EQ(*parseInstantMs("2026-01-01T08:00"), 1'767'254'400'000);  // seconds optional, UTC
  EXPECT_FALSE(parseInstantMs("2026-01-01T08"));
  EXPECT_NE(parseInstantMs("2026-02-30").error().message.find("no such date"), std::string::npos);
  EXPECT_EQ(formatIsoUtcMs(1'767'225'600'250), "2026-01-01T00:00:00.250Z");
}

// Oracle: `date -u -d 2026-05-01T08:00:00Z +%s` = 1777622400.
TEST(Timestamp, ParsesIso8601Variants) {
  EXPECT_EQ(parseTimestamp("2026-05-01T08:00:00Z").value(), 1777622400000LL);
  EXPECT_EQ(parseTimestamp("2026-05-01T08:00:00").value(), 1777622400000LL);
  EXPECT_EQ(parseTimestamp("2026-05-01 08:00:00.250Z").value(), 1777622400250LL);
  EXPECT_EQ(parseTimestamp("2026-05-01T08:00:00.123456Z").value(), 1777622400123LL);
  EXPECT_EQ(parseTimestamp("2026-05-01T16:00:00+08:00").value(), 1777622400000LL);
  EXPECT_EQ(parseTimestamp("2026-05-01T06:30:00-0130").value(), 1777622400000LL);
  EXPECT_EQ(parseTimestamp("1970-01-01T00:00:00Z").value(), 0);
  EXPECT_EQ(parseTimestamp("1969-12-31T23:59:59Z").value(), -1000);
  EXPECT_EQ(parseTimestamp("2024-02-29T00:00:00Z").value(), 1709164800000LL);
}

TEST(Timestamp, ParsesEpochSecondsAndMilliseconds) {
  EXPECT_EQ(parseTimestamp("1777622400").value(), 1777622400000LL);
  EXPECT_EQ(parseTimestamp("1777622400.5").value(), 1777622400500LL);
  EXPECT_EQ(parseTimestamp("1777622400000").value(), 1777622400000LL);
}

// A park's CSV writes its own clock: zone-less text is civil time in the zone given, anything
// with a zone (or an epoch number) is the instant it says. 1780272000000 is 2026-06-01T00:00Z.
TEST(Timestamp, ZonelessTextIsCivilTimeInTheZoneGiven) {
  const auto chongqing = parktwin::TimeZone::fixed(8 * 3600);
  const auto zoneless = parseTimestampIn("2026-06-01 08:00:00", &chongqing);
  ASSERT_TRUE(zoneless);
  EXPECT_EQ(zoneless->utc_ms, 1780272000000LL);
  EXPECT_TRUE(zoneless->zoneless);
  for (const char* zoned : {"2026-06-01T00:00:00Z", "2026-06-01T08:00:00+08:00", "2026-06-01T01:00:00+01", "1780272000",
                            "1780272000000"}) {
    const auto read = parseTimestampIn(zoned, &chongqing);
    ASSERT_TRUE(read) << zoned;
    EXPECT_EQ(read->utc_ms, 1780272000000LL) << zoned;
    EXPECT_FALSE(read->zoneless) << zoned;
  }
  EXPECT_EQ(parseTimestampIn("2026-06-01 00:00:00", nullptr)->utc_ms, 1780272000000LL);  // no zone given: UTC
  EXPECT_EQ(parseTimestampIn("2026-06-01", &chongqing)->utc_ms, 1780272000000LL - 8 * 3'600'000);
}

// Excel's default date format in China writes slashes, padded or not; civil time like
// zone-less ISO text. 2026-03-01 09:02:00 UTC is 1772355720 s (20513 days * 86400 + 9*3600 + 2*60).
TEST(Timestamp, ReadsExcelSlashDatesAsCivilTime) {
  constexpr std::int64_t kUtcMs = 1772355720000LL;
  for (const char* text : {"2026/03/01 09:02:00", "2026/3/1 9:02", "2026/03/01T09:02:00", "\"2026/3/1 09:02:00\""}) {
    const auto read = parseTimestampIn(text, nullptr);
    ASSERT_TRUE(read) << text << ": " << read.error().message;
    EXPECT_EQ(read->utc_ms, kUtcMs) << text;
    EXPECT_TRUE(read->zoneless) << text;
  }
  EXPECT_EQ(parseTimestamp("2026/03/01"), kUtcMs - (9 * 60 + 2) * 60'000LL);
  const auto chongqing = parktwin::TimeZone::fixed(8 * 3600);
  EXPECT_EQ(parseTimestampIn("2026/03/01 09:02:00", &chongqing)->utc_ms, kUtcMs - 8 * 3'600'000LL);
  for (const char* bad : {"2026/13/01", "2026/02/30 08:00", "2026/03/01 25:00", "2026/3", "2026/03/01 09:02:00Z", "2026/03/01 9"}) {
    EXPECT_FALSE(parseTimestamp(bad).has_value()) << bad;
  }
  EXPECT_EQ(parseTimestamp("2026/3", "zh").error().message, "时间“2026/3”：应为 YYYY/MM/DD [HH:MM[:SS]]");
}

TEST(Timestamp, RejectsMalformedTimestamps) {
  for (const char* bad : {"", "yesterday", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-05-01T25:00:00Z",
                          "2026-05-01T08:00:00Zjunk", "2026-05-01T08:00:00.Z", "12abc"}) {
    EXPECT_FALSE(parseTimestamp(bad).has_value()) << bad;
  }
}

TEST(Timestamp, RefusesInChineseWhenAsked) {
  EXPECT_EQ(parseTimestamp("yesterday", "zh").error().message, "时间“yesterday”：应为 ISO-8601 时间或纪元秒/毫秒");
  EXPECT_EQ(parseTimestamp("yesterday").error().message, "timestamp 'yesterday': expected ISO-8601 or epoch seconds/milliseconds");
  EXPECT_EQ(parseTimestamp("", "zh").error().message, "时间为空");
}

TEST(Timestamp, FormatsAndRoundTrips) {
  EXPECT_EQ(formatIsoUtcMs(1777622400250LL), "2026-05-01T08:00:00.250Z");
  EXPECT_EQ(formatIsoUtcMs(-1), "1969-12-31T23:59:59.999Z");
  for (std::int64_t t : {0LL, 1709164800000LL, -86400001LL, 253402300799999LL}) {
    EXPECT_EQ(parseTimestamp(formatIsoUtcMs(t)).value(), t);
  }
}

// isoTextIn: the zone's clock with its offset. Oracles by `date`: TZ=Europe/Berlin date -d
// @1780272000 = 02:00 +0200; `date -u -d "2026-01-15 08:00 -0500" +%s` = 1768482000;
// TZ=Asia/Shanghai date -d @-2208988800 = 1900-01-01 08:05:43 +0805 (local mean time).
TEST(TimeText, IsoTextOnTheZonesClockWithItsOffset) {
  const auto shanghai = TimeZone::load("Asia/Shanghai");
  const auto berlin = TimeZone::load("Europe/Berlin");
  const auto newYork = TimeZone::load("America/New_York");
  ASSERT_TRUE(shanghai && berlin && newYork);
  EXPECT_EQ(isoTextIn(1'780'272'000'000, *shanghai), "2026-06-01T08:00:00.000+08:00");
  EXPECT_EQ(isoTextIn(1'780'272'000'250, *berlin), "2026-06-01T02:00:00.250+02:00");
  EXPECT_EQ(isoTextIn(1'768'482'000'000, *newYork), "2026-01-15T08:00:00.000-05:00");
  EXPECT_EQ(isoTextIn(0, TimeZone::fixed(0)), "1970-01-01T00:00:00.000+00:00");
  EXPECT_EQ(isoTextIn(0, TimeZone::fixed(-(5 * 3600 + 30 * 60))), "1969-12-31T18:30:00.000-05:30");
  // +08:05:43 has no ISO-8601 form: the same instant in UTC rather than another instant.
  EXPECT_EQ(isoTextIn(-2'208'988'800'000, *shanghai), "1900-01-01T00:00:00.000Z");
}

}  // namespace
}  // namespace parktwin
