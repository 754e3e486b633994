#include "parktwin/flow/sankey.hpp"

#include <algorithm>
#include <map>

namespace parktwin::flow {
namespace {


struct Edge {
  int from, to;
  double value;
  std::string product;
  double largest = 0;
};

}  // namespace

SankeyDiagram buildSankey(const FlowNetwork& network, const std::vector<double>& arc_flow, double min_share) {
  SankeyDiagram d;
  // 1. Objects and the flow between them (links only; throughput arcs join halves of one object).
  // The two halves of a split line or substation (joined by a throughput arc) are one object;
  // a market's "#out" node (scrap it sends back) stays a node of its own.
  std::vector<std::string> objectOf(network.nodes.size());
  for (std::size_t n = 0; n < network.nodes.size(); ++n) objectOf[n] = network.nodes[n].id;
  for (const FlowArc& arc : network.arcs) {
    if (arc.kind == ArcKind::throughput) objectOf[static_cast<std::size_t>(arc.to)] = objectOf[static_cast<std::size_t>(arc.from)];
  }
  std::map<std::string, int> index;
  std::vector<SankeyNode> nodes;
  auto nodeOf = [&](int n) {
    const std::string& id = objectOf[static_cast<std::size_t>(n)];
    auto [it, added] = index.try_emplace(id, static_cast<int>(nodes.size()));
    if (added) nodes.push_back({id, network.nodes[static_cast<std::size_t>(n)].name, 0, 0, 0, 0});
    return it->second;
  };
  auto lossesNode = [&]() {
    auto [it, added] = index.try_emplace("losses", static_cast<int>(nodes.size()));
    if (added) nodes.push_back({"losses", "Losses", 0, 0, 0, 0});
    return it->second;
  };
  std::map<std::pair<int, int>, Edge> edges;
  for (std::size_t a = 0; a < network.arcs.size() && a < arc_flow.size(); ++a) {
    const FlowArc& arc = network.arcs[a];
    const double flow = arc_flow[a];
    if (arc.kind == ArcKind::supply) d.total += flow;
    if ((arc.kind != ArcKind::link && !arc.loss) || flow <= 0) continue;
    // A link's loss, drawn at its sending end, flows into one "losses" node.
    const int from = nodeOf(arc.from), to = arc.loss ? lossesNode() : nodeOf(arc.to);
    if (from == to) continue;
    Edge& e = edges.try_emplace({from, to}, Edge{from, to, 0, arc.product}).first->second;
    e.value += flow;
    if (flow > e.largest) {
      e.largest = flow;
      e.product = arc.product;
    }
  }
  // 2. Columns: the longest path from an object nothing flows into (back edges of a cycle ignored).
  std::vector<std::vector<int>> out(nodes.size());
  std::vector<int> indegree(nodes.size(), 0);
  for (const auto& [key, e] : edges) {
    out[static_cast<std::size_t>(e.from)].push_back(e.to);
    ++indegree[static_cast<std::size_t>(e.to)];
  }
  std::vector<int> column(nodes.size(), 0), ready;
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    if (indegree[n] == 0) ready.push_back(static_cast<int>(n));
  }
  while (!ready.empty()) {  // Kahn's order; objects on a cycle keep the column reached so far
    const int n = ready.back();
    ready.pop_back();
    for (int m : out[static_cast<std::size_t>(n)]) {
      auto& c = column[static_cast<std::size_t>(m)];
      c = std::max(c, column[static_cast<std::size_t>(n)] + 1);
      if (--indegree[static_cast<std::size_t>(m)] == 0) ready.push_back(m);
    }
  }
  // 3. Values; small objects merged per column.
  std::vector<double> in(nodes.size(), 0), outSum(nodes.size(), 0);
  for (const auto& [key, e] : edges) {
    outSum[static_cast<std::size_t>(e.from)] += e.value;
    in[static_cast<std::size_t>(e.to)] += e.value;
  }
  double largest = 0;
  for (std::size_t n = 0; n < nodes.size(); ++n) largest = std::max({largest, in[n], outSum[n]});
  const double reference = std::max(d.total, largest);
  std::vector<int> target(nodes.size());  // node index after merging
  std::map<int, int> othersOfColumn;
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    nodes[n].column = column[n];
    nodes[n].value = std::max(in[n], outSum[n]);
    d.columns = std::max(d.columns, column[n] + 1);
  }
  // Losses always keep their own node (docs/flow.md: "Line and transformer losses"), however small.
  const auto keep = [&](std::size_t n) { return nodes[n].id == "losses" || nodes[n].value >= min_share * reference; };
  std::vector<SankeyNode> kept;
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    if (keep(n)) {
      target[n] = static_cast<int>(kept.size());
      kept.push_back(nodes[n]);
    }
  }
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    if (keep(n)) continue;
    auto [it, added] = othersOfColumn.try_emplace(nodes[n].column, static_cast<int>(kept.size()));
    if (added) kept.push_back({"others:" + std::to_string(nodes[n].column), "others", nodes[n].column, 0, 0, 0});
    ++kept[static_cast<std::size_t>(it->second)].merged;
    target[n] = it->second;
  }
  std::map<std::pair<int, int>, SankeyBand> merged;
  for (const auto& [key, e] : edges) {
    const int from = target[static_cast<std::size_t>(e.from)], to = target[static_cast<std::size_t>(e.to)];
    if (from == to) continue;
    SankeyBand& b = merged.try_emplace({from, to}, SankeyBand{from, to, 0, 0, 0, e.product}).first->second;
    b.value += e.value;
  }
  std::vector<double> keptIn(kept.size(), 0), keptOut(kept.size(), 0);
  for (auto& [key, b] : merged) {
    keptOut[static_cast<std::size_t>(b.from)] += b.value;
    keptIn[static_cast<std::size_t>(b.to)] += b.value;
    d.bands.push_back(b);
  }
  for (std::size_t n = 0; n < kept.size(); ++n) kept[n].value = std::max(keptIn[n], keptOut[n]);
  // 4. Stack each column, largest first, with gaps; bands leave and enter in the order of the
  // node at their other end, so they do not cross at the nodes.
  const double gap = 0.04 * reference;
  std::vector<std::vector<int>> byColumn(static_cast<std::size_t>(d.columns));
  for (std::size_t n = 0; n < kept.size(); ++n) byColumn[static_cast<std::size_t>(kept[n].column)].push_back(static_cast<int>(n));
  for (auto& col : byColumn) {
    std::stable_sort(col.begin(), col.end(), [&](int a, int b) {
      const bool aOthers = kept[static_cast<std::size_t>(a)].merged > 0, bOthers = kept[static_cast<std::size_t>(b)].merged > 0;
      if (aOthers != bOthers) return bOthers;  // "others" at the bottom
      return kept[static_cast<std::size_t>(a)].value > kept[static_cast<std::size_t>(b)].value;
    });
    double y = 0;
    for (int n : col) {
      kept[static_cast<std::size_t>(n)].y = y;
      y += kept[static_cast<std::size_t>(n)].value + gap;
    }
    d.height = std::max(d.height, y - gap);
  }
  std::vector<std::size_t> order(d.bands.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<double> outCursor(kept.size()), inCursor(kept.size());
  for (std::size_t n = 0; n < kept.size(); ++n) outCursor[n] = inCursor[n] = kept[n].y;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return kept[static_cast<std::size_t>(d.bands[a].to)].y < kept[static_cast<std::size_t>(d.bands[b].to)].y;
  });
  for (std::size_t i : order) {
    d.bands[i].from_y = outCursor[static_cast<std::size_t>(d.bands[i].from)];
    outCursor[static_cast<std::size_t>(d.bands[i].from)] += d.bands[i].value;
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return kept[static_cast<std::size_t>(d.bands[a].from)].y < kept[static_cast<std::size_t>(d.bands[b].from)].y;
  });
  for (std::size_t i : order) {
    d.bands[i].to_y = inCursor[static_cast<std::size_t>(d.bands[i].to)];
    inCursor[static_cast<std::size_t>(d.bands[i].to)] += d.bands[i].value;
  }
  d.nodes = std::move(kept);
  return d;
}

}  // namespace parktwin::flow
