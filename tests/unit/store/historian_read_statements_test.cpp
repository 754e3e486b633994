// The historian's read paths keep their prepared statements between calls and read inside one
// read transaction (read_statements.hpp). Neither may keep an old view of the file: a sample
// committed by a writer after a read shows in the next read of the same reader, for stateAt and
// downsample alike, also after a read that failed half way. Expected values are written out here.
#include <gtest/gtest.h>

#include "parktwin/store/historian.hpp"
#include "temp_dir.hpp"

namespace parktwin::store {
namespace {

constexpr std::int64_t kT0 = 1'767'225'600'000;

struct WriterAndReader {
  Historian writer;
  Historian reader;
};

WriterAndReader openBoth(const test::TempDir& dir) {
  auto writer = Historian::open(dir.file("park.db"));
  EXPECT_TRUE(writer) << writer.error().message;
  EXPECT_TRUE(writer->append("a", kT0, 1.5));
  EXPECT_TRUE(writer->append("b", kT0, 10.0));
  EXPECT_TRUE(writer->flush());
  HistorianOptions readOnly;
  readOnly.read_only = true;
  auto reader = Historian::open(dir.file("park.db"), readOnly);
  EXPECT_TRUE(reader) << reader.error().message;
  return {std::move(*writer), std::move(*reader)};
}

double valueOf(const std::vector<TagState>& state, const std::string& tag) {
  for (const auto& s : state) {
    if (s.tag == tag) return s.value;
  }
  ADD_FAILURE() << "no tag " << tag;
  return 0;
}

TEST(HistorianReadStatements, StateAtSeesASampleCommittedAfterTheLastRead) {
  test::TempDir dir;
  auto [writer, reader] = openBoth(dir);
  auto before = reader.stateAt(kT0 + 60'000);
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_EQ(1.5, valueOf(*before, "a"));

  ASSERT_TRUE(writer.append("a", kT0 + 30'000, 2.25));
  ASSERT_TRUE(writer.append("c", kT0 + 40'000, 7.0));  // a new tag too
  ASSERT_TRUE(writer.flush());

  auto after = reader.stateAt(kT0 + 60'000);
  ASSERT_TRUE(after) << after.error().message;
  ASSERT_EQ(3u, after->size());
  EXPECT_EQ(2.25, valueOf(*after, "a"));
  EXPECT_EQ(kT0 + 30'000, (*after)[0].ts_ms);
  EXPECT_EQ(10.0, valueOf(*after, "b"));
  EXPECT_EQ(7.0, valueOf(*after, "c"));
}

TEST(HistorianReadStatements, DownsampleSeesASampleCommittedAfterTheLastRead) {
  test::TempDir dir;
  auto [writer, reader] = openBoth(dir);
  auto before = reader.downsample("a", kT0, kT0 + 60'000, 2);
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_EQ(1u, (*before)[0].count);
  EXPECT_EQ(0u, (*before)[1].count);

  ASSERT_TRUE(writer.append("a", kT0 + 45'000, 3.5));
  ASSERT_TRUE(writer.flush());

  auto after = reader.downsample("a", kT0, kT0 + 60'000, 2);
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_EQ(1u, (*after)[0].count);
  ASSERT_EQ(1u, (*after)[1].count);
  EXPECT_EQ(3.5, (*after)[1].last);
  EXPECT_EQ(3.5, (*after)[1].mean);
}

TEST(HistorianReadStatements, AFailedReadLeavesNoOldViewBehind) {
  test::TempDir dir;
  auto [writer, reader] = openBoth(dir);
  ASSERT_TRUE(reader.stateAt(kT0));
  EXPECT_FALSE(reader.downsample("no-such-tag", kT0, kT0 + 60'000, 2));  // fails after its transaction began

  ASSERT_TRUE(writer.append("b", kT0 + 1'000, 11.0));
  ASSERT_TRUE(writer.flush());

  auto state = reader.stateAt(kT0 + 1'000);
  ASSERT_TRUE(state) << state.error().message;
  EXPECT_EQ(11.0, valueOf(*state, "b"));
  auto series = reader.downsample("b", kT0, kT0 + 2'000, 2);
  ASSERT_TRUE(series) << series.error().message;
  EXPECT_EQ(11.0, (*series)[1].last);
}

}  // namespace
}  // namespace parktwin::store
