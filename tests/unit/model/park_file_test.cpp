// Loader tests: a minimal valid park, then one defect at a time; each error must name the
// file, the JSON path and what was expected, and no park may come back.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "minimal_park.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/tag_label.hpp"

using nlohmann::json;
using parktwin::model::test_parks::minimalPark;
using parktwin::model::parsePark;
using parktwin::model::serializePark;

namespace {

// Parses `park` and returns the error text; fails the test if the park loaded.
std::string errorOf(const json& park) {
  auto result = parsePark(park.dump(), "test.json");
  EXPECT_FALSE(result.has_value()) << "a defective park loaded";
  return result ? std::string() : result.error().message;
}

TEST(ParkFile, TimeZoneDefaultsToChinaStandardTimeAndReadsBack) {
  auto fallback = parsePark(minimalPark().dump(), "test.json");
  ASSERT_TRUE(fallback.has_value()) << fallback.error().message;
  EXPECT_EQ(fallback->time_zone, "Asia/Shanghai");
  json berlin = minimalPark();
  berlin["time_zone"] = "Europe/Berlin";
  auto park = parsePark(berlin.dump(), "test.json");
  ASSERT_TRUE(park.has_value()) << park.error().message;
  auto again = parsePark(serializePark(*park), "saved.json");
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_EQ(again->time_zone, "Europe/Berlin");
}

TEST(ParkFile, MinimalParkLoadsWithEveryField) {
  auto park = parsePark(minimalPark().dump(), "test.json");
  ASSERT_TRUE(park.has_value()) << park.error().message;
  EXPECT_EQ(park->name.zh, "小园区");
  ASSERT_EQ(park->buildings.size(), 2u);
  EXPECT_DOUBLE_EQ(park->buildings[0].roof_pv_kwp, 500);
  ASSERT_EQ(park->lines.size(), 1u);
  EXPECT_EQ(park->lines[0].machines[0].rows, 2);
  EXPECT_EQ(park->alarm_rules[0].above, 900);
  EXPECT_FALSE(park->alarm_rules[0].below.has_value());
}

// QA: a rooftop PV utility with "building" set still needed a "position" ("/utilities/1/position:
// missing; expected an object"), and the bundled parks repeated a dummy one. A housed utility
// stands where its building stands: the hall's centre in the file, (50, 50). Saving writes no
// position back for it; a utility standing on its own still needs one.
TEST(ParkFile, AUtilityHousedInABuildingTakesItsPositionAndSavesNone) {
  json file = minimalPark();
  file["utilities"].push_back(json::parse(R"({"id": "roof-pv", "name": {"zh": "屋顶光伏", "en": "Rooftop PV"},
                                               "kind": "pv", "building": "hall", "power_kw": 500})"));
  auto park = parsePark(file.dump(), "test.json");
  ASSERT_TRUE(park.has_value()) << park.error().message;
  ASSERT_EQ(park->utilities.size(), 2u);
  EXPECT_DOUBLE_EQ(park->utilities[1].position.x_m, 50);
  EXPECT_DOUBLE_EQ(park->utilities[1].position.y_m, 50);

  const json saved = json::parse(serializePark(*park));
  EXPECT_FALSE(saved["utilities"][1].contains("position")) << saved["utilities"][1].dump();
  EXPECT_EQ(saved["utilities"][0]["position"], json::parse(R"({"x_m": -20, "y_m": 0})"));
  auto again = parsePark(saved.dump(), "saved.json");
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_EQ(again->utilities, park->utilities);

  json alone = minimalPark();
  alone["utilities"][0].erase("position");
  EXPECT_NE(errorOf(alone).find("/utilities/0/position: missing; expected an object"), std::string::npos) << errorOf(alone);
}

struct Defect {
  const char* name;
  const char* pointer;  // where to change the minimal park
  json value;           // new value; null with remove=true deletes the key
  bool remove;
  const char* expected;  // the exact "path: message" line
};

void PrintTo(const Defect& d, std::ostream* os) { *os << d.name; }

class ParkFileDefect : public ::testing::TestWithParam<Defect> {};

TEST_P(ParkFileDefect, IsReportedWithPathAndExpectation) {
  const Defect& d = GetParam();
  json park = minimalPark();
  const json::json_pointer at(d.pointer);
  if (d.remove) {
    json& parent = park.at(at.parent_pointer());
    if (parent.is_array()) parent.erase(std::stoul(at.back()));
    else parent.erase(at.back());
  } else {
    park[at] = d.value;
  }
  const std::string error = errorOf(park);
  EXPECT_NE(error.find(std::string("test.json: ") + d.expected), std::string::npos)
      << "expected: " << d.expected << "\nactual:   " << error;
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, ParkFileDefect,
    ::testing::Values(
        Defect{"HeightNotANumber", "/buildings/1/height_m", "tall", false,
               "/buildings/1/height_m: expected a positive number, got \"tall\""},
        Defect{"NegativeWidth", "/buildings/0/width_m", -5, false,
               "/buildings/0/width_m: expected a positive number, got -5"},
        Defect{"MissingName", "/buildings/0/name", nullptr, true, "/buildings/0/name: missing; expected an object"},
        Defect{"UnknownKey", "/buildings/0/colour", "red", false, "/buildings/0/colour: unknown key"},
        Defect{"UnknownTopLevelKey", "/owner", "me", false, "/owner: unknown key"},
        Defect{"DanglingEnterprise", "/buildings/0/enterprise", "nobody", false,
               "/buildings/0/enterprise: refers to enterprise \"nobody\", which does not exist"},
        Defect{"DanglingLinkEnd", "/material_links/0/to", "ghost", false,
               "/material_links/0/to: refers to object \"ghost\", which does not exist"},
        Defect{"DuplicateId", "/buildings/1/id", "hall", false,
               "/buildings/1/id: duplicate id \"hall\" (first used at /buildings/0/id)"},
        Defect{"DuplicateIdAcrossSections", "/utilities/0/id", "cast", false,
               "/utilities/0/id: duplicate id \"cast\" (first used at /lines/0/id)"},
        Defect{"UnknownKind", "/lines/0/kind", "teleporter", false, "/lines/0/kind: expected one of potline"},
        Defect{"LatitudeOutOfRange", "/latitude_deg", 120, false,
               "/latitude_deg: expected a number between -90.0 and 90.0, got 120"},
        Defect{"CountNotInteger", "/lines/0/machines/0/count", 2.5, false,
               "/lines/0/machines/0/count: expected an integer between 1 and 100000, got 2.5"},
        Defect{"TagDecimalsOutOfRange", "/tags/0/decimals", 12, false,
               "/tags/0/decimals: expected an integer between 0 and 9, got 12"},
        Defect{"MoreRowsThanMachines", "/lines/0/machines/0/rows", 9, false,
               "/lines/0/machines/0/rows: expected at most count (6) rows, got 9"},
        Defect{"MachinesDoNotFit", "/lines/0/machines/0/pitch_x_m", 40, false,
               "/lines/0/machines/0: expected the machine grid (85 m x 17 m at offset 0, 0) to fit inside building \"hall\" (60 m x 30 m)"},
        Defect{"AlarmWithoutThreshold", "/alarm_rules/0/above", nullptr, true,
               "/alarm_rules/0: expected \"above\" or \"below\" (or both)"},
        Defect{"BadIdentifier", "/tags/0/id", "Cast Power!", false,
               "/tags/0/id: expected an identifier of lower-case letters, digits, '_', '-' or '.', got \"Cast Power!\""},
        Defect{"ZoneWithTwoPoints", "/zones/0/outline/2", nullptr, true, "/zones/0/outline: expected at least 3 points, got 2"},
        Defect{"EmptyEnglishName", "/enterprises/0/name/en", "", false, "/enterprises/0/name/en: expected a non-empty name"},
        Defect{"EnergyLossOutOfRange", "/energy_links/0/loss_pct", 60, false,
               "/energy_links/0/loss_pct: expected a number between 0.0 and 50.0, got 60"},
        Defect{"LinkToItself", "/energy_links/0/to", "grid", false, "/energy_links/0/to: expected a different node than \"from\""},
        Defect{"WrongFormat", "/format", "parktwin-park/9", false, "/format: expected \"parktwin-park/1\", got \"parktwin-park/9\""},
        Defect{"BuildingsNotArray", "/buildings", json::object(), false, "/buildings: expected an array, got an object"},
        Defect{"LossOver100", "/material_links/0/loss_pct", 130, false,
               "/material_links/0/loss_pct: expected a number between 0.0 and 100.0, got 130"},
        Defect{"TagOnUnknownObject", "/tags/0/object", "nowhere", false,
               "/tags/0/object: refers to object \"nowhere\", which does not exist"},
        Defect{"UnknownTimeZone", "/time_zone", "Mars/Olympus_Mons", false,
               "/time_zone: time zone \"Mars/Olympus_Mons\": no such zone in /usr/share/zoneinfo"},
        Defect{"TimeZoneAsOffset", "/time_zone", "+08:00", false,
               "/time_zone: time zone \"+08:00\": expected an IANA name such as \"Asia/Shanghai\""}),
    [](const ::testing::TestParamInfo<Defect>& p) { return p.param.name; });

TEST(ParkFile, ReportsEveryProblemNotJustTheFirst) {
  json park = minimalPark();
  park["buildings"][0]["height_m"] = "tall";
  park["lines"][0]["cycle_time_s"] = -1;
  const std::string error = errorOf(park);
  EXPECT_NE(error.find("/buildings/0/height_m"), std::string::npos) << error;
  EXPECT_NE(error.find("/lines/0/cycle_time_s"), std::string::npos) << error;
}

TEST(ParkFile, ProblemsAreListedInTheOrderOfTheirPathsWhicheverPassFoundThem) {
  json park = minimalPark();
  for (int i = 2; i <= 10; ++i) {
    json copy = park["buildings"][1];
    copy["id"] = "store" + std::to_string(i);
    park["buildings"].push_back(copy);
  }
  park["buildings"][10]["colour"] = "red";   // found reading the shape
  park["buildings"][2]["rotation_deg"] = 400;  // found checking the rules, after the shape
  park["buildings"][9]["height_m"] = "tall";   // the shape again
  const std::string error = errorOf(park);
  const auto at = [&](const std::string& path) { return error.find(path + ":"); };
  ASSERT_NE(at("/buildings/2/rotation_deg"), std::string::npos) << error;
  ASSERT_NE(at("/buildings/9/height_m"), std::string::npos) << error;
  ASSERT_NE(at("/buildings/10/colour"), std::string::npos) << error;
  EXPECT_LT(at("/buildings/2/rotation_deg"), at("/buildings/9/height_m")) << error;
  EXPECT_LT(at("/buildings/9/height_m"), at("/buildings/10/colour")) << error;  // 9 before 10, as numbers
}

TEST(ParkFile, InvalidJsonNamesTheFileLineAndColumnInOneLine) {
  auto result = parsePark("{\"id\": \"x\",, }", "broken.json");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "broken.json: not valid JSON at line 1, column 12: unexpected ','");
}

