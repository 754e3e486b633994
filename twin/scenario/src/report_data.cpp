// CSV and JSON reports, KPI labels, and writing a report by extension.
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parktwin/scenario/report.hpp"
#include "parktwin/sim/time_text.hpp"

namespace parktwin::scenario {
namespace {

std::string number(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Rounds to 6 significant digits so that JSON numbers print the same on every run.
double tidy(double x) { return std::stod(number(x)); }

nlohmann::json seriesJson(const RunSeries& s) {
  const auto v = [](const std::vector<double>& xs) {
    nlohmann::json a = nlohmann::json::array();
    for (double x : xs) a.push_back(tidy(x));
    return a;
  };
  return {{"metal_t", v(s.metal_t)},          {"processed_t", v(s.processed_t)}, {"remelt_t", v(s.remelt_t)},
          {"load_kw", v(s.load_kw)},          {"grid_import_kw", v(s.grid_import_kw)},
          {"local_kw", v(s.local_kw)},        {"co2_t", v(s.co2_t)},             {"cost_yuan", v(s.cost_yuan)}};
}

nlohmann::json rankingJson(const std::vector<flow::PerMuRank>& ranking) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& r : ranking) {
    a.push_back({{"rank", r.rank}, {"enterprise", r.enterprise_id}, {"output_yuan_per_mu", tidy(r.output_yuan_per_mu)},
                 {"tax_yuan_per_mu", tidy(r.tax_yuan_per_mu)}});
  }
  return a;
}

}  // namespace

std::string kpiLabel(const std::string& key, const std::string& language) {
  static const std::map<std::string, std::pair<const char*, const char*>> labels = {
      {"metal_t", {"铝产量（原铝+再生铝）", "Aluminium made (primary + recycled)"}},
      {"primary_t", {"原铝（电解）", "Primary aluminium (potlines)"}},
      {"recycled_t", {"再生铝", "Recycled aluminium"}},
      {"processed_t", {"加工企业产量", "Processors' output"}},
      {"good_processed_t", {"加工合格品", "Processors' good output"}},
      {"direct_molten_t", {"铝液直供", "Molten metal supplied directly"}},
      {"remelt_t", {"铝锭重熔", "Ingot remelted"}},
      {"remelt_cost_yuan", {"重熔成本", "Remelting cost"}},
      {"energy_kwh", {"用电量", "Electricity used"}},
      {"energy_kwh_per_t", {"吨铝电耗", "Electricity per tonne of aluminium"}},
      {"grid_import_kwh", {"电网购电", "Grid import"}},
      {"local_kwh", {"本地发电自用（光伏、水电）", "Local generation used (PV, hydro)"}},
      {"pv_kwh", {"光伏发电量", "PV generation"}},
      {"self_sufficiency", {"能源自给率", "Energy self-sufficiency"}},
      {"co2_t", {"二氧化碳排放", "CO2 emissions"}},
      {"energy_cost_yuan", {"电费", "Electricity cost"}},
      {"operating_cost_yuan", {"运营成本（改造企业）", "Operating cost (retrofitted firms)"}},
      {"cost_yuan", {"总成本（电费+重熔+运营）", "Total cost (electricity + remelting + operating)"}},
      {"oee", {"设备综合效率 OEE", "Overall equipment effectiveness (OEE)"}},
      {"energy_avoided_vs_primary_kwh", {"再生铝较同量原铝节电", "Electricity avoided vs the same tonnes of primary"}},
      {"co2_avoided_vs_primary_t", {"再生铝较同量原铝减排", "CO2 avoided vs the same tonnes of primary"}},
      {"retrofit_output_t", {"改造企业产量", "Retrofitted firms' output"}},
      {"retrofit_kwh_per_t", {"改造企业吨产品电耗", "Retrofitted firms' electricity per tonne"}},
      {"retrofit_operating_cost_yuan_per_t", {"改造企业吨产品运营成本", "Retrofitted firms' operating cost per tonne"}},
      {"pumped_support_kwh", {"抽水蓄能支援电量", "Pumped-storage support"}},
      {"unserved_kwh", {"限电损失电量", "Load shed (unserved energy)"}},
  };
  auto it = labels.find(key);
  if (it == labels.end()) return key;
  return language == "zh" ? it->second.first : it->second.second;
}

