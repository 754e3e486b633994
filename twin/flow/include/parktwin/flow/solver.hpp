#pragma once
// Algorithms over a FlowNetwork: maximum flow with its minimum cut (the bottleneck),
// minimum-cost maximum flow (dispatch), islanding after a failure, and shortest routes.
#include <optional>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/flow/network.hpp"

namespace parktwin::flow {

struct CutArc {
  int arc = 0;
  std::string id;
  std::string description;  // names of both ends, as FlowNetwork::describeArc
  double capacity = 0;
};

struct MaxFlowResult {
  double value = 0;              // t/h or kW from the super-source to the super-sink
  std::vector<double> arc_flow;  // per arc, same order as FlowNetwork::arcs
  std::vector<CutArc> min_cut;   // saturated arcs separating source and sink side
  double cut_capacity = 0;       // sum of min_cut capacities; equals value
};

struct Shortfall {
  std::string node_id;
  std::string name;
  double needed = 0;    // the demand arc's capacity
  double supplied = 0;  // what reaches it
};

struct DispatchResult {
  double value = 0;              // flow delivered (the maximum flow)
  double cost = 0;               // the objective per hour: sum of flow x dispatch_cost_per_unit (merit weights included: not money)
  std::vector<double> arc_flow;  // per arc
  std::vector<Shortfall> shortfalls;  // consumers that get less than their demand arc allows
};

// Boykov-Kolmogorov maximum flow; the cut is the set of arcs leaving the residual-reachable
// side of the super-source. Fails on a malformed network (bad indices, negative capacity).
Result<MaxFlowResult> maxFlow(const FlowNetwork& network);

enum class MinCostMethod {
  network_simplex,           // maximum flow (Boykov-Kolmogorov), then the network simplex for
                             // the cheapest flow of that value: fastest on park networks
  cost_scaling,              // maximum flow, then cost scaling from it (Goldberg-Tarjan)
  successive_shortest_paths  // Boost.Graph's, one Dijkstra per augmenting path: the reference
};

// Minimum-cost maximum flow: the cheapest way to deliver as much as the network can, e.g.
// molten metal before ingot, PV before storage before grid. All methods give the same value
// and cost (tests check them against each other and against networkx).
Result<DispatchResult> dispatchMinCost(const FlowNetwork& network, MinCostMethod method = MinCostMethod::network_simplex);
// The same by the network simplex (cost scaling should it give up), for a maximum flow
// already found for this network (saves solving it twice).
Result<DispatchResult> dispatchMinCost(const FlowNetwork& network, const MaxFlowResult& maximum);

struct MaxFlowAndDispatch {
  MaxFlowResult max_flow;  // its arc_flow is the dispatch's (a maximum flow as good as any)
  DispatchResult dispatch;
};

// Both at once, as solveParkFlows needs them: one network simplex pass finds the cheapest
// maximum flow (an arc source -> sink dearer than any path takes what the network cannot),
// and the minimum cut is the residual-reachable side of that flow (the same cut for every
// maximum flow). Same value, cut and cost as maxFlow + dispatchMinCost without Boykov-Kolmogorov's
// pass (docs/flow.md has the times); falls back to those two should the simplex give up.
Result<MaxFlowAndDispatch> solveMaxFlowAndDispatch(const FlowNetwork& network);

// Consumers whose required demand arc (not a market's room) is not filled by `arc_flow`.
std::vector<Shortfall> findShortfalls(const FlowNetwork& network, const std::vector<double>& arc_flow);

// Nullopt when every consumer is fully supplied and reached; otherwise each unsupplied node with
// what it needs and what it gets, and each consumer no link reaches, with how to fix it: in
// English by id, in Chinese by the park's Chinese names (`park` may be null: then by id).
std::optional<model::LocalizedText> unsuppliedNote(const FlowNetwork& network, const std::vector<double>& arc_flow,
                                                   const model::Park* park);
// Ok when every consumer is fully supplied; otherwise an error with unsuppliedNote's English.
Result<void> requireAllSupplied(const FlowNetwork& network, const std::vector<double>& arc_flow);

struct FailureImpact {
  std::string failed;                   // the node or arc id taken out
  std::vector<std::string> islanded;    // park objects: consumers and pass-through lines no longer
                                        // reachable from any source (the failed object left out)
  std::vector<Shortfall> shortfalls;    // consumers (islanded included) short after re-solving; not
                                        // the losses drawn at a line's sending end
  double value_before = 0;
  double value_after = 0;
};

// Takes a node (all its arcs) or an arc out and reports who loses supply: by connectivity
// (breadth-first search from the super-source) and by re-running the maximum flow.
Result<FailureImpact> failureImpact(const FlowNetwork& network, const std::string& failedId);

struct Route {
  std::vector<int> arcs;
  std::vector<std::string> arc_ids;
  std::vector<std::string> node_names;
  double distance_m = 0;
  double cost_per_unit = 0;  // yuan per unit: the money_yuan_per_unit of its arcs
};

// Shortest route by distance_m between two park objects over arcs with capacity (Dijkstra).
// Fails naming both ends when no route exists.
Result<Route> shortestRoute(const FlowNetwork& network, const std::string& fromId, const std::string& toId);

}  // namespace parktwin::flow
