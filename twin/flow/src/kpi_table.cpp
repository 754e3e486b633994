#include "parktwin/flow/kpi_table.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "parktwin/common/number_text.hpp"

namespace parktwin::flow {
namespace {

using enum KpiKey;
constexpr auto more = KpiDirection::more_is_better;
constexpr auto less = KpiDirection::less_is_better;
constexpr auto neutral = KpiDirection::neutral;
// What a figure that does not exist shows (a ratio without its denominator: NaN).
constexpr const char* kNoFigure = "\u2013";

// One row per KpiKey, in enum order (checked at compile time below).
constexpr std::array kTable = {
    // Scenario runs.
    KpiDefinition{metal_t, "metal_t", "t", "吨", more, "Aluminium made (primary + recycled)", "铝产量（原铝+再生铝）", 0},
    KpiDefinition{primary_t, "primary_t", "t", "吨", more, "Primary aluminium (potlines)", "原铝（电解）", 0},
    KpiDefinition{recycled_t, "recycled_t", "t", "吨", more, "Recycled aluminium", "再生铝", 0},
    // Every processing line's tonnes: goods passed from one line to the next count at each stage
    // (QA read the sum as the park's delivery; the name says what it is).
    KpiDefinition{processed_t, "processed_t", "t", "吨", more, "Processors' output (all lines: a chain counts at each stage)",
                  "加工企业产量（各产线合计：链上每道工序都计入）", 0},
    KpiDefinition{good_processed_t, "good_processed_t", "t", "吨", more, "Processors' good output", "加工合格品", 0},
    KpiDefinition{units_made, "units_made", "units", "件", more, "Units made (discrete lines)", "产品件数（离散产线）", 0},
    KpiDefinition{direct_molten_t, "direct_molten_t", "t", "吨", more, "Molten metal supplied directly", "铝液直供", 0},
    KpiDefinition{remelt_t, "remelt_t", "t", "吨", less, "Ingot remelted", "铝锭重熔", 0},
    KpiDefinition{remelt_cost_yuan, "remelt_cost_yuan", "yuan", "元", less, "Remelting cost (300 yuan/t)", "重熔成本（300 元/吨）", 0},
    KpiDefinition{energy_kwh, "energy_kwh", "kWh", "kWh", less, "Electricity used", "用电量", 0},
    KpiDefinition{energy_kwh_per_t_made, "energy_kwh_per_t_made", "kWh/t", "kWh/吨", less,
                  "Electricity per tonne of aluminium made (park load / primary + recycled; parks with potlines)",
                  "吨铝电耗（园区用电 / 原铝+再生铝产量；有电解系列的园区）", 0},
    KpiDefinition{grid_import_kwh, "grid_import_kwh", "kWh", "kWh", less, "Grid import", "电网购电", 0},
    KpiDefinition{local_kwh, "local_kwh", "kWh", "kWh", more, "Local generation used (PV, hydro)", "本地发电自用（光伏、水电）", 0},
    KpiDefinition{pv_kwh, "pv_kwh", "kWh", "kWh", more, "PV generation", "光伏发电量", 0},
    KpiDefinition{self_sufficiency_pct, "self_sufficiency_pct", "%", "%", more,
                  "Energy self-sufficiency (PV and hydro used / park load)", "能源自给率（光伏和水电自用 / 园区用电）", 1},
    KpiDefinition{co2_t, "co2_t", "t", "吨", less, "CO2 emissions", "二氧化碳排放", 0},
    KpiDefinition{energy_cost_yuan, "energy_cost_yuan", "yuan", "元", less, "Electricity cost (tariffs)", "电费（按电价）", 0},
    KpiDefinition{operating_cost_yuan, "operating_cost_yuan", "yuan", "元", less, "Operating cost (retrofitted firms)",
                  "运营成本（改造企业）", 0},
    KpiDefinition{cost_yuan, "cost_yuan", "yuan", "元", less, "Total cost (electricity + remelting + operating)",
                  "总成本（电费+重熔+运营）", 0},
    KpiDefinition{oee_pct, "oee_pct", "%", "%", more, "Overall equipment effectiveness (OEE)", "设备综合效率 OEE", 1},
    KpiDefinition{energy_avoided_vs_primary_kwh, "energy_avoided_vs_primary_kwh", "kWh", "kWh", more,
                  "Electricity avoided vs the same tonnes of primary", "再生铝较同量原铝节电", 0},
    KpiDefinition{co2_avoided_vs_primary_t, "co2_avoided_vs_primary_t", "t", "吨", more,
                  "CO2 avoided vs the same tonnes of primary", "再生铝较同量原铝减排", 0},
    KpiDefinition{retrofit_output_t, "retrofit_output_t", "t", "吨", more, "Retrofitted firms' output", "改造企业产量", 0},
    KpiDefinition{retrofit_kwh_per_t, "retrofit_kwh_per_t", "kWh/t", "kWh/吨", less,
                  "Retrofitted firms' electricity per tonne of their output", "改造企业吨产品电耗（其用电 / 其产量）", 0},
    KpiDefinition{retrofit_operating_cost_yuan_per_t, "retrofit_operating_cost_yuan_per_t", "yuan/t", "元/吨", less,
                  "Retrofitted firms' operating cost per tonne of their output", "改造企业吨产品运营成本", 1},
    KpiDefinition{pumped_support_kwh, "pumped_support_kwh", "kWh", "kWh", neutral, "Pumped-storage support",
                  "抽水蓄能支援电量", 0},
    KpiDefinition{unserved_kwh, "unserved_kwh", "kWh", "kWh", less, "Load shed (unserved energy)", "限电损失电量", 0},
    // Flows at a steady state.
    KpiDefinition{throughput_t_per_h, "throughput_t_per_h", "t/h", "吨/时", more,
                  "Goods delivered per hour (to markets and end processors)", "每小时交付货物（市场和终端加工线）", 2},
    KpiDefinition{throughput_t_per_year, "throughput_t_per_year", "t/yr", "吨/年", more,
                  "Goods delivered per year (to markets and end processors)", "年交付货物（市场和终端加工线）", 0},
    KpiDefinition{capacity_units_per_year, "capacity_units_per_year", "units/yr", "件/年", neutral,
                  "Design capacity in units per year (discrete lines)", "年件数设计产能（离散产线）", 0},
    KpiDefinition{lost_t, "lost_t", "t", "吨", less, "Material lost on links", "链路物料损耗", 1},
    KpiDefinition{energy_lost_kwh, "energy_lost_kwh", "kWh", "kWh", less, "Line and transformer losses", "线路和变压器损耗", 0},
    KpiDefinition{energy_kwh_per_t_delivered, "energy_kwh_per_t_delivered", "kWh/t", "kWh/吨", less,
                  "Electricity per tonne delivered (park load / goods delivered to markets and end processors)",
                  "每吨交付货物电耗（园区用电 / 交付给市场和终端加工线的货物）", 0},
    KpiDefinition{local_supply_kwh, "local_supply_kwh", "kWh", "kWh", more, "Local supply (PV, storage, hydro)",
                  "本地电源供电（光伏、储能、水电）", 0},
    KpiDefinition{local_supply_share_pct, "local_supply_share_pct", "%", "%", more,
                  "Local supply share (PV, storage, hydro / all supply)", "本地电源占比（光伏、储能、水电 / 总供电）", 1},
    KpiDefinition{co2_t_per_t_delivered, "co2_t_per_t_delivered", "t/t", "吨/吨", less,
                  "CO2 per tonne delivered (emissions / goods delivered)", "每吨交付货物碳排放", 3},
    KpiDefinition{material_cost_yuan, "material_cost_yuan", "yuan", "元", less, "Material cost (links, remelt premium)",
                  "物料成本（物流、重熔溢价）", 0},
    KpiDefinition{material_and_energy_cost_yuan, "material_and_energy_cost_yuan", "yuan", "元", less,
                  "Cost (material links + electricity tariffs)", "成本（物料+电费）", 0},
    KpiDefinition{remelt_cost_avoided_yuan, "remelt_cost_avoided_yuan", "yuan", "元", more,
                  "Remelting avoided (300 yuan/t of molten metal supplied)", "避免重熔节约（铝液直供 300 元/吨）", 0},
    // Per object and enterprise.
    KpiDefinition{metal_through_t, "metal_through_t", "t", "吨", more, "Material received or made", "流入或产出物料", 0},
    KpiDefinition{metal_through_t_per_h, "metal_through_t_per_h", "t/h", "吨/时", more, "Material received or made per hour",
                  "每小时流入或产出物料", 2},
    KpiDefinition{capacity_t_per_h, "capacity_t_per_h", "t/h", "吨/时", neutral, "Design capacity of its lines",
                  "产线设计产能", 2},
    KpiDefinition{capacity_units_per_h, "capacity_units_per_h", "units/h", "件/时", neutral,
                  "Design capacity in units (discrete lines)", "件数设计产能（离散产线）", 0},
    KpiDefinition{utilisation_pct, "utilisation_pct", "%", "%", more, "Utilisation (material / design capacity)",
                  "产能利用率（物料 / 设计产能）", 1},
    KpiDefinition{energy_kwh_per_t_through, "energy_kwh_per_t_through", "kWh/t", "kWh/吨", less,
                  "Energy per t of its material (its load / material it receives or makes)",
                  "每吨本身物料电耗（其用电 / 流入或产出物料）", 0},
};

constexpr bool inEnumOrder() {
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    if (static_cast<std::size_t>(kTable[i].key) != i) return false;
  }
  return true;
}
static_assert(inEnumOrder(), "kTable needs one row per KpiKey, in enum order");
static_assert(kTable.back().key == energy_kwh_per_t_through, "a KpiKey added at the end needs its row");

}  // namespace

