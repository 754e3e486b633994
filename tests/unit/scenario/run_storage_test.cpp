// What a scenario run stores for replay, against the simulator run again here on the same
// prepared park: every stored series is the simulator's output with the steps that repeat the
// previous value left out (the first and last steps always kept), and a seek to any time gives
// every tag's simulated value at that time, through the file's snapshots.
#include <gtest/gtest.h>

#include <bit>
#include <cstdio>
#include <filesystem>
#include <map>

#include "parktwin/model/park_file.hpp"
#include "parktwin/scenario/runner.hpp"
#include "parktwin/sim/simulator.hpp"
#include "parktwin/store/historian.hpp"
#include "../store/sqlite_answer.hpp"
#include "prepared_park.hpp"
#include "scenario_test_support.hpp"

namespace parktwin::scenario {
namespace {

using store::test::sqliteAnswer;

// Every tag's value at every step, in the simulator's own words.
class SeriesSink final : public sim::SampleSink {
 public:
  std::map<std::string, std::vector<store::Sample>, std::less<>> series;
  std::vector<sim::SimEvent> events;
  void event(const sim::SimEvent& e) override { events.push_back(e); }
  void sample(std::string_view tag, std::int64_t ts_ms, double value) override {
    auto it = series.find(tag);
    if (it == series.end()) it = series.emplace(std::string(tag), std::vector<store::Sample>{}).first;
    it->second.push_back({ts_ms, value});
  }
};

// The steps a replay needs: the first, every change, the last.
std::vector<store::Sample> changesOnly(const std::vector<store::Sample>& all) {
  std::vector<store::Sample> out;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i == 0 || i + 1 == all.size() || all[i].value != out.back().value) out.push_back(all[i]);
  }
  return out;
}

// The minimal Beidu scenario over `duration`.
auto beiduOver(const char* duration) {
  auto j = test::minimalScenario("beidu");
  j["duration"] = duration;
  return test::parse(j);
}

// Both runs, stored in `folder`.
Result<ScenarioResult> runStored(const Scenario& scenario, const std::filesystem::path& folder) {
  RunOptions options;
  options.historian_folder = folder.string();
  return runScenario(scenario, options);
}

// The baseline run's park, as the runner prepares it.
detail::PreparedPark preparedBaseline(const Scenario& scenario) {
  auto park = model::loadPark(scenario.park_file);
  EXPECT_TRUE(park.has_value());
  auto prepared = detail::preparePark(*park, scenario, false);
  EXPECT_TRUE(prepared.has_value()) << prepared.error().message;
  return std::move(*prepared);
}

// The simulator run again here on that park, over the scenario's steps.
SeriesSink simulate(const detail::PreparedPark& prepared, const Scenario& scenario) {
  auto simulator = sim::Simulator::create(prepared.park, {scenario.seed, scenario.start_ms, scenario.step_ms});
  EXPECT_TRUE(simulator.has_value()) << simulator.error().message;
  SeriesSink simulated;
  const std::int64_t steps = scenario.duration_ms / scenario.step_ms;
  for (std::int64_t i = 0; i < steps; ++i) simulator->step(simulated);
  return simulated;
}

