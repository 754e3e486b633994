#include <algorithm>
#include <cmath>
#include <sstream>

#include "integer_problem.hpp"
#include "note_words.hpp"
#include "solve_buffers.hpp"
#include "parktwin/flow/arc_list.hpp"
#include "parktwin/flow/arc_text.hpp"
#include "parktwin/flow/solver.hpp"

namespace parktwin::flow {
namespace {

// `room`: a vector whose capacity the flows may reuse (its contents are dropped).
std::vector<double> toUnits(const FlowNetwork& network, const std::vector<std::int64_t>& quanta,
                            std::vector<double> room = {}) {
  std::vector<double> flows = std::move(room);
  flows.clear();
  flows.reserve(quanta.size());
  for (auto q : quanta) flows.push_back(fromFlowQuanta(network, q));
  return flows;
}

// "12.000 t/h", under zh "12.000 吨/时" as the CLI's tables write tonnes per hour.
std::string formatAmount(double value, Quantity quantity, bool zh = false) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(3);
  out << value << (quantity == Quantity::energy_kw ? " kW" : zh ? " 吨/时" : " t/h");
  return out.str();
}

// Under zh a node by its Chinese name with its id: "压铸线（cast）".
std::string zhNodeNamed(const FlowNetwork& network, const std::string& id, const model::Park* park) {
  const int node = network.findNode(id);
  const std::string name = node < 0 ? std::string() : nodeName(network, node, park, "zh");
  return name.empty() || name == id ? id : name + "（" + id + "）";
}

DispatchResult toDispatchResult(const FlowNetwork& network, const detail::IntegerMinCostFlow& solved,
                                std::vector<double> room = {}) {
  DispatchResult result;
  result.value = fromFlowQuanta(network, solved.value);
  result.cost = fromCostTotalQuanta(network, solved.cost);
  result.arc_flow = toUnits(network, solved.arc_flow, std::move(room));
  result.shortfalls = findShortfalls(network, result.arc_flow);
  return result;
}

// The arcs leaving `sourceSide` (with capacity), named for reports, and their total.
void fillMinCut(const FlowNetwork& network, const detail::IntegerProblem& problem, const std::vector<char>& sourceSide,
                MaxFlowResult& result) {
  std::int64_t cutQuanta = 0;
  for (std::size_t i = 0; i < problem.arcs.size(); ++i) {
    const auto& arc = problem.arcs[i];
    if (arc.capacity > 0 && sourceSide[static_cast<std::size_t>(arc.from)] && !sourceSide[static_cast<std::size_t>(arc.to)]) {
      const int index = static_cast<int>(i);
      result.min_cut.push_back({index, network.arcs[i].id, network.describeArc(index), network.arcs[i].capacity});
      cutQuanta += arc.capacity;
    }
  }
  result.cut_capacity = fromFlowQuanta(network, cutQuanta);
}

}  // namespace

Result<MaxFlowResult> maxFlow(const FlowNetwork& network) {
  if (auto ok = detail::validateNetwork(network); !ok) return std::unexpected(ok.error());
  const auto problem = detail::toIntegerProblem(network);
  const auto solved = detail::solveMaxFlow(problem);
  MaxFlowResult result;
  result.value = fromFlowQuanta(network, solved.value);
  result.arc_flow = toUnits(network, solved.arc_flow);
  fillMinCut(network, problem, solved.source_side, result);
  return result;
}

Result<MaxFlowAndDispatch> solveMaxFlowAndDispatch(const FlowNetwork& network) {
  detail::NetworkSolveBuffers buffers;
  return detail::solveMaxFlowAndDispatch(network, buffers, {});
}

namespace detail {

Result<MaxFlowAndDispatch> solveMaxFlowAndDispatch(const FlowNetwork& network, NetworkSolveBuffers& buffers,
                                                   MaxFlowAndDispatch room) {
  if (auto ok = validateNetwork(network); !ok) return std::unexpected(ok.error());
  IntegerProblem& problem = buffers.problem;
  toIntegerProblem(network, problem);
  auto solved = cheapestMaximumFlow(problem, buffers.simplex, std::move(buffers.flow_quanta));
  if (!solved) {  // bounds too large for the bypass, or the pivot budget ran out: two passes
    auto maximum = maxFlow(network);
    if (!maximum) return std::unexpected(maximum.error());
    auto dispatch = dispatchMinCost(network, *maximum);
    if (!dispatch) return std::unexpected(dispatch.error());
    return MaxFlowAndDispatch{std::move(*maximum), std::move(*dispatch)};
  }
  MaxFlowAndDispatch result;
  result.dispatch = toDispatchResult(network, *solved, std::move(room.dispatch.arc_flow));
  result.max_flow.value = result.dispatch.value;
  result.max_flow.arc_flow = std::move(room.max_flow.arc_flow);
  result.max_flow.arc_flow.assign(result.dispatch.arc_flow.begin(), result.dispatch.arc_flow.end());
  fillMinCut(network, problem, residualSourceSide(problem, solved->arc_flow), result.max_flow);
  buffers.flow_quanta = std::move(solved->arc_flow);
  return result;
}

}  // namespace detail