std::span<const KpiDefinition> kpiDefinitions() { return kTable; }

const KpiDefinition& kpiDefinition(KpiKey key) { return kTable[static_cast<std::size_t>(key)]; }

Result<KpiKey> kpiKeyFromId(std::string_view id) {
  for (const auto& row : kTable) {
    if (row.id == id) return row.key;
  }
  return fail("unknown KPI \"" + std::string(id) + "\"");
}

std::string_view kpiId(KpiKey key) { return kpiDefinition(key).id; }

std::string_view kpiLabel(KpiKey key, std::string_view language) {
  return language == "zh" ? kpiDefinition(key).label_zh : kpiDefinition(key).label_en;
}

std::string_view kpiName(KpiKey key, std::string_view language) {
  const std::string_view label = kpiLabel(key, language);
  const std::size_t parenthesis = std::min(label.find(" ("), label.find("（"));
  return parenthesis == std::string_view::npos ? label : label.substr(0, parenthesis);
}

std::string_view kpiUnit(KpiKey key, std::string_view language) {
  return language == "zh" ? kpiDefinition(key).unit_zh : kpiDefinition(key).unit;
}

std::string_view kpiDeltaUnit(KpiKey key, std::string_view language) {
  if (kpiDefinition(key).unit != "%") return kpiUnit(key, language);
  return language == "zh" ? "个百分点" : "pp";
}

