// The two runs of a scenario: simulator steps, what-if overrides at their times, the
// accounting, the historian files, and the comparison.
#include "parktwin/scenario/runner.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <future>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "parktwin/flow/constants.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/sim/event_codec.hpp"
#include "parktwin/sim/simulator.hpp"
#include "parktwin/common/iso_time.hpp"
#include "parktwin/store/historian.hpp"
#include "assumptions.hpp"
#include "prepared_park.hpp"
#include "run_history.hpp"
#include "run_accounting.hpp"

namespace parktwin::scenario {
namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// CPU time of the calling thread: each run has one, so a run's CPU stays apart from the other's.
double threadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// Collects the events of one step (the simulator's values are read as columns, not per tag).
class StepEvents final : public sim::SampleSink {
 public:
  void sample(std::string_view, std::int64_t, double) override {}
  void event(const sim::SimEvent& e) override {
    if (keep_) events_.push_back(e);
  }
  void startStep(bool keep) {
    keep_ = keep;
    events_.clear();
  }
  const std::vector<sim::SimEvent>& events() const { return events_; }

 private:
  bool keep_ = false;
  std::vector<sim::SimEvent> events_;
};

// The park's own tags (when `samples`) and the events of one step, for replay in the 3D view.
// With `onlyChanges` a tag's sample is written only when its value differs from the last one
// written, or when `force`: lossless for a viewer that holds each value until the next. The
// step's samples go to the historian as one column, with the simulator's integers so the
// encoder need not find them again.
Result<void> storeStep(detail::RunHistory& history, std::size_t tags, const sim::Simulator& simulator,
                       const StepEvents& events, bool samples, bool onlyChanges, bool force) {
  const std::int64_t t_ms = simulator.now_ms();
  if (samples) {
    if (auto ok = history.beforeSamplesAt(t_ms); !ok) return ok;
    if (auto ok = history.appendStep(t_ms, simulator.values().first(tags), simulator.scaledValues().first(tags),
                                     simulator.decimals().first(tags), onlyChanges, force);
        !ok) {
      return ok;
    }
  }
  for (const sim::SimEvent& e : events.events()) {
    if (auto ok = history.appendEvent(sim::encodeEvent(e)); !ok) return ok;
  }
  return {};
}

// Lines a target names: the line itself or every line of a building.
std::vector<std::string> linesOf(const model::Park& park, const std::string& target) {
  std::vector<std::string> out;
  for (const auto& line : park.lines) {
    if (line.id == target || line.building == target) out.push_back(line.id);
  }
  return out;
}

bool simulatorChange(ChangeKind kind) {
  return kind == ChangeKind::outage || kind == ChangeKind::capacity || kind == ChangeKind::demand;
}

// Steps done by both runs; the calling thread turns it into progress callbacks.
struct Progress {
  std::int64_t total_steps = 1;
  std::atomic<std::int64_t> done{0};
  // Each run adds its steps in batches: one shared counter written by both threads at every step
  // moved its cache line between the two cores half a million times a run.
  void advance(std::int64_t steps) { done.fetch_add(steps, std::memory_order_relaxed); }
  double share() const { return static_cast<double>(done.load(std::memory_order_relaxed)) / static_cast<double>(total_steps); }
};

Result<RunResult> runOne(const Scenario& s, const model::Park& base, bool changed, std::int64_t start_ms,
                         std::int64_t duration_ms, const RunOptions& options, Progress& progress, PhaseTimes& times) {
  const double cpu0 = threadCpuSeconds();
  const auto wall0 = Clock::now();
  // Sequential runs report progress from here (parallel ones from the waiting thread).
  const bool reportHere = !options.parallel && options.progress;
  auto prepared = detail::preparePark(base, s, changed, options.language);
  if (!prepared) return std::unexpected(prepared.error());
  const detail::PreparedPark& pp = *prepared;
  sim::SimulatorConfig config;
  config.seed = s.seed;
  config.start_ms = start_ms;
  config.step_ms = s.step_ms;
  auto simulator = sim::Simulator::create(pp.park, config);
  if (!simulator) return std::unexpected(simulator.error());

  auto history = detail::RunHistory::open(options.historian_folder, options.store_uri, s.id, changed, pp.park, pp.own_tags);
  if (!history) return std::unexpected(history.error());
  const std::string& historianFile = history->where();

  // Timed simulator overrides: recomputed for every affected line at each window boundary.
  struct Timed { const Change* change; std::vector<std::string> lines; };
  std::vector<Timed> timed;
  std::set<std::int64_t> boundaries;
  std::set<std::string> affected;
  if (changed) {
    for (const Change& c : s.changes) {
      if (!simulatorChange(c.kind)) continue;
      Timed t{&c, linesOf(pp.park, c.target)};
      if (t.lines.empty()) return fail(ErrorCode::invalid_input, s.messageSource() + ": " + c.path + "/target: \"" + c.target + "\" has no simulated line");
      for (const auto& l : t.lines) affected.insert(l);
      boundaries.insert(c.window ? c.window->start_ms : start_ms);
      if (c.window) boundaries.insert(c.window->end_ms);
      timed.push_back(std::move(t));
    }
  }

  const std::int64_t bucket_ms = std::max<std::int64_t>(s.step_ms, 3'600'000);
  auto zone = TimeZone::load(pp.park.time_zone);
  if (!zone) return fail(pp.park.id + ": " + zone.error().message);
  detail::RunAccounting accounting(pp, s, changed, s.step_ms, bucket_ms, std::move(*zone));
  StepEvents sink;
  const std::int64_t steps = duration_ms / s.step_ms;
  const int storeEvery = std::max(1, options.store_every_steps);
  auto nextBoundary = boundaries.begin();
  constexpr std::int64_t kProgressBatch = 1440;  // steps between progress updates (a day at 1-minute steps)
  // Phases are timed back to back: each step's last clock reading starts the next step's
  // simulation phase, three readings a step instead of four.
  auto stepStart = Clock::now();
  for (std::int64_t i = 0; i < steps; ++i) {
    if (options.cancel && options.cancel->load(std::memory_order_relaxed)) return fail(ErrorCode::cancelled, "cancelled");
    const std::int64_t now = simulator->now_ms();
    if (nextBoundary != boundaries.end() && now >= *nextBoundary) {
      while (nextBoundary != boundaries.end() && now >= *nextBoundary) ++nextBoundary;
      for (const auto& line : affected) {
        bool out = false;
        double factor = 1;
        for (const Timed& t : timed) {
          if (std::ranges::find(t.lines, line) == t.lines.end()) continue;
          if (t.change->window && !t.change->window->contains(now)) continue;
          if (t.change->kind == ChangeKind::outage) out = true;
          else factor *= t.change->factor;
        }
        if (auto ok = simulator->setLineOverride(line, out, factor); !ok) return std::unexpected(ok.error());
      }
    }
    sink.startStep(history->active());
    simulator->advance(sink);
    const auto t1 = Clock::now();
    accounting.step(simulator->values(), simulator->now_ms());
    const auto t2 = Clock::now();
    times.simulation_s += std::chrono::duration<double>(t1 - stepStart).count();
    times.dispatch_s += std::chrono::duration<double>(t2 - t1).count();
    stepStart = t2;
    if (history->active()) {
      const bool force = i == 0 || i + 1 == steps;
      if (auto ok = storeStep(*history, pp.own_tags, *simulator, sink, force || i % storeEvery == 0,
                              options.store_only_changes, force);
          !ok) {
        return fail(historianFile + ": " + ok.error().message);
      }
      stepStart = Clock::now();
      times.storage_s += std::chrono::duration<double>(stepStart - t2).count();
    }
    if ((i + 1) % kProgressBatch == 0) {
      progress.advance(kProgressBatch);
      if (reportHere) options.progress(progress.share());
    }
  }
  progress.advance(steps % kProgressBatch);
  if (history->active()) {
    const auto t0 = Clock::now();
    if (auto ok = history->finish(); !ok) return fail(historianFile + ": " + ok.error().message);
    times.storage_s += secondsSince(t0);
  }
  RunResult result = accounting.finish();
  result.label = changed ? "scenario" : "baseline";
  result.historian_file = historianFile;
  result.skipped_tags = pp.skipped_tags;
  result.cpu_s = threadCpuSeconds() - cpu0;
  result.wall_s = secondsSince(wall0);
  return result;
}

// Output and tax per mu, each firm's scaled by how much its lines made against the baseline.
std::vector<flow::PerMuRank> rankingFor(const model::Park& park, const std::vector<LineTotals>& baseline,
                                        const std::vector<LineTotals>& run) {
  std::map<std::string, double> baseT, runT;
  const auto firmOf = [&](const std::string& lineId) {
    const auto* line = park.findLine(lineId);
    return line ? park.operatorOf(*line) : std::string();
  };
  for (const auto& l : baseline) baseT[firmOf(l.line)] += l.output_t;
  for (const auto& l : run) runT[firmOf(l.line)] += l.output_t;
  model::Park scaled = park;
  for (auto& e : scaled.enterprises) {
    const double b = baseT[e.id];
    if (b <= 0) continue;
    const double factor = runT[e.id] / b;
    e.output_yuan_per_year *= factor;
    e.tax_yuan_per_year *= factor;
  }
  return flow::rankEnterprisesPerMu(scaled);
}

}  // namespace