Result<DispatchResult> dispatchMinCost(const FlowNetwork& network, MinCostMethod method) {
  if (auto ok = detail::validateNetwork(network); !ok) return std::unexpected(ok.error());
  const auto problem = detail::toIntegerProblem(network);
  std::optional<detail::IntegerMinCostFlow> solved;
  if (method == MinCostMethod::successive_shortest_paths) {
    solved = detail::solveMinCostMaxFlow(problem);
  } else if (method == MinCostMethod::cost_scaling) {
    solved = detail::cheapestFlowLike(problem, detail::solveMaxFlow(problem));
  } else {
    solved = detail::cheapestFlowOfValue(problem, detail::solveMaxFlow(problem).value);
  }
  if (!solved) return fail("dispatch: the minimum-cost solver could not route the maximum flow (internal error)");
  return toDispatchResult(network, *solved);
}

Result<DispatchResult> dispatchMinCost(const FlowNetwork& network, const MaxFlowResult& maximum) {
  if (auto ok = detail::validateNetwork(network); !ok) return std::unexpected(ok.error());
  if (maximum.arc_flow.size() != network.arcs.size()) return fail("dispatch: the maximum flow is for another network");
  const auto problem = detail::toIntegerProblem(network);
  auto solved = detail::cheapestFlowOfValue(problem, toFlowQuanta(network, maximum.value));
  if (!solved) {  // the simplex's pivot budget ran out (never seen): cost scaling from the flow given
    detail::IntegerMaxFlow start;
    start.value = toFlowQuanta(network, maximum.value);
    for (double f : maximum.arc_flow) start.arc_flow.push_back(toFlowQuanta(network, f));
    solved = detail::cheapestFlowLike(problem, start);
  }
  if (!solved) return fail("dispatch: the given maximum flow is not feasible for this network");
  return toDispatchResult(network, *solved);
}

std::vector<Shortfall> findShortfalls(const FlowNetwork& network, const std::vector<double>& arc_flow) {
  std::vector<Shortfall> shortfalls;
  for (std::size_t i = 0; i < network.arcs.size() && i < arc_flow.size(); ++i) {
    const FlowArc& arc = network.arcs[i];
    if (arc.kind != ArcKind::demand || !arc.required) continue;
    if (arc_flow[i] < arc.capacity - network.flow_resolution / 2) {
      const FlowNode& node = network.nodes[static_cast<std::size_t>(arc.from)];
      shortfalls.push_back({node.id, node.name, arc.capacity, arc_flow[i]});
    }
  }
  return shortfalls;
}

std::optional<model::LocalizedText> unsuppliedNote(const FlowNetwork& network, const std::vector<double>& arc_flow,
                                                   const model::Park* park) {
  const auto shortfalls = findShortfalls(network, arc_flow);
  if (shortfalls.empty() && network.unlinked_consumers.empty()) return std::nullopt;
  model::LocalizedText note{"供应不足的节点：", "unsupplied nodes:"};
  const Quantity q = network.quantity;
  for (const auto& s : shortfalls) {
    note.zh += "\n  " + zhNodeNamed(network, s.node_id, park) + "：需要 " + formatAmount(s.needed, q, true) + "，得到 " +
               formatAmount(s.supplied, q, true) + "；请提高为它供应的瓶颈（最小割）上连接或来源的容量";
    note.en += "\n  " + s.node_id + " (" + s.name + "): needs " + formatAmount(s.needed, q) + ", gets " +
               formatAmount(s.supplied, q) +
               "; raise the capacity of the links or sources on the bottleneck (minimum cut) that feed it";
  }
  const std::string links = q == Quantity::energy_kw ? "energy_links" : "material_links";
  for (const auto& id : network.unlinked_consumers) {
    note.zh += "\n  " + (park ? detail::zhNamed(*park, id) : id) + "：没有连接到达它；请在 \"" + links +
               "\" 中加一条 \"to\": \"" + id + "\" 的连接（或连到它所在的建筑）";
    note.en += "\n  " + id + ": no link reaches it; add one to \"" + links + "\" with \"to\": \"" + id + "\" (or its building)";
  }
  return note;
}