int kpiGoodNews(KpiKey key, double delta) {
  if (delta == 0 || !std::isfinite(delta)) return 0;
  switch (kpiDefinition(key).direction) {
    case KpiDirection::more_is_better: return delta > 0 ? 1 : -1;
    case KpiDirection::less_is_better: return delta < 0 ? 1 : -1;
    case KpiDirection::neutral: break;
  }
  return 0;
}

std::string kpiValueText(KpiKey key, double value) {
  if (!std::isfinite(value)) return kNoFigure;
  return groupedText(value, kpiDefinition(key).decimals);
}

std::string kpiValueWithUnit(KpiKey key, double value, std::string_view language) {
  if (!std::isfinite(value)) return kNoFigure;
  return kpiValueText(key, value) + " " + std::string(kpiUnit(key, language));
}

std::string kpiCompactWithUnit(KpiKey key, double value, std::string_view language) {
  if (!std::isfinite(value)) return kNoFigure;
  const double size = std::fabs(value);
  const std::string unit(kpiUnit(key, language));
  if (language == "zh") {
    // Chinese counts in 万 (10^4) and 亿 (10^8); "元", "吨" and "件" join the count without a space.
    const bool joined = unit == "元" || unit == "吨" || unit.starts_with("件");
    const auto scaled = [&](double by, const char* word, int decimals) {
      return fixedText(value / by, decimals) + " " + word + (joined ? "" : " ") + unit;
    };
    if (size >= 1e8) return scaled(1e8, "亿", 2);
    if (size >= 1e6) return scaled(1e4, "万", 0);
  } else {
    if (size >= 1e9) return fixedText(value / 1e9, 2) + " bn " + unit;
    if (size >= 1e6) return fixedText(value / 1e6, size >= 1e8 ? 0 : 1) + " M " + unit;
  }
  return kpiValueWithUnit(key, value, language);
}

