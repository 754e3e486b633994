#include "parktwin/flow/park_flows.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <set>
#include <thread>
#include <tuple>

#include "breakdown_rows.hpp"
#include "parktwin/flow/constants.hpp"
#include "solve_buffers.hpp"

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

// `room`: the answer of an earlier solve of this network, whose vectors' room is reused.
// `side`: "物料网络：" / "material network: ", the words before each of its warnings.
Result<NetworkSolution> solveNetwork(FlowNetwork network, const model::LocalizedText& side, const model::Park& park,
                                     std::vector<model::LocalizedText>& warnings, detail::NetworkSolveBuffers& buffers,
                                     MaxFlowAndDispatch room) {
  const auto lossy = network.quantity == Quantity::energy_kw ? addLossArcs(network)
                                                             : std::vector<std::pair<std::size_t, std::size_t>>{};
  Result<MaxFlowResult> maxFlowResult = fail("not solved");
  Result<DispatchResult> dispatch = fail("not solved");
  bool settled = false;
  for (int pass = 0; pass < kMaxLossPasses && !settled; ++pass) {
    auto solved = detail::solveMaxFlowAndDispatch(network, buffers, std::move(room));
    room = {};
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
    const std::string passes = std::to_string(kMaxLossPasses);
    warnings.push_back({side.zh + "损耗在 " + passes + " 轮内未收敛；显示的是最后一轮的调度",
                        side.en + "losses did not settle in " + passes + " passes; the last dispatch is shown"});
  }
  const auto sided = [&side](const model::LocalizedText& note) {
    return model::LocalizedText{side.zh + note.zh, side.en + note.en};
  };
  if (auto unsupplied = unsuppliedNote(network, dispatch->arc_flow, &park)) warnings.push_back(sided(*unsupplied));
  for (const auto& note : network.notes) warnings.push_back(sided(note));
  return NetworkSolution{std::move(network), std::move(*maxFlowResult), std::move(*dispatch)};
}

// Both networks' reasons, one line each: solveParkFlows's failure and whyNoFlows.
model::LocalizedText bothUnbuilt(const model::LocalizedText& material, const model::LocalizedText& energy) {
  return {material.zh + "\n" + energy.zh, material.en + "\n" + energy.en};
}

// An earlier report's network and answer, as room for the next solve of that side.
struct SideRoom {
  FlowNetwork network;
  MaxFlowAndDispatch answer;
};

SideRoom takeRoom(NetworkSolution& solution) {
  return {std::move(solution.network), {std::move(solution.max_flow), std::move(solution.dispatch)}};
}

}  // namespace

struct ParkFlowSolver::Buffers {
  detail::NetworkSolveBuffers material, energy;
  SideRoom material_room, energy_room;  // from the last report handed back
};

ParkFlowSolver::ParkFlowSolver() : buffers_(std::make_unique<Buffers>()) {}
ParkFlowSolver::~ParkFlowSolver() = default;
ParkFlowSolver::ParkFlowSolver(ParkFlowSolver&&) noexcept = default;
ParkFlowSolver& ParkFlowSolver::operator=(ParkFlowSolver&&) noexcept = default;

void ParkFlowSolver::recycle(ParkFlowReport&& report) {
  buffers_->material_room = takeRoom(report.material);
  buffers_->energy_room = takeRoom(report.energy);
}

Result<ParkFlowReport> solveParkFlows(const model::Park& park, const FlowOverrides& overrides, double hours) {
  return solveParkFlows(park, overrides, overrides, hours);
}

Result<ParkFlowReport> solveParkFlows(const model::Park& park, const FlowOverrides& materialOverrides,
                                      const FlowOverrides& energyOverrides, double hours) {
  ParkFlowSolver solver;
  return solver.solve(park, materialOverrides, energyOverrides, hours);
}

std::optional<model::LocalizedText> whyNoFlows(const model::Park& park, const FlowOverrides& material,
                                               const FlowOverrides& energy) {
  auto materialNetwork = detail::buildMaterialNetwork(park, material, {});
  if (materialNetwork) return std::nullopt;
  auto energyNetwork = detail::buildEnergyNetwork(park, energy, {});
  if (energyNetwork) return std::nullopt;
  return bothUnbuilt(materialNetwork.error(), energyNetwork.error());
}

