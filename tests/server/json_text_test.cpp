// json_text.hpp: every finite double written reads back bit for bit through strtod (the C
// library's reader, not ours), whether it takes the few-decimals path or std::to_chars; the
// few-decimals path writes the short text a person would; strings are escaped as JSON wants.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <random>

#include "json_text.hpp"

namespace parktwin::server {
namespace {

std::string written(double v) { return JsonText().number(v).take(); }

void expectRoundTrip(double v) {
  const std::string text = written(v);
  EXPECT_EQ(std::bit_cast<std::uint64_t>(v), std::bit_cast<std::uint64_t>(std::strtod(text.c_str(), nullptr)))
      << "wrote " << text << " for " << v;
}

TEST(JsonText, EveryFiniteDoubleReadsBackBitForBit) {
  std::mt19937_64 random(20);
  for (int i = 0; i < 200'000; ++i) {
    const double decimal = static_cast<double>(static_cast<std::int64_t>(random() % 2'000'000'000'000) - 1'000'000'000'000) /
                           std::pow(10.0, static_cast<double>(random() % 7));
    expectRoundTrip(decimal);
    expectRoundTrip(decimal / 3);  // 17 digits: to_chars
    if (const double any = std::bit_cast<double>(random()); std::isfinite(any)) expectRoundTrip(any);
  }
  for (double v : {0.0, -0.0, 5e-324, 1e-5, 0.1, 99'999'999'999.9999, 1e11, 1.7976931348623157e308}) expectRoundTrip(v);
}

TEST(JsonText, ReadingsWithAFewDecimalsAreWrittenShort) {
  EXPECT_EQ("412.35", written(412.35));
  EXPECT_EQ("-412.35", written(-412.35));
  EXPECT_EQ("0.05", written(0.05));
  EXPECT_EQ("100.5", written(100.5));
  EXPECT_EQ("10", written(10.0));
  EXPECT_EQ("1000.0001", written(1000.0001));
  EXPECT_EQ("0.3333333333333333", written(1.0 / 3.0));
  EXPECT_EQ("null", written(std::nan("")));
  EXPECT_EQ("null", written(-HUGE_VAL));
}

TEST(JsonText, StringsAreEscaped) {
  EXPECT_EQ(R"("a\"b\\c\u000a\u001f 电解槽")", JsonText().string("a\"b\\c\n\x1f 电解槽").take());
}

TEST(JsonText, IntegersOfBothSigns) {
  EXPECT_EQ("-9223372036854775808,18446744073709551615",
            JsonText().integer(INT64_MIN).raw(',').integer(UINT64_MAX).take());
}

}  // namespace
}  // namespace parktwin::server
