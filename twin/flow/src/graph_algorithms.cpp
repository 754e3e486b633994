// The only translation unit that includes Boost.Graph (keeps builds light and Boost types
// out of every header). It solves the integer problems of integer_graph.hpp.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>

#include <deque>
#include <limits>

#include "integer_graph.hpp"

namespace parktwin::flow::detail {
namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
// Costs and distances are doubles (integer quanta, exact below 2^53): Boost's successive
// shortest paths adds each vertex's distance to its potential, and a vertex the source cannot
// reach has the largest value; two of those overflow an int64 (undefined behaviour, found by
// UBSan) while doubles go to infinity. Such a vertex never becomes reachable again (augmenting
// only adds reverse edges along a path from the source), so its potential is never read.
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS,
    boost::property<boost::vertex_color_t, boost::default_color_type,
                    boost::property<boost::vertex_distance_t, double,
                                    boost::property<boost::vertex_predecessor_t, Traits::edge_descriptor>>>,
    boost::property<boost::edge_capacity_t, std::int64_t,
                    boost::property<boost::edge_residual_capacity_t, std::int64_t,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                    boost::property<boost::edge_weight_t, double>>>>>;
using Edge = Traits::edge_descriptor;

// Residual graph with a reverse edge for each arc; returns each arc's forward edge.
std::vector<Edge> buildResidualGraph(const IntegerProblem& problem, FlowGraph& g) {
  g = FlowGraph(static_cast<std::size_t>(problem.node_count));
  auto capacity = get(boost::edge_capacity, g);
  auto reverse = get(boost::edge_reverse, g);
  auto weight = get(boost::edge_weight, g);
  std::vector<Edge> forward;
  forward.reserve(problem.arcs.size());
  for (const IntegerArc& arc : problem.arcs) {
    const Edge e = add_edge(static_cast<std::size_t>(arc.from), static_cast<std::size_t>(arc.to), g).first;
    const Edge r = add_edge(static_cast<std::size_t>(arc.to), static_cast<std::size_t>(arc.from), g).first;
    capacity[e] = arc.capacity;
    capacity[r] = 0;
    weight[e] = static_cast<double>(arc.cost);
    weight[r] = -static_cast<double>(arc.cost);
    reverse[e] = r;
    reverse[r] = e;
    forward.push_back(e);
  }
  return forward;
}

std::vector<std::int64_t> flowsOn(const FlowGraph& g, const std::vector<Edge>& forward) {
  auto capacity = get(boost::edge_capacity, g);
  auto residual = get(boost::edge_residual_capacity, g);
  std::vector<std::int64_t> flows;
  flows.reserve(forward.size());
  for (const Edge& e : forward) flows.push_back(capacity[e] - residual[e]);
  return flows;
}

}  // namespace

IntegerMaxFlow solveMaxFlow(const IntegerProblem& problem) {
  // A compressed sparse row graph: built in one go, no allocation per edge (the adjacency
  // list's edges each own their properties), which halves the time on a 50k-arc park.
  struct Edge {
    std::int64_t capacity = 0;
    std::int64_t residual = 0;
    std::size_t arc = 0;
    bool backward = false;
  };
  using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Edge>;
  using EdgeDescriptor = boost::graph_traits<Graph>::edge_descriptor;
  const std::size_t m = problem.arcs.size();
  std::vector<std::pair<std::size_t, std::size_t>> ends;
  std::vector<Edge> properties;
  ends.reserve(2 * m);
  properties.reserve(2 * m);
  for (std::size_t i = 0; i < m; ++i) {
    const IntegerArc& arc = problem.arcs[i];
    const auto from = static_cast<std::size_t>(arc.from), to = static_cast<std::size_t>(arc.to);
    ends.emplace_back(from, to);
    properties.push_back({arc.capacity, 0, i, false});
    ends.emplace_back(to, from);
    properties.push_back({0, 0, i, true});
  }
  const auto n = static_cast<std::size_t>(problem.node_count);
  Graph g(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), properties.begin(), n);

  // Each arc's forward and backward edge, then each edge's reverse.
  const auto edgeIndex = get(boost::edge_index, g);
  std::vector<EdgeDescriptor> forward(m), backward(m), reverse(num_edges(g));
  for (auto [it, end] = edges(g); it != end; ++it) (g[*it].backward ? backward : forward)[g[*it].arc] = *it;
  for (std::size_t i = 0; i < m; ++i) {
    reverse[get(edgeIndex, forward[i])] = backward[i];
    reverse[get(edgeIndex, backward[i])] = forward[i];
  }
  std::vector<boost::default_color_type> color(n);
  std::vector<EdgeDescriptor> predecessor(n);
  std::vector<std::int64_t> distance(n);
  const auto vertexIndex = get(boost::vertex_index, g);
  const auto residual = get(&Edge::residual, g);
  const auto s = static_cast<std::size_t>(problem.source);
  const auto t = static_cast<std::size_t>(problem.sink);
  IntegerMaxFlow result;
  result.value = boost::boykov_kolmogorov_max_flow(
      g, get(&Edge::capacity, g), residual, boost::make_iterator_property_map(reverse.begin(), edgeIndex),
      boost::make_iterator_property_map(predecessor.begin(), vertexIndex),
      boost::make_iterator_property_map(color.begin(), vertexIndex),
      boost::make_iterator_property_map(distance.begin(), vertexIndex), vertexIndex, s, t);
  result.arc_flow.reserve(m);
  for (std::size_t i = 0; i < m; ++i) result.arc_flow.push_back(g[forward[i]].capacity - g[forward[i]].residual);

  // The source side of the minimum cut: nodes reachable from s over residual capacity.
  result.source_side.assign(n, 0);
  std::vector<std::size_t> queue{s};
  result.source_side[s] = 1;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    for (auto [it, end] = out_edges(queue[head], g); it != end; ++it) {
      const std::size_t v = target(*it, g);
      if (residual[*it] > 0 && !result.source_side[v]) {
        result.source_side[v] = 1;
        queue.push_back(v);
      }
    }
  }
  return result;
}

