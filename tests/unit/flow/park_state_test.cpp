// Flows at the state of a moment: tag values become overrides, and the solution follows them.
// Oracles: the park file's capacities by hand (340 kt/yr from two 170 kt/yr potlines).
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "parktwin/flow/park_flows.hpp"
#include "parktwin/flow/park_state.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

// 2026-07-15 12:00 in Beidu (UTC+8): the moment these states are taken at.
constexpr std::int64_t kJulyNoonUtcMs = 1'784'088'000'000;

TEST(ParkState, TagValuesBecomeOverridesByObjectKind) {
  auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu);
  const StateOverrides o = overridesFromState(*beidu, {{"potline-1.state", 3},
                                                       {"potline-2.state", 0},
                                                       {"potline-2.power", 262'000},
                                                       {"pv-youlisen-plant.power", 1'234.5},
                                                       {"panlong-pumped.power", -50'000},
                                                       {"potline-2.current", 395},
                                                       {"xinshitong-cob.oee", 83.5}}, kJulyNoonUtcMs);
  EXPECT_EQ(o.down, std::vector<std::string>{"potline-1"});
  EXPECT_TRUE(o.material.failed.contains("potline-1"));
  EXPECT_TRUE(o.energy.failed.contains("potline-1"));
  EXPECT_FALSE(o.material.failed.contains("potline-2"));
  EXPECT_EQ(o.energy.demand.at("potline-2"), 262'000);
  EXPECT_TRUE(o.material.demand.empty()) << "power is not a material demand";
  EXPECT_EQ(o.energy.supply.at("pv-youlisen-plant"), 1'234.5);
  EXPECT_EQ(o.energy.supply.at("panlong-pumped"), 0) << "pumping is not a supply";
  EXPECT_EQ(o.energy.demand.at("panlong-pumped"), 50'000) << "pumping is a load";
  // (then one note per PV plant that no tag measures)
  ASSERT_GE(o.notes.size(), 1u);
  EXPECT_EQ(o.notes[0].en, "panlong-pumped is charging at 50000 kW");  // not "50000.000000 kW"
  EXPECT_EQ(std::ranges::count_if(o.notes, [](const model::LocalizedText& n) { return n.en.starts_with("panlong-pumped"); }), 1);
  EXPECT_DOUBLE_EQ(o.material.oee.at("xinshitong-cob"), 0.835) << "the tag is in %";
}

TEST(ParkState, MeasuredOeeReachesTheLineAndItsEnterprise) {
  auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu);
  const StateOverrides o = overridesFromState(*beidu, {{"xinshitong-cob.oee", 83.5}}, kJulyNoonUtcMs);
  auto report = solveParkFlows(*beidu, o.material, o.energy, 1.0);
  ASSERT_TRUE(report) << report.error().message;
  const auto& lines = report->breakdown.objects;
  auto cob = std::ranges::find(lines, std::string("xinshitong-cob"), &UnitKpis::id);
  ASSERT_NE(cob, lines.end());
  EXPECT_DOUBLE_EQ(cob->oee, 0.835);
  const auto* line = beidu->findLine("xinshitong-cob");
  ASSERT_NE(line, nullptr);
  const auto& firms = report->breakdown.enterprises;
  auto firm = std::ranges::find(firms, beidu->operatorOf(*line), &UnitKpis::id);
  ASSERT_NE(firm, firms.end());
  EXPECT_DOUBLE_EQ(firm->oee, 0.835) << "its only measured line";
  EXPECT_DOUBLE_EQ(report->breakdown.park_oee, 0.835);
}

TEST(ParkState, OnePotlineDownHalvesTheDirectMoltenSupply) {
  auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu);
  const StateOverrides both = overridesFromState(*beidu, {{"potline-1.state", 0}, {"potline-2.state", 0}}, kJulyNoonUtcMs);
  const StateOverrides one = overridesFromState(*beidu, {{"potline-1.state", 3}, {"potline-2.state", 0}}, kJulyNoonUtcMs);
  auto running = solveParkFlows(*beidu, both.material, both.energy, 1.0);
  auto down = solveParkFlows(*beidu, one.material, one.energy, 1.0);
  ASSERT_TRUE(running) << running.error().message;
  ASSERT_TRUE(down) << down.error().message;
  // 340,000 t/yr / 8760 h = 38.81 t/h of molten metal, all taken by the molten-fed processors;
  // with one 170 kt/yr potline down, half of it: 19.41 t/h.
  EXPECT_NEAR(running->kpis.direct_molten_t, 340'000.0 / 8760, 0.01);
  EXPECT_NEAR(down->kpis.direct_molten_t, 170'000.0 / 8760, 0.01);
  // The energy side loses the potline's load: 170,000 t/yr x 13,500 kWh/t / 8760 h.
  EXPECT_NEAR(running->kpis.energy_kwh - down->kpis.energy_kwh, 170'000.0 * 13'500 / 8760, 1.0);
}

TEST(ParkState, MeasuredPowerReplacesTheDesignLoad) {
  auto beidu = test::loadDemoPark("beidu");
  ASSERT_TRUE(beidu);
  const StateOverrides design = overridesFromState(*beidu, {}, kJulyNoonUtcMs);
  const StateOverrides measured = overridesFromState(*beidu, {{"potline-1.power", 200'000}}, kJulyNoonUtcMs);
  auto a = solveParkFlows(*beidu, design.material, design.energy, 1.0);
  auto b = solveParkFlows(*beidu, measured.material, measured.energy, 1.0);
  ASSERT_TRUE(a && b);
  // Design draw of one potline: 170,000 x 13,500 / 8760 = 261,986 kW; measured 200,000 kW.
  EXPECT_NEAR(a->kpis.energy_kwh - b->kpis.energy_kwh, 170'000.0 * 13'500 / 8760 - 200'000, 1.0);
}

// A storage plant that is charging draws its power through its charging link: the park's
// energy rises by exactly that power, the grid supplies it (the cheapest local sources are
// already used), and the charging link carries it.
TEST(ParkState, ChargingStorageIsALoadFedThroughItsChargingLink) {
  auto jiulong = test::loadDemoPark("jiulong");
  ASSERT_TRUE(jiulong);
  const StateOverrides idle = overridesFromState(*jiulong, {{"battery.power", 0}}, kJulyNoonUtcMs);
  const StateOverrides charging = overridesFromState(*jiulong, {{"battery.power", -4'000}}, kJulyNoonUtcMs);
  auto a = solveParkFlows(*jiulong, idle.material, idle.energy, 1.0);
  auto b = solveParkFlows(*jiulong, charging.material, charging.energy, 1.0);
  ASSERT_TRUE(a) << a.error().message;
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_NEAR(b->kpis.energy_kwh - a->kpis.energy_kwh, 4'000, 1e-6);
  EXPECT_NEAR(b->kpis.grid_energy_kwh - a->kpis.grid_energy_kwh, 4'000, 1e-6);
  const FlowNetwork& net = b->energy.network;
  const int link = net.findArc("e-battery-in");
  const int demand = net.findArc("demand:battery");
  ASSERT_GE(link, 0);
  ASSERT_GE(demand, 0);
  EXPECT_NEAR(b->energy.dispatch.arc_flow[static_cast<std::size_t>(link)], 4'000, 1e-6);
  EXPECT_NEAR(b->energy.dispatch.arc_flow[static_cast<std::size_t>(demand)], 4'000, 1e-6);
  EXPECT_LT(a->energy.network.findArc("demand:battery"), 0) << "an idle battery is no load";
}

}  // namespace
}  // namespace parktwin::flow
