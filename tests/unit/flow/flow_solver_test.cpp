// maxFlow, dispatchMinCost, solveMaxFlowAndDispatch, failureImpact, shortestRoute: hand-checked examples and
// networkx (an independent implementation) on seeded random graphs.
#include <gtest/gtest.h>

#include <random>

#include "parktwin/flow/solver.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

FlowNetwork integerNetwork(int nodes, int source, int sink) {
  FlowNetwork net;
  net.flow_resolution = 1;
  net.cost_resolution = 1;
  for (int i = 0; i < nodes; ++i) net.nodes.push_back({"n" + std::to_string(i), "node " + std::to_string(i), NodeRole::junction, "test"});
  net.source = source;
  net.sink = sink;
  return net;
}

void addArc(FlowNetwork& net, int from, int to, double capacity, double cost = 0, double distance = 0) {
  FlowArc arc;
  arc.id = "a" + std::to_string(net.arcs.size());
  arc.from = from;
  arc.to = to;
  arc.capacity = capacity;
  arc.dispatch_cost_per_unit = cost;
  arc.distance_m = distance;
  net.arcs.push_back(arc);
}

// Capacity bounds and conservation at every node but the source and sink; returns the net
// outflow of the source.
double checkFeasibleFlow(const FlowNetwork& net, const std::vector<double>& flow) {
  EXPECT_EQ(flow.size(), net.arcs.size());
  std::vector<double> balance(net.nodes.size(), 0.0);
  for (std::size_t i = 0; i < net.arcs.size(); ++i) {
    EXPECT_GE(flow[i], 0.0) << net.arcs[i].id;
    EXPECT_LE(flow[i], net.arcs[i].capacity) << net.arcs[i].id;
    balance[static_cast<std::size_t>(net.arcs[i].from)] -= flow[i];
    balance[static_cast<std::size_t>(net.arcs[i].to)] += flow[i];
  }
  for (std::size_t v = 0; v < balance.size(); ++v) {
    if (static_cast<int>(v) != net.source && static_cast<int>(v) != net.sink) {
      EXPECT_EQ(balance[v], 0.0) << "node " << v;
    }
  }
  return -balance[static_cast<std::size_t>(net.source)];
}

// s=0, a=1, b=2, t=3. Cuts by hand: {s} 5+1=6, {s,a} 1+2+1=4, {s,b} 5+6=11, {s,a,b} 1+6=7,
// so the minimum cut is {s->b, a->b, a->t} with capacity 4.
FlowNetwork fourNodeExample() {
  FlowNetwork net = integerNetwork(4, 0, 3);
  addArc(net, 0, 1, 5);  // a0 s->a
  addArc(net, 0, 2, 1);  // a1 s->b
  addArc(net, 1, 2, 2);  // a2 a->b
  addArc(net, 1, 3, 1);  // a3 a->t
  addArc(net, 2, 3, 6);  // a4 b->t
  return net;
}

TEST(MaxFlow, FourNodeExampleHasTheHandComputedCut) {
  const FlowNetwork net = fourNodeExample();
  const auto result = maxFlow(net);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_DOUBLE_EQ(result->value, 4.0);
  EXPECT_DOUBLE_EQ(result->cut_capacity, 4.0);
  std::vector<std::string> cut;
  for (const auto& arc : result->min_cut) cut.push_back(arc.id);
  EXPECT_EQ(cut, (std::vector<std::string>{"a1", "a2", "a3"}));
  EXPECT_DOUBLE_EQ(checkFeasibleFlow(net, result->arc_flow), 4.0);
}

TEST(MaxFlow, RejectsMalformedNetworks) {
  FlowNetwork net = fourNodeExample();
  net.arcs[2].capacity = -1;
  const auto negative = maxFlow(net);
  ASSERT_FALSE(negative);
  EXPECT_NE(negative.error().message.find("\"a2\""), std::string::npos) << negative.error().message;
  net = fourNodeExample();
  net.sink = net.source;
  EXPECT_FALSE(maxFlow(net));
  net = fourNodeExample();
  net.arcs[0].to = 17;
  EXPECT_FALSE(dispatchMinCost(net));
}