TEST(ParkFile, InvalidJsonOnALaterLineCountsLines) {
  auto result = parsePark("{\n  \"id\": \"x\",\n  \"name\": tall\n}", "broken.json");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "broken.json: not valid JSON at line 3, column 11: unexpected 'tall'");
}

TEST(ParkFile, TextThatEndsEarlySaysSo) {
  auto result = parsePark("{\"id\": ", "cut.json");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "cut.json: not valid JSON at line 1, column 8: the text ends before the JSON does");
}

TEST(ParkFile, APictureIsNotJson) {
  auto result = parsePark("\x89PNG\r\n", "photo.json");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "photo.json: not valid JSON at line 1, column 1: unexpected byte 0x89");
}

TEST(ParkFile, AnEmptyFileSaysItIsEmpty) {
  auto result = parsePark(" \n", "empty.json");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "empty.json: the file is empty; expected JSON");
}

// QA: a Chinese window and `check --lang zh` said these in English. Each refusal of the JSON
// library, in Chinese.
TEST(ParkFile, TextThatIsNotJsonIsSaidInChinese) {
  const auto zh = [](const std::string& text, const std::string& source) {
    auto result = parsePark(text, source, "zh");
    return result ? std::string("(loaded)") : result.error().message;
  };
  EXPECT_EQ(zh("{\"id\": \"x\",, }", "broken.json"), "broken.json: 不是有效的 JSON：第 1 行第 12 列出现意外的“,”");
  EXPECT_EQ(zh("{\n  \"id\": \"x\",\n  \"name\": tall\n}", "broken.json"),
            "broken.json: 不是有效的 JSON：第 3 行第 11 列出现意外的“tall”");
  EXPECT_EQ(zh("{\"id\": ", "cut.json"), "cut.json: 不是有效的 JSON：文本在第 1 行第 8 列就结束了，JSON 尚未完整");
  EXPECT_EQ(zh("\x89PNG\r\n", "photo.json"), "photo.json: 不是有效的 JSON：第 1 行第 1 列出现意外的字节 0x89");
  EXPECT_EQ(zh(" \n", "empty.json"), "empty.json: 文件为空；应为 JSON");
  EXPECT_EQ(zh(R"({"latitude_deg": 1e400})", "overflow.json"),
            "overflow.json: 不是有效的 JSON：有数字超出双精度浮点数的范围（数值溢出）");
}