std::vector<KpiValue> flowKpiValues(const FlowKpis& k) {
  // Per tonne delivered is no figure where nothing is delivered (a park whose lines count units
  // and move no material): not "0 kWh/t", which reads as free electricity.
  const auto perTonneDelivered = [&](double value) { return k.delivered_t > 0 ? std::optional(value) : std::nullopt; };
  return {{throughput_t_per_h, k.throughput_t_per_h},
          {throughput_t_per_year, k.throughput_t_per_year},
          {capacity_units_per_year, k.capacity_units_per_year > 0 ? std::optional(k.capacity_units_per_year) : std::nullopt},
          {lost_t, k.lost_t},
          {energy_kwh, k.energy_kwh},
          {energy_lost_kwh, k.energy_lost_kwh},
          {energy_kwh_per_t_delivered, perTonneDelivered(k.energy_kwh_per_t_delivered)},
          {grid_import_kwh, k.grid_energy_kwh},
          {local_supply_kwh, k.local_energy_kwh},
          {local_supply_share_pct, 100 * k.self_sufficiency},
          {co2_t, k.co2_t},
          {co2_t_per_t_delivered, perTonneDelivered(k.co2_t_per_t_delivered)},
          {material_cost_yuan, k.material_cost_yuan},
          {energy_cost_yuan, k.energy_cost_yuan},
          {material_and_energy_cost_yuan, k.cost_yuan},
          {direct_molten_t, k.molten_supply ? std::optional(k.direct_molten_t) : std::nullopt},
          {remelt_t, k.remelt_t},
          {remelt_cost_avoided_yuan, k.molten_supply ? std::optional(k.remelt_cost_avoided_yuan) : std::nullopt}};
}

std::vector<KpiValue> unitKpiValues(const UnitKpis& u) {
  std::vector<KpiValue> out = {{metal_through_t, u.throughput_t},
                               {metal_through_t_per_h, u.throughput_t_per_h},
                               {capacity_t_per_h, u.capacity_t_per_h},
                               {energy_kwh, u.energy_kwh},
                               {energy_kwh_per_t_through, u.energy_kwh_per_t_through},
                               {co2_t, u.co2_t},
                               {material_and_energy_cost_yuan, u.cost_yuan},
                               {direct_molten_t, u.direct_molten_t},
                               {remelt_t, u.remelt_t},
                               {remelt_cost_avoided_yuan, u.remelt_cost_avoided_yuan},
                               {oee_pct, u.oee >= 0 ? std::optional(100 * u.oee) : std::nullopt}};
  if (!u.is_enterprise) out.push_back({utilisation_pct, 100 * u.utilisation});
  // A line that counts units and states no tonnes: its design rate in units/h, the one
  // capacity it has (a line with both is sized by its tonnes, as flows size it).
  if (u.capacity_units_per_h > 0 && u.capacity_t_per_h <= 0) out.push_back({capacity_units_per_h, u.capacity_units_per_h});
  return out;
}

}  // namespace parktwin::flow
