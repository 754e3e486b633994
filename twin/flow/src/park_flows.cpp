#include "parktwin/flow/park_flows.hpp"

namespace parktwin::flow {
namespace {

Result<NetworkSolution> solveNetwork(FlowNetwork network, const char* side, std::vector<std::string>& warnings) {
  auto maxFlowResult = maxFlow(network);
  if (!maxFlowResult) return std::unexpected(maxFlowResult.error());
  auto dispatch = dispatchMinCost(network, *maxFlowResult);
  if (!dispatch) return std::unexpected(dispatch.error());
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
  ParkFlowReport report;
  auto material = buildMaterialNetwork(park, materialOverrides);
  auto energy = buildEnergyNetwork(park, energyOverrides);
  if (!material && !energy) return fail(material.error().message + "\n" + energy.error().message);
  FlowStep step;
  step.duration_h = hours;
  if (material) {
    auto solved = solveNetwork(std::move(*material), "material", report.warnings);
    if (!solved) return std::unexpected(solved.error());
    report.material = std::move(*solved);
    report.has_material = true;
    step.material_arc_flow = report.material.dispatch.arc_flow;
  } else {
    report.warnings.push_back(material.error().message);
  }
  if (energy) {
    auto solved = solveNetwork(std::move(*energy), "energy", report.warnings);
    if (!solved) return std::unexpected(solved.error());
    report.energy = std::move(*solved);
    report.has_energy = true;
    step.energy_arc_flow = report.energy.dispatch.arc_flow;
  } else {
    report.warnings.push_back(energy.error().message);
  }
  auto kpis = computeKpis(park, report.material.network, report.energy.network, FlowWindow{{step}});
  if (!kpis) return std::unexpected(kpis.error());
  report.kpis = *kpis;
  report.ranking = rankEnterprisesPerMu(park);
  return report;
}

}  // namespace parktwin::flow