// QA: a Chinese input method types "：" after a key, "，" between items and "“”" around text; the
// refusal named a byte ("unexpected byte 0xef"). Oracle: the columns counted here by hand (bytes).
TEST(ParkFile, FullWidthPunctuationOfAChineseInputMethodIsNamedWithWhatJsonNeeds) {
  const auto said = [](const std::string& text, const std::string& language) {
    auto result = parsePark(text, "ime.json", language);
    return result ? std::string("(loaded)") : result.error().message;
  };
  EXPECT_EQ(said("{\"id\"：\"x\"}", "zh"), "ime.json: 不是有效的 JSON：第 1 行第 6 列是全角的“：”（中文输入法输入），JSON 在此需要半角的“:”");
  EXPECT_EQ(said("{\"id\"：\"x\"}", "en"),
            "ime.json: not valid JSON at line 1, column 6: a full-width \"：\" (typed with a Chinese input method) where JSON "
            "needs \":\"");
  EXPECT_EQ(said("{\"id\": \"x\"，\"name\": 1}", "zh"),
            "ime.json: 不是有效的 JSON：第 1 行第 11 列是全角的“，”（中文输入法输入），JSON 在此需要半角的“,”");
  EXPECT_EQ(said("{\"id\": “x”}", "zh"), "ime.json: 不是有效的 JSON：第 1 行第 8 列是全角的““”（中文输入法输入），JSON 在此需要半角的“\"”");
}

