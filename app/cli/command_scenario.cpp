// parktwin-cli scenario run FILE [--report out.html|.csv|.json]... [--lang zh|en] [--store DIR|clickhouse://...]
// parktwin-cli scenario list
// Runs a what-if scenario (baseline and scenario, same seed) and writes reports; lists the
// bundled scenarios with their one-line names.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "command_registry.hpp"
#include "parktwin/flow/kpi_table.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/scenario/report.hpp"
#include "parktwin/scenario/runner.hpp"
#include "parktwin/scenario/scenario.hpp"
#include "terminal.hpp"

namespace parktwin::cli {
namespace {

struct ScenarioRunOptions {
  std::string file;
  std::vector<std::string> reports;
  std::string lang = "en";
  std::string store;
  std::string from;
  std::string duration;
  int storeEvery = 1;
};

// Now, to the second: the reports write it in the park's civil time (scenario::generatedText).
std::int64_t nowUtcMs() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  return ms / 1000 * 1000;
}

// A KPI's change, a share's in points (pp / 个百分点: QA read "+10.4 %" as relative).
std::string deltaText(const scenario::KpiDelta& d, const std::string& language) {
  const std::string text = (d.delta() > 0 ? "+" : "") + flow::kpiValueText(d.key, d.delta());
  if (flow::kpiUnit(d.key, "en") != "%") return text;
  return text + " " + std::string(flow::kpiDeltaUnit(d.key, language));
}

// The KPI table's labels and units in `language`, values with each KPI's decimals, grouped
// and never in exponent form (money reaches billions of yuan).
void printKpiTable(const std::vector<scenario::KpiDelta>& deltas, const std::string& language) {
  std::size_t labelColumns = 3;
  const auto labelOf = [&](const scenario::KpiDelta& d) {
    return std::string(flow::kpiLabel(d.key, language)) + " [" + std::string(flow::kpiUnit(d.key, language)) + "]";
  };
  for (const auto& d : deltas) {
    if (d.someRunHasIt()) labelColumns = std::max(labelColumns, displayColumns(labelOf(d)));
  }
  // Simulated figures of the scenario's period; `flows` gives design capacity instead.
  const bool zh = language == "zh";
  std::cout << padColumns(zh ? "指标（仿真）" : "KPI, simulated", labelColumns) << padColumnsLeft(zh ? "基线" : "baseline", 20)
            << padColumnsLeft(zh ? "情景" : "scenario", 20) << padColumnsLeft(zh ? "差值" : "delta", 20) << "\n";
  for (const auto& d : deltas) {
    if (!d.someRunHasIt()) continue;  // the window's rule: no aluminium rows for a park that makes none
    // Right-aligned by terminal columns: a missing figure's dash is one column, three bytes.
    std::cout << padColumns(labelOf(d), labelColumns) << padColumnsLeft(flow::kpiValueText(d.key, d.baseline), 20)
              << padColumnsLeft(flow::kpiValueText(d.key, d.scenario), 20)
              << padColumnsLeft(deltaText(d, language), 20) << "\n";
  }
  std::cout.flush();
}

// The run's options from the flags; nullopt after saying which flag is wrong.
std::optional<scenario::RunOptions> runOptionsOf(const ScenarioRunOptions& o, const model::Park& park) {
  // Before the run, which may take minutes: a report it could not write would lose it.
  for (const auto& report : o.reports) {
    if (auto ok = scenario::checkReportFile(report, o.lang); !ok) {
      std::cerr << "--report " << ok.error().message << "\n";
      return std::nullopt;
    }
  }
  scenario::RunOptions options;
  // A folder holds the two runs as SQLite historian files; a ClickHouse URI holds them as two parks.
  if (o.store.starts_with("clickhouse://")) options.store_uri = o.store;
  else options.historian_folder = o.store;
  options.store_every_steps = o.storeEvery;
  if (!o.duration.empty()) {
    const auto ms = durationFlag("--duration", o.duration);
    if (!ms) return std::nullopt;
    options.duration_ms = *ms;
  }
  if (!o.from.empty()) {
    const auto ms = instantFlag("--from", o.from, park, o.lang);
    if (!ms) return std::nullopt;
    options.start_ms = *ms;
  }
  return options;
}

// The period, the KPI table, the historian files and the times, in `language`.
void printRunSummary(const scenario::ScenarioResult& result, const std::string& language) {
  // In the park's civil time, as the scenario file and the reports give it.
  std::printf("%s (%s): %s\n", result.scenario.name.in(language).c_str(), result.base_park.id.c_str(),
              localPeriodText(result.scenario.start_ms, result.scenario.end_ms(), model::parkTimeZone(result.base_park)).c_str());
  printKpiTable(result.deltas, language);
  if (const auto note = scenario::skippedTagsNote(result); !note.en.empty()) std::printf("%s\n", note.in(language).c_str());
  const bool zh = language == "zh";
  if (!result.baseline.historian_file.empty()) {
    std::printf(zh ? "历史库：%s，%s\n" : "historian: %s, %s\n", result.baseline.historian_file.c_str(),
                result.changed.historian_file.c_str());
  }
  std::printf(zh ? "用时：%.2f 秒（墙钟）；两次运行合计：仿真 %.2f 秒，调度 %.2f 秒，存储 %.2f 秒\n"
                 : "time: %.2f s wall; summed over both runs: simulation %.2f s, dispatch %.2f s, storage %.2f s\n",
              result.times.wall_s, result.times.simulation_s, result.times.dispatch_s, result.times.storage_s);
}

int runScenarioCommand(const ScenarioRunOptions& o) {
  auto file = scenarioPath(o.file, o.lang);
  auto scenario = file ? scenario::loadScenario(*file, dataFolder(), o.lang) : std::unexpected(file.error());
  if (!scenario) {
    std::cerr << scenario.error().message << "\n";
    return 2;
  }
  // Loaded here, not by the runner, so that its problems come in --lang too (and exit 2: bad input).
  auto park = model::loadPark(scenario->park_file, o.lang);
  if (!park) {
    std::cerr << park.error().message << "\n";
    return 2;
  }
  auto options = runOptionsOf(o, *park);
  if (!options) return 2;
  options->language = o.lang;
  ProgressBar bar("scenario " + scenario->id, 1000);
  options->progress = [&bar](double share) { bar.update(static_cast<std::uint64_t>(share * 1000)); };
  auto result = scenario::runScenario(*scenario, *park, *options);
  if (!result) {
    std::cerr << result.error().message << "\n";
    return result.error().code == ErrorCode::invalid_input ? 2 : 1;  // the files or flags asked for what cannot run
  }
  // The table first: a report that fails now (the disk filled up) does not take the figures with it.
  printRunSummary(*result, o.lang);
  const std::int64_t generated = nowUtcMs();
  int status = 0;
  for (const auto& report : o.reports) {
    if (auto ok = scenario::writeReport(*result, report, o.lang, generated); !ok) {
      std::cerr << ok.error().message << "\n";
      status = 1;
    }
  }
  return status;
}

int listScenarios() {
  const auto folder = dataFolder() / "scenarios";
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) {
    std::cerr << folder.string() << ": " << ec.message() << "\n";
    return 1;
  }
  std::sort(files.begin(), files.end());
  int status = 0;
  for (const auto& file : files) {
    auto s = scenario::loadScenario(file, dataFolder());
    if (!s) {
      std::cerr << s.error().message << "\n";
      status = 1;
      continue;
    }
    std::printf("%-24s %-8s %s / %s\n", file.stem().string().c_str(), s->park.c_str(), s->name.en.c_str(),
                s->name.zh.c_str());
  }
  return status;
}