TEST(Dispatch, TakesTheCheapRouteFirstAndPaysForTheDearOneOnlyWhenNeeded) {
  // s=0 -> t=3 by a cheap route (cost 1+1, capacity 3) and a dear one (cost 5+5, capacity 10);
  // the sink arc takes 5, so 3 go the cheap way and 2 the dear way: 3*2 + 2*10 = 26.
  FlowNetwork net = integerNetwork(5, 0, 4);
  addArc(net, 0, 1, 3, 1);
  addArc(net, 1, 3, 10, 1);
  addArc(net, 0, 2, 10, 5);
  addArc(net, 2, 3, 10, 5);
  addArc(net, 3, 4, 5, 0);
  const auto result = dispatchMinCost(net);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_DOUBLE_EQ(result->value, 5.0);
  EXPECT_DOUBLE_EQ(result->cost, 26.0);
  EXPECT_DOUBLE_EQ(result->arc_flow[0], 3.0);
  EXPECT_DOUBLE_EQ(result->arc_flow[2], 2.0);
}

TEST(Route, DijkstraFindsTheShortestDistanceNotTheFewestArcs) {
  FlowNetwork net = integerNetwork(4, 0, 3);
  addArc(net, 0, 1, 1, 0, 100);
  addArc(net, 1, 2, 1, 0, 100);
  addArc(net, 0, 2, 1, 0, 250);
  addArc(net, 2, 3, 1, 0, 10);
  const auto route = shortestRoute(net, "n0", "n2");
  ASSERT_TRUE(route) << route.error().message;
  EXPECT_DOUBLE_EQ(route->distance_m, 200.0);
  EXPECT_EQ(route->arc_ids, (std::vector<std::string>{"a0", "a1"}));
  const auto none = shortestRoute(net, "n3", "n0");
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("\"n3\""), std::string::npos);
}

// Seeds above 80 give larger graphs with few distinct costs: many ties, so many degenerate
// simplex pivots.
FlowNetwork randomNetwork(std::uint32_t seed) {
  std::mt19937 rng(seed);
  const auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const bool large = seed > 80;
  const int n = large ? uniform(100, 400) : uniform(4, 60);
  const int maxCost = large ? 3 : 20;
  FlowNetwork net = integerNetwork(n, 0, n - 1);
  const int arcs = n * uniform(1, 5);
  for (int i = 0; i < arcs; ++i) {
    int from = uniform(0, n - 1);
    int to = uniform(0, n - 1);
    if (from == to) continue;
    addArc(net, from, to, uniform(0, 30), uniform(0, maxCost));
    if (uniform(0, 9) == 0) addArc(net, from, to, uniform(0, 30), uniform(0, maxCost));  // a parallel arc
  }
  return net;
}

TEST(MaxFlowAndDispatch, AgreeWithNetworkxOnSeededRandomGraphs) {
  ASSERT_TRUE(test::networkxAvailable()) << "/usr/bin/python3 cannot import networkx (scripts/setup installs python3-networkx)";
  std::vector<FlowNetwork> networks;
  for (std::uint32_t seed = 1; seed <= 100; ++seed) networks.push_back(randomNetwork(seed));
  std::string error;
  const auto answers = test::askNetworkx(networks, error);
  ASSERT_TRUE(answers) << error;
  int withFlow = 0;
  for (std::size_t i = 0; i < networks.size(); ++i) {
    SCOPED_TRACE("random graph seed " + std::to_string(i + 1));
    const auto flow = maxFlow(networks[i]);
    const auto dispatch = dispatchMinCost(networks[i]);  // network simplex
    const auto fromMaximum = dispatchMinCost(networks[i], *flow);
    const auto scaled = dispatchMinCost(networks[i], MinCostMethod::cost_scaling);
    const auto reference = dispatchMinCost(networks[i], MinCostMethod::successive_shortest_paths);
    ASSERT_TRUE(flow && dispatch && fromMaximum && scaled && reference);
    for (const auto* other : {&*fromMaximum, &*scaled, &*reference}) {
      EXPECT_EQ(other->cost, dispatch->cost);
      EXPECT_EQ(other->value, dispatch->value);
      EXPECT_DOUBLE_EQ(checkFeasibleFlow(networks[i], other->arc_flow), other->value);
    }
    EXPECT_EQ(static_cast<long long>(flow->value), (*answers)[i].max_flow);
    EXPECT_EQ(static_cast<long long>(flow->cut_capacity), (*answers)[i].min_cut);
    EXPECT_EQ(static_cast<long long>(dispatch->value), (*answers)[i].max_flow);
    EXPECT_EQ(static_cast<long long>(dispatch->cost), (*answers)[i].min_cost);
    EXPECT_DOUBLE_EQ(checkFeasibleFlow(networks[i], flow->arc_flow), flow->value);
    EXPECT_DOUBLE_EQ(checkFeasibleFlow(networks[i], dispatch->arc_flow), dispatch->value);
    double cost = 0;
    for (std::size_t a = 0; a < networks[i].arcs.size(); ++a) cost += dispatch->arc_flow[a] * networks[i].arcs[a].dispatch_cost_per_unit;
    EXPECT_DOUBLE_EQ(cost, dispatch->cost);
    if (flow->value > 0) ++withFlow;
  }
  EXPECT_GE(withFlow, 65) << "the random graphs should mostly carry flow, or the comparison proves little";
}

