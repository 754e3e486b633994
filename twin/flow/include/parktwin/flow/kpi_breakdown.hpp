#pragma once
// The window's KPIs broken down per park object (line, building, charger, market...) and per
// enterprise, so that a manager can ask which firm or line uses the energy, emits the CO2,
// pays the cost and gets the molten metal. Attribution rules:
// - metal: an object's throughput is the metal its incoming links bring (or, for an origin
//   such as a potline, what it makes); an enterprise's is the metal that enters it from other
//   firms or that it makes, so metal moving between its own lines is not counted twice;
// - energy: what the object's demand arc delivers; a building's load (its lines that no
//   energy link names) is shared among those lines by their demand;
// - CO2 and energy cost: the object's energy at the park's average per delivered kWh (line
//   losses included), so the objects add up to the park's totals;
// - material cost: its incoming links (remelt premium included);
// - OEE: measured (a line's ".oee" tag in %), capacity-weighted for buildings and firms.
#include <map>
#include <string>
#include <vector>

#include "parktwin/flow/kpi.hpp"

namespace parktwin::flow {

struct UnitKpis {
  std::string id;  // object or enterprise id
  std::string name_en;
  std::string name_zh;
  std::string kind;        // the object's kind word (kinds.hpp), "enterprise" for firms
  bool is_enterprise = false;  // a firm's row rather than an object's
  std::string enterprise;  // objects: the firm operating it ("" when none)
  double throughput_t = 0;
  double throughput_t_per_h = 0;
  double capacity_t_per_h = 0;  // design capacity of its lines (0 when it has none)
  // Lines only: capacity_units_per_hour from the park file (0 when it states none). Not summed
  // for buildings or firms: their lines may count different things.
  double capacity_units_per_h = 0;
  double utilisation = 0;       // throughput_t_per_h / capacity_t_per_h, objects only
  double energy_kwh = 0;
  double energy_kwh_per_t_through = 0;  // energy_kwh / throughput_t (0 without throughput)
  double co2_t = 0;
  double cost_yuan = 0;  // material plus energy
  double direct_molten_t = 0;
  double remelt_t = 0;
  double remelt_cost_avoided_yuan = 0;  // kRemeltPremiumYuanPerT x direct_molten_t
  double oee = -1;                      // 0..1; < 0 when nothing measured it
};

struct KpiBreakdown {
  std::vector<UnitKpis> objects;      // park-file order: lines, buildings, utilities, externals
  std::vector<UnitKpis> enterprises;  // park-file order, firms with any flow or line
  double park_oee = -1;               // capacity-weighted over measured lines; < 0 when none
};

// A line's weight in the OEE of a park, building or firm (flows and scenario runs alike): its
// capacity in t/yr, 1 where it gives none, so a big line counts for what it makes.
double oeeWeight(const model::ProductionLine& line);

// `totals` are computeKpis' figures for the same window; `oee` maps line ids to a measured
// OEE (0..1). Fails like computeKpis when a step's flows do not match the networks.
Result<KpiBreakdown> breakdownKpis(const model::Park& park, const FlowNetwork& material, const FlowNetwork& energy,
                                   const FlowWindow& window, const FlowKpis& totals,
                                   const std::map<std::string, double>& oee = {});

}  // namespace parktwin::flow
