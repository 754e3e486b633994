#include "parktwin/flow/arc_list.hpp"

#include <cmath>
#include <sstream>

#include "huge_pages.hpp"
#include "integer_problem.hpp"
#include "parktwin/common/number_text.hpp"

namespace parktwin::flow {

long long toFlowQuanta(const FlowNetwork& network, double flow) { return std::llround(flow / network.flow_resolution); }
long long toCostQuanta(const FlowNetwork& network, double costPerUnit) {
  return std::llround(costPerUnit / network.cost_resolution);
}
double fromFlowQuanta(const FlowNetwork& network, long long quanta) {
  return static_cast<double>(quanta) * network.flow_resolution;
}
double fromCostTotalQuanta(const FlowNetwork& network, long long flowTimesCostQuanta) {
  return static_cast<double>(flowTimesCostQuanta) * network.flow_resolution * network.cost_resolution;
}

std::string toArcListText(const FlowNetwork& network) {
  const auto problem = detail::toIntegerProblem(network);
  std::ostringstream out;
  out << "p " << problem.node_count << ' ' << problem.arcs.size() << ' ' << problem.source << ' ' << problem.sink
      << '\n';
  for (const auto& arc : problem.arcs) {
    out << "a " << arc.from << ' ' << arc.to << ' ' << arc.capacity << ' ' << arc.cost << '\n';
  }
  return out.str();
}

namespace detail {

Result<void> validateNetwork(const FlowNetwork& network) {
  const int n = static_cast<int>(network.nodes.size());
  const auto inRange = [n](int v) { return v >= 0 && v < n; };
  if (!inRange(network.source) || !inRange(network.sink) || network.source == network.sink) {
    return fail("flow network: expected distinct source and sink among " + std::to_string(n) + " nodes, got " +
                std::to_string(network.source) + " and " + std::to_string(network.sink));
  }
  if (!(network.flow_resolution > 0) || !(network.cost_resolution > 0)) {
    return fail("flow network: expected positive flow and cost resolutions");
  }
  for (std::size_t i = 0; i < network.arcs.size(); ++i) {
    const FlowArc& arc = network.arcs[i];
    // Built only for a message: this runs on every arc of every solve.
    const auto where = [&] { return "flow network: arc " + std::to_string(i) + " \"" + arc.id + "\": "; };
    if (!inRange(arc.from) || !inRange(arc.to)) return fail(where() + "expected end nodes in 0.." + std::to_string(n - 1));
    if (!std::isfinite(arc.capacity) || arc.capacity < 0) {
      return fail(where() + "expected a finite capacity >= 0, got " + shortestText(arc.capacity));
    }
    if (!std::isfinite(arc.dispatch_cost_per_unit) || arc.dispatch_cost_per_unit < 0) {
      return fail(where() + "expected a finite cost >= 0, got " + shortestText(arc.dispatch_cost_per_unit));
    }
    // Beyond this the products flow x cost could overflow 64-bit integers.
    if (arc.capacity / network.flow_resolution > 1e13) {
      return fail(where() + "capacity " + shortestText(arc.capacity) + " is too large for flow resolution " +
                  shortestText(network.flow_resolution));
    }
  }
  return {};
}

IntegerProblem toIntegerProblem(const FlowNetwork& network) {
  IntegerProblem problem;
  toIntegerProblem(network, problem);
  return problem;
}

void toIntegerProblem(const FlowNetwork& network, IntegerProblem& problem) {
  problem.arcs.clear();
  problem.node_count = static_cast<int>(network.nodes.size());
  problem.source = network.source;
  problem.sink = network.sink;
  reserveOnHugePages(problem.arcs, network.arcs.size());
  for (const FlowArc& arc : network.arcs) {
    problem.arcs.push_back({arc.from, arc.to, toFlowQuanta(network, arc.capacity), toCostQuanta(network, arc.dispatch_cost_per_unit)});
  }
}

}  // namespace detail
}  // namespace parktwin::flow