IntegerMinCostFlow solveMinCostMaxFlow(const IntegerProblem& problem) {
  FlowGraph g;
  const auto forward = buildResidualGraph(problem, g);
  boost::successive_shortest_path_nonnegative_weights(g, static_cast<std::size_t>(problem.source),
                                                      static_cast<std::size_t>(problem.sink));
  IntegerMinCostFlow result;
  result.arc_flow = flowsOn(g, forward);
  for (std::size_t i = 0; i < problem.arcs.size(); ++i) {
    result.cost += result.arc_flow[i] * problem.arcs[i].cost;
    if (problem.arcs[i].from == problem.source) result.value += result.arc_flow[i];
    if (problem.arcs[i].to == problem.source) result.value -= result.arc_flow[i];
  }
  return result;
}

std::vector<char> reachableFrom(const IntegerProblem& problem, int start) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph g(static_cast<std::size_t>(problem.node_count));
  for (const IntegerArc& arc : problem.arcs) {
    if (arc.capacity > 0) add_edge(static_cast<std::size_t>(arc.from), static_cast<std::size_t>(arc.to), g);
  }
  std::vector<boost::default_color_type> color(num_vertices(g), boost::white_color);
  boost::breadth_first_visit(g, static_cast<std::size_t>(start),
                             boost::color_map(boost::make_iterator_property_map(color.begin(), get(boost::vertex_index, g))));
  std::vector<char> reached(color.size());
  for (std::size_t v = 0; v < color.size(); ++v) reached[v] = color[v] != boost::white_color;
  return reached;
}

std::vector<int> shortestPathArcs(const IntegerProblem& problem, const std::vector<double>& weights, int from,
                                  int to) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                      boost::property<boost::edge_weight_t, double, boost::property<boost::edge_index_t, int>>>;
  Graph g(static_cast<std::size_t>(problem.node_count));
  for (std::size_t i = 0; i < problem.arcs.size(); ++i) {
    const IntegerArc& arc = problem.arcs[i];
    if (arc.capacity <= 0) continue;
    add_edge(static_cast<std::size_t>(arc.from), static_cast<std::size_t>(arc.to),
             {weights[i], static_cast<int>(i)}, g);
  }
  const std::size_t n = num_vertices(g);
  std::vector<std::size_t> predecessor(n);
  std::vector<double> distance(n);
  const auto index = get(boost::vertex_index, g);
  boost::dijkstra_shortest_paths(g, static_cast<std::size_t>(from),
                                 boost::predecessor_map(boost::make_iterator_property_map(predecessor.begin(), index))
                                     .distance_map(boost::make_iterator_property_map(distance.begin(), index)));
  std::vector<int> path;
  const auto target = static_cast<std::size_t>(to);
  // Dijkstra leaves an unreached vertex as its own predecessor.
  if (from == to || predecessor[target] == target) return path;
  auto weight = get(boost::edge_weight, g);
  auto arcIndex = get(boost::edge_index, g);
  for (std::size_t v = target; v != static_cast<std::size_t>(from); v = predecessor[v]) {
    const std::size_t u = predecessor[v];
    int best = -1;
    double bestWeight = std::numeric_limits<double>::infinity();
    for (auto [it, end] = out_edges(u, g); it != end; ++it) {
      if (boost::target(*it, g) == v && weight[*it] < bestWeight) {
        bestWeight = weight[*it];
        best = arcIndex[*it];
      }
    }
    path.push_back(best);
  }
  return {path.rbegin(), path.rend()};
}

}  // namespace parktwin::flow::detail
