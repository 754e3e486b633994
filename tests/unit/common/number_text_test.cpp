// Numbers as text: exports read back exactly, tables never switch to exponents, messages stay
// short. Expected texts are written out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "parktwin/common/number_text.hpp"

namespace parktwin {
namespace {

TEST(NumberText, ShortestTextIsTheShortestThatReadsBack) {
  EXPECT_EQ(shortestText(28.353), "28.353");  // %.17g prints 28.353000000000002
  EXPECT_EQ(shortestText(0.1 + 0.2), "0.30000000000000004");  // a different double from 0.3
  EXPECT_EQ(shortestText(0.3), "0.3");
  EXPECT_EQ(shortestText(800), "800");
  EXPECT_EQ(shortestText(-2.5), "-2.5");
  EXPECT_EQ(shortestText(0), "0");
}

TEST(NumberText, ShortestTextPrintsMoneyWithoutAnExponent) {
  EXPECT_EQ(shortestText(120'000'000), "120000000");  // plain to_chars gives 1.2e+08
  EXPECT_EQ(shortestText(2'420'505'600.5), "2420505600.5");
  EXPECT_EQ(shortestText(0.000125), "0.000125");
  EXPECT_EQ(shortestText(1e-7), "1e-07");  // outside the plain range: the exponent form
}

TEST(NumberText, ShortestTextReadsBackToTheSameDouble) {
  std::mt19937_64 random(20261204);
  std::uniform_real_distribution<double> exponent(-12, 15);
  std::uniform_real_distribution<double> mantissa(-10, 10);
  for (int i = 0; i < 10'000; ++i) {
    const double x = mantissa(random) * std::pow(10.0, exponent(random));
    const std::string text = shortestText(x);
    EXPECT_EQ(std::stod(text), x) << text;
    if (std::fabs(x) >= 1e-6) {
      EXPECT_EQ(text.find('e'), std::string::npos) << text;  // plain from 1e-6 up
    }
  }
  EXPECT_EQ(shortestText(std::numeric_limits<double>::quiet_NaN()), "nan");
  EXPECT_EQ(shortestText(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(NumberText, FixedTextNeverUsesAnExponent) {
  EXPECT_EQ(fixedText(1'234'567.891, 2), "1234567.89");
  EXPECT_EQ(fixedText(2.5e12, 0), "2500000000000");  // %g gives 2.5e+12
  EXPECT_EQ(fixedText(0.005, 1), "0.0");
  EXPECT_EQ(fixedText(-0.001, 2), "0.00");  // no "-0.00"
  EXPECT_EQ(fixedText(-1.25, 1), "-1.2");   // round half to even, as printf
}

TEST(NumberText, GroupedTextGroupsThousands) {
  EXPECT_EQ(groupedText(1'234'567.891, 1), "1,234,567.9");
  EXPECT_EQ(groupedText(-1'234'567, 0), "-1,234,567");
  EXPECT_EQ(groupedText(999, 0), "999");
  EXPECT_EQ(groupedText(1000, 2), "1,000.00");
}

TEST(NumberText, CompactTextDropsTrailingZeros) {
  EXPECT_EQ(compactText(800.0), "800");  // std::to_string gives 800.000000
  EXPECT_EQ(compactText(0.6), "0.6");
  EXPECT_EQ(compactText(2.0 / 3), "0.667");
  EXPECT_EQ(compactText(523'972.602739726, 1), "523972.6");
  EXPECT_EQ(compactText(-0.0001), "0");
  EXPECT_EQ(quantityText(800, "kW"), "800 kW");
  EXPECT_EQ(quantityText(4000.25, "kW", 1), "4000.2 kW");
}

}  // namespace
}  // namespace parktwin