model::LocalizedText skippedTagsNote(const ScenarioResult& result) {
  if (result.skipped_tags.empty()) return {};
  std::string listEn, listZh;
  for (const auto& id : result.skipped_tags) {
    const auto tag = std::ranges::find(result.base_park.tags, id, &model::Tag::id);
    const std::string unit = tag == result.base_park.tags.end() ? std::string() : tag->unit;
    listEn += (listEn.empty() ? "" : ", ") + id + (unit.empty() ? "" : " (" + unit + ")");
    listZh += (listZh.empty() ? "" : "、") + id + (unit.empty() ? "" : "（" + unit + "）");
  }
  const std::string count = std::to_string(result.skipped_tags.size());
  return {"未计入 " + count + " 个仿真器无法产生的标签（只有实测值，两次运行都没有仿真值）：" + listZh,
          "Left out " + count + (result.skipped_tags.size() == 1 ? " tag" : " tags") +
              " the simulator has no quantity for (measured only, no value in either run): " + listEn};
}

std::vector<KpiDelta> kpiTable(const RunKpis& b, const RunKpis& s) {
  using enum flow::KpiKey;
  // Shares are 0..1 in RunKpis and % in the KPI table.
  struct Row {
    flow::KpiKey key;
    double RunKpis::*value;
    double scale;
  };
  static constexpr Row rows[] = {
      {metal_t, &RunKpis::metal_t, 1},
      {primary_t, &RunKpis::primary_t, 1},
      {recycled_t, &RunKpis::recycled_t, 1},
      {processed_t, &RunKpis::processed_t, 1},
      {good_processed_t, &RunKpis::good_processed_t, 1},
      {units_made, &RunKpis::units_made, 1},
      {direct_molten_t, &RunKpis::direct_molten_t, 1},
      {remelt_t, &RunKpis::remelt_t, 1},
      {remelt_cost_yuan, &RunKpis::remelt_cost_yuan, 1},
      {energy_kwh, &RunKpis::energy_kwh, 1},
      {energy_kwh_per_t_made, &RunKpis::energy_kwh_per_t_made, 1},
      {grid_import_kwh, &RunKpis::grid_import_kwh, 1},
      {local_kwh, &RunKpis::local_kwh, 1},
      {pv_kwh, &RunKpis::pv_kwh, 1},
      {self_sufficiency_pct, &RunKpis::self_sufficiency, 100},
      {co2_t, &RunKpis::co2_t, 1},
      {energy_cost_yuan, &RunKpis::energy_cost_yuan, 1},
      {operating_cost_yuan, &RunKpis::operating_cost_yuan, 1},
      {cost_yuan, &RunKpis::cost_yuan, 1},
      {oee_pct, &RunKpis::oee, 100},
      {energy_avoided_vs_primary_kwh, &RunKpis::energy_avoided_vs_primary_kwh, 1},
      {co2_avoided_vs_primary_t, &RunKpis::co2_avoided_vs_primary_t, 1},
      {retrofit_output_t, &RunKpis::retrofit_output_t, 1},
      {retrofit_kwh_per_t, &RunKpis::retrofit_kwh_per_t, 1},
      {retrofit_operating_cost_yuan_per_t, &RunKpis::retrofit_operating_cost_yuan_per_t, 1},
      {pumped_support_kwh, &RunKpis::pumped_support_kwh, 1},
      {unserved_kwh, &RunKpis::unserved_kwh, 1},
  };
  std::vector<KpiDelta> out;
  out.reserve(std::size(rows));
  for (const Row& row : rows) out.push_back({row.key, row.scale * (b.*row.value), row.scale * (s.*row.value)});
  return out;
}

