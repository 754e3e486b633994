#include <gtest/gtest.h>

#include "parktwin/sim/time_text.hpp"

namespace {

using namespace parktwin::sim;

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
  EXPECT_EQ(formatInstantUtc(1'767'225'600'250), "2026-01-01T00:00:00.250Z");
}

}  // namespace