Result<ParkFlowReport> ParkFlowSolver::solve(const model::Park& park, const FlowOverrides& materialOverrides,
                                             const FlowOverrides& energyOverrides, double hours) {
  // The two networks share nothing: for a large park the material one is built and solved on a
  // second thread (10k-node synthetic park: its two networks take about 20 and 10 ms).
  struct Side {
    bool built = false;
    model::LocalizedText buildError;
    Result<NetworkSolution> solution = fail("not solved");
    std::vector<model::LocalizedText> warnings;
  };
  auto solveSide = [&park](detail::BuiltNetwork network, const model::LocalizedText& name, detail::NetworkSolveBuffers& buffers,
                           MaxFlowAndDispatch room) {
    Side side;
    if (!network) {
      side.buildError = std::move(network.error());
      return side;
    }
    side.built = true;
    side.solution = solveNetwork(std::move(*network), name, park, side.warnings, buffers, std::move(room));
    return side;
  };
  Buffers& b = *buffers_;
  Side material, energy;
  auto solveMaterial = [&] {
    SideRoom room = std::move(b.material_room);
    material = solveSide(detail::buildMaterialNetwork(park, materialOverrides, std::move(room.network)),
                         {"物料网络：", "material network: "}, b.material, std::move(room.answer));
  };
  auto solveEnergy = [&] {
    SideRoom room = std::move(b.energy_room);
    energy = solveSide(detail::buildEnergyNetwork(park, energyOverrides, std::move(room.network)),
                       {"能源网络：", "energy network: "}, b.energy, std::move(room.answer));
  };
  // What is built: the material overrides say (a scenario gives both networks the same commissions).
  std::optional<model::Park> asBuilt;
  std::optional<detail::BreakdownRows> rows;
  const auto prepareBreakdown = [&] {
    asBuilt = withoutUnbuilt(park, materialOverrides.built);
    rows.emplace(asBuilt ? *asBuilt : park);
  };
  // A thread costs more than solving a demo park's material network (under 0.1 ms): only large
  // parks get one. The material network takes longest there (about four fifths of the arcs), so
  // this thread makes the breakdown's rows after the energy network, while it waits.
  const std::size_t links = park.material_links.size() + park.energy_links.size();
  if (links > 2000) {
    std::jthread materialThread(solveMaterial);  // joined even if the energy side throws
    solveEnergy();
    prepareBreakdown();
    materialThread.join();
  } else {
    solveMaterial();
    solveEnergy();
    prepareBreakdown();
  }

  if (!material.built && !energy.built) return fail(bothUnbuilt(material.buildError, energy.buildError).en);
  ParkFlowReport report;
  // One step whose flows are the dispatches' own vectors, lent for the KPIs and given back.
  FlowWindow window{{FlowStep{hours, {}, {}}}};
  FlowStep& step = window.steps.front();
  for (auto [side, out, flag, flows] :
       {std::tuple{&material, &report.material, &report.has_material, &step.material_arc_flow},
        std::tuple{&energy, &report.energy, &report.has_energy, &step.energy_arc_flow}}) {
    if (!side->built) {
      report.warnings.push_back(side->buildError);
      continue;
    }
    if (!side->solution) return std::unexpected(side->solution.error());
    *out = std::move(*side->solution);
    *flag = true;
    *flows = std::move(out->dispatch.arc_flow);
    report.warnings.insert(report.warnings.end(), side->warnings.begin(), side->warnings.end());
  }
  auto kpis = computeKpis(park, report.material.network, report.energy.network, window);
  if (!kpis) return std::unexpected(kpis.error());
  report.kpis = *kpis;
  for (const auto& line : (asBuilt ? *asBuilt : park).lines) {
    report.kpis.capacity_units_per_year += line.capacity_units_per_hour * kHoursPerYear;
  }
  auto breakdown = detail::breakdownKpis(*rows, asBuilt ? *asBuilt : park, report.material.network,
                                         report.energy.network, window, *kpis, materialOverrides.oee);
  if (!breakdown) return std::unexpected(breakdown.error());
  report.material.dispatch.arc_flow = std::move(step.material_arc_flow);
  report.energy.dispatch.arc_flow = std::move(step.energy_arc_flow);
  report.breakdown = std::move(*breakdown);
  report.ranking = rankEnterprisesPerMu(park);
  return report;
}

}  // namespace parktwin::flow