TEST(MaxFlowAndDispatchInOnePass, FourNodeExampleHasTheHandComputedCut) {
  const auto solved = solveMaxFlowAndDispatch(fourNodeExample());
  ASSERT_TRUE(solved) << solved.error().message;
  EXPECT_EQ(solved->max_flow.value, 4.0);
  EXPECT_EQ(solved->max_flow.cut_capacity, 4.0);
  std::vector<std::string> cut;
  for (const auto& c : solved->max_flow.min_cut) cut.push_back(c.id);
  EXPECT_EQ(cut, (std::vector<std::string>{"a1", "a2", "a3"}));
}

// A network that cannot deliver all that its sources offer: the surplus must not be routed
// (by hand: s->a 10 but a->t 3 and a->b->t 2, so 5 arrive; the cheap a->t first: 3 x 1 + 2 x 5).
TEST(MaxFlowAndDispatchInOnePass, DeliversOnlyWhatTheNetworkCanAtTheHandComputedCost) {
  FlowNetwork net = integerNetwork(4, 0, 3);
  addArc(net, 0, 1, 10);    // a0 s->a
  addArc(net, 1, 3, 3, 1);  // a1 a->t, cheap
  addArc(net, 1, 2, 2, 2);  // a2 a->b
  addArc(net, 2, 3, 9, 3);  // a3 b->t
  const auto solved = solveMaxFlowAndDispatch(net);
  ASSERT_TRUE(solved) << solved.error().message;
  EXPECT_EQ(solved->dispatch.value, 5.0);
  EXPECT_EQ(solved->dispatch.cost, 3.0 * 1 + 2.0 * 5);
  EXPECT_EQ(solved->max_flow.cut_capacity, 5.0);
  EXPECT_EQ(solved->dispatch.arc_flow, (std::vector<double>{5, 3, 2, 2}));
}

// The same 100 seeded graphs as above, with networkx's answers (nullopt and `error` if it failed).
std::optional<std::vector<test::OracleAnswer>> networkxOnSeededGraphs(std::vector<FlowNetwork>& networks, std::string& error) {
  if (!test::networkxAvailable()) {
    error = "/usr/bin/python3 cannot import networkx (scripts/setup installs python3-networkx)";
    return std::nullopt;
  }
  for (std::uint32_t seed = 1; seed <= 100; ++seed) networks.push_back(randomNetwork(seed));
  return test::askNetworkx(networks, error);
}

TEST(MaxFlowAndDispatchInOnePass, AgreesWithNetworkxOnSeededRandomGraphs) {
  std::vector<FlowNetwork> networks;
  std::string error;
  const auto answers = networkxOnSeededGraphs(networks, error);
  ASSERT_TRUE(answers) << error;
  for (std::size_t i = 0; i < networks.size(); ++i) {
    SCOPED_TRACE("random graph seed " + std::to_string(i + 1));
    const auto solved = solveMaxFlowAndDispatch(networks[i]);
    ASSERT_TRUE(solved) << solved.error().message;
    EXPECT_EQ(static_cast<long long>(solved->max_flow.value), (*answers)[i].max_flow);
    EXPECT_EQ(static_cast<long long>(solved->max_flow.cut_capacity), (*answers)[i].min_cut);
    EXPECT_EQ(static_cast<long long>(solved->dispatch.value), (*answers)[i].max_flow);
    EXPECT_EQ(static_cast<long long>(solved->dispatch.cost), (*answers)[i].min_cost);
    EXPECT_DOUBLE_EQ(checkFeasibleFlow(networks[i], solved->dispatch.arc_flow), solved->dispatch.value);
    double cut = 0;
    for (const auto& c : solved->max_flow.min_cut) cut += networks[i].arcs[static_cast<std::size_t>(c.arc)].capacity;
    EXPECT_EQ(cut, solved->max_flow.cut_capacity);
  }
}

}  // namespace
}  // namespace parktwin::flow
