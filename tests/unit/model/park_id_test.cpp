// Which park a tour or scenario pairs with: a bundled park by name, else the one park file of
// that id beside it; and whether a named park file is the one open. The files are written here
// by hand, so the id each holds is known without our reader.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "parktwin/model/park_id.hpp"

namespace parktwin::model {
namespace {

namespace fs = std::filesystem;

class ParkPairing : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("parktwin-park-id-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(data() / "parks");
    fs::create_directories(mine());
    writePark(data() / "parks" / "beidu.json", "beidu");
  }
  void TearDown() override { fs::remove_all(root_); }
  static void writePark(const fs::path& file, const std::string& id) {
    std::ofstream(file) << R"({"format": "parktwin-park/1", "id": ")" << id << R"(", "buildings": []})";
  }
  fs::path data() const { return root_ / "share"; }
  fs::path mine() const { return root_ / "mine"; }
  fs::path root_;
};

TEST_F(ParkPairing, ABundledNameIsTheBundledPark) {
  writePark(mine() / "copy.json", "beidu");  // a copy beside the tour does not shadow it
  const auto found = findParkById("beidu", mine(), data());
  EXPECT_EQ(found.park, "beidu");
  EXPECT_TRUE(found.candidates.empty());
}

TEST_F(ParkPairing, TheOneParkFileOfThatIdBesideTheTour) {
  writePark(mine() / "nanshan.json", "nanshan");
  writePark(mine() / "other.json", "other");
  std::ofstream(mine() / "tour.json") << R"({"format": "parktwin-tour/1", "park": "nanshan", "id": "nanshan"})";
  std::ofstream(mine() / "broken.json") << "{ not json";
  const auto found = findParkById("nanshan", mine(), data());
  EXPECT_EQ(found.park, (mine() / "nanshan.json").string());
  EXPECT_EQ(found.candidates, std::vector<fs::path>{mine() / "nanshan.json"});
}

TEST_F(ParkPairing, NoneOrSeveralLeaveTheChoiceToTheUser) {
  EXPECT_EQ(findParkById("nanshan", mine(), data()).park, "");
  writePark(mine() / "b.json", "nanshan");
  writePark(mine() / "a.json", "nanshan");
  const auto found = findParkById("nanshan", mine(), data());
  EXPECT_EQ(found.park, "");
  EXPECT_EQ(found.candidates, (std::vector<fs::path>{mine() / "a.json", mine() / "b.json"}));
}

TEST_F(ParkPairing, AParkFileIsTheOpenParkByPathOrById) {
  writePark(mine() / "nanshan.json", "nanshan");
  writePark(mine() / "copy.json", "nanshan");
  writePark(mine() / "other.json", "other");
  EXPECT_TRUE(isOpenPark(mine() / "." / "nanshan.json", mine() / "nanshan.json", "nanshan"));
  EXPECT_TRUE(isOpenPark(mine() / "copy.json", mine() / "nanshan.json", "nanshan"));
  EXPECT_FALSE(isOpenPark(mine() / "other.json", mine() / "nanshan.json", "nanshan"));
  EXPECT_FALSE(isOpenPark(mine() / "missing.json", mine() / "nanshan.json", "nanshan"));
  EXPECT_TRUE(isOpenPark(data() / "parks" / "beidu.json", "", "beidu")) << "a new park has no file yet";
}

// The tours of a park (QA F9: "no tour for this park" with the manager's tour beside the park file):
// a tour file of that park id beside the park, by name, then the bundled one; tours of other parks,
// park files and other JSON are not tours of it.
TEST_F(ParkPairing, ToursOfAParkBesideItsFileThenTheBundledOne) {
  const auto writeTour = [](const fs::path& file, const std::string& park) {
    std::ofstream(file) << R"({"format": "parktwin-tour/1", "park": ")" << park << R"(", "stops": []})";
  };
  fs::create_directories(data() / "tours");
  writeTour(data() / "tours" / "beidu.json", "beidu");
  writeTour(mine() / "yuxi-tour.json", "yuxi-elec");
  writeTour(mine() / "a-second.JSON", "yuxi-elec");
  writeTour(mine() / "beidu-tour.json", "beidu");
  writePark(mine() / "yuxi.park.json", "yuxi-elec");
  std::ofstream(mine() / "broken.json") << "{";
  EXPECT_EQ(findToursForPark("yuxi-elec", mine(), data()), (std::vector<fs::path>{mine() / "a-second.JSON", mine() / "yuxi-tour.json"}));
  EXPECT_EQ(findToursForPark("beidu", mine(), data()), (std::vector<fs::path>{mine() / "beidu-tour.json", data() / "tours" / "beidu.json"}));
  // A bundled park's own folder is no user's: its tour is listed once.
  EXPECT_EQ(findToursForPark("beidu", data() / "tours", data()), (std::vector<fs::path>{data() / "tours" / "beidu.json"}));
  EXPECT_TRUE(findToursForPark("nanshan", mine(), data()).empty());
  EXPECT_EQ(tourParkOfFile(mine() / "yuxi-tour.json"), "yuxi-elec");
  EXPECT_EQ(tourParkOfFile(mine() / "yuxi.park.json"), std::nullopt);
}

}  // namespace
}  // namespace parktwin::model