// QA: "hieght_m" got "unknown key" beside "height_m: missing", with no word that one is the other.
// The suggestion comes from the keys the reader knows that are absent here.
TEST(ParkFile, AMistypedKeySaysWhichKeyWasMeant) {
  json park = minimalPark();
  park["buildings"][0].erase("height_m");
  park["buildings"][0]["hieght_m"] = 12;
  park["buildings"][0]["colour"] = "red";  // no key of a building is near: no suggestion
  const std::string error = errorOf(park);
  EXPECT_NE(error.find("test.json: /buildings/0/hieght_m: unknown key; did you mean \"height_m\"?"), std::string::npos) << error;
  EXPECT_NE(error.find("test.json: /buildings/0/colour: unknown key\n"), std::string::npos) << error;
  auto zh = parsePark(park.dump(), "test.json", "zh");
  ASSERT_FALSE(zh);
  EXPECT_NE(zh.error().message.find("test.json: /buildings/0/hieght_m: 未知的键；是否应为“height_m”？"), std::string::npos)
      << zh.error().message;
}

TEST(ParkFile, ANumberBeyondADoubleIsSaidInEnglish) {
  auto result = parsePark(R"({"latitude_deg": 1e400})", "overflow.json");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "overflow.json: not valid JSON: a number beyond the range of a double (number overflow)");
}

