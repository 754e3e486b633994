// One rule turns a park or scenario argument into a file: a bundled name through the data
// folder, anything else a path; a name that is nothing says which names exist.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "parktwin/model/bundled_data.hpp"

namespace parktwin::model {
namespace {

namespace fs = std::filesystem;

// A data folder laid out like an install: parks/beidu.json, parks/jiulong.json, scenarios/.
class BundledData : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("parktwin-bundled-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(data() / "parks");
    fs::create_directories(data() / "scenarios");
    fs::create_directories(work());
    for (const char* name : {"beidu", "jiulong"}) std::ofstream(data() / "parks" / (std::string(name) + ".json")) << "{}";
    std::ofstream(data() / "scenarios" / "heat-wave.json") << "{}";
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path data() const { return root_ / "share" / "parktwin"; }
  fs::path work() const { return root_ / "work"; }
  fs::path root_;
};

TEST(BundledDataFolder, IsTheShareFolderBesideTheProgramsFolder) {
  EXPECT_EQ(bundledDataFolder("/usr/bin/parktwin-cli"), fs::path("/usr/share/parktwin"));
  EXPECT_EQ(bundledDataFolder("/home/me/build/dev/bin/parktwin"), fs::path("/home/me/build/dev/share/parktwin"));
}

TEST(LooksLikeBundledName, OnlyAWordWithoutFolderOrJsonEnding) {
  EXPECT_TRUE(looksLikeBundledName("beidu"));
  EXPECT_FALSE(looksLikeBundledName("beidu.json"));
  EXPECT_FALSE(looksLikeBundledName("./beidu"));
  EXPECT_FALSE(looksLikeBundledName("../parks/beidu.json"));
  EXPECT_FALSE(looksLikeBundledName(""));
}

TEST_F(BundledData, ANameIsTheBundledParkOfThatName) {
  auto file = resolvePark("jiulong", data(), work());
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(*file, data() / "parks" / "jiulong.json");
}

TEST_F(BundledData, APathIsReadRelativeToTheGivenFolderEvenIfItDoesNotExist) {
  auto file = resolvePark("../parks/beidu.json", data(), work() / "scenarios");
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(*file, work() / "parks" / "beidu.json");  // the loader says it cannot open it
  EXPECT_EQ(*resolvePark("/abs/park.json", data(), work()), fs::path("/abs/park.json"));
}

TEST_F(BundledData, ANameThatIsNoBundledParkButALocalFileOrFolderIsThatFile) {
  fs::create_directories(work() / "somedir");
  auto file = resolvePark("somedir", data(), work());
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(*file, work() / "somedir");  // the loader then says it is a directory
}

TEST_F(BundledData, ANameThatIsNothingListsTheBundledParks) {
  auto file = resolvePark("nosuchpark", data(), work());
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().message,
            "no park named \"nosuchpark\": bundled parks are beidu, jiulong; or give a park file's path");
}

// QA: `parktwin --lang zh --park nosuch` answered in English.
TEST_F(BundledData, ANameThatIsNothingIsSaidInChinese) {
  auto park = resolvePark("nosuchpark", data(), work(), "zh");
  ASSERT_FALSE(park);
  EXPECT_EQ(park.error().message, "没有名为“nosuchpark”的园区：内置园区有 beidu、jiulong；也可给出园区文件的路径");
  auto scenario = resolveBundledOrPath("heatwave", BundledKind::scenario, data(), work(), "zh");
  ASSERT_FALSE(scenario);
  EXPECT_EQ(scenario.error().message, "没有名为“heatwave”的情景：内置情景有 heat-wave；也可给出情景文件的路径");
}

TEST_F(BundledData, ScenariosResolveTheSameWay) {
  EXPECT_EQ(*resolveBundledOrPath("heat-wave", BundledKind::scenario, data()), data() / "scenarios" / "heat-wave.json");
  auto missing = resolveBundledOrPath("heatwave", BundledKind::scenario, data(), work());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "no scenario named \"heatwave\": bundled scenarios are heat-wave; or give a scenario file's path");
}

TEST_F(BundledData, WithNoDataInstalledTheMessageSaysWhereItLooked) {
  auto file = resolvePark("beidu", root_ / "nowhere", work());
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().message, "no park named \"beidu\": no bundled parks are installed in " +
                                      (root_ / "nowhere" / "parks").string() + "; or give a park file's path");
}

}  // namespace
}  // namespace parktwin::model
