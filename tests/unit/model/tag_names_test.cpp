// tagIdForName: the column headers of a park manager's own Excel sheet (QA: 渝西 park, whose
// headers were the tags' Chinese names, with and without units). The tags are written out here.
#include <gtest/gtest.h>

#include "parktwin/model/tag_names.hpp"

namespace {

using namespace parktwin::model;

Tag tag(const std::string& id, const std::string& zh, const std::string& en, const std::string& unit) {
  Tag t;
  t.id = id;
  t.name = {zh, en};
  t.unit = unit;
  return t;
}

Park yuxi() {
  Park park;
  park.tags = {tag("smt-line.power", "SMT线功率", "SMT line power", "kW"),
               tag("smt-hall.temp", "洁净室温度", "Cleanroom temperature", "degC"),
               tag("smt-line.state", "SMT线状态", "SMT line state", ""),
               tag("a.flow", "流量", "Flow", "m3/h"), tag("b.flow", "流量", "Flow B", "m3/h")};
  return park;
}

}  // namespace

TEST(TagIdForName, ANameInEitherLanguageIsItsTag) {
  const Park park = yuxi();
  EXPECT_EQ(tagIdForName(park, "SMT线功率"), "smt-line.power");
  EXPECT_EQ(tagIdForName(park, "SMT line power"), "smt-line.power");
  EXPECT_EQ(tagIdForName(park, " smt LINE power "), "smt-line.power");
  EXPECT_EQ(tagIdForName(park, "SMT线状态"), "smt-line.state");
  EXPECT_EQ(tagIdForName(park, "SMT线"), std::nullopt);
  EXPECT_EQ(tagIdForName(park, "Flow B"), "b.flow");
}

TEST(TagIdForName, TheTagsOwnUnitInBracketsMayFollow) {
  const Park park = yuxi();
  EXPECT_EQ(tagIdForName(park, "SMT线功率(kW)"), "smt-line.power");
  EXPECT_EQ(tagIdForName(park, "SMT线功率 （kW）"), "smt-line.power");
  EXPECT_EQ(tagIdForName(park, "洁净室温度(℃)"), "smt-hall.temp");
  EXPECT_EQ(tagIdForName(park, "Cleanroom temperature (°C)"), "smt-hall.temp");
  EXPECT_EQ(tagIdForName(park, "洁净室温度(degC)"), "smt-hall.temp");
  EXPECT_EQ(tagIdForName(park, "smt-line.power (kW)"), "smt-line.power");
  // Another unit is another quantity: MW (or mW) under a kW tag is not that tag.
  EXPECT_EQ(tagIdForName(park, "SMT线功率(MW)"), std::nullopt);
  EXPECT_EQ(tagIdForName(park, "SMT线功率(kw)"), std::nullopt);
  EXPECT_EQ(tagIdForName(park, "SMT线状态()"), std::nullopt);
}

TEST(TagIdForName, ANameTwoTagsShareNamesNeither) {
  EXPECT_EQ(tagIdForName(yuxi(), "流量"), std::nullopt);
  EXPECT_EQ(tagIdForName(yuxi(), "流量(m³/h)"), std::nullopt);
}