Result<ScenarioResult> runScenario(const Scenario& scenario, const model::Park& park, const RunOptions& options) {
  if (auto ok = checkAgainstPark(scenario, park, options.language); !ok) return std::unexpected(ok.error());
  const std::int64_t start = options.start_ms.value_or(scenario.start_ms);
  const std::int64_t duration = options.duration_ms.value_or(scenario.duration_ms);
  // Worded in both languages as the reader's problems are: "<file>: <JSON path>: <words>".
  const auto refuse = [&](const std::string& where, const std::string& en, const std::string& zh) {
    return fail(ErrorCode::invalid_input, scenario.messageSource() + ": " + where + (options.language == "zh" ? zh : en));
  };
  if (duration < scenario.step_ms) return refuse("", "the period is shorter than one step", "时段短于一个步长");
  for (const Change& c : scenario.changes) {
    if (c.window && (c.window->end_ms <= start || c.window->start_ms >= start + duration)) {
      const std::string period = localPeriodText(start, start + duration, model::parkTimeZone(park));
      return refuse(c.path + ": ", "the change lies outside the period run, " + period, "变更不在本次运行的时段 " + period + " 之内");
    }
  }
  ScenarioResult result;
  result.scenario = scenario;
  result.scenario.start_ms = start;
  result.scenario.duration_ms = duration;
  result.base_park = park;
  result.park_name_en = park.name.en;
  result.park_name_zh = park.name.zh;
  result.bucket_ms = std::max<std::int64_t>(scenario.step_ms, 3'600'000);
  const auto wall0 = Clock::now();
  Progress progress;
  progress.total_steps = 2 * (duration / scenario.step_ms);
  PhaseTimes baselineTimes, changedTimes;
  Result<RunResult> baseline = fail("not run"), changed = fail("not run");
  if (options.parallel) {
    // Each run owns its simulator, accounting and historian; they share only the inputs (read
    // only) and the progress counter. The calling thread reports progress while they work.
    auto baselineRun = std::async(std::launch::async, [&] {
      return runOne(scenario, park, false, start, duration, options, progress, baselineTimes);
    });
    auto changedRun = std::async(std::launch::async, [&] {
      return runOne(scenario, park, true, start, duration, options, progress, changedTimes);
    });
    for (auto* run : {&baselineRun, &changedRun}) {
      while (run->wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
        if (options.progress) options.progress(progress.share());
      }
    }
    baseline = baselineRun.get();
    changed = changedRun.get();
  } else {
    baseline = runOne(scenario, park, false, start, duration, options, progress, baselineTimes);
    if (baseline) changed = runOne(scenario, park, true, start, duration, options, progress, changedTimes);
  }
  if (!baseline) return std::unexpected(baseline.error());
  if (!changed) return std::unexpected(changed.error());
  if (options.progress) options.progress(1.0);
  result.times.simulation_s = baselineTimes.simulation_s + changedTimes.simulation_s;
  result.times.dispatch_s = baselineTimes.dispatch_s + changedTimes.dispatch_s;
  result.times.storage_s = baselineTimes.storage_s + changedTimes.storage_s;
  result.times.wall_s = secondsSince(wall0);
  result.baseline = std::move(*baseline);
  result.changed = std::move(*changed);
  result.baseline.ranking = rankingFor(park, result.baseline.lines, result.baseline.lines);
  result.changed.ranking = rankingFor(park, result.baseline.lines, result.changed.lines);
  result.deltas = kpiTable(result.baseline.kpis, result.changed.kpis);
  // The runs leave out the same tags but where a structural change (an added line) brings its own.
  result.skipped_tags = result.baseline.skipped_tags;
  for (const auto& tag : result.changed.skipped_tags) {
    if (std::ranges::find(result.skipped_tags, tag) == result.skipped_tags.end()) result.skipped_tags.push_back(tag);
  }
  model::Park factorPark = park;
  for (const Change& c : scenario.changes) {
    if (c.kind == ChangeKind::grid_emission) factorPark.grid_emission_t_per_mwh = c.emission_t_per_mwh;
  }
  result.assumptions = detail::assumptionsOf(result.scenario, factorPark);
  return result;
}

Result<ScenarioResult> runScenario(const Scenario& scenario, const RunOptions& options) {
  auto park = model::loadPark(scenario.park_file);
  if (!park) return std::unexpected(park.error());
  return runScenario(scenario, *park, options);
}

}  // namespace parktwin::scenario