int kpiDirection(const std::string& key) {
  // Less of these is good news; of the rest (output, local energy, avoided energy) more is.
  static const std::set<std::string> lowerIsBetter = {
      "remelt_t", "remelt_cost_yuan", "energy_kwh", "energy_kwh_per_t", "grid_import_kwh", "co2_t",
      "energy_cost_yuan", "operating_cost_yuan", "cost_yuan", "retrofit_kwh_per_t",
      "retrofit_operating_cost_yuan_per_t", "unserved_kwh"};
  static const std::set<std::string> neutral = {"pumped_support_kwh"};  // help used, neither good nor bad
  if (neutral.contains(key)) return 0;
  return lowerIsBetter.contains(key) ? -1 : 1;
}

std::string reportCsv(const ScenarioResult& r, const std::string& generated_at) {
  std::ostringstream out;
  out << "# parktwin scenario " << r.scenario.id << ", park " << r.base_park.id << ", seed " << r.scenario.seed
      << ", " << sim::formatInstantUtc(r.scenario.start_ms) << " .. " << sim::formatInstantUtc(r.scenario.end_ms())
      << "\n# generated " << generated_at << "\n";
  out << "kpi,unit,baseline,scenario,delta\n";
  for (const auto& d : r.deltas) {
    out << d.key << "," << d.unit << "," << number(d.baseline) << "," << number(d.scenario) << "," << number(d.delta())
        << "\n";
  }
  out << "\nhour_start_utc,run,metal_t,processed_t,remelt_t,load_kw,grid_import_kw,local_kw,co2_t,cost_yuan\n";
  for (const RunResult* run : {&r.baseline, &r.changed}) {
    const RunSeries& s = run->hourly;
    for (std::size_t i = 0; i < s.metal_t.size(); ++i) {
      out << sim::formatInstantUtc(r.scenario.start_ms + static_cast<std::int64_t>(i) * r.bucket_ms) << ","
          << csvField(run->label) << "," << number(s.metal_t[i]) << "," << number(s.processed_t[i]) << ","
          << number(s.remelt_t[i]) << "," << number(s.load_kw[i]) << "," << number(s.grid_import_kw[i]) << ","
          << number(s.local_kw[i]) << "," << number(s.co2_t[i]) << "," << number(s.cost_yuan[i]) << "\n";
    }
  }
  return out.str();
}

std::string reportJson(const ScenarioResult& r, const std::string& generated_at) {
  nlohmann::json kpis = nlohmann::json::array();
  for (const auto& d : r.deltas) {
    kpis.push_back({{"key", d.key}, {"unit", d.unit}, {"baseline", tidy(d.baseline)}, {"scenario", tidy(d.scenario)},
                    {"delta", tidy(d.delta())}});
  }
  nlohmann::json assumptions = nlohmann::json::array();
  for (const auto& a : r.assumptions) assumptions.push_back({{"zh", a.zh}, {"en", a.en}});
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& c : r.scenario.changes) {
    nlohmann::json one{{"type", changeKindName(c.kind)}, {"path", c.path}};
    if (!c.target.empty()) one["target"] = c.target;
    if (c.window) {
      one["from"] = sim::formatInstantUtc(c.window->start_ms);
      one["until"] = sim::formatInstantUtc(c.window->end_ms);
    }
    changes.push_back(one);
  }
  nlohmann::json out{
      {"scenario", r.scenario.id},
      {"name", {{"zh", r.scenario.name.zh}, {"en", r.scenario.name.en}}},
      {"park", r.base_park.id},
      {"seed", r.scenario.seed},
      {"start", sim::formatInstantUtc(r.scenario.start_ms)},
      {"end", sim::formatInstantUtc(r.scenario.end_ms())},
      {"step_s", r.scenario.step_ms / 1000},
      {"generated", generated_at},
      {"changes", changes},
      {"assumptions", assumptions},
      {"kpis", kpis},
      {"per_mu_ranking", {{"baseline", rankingJson(r.baseline.ranking)}, {"scenario", rankingJson(r.changed.ranking)}}},
      {"hourly", {{"baseline", seriesJson(r.baseline.hourly)}, {"scenario", seriesJson(r.changed.hourly)}}},
  };
  return out.dump(1) + "\n";
}

Result<void> writeReport(const ScenarioResult& result, const std::filesystem::path& file, const std::string& language,
                         const std::string& generated_at) {
  const std::string ext = file.extension().string();
  std::string text;
  if (ext == ".html" || ext == ".htm") text = reportHtml(result, language, generated_at);
  else if (ext == ".csv") text = reportCsv(result, generated_at);
  else if (ext == ".json") text = reportJson(result, generated_at);
  else return fail(file.string() + ": unknown report format; use .html, .csv or .json");
  std::ofstream out(file, std::ios::binary);
  if (!out) return fail(file.string() + ": cannot write the report");
  out << text;
  if (!out) return fail(file.string() + ": write failed");
  return {};
}

}  // namespace parktwin::scenario
