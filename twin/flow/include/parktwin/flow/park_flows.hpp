#pragma once
// One call that does what `parktwin-cli flows` shows: build both networks, find their
// bottlenecks, dispatch them at least cost, and compute KPIs and the per-mu ranking.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/flow/kpi.hpp"
#include "parktwin/flow/kpi_breakdown.hpp"
#include "parktwin/flow/network.hpp"
#include "parktwin/flow/solver.hpp"

namespace parktwin::flow {

struct NetworkSolution {
  FlowNetwork network;
  MaxFlowResult max_flow;
  DispatchResult dispatch;
};

struct ParkFlowReport {
  bool has_material = false;
  bool has_energy = false;
  NetworkSolution material;
  NetworkSolution energy;
  FlowKpis kpis;  // for `hours` at the dispatched steady state
  KpiBreakdown breakdown;  // the same per object and enterprise (OEE from the material overrides)
  std::vector<PerMuRank> ranking;
  // Unsupplied and unlinked consumers, the builders' notes and a network that could not be
  // built, in words (zh, en); flows --json gives the English.
  std::vector<model::LocalizedText> warnings;
};

// Solves the park at design capacities (or `overrides`) as a steady state held for `hours`.
// For yearly figures pass overrides.supply_basis = annual_average with 8760 h; for a peak hour,
// rated_power with 1 h.
// Fails only when neither network can be built; a network that cannot supply everyone is
// solved and its shortfalls reported in `warnings`.
Result<ParkFlowReport> solveParkFlows(const model::Park& park, const FlowOverrides& overrides = {},
                                      double hours = 8760.0);
// The same with different overrides for each network (a state at time T: park_state.hpp).
Result<ParkFlowReport> solveParkFlows(const model::Park& park, const FlowOverrides& material,
                                      const FlowOverrides& energy, double hours);

// Why neither network can be built, one line per network, in both languages: the English is
// solveParkFlows's failure, the Chinese is for a reader of `flows --lang zh`. Nullopt when either
// network can be built (then a failure of solveParkFlows has another cause).
std::optional<model::LocalizedText> whyNoFlows(const model::Park& park, const FlowOverrides& material,
                                               const FlowOverrides& energy);

// solveParkFlows for a caller that solves parks again and again (the replay's worker, the
// benchmark): it keeps the solvers' working arrays, and the report handed back with `recycle`
// lends its vectors' room to the next solve. Only room is kept, never contents: every solve is
// a whole cold solve, with the very answer of solveParkFlows (tested), but writes into memory
// the process already has rather than fresh pages (about 130 MB per solve of the 100k-node
// park: writing its arcs took 173 ms into fresh pages, 30-45 ms into kept ones; no gain of the
// whole solve was shown on the loaded host: docs/flow.md, h49). Not thread-safe: one solve at a
// time per solver; a moved-from solver must not be used.
class ParkFlowSolver {
 public:
  ParkFlowSolver();
  ~ParkFlowSolver();
  ParkFlowSolver(ParkFlowSolver&&) noexcept;
  ParkFlowSolver& operator=(ParkFlowSolver&&) noexcept;

  Result<ParkFlowReport> solve(const model::Park& park, const FlowOverrides& material, const FlowOverrides& energy,
                               double hours);
  // Hands a report back once it has been read: its networks and flows become room for the next
  // solve (their contents are dropped).
  void recycle(ParkFlowReport&& report);

 private:
  struct Buffers;
  std::unique_ptr<Buffers> buffers_;
};

}  // namespace parktwin::flow
