#include "parktwin/flow/park_flows.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <set>
#include <thread>
#include <tuple>

namespace parktwin::flow {
namespace {

constexpr int kMaxLossPasses = 8;

// The park's objects without the planned ones `built` does not name (and the lines in planned
// buildings), for the per-object breakdown, which lists the park's lines, buildings, utilities,
// externals and firms: an unbuilt plant has no row. Nullopt when everything is built, so most
// parks are not copied.
std::optional<model::Park> withoutUnbuilt(const model::Park& park, const std::set<std::string>& built) {
  std::set<std::string> unbuilt;
  for (const auto& b : park.buildings) {
    if (b.planned && !built.contains(b.id)) unbuilt.insert(b.id);
  }
  for (const auto& u : park.utilities) {
    if (u.planned && !built.contains(u.id)) unbuilt.insert(u.id);
  }
  if (unbuilt.empty()) return std::nullopt;
  // Only the objects the breakdown reads: copying Beidu's tags and links as well cost a third
  // of its whole solve.
  model::Park view;
  view.id = park.id;
  view.enterprises = park.enterprises;
  view.externals = park.externals;
  std::ranges::copy_if(park.buildings, std::back_inserter(view.buildings),
                       [&](const model::Building& b) { return !unbuilt.contains(b.id); });
  std::ranges::copy_if(park.lines, std::back_inserter(view.lines),
                       [&](const model::ProductionLine& l) { return !unbuilt.contains(l.building); });
  std::ranges::copy_if(park.utilities, std::back_inserter(view.utilities),
                       [&](const model::Utility& u) { return !unbuilt.contains(u.id); });
  return view;
}

// Lines and transformers that lose power (energy links with loss_pct) make their sending end
// supply more than they deliver: a link's flow f is what arrives, f * p / (1 - p) is lost, and
// that loss is a required demand at the sending node ("loss:<link>" arcs). Each pass recomputes
// the losses from the last dispatch; a chain of k lossy links settles in k + 1 passes. Returns
// the indices of the lossy links and of their loss arcs.
std::vector<std::pair<std::size_t, std::size_t>> addLossArcs(FlowNetwork& network) {
  std::vector<std::pair<std::size_t, std::size_t>> lossy;
  const std::size_t links = network.arcs.size();
  for (std::size_t i = 0; i < links; ++i) {
    const FlowArc& link = network.arcs[i];
    if (link.kind != ArcKind::link || !(link.loss_pct > 0)) continue;
    FlowArc loss;
    loss.id = "loss:" + link.id;
    loss.from = link.from;
    loss.to = network.sink;
    loss.kind = ArcKind::demand;
    loss.required = true;
    loss.loss = true;
    loss.product = link.product;
    loss.capacity = 0;
    lossy.emplace_back(i, network.arcs.size());
    network.arcs.push_back(std::move(loss));
  }
  return lossy;
}

Result<NetworkSolution> solveNetwork(FlowNetwork network, const char* side, std::vector<std::string>& warnings) {
  const auto lossy = network.quantity == Quantity::energy_kw ? addLossArcs(network)
                                                             : std::vector<std::pair<std::size_t, std::size_t>>{};
  Result<MaxFlowResult> maxFlowResult = fail("not solved");
  Result<DispatchResult> dispatch = fail("not solved");
  bool settled = false;
  for (int pass = 0; pass < kMaxLossPasses && !settled; ++pass) {
    auto solved = solveMaxFlowAndDispatch(network);
    if (!solved) return std::unexpected(solved.error());
    maxFlowResult = std::move(solved->max_flow);
    dispatch = std::move(solved->dispatch);
    settled = true;
    for (const auto& [link, lossArc] : lossy) {
      const double p = network.arcs[link].loss_pct / 100.0;
      const double loss = dispatch->arc_flow[link] * p / (1.0 - p);
      double& capacity = network.arcs[lossArc].capacity;
      if (std::abs(loss - capacity) > 1e-9 * std::max(1.0, loss)) settled = false;
      capacity = loss;
    }
  }
  if (!settled) {
    // The dispatch is of the last pass; the loss arcs now hold the losses it implies.
    warnings.push_back(std::string(side) + " network: losses did not settle in " + std::to_string(kMaxLossPasses) +
                       " passes; the last dispatch is shown");
  }
  if (auto supplied = requireAllSupplied(network, dispatch->arc_flow); !supplied) {
    warnings.push_back(std::string(side) + " network: " + supplied.error().message);
  }
  for (const auto& note : network.notes) warnings.push_back(std::string(side) + " network: " + note);
  return NetworkSolution{std::move(network), std::move(*maxFlowResult), std::move(*dispatch)};
}

}  // namespace

Result<ParkFlowReport> solveParkFlows(const model::Park& park, const FlowOverrides& overrides, double hours) {
  return solveParkFlows(park, overrides, overrides, hours);
}

Result<ParkFlowReport> solveParkFlows(const model::Park& park, const FlowOverrides& materialOverrides,
                                      const FlowOverrides& energyOverrides, double hours) {
  // The two networks share nothing: for a large park the material one is built and solved on a
  // second thread (10k-node synthetic park: its two networks take about 20 and 10 ms).
  struct Side {
    bool built = false;
    std::string buildError;
    Result<NetworkSolution> solution = fail("not solved");
    std::vector<std::string> warnings;
  };
  auto solveSide = [](Result<FlowNetwork> network, const char* name) {
    Side side;
    if (!network) {
      side.buildError = network.error().message;
      return side;
    }
    side.built = true;
    side.solution = solveNetwork(std::move(*network), name, side.warnings);
    return side;
  };
  Side material, energy;
  auto solveMaterial = [&] { material = solveSide(buildMaterialNetwork(park, materialOverrides), "material"); };
  // A thread costs more than solving a demo park's material network (under 0.1 ms): only large
  // parks get one.
  const std::size_t links = park.material_links.size() + park.energy_links.size();
  if (links > 2000) {
    std::thread materialThread(solveMaterial);
    energy = solveSide(buildEnergyNetwork(park, energyOverrides), "energy");
    materialThread.join();
  } else {
    solveMaterial();
    energy = solveSide(buildEnergyNetwork(park, energyOverrides), "energy");
  }

  if (!material.built && !energy.built) return fail(material.buildError + "\n" + energy.buildError);
  ParkFlowReport report;
  FlowStep step;
  step.duration_h = hours;
  for (auto [side, out, flag, flows, name] :
       {std::tuple{&material, &report.material, &report.has_material, &step.material_arc_flow, "material"},
        std::tuple{&energy, &report.energy, &report.has_energy, &step.energy_arc_flow, "energy"}}) {
    (void)name;
    if (!side->built) {
      report.warnings.push_back(side->buildError);
      continue;
    }
    if (!side->solution) return std::unexpected(side->solution.error());
    *out = std::move(*side->solution);
    *flag = true;
    *flows = out->dispatch.arc_flow;
    report.warnings.insert(report.warnings.end(), side->warnings.begin(), side->warnings.end());
  }
  auto kpis = computeKpis(park, report.material.network, report.energy.network, FlowWindow{{step}});
  if (!kpis) return std::unexpected(kpis.error());
  report.kpis = *kpis;
  // What is built: the material overrides say (a scenario gives both networks the same commissions).
  const std::optional<model::Park> asBuilt = withoutUnbuilt(park, materialOverrides.built);
  auto breakdown = breakdownKpis(asBuilt ? *asBuilt : park, report.material.network, report.energy.network, FlowWindow{{step}}, *kpis,
                                 materialOverrides.oee);
  if (!breakdown) return std::unexpected(breakdown.error());
  report.breakdown = std::move(*breakdown);
  report.ranking = rankEnterprisesPerMu(park);
  return report;
}

}  // namespace parktwin::flow