// QA: "count": 1e9 (a float in JSON) said "expected an integer" without the range, and then
// "rows: expected at most count (1) rows" of a count the file does not have.
TEST(ParkFile, AMachineCountOf1e9NamesItsPathAndRangeOnce) {
  std::string text = minimalPark().dump();
  const std::string count = "\"count\":6";
  ASSERT_NE(text.find(count), std::string::npos);
  text.replace(text.find(count), count.size(), "\"count\":1e9");
  auto en = parsePark(text, "big.json");
  ASSERT_FALSE(en);
  EXPECT_EQ(en.error().message, "big.json: /lines/0/machines/0/count: expected an integer between 1 and 100000, got 1000000000.0");
  auto zh = parsePark(text, "big.json", "zh");
  ASSERT_FALSE(zh);
  EXPECT_EQ(zh.error().message, "big.json: /lines/0/machines/0/count: 应为介于 1 到 100000 之间的整数，实际为 1000000000.0");
}

TEST(ParkFile, AMachineCountBeyondItsRangeNamesIt) {
  json park = minimalPark();
  park["lines"][0]["machines"][0]["count"] = 1000000000;
  auto zh = parsePark(park.dump(), "big.json", "zh");
  ASSERT_FALSE(zh);
  EXPECT_EQ(zh.error().message, "big.json: /lines/0/machines/0/count: 应为介于 1 到 100000 之间的整数，实际为 1000000000");
}

TEST(ParkFile, AFolderSaysItIsADirectory) {
  auto result = parktwin::model::loadPark(std::filesystem::temp_directory_path());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, std::filesystem::temp_directory_path().string() + ": is a directory, not a park file");
}

TEST(ParkFile, MissingFileIsAnError) {
  auto result = parktwin::model::loadPark("/nonexistent/park.json");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "/nonexistent/park.json: cannot open the park file: there is no such file");
}

// QA: "cannot open the park file" was English under --lang zh and in a Chinese window.
TEST(ParkFile, AFileThatCannotBeReadIsSaidInChinese) {
  auto missing = parktwin::model::loadPark("/nonexistent/park.json", "zh");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "/nonexistent/park.json: 无法打开园区文件：没有这个文件");
  auto folder = parktwin::model::loadPark(std::filesystem::temp_directory_path(), "zh");
  ASSERT_FALSE(folder);
  EXPECT_EQ(folder.error().message, std::filesystem::temp_directory_path().string() + ": 是文件夹，不是园区文件");
}

TEST(ParkFile, SaveThenLoadGivesTheSamePark) {
  auto park = parsePark(minimalPark().dump(), "test.json");
  ASSERT_TRUE(park);
  const auto file = std::filesystem::temp_directory_path() / "parktwin_roundtrip_test.json";
  ASSERT_TRUE(parktwin::model::savePark(*park, file));
  auto again = parktwin::model::loadPark(file);
  std::filesystem::remove(file);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, *park);
}

}  // namespace

