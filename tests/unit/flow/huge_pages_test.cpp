// The huge-page helpers change how a buffer is paged, never what it holds: checked against
// std::vector's own assign (the oracle) for buffers below, at and above the size that is
// advised, and for an empty one.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "huge_pages.hpp"

namespace parktwin::flow::detail {
namespace {

TEST(HugePages, AssignedBuffersHoldWhatStdVectorAssignGives) {
  // 0, one element, just under 4 MiB of int64 (not advised), 12 MiB and an odd size (advised).
  for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{524'287}, std::size_t{1'572'864},
                                  std::size_t{1'000'003}}) {
    std::vector<std::int64_t> advised{7, 8, 9};  // old contents must not survive
    assignOnHugePages(advised, count, std::int64_t{-42});
    const std::vector<std::int64_t> expected(count, -42);
    EXPECT_EQ(advised, expected) << count << " elements";
  }
}

TEST(HugePages, ReservedRoomTakesPushedElementsWithoutMovingThem) {
  std::vector<int> values;
  reserveOnHugePages(values, 3'000'000);  // 12 MB: advised
  ASSERT_GE(values.capacity(), 3'000'000U);
  const int* before = values.data();
  for (int i = 0; i < 3'000'000; ++i) values.push_back(i * 3);
  EXPECT_EQ(values.data(), before);  // reserved once, never reallocated
  EXPECT_EQ(values.front(), 0);
  EXPECT_EQ(values[1'234'567], 3'703'701);
  EXPECT_EQ(values.back(), 8'999'997);
}

TEST(HugePages, AdvisingNothingOrAnOddRangeIsHarmless) {
  adviseHugePages(nullptr, 0);
  adviseHugePages(nullptr, 1U << 30);
  std::vector<char> bytes(5U << 20, 'x');
  adviseHugePages(bytes.data() + 1, bytes.size() - 3);  // not page-aligned at either end
  EXPECT_EQ(bytes[0], 'x');
  EXPECT_EQ(bytes[bytes.size() / 2], 'x');
  EXPECT_EQ(bytes.back(), 'x');
}

}  // namespace
}  // namespace parktwin::flow::detail
