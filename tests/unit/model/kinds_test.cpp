// The kind enums (kinds.hpp): every value has one word that reads back to it and a name in
// both languages; a park file's unknown word is a problem at its JSON path naming the allowed
// words; the bundled parks save to the same text they were read into.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "parktwin/model/kinds.hpp"
#include "parktwin/model/park_file.hpp"

namespace parktwin::model {
namespace {

template <typename Kind>
class KindTable : public ::testing::Test {};
using AllKinds = ::testing::Types<ZoneKind, BuildingKind, LineKind, MachineKind, UtilityKind, ExternalKind, TagKind,
                                  Product, Carrier, Severity>;
TYPED_TEST_SUITE(KindTable, AllKinds);

TYPED_TEST(KindTable, EveryValueRoundTripsThroughItsWord) {
  std::set<std::string_view> words;
  for (const auto& entry : kindTable<TypeParam>()) {
    EXPECT_FALSE(entry.text.empty());
    EXPECT_TRUE(words.insert(entry.text).second) << "word used twice: " << entry.text;
    EXPECT_EQ(parseKind<TypeParam>(toText(entry.value)), entry.value) << entry.text;
  }
  EXPECT_FALSE(parseKind<TypeParam>("no_such_kind").has_value());
  EXPECT_FALSE(parseKind<TypeParam>("").has_value());
}

TYPED_TEST(KindTable, EntryIHoldsTheIthValue) {
  const auto table = kindTable<TypeParam>();
  for (std::size_t i = 0; i < table.size(); ++i) EXPECT_EQ(table[i].value, static_cast<TypeParam>(i)) << table[i].text;
}

TYPED_TEST(KindTable, EveryValueHasANameInChineseAndEnglish) {
  for (const auto& entry : kindTable<TypeParam>()) {
    const std::string_view zh = displayName(entry.value, "zh");
    const std::string_view en = displayName(entry.value, "en");
    EXPECT_FALSE(en.empty()) << entry.text;
    EXPECT_FALSE(zh.empty()) << entry.text;
    EXPECT_NE(zh, en) << entry.text << ": the zh name is not Chinese";
    EXPECT_NE(en, entry.text) << entry.text << ": the en name is the file word";
  }
}

TEST(Kinds, AllowedWordsAreListedInTableOrder) {
  EXPECT_EQ(kindWords<ExternalKind>(), "market, supplier, grid, port");
  EXPECT_EQ(kindWords<Severity>(), "info, warning, critical");
}

nlohmann::json bundledJson(const std::string& name) {
  std::ifstream in(std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/" + name + ".json");
  return nlohmann::json::parse(in);
}

TEST(Kinds, AnUnknownWordIsAProblemAtItsPathNamingTheAllowedWords) {
  nlohmann::json park = bundledJson("jiulong");
  park["buildings"][2]["kind"] = "castle";
  park["material_links"][0]["product"] = "gold";
  auto result = parsePark(park.dump(), "jiulong.json");
  ASSERT_FALSE(result);
  const std::string& message = result.error().message;
  EXPECT_NE(message.find("/buildings/2/kind: expected one of " + kindWords<BuildingKind>() + ", got \"castle\""),
            std::string::npos) << message;
  EXPECT_NE(message.find("/material_links/0/product: expected one of " + kindWords<Product>() + ", got \"gold\""),
            std::string::npos) << message;
}

class BundledPark : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledPark, ReadWriteReadWritesTheSameText) {
  const std::string path = std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/" + GetParam() + ".json";
  auto park = loadPark(path);
  ASSERT_TRUE(park) << park.error().message;
  const std::string written = serializePark(*park);
  auto again = parsePark(written, "saved.json");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, *park);
  EXPECT_EQ(serializePark(*again), written);
  // Every kind word of the file is written back as it was.
  const nlohmann::json file = bundledJson(GetParam()), saved = nlohmann::json::parse(written);
  const std::pair<const char*, const char*> wordFields[] = {
      {"zones", "kind"},  {"buildings", "kind"},         {"lines", "kind"},           {"lines", "product"},
      {"utilities", "kind"}, {"externals", "kind"},      {"tags", "kind"},            {"material_links", "product"},
      {"energy_links", "carrier"}, {"alarm_rules", "severity"}};
  for (const auto& [list, field] : wordFields) {
    ASSERT_EQ(file[list].size(), saved[list].size()) << list;
    for (std::size_t i = 0; i < file[list].size(); ++i) {
      EXPECT_EQ(file[list][i].value(field, ""), saved[list][i].value(field, "")) << list << "/" << i << "/" << field;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Bundled, BundledPark, ::testing::Values("beidu", "jiulong"));

}  // namespace

// What a person reads: the park file's decimals when given, none for states and flags, else
// one below 100 and none from 100 (worked out by hand for each case).
TEST(DisplayDecimals, FollowTheTagThenTheSizeOfTheValue) {
  Tag power;
  power.unit = "kW";
  EXPECT_EQ(displayDecimals(power, 99.94), 1);
  EXPECT_EQ(displayDecimals(power, 100.0), 0);
  EXPECT_EQ(displayDecimals(power, -250.0), 0);
  Tag meter = power;
  meter.decimals = 2;  // the file's own resolution wins at any size
  EXPECT_EQ(displayDecimals(meter, 123550.5), 2);
  Tag flag;
  flag.kind = TagKind::boolean;
  EXPECT_EQ(displayDecimals(flag, 1.0), 0);
  Tag state;
  state.kind = TagKind::state;
  EXPECT_EQ(displayDecimals(state, 3.0), 0);
}

}  // namespace parktwin::model