TEST(DisplayUnit, AsciiUnitsReadAsPeopleWriteThem) {
  using parktwin::model::displayUnit;
  EXPECT_EQ(displayUnit("degC"), "°C");
  EXPECT_EQ(displayUnit("m3/h"), "m³/h");
  EXPECT_EQ(displayUnit("kWh/t"), "kWh/t");
  EXPECT_EQ(displayUnit(""), "");
}

// The names a list of live values shows for a tag (QA: raw ids such as "b3.hall_temp"). The
// oracle: the names written in the park file below, in both languages.
TEST(TagLabel, ObjectNameThenTagNameFromTheParkFile) {
  using parktwin::model::tagLabel;
  json file = minimalPark();
  file["tags"].push_back({{"id", "cast.current"}, {"name", {{"zh", "铸造线电流"}, {"en", "Casting current"}}},
                          {"unit", "A"}, {"kind", "analog"}, {"object", "cast"}});
  auto park = parsePark(file.dump(), "test.json");
  ASSERT_TRUE(park) << park.error().message;
  const auto& power = *park->findTag("cast.power");
  EXPECT_EQ(tagLabel(*park, power, "en"), "Casting · Power");
  EXPECT_EQ(tagLabel(*park, power, "zh"), "铸造线 · 功率");
  // The tag's own name already says the object's: not twice.
  const auto& current = *park->findTag("cast.current");
  EXPECT_EQ(tagLabel(*park, current, "en"), "Casting current");
  EXPECT_EQ(tagLabel(*park, current, "zh"), "铸造线电流");
}

// Any id of the park as a desk's banner names it (QA pass 4: `building-2.temp`, `building-2`).
// The oracle: the names written in the minimal park's file, in both languages.
TEST(ItemName, EveryKindOfIdByTheNamesInTheParkFile) {
  using parktwin::model::itemName;
  json file = minimalPark();
  file["roads"] = json::array({{{"id", "r1"}, {"name", {{"zh", "一路"}, {"en", "First road"}}}, {"width_m", 8},
                                {"path", {{{"x_m", 0}, {"y_m", -10}}, {{"x_m", 100}, {"y_m", -10}}}}}});
  auto park = parsePark(file.dump(), "test.json");
  ASSERT_TRUE(park) << park.error().message;
  EXPECT_EQ(itemName(*park, "store", "zh"), "仓库");
  EXPECT_EQ(itemName(*park, "cells", "en"), "Cells");
  EXPECT_EQ(itemName(*park, "z1", "en"), "Zone");
  EXPECT_EQ(itemName(*park, "cast.power", "zh"), "铸造线 · 功率");
  EXPECT_EQ(itemName(*park, "r1", "en"), "First road");
  EXPECT_EQ(itemName(*park, "m1", "en"), "Casting → Store");
  EXPECT_EQ(itemName(*park, "e1", "zh"), "电网 → 车间");
  EXPECT_EQ(itemName(*park, "a1", "en"), "Casting · Power");
  EXPECT_EQ(itemName(*park, "not-in-the-park", "en"), "not-in-the-park");
}

// A tag left without a name (an edit under way) reads as its kind and unit, never as nothing.
TEST(TagLabel, NoNameReadsAsKindAndUnit) {
  using parktwin::model::tagLabel;
  auto park = parsePark(minimalPark().dump(), "test.json");
  ASSERT_TRUE(park) << park.error().message;
  parktwin::model::Tag temperature = *park->findTag("cast.power");
  temperature.name = {};
  temperature.unit = "degC";
  EXPECT_EQ(tagLabel(*park, temperature, "en"), "Casting · Analog value (°C)");
  EXPECT_EQ(tagLabel(*park, temperature, "zh"), "铸造线 · 模拟量（°C）");
  temperature.object = "not-in-the-park";
  EXPECT_EQ(tagLabel(*park, temperature, "en"), "Analog value (°C)");
}
