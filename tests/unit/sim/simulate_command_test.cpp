// parktwin-cli simulate end to end: CSV output is reproducible and bad input exits 2.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdint>
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

// FNV-1a 64 of a file's bytes (the digests below were taken the same way, in Python).
std::uint64_t fnv1a(const std::string& bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// The simulator's output is that of an earlier, independent build: 3 days of both bundled parks
// at 1 min, seed 7, every value (shortest round-trip text) and event, byte for byte what
// main at b45da99d wrote (its parktwin-cli simulate, before the step loop skipped unchanged
// inputs and read each kind of tag in a loop of its own). A change to the model or to a bundled
// park changes these digests on purpose: record the new ones from that build's CSV then.
TEST(SimulateCommand, WritesWhatTheReferenceBuildWrote) {
  const auto dir = std::filesystem::temp_directory_path() / ("parktwin-sim-ref-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  struct Expected {
    const char* park;
    std::uint64_t samples, events;
  };
  for (const Expected& e : {Expected{"beidu", 0x0bb2b7fc3db8104cULL, 0x77ed17e7eaf96e90ULL},
                            Expected{"jiulong", 0xcdb18cf48d85a7bcULL, 0xaa3e7d1ca502e0caULL}}) {
    const auto csv = dir / (std::string(e.park) + ".csv"), events = dir / (std::string(e.park) + "-events.csv");
    ASSERT_EQ(run("simulate --park " + std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/" + e.park +
                  ".json --from 2026-03-01T00:00:00Z --duration 3d --step 1m --seed 7 --csv " + csv.string() +
                  " --events " + events.string()),
              0);
    EXPECT_EQ(fnv1a(slurp(csv)), e.samples) << e.park << ": samples";
    EXPECT_EQ(fnv1a(slurp(events)), e.events) << e.park << ": events";
  }
  std::filesystem::remove_all(dir);
}

TEST(SimulateCommand, RejectsBadInputWithExitCode2) {
  EXPECT_EQ(run("simulate --park jiulong --duration soon --csv /dev/null"), 2);
  EXPECT_EQ(run("simulate --park jiulong --duration 1h"), 2);                 // no destination
  EXPECT_EQ(run("simulate --park nowhere --duration 1h --csv /dev/null"), 2);  // no such park
  EXPECT_EQ(run("simulate --park jiulong --duration 1h --from never --csv /dev/null"), 2);
}

}  // namespace
