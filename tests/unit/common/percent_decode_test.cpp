// The one percent-decoder (RFC 3986 2.1): the expected strings are written by hand.
#include "parktwin/common/percent_decode.hpp"

#include <gtest/gtest.h>

namespace parktwin {
namespace {

TEST(PercentDecode, EachEscapeIsItsByte) {
  EXPECT_EQ("my tex.png", percentDecoded("my%20tex.png"));
  EXPECT_EQ("p@ss:w/rd", percentDecoded("p%40ss%3Aw%2frd"));
  EXPECT_EQ("电解", percentDecoded("%E7%94%B5%E8%A7%A3"));  // UTF-8 bytes
  EXPECT_EQ("", percentDecoded(""));
}

TEST(PercentDecode, PlusIsASpaceOnlyWhenAsked) {
  EXPECT_EQ("a+b", percentDecoded("a+b"));
  EXPECT_EQ("a b", percentDecoded("a+b", PlusSign::space));
  EXPECT_EQ("a+b", percentDecoded("a%2Bb", PlusSign::space));
}

TEST(PercentDecode, AnEscapeWithoutTwoHexDigitsIsRefused) {
  EXPECT_EQ(std::nullopt, percentDecoded("100%"));
  EXPECT_EQ(std::nullopt, percentDecoded("%2"));
  EXPECT_EQ(std::nullopt, percentDecoded("%zz"));
  EXPECT_EQ(std::nullopt, percentDecoded("ok%20then%g1"));
}

}  // namespace
}  // namespace parktwin
