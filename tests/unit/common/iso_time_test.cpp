// ISO-8601 instants; expected epoch values from Python's datetime (an independent oracle).
#include <gtest/gtest.h>

#include "parktwin/common/iso_time.hpp"

namespace {

using parktwin::formatIsoUtcMs;
using parktwin::parseIsoInstantMs;

TEST(IsoTime, ParsesZonesFractionsAndDateOnly) {
  EXPECT_EQ(*parseIsoInstantMs("2024-02-29T12:34:56.789+05:30"), 1'709'190'296'789);
  EXPECT_EQ(*parseIsoInstantMs("1969-12-31T23:59:59.999Z"), -1);
  EXPECT_EQ(*parseIsoInstantMs("2000-01-01"), 946'684'800'000);
  EXPECT_EQ(*parseIsoInstantMs("2400-03-01T00:00:00-01:30"), 13'574'655'000'000);
  EXPECT_EQ(*parseIsoInstantMs("2024-02-29 12:34:56,789+0530"), 1'709'190'296'789);
}

TEST(IsoTime, RejectsImpossibleDatesWithAReason) {
  EXPECT_NE(parseIsoInstantMs("2023-02-29").error().message.find("not a leap year"), std::string::npos);
  EXPECT_NE(parseIsoInstantMs("2026-04-31").error().message.find("no such date"), std::string::npos);
  EXPECT_NE(parseIsoInstantMs("2026-01-01T25:00").error().message.find("out of range"), std::string::npos);
  EXPECT_FALSE(parseIsoInstantMs("2026-01-01T08:00Zjunk"));
  EXPECT_FALSE(parseIsoInstantMs("26-01-01"));
}

// The same reasons in Chinese, for --at under --lang zh and the server's Chinese answers.
TEST(IsoTime, SaysItsReasonsInChinese) {
  EXPECT_EQ(parseIsoInstantMs("2026-13-01", "zh").error().message, "时间“2026-13-01”：没有这一天");
  EXPECT_EQ(parseIsoInstantMs("2023-02-29", "zh").error().message, "时间“2023-02-29”：没有这一天（不是闰年）");
  EXPECT_EQ(parseIsoInstantMs("2026-01-01T08:00Zjunk", "zh").error().message, "时间“2026-01-01T08:00Zjunk”：末尾多出“junk”");
  EXPECT_EQ(parseIsoInstantMs("26-01-01", "zh").error().message, "时间“26-01-01”：应以 YYYY-MM-DD 开头");
}

TEST(IsoTime, FormatsUtcAndRoundTrips) {
  EXPECT_EQ(formatIsoUtcMs(1'709'190'296'789), "2024-02-29T07:04:56.789Z");
  EXPECT_EQ(formatIsoUtcMs(-1), "1969-12-31T23:59:59.999Z");
  for (std::int64_t ms : {0LL, -86'400'001LL, 13'574'655'000'000LL, 1'767'225'600'250LL}) {
    EXPECT_EQ(*parseIsoInstantMs(formatIsoUtcMs(ms)), ms) << ms;
  }
}

}  // namespace
