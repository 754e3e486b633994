// parktwin-bench-scenario: the shipped smelter-outage scenario over its full year at 1-minute
// steps (baseline + scenario), with both runs stored in historian files and all three reports
// written, timed by phase. Prints one table; exits non-zero if the run fails.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "parktwin/scenario/report.hpp"
#include "parktwin/scenario/runner.hpp"
#include "parktwin/scenario/scenario.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::uintmax_t sizeOf(const std::string& file) {
  std::error_code ec;
  std::uintmax_t total = 0;
  for (const char* suffix : {"", "-wal"}) {
    const auto n = std::filesystem::file_size(file + suffix, ec);
    if (!ec) total += n;
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace parktwin::scenario;
  std::string scenarioName = "smelter-outage";
  RunOptions options;
  bool store = true;
  std::string keepFolder;  // --keep DIR: write the historian files there and leave them
  long long days = 0;      // --days N: only N days around the first change (profiles under callgrind)
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--store-every") && i + 1 < argc) options.store_every_steps = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--no-store")) store = false;
    else if (!std::strcmp(argv[i], "--sequential")) options.parallel = false;
    else if (!std::strcmp(argv[i], "--scenario") && i + 1 < argc) scenarioName = argv[++i];
    else if (!std::strcmp(argv[i], "--keep") && i + 1 < argc) keepFolder = argv[++i];
    else if (!std::strcmp(argv[i], "--days") && i + 1 < argc) days = std::atoll(argv[++i]);
    else {
      std::fprintf(stderr, "usage: %s [--scenario NAME] [--keep DIR] [--days N] [--store-every N] [--no-store] [--sequential]\n", argv[0]);
      return 2;
    }
  }
  const auto file = std::filesystem::path(PARKTWIN_SOURCE_DIR) / "assets" / "scenarios" / (scenarioName + ".json");
  auto scenario = loadScenario(file, std::filesystem::path(PARKTWIN_SOURCE_DIR) / "assets");
  if (!scenario) {
    std::fprintf(stderr, "%s\n", scenario.error().message.c_str());
    return 1;
  }
  if (days > 0) {
    const auto& changes = scenario->changes;
    const std::int64_t centre = !changes.empty() && changes.front().window ? changes.front().window->start_ms : scenario->start_ms;
    options.duration_ms = days * 86'400'000LL;
    options.start_ms = std::max(scenario->start_ms, centre - *options.duration_ms / 2);
  }
  const auto folder = keepFolder.empty()
                          ? std::filesystem::temp_directory_path() / ("parktwin-bench-scenario-" + std::to_string(::getpid()))
                          : std::filesystem::path(keepFolder);
  if (store) options.historian_folder = folder.string();

  const auto t0 = Clock::now();
  auto result = runScenario(*scenario, options);
  const double runWall = since(t0);
  if (!result) {
    std::fprintf(stderr, "%s\n", result.error().message.c_str());
    return 1;
  }
  const auto t1 = Clock::now();
  const std::int64_t generated = result->scenario.start_ms;  // any instant: the bench times the writing
  std::string html = reportHtml(*result, "en", generated), csv = reportCsv(*result, generated),
              json = reportJson(*result, generated);
  const double reportS = since(t1);

  const auto steps = options.duration_ms.value_or(scenario->duration_ms) / scenario->step_ms;
  const PhaseTimes& t = result->times;
  std::printf("scenario %s on %s: %lld steps of %lld s per run, two runs (%s), historian %s\n", scenario->id.c_str(),
              result->base_park.id.c_str(), static_cast<long long>(steps),
              static_cast<long long>(scenario->step_ms / 1000), options.parallel ? "in parallel" : "one after the other",
              store ? ("every " + std::to_string(options.store_every_steps) + " step(s), changes only").c_str() : "off");
  std::printf("%-34s %10s\n", "phase (summed over both runs)", "seconds");
  std::printf("%-34s %10.2f\n", "simulation", t.simulation_s);
  std::printf("%-34s %10.2f\n", "dispatch and accounting", t.dispatch_s);
  std::printf("%-34s %10.2f\n", "storage (historian)", t.storage_s);
  std::printf("%-34s %10.2f\n", "report (html + csv + json)", reportS);
  std::printf("%-34s %10.2f\n", "wall clock, run", runWall);
  std::printf("%-34s %10.2f\n", "wall clock, run + report", runWall + reportS);
  for (const RunResult* run : {&result->baseline, &result->changed}) {
    std::printf("%-34s %10.2f CPU, %.2f wall\n", (run->label + " run").c_str(), run->cpu_s, run->wall_s);
  }
  std::printf("report sizes: html %zu B, csv %zu B, json %zu B\n", html.size(), csv.size(), json.size());
  if (store) {
    std::printf("historian files: %.1f MB + %.1f MB\n", static_cast<double>(sizeOf(result->baseline.historian_file)) / 1e6,
                static_cast<double>(sizeOf(result->changed.historian_file)) / 1e6);
  }
  std::printf("delta primary aluminium %.1f t, remelt %.1f t, remelt cost %.0f yuan\n",
              result->changed.kpis.primary_t - result->baseline.kpis.primary_t,
              result->changed.kpis.remelt_t - result->baseline.kpis.remelt_t,
              result->changed.kpis.remelt_cost_yuan - result->baseline.kpis.remelt_cost_yuan);
  std::error_code ec;
  if (keepFolder.empty()) std::filesystem::remove_all(folder, ec);
  return 0;
}
