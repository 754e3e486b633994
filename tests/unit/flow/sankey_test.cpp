// Sankey layout: columns, band widths equal the flows between objects (by hand), node heights
// hold their bands, bands stack without overlap; small objects merge into "others".
#include <gtest/gtest.h>

#include <map>

#include "parktwin/flow/park_flows.hpp"
#include "parktwin/flow/sankey.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

// super source 0, super sink 1; smelter 2 -> casthouse 3 (split: 3 and 4 = casthouse#out) ->
// press 5 (6 t/h) and caster 6 (4 t/h); a tiny dryer 7 takes 0.1 t/h from the casthouse.
FlowNetwork tinyPark(std::vector<double>& flow) {
  FlowNetwork net;
  for (const char* id : {"", "", "smelter", "casthouse", "casthouse#out", "press", "caster", "dryer"}) {
    net.nodes.push_back({id, id, NodeRole::junction, ""});
  }
  auto arc = [&](const char* id, int from, int to, ArcKind kind, double f) {
    FlowArc a;
    a.id = id;
    a.from = from;
    a.to = to;
    a.kind = kind;
    a.capacity = 100;
    a.product = "molten_aluminium";
    net.arcs.push_back(a);
    flow.push_back(f);
  };
  arc("supply:smelter", 0, 2, ArcKind::supply, 10.1);
  arc("m1", 2, 3, ArcKind::link, 10.1);
  arc("throughput:casthouse", 3, 4, ArcKind::throughput, 10.1);
  arc("m2", 4, 5, ArcKind::link, 6);
  arc("m3", 4, 6, ArcKind::link, 4);
  arc("m4", 4, 7, ArcKind::link, 0.1);
  arc("demand:press", 5, 1, ArcKind::demand, 6);
  arc("demand:caster", 6, 1, ArcKind::demand, 4);
  arc("demand:dryer", 7, 1, ArcKind::demand, 0.1);
  return net;
}

const SankeyNode& node(const SankeyDiagram& d, const std::string& id) {
  for (const auto& n : d.nodes) {
    if (n.id == id) return n;
  }
  throw std::runtime_error("no node " + id);
}

TEST(Sankey, ColumnsAndBandsOfASmallParkByHand) {
  std::vector<double> flow;
  const FlowNetwork net = tinyPark(flow);
  const SankeyDiagram d = buildSankey(net, flow, 0.02);  // the dryer (1 %) merges into others
  EXPECT_DOUBLE_EQ(d.total, 10.1);
  EXPECT_EQ(d.columns, 3);
  EXPECT_EQ(node(d, "smelter").column, 0);
  EXPECT_EQ(node(d, "casthouse").column, 1);  // both halves are one object
  EXPECT_EQ(node(d, "press").column, 2);
  EXPECT_EQ(node(d, "others:2").merged, 1);
  EXPECT_DOUBLE_EQ(node(d, "casthouse").value, 10.1);
  std::map<std::string, double> widths;
  for (const auto& b : d.bands) widths[d.nodes[b.from].id + ">" + d.nodes[b.to].id] = b.value;
  EXPECT_EQ(widths, (std::map<std::string, double>{{"smelter>casthouse", 10.1},
                                                   {"casthouse>press", 6},
                                                   {"casthouse>caster", 4},
                                                   {"casthouse>others:2", 0.1}}));
  // Largest first: press on top of caster; bands leave the casthouse in that order, no overlap.
  EXPECT_LT(node(d, "press").y, node(d, "caster").y);
  double cursor = node(d, "casthouse").y;
  for (const char* to : {"press", "caster", "others:2"}) {
    for (const auto& b : d.bands) {
      if (d.nodes[b.to].id == to) {
        EXPECT_DOUBLE_EQ(b.from_y, cursor) << to;
        EXPECT_DOUBLE_EQ(b.to_y, node(d, to).y) << to;
        cursor += b.value;
      }
    }
  }
}

TEST(Sankey, BeiduBandsRunLeftToRightAndTotalsMatchTheDispatch) {
  auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu);
  FlowOverrides overrides;
  overrides.supply_basis = SupplyBasis::annual_average;
  auto report = solveParkFlows(*beidu, overrides, 8760.0);
  ASSERT_TRUE(report);
  for (const NetworkSolution* side : {&report->material, &report->energy}) {
    const SankeyDiagram d = buildSankey(side->network, side->dispatch.arc_flow);
    std::vector<double> in(d.nodes.size(), 0), out(d.nodes.size(), 0);
    for (const auto& b : d.bands) {
      EXPECT_GT(b.value, 0);
      EXPECT_LT(d.nodes[b.from].column, d.nodes[b.to].column) << "bands run left to right";
      out[b.from] += b.value;
      in[b.to] += b.value;
    }
    // Flow into the network: the supply arcs' flows, read straight from the dispatch.
    double supplied = 0;
    for (std::size_t a = 0; a < side->network.arcs.size(); ++a) {
      if (side->network.arcs[a].kind == ArcKind::supply) supplied += side->dispatch.arc_flow[a];
    }
    for (std::size_t n = 0; n < d.nodes.size(); ++n) {
      EXPECT_DOUBLE_EQ(d.nodes[n].value, std::max(in[n], out[n])) << d.nodes[n].id;
    }
    EXPECT_NEAR(d.total, supplied, 1e-6);
    EXPECT_GT(d.nodes.size(), 3u);
    EXPECT_LT(d.nodes.size(), 40u) << "small objects are merged";
  }
}

}  // namespace
}  // namespace parktwin::flow
