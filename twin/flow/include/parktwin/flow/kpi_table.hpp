#pragma once
// The one table of key figures: for each KPI its key, unit, which way is good news, its name
// in English and Chinese and how many decimals people see. The flow KPIs (`parktwin-cli
// flows`, the window's KPI bar, per object and firm) and the scenario KPIs (runner, reports,
// `parktwin-cli scenario`, the scenario panel) all read it, so one name has one meaning:
// electricity per tonne of aluminium *made* and per tonne *delivered* are two KPIs with two
// keys and labels that say what they divide by.
// The material network carries whatever a park moves, in tonnes (molten aluminium in Beidu, LED
// modules or parts elsewhere), so the flow and per-object labels speak of goods and material;
// only the KPIs that are about aluminium (made, remelted, molten supply) name it. Discrete
// lines (capacity_units_per_hour) count in units: units made in a run, design units/h per line.
// It lives in twin/flow because the flow layer defines most of these figures and the scenario
// layer already depends on it (twin/common knows nothing of parks).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/flow/kpi.hpp"
#include "parktwin/flow/kpi_breakdown.hpp"

namespace parktwin::flow {

// Every KPI; a figure not listed here cannot be shown or exported.
enum class KpiKey {
  // Scenario runs (scenario::RunKpis, over the period run).
  metal_t,
  primary_t,
  recycled_t,
  processed_t,
  good_processed_t,
  units_made,
  direct_molten_t,
  remelt_t,
  remelt_cost_yuan,
  energy_kwh,
  energy_kwh_per_t_made,
  grid_import_kwh,
  local_kwh,
  pv_kwh,
  self_sufficiency_pct,
  co2_t,
  energy_cost_yuan,
  operating_cost_yuan,
  cost_yuan,
  oee_pct,
  energy_avoided_vs_primary_kwh,
  co2_avoided_vs_primary_t,
  retrofit_output_t,
  retrofit_kwh_per_t,
  retrofit_operating_cost_yuan_per_t,
  pumped_support_kwh,
  unserved_kwh,
  // Flows at a steady state (flow::FlowKpis); energy_kwh, grid_import_kwh, co2_t,
  // energy_cost_yuan, direct_molten_t and remelt_t above too.
  throughput_t_per_h,
  throughput_t_per_year,
  capacity_units_per_year,
  lost_t,
  energy_lost_kwh,
  energy_kwh_per_t_delivered,
  local_supply_kwh,
  local_supply_share_pct,
  co2_t_per_t_delivered,
  material_cost_yuan,
  material_and_energy_cost_yuan,
  remelt_cost_avoided_yuan,
  // Per object and enterprise (flow::UnitKpis); energy_kwh, co2_t, direct_molten_t, remelt_t,
  // material_and_energy_cost_yuan, remelt_cost_avoided_yuan and oee_pct above too.
  metal_through_t,
  metal_through_t_per_h,
  capacity_t_per_h,
  capacity_units_per_h,
  utilisation_pct,
  energy_kwh_per_t_through,
};

enum class KpiDirection {
  more_is_better,  // output, local energy, avoided cost
  less_is_better,  // cost, energy, CO2, remelting, losses
  neutral,         // help used (pumped-storage support), a design figure
};

struct KpiDefinition {
  KpiKey key;
  std::string_view id;    // in JSON, CSV and QML: "energy_kwh_per_t_made"
  std::string_view unit;  // "t", "kWh", "yuan", "%", "kWh/t", ...
  std::string_view unit_zh;
  KpiDirection direction;
  // A name, then in parentheses what it counts or divides by where that is not plain:
  // "Electricity per tonne delivered (park load / metal delivered to markets and end processors)".
  std::string_view label_en;
  std::string_view label_zh;
  int decimals;  // for people (tables, cards); exports print every digit
};

// All KPIs in enum order (and report order within each group).
std::span<const KpiDefinition> kpiDefinitions();
const KpiDefinition& kpiDefinition(KpiKey key);
// The KPI of an id, or an error naming the id: there is no default meaning for a typo.
Result<KpiKey> kpiKeyFromId(std::string_view id);

std::string_view kpiId(KpiKey key);
// `language` "zh" gives Chinese, anything else English.
std::string_view kpiLabel(KpiKey key, std::string_view language);
std::string_view kpiUnit(KpiKey key, std::string_view language);
// The unit of a change of the KPI (a scenario's delta): its own unit, except that a share in %
// changes by percentage points, "pp" / "个百分点" (QA: self-sufficiency 6.9 -> 17.3 % read as
// "+10.4 %" next to its relative change "+151.3 %").
std::string_view kpiDeltaUnit(KpiKey key, std::string_view language);
// The label without its parenthesis, for tight places (the KPI bar): "Electricity per tonne
// delivered"; still says what a ratio divides by.
std::string_view kpiName(KpiKey key, std::string_view language);
// +1 when a change by `delta` is good news, -1 when bad, 0 for neutral KPIs or no change.
int kpiGoodNews(KpiKey key, double delta);
// The value for people: the KPI's decimals, thousands grouped, no exponent ("1,234,567"). A
// figure that does not exist (NaN: a ratio without its denominator, as kWh per tonne made in a
// park that makes no aluminium) is "–" here and in the two below, and no news.
std::string kpiValueText(KpiKey key, double value);
// The same with its unit: "14,012 kWh/t", "9.5 %".
std::string kpiValueWithUnit(KpiKey key, double value, std::string_view language);
// For tight places (the KPI bar): large values in millions or billions ("102.0 M yuan",
// "2.84 bn kWh"), in Chinese in 万 or 亿 ("1.02 亿元"); others as kpiValueWithUnit.
std::string kpiCompactWithUnit(KpiKey key, double value, std::string_view language);

// A KPI's value in the table's unit (shares in %); nullopt when nothing measured it (OEE).
struct KpiValue {
  KpiKey key;
  std::optional<double> value;
};

// The park's flow KPIs in report order (`flows`, its JSON, the KPI bar).
std::vector<KpiValue> flowKpiValues(const FlowKpis& kpis);
// One object's or enterprise's (utilisation for objects only: a firm has no one capacity).
std::vector<KpiValue> unitKpiValues(const UnitKpis& unit);

}  // namespace parktwin::flow