const bool registered = registerCommand({
    "scenario",
    {"What-if scenarios: run one against its baseline and write reports, or list the bundled ones",
     "假设情景：运行一个情景并与基准对比、写出报告，或列出自带的情景"},
    [](CLI::App& sub) {
      sub.require_subcommand(1);
      auto o = std::make_shared<ScenarioRunOptions>();
      auto action = std::make_shared<std::function<int()>>();
      CLI::App* run = sub.add_subcommand("run", say("Run a scenario file (or a bundled scenario's name)", "运行情景文件（或自带情景的名称）"));
      run->add_option("file", o->file,
                      say("Scenario file, e.g. assets/scenarios/smelter-outage.json", "情景文件，如 assets/scenarios/smelter-outage.json"))->required();
      run->add_option("--report", o->reports,
                      say("Report file(s): .html, .csv or .json by extension", "报告文件（可给多个）：按扩展名写成 .html、.csv 或 .json"));
      run->add_option("--store", o->store,
                      say("Where to keep both runs for replay: a folder (two historian files) or a ClickHouse URI "
                          "clickhouse://HOST:PORT/DB?park=P (parks P_<id>_baseline, P_<id>_scenario)",
                          "保存两次运行以便回放的位置：文件夹（两个历史库文件）或 ClickHouse URI "
                          "clickhouse://主机:端口/库?park=P（园区 P_<id>_baseline、P_<id>_scenario）"));
      run->add_option("--store-every", o->storeEvery,
                      say("Store every Nth simulator step in the historian", "每 N 个仿真步在历史库中存一次"))
          ->check(CLI::PositiveNumber);
      run->add_option("--from", o->from,
                      say("Override the scenario's start (e.g. 2026-07-14T00:00:00+08:00; without a zone, the park's "
                          "civil time)",
                          "改用这个起始时间，代替情景自己的（如 2026-07-14T00:00:00+08:00；不带时区时按园区的当地时间计）"));
      run->add_option("--duration", o->duration,
                      say("Override the scenario's period (e.g. 7d)", "改用这个时长，代替情景自己的（如 7d）"));
      run->callback([o, action] { *action = [o] {
        o->lang = commandLanguage();
        return runScenarioCommand(*o);
      }; });
      CLI::App* list = sub.add_subcommand("list", say("List the bundled scenarios", "列出自带的情景"));
      list->callback([action] { *action = [] { return listScenarios(); }; });
      return [action] { return *action ? (*action)() : 2; };
    }});

}  // namespace
}  // namespace parktwin::cli
