// api.hpp: the query string and percent decoding.
#include <gtest/gtest.h>

#include "api.hpp"

namespace parktwin::server {
namespace {

TEST(QueryTest, DecodesPairs) {
  const auto q = parseQuery("tag=potline-1.current&at=2026-01-01T08%3A00%3A00%2B08%3A00&empty=&flag");
  ASSERT_TRUE(q);
  EXPECT_EQ("potline-1.current", q->at("tag"));
  EXPECT_EQ("2026-01-01T08:00:00+08:00", q->at("at"));
  EXPECT_EQ("", q->at("empty"));
  EXPECT_EQ("", q->at("flag"));
}

TEST(QueryTest, PlusIsASpaceInQueriesOnly) {
  EXPECT_EQ("a b", parseQuery("x=a+b")->at("x"));
  EXPECT_EQ("/api/v1/parks/a+b c", requestPath("/api/v1/parks/a+b%20c?x=a+b"));
}

TEST(QueryTest, RefusesBadEscapes) {
  EXPECT_FALSE(parseQuery("at=%zz"));
  EXPECT_FALSE(parseQuery("at=%2"));
  EXPECT_EQ("/api/v1/parks/%zz", requestPath("/api/v1/parks/%zz"));
}

}  // namespace
}  // namespace parktwin::server
