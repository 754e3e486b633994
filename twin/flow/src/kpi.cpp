#include "parktwin/flow/kpi.hpp"

#include <algorithm>
#include <set>

#include "parktwin/flow/constants.hpp"

namespace parktwin::flow {
namespace {

bool isLocalSource(SourceKind kind) {
  return kind == SourceKind::pv || kind == SourceKind::battery || kind == SourceKind::pumped_storage ||
         kind == SourceKind::reservoir_hydro;
}

Result<void> checkSizes(const FlowNetwork& network, const std::vector<double>& flows, std::size_t step,
                        const char* side) {
  if (flows.empty() || flows.size() == network.arcs.size()) return {};
  return fail("KPI window: step " + std::to_string(step) + ": expected " + std::to_string(network.arcs.size()) +
              " " + side + " arc flows, got " + std::to_string(flows.size()));
}

}  // namespace

Result<FlowKpis> computeKpis(const model::Park& /*park*/, const FlowNetwork& material, const FlowNetwork& energy,
                             const FlowWindow& window) {
  FlowKpis k;
  k.molten_supply = std::ranges::any_of(material.arcs, [](const FlowArc& arc) { return arc.direct_molten; });
  double sourcedKwh = 0;
  for (std::size_t s = 0; s < window.steps.size(); ++s) {
    const FlowStep& step = window.steps[s];
    if (auto ok = checkSizes(material, step.material_arc_flow, s, "material"); !ok) return std::unexpected(ok.error());
    if (auto ok = checkSizes(energy, step.energy_arc_flow, s, "energy"); !ok) return std::unexpected(ok.error());
    const double h = step.duration_h;
    k.hours += h;
    for (std::size_t i = 0; i < step.material_arc_flow.size(); ++i) {
      const FlowArc& arc = material.arcs[i];
      const double tonnes = step.material_arc_flow[i] * h;
      k.material_cost_yuan += tonnes * arc.money_yuan_per_unit;
      if (arc.kind == ArcKind::demand) k.delivered_t += tonnes;
      if (arc.kind == ArcKind::link) k.lost_t += tonnes * arc.loss_pct / 100.0;
      if (arc.direct_molten) k.direct_molten_t += tonnes;
      if (arc.remelt) k.remelt_t += tonnes;
    }
    for (std::size_t i = 0; i < step.energy_arc_flow.size(); ++i) {
      const FlowArc& arc = energy.arcs[i];
      const double kwh = step.energy_arc_flow[i] * h;
      k.energy_cost_yuan += kwh * arc.money_yuan_per_unit;
      k.co2_t += kwh / 1000.0 * arc.emission_t_per_mwh;
      if (arc.kind == ArcKind::demand && arc.loss) k.energy_lost_kwh += kwh;
      if (arc.kind == ArcKind::demand && !arc.loss) k.energy_kwh += kwh;
      if (arc.kind == ArcKind::supply) {
        sourcedKwh += kwh;
        if (arc.source == SourceKind::grid) k.grid_energy_kwh += kwh;
        if (isLocalSource(arc.source)) k.local_energy_kwh += kwh;
      }
    }
  }
  k.cost_yuan = k.material_cost_yuan + k.energy_cost_yuan;
  k.remelt_cost_avoided_yuan = kRemeltPremiumYuanPerT * k.direct_molten_t;
  if (k.hours > 0) {
    k.throughput_t_per_h = k.delivered_t / k.hours;
    k.throughput_t_per_year = k.throughput_t_per_h * kHoursPerYear;
  }
  if (k.delivered_t > 0) {
    k.energy_kwh_per_t_delivered = k.energy_kwh / k.delivered_t;
    k.co2_t_per_t_delivered = k.co2_t / k.delivered_t;
  }
  if (sourcedKwh > 0) k.self_sufficiency = k.local_energy_kwh / sourcedKwh;
  return k;
}

std::vector<PerMuRank> rankEnterprisesPerMu(const model::Park& park) {
  std::vector<PerMuRank> ranking;
  for (const auto& e : park.enterprises) {
    if (!(e.land_area_mu > 0)) continue;
    ranking.push_back({0, e.id, e.name.en, e.name.zh, e.land_area_mu, e.output_yuan_per_year / e.land_area_mu,
                       e.tax_yuan_per_year / e.land_area_mu});
  }
  std::ranges::stable_sort(ranking, [](const PerMuRank& a, const PerMuRank& b) {
    if (a.tax_yuan_per_mu != b.tax_yuan_per_mu) return a.tax_yuan_per_mu > b.tax_yuan_per_mu;
    return a.output_yuan_per_mu > b.output_yuan_per_mu;
  });
  for (std::size_t i = 0; i < ranking.size(); ++i) ranking[i].rank = static_cast<int>(i) + 1;
  return ranking;
}

}  // namespace parktwin::flow