Result<void> requireAllSupplied(const FlowNetwork& network, const std::vector<double>& arc_flow) {
  if (auto note = unsuppliedNote(network, arc_flow, nullptr)) return fail(note->en);
  return {};
}

Result<FailureImpact> failureImpact(const FlowNetwork& network, const std::string& failedId) {
  FlowNetwork damaged = network;
  bool found = false;
  for (FlowArc& arc : damaged.arcs) {
    const auto& from = damaged.nodes[static_cast<std::size_t>(arc.from)].id;
    const auto& to = damaged.nodes[static_cast<std::size_t>(arc.to)].id;
    const bool touches = from == failedId || to == failedId || from == failedId + "#out" || to == failedId + "#out";
    if (arc.id == failedId || (touches && !failedId.empty())) {
      arc.capacity = 0;
      found = true;
    }
  }
  if (!found) return fail("failure: no node or arc \"" + failedId + "\" in the network");
  auto before = maxFlow(network);
  if (!before) return std::unexpected(before.error());
  auto after = maxFlow(damaged);
  if (!after) return std::unexpected(after.error());

  FailureImpact impact;
  impact.failed = failedId;
  impact.value_before = before->value;
  impact.value_after = after->value;
  const auto reachedBefore = detail::reachableFrom(detail::toIntegerProblem(network), network.source);
  const auto reachedAfter = detail::reachableFrom(detail::toIntegerProblem(damaged), damaged.source);
  // Consumers, and lines that take material or power and pass it on (split lines, substations),
  // as park objects: a split line's second node ("<id>#out") is its object, and the losses
  // drawn at a sending end are no consumer.
  const auto objectOf = [](std::string id) { return id.ends_with("#out") ? id.substr(0, id.size() - 4) : id; };
  for (const FlowArc& arc : network.arcs) {
    if ((arc.kind != ArcKind::demand && arc.kind != ArcKind::throughput) || arc.capacity <= 0 || arc.loss) continue;
    const auto node = static_cast<std::size_t>(arc.from);
    const std::string id = objectOf(network.nodes[node].id);
    if (id == failedId || !reachedBefore[node] || reachedAfter[node]) continue;
    if (std::ranges::find(impact.islanded, id) == impact.islanded.end()) impact.islanded.push_back(id);
  }
  impact.shortfalls = findShortfalls(damaged, after->arc_flow);
  std::erase_if(impact.shortfalls, [](const Shortfall& s) { return s.node_id.ends_with("#out"); });  // losses, not loads
  return impact;
}

Result<Route> shortestRoute(const FlowNetwork& network, const std::string& fromId, const std::string& toId) {
  if (auto ok = detail::validateNetwork(network); !ok) return std::unexpected(ok.error());
  const int from = network.findNode(fromId);
  // A split line is entered at its input and left at its output.
  int to = network.findNode(toId);
  const int fromOut = network.findNode(fromId + "#out");
  if (from < 0) return fail("route: no node \"" + fromId + "\" in the network");
  if (to < 0) return fail("route: no node \"" + toId + "\" in the network");
  const int start = fromOut >= 0 ? fromOut : from;
  std::vector<double> weights;
  weights.reserve(network.arcs.size());
  for (const FlowArc& arc : network.arcs) weights.push_back(arc.distance_m);
  const auto problem = detail::toIntegerProblem(network);
  const auto arcs = detail::shortestPathArcs(problem, weights, start, to);
  if (arcs.empty()) return fail("route: no route from \"" + fromId + "\" to \"" + toId + "\"");
  Route route;
  route.arcs = arcs;
  route.node_names.push_back(network.nodes[static_cast<std::size_t>(from)].name);
  for (int a : arcs) {
    const FlowArc& arc = network.arcs[static_cast<std::size_t>(a)];
    route.arc_ids.push_back(arc.id);
    route.distance_m += arc.distance_m;
    route.cost_per_unit += arc.money_yuan_per_unit;
    const FlowNode& node = network.nodes[static_cast<std::size_t>(arc.to)];
    if (node.role != NodeRole::line_output) route.node_names.push_back(node.name);
  }
  return route;
}

}  // namespace parktwin::flow
