#pragma once
// Key figures over a window of time steps: throughput, energy per tonne, CO2, cost, remelt
// cost avoided, energy self-sufficiency; and the per-mu ranking of enterprises (亩均论英雄).
// Their keys, units and labels for people are in kpi_table.hpp (flowKpiValues).
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/flow/network.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::flow {

// Flows per arc for one step of `duration_h` hours: t/h on the material network's arcs and kW
// on the energy network's arcs, in the order of the networks' arcs (either may be empty).
struct FlowStep {
  double duration_h = 1;
  std::vector<double> material_arc_flow;
  std::vector<double> energy_arc_flow;
};

struct FlowWindow {
  std::vector<FlowStep> steps;
};

struct FlowKpis {
  double hours = 0;
  double delivered_t = 0;          // into consumers' demand arcs
  double throughput_t_per_h = 0;   // delivered_t / hours
  double throughput_t_per_year = 0;
  // Design, not solved: the built lines' capacity_units_per_hour x 8760 h (lines that count
  // units move no tonnes through the network); 0 without such lines (no figure in
  // flowKpiValues). Set by solveParkFlows, which knows what is built.
  double capacity_units_per_year = 0;
  double lost_t = 0;               // loss_pct of what moved on each material link
  double energy_kwh = 0;           // delivered to loads
  double energy_lost_kwh = 0;      // in lines and transformers (energy links' loss_pct)
  // energy_kwh / delivered_t (0 when nothing delivered): per tonne delivered to consumers, not
  // per tonne of aluminium made (that is scenario::RunKpis::energy_kwh_per_t_made).
  double energy_kwh_per_t_delivered = 0;
  double grid_energy_kwh = 0;
  double local_energy_kwh = 0;     // PV, battery, pumped storage, reservoir hydro
  double self_sufficiency = 0;     // local_energy_kwh / all sourced energy, 0..1 (KPI local_supply_share_pct;
                                   // storage counts, unlike the scenarios' self_sufficiency_pct)
  double co2_t = 0;                // per energy arc emission factor, else the park's grid factor on grid supply
  double co2_t_per_t_delivered = 0;  // co2_t / delivered_t
  double material_cost_yuan = 0;   // links, remelt premium included
  double energy_cost_yuan = 0;     // energy links' tariffs only (merit weights rank the dispatch, cost nothing)
  double cost_yuan = 0;             // material + energy (KPI material_and_energy_cost_yuan)
  double direct_molten_t = 0;      // molten aluminium straight into processors
  double remelt_t = 0;             // ingot into processors
  double remelt_cost_avoided_yuan = 0;  // kRemeltPremiumYuanPerT x direct_molten_t
  // The park can supply molten metal at all (a direct-molten link): without it the two figures
  // above are no figure (flowKpiValues gives none), not "0 yuan avoided".
  bool molten_supply = false;
};

// `material` or `energy` may be networks with no arcs when the park lacks that side. Fails
// when a step's flow vector does not match its network's arcs (an empty vector is allowed).
Result<FlowKpis> computeKpis(const model::Park& park, const FlowNetwork& material, const FlowNetwork& energy,
                     const FlowWindow& window);

struct PerMuRank {
  int rank = 0;  // 1 = best tax per mu
  std::string enterprise_id;
  std::string name_en;
  std::string name_zh;
  double land_area_mu = 0;
  double output_yuan_per_mu = 0;
  double tax_yuan_per_mu = 0;
};

// Enterprises ranked by tax per mu, then output per mu (both per year); those without land
// area are left out (the park file requires it to be positive).
std::vector<PerMuRank> rankEnterprisesPerMu(const model::Park& park);

}  // namespace parktwin::flow
