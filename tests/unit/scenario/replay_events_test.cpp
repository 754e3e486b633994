// The events a scenario run stores for replay, read back as the window reads them: ladles travel
// along their material links (the park file's own coordinates are the oracle), and failures are
// marked on the timeline whether the scenario runner or parktwin-cli simulate wrote them.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parktwin/model/park_file.hpp"
#include "parktwin/scenario/runner.hpp"
#include "parktwin/sim/event_codec.hpp"
#include "parktwin/sim/ladle_position.hpp"
#include "parktwin/store/historian.hpp"
#include "scenario_test_support.hpp"

namespace parktwin::scenario {
namespace {

using nlohmann::json;

const std::filesystem::path kParkFile = std::filesystem::path(PARKTWIN_SOURCE_DIR) / "assets" / "parks" / "beidu.json";

class ReplayEvents : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() / ("parktwin-replay-events-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    auto p = model::loadPark(kParkFile);
    ASSERT_TRUE(p.has_value()) << p.error().message;
    park_ = std::move(*p);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  // A day of Beidu with both potlines out for 8 h (so the day holds failures), stored for replay.
  std::string runScenarioIntoHistorian() {
    json j = test::minimalScenario("beidu");
    j["duration"] = "1d";
    j["changes"] = json::parse(R"([
      {"type": "outage", "target": "potline-1", "at": "2026-07-15T08:00:00+08:00", "duration": "8h"},
      {"type": "outage", "target": "potline-2", "at": "2026-07-15T08:00:00+08:00", "duration": "8h"}])");
    auto s = test::parse(j);
    EXPECT_TRUE(s.has_value()) << s.error().message;
    RunOptions options;
    options.historian_folder = (folder_ / "scenario").string();
    options.store_every_steps = 5;
    auto r = runScenario(*s, options);
    EXPECT_TRUE(r.has_value()) << r.error().message;
    return r ? r->changed.historian_file : std::string();
  }

  // The same park and day through parktwin-cli simulate --db.
  std::string simulateIntoHistorian() {
    const std::string db = (folder_ / "simulated.db").string();
    const std::string command = std::string(PARKTWIN_CLI) + " simulate --park " +
                                kParkFile.string() + " --from 2026-07-15T00:00:00+08:00 --duration 1d --step 1m" +
                                " --seed 5 --db " + db + " >/dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return db;
  }

  static std::vector<store::Event> eventsIn(const std::string& file, const store::EventFilter& filter = {}) {
    auto h = store::Historian::open(file, {.read_only = true});
    EXPECT_TRUE(h.has_value()) << file << ": " << (h ? "" : h.error().message);
    if (!h) return {};
    auto events = h->eventsBetween(0, std::numeric_limits<std::int64_t>::max(), filter);
    EXPECT_TRUE(events.has_value());
    return events ? *events : std::vector<store::Event>{};
  }

  // Where the park file puts a material link's end: a building's footprint centre, or for a
  // production line the centre of the building it stands in.
  std::optional<model::Point> endPosition(const std::string& id) const {
    for (const auto& b : park_.buildings) {
      if (b.id == id) return b.position;
    }
    for (const auto& l : park_.lines) {
      if (l.id == id) return endPosition(l.building);
    }
    return std::nullopt;
  }

  bool moltenLinkBetween(const std::string& from, const std::string& to) const {
    for (const auto& l : park_.material_links) {
      if (l.from == from && l.to == to && l.product == model::Product::molten_aluminium) return true;
    }
    return false;
  }

  // Every ladle trip in the file, decoded as the window decodes it, runs from one end of a
  // molten-metal link of the park file to the other; returns the trips by origin.
  std::map<std::string, int> expectLadlesAlongTheirLinks(const std::string& file) const {
    std::map<std::string, int> tripsFrom;
    for (const store::Event& stored : eventsIn(file)) {
      if (!sim::isLadleTrip(stored)) continue;
      auto trip = sim::decodeEvent(stored);
      EXPECT_TRUE(trip.has_value()) << trip.error().message;
      if (!trip) continue;
      EXPECT_TRUE(moltenLinkBetween(trip->from, trip->to)) << trip->from << " -> " << trip->to;
      const auto from = endPosition(trip->from), to = endPosition(trip->to);
      EXPECT_TRUE(from && to) << trip->from << " -> " << trip->to;
      if (!from || !to) continue;
      EXPECT_EQ(trip->from_position, *from) << trip->from;
      EXPECT_EQ(trip->to_position, *to) << trip->to;
      // Half way through the trip the ladle is half way along the link, not at the park's origin.
      const std::int64_t half_ms = (trip->end_ms - trip->start_ms) / 2;
      const auto mid = sim::ladlePositionAt(*trip, trip->start_ms + half_ms);
      EXPECT_TRUE(mid.has_value());
      if (!mid) continue;
      const double share = static_cast<double>(half_ms) / static_cast<double>(trip->end_ms - trip->start_ms);
      EXPECT_NEAR(mid->x_m, from->x_m + share * (to->x_m - from->x_m), 1e-9);
      EXPECT_NEAR(mid->y_m, from->y_m + share * (to->y_m - from->y_m), 1e-9);
      EXPECT_GT(std::hypot(mid->x_m, mid->y_m), 1.0) << trip->from << " -> " << trip->to;
      ++tripsFrom[trip->from];
    }
    return tripsFrom;
  }

