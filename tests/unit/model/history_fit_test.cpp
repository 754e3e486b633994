// Whether a history file is another park's: counted from its tags, checked against counts made
// by hand (and, for the bundled parks, against the tag lists of their files).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parktwin/model/history_fit.hpp"
#include "parktwin/model/park_file.hpp"

namespace {

using namespace parktwin::model;

Park parkWithTags(const std::vector<std::string>& ids) {
  Park park;
  park.id = "test";
  park.name = {"测试园区", "Test park"};
  for (const auto& id : ids) {
    Tag tag;
    tag.id = id;
    park.tags.push_back(tag);
  }
  return park;
}

TEST(HistoryFit, MostlyOtherTagsIsAnotherParksHistory) {
  const Park park = parkWithTags({"a", "b", "c", "d"});
  const HistoryFit fit = historyFit(park, {"a", "x", "y"});
  EXPECT_EQ(fit.park_tags, 4u);
  EXPECT_EQ(fit.park_tags_in_file, 1u);
  EXPECT_EQ(fit.other_tags_in_file, 2u);
  EXPECT_TRUE(fit.anotherPark());
  const LocalizedText text = anotherParksHistoryText(fit, "other.db", park);
  EXPECT_EQ(text.en.rfind("other.db holds 1 of the 4 tags of Test park, and 2 tags this park does not have: "
                          "it looks like another park's history", 0), 0u) << text.en;
  EXPECT_EQ(text.zh.rfind("other.db 只含测试园区 4 个测点中的 1 个，另有 2 个本园区没有的测点：这似乎是另一个园区的历史数据", 0), 0u)
      << text.zh;
}

TEST(HistoryFit, APartialRecordingOfThisParkIsNot) {
  const Park park = parkWithTags({"a", "b", "c", "d"});
  EXPECT_FALSE(historyFit(park, {"a"}).anotherPark());            // one meter recorded
  EXPECT_FALSE(historyFit(park, {"a", "b", "x", "y"}).anotherPark());  // half and half
  EXPECT_FALSE(historyFit(park, {}).anotherPark());               // no samples: said otherwise
  EXPECT_TRUE(anotherParksHistoryText(historyFit(park, {"a"}), "f.db", park).en.empty());
}

TEST(HistoryFit, BeidusTagsReplayedOnJiulong) {
  const std::string parks = std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/";
  auto beidu = loadPark(parks + "beidu.json");
  auto jiulong = loadPark(parks + "jiulong.json");
  ASSERT_TRUE(beidu && jiulong);
  std::vector<std::string> beiduTags;
  for (const auto& t : beidu->tags) beiduTags.push_back(t.id);
  // From the park files: Jiulong lists 35 tags, Beidu 110, and grid-tie.import is in both.
  const HistoryFit fit = historyFit(*jiulong, beiduTags);
  EXPECT_EQ(fit.park_tags, 35u);
  EXPECT_EQ(fit.park_tags_in_file, 1u);
  EXPECT_EQ(fit.other_tags_in_file, 109u);
  EXPECT_TRUE(fit.anotherPark());
  EXPECT_FALSE(historyFit(*beidu, beiduTags).anotherPark());
}

}  // namespace
