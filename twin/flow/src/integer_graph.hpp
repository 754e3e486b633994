#pragma once
// The integer problem the graph library solves: private to twin/flow, free of Boost types so
// that only graph_algorithms.cpp includes Boost.Graph.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace parktwin::flow::detail {

struct IntegerArc {
  int from = 0;
  int to = 0;
  std::int64_t capacity = 0;
  std::int64_t cost = 0;
};

struct IntegerProblem {
  int node_count = 0;
  int source = 0;
  int sink = 1;
  std::vector<IntegerArc> arcs;
};

struct IntegerMaxFlow {
  std::int64_t value = 0;
  std::vector<std::int64_t> arc_flow;
  std::vector<char> source_side;  // per node: reachable from the source in the residual graph
};

struct IntegerMinCostFlow {
  std::int64_t value = 0;
  std::int64_t cost = 0;
  std::vector<std::int64_t> arc_flow;
};

// The network simplex's arrays, kept by a caller that solves the same network again and again
// (ParkFlowSolver): the next solve reuses their room, never their contents (each is assigned
// in full before it is read). Why: on the 100k-node park the simplex's arrays are about 35 MB
// a solve, written into pages the process already has rather than fresh ones (docs/flow.md).
struct SimplexBuffers {
  std::vector<int> from, to;
  std::vector<std::int64_t> capacity, cost, flow;
  std::vector<signed char> state;
  std::vector<int> parent, pred, size, first_child, next_sibling, prev_sibling, stem;
  std::vector<char> pred_up;
  std::vector<std::int64_t> potential;
  std::vector<std::pair<std::int64_t, int>> candidates;  // pricing: (violation, arc)
  // The search for the starting tree: in-arcs per node, distances, the heap.
  std::vector<int> in_first, in_fill, next, order;
  std::vector<std::int64_t> distance;
  struct InArc {
    int from, arc;
    std::int64_t cost;
  };
  std::vector<InArc> in_arcs;
  std::vector<std::pair<std::int64_t, int>> heap;
};

// A solver's answer as an IntegerMinCostFlow: `flowOn(i)` is arc i's flow; the cost adds up.
// `room`: a vector whose capacity the flows may reuse (its contents are dropped).
template <typename FlowOn>
IntegerMinCostFlow minCostFlowFrom(const IntegerProblem& problem, std::int64_t value, const FlowOn& flowOn,
                                   std::vector<std::int64_t> room = {}) {
  IntegerMinCostFlow result;
  result.value = value;
  result.arc_flow = std::move(room);
  result.arc_flow.clear();
  result.arc_flow.reserve(problem.arcs.size());
  for (std::size_t i = 0; i < problem.arcs.size(); ++i) {
    result.arc_flow.push_back(flowOn(i));
    result.cost += result.arc_flow.back() * problem.arcs[i].cost;
  }
  return result;
}

IntegerMaxFlow solveMaxFlow(const IntegerProblem& problem);
// Boost's successive shortest paths: min-cost maximum flow (the reference implementation).
IntegerMinCostFlow solveMinCostMaxFlow(const IntegerProblem& problem);
// Cost scaling (cost_scaling.cpp): the cheapest flow of the same value as `start` (a feasible
// flow, e.g. a maximum flow); nullopt only if `start` was not feasible.
std::optional<IntegerMinCostFlow> cheapestFlowLike(const IntegerProblem& problem, const IntegerMaxFlow& start);
// Network simplex (network_simplex.cpp): the cheapest flow of `value` from source to sink;
// nullopt when `value` cannot be routed or the pivot budget (a safety net) runs out.
std::optional<IntegerMinCostFlow> cheapestFlowOfValue(const IntegerProblem& problem, std::int64_t value);
// Network simplex with a bypass arc source -> sink dearer than any path: the cheapest of the
// maximum flows in one pass (no separate maximum flow first); nullopt if the bounds would
// overflow or the pivot budget runs out (callers then solve in two passes).
// It runs in `buffers` kept from an earlier solve; the flows reuse `room`'s capacity.
std::optional<IntegerMinCostFlow> cheapestMaximumFlow(const IntegerProblem& problem, SimplexBuffers& buffers,
                                                      std::vector<std::int64_t> room);
// Per node: reachable from the source in the residual graph of `arc_flow` (arcs with room
// forwards, arcs with flow backwards): the source side of the minimum cut when `arc_flow`
// is a maximum flow, whichever maximum flow it is.
std::vector<char> residualSourceSide(const IntegerProblem& problem, const std::vector<std::int64_t>& arc_flow);
// Per node: reachable from `start` over arcs with positive capacity.
std::vector<char> reachableFrom(const IntegerProblem& problem, int start);
// Arc indices of a shortest path by `weights` (one per arc, >= 0) over arcs with positive
// capacity; empty when `to` is unreachable or equals `from`.
std::vector<int> shortestPathArcs(const IntegerProblem& problem, const std::vector<double>& weights, int from,
                                  int to);

}  // namespace parktwin::flow::detail