TEST(ScenarioRunStorage, ReplayReadsBackExactlyWhatTheSimulatorProduced) {
  const auto folder = std::filesystem::temp_directory_path() / ("parktwin-run-storage-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  auto scenario = beiduOver("2d");  // 2,880 steps, eight 6-hour seek points
  ASSERT_TRUE(scenario.has_value()) << scenario.error().message;
  auto result = runStored(*scenario, folder);
  ASSERT_TRUE(result.has_value()) << result.error().message;

  const auto prepared = preparedBaseline(*scenario);
  const SeriesSink simulated = simulate(prepared, *scenario);

  auto h = store::Historian::open(result->baseline.historian_file, {.read_only = true});
  ASSERT_TRUE(h.has_value()) << h.error().message;
  ASSERT_EQ(h->tags()->size(), prepared.own_tags);
  std::size_t stored = 0, offered = 0;
  for (std::size_t t = 0; t < prepared.own_tags; ++t) {
    const std::string& tag = prepared.park.tags[t].id;
    const auto expected = changesOnly(simulated.series.at(tag));
    auto got = h->samplesBetween(tag, INT64_MIN, INT64_MAX);
    ASSERT_TRUE(got.has_value()) << tag << ": " << got.error().message;
    ASSERT_EQ(got->size(), expected.size()) << tag;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      ASSERT_EQ((*got)[i].ts_ms, expected[i].ts_ms) << tag << " #" << i;
      ASSERT_EQ(std::bit_cast<std::uint64_t>((*got)[i].value), std::bit_cast<std::uint64_t>(expected[i].value)) << tag << " #" << i;
    }
    stored += expected.size();
    offered += simulated.series.at(tag).size();
  }
  EXPECT_LT(stored, offered) << "held values are not stored again";

  // Seeks on the snapshot points, just before and after them, and at odd times in between.
  std::vector<std::int64_t> seeks;
  for (std::int64_t t = scenario->start_ms; t <= scenario->start_ms + scenario->duration_ms; t += 6 * 3'600'000) {
    for (std::int64_t d : {-60'000LL, -1LL, 0LL, 1LL, 59'999LL, 97 * 60'000LL}) seeks.push_back(t - t % (6 * 3'600'000) + d);
  }
  for (const std::int64_t at : seeks) {
    auto state = h->stateAt(at);
    ASSERT_TRUE(state.has_value()) << state.error().message;
    std::size_t expectedTags = 0;
    for (std::size_t t = 0; t < prepared.own_tags; ++t) {
      const auto& all = simulated.series.at(prepared.park.tags[t].id);
      expectedTags += !all.empty() && all.front().ts_ms <= at ? 1 : 0;
    }
    ASSERT_EQ(state->size(), expectedTags) << "at " << at;
    for (const auto& s : *state) {
      const auto& all = simulated.series.at(s.tag);
      const store::Sample* last = nullptr;  // the simulated value in force at `at`
      for (const auto& x : all) {
        if (x.ts_ms <= at) last = &x;
      }
      ASSERT_NE(last, nullptr) << s.tag;
      EXPECT_EQ(std::bit_cast<std::uint64_t>(s.value), std::bit_cast<std::uint64_t>(last->value)) << s.tag << " at " << at;
      std::int64_t changedAt = INT64_MIN;  // when that value was last stored: its latest change
      for (const auto& x : changesOnly(all)) {
        if (x.ts_ms <= at) changedAt = x.ts_ms;
      }
      EXPECT_EQ(s.ts_ms, changedAt) << s.tag << " at " << at;
    }
  }
  std::filesystem::remove_all(folder);
}

// A run's file is written without a journal under a partial name, then synced and renamed: what
// is left is an ordinary WAL historian file (checked with SQLite itself), with blocks over an
// hour, which reads starting inside them give back as the simulator produced them.
TEST(ScenarioRunStorage, FinishedRunFileReadsFromInsideItsLongBlocks) {
  const auto folder = std::filesystem::temp_directory_path() / ("parktwin-run-file-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  auto scenario = beiduOver("1d");
  ASSERT_TRUE(scenario.has_value()) << scenario.error().message;
  auto result = runStored(*scenario, folder);
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const std::string file = result->baseline.historian_file;
  for (const char* leftover : {".partial", ".partial-journal", "-wal"}) {
    EXPECT_FALSE(std::filesystem::exists(file + leftover)) << leftover;
  }
  EXPECT_EQ(sqliteAnswer(file, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(sqliteAnswer(file, "PRAGMA integrity_check"), "ok");
  EXPECT_GT(std::stoll(sqliteAnswer(file, "SELECT max(t_end_ms - t_start_ms) FROM blocks")), 3'600'000LL);

  const auto prepared = preparedBaseline(*scenario);
  const SeriesSink simulated = simulate(prepared, *scenario);
  auto h = store::Historian::open(file, {.read_only = true});
  ASSERT_TRUE(h.has_value()) << h.error().message;
  // Half-hour windows every 97 minutes: most start hours into a block of 256 one-minute samples.
  for (std::int64_t from = scenario->start_ms + 13 * 60'000; from < scenario->start_ms + scenario->duration_ms;
       from += 97 * 60'000) {
    const std::int64_t to = from + 30 * 60'000;
    for (std::size_t t = 0; t < prepared.own_tags; ++t) {
      const std::string& tag = prepared.park.tags[t].id;
      std::vector<store::Sample> expected;
      for (const auto& x : changesOnly(simulated.series.at(tag))) {
        if (x.ts_ms >= from && x.ts_ms <= to) expected.push_back(x);
      }
      auto got = h->samplesBetween(tag, from, to);
      ASSERT_TRUE(got.has_value()) << tag << ": " << got.error().message;
      ASSERT_EQ(got->size(), expected.size()) << tag << " from " << from;
      for (std::size_t i = 0; i < expected.size(); ++i) {
        ASSERT_EQ((*got)[i].ts_ms, expected[i].ts_ms) << tag;
        ASSERT_EQ(std::bit_cast<std::uint64_t>((*got)[i].value), std::bit_cast<std::uint64_t>(expected[i].value)) << tag;
      }
    }
  }
  std::filesystem::remove_all(folder);
}

// The events of a run as SQLite itself reads them from the file (its JSON functions parse the
// payload the runner printed by hand), one line per event in insertion order, against the
// simulator's own events, printed here with the same format.
std::string eventLine(const sim::SimEvent& e) {
  const auto number = [](double x) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    return std::string(buf);
  };
  const bool failure = e.kind == sim::SimEventKind::state_change && e.reason == "failure";
  return std::to_string(e.start_ms) + "|" + std::string(sim::kindName(e.kind)) + "|" + (failure ? "2" : "0") + "|" + e.object +
         "|" + std::to_string(e.end_ms) + "|" + e.from + "|" + e.to + "|" + number(e.from_position.x_m) + "|" +
         number(e.from_position.y_m) + "|" + number(e.to_position.x_m) + "|" + number(e.to_position.y_m) + "|" +
         number(e.amount_t) + "|" + e.reason;
}

TEST(ScenarioRunStorage, StoredEventsAreTheSimulatorsAsSQLiteParsesThem) {
  const auto folder = std::filesystem::temp_directory_path() / ("parktwin-run-events-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  auto scenario = beiduOver("1d");
  ASSERT_TRUE(scenario.has_value()) << scenario.error().message;
  auto result = runStored(*scenario, folder);
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const auto prepared = preparedBaseline(*scenario);
  const SeriesSink simulated = simulate(prepared, *scenario);
  ASSERT_GT(simulated.events.size(), 100U);
  std::string expected;
  for (const auto& e : simulated.events) expected += eventLine(e) + "\n";
  const std::string file = result->baseline.historian_file;
  EXPECT_EQ(sqliteAnswer(file, "SELECT count(*) FROM events WHERE NOT json_valid(payload)"), "0");
  const std::string got = sqliteAnswer(file,
      "SELECT group_concat(line, char(10)) || char(10) FROM (SELECT ts_ms || '|' || kind || '|' || severity || '|' || object || '|' || "
      "json_extract(payload, '$.end_ms') || '|' || json_extract(payload, '$.from') || '|' || json_extract(payload, '$.to') || '|' || "
      "printf('%.17g', json_extract(payload, '$.from_position.x_m')) || '|' || printf('%.17g', json_extract(payload, '$.from_position.y_m')) || '|' || "
      "printf('%.17g', json_extract(payload, '$.to_position.x_m')) || '|' || printf('%.17g', json_extract(payload, '$.to_position.y_m')) || '|' || "
      "printf('%.17g', json_extract(payload, '$.amount_t')) || '|' || json_extract(payload, '$.reason') AS line FROM events ORDER BY id)");
  EXPECT_EQ(got, expected);
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace parktwin::scenario
