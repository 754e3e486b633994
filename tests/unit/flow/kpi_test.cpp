// KPIs and the per-mu ranking against figures worked out by hand (data/mini_park.json).
#include <gtest/gtest.h>

#include "parktwin/flow/constants.hpp"
#include "parktwin/flow/kpi.hpp"
#include "parktwin/flow/park_flows.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

using test::flowsById;

TEST(Kpis, RemeltCostAvoidedIs300YuanPerDirectlySuppliedTonneOverAWindow) {
  const auto park = test::loadTestPark("mini_park.json");
  const auto material = buildMaterialNetwork(park);
  ASSERT_TRUE(material);
  FlowWindow window;
  // 2 h with 4 + 6 t/h molten and 1 t/h ingot, then 1 h with 2 + 3 t/h molten only.
  window.steps.push_back({2.0, flowsById(*material, {{"m1", 4}, {"m2", 6}, {"m3", 1}, {"demand:chassis", 5}, {"demand:rods", 6}}), {}});
  window.steps.push_back({1.0, flowsById(*material, {{"m1", 2}, {"m2", 3}, {"demand:chassis", 2}, {"demand:rods", 3}}), {}});
  const auto kpis = computeKpis(park, *material, FlowNetwork{}, window);
  ASSERT_TRUE(kpis) << kpis.error().message;
  // Directly supplied molten: (4 + 6) x 2 + (2 + 3) x 1 = 25 t; 25 t x 300 yuan/t = 7,500 yuan.
  EXPECT_DOUBLE_EQ(kpis->direct_molten_t, 25.0);
  EXPECT_DOUBLE_EQ(kpis->remelt_cost_avoided_yuan, 7'500.0);
  EXPECT_DOUBLE_EQ(kpis->remelt_t, 2.0);
  EXPECT_DOUBLE_EQ(kpis->hours, 3.0);
  EXPECT_DOUBLE_EQ(kpis->delivered_t, 27.0);
  EXPECT_DOUBLE_EQ(kpis->throughput_t_per_h, 9.0);
}

TEST(Kpis, WindowWithWrongArcCountIsRejected) {
  const auto park = test::loadTestPark("mini_park.json");
  const auto material = buildMaterialNetwork(park);
  ASSERT_TRUE(material);
  FlowWindow window{{{1.0, {1.0, 2.0}, {}}}};
  const auto kpis = computeKpis(park, *material, FlowNetwork{}, window);
  ASSERT_FALSE(kpis);
  EXPECT_NE(kpis.error().message.find("step 0"), std::string::npos) << kpis.error().message;
}

TEST(Kpis, MiniParkForAYearAtDesignCapacity) {
  const auto park = test::loadTestPark("mini_park.json");
  const auto report = solveParkFlows(park);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->warnings.empty()) << report->warnings.front();
  const FlowKpis& k = report->kpis;
  EXPECT_DOUBLE_EQ(k.hours, 8760.0);
  EXPECT_NEAR(k.delivered_t, 11.0 * 8760, 1e-6);           // 96,360 t
  EXPECT_NEAR(k.throughput_t_per_year, 96'360.0, 1e-6);
  EXPECT_NEAR(k.direct_molten_t, 10.0 * 8760, 1e-6);       // m1 4 + m2 6 t/h
  EXPECT_NEAR(k.remelt_cost_avoided_yuan, 300.0 * 87'600, 1e-3);  // 26.28 M yuan
  EXPECT_NEAR(k.lost_t, (4 * 0.005 + 6 * 0.01) * 8760, 1e-6);     // 700.8 t
  EXPECT_NEAR(k.energy_kwh, 140'300.0 * 8760, 1.0);
  EXPECT_NEAR(k.energy_kwh_per_t, 140'300.0 / 11.0, 1e-6);         // 12,754.5 kWh/t
  // Grid 138,000 kW for 8,760 h = 1,208,880 MWh x 0.57 t/MWh = 689,061.6 t CO2.
  EXPECT_NEAR(k.co2_t, 689'061.6, 1e-3);
  EXPECT_NEAR(k.co2_t_per_t, 689'061.6 / 96'360.0, 1e-9);
  EXPECT_NEAR(k.self_sufficiency, 2'300.0 / 140'300.0, 1e-9);     // PV 2,000 + battery 300
  EXPECT_NEAR(k.material_cost_yuan, 465.0 * 8760, 1e-3);
  EXPECT_NEAR(k.energy_cost_yuan, 82'803.0 * 8760, 1.0);
}

TEST(PerMuRanking, RanksByTaxPerMuThenOutputPerMu) {
  const auto park = test::loadTestPark("mini_park.json");
  const auto ranking = rankEnterprisesPerMu(park);
  ASSERT_EQ(ranking.size(), 3u);
  // Tax per mu: Xinshitong 25 M / 50 = 0.5 M, Youlisen 50 M / 100 = 0.5 M (tie, output per mu
  // 10 M beats 8 M), Qineng 300 M / 1,000 = 0.3 M.
  EXPECT_EQ(ranking[0].enterprise_id, "xinshitong");
  EXPECT_EQ(ranking[1].enterprise_id, "youlisen");
  EXPECT_EQ(ranking[2].enterprise_id, "qineng");
  EXPECT_DOUBLE_EQ(ranking[0].tax_yuan_per_mu, 500'000.0);
  EXPECT_DOUBLE_EQ(ranking[0].output_yuan_per_mu, 10'000'000.0);
  EXPECT_DOUBLE_EQ(ranking[2].output_yuan_per_mu, 6'000'000.0);
  EXPECT_EQ(ranking[2].rank, 3);
}

}  // namespace
}  // namespace parktwin::flow
