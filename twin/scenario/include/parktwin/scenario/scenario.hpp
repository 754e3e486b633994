#pragma once
// A what-if scenario: a base park, a period, a seed and a list of changes (docs/scenario-format.md).
// Plain data; loading validates everything and either returns the whole scenario or every
// problem found, each naming its JSON Pointer path.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::scenario {

enum class ChangeKind {
  outage,         // a line or building out of service (timed)
  capacity,       // production rate of a line or building x factor (timed)
  demand,         // what a line or building is asked to make x factor (timed)
  commission,     // a planned building (its lines) or utility is built
  add_line,       // a new production line in an existing building
  tariff,         // time-of-use grid tariff, yuan/kWh per local hour band
  grid_emission,  // grid CO2 factor, t/MWh
  grid_limit,     // grid import capped at import_limit_kw (timed: a heat wave)
  route,          // molten supply to processors stopped: they remelt ingot (timed)
  retrofit,       // smart-factory retrofit of enterprises' lines
  pv,             // PV size of a utility (or a new PV utility on a building)
  storage,        // battery or pumped-storage size
};

const char* changeKindName(ChangeKind kind);
// What a change does, for people: "停产" / "outage", "投产" / "commissioning" ("zh" or "en").
const char* changeKindLabel(ChangeKind kind, const std::string& language);

// [start, end) in UTC ms.
struct TimeWindow {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
  bool contains(std::int64_t t_ms) const { return t_ms >= start_ms && t_ms < end_ms; }
};

struct TariffBand {
  double from_hour = 0;  // local civil time, [from, to)
  double to_hour = 24;
  double yuan_per_kwh = 0;
};

// Relative effects (-0.195 = 19.5 % less).
struct RetrofitFactors {
  double productivity = 0;    // output per line-hour
  double defect_rate = 0;     // share of output scrapped
  double operating_cost = 0;  // operating cost per tonne
  double energy_per_unit = 0; // kWh per tonne
  double baseline_defect_rate = 0.02;          // assumption stated in the file
  double operating_cost_yuan_per_t = 0;        // assumption stated in the file
};

struct Change {
  ChangeKind kind = ChangeKind::outage;
  std::string path;                   // JSON Pointer of this change, for messages
  std::string target;                 // line, building or utility id
  std::vector<std::string> targets;   // enterprises (retrofit), lines (route; empty = all)
  std::optional<TimeWindow> window;   // nullopt: the whole period
  double factor = 1;                  // capacity, demand
  double emission_t_per_mwh = 0;      // grid_emission
  double import_limit_kw = 0;         // grid_limit
  std::vector<TariffBand> tariff;     // tariff
  RetrofitFactors retrofit;           // retrofit
  double peak_kw = 0;                 // pv
  double power_kw = 0;                // storage
  double energy_kwh = 0;              // storage
  model::ProductionLine line;         // add_line
};

struct Scenario {
  std::string id;
  model::LocalizedText name;
  model::LocalizedText explanation;
  std::string park;                    // as written: a bundled park name or a path
  std::filesystem::path park_file;     // the bundled park of that name, or the path from the scenario file's folder
  std::int64_t start_ms = 0;
  std::int64_t duration_ms = 365LL * 24 * 3'600'000;
  std::int64_t step_ms = 60'000;
  std::uint64_t seed = 1;
  std::vector<TariffBand> tariff;      // both runs' time-of-use tariff; empty: the park's flat one
  std::vector<Change> changes;
  std::string source;                  // the file its messages name ("smelter-outage.json"); empty: made in code

  std::int64_t end_ms() const { return start_ms + duration_ms; }
  // What a message about the scenario begins with: its file, as the reader's messages, else its id.
  const std::string& messageSource() const { return source.empty() ? id : source; }
};

// `source` names the file in messages. The park is a bundled park's name, found in
// `dataFolder` (model::bundledDataFolder), or a path relative to `folder` (the scenario file's).
// Every problem is reported, one per line, as "<source>: <json pointer>: <what was expected>",
// in `language` ("zh" or "en"; a file that cannot be read is said in English). With
// TargetCheck::park_file, when the scenario's park file loads, the changes' targets are checked
// against it too (checkAgainstPark), so that a wrong period does not hide a wrong target: the
// CLI, which runs that file. The window and the server hold their park and check against it
// (a server may serve its own copy of a bundled park; the window lists a scenario and says at
// its run why it cannot). Either way the park file is read for its clock: a time written
// without a zone ("2026-06-01T08:00:00") is the park's civil time (model::parkInstantMs's rule),
// UTC only where the park cannot be read.
enum class TargetCheck { park_file, none };
Result<Scenario> parseScenario(const std::string& jsonText, const std::string& source,
                               const std::filesystem::path& folder, const std::filesystem::path& dataFolder,
                               std::string_view language = "en", TargetCheck targets = TargetCheck::park_file);
Result<Scenario> loadScenario(const std::filesystem::path& file, const std::filesystem::path& dataFolder,
                              std::string_view language = "en", TargetCheck targets = TargetCheck::park_file);
// A scenario sent to a server of `park` (POST …/scenarios' "definition"): it runs on that park.
// Its "park" may be left out, be that park's id, or be a path (the file's own, sent as it is:
// never opened); another park's id, or a path to a bundled park's file in `dataFolder` other
// than this one, is refused. Its targets are checked against `park`;
// messages as parseScenario's.
Result<Scenario> parseScenarioFor(const model::Park& park, const std::string& jsonText, const std::string& source,
                                  const std::filesystem::path& dataFolder, std::string_view language = "en");

// The planned buildings and utilities the scenario builds (its commission changes): what a
// flow solution for the scenario counts as built (flow::FlowOverrides::built), while the
// baseline leaves them out.
std::set<std::string> builtBy(const Scenario& scenario);

// Checks the changes against the park they apply to: every target exists and has the right
// kind. Messages name the scenario's file and the change's JSON path, as the reader's do.
Result<void> checkAgainstPark(const Scenario& scenario, const model::Park& park, std::string_view language = "en");

}  // namespace parktwin::scenario
