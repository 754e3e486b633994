#pragma once
// Runs a scenario: the baseline park and the changed park with the same seed over the same
// period, KPIs of each, and their differences. The model is described in
// docs/scenario-format.md ("How a run is computed"). Same inputs give identical results.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/flow/kpi.hpp"
#include "parktwin/flow/kpi_table.hpp"
#include "parktwin/model/park.hpp"
#include "parktwin/scenario/scenario.hpp"

namespace parktwin::scenario {

// Figures for the whole period of one run.
struct RunKpis {
  double primary_t = 0;        // potline metal
  double recycled_t = 0;       // recycling lines
  double metal_t = 0;          // primary + recycled
  // Processors' output: every processing line's, so a chain's goods count at each stage (an
  // upstream outage shows; the simulator does not starve the next stage).
  double processed_t = 0;
  double good_processed_t = 0; // processed_t less defects (retrofit assumption)
  // Good units of the lines that state capacity_units_per_hour (die bonders, assembly): the
  // simulator's units/h (capacity x running share x performance x quality) x each step's hours.
  double units_made = 0;
  double direct_molten_t = 0;  // molten aluminium delivered straight to processors
  double remelt_t = 0;         // ingot remelted by processors (flow's rule: every tonne of ingot into a processor)
  double remelt_cost_yuan = 0; // remelt_t x 300 yuan/t
  double energy_kwh = 0;       // park load, with the remelting of lines short of molten metal
  double grid_import_kwh = 0;
  double grid_export_kwh = 0;
  double local_kwh = 0;        // PV and hydro generation used inside the park
  double pv_kwh = 0;           // PV generated
  double self_sufficiency = 0; // local_kwh / energy_kwh
  double energy_kwh_per_t_made = 0; // energy_kwh / metal_t; NaN without metal or without potlines
  double co2_t = 0;            // grid import x grid factor
  double energy_cost_yuan = 0; // grid import x tariff
  double operating_cost_yuan = 0;  // retrofitted firms only (assumption in the file)
  double cost_yuan = 0;        // energy + remelt + operating
  double oee = 0;              // output-weighted mean OEE of processing lines, 0..1
  double recycled_energy_kwh = 0;          // electricity of the recycling lines
  double energy_avoided_vs_primary_kwh = 0; // recycled_t x primary kWh/t - recycled_energy_kwh
  double co2_avoided_vs_primary_t = 0;      // the same at the grid factor
  double retrofit_output_t = 0;             // lines of retrofitted firms
  double retrofit_kwh_per_t = 0;                  // NaN without retrofitted output
  double retrofit_operating_cost_yuan_per_t = 0;  // NaN without retrofitted output
  double pumped_support_kwh = 0;  // pumped storage covering a grid limit
  double unserved_kwh = 0;     // load shed under a grid limit
};

// One value per series per bucket (an hour).
struct RunSeries {
  std::vector<double> metal_t;
  std::vector<double> processed_t;
  std::vector<double> remelt_t;
  std::vector<double> load_kw;         // mean
  std::vector<double> grid_import_kw;  // mean
  std::vector<double> local_kw;        // mean
  std::vector<double> co2_t;
  std::vector<double> cost_yuan;
};

struct LineTotals {
  std::string line;
  double output_t = 0;
  double energy_kwh = 0;
  double remelt_t = 0;  // processors: ingot remelted for lack of molten metal (or by route), or for lack of any other metal
  bool molten_fed = false;  // a processor fed molten metal from the casthouse (its remelting is lost molten supply)
  double oee = -1;          // processors: the mean of its OEE samples (0..1); -1 for other lines
};

struct RunResult {
  std::string label;  // "baseline" or "scenario"
  RunKpis kpis;
  RunSeries hourly;
  std::vector<LineTotals> lines;           // park-file order (added lines at the end)
  std::vector<flow::PerMuRank> ranking;    // output and tax per mu scaled by each firm's output
  std::string historian_file;              // or the store (its describe()); empty when not stored
  std::vector<std::string> skipped_tags;   // the park's tags the simulator has no quantity for (left out)
  double cpu_s = 0;   // CPU time of the thread that ran it (simulation, accounting, storage)
  double wall_s = 0;  // from its start to its end
};

// One KPI of both runs, in the unit of the KPI table (flow/kpi_table.hpp): shares in %.
// A quantity worth a chart: not 0 throughout both runs (aluminium made in a park that makes
// none draws no chart, in the window or the reports).
inline bool worthAChart(const std::vector<double>& baseline, const std::vector<double>& scenario) {
  const auto nonZero = [](double v) { return v != 0; };
  return std::ranges::any_of(baseline, nonZero) || std::ranges::any_of(scenario, nonZero);
}

struct KpiDelta {
  flow::KpiKey key = flow::KpiKey::metal_t;
  double baseline = 0;
  double scenario = 0;
  double delta() const { return scenario - baseline; }
  // The change in % of the baseline, where there is one: none from a baseline of 0, nor where a
  // run has no such figure (NaN, a ratio without its denominator).
  std::optional<double> percentChange() const {
    if (baseline == 0 || !std::isfinite(baseline) || !std::isfinite(scenario)) return std::nullopt;
    return 100 * delta() / std::abs(baseline);
  }
  // Whether a run has this figure, so that the window's cards, the CLI table and the HTML
  // report show it: not 0 in both runs (aluminium made in a park with no potline or casthouse)
  // and not missing in both (a ratio without its denominator). The CSV and JSON reports keep
  // every row, so a program reading them finds the same keys for every park.
  bool someRunHasIt() const {
    return (baseline != 0 || scenario != 0) && (std::isfinite(baseline) || std::isfinite(scenario));
  }
};

// Seconds spent in each phase, summed over both runs (they may overlap in time), and the
// wall-clock time of the whole call.
struct PhaseTimes {
  double simulation_s = 0;
  double dispatch_s = 0;  // material dispatch and energy accounting per step
  double storage_s = 0;   // historian writes
  double wall_s = 0;
};

struct ScenarioResult {
  Scenario scenario;
  model::Park base_park;
  std::string park_name_en, park_name_zh;
  std::int64_t bucket_ms = 3'600'000;
  RunResult baseline;
  RunResult changed;
  std::vector<KpiDelta> deltas;        // fixed order, see kpiTable()
  std::vector<model::LocalizedText> assumptions;  // the model's figures and simplifications, zh and en
  // The park's tags neither run simulates (a hall temperature, a meter voltage: measured only),
  // left out of both runs and their historian files, in the park file's order.
  std::vector<std::string> skipped_tags;
  PhaseTimes times;
};

struct RunOptions {
  // Folder for the two historian files (<id>-baseline.db, <id>-scenario.db); empty: not stored.
  std::string historian_folder;
  // Instead of the folder, a store URI (clickhouse://HOST:PORT/DB?park=P): both runs written
  // there, as the parks "P_<id>_baseline" and "P_<id>_scenario" (RunHistory::storeParkName).
  std::string store_uri;
  // Historian samples every this many simulator steps (1 = every step; the first and last
  // steps are always stored).
  int store_every_steps = 1;
  // Store a tag's sample only when its value changed since the last one stored: lossless for
  // a replay that holds each value until the next (states, counters at rest, PV at night).
  bool store_only_changes = true;
  // Overrides the scenario's period (tests, quick looks); nullopt keeps the file's.
  std::optional<std::int64_t> duration_ms;
  std::optional<std::int64_t> start_ms;
  // Runs the baseline and the scenario on two threads at once (each has its own simulator,
  // accounting and historian file); false runs them one after the other on the calling thread.
  bool parallel = true;
  // Called now and then with the share done (0..1), always from the calling thread.
  std::function<void(double)> progress;
  // Set from any thread to stop; the run then fails with ErrorCode::cancelled.
  const std::atomic<bool>* cancel = nullptr;
  // The language of the run's refusals ("zh" or "en"), as the reader's (--lang, the window's).
  std::string language = "en";
};

// Loads the scenario's park, checks the changes against it and runs both.
Result<ScenarioResult> runScenario(const Scenario& scenario, const RunOptions& options = {});
// Same with a park already loaded (the GUI has one).
Result<ScenarioResult> runScenario(const Scenario& scenario, const model::Park& park, const RunOptions& options = {});

// What the CLI, the reports and the window say about skipped_tags, zh and en: each tag with its
// unit; both empty when every tag was simulated.
model::LocalizedText skippedTagsNote(const ScenarioResult& result);

// The KPI rows of a result in report order: key (its unit, label and direction are in the
// KPI table), baseline, scenario.
std::vector<KpiDelta> kpiTable(const RunKpis& baseline, const RunKpis& scenario);

}  // namespace parktwin::scenario
