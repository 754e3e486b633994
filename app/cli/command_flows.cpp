// parktwin-cli flows --park NAME [--json] [--fail ID]: solve a park's material and energy
// networks at design capacity; print flows per arc, the bottleneck (minimum cut), KPIs and
// the per-mu ranking; with --db FILE --at T, at the live or replayed state of that moment.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "command_registry.hpp"
#include "flows_text.hpp"
#include "parktwin/common/time_text.hpp"
#include "parktwin/common/time_zone.hpp"
#include "parktwin/flow/constants.hpp"
#include "parktwin/flow/flow_json.hpp"
#include "parktwin/flow/park_flows.hpp"
#include "parktwin/flow/park_state.hpp"
#include "parktwin/flow/solver.hpp"
#include "parktwin/model/history_fit.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/park_time.hpp"
#include "parktwin/store/store.hpp"
#include "store_option.hpp"
#include "terminal.hpp"

namespace parktwin::cli {
namespace {

using nlohmann::json;
using namespace parktwin::flow;

// Planned buildings and utilities the flows leave out (not --commission'ed).
std::vector<UnbuiltObject> unbuiltObjects(const model::Park& park, const std::set<std::string>& built) {
  std::vector<UnbuiltObject> out;
  for (const auto& b : park.buildings) {
    if (b.planned && !built.contains(b.id)) out.push_back({b.id, b.name});
  }
  for (const auto& u : park.utilities) {
    if (u.planned && !built.contains(u.id)) out.push_back({u.id, u.name});
  }
  return out;
}

struct FlowsOptions {
  std::string park, failed, db, at;
  std::vector<std::string> commission;
  bool asJson = false, peak = false;
};

// A history recorded for another park (--park jiulong --db beidu.db) solves at nothing useful:
// said on stderr, as the window says it on a banner (model::historyFit).
void warnIfAnotherParks(const model::Park& park, store::Store& historian, const std::string& db) {
  auto summary = historian.summary();
  if (!summary) return;
  std::vector<std::string> tags;
  for (const auto& tag : *summary) {
    if (tag.samples > 0) tags.push_back(tag.name);
  }
  const auto text = model::anotherParksHistoryText(model::historyFit(park, tags), db, park);
  if (!text.en.empty()) std::cerr << say("warning: ", "警告：") << text.in(commandLanguage()) << "\n";
}

// A moment on the park's clock with its offset, "2026-12-08T05:09:20.000+08:00": what a park
// manager reads, and what --at and export --times park take and give (one instant still).
std::string parkTimeText(const model::Park& park, std::int64_t utc_ms) { return isoTextIn(utc_ms, model::parkTimeZone(park)); }

// A moment after the recording's last sample holds the last values recorded: nothing says the
// plant still ran that way (the window's --replay --at refuses it). Warned on stderr.
void warnIfAfterRecording(const model::Park& park, store::Store& historian, const std::string& db, std::int64_t atMs) {
  auto summary = historian.summary();
  if (!summary) return;
  std::optional<std::int64_t> first, last;
  for (const auto& tag : *summary) {
    if (tag.samples == 0) continue;
    first = std::min(first.value_or(tag.first_ms), tag.first_ms);
    last = std::max(last.value_or(tag.last_ms), tag.last_ms);
  }
  if (!last || atMs <= *last) return;
  const std::string at = parkTimeText(park, atMs);
  const std::string span = parkTimeText(park, *first) + " .. " + parkTimeText(park, *last);
  if (commandLanguage() == "zh") {
    std::cerr << "警告：--at " << at << " 晚于记录结束（" << db << " 记录的时段为 " << span
              << "）：按最后记录的数值求解，如同它们至今未变\n";
  } else {
    std::cerr << "warning: --at " << at << " is after the recording ends (" << db << " holds " << span
              << "): the last values recorded are solved as if they still held\n";
  }
}

// The state at `at` (a time without a zone is the park's civil time: model::parkInstantMs) from
// the historian `db`, as network overrides; nullopt after printing why.
std::optional<StateOverrides> stateFromHistorian(const model::Park& park, const std::string& db, const std::string& at,
                                                 std::int64_t& atMs) {
  auto t = model::parkInstantMs(at, &park, commandLanguage());
  if (!t) {
    std::cerr << "--at: " << t.error().message << "\n";
    return std::nullopt;
  }
  atMs = *t;
  auto historian = store::openStore(db, store::StoreOptions{.read_only = true, .historian = {}});
  if (!historian) {
    std::cerr << historian.error().message << "\n";
    return std::nullopt;
  }
  warnIfAnotherParks(park, **historian, db);
  warnIfAfterRecording(park, **historian, db, *t);
  auto state = (*historian)->stateAt(*t);
  if (!state) {
    std::cerr << db << ": " << state.error().message << "\n";
    return std::nullopt;
  }
  if (state->empty()) {
    std::cerr << db << say(": no sample at or before ", "：在此时刻及之前没有样本：") << parkTimeText(park, *t) << "\n";
    return std::nullopt;
  }
  std::map<std::string, double> values;
  for (const auto& s : *state) values[s.tag] = s.value;
  return overridesFromState(park, values, atMs);
}

// --db goes with --at, and --commission names planned objects; false after printing why.
bool checkFlags(const FlowsOptions& o, const model::Park& park) {
  if (o.db.empty() != o.at.empty()) {
    std::cerr << say("flows: --db (or --store) and --at go together (the state of the history at that time)\n",
                     "flows：--db（或 --store）与 --at 须一起使用（历史在该时刻的状态）\n");
    return false;
  }
  for (const auto& id : o.commission) {
    const auto* b = park.findBuilding(id);
    const auto* u = park.findUtility(id);
    if (!(b && b->planned) && !(u && u->planned)) {
      if (commandLanguage() == "zh") std::cerr << "--commission：“" << id << "”不是 " << park.id << " 中规划的建筑或公用设施\n";
      else std::cerr << "--commission: \"" << id << "\" is not a planned building or utility of " << park.id << "\n";
      return false;
    }
  }
  return true;
}

// The flows solved, what they stand for in words, and the historian's state they were
// solved at (with --db).
struct SolvedFlows {
  Result<ParkFlowReport> report = fail("not solved");
  FlowsBasis basis;
  std::optional<StateOverrides> state;
  std::optional<model::LocalizedText> no_networks;  // why neither network can be built (report failed)
};

// One hour at the historian's state at --at; nullopt after printing why.
std::optional<SolvedFlows> solveAtHistorianState(const FlowsOptions& o, const model::Park& park,
                                                 const std::set<std::string>& built) {
  SolvedFlows solved;
  std::int64_t atMs = 0;
  solved.state = stateFromHistorian(park, o.db, o.at, atMs);
  if (!solved.state) return std::nullopt;
  solved.state->material.built = built;
  solved.state->energy.built = built;
  solved.report = solveParkFlows(park, solved.state->material, solved.state->energy, 1.0);
  if (!solved.report) solved.no_networks = whyNoFlows(park, solved.state->material, solved.state->energy);
  const std::string at = parkTimeText(park, atMs);
  solved.basis.flows = {at + "，取自 " + o.db + "（按该状态计一小时）", "at " + at + " from " + o.db + " (one hour at that state)"};
  solved.basis.kpis = {"按该状态计一小时（实测）", "for one hour at that state (measured)"};
  return solved;
}

// At design capacity: a year's average hour, or with --peak a peak hour.
SolvedFlows solveAtDesign(const FlowsOptions& o, const model::Park& park, const std::set<std::string>& built) {
  SolvedFlows solved;
  FlowOverrides design;
  design.supply_basis = o.peak ? SupplyBasis::rated_power : SupplyBasis::annual_average;
  design.built = built;
  solved.report = solveParkFlows(park, design, o.peak ? 1.0 : kHoursPerYear);
  if (!solved.report) solved.no_networks = whyNoFlows(park, design, design);
  solved.basis.flows = o.peak ? model::LocalizedText{"按设计产能，高峰小时（各电源按额定功率）",
                                                     "at design capacity, a peak hour (every source at its rating)"}
                             : model::LocalizedText{"按设计产能，全年的平均小时", "at design capacity, the average hour of a year"};
  // A scenario's baseline is a simulated year (outages, weather), a little below this.
  solved.basis.kpis =
      o.peak ? model::LocalizedText{"设计产能下的一个高峰小时", "for one peak hour at design capacity"}
             : model::LocalizedText{"设计产能下的一年：平均小时 × 8,760 小时；`scenario run` 仿真一整年",
                                    "for a year at design capacity (the average hour x 8,760 h; `scenario run` simulates a year)"};
  return solved;
}

struct FailureImpacts {
  std::optional<FailureImpact> material, energy;
};

// What --fail ID takes out of each network (none without --fail); nullopt after printing why
// when neither network has that node or arc.
std::optional<FailureImpacts> failureImpacts(const std::string& failed, const ParkFlowReport& report) {
  FailureImpacts impacts;
  if (failed.empty()) return impacts;
  if (report.has_material) {
    if (auto impact = failureImpact(report.material.network, failed)) impacts.material = *impact;
  }
  if (report.has_energy) {
    if (auto impact = failureImpact(report.energy.network, failed)) impacts.energy = *impact;
  }
  if (!impacts.material && !impacts.energy) {
    if (commandLanguage() == "zh") std::cerr << "--fail：两个网络中都没有节点或连接“" << failed << "”\n";
    else std::cerr << "--fail: no node or arc \"" << failed << "\" in either network\n";
    return std::nullopt;
  }
  return impacts;
}

void printFlowsJson(const model::Park& park, const SolvedFlows& solved, const FailureImpacts& impacts,
                    const std::set<std::string>& built) {
  json out = flowReportJson(park, *solved.report, impacts.material, impacts.energy);
  out["basis"] = solved.basis.flows.en;
  out["kpi_basis"] = solved.basis.kpis.en;
  out["planned_not_built"] = json::array();
  for (const auto& object : unbuiltObjects(park, built)) out["planned_not_built"].push_back(object.id);
  if (solved.state) out["down"] = solved.state->down;
  std::cout << out.dump(2) << "\n";
}

void printFlowsText(const model::Park& park, const SolvedFlows& solved, const FailureImpacts& impacts,
                    const std::set<std::string>& built) {
  printFlowsReport(park, *solved.report, impacts.material, impacts.energy, solved.basis, unbuiltObjects(park, built));
  if (solved.state) printDownAtThatTime(solved.state->down, solved.state->notes);
}

int runFlows(const FlowsOptions& o) {
  auto park = loadParkArgument(o.park, commandLanguage());
  if (!park) {
    std::cerr << park.error().message << "\n";
    return 2;
  }
  if (!checkFlags(o, *park)) return 2;
  const std::set<std::string> built(o.commission.begin(), o.commission.end());
  const std::optional<SolvedFlows> solved =
      o.db.empty() ? solveAtDesign(o, *park, built) : solveAtHistorianState(o, *park, built);
  if (!solved) return 2;
  if (!solved->report) {
    const auto& why = solved->no_networks;
    std::cerr << (why ? why->in(commandLanguage()) : solved->report.error().message) << "\n";
    return 1;
  }
  const auto impacts = failureImpacts(o.failed, *solved->report);
  if (!impacts) return 2;
  if (o.asJson) printFlowsJson(*park, *solved, *impacts, built);
  else printFlowsText(*park, *solved, *impacts, built);
  return 0;
}

const bool registered = registerCommand({
    "flows",
    {"Solve material and energy flows: flows per arc, bottleneck (min cut), KPIs, per-mu ranking",
     "求解物料流和能源流：各条连接的流量、瓶颈（最小割）、KPI、亩均排名"},
    [](CLI::App& sub) {
      auto o = std::make_shared<FlowsOptions>();
      sub.add_option("--park", o->park,
                     say("Park file, or the name of a bundled park (beidu, jiulong)", "园区文件，或内置园区的名称（beidu、jiulong）"))->required();
      sub.add_flag("--json", o->asJson, say("Print the solution as JSON", "以 JSON 格式打印求解结果"));
      sub.add_option("--fail", o->failed,
                     say("Also report who loses supply if this node or link fails", "同时报告此节点或连接故障时谁会断供"));
      sub.add_flag("--peak", o->peak,
                   say("A peak hour with sources at rated power, instead of a year's average hour",
                       "按高峰小时（电源按额定功率）计算，而不是按全年的平均小时"));
      auto* dbOption = sub.add_option("--db", o->db,
                                      say("Historian file (simulate --db, ingest --db): solve at its state at --at",
                                          "历史库文件（simulate --db、ingest --db 写出的）：按它在 --at 时刻的状态求解"));
      addStoreOption(sub, o->db, dbOption);
      sub.add_option("--at", o->at,
                     say("With --db or --store: the moment, ISO-8601 or epoch seconds/ms; a time without a zone "
                         "(2026-06-01 08:00) is the park's civil time (its time_zone), not UTC",
                         "与 --db 或 --store 一起使用：时刻，ISO-8601 或纪元秒/毫秒；不带时区的时间"
                         "（2026-06-01 08:00）按园区的当地时间（其 time_zone）计，而不是 UTC"));
      sub.add_option("--commission", o->commission,
                     say("Count this planned building or utility as built, as a scenario's commission change does "
                         "(planned objects are left out otherwise); repeatable",
                         "把这个规划中的建筑或公用设施按已建成计算，与情景的投运变更相同（否则不计规划中的对象）；可重复"));
      return [o] { return runFlows(*o); };
    }});

}  // namespace
}  // namespace parktwin::cli
