#include "flows_text.hpp"

#include <algorithm>
#include <iomanip>
#include <iostream>

#include "command_registry.hpp"
#include "parktwin/common/number_text.hpp"
#include "parktwin/flow/arc_text.hpp"
#include "parktwin/flow/flow_json.hpp"
#include "parktwin/flow/kpi_table.hpp"
#include "terminal.hpp"

namespace parktwin::cli {
namespace {

using namespace parktwin::flow;

bool chinese() { return commandLanguage() == "zh"; }

// The unit of what a network carries, and of money per that unit, as people read them.
// (flow::quantityUnit's "t/h" and "kW"; under zh tonnes per hour as the KPI table writes them.)
const char* unitOf(const FlowNetwork& n) {
  return commandLanguage() == "zh" && n.quantity == Quantity::material_t_per_h ? "吨/时" : quantityUnit(n);
}
const char* costUnitOf(const FlowNetwork& n) {
  return n.quantity == Quantity::material_t_per_h ? say("yuan/t", "元/吨") : say("yuan/kWh", "元/kWh");
}

// Flows and capacities at the solver's resolution (0.001 t/h or kW), never in exponent form.
std::string flowText(double x) { return fixedText(x, 3); }

// "Potline 1 (potline-1)", under zh "电解一系列 (potline-1)"; an id the network has no node for as it is.
std::string namedNode(const model::Park& park, const FlowNetwork& n, const std::string& id) {
  const int node = n.findNode(id);
  if (node < 0) return id;
  const std::string name = nodeName(n, node, &park, commandLanguage());
  return name.empty() ? id : name + " (" + id + ")";
}

void printNetworkHeading(const model::Park& park, const NetworkSolution& s) {
  const FlowNetwork& n = s.network;
  const bool material = n.quantity == Quantity::material_t_per_h;
  const char* objective = material ? say(" yuan/h (links' costs and remelt premium)\n", " 元/时（连接费用和重熔溢价）\n")
                                   : say(" yuan/h, weighted (tariffs plus the merit weights in yuan/kWh that rank the sources; "
                                         "the KPIs below are the money paid)\n",
                                         " 元/时，加权（电价加上为电源排序的优先权重，单位 元/kWh；下面的 KPI 是实际支付的金额）\n");
  if (chinese()) {
    std::cout << "\n" << (material ? "物料" : "能源") << "网络：" << n.nodes.size() << " 个节点，" << n.arcs.size() << " 条弧\n"
              << "  最大流量 " << flowText(s.max_flow.value) << " " << unitOf(n) << "；调度目标 " << fixedText(s.dispatch.cost, 2)
              << objective << "  瓶颈（最小割，" << flowText(s.max_flow.cut_capacity) << " " << unitOf(n) << "）：\n";
  } else {
    std::cout << "\n" << (material ? "Material" : "Energy") << " network: " << n.nodes.size() << " nodes, " << n.arcs.size()
              << " arcs\n  maximum flow " << flowText(s.max_flow.value) << " " << unitOf(n) << "; dispatch objective "
              << fixedText(s.dispatch.cost, 2) << objective << "  bottleneck (minimum cut, "
              << flowText(s.max_flow.cut_capacity) << " " << unitOf(n) << "):\n";
  }
  for (const auto& c : s.max_flow.min_cut) {
    std::cout << "    " << c.id << "  " << describeArc(n, c.arc, &park, commandLanguage()) << "  " << flowText(c.capacity) << " "
              << unitOf(n) << "\n";
  }
}

// Who a failure (--fail) cuts off or leaves short.
void printFailure(const model::Park& park, const FlowNetwork& n, const FailureImpact& impact) {
  // Names with ids, and every load left short, not only those cut off (QA: a hall kept on its
  // own PV at 84 of 685 kW was not mentioned).
  const bool zh = chinese();
  std::string islanded;
  for (const auto& id : impact.islanded) islanded += (islanded.empty() ? zh ? "" : " " : zh ? "、" : ", ") + namedNode(park, n, id);
  if (islanded.empty()) islanded = say(" none", "无");
  std::cout << "  " << (zh ? "" : "failure of ") << namedNode(park, n, impact.failed) << say(": maximum flow ", " 故障：最大流量 ")
            << flowText(impact.value_before) << " -> " << flowText(impact.value_after) << " " << unitOf(n)
            << say("; islanded:", "；断供：") << islanded << "\n";
  for (const auto& shortfall : impact.shortfalls) {
    if (zh) {
      std::cout << "    不足：" << namedNode(park, n, shortfall.node_id) << " 只得到 " << flowText(shortfall.supplied) << "，需要 "
                << flowText(shortfall.needed) << " " << unitOf(n) << "\n";
    } else {
      std::cout << "    short: " << namedNode(park, n, shortfall.node_id) << " gets " << flowText(shortfall.supplied) << " of "
                << flowText(shortfall.needed) << " " << unitOf(n) << "\n";
    }
  }
}

void printNetwork(const model::Park& park, const NetworkSolution& s, const std::optional<FailureImpact>& impact) {
  const FlowNetwork& n = s.network;
  printNetworkHeading(park, s);
  std::cout << say("  flows (dispatch; @ money per unit):\n", "  流量（调度；@ 后为单位金额）：\n");
  for (std::size_t i = 0; i < n.arcs.size(); ++i) {
    const FlowArc& a = n.arcs[i];
    std::cout << "    " << std::left << std::setw(28) << a.id << std::right << std::setw(14) << flowText(s.dispatch.arc_flow[i])
              << " / " << std::setw(12) << flowText(a.capacity) << " " << unitOf(n) << "  @ "
              << compactText(a.money_yuan_per_unit, 4) << " " << costUnitOf(n) << "  "
              << describeArc(n, static_cast<int>(i), &park, commandLanguage()) << "\n";
  }
  if (impact) printFailure(park, n, *impact);
}

// A KPI of a unit, for a table column: its text, or "-" when nothing measured it.
std::string unitCell(const UnitKpis& u, KpiKey key) {
  for (const auto& v : unitKpiValues(u)) {
    if (v.key == key) return v.value ? kpiValueText(key, *v.value) : std::string("-");
  }
  return "-";
}

// A firm as the tables name it: English and Chinese; under zh its Chinese name alone (the
// English where it has none).
std::string firmName(const std::string& en, const std::string& zh) {
  if (chinese()) return zh.empty() ? en : zh;
  return en + " " + zh;
}

void printKpis(const ParkFlowReport& r, const FlowsBasis& basis) {
  const FlowKpis& k = r.kpis;
  // Labels, units and decimals from the KPI table, as the window and the reports show them.
  const auto values = flowKpiValues(k);
  const std::string& lang = commandLanguage();
  std::size_t labelColumns = 0;
  for (const auto& v : values) labelColumns = std::max(labelColumns, displayColumns(std::string(kpiLabel(v.key, lang))));
  if (chinese()) std::cout << "\nKPI（" << basis.kpis.zh << "），共 " << compactText(k.hours, 2) << " 小时：\n";
  else std::cout << "\nKPIs " << basis.kpis.en << ", over " << compactText(k.hours, 2) << " h:\n";
  for (const auto& v : values) {
    std::cout << "  " << padColumns(std::string(kpiLabel(v.key, lang)), labelColumns) << "  "
              << (v.value ? kpiValueWithUnit(v.key, *v.value, lang) : std::string("-")) << "\n";
  }
}

void printEnterprises(const ParkFlowReport& r, std::size_t nameColumns) {
  std::cout << say("\nBy enterprise (material entering the firm or made by it; energy, CO2 and cost of its lines and buildings):\n",
                   "\n按企业（进入企业或由其生产的物料；其产线和建筑的电耗、二氧化碳和成本）：\n")
            << "  " << padColumns(say("enterprise", "企业"), nameColumns) << padColumnsLeft(say("material t", "物料 吨"), 14)
            << padColumnsLeft(say("kWh/t received", "收料电耗 kWh/吨"), 18) << padColumnsLeft(say("CO2 t", "二氧化碳 吨"), 14)
            << padColumnsLeft(say("cost yuan", "成本 元"), 18) << padColumnsLeft(say("avoided yuan", "节约 元"), 16)
            << padColumnsLeft("OEE %", 8) << "\n";
  for (const auto& e : r.breakdown.enterprises) {
    const bool perTonne = e.throughput_t > 0 && e.energy_kwh > 0;
    std::cout << "  " << padColumns(firmName(e.name_en, e.name_zh), nameColumns) << std::setw(14)
              << unitCell(e, KpiKey::metal_through_t) << std::setw(18)
              << (perTonne ? unitCell(e, KpiKey::energy_kwh_per_t_through) : std::string("-")) << std::setw(14)
              << unitCell(e, KpiKey::co2_t) << std::setw(18) << unitCell(e, KpiKey::material_and_energy_cost_yuan)
              << std::setw(16) << unitCell(e, KpiKey::remelt_cost_avoided_yuan) << std::setw(8)
              << unitCell(e, KpiKey::oee_pct) << "\n";
  }
  std::cout << say("  (per line and building: --json, \"objects\"; OEE where a line's .oee tag is measured)\n",
                   "  （各产线和建筑的数值见 --json 的 \"objects\"；产线的 .oee 测点有测量值时才有 OEE）\n");
}

void printRanking(const ParkFlowReport& r, std::size_t nameColumns) {
  const bool zh = chinese();
  std::cout << say("\nPer-mu ranking (亩均论英雄, per year):\n", "\n亩均论英雄（亩均效益排名，每年）：\n");
  for (const auto& e : r.ranking) {
    std::cout << "  " << std::setw(2) << e.rank << ". " << padColumns(firmName(e.name_en, e.name_zh), nameColumns)
              << say(" tax ", " 税收 ") << std::setw(14) << groupedText(e.tax_yuan_per_mu, 0)
              << say(" yuan/mu, output ", " 元/亩，产值 ") << std::setw(16) << groupedText(e.output_yuan_per_mu, 0)
              << (zh ? " 元/亩（" : " yuan/mu (") << compactText(e.land_area_mu, 1) << (zh ? " 亩）\n" : " mu)\n");
  }
}

}  // namespace

void printFlowsReport(const model::Park& park, const ParkFlowReport& r, const std::optional<FailureImpact>& materialImpact,
                      const std::optional<FailureImpact>& energyImpact, const FlowsBasis& basis,
                      const std::vector<UnbuiltObject>& unbuilt) {
  const std::string& lang = commandLanguage();
  if (chinese()) std::cout << parkTitle(park, lang) << "：流量，" << basis.flows.zh << "\n";
  else std::cout << parkTitle(park, lang) << ": flows " << basis.flows.en << "\n";
  for (const auto& object : unbuilt) {
    if (chinese()) {
      std::cout << "  规划中，未计入这些流量：" << object.name.zh << "（" << object.id << "；加 --commission " << object.id
                << " 可按已建成计算）\n";
    } else {
      std::cout << "  planned, not in these flows: " << object.name.en << " (" << object.id << "; --commission " << object.id
                << " builds it)\n";
    }
  }
  if (r.has_material) printNetwork(park, r.material, materialImpact);
  if (r.has_energy) printNetwork(park, r.energy, energyImpact);
  printKpis(r, basis);
  std::size_t nameColumns = 10;
  for (const auto& e : r.breakdown.enterprises) nameColumns = std::max(nameColumns, displayColumns(firmName(e.name_en, e.name_zh)));
  for (const auto& e : r.ranking) nameColumns = std::max(nameColumns, displayColumns(firmName(e.name_en, e.name_zh)));
  printEnterprises(r, nameColumns);
  printRanking(r, nameColumns);
  for (const auto& w : r.warnings) std::cerr << say("warning: ", "警告：") << w.in(lang) << "\n";
}

void printDownAtThatTime(const std::vector<std::string>& down, const std::vector<model::LocalizedText>& notes) {
  const bool zh = chinese();
  std::string ids;
  for (const auto& id : down) ids += (zh ? (ids.empty() ? "" : "、") : " ") + id;
  if (ids.empty()) ids = say(" none", "无");
  std::cout << say("\nDown at that time:", "\n当时停运：") << ids << "\n";
  for (const auto& note : notes) std::cout << say("  note: ", "  说明：") << note.in(commandLanguage()) << "\n";
}

}  // namespace parktwin::cli
