// parktwin-cli simulate end to end: CSV output is reproducible and bad input exits 2.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parktwin/model/park_file.hpp"

namespace {

const std::string cli = PARKTWIN_CLI;

int run(const std::string& args) {
  const int status = std::system((cli + " " + args + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(SimulateCommand, WritesTheSameCsvForTheSameSeed) {
  const auto dir = std::filesystem::temp_directory_path() / ("parktwin-sim-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string common = "simulate --park jiulong --from 2026-06-01T00:00:00Z --duration 6h --step 10s --seed 3 ";
  ASSERT_EQ(run(common + "--csv " + (dir / "a.csv").string() + " --events " + (dir / "a-events.csv").string()), 0);
  ASSERT_EQ(run(common + "--csv " + (dir / "b.csv").string() + " --events " + (dir / "b-events.csv").string()), 0);
  const std::string a = slurp(dir / "a.csv");
  EXPECT_EQ(a.substr(0, 13), "ts,tag,value\n");
  // 6 h at 10 s: 2160 steps of every tag of the park, plus the header.
  const auto park = parktwin::model::loadPark(std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/jiulong.json");
  ASSERT_TRUE(park);
  EXPECT_EQ(std::count(a.begin(), a.end(), '\n'), 1 + 2160 * static_cast<long>(park->tags.size()));
  EXPECT_TRUE(a == slurp(dir / "b.csv"));
  EXPECT_TRUE(slurp(dir / "a-events.csv") == slurp(dir / "b-events.csv"));
  std::filesystem::remove_all(dir);
}

// --from without a zone is the park's civil time, as every time typed for a park
// (model::parkInstantMs); epoch seconds are seconds. Jiulong is Asia/Shanghai (UTC+8):
// 2026-06-01 08:00 there is 2026-06-01T00:00:00Z = 1780272000 s
// (`date -u -d "2026-06-01 08:00 +0800" +%s`).
TEST(SimulateCommand, FromWithoutAZoneIsTheParksCivilTime) {
  const auto dir = std::filesystem::temp_directory_path() / ("parktwin-sim-from-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (const std::string from : {"\"2026-06-01 08:00\"", "2026-06-01T08:00:00", "2026-06-01T00:00:00Z", "1780272000",
                                 "1780272000000"}) {
    const auto csv = dir / "from.csv";
    ASSERT_EQ(run("simulate --park jiulong --from " + from + " --duration 1m --step 1m --csv " + csv.string()), 0) << from;
    const std::string text = slurp(csv);
    const auto firstRow = text.find('\n') + 1;
    EXPECT_EQ(text.substr(firstRow, 20), "2026-06-01T00:01:00.") << from;  // the first sample: one step in
  }
  std::filesystem::remove_all(dir);
}

// A planned plant is not running yet: Beidu's planned recycling plant's line publishes nothing.
TEST(SimulateCommand, LeavesOutTheLinesOfPlannedBuildings) {
  const auto dir = std::filesystem::temp_directory_path() / ("parktwin-sim-planned-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  ASSERT_EQ(run("simulate --park beidu --from 2026-06-01T00:00:00Z --duration 10m --csv " + (dir / "b.csv").string()), 0);
  const auto park = parktwin::model::loadPark(std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/beidu.json");
  ASSERT_TRUE(park.has_value());
  const std::string csv = slurp(dir / "b.csv");
  int plannedTags = 0;
  for (const auto& line : park->lines) {
    const auto* building = park->findBuilding(line.building);
    if (!building || !building->planned) continue;
    for (const auto& tag : park->tags) {
      if (tag.object != line.id) continue;
      ++plannedTags;
      EXPECT_EQ(csv.find("," + tag.id + ","), std::string::npos) << tag.id << " of a line in planned " << building->id;
    }
  }
  EXPECT_GT(plannedTags, 0) << "Beidu's park file has a planned plant with a tagged line";
  EXPECT_NE(csv.find(",potline-1.current,"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// A user's park with a tag the simulator has no quantity for (a hall's temperature): the run is
// refused (exit 2) unless --skip-unknown-tags, which leaves out that tag only. Oracle: the park
// file's other tags, each in the CSV at every step.
TEST(SimulateCommand, SkipsUnknownTagsOnlyWhenAsked) {
  const auto dir = std::filesystem::temp_directory_path() / ("parktwin-sim-skip-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto park = parktwin::model::loadPark(std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/jiulong.json");
  ASSERT_TRUE(park);
  parktwin::model::Tag temperature = park->tags.front();
  temperature.id = "hall.temperature";
  temperature.unit = "degC";
  temperature.object = park->buildings.front().id;
  park->tags.push_back(temperature);
  ASSERT_TRUE(parktwin::model::savePark(*park, dir / "own.park.json"));
  const std::string common = "simulate --park " + (dir / "own.park.json").string() + " --from 2026-06-01T00:00:00Z --duration 10m --step 1m ";
  EXPECT_EQ(run(common + "--csv " + (dir / "refused.csv").string()), 2);
  ASSERT_EQ(run(common + "--skip-unknown-tags --csv " + (dir / "own.csv").string()), 0);
  const std::string csv = slurp(dir / "own.csv");
  EXPECT_EQ(csv.find(",hall.temperature,"), std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 10 * static_cast<long>(park->tags.size() - 1));
  std::filesystem::remove_all(dir);
}

TEST(SimulateCommand, RejectsBadInputWithExitCode2) {
  EXPECT_EQ(run("simulate --park jiulong --duration soon --csv /dev/null"), 2);
  EXPECT_EQ(run("simulate --park jiulong --duration 1h"), 2);                 // no destination
  EXPECT_EQ(run("simulate --park nowhere --duration 1h --csv /dev/null"), 2);  // no such park
  EXPECT_EQ(run("simulate --park jiulong --duration 1h --from never --csv /dev/null"), 2);
}

}  // namespace
