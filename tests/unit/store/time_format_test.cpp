#include "parktwin/store/time_format.hpp"

#include <gtest/gtest.h>

namespace parktwin::store {

// Oracle: `date -u -d 2026-05-01T08:00:00Z +%s` = 1777622400.
TEST(TimeFormat, ParsesIso8601Variants) {
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

TEST(TimeFormat, ParsesEpochSecondsAndMilliseconds) {
  EXPECT_EQ(parseTimestamp("1777622400").value(), 1777622400000LL);
  EXPECT_EQ(parseTimestamp("1777622400.5").value(), 1777622400500LL);
  EXPECT_EQ(parseTimestamp("1777622400000").value(), 1777622400000LL);
}

TEST(TimeFormat, RejectsMalformedTimestamps) {
  for (const char* bad : {"", "yesterday", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-05-01T25:00:00Z",
                          "2026-05-01T08:00:00Zjunk", "2026-05-01T08:00:00.Z", "12abc"}) {
    EXPECT_FALSE(parseTimestamp(bad).has_value()) << bad;
  }
}

TEST(TimeFormat, FormatsAndRoundTrips) {
  EXPECT_EQ(formatIso8601(1777622400250LL), "2026-05-01T08:00:00.250Z");
  EXPECT_EQ(formatIso8601(-1), "1969-12-31T23:59:59.999Z");
  for (std::int64_t t : {0LL, 1709164800000LL, -86400001LL, 253402300799999LL}) {
    EXPECT_EQ(parseTimestamp(formatIso8601(t)).value(), t);
  }
}

}  // namespace parktwin::store