  std::filesystem::path folder_;
  model::Park park_;
};

// Each potline taps 170,000 t a year, 19.4 t/h: a 10 t ladle about every 31 min, 46 a day, 30
// outside the 8 h outage. A scenario run leaves the casthouse's ladles to its hourly dispatch
// (docs/scenario-format.md), so its replay holds the potlines' only.
TEST_F(ReplayEvents, LadlesOfAScenarioReplayTravelAlongTheirLinks) {
  const auto tripsFrom = expectLadlesAlongTheirLinks(runScenarioIntoHistorian());
  EXPECT_GT(tripsFrom.count("potline-1") ? tripsFrom.at("potline-1") : 0, 20);
  EXPECT_GT(tripsFrom.count("potline-2") ? tripsFrom.at("potline-2") : 0, 20);
}

// parktwin-cli simulate keeps the casthouse's ladles to the processors too.
TEST_F(ReplayEvents, LadlesOfASimulatedDayTravelAlongTheirLinks) {
  const auto tripsFrom = expectLadlesAlongTheirLinks(simulateIntoHistorian());
  EXPECT_GT(tripsFrom.count("potline-1") ? tripsFrom.at("potline-1") : 0, 35);
  // About 330 a day (docs/simulator.md, "Events").
  EXPECT_GT(tripsFrom.count("casthouse") ? tripsFrom.at("casthouse") : 0, 100);
}

// What the historian's severity filter returns for the timeline is exactly the failures among
// the decoded events, and both writers store simulator events in the one encoding.
void expectTheTimelineMarksExactlyTheFailures(const std::string& file, const std::vector<store::Event>& all,
                                              const std::vector<store::Event>& marked) {
  std::vector<std::pair<std::int64_t, std::string>> failures, markers;
  int otherwiseEncoded = 0;
  std::string firstOtherwiseEncoded;
  for (const store::Event& stored : all) {
    if (!sim::isSimulatorEvent(stored)) continue;
    auto e = sim::decodeEvent(stored);
    ASSERT_TRUE(e.has_value()) << file << ": " << e.error().message;
    const store::Event canonical = sim::encodeEvent(*e);
    if (canonical.payload_json != stored.payload_json || canonical.message != stored.message) {
      if (otherwiseEncoded++ == 0) firstOtherwiseEncoded = stored.message + " " + stored.payload_json;
    }
    if (e->kind == sim::SimEventKind::state_change && e->to == "down") failures.emplace_back(e->start_ms, e->object);
  }
  EXPECT_EQ(otherwiseEncoded, 0) << file << ": not written by the codec, e.g. " << firstOtherwiseEncoded;
  for (const store::Event& stored : marked) markers.emplace_back(stored.ts_ms, stored.object);
  std::ranges::sort(failures);
  std::ranges::sort(markers);
  EXPECT_FALSE(failures.empty()) << file;
  EXPECT_EQ(markers, failures) << file;
}

TEST_F(ReplayEvents, FailuresFromTheScenarioRunnerAndTheSimulatorAreMarkedAlike) {
  const std::string scenarioFile = runScenarioIntoHistorian();
  const std::string simulatedFile = simulateIntoHistorian();
  for (const std::string& file : {scenarioFile, simulatedFile}) {
    const auto marked = eventsIn(file, sim::timelineMarkerFilter());
    expectTheTimelineMarksExactlyTheFailures(file, eventsIn(file), marked);
    for (const store::Event& e : marked) EXPECT_EQ(e.severity, sim::storedSeverity(model::Severity::critical));
  }
}

}  // namespace
}  // namespace parktwin::scenario
