// ParkFlowSolver keeps buffers between solves: each solve must still be a whole cold solve.
// Oracles: networkx on the very same integer problems (value, minimum cut, cost), and
// solveParkFlows with all memory fresh for the same park and state (every arc's flow, the cut's
// arcs, the KPIs). The states alternate between parks of different sizes and failures, so that
// a stale arc, node or flow left in a reused buffer would show. The synthetic park has more than
// 2,000 links, so its networks are solved on two threads (the breakdown's rows made meanwhile).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parktwin/flow/park_flows.hpp"
#include "synthetic_park.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

struct State {
  std::string label;
  const model::Park* park = nullptr;
  FlowOverrides overrides;
  bool ask_networkx = true;  // not for the synthetic park (networkx takes seconds on it)
};

constexpr double FlowKpis::*kKpiFields[] = {
    &FlowKpis::hours, &FlowKpis::delivered_t, &FlowKpis::throughput_t_per_h, &FlowKpis::throughput_t_per_year,
    &FlowKpis::lost_t, &FlowKpis::energy_kwh, &FlowKpis::energy_lost_kwh, &FlowKpis::energy_kwh_per_t_delivered,
    &FlowKpis::grid_energy_kwh, &FlowKpis::local_energy_kwh, &FlowKpis::self_sufficiency, &FlowKpis::co2_t,
    &FlowKpis::co2_t_per_t_delivered, &FlowKpis::material_cost_yuan, &FlowKpis::energy_cost_yuan,
    &FlowKpis::cost_yuan, &FlowKpis::direct_molten_t, &FlowKpis::remelt_t, &FlowKpis::remelt_cost_avoided_yuan};
constexpr double UnitKpis::*kUnitFields[] = {
    &UnitKpis::throughput_t, &UnitKpis::throughput_t_per_h, &UnitKpis::capacity_t_per_h, &UnitKpis::utilisation,
    &UnitKpis::energy_kwh, &UnitKpis::energy_kwh_per_t_through, &UnitKpis::co2_t, &UnitKpis::cost_yuan,
    &UnitKpis::direct_molten_t, &UnitKpis::remelt_t, &UnitKpis::remelt_cost_avoided_yuan, &UnitKpis::oee};

void expectSameRows(const std::vector<UnitKpis>& reused, const std::vector<UnitKpis>& fresh) {
  ASSERT_EQ(reused.size(), fresh.size());
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    EXPECT_EQ(reused[i].id, fresh[i].id);
    EXPECT_EQ(reused[i].kind, fresh[i].kind);
    EXPECT_EQ(reused[i].enterprise, fresh[i].enterprise);
    for (const auto field : kUnitFields) EXPECT_EQ(reused[i].*field, fresh[i].*field) << fresh[i].id;
  }
}

// Every KPI, every object's and enterprise's row: the figures the window and the CLI show.
void expectSameFigures(const ParkFlowReport& reused, const ParkFlowReport& fresh) {
  for (const auto field : kKpiFields) EXPECT_EQ(reused.kpis.*field, fresh.kpis.*field);
  expectSameRows(reused.breakdown.objects, fresh.breakdown.objects);
  expectSameRows(reused.breakdown.enterprises, fresh.breakdown.enterprises);
  EXPECT_EQ(reused.breakdown.park_oee, fresh.breakdown.park_oee);
}

void expectSameSolution(const NetworkSolution& reused, const NetworkSolution& fresh) {
  ASSERT_EQ(reused.network.arcs.size(), fresh.network.arcs.size());
  ASSERT_EQ(reused.network.nodes.size(), fresh.network.nodes.size());
  for (std::size_t i = 0; i < fresh.network.arcs.size(); ++i) {
    EXPECT_EQ(reused.network.arcs[i].id, fresh.network.arcs[i].id);
    EXPECT_EQ(reused.network.arcs[i].capacity, fresh.network.arcs[i].capacity);
    EXPECT_EQ(reused.dispatch.arc_flow[i], fresh.dispatch.arc_flow[i]) << fresh.network.arcs[i].id;
    EXPECT_EQ(reused.max_flow.arc_flow[i], fresh.max_flow.arc_flow[i]) << fresh.network.arcs[i].id;
  }
  ASSERT_EQ(reused.max_flow.min_cut.size(), fresh.max_flow.min_cut.size());
  for (std::size_t i = 0; i < fresh.max_flow.min_cut.size(); ++i) {
    EXPECT_EQ(reused.max_flow.min_cut[i].arc, fresh.max_flow.min_cut[i].arc);
  }
  EXPECT_EQ(reused.dispatch.value, fresh.dispatch.value);
  EXPECT_EQ(reused.dispatch.cost, fresh.dispatch.cost);
}

TEST(ParkFlowSolver, ReusedBuffersGiveTheAnswersOfFreshSolves) {
  ASSERT_TRUE(test::networkxAvailable()) << "/usr/bin/python3 cannot import networkx (scripts/setup installs python3-networkx)";
  const model::Park mini = test::loadTestPark("mini_park.json");
  const auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu) << "assets/parks/beidu.json";
  FlowOverrides yearly;
  yearly.supply_basis = SupplyBasis::annual_average;
  FlowOverrides beiduLinkFailed = yearly;
  beiduLinkFailed.failed.insert(beidu->material_links.front().id);
  FlowOverrides miniLineFailed;
  miniLineFailed.failed.insert(mini.lines.front().id);
  const model::Park synthetic = bench::makeSyntheticPark({}, 20261124);
  ASSERT_GT(synthetic.material_links.size() + synthetic.energy_links.size(), 2000u) << "two threads";
  FlowOverrides syntheticFailed;
  syntheticFailed.failed.insert(synthetic.material_links[synthetic.material_links.size() / 2].id);
  syntheticFailed.failed.insert(synthetic.lines[synthetic.lines.size() / 3].id);
  // Large, small, large again: the small park's solve runs in the large one's room and the
  // large one's in buffers last filled by the small one.
  const std::vector<State> states{{"beidu yearly", &*beidu, yearly},
                                  {"mini peak", &mini, {}},
                                  {"beidu link failed", &*beidu, beiduLinkFailed},
                                  {"mini line failed", &mini, miniLineFailed},
                                  {"synthetic peak", &synthetic, {}, false},
                                  {"beidu yearly again", &*beidu, yearly},
                                  {"synthetic, a link and a line failed", &synthetic, syntheticFailed, false},
                                  {"mini peak again", &mini, {}}};
  ParkFlowSolver solver;
  for (const State& state : states) {
    SCOPED_TRACE(state.label);
    auto reused = solver.solve(*state.park, state.overrides, state.overrides, 8760.0);
    const auto fresh = solveParkFlows(*state.park, state.overrides, 8760.0);
    ASSERT_TRUE(reused) << reused.error().message;
    ASSERT_TRUE(fresh) << fresh.error().message;
    ASSERT_EQ(reused->has_material, fresh->has_material);
    ASSERT_EQ(reused->has_energy, fresh->has_energy);
    if (fresh->has_material) expectSameSolution(reused->material, fresh->material);
    if (fresh->has_energy) expectSameSolution(reused->energy, fresh->energy);
    expectSameFigures(*reused, *fresh);
    EXPECT_EQ(reused->warnings, fresh->warnings);
    if (state.ask_networkx) test::expectNetworkxAgrees(*reused);
    solver.recycle(std::move(*reused));
  }
}

}  // namespace
}  // namespace parktwin::flow
