// KPIs and the per-mu ranking against figures worked out by hand (data/mini_park.json).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "parktwin/flow/constants.hpp"
#include "parktwin/flow/kpi.hpp"
#include "parktwin/flow/park_flows.hpp"
#include "parktwin/model/park_file.hpp"
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
  EXPECT_TRUE(report->warnings.empty()) << report->warnings.front().en;
  const FlowKpis& k = report->kpis;
  EXPECT_DOUBLE_EQ(k.hours, 8760.0);
  EXPECT_NEAR(k.delivered_t, 11.0 * 8760, 1e-6);           // 96,360 t
  EXPECT_NEAR(k.throughput_t_per_year, 96'360.0, 1e-6);
  EXPECT_NEAR(k.direct_molten_t, 10.0 * 8760, 1e-6);       // m1 4 + m2 6 t/h
  EXPECT_NEAR(k.remelt_cost_avoided_yuan, 300.0 * 87'600, 1e-3);  // 26.28 M yuan
  EXPECT_NEAR(k.lost_t, (4 * 0.005 + 6 * 0.01) * 8760, 1e-6);     // 700.8 t
  EXPECT_NEAR(k.energy_kwh, 140'300.0 * 8760, 1.0);
  EXPECT_NEAR(k.energy_kwh_per_t_delivered, 140'300.0 / 11.0, 1e-6);         // 12,754.5 kWh/t
  // Grid 138,000 kW for 8,760 h = 1,208,880 MWh x 0.57 t/MWh = 689,061.6 t CO2.
  EXPECT_NEAR(k.co2_t, 689'061.6, 1e-3);
  EXPECT_NEAR(k.co2_t_per_t_delivered, 689'061.6 / 96'360.0, 1e-9);
  EXPECT_NEAR(k.self_sufficiency, 2'300.0 / 140'300.0, 1e-9);     // PV 2,000 + battery 300
  EXPECT_NEAR(k.material_cost_yuan, 465.0 * 8760, 1e-3);
  // Money only: the grid's 138,000 kW at e1's 0.5 yuan/kWh (PV and battery links carry no
  // tariff). The dispatch's objective, 82,803 yuan/h, also holds the merit weights
  // (0.10 x 138,000 + 0.01 x 300) that only rank the sources.
  EXPECT_NEAR(k.energy_cost_yuan, 138'000.0 * 0.5 * 8760, 1e-3);
  EXPECT_NEAR(k.cost_yuan, (465.0 + 69'000.0) * 8760, 1e-3);
}

// A park with one 4 MW line that buys all its power from the grid at 0.60 yuan/kWh.
constexpr const char* kGridOnlyPark = R"({
  "format": "parktwin-park/1", "id": "grid_only", "name": {"zh": "购电园区", "en": "Grid-only park"},
  "latitude_deg": 28.9, "longitude_deg": 106.6, "land_area_mu": 10, "grid_emission_t_per_mwh": 0.57,
  "buildings": [{"id": "plant", "name": {"zh": "工厂", "en": "Plant"}, "kind": "plant", "enterprise": "firm",
                 "position": {"x_m": 0, "y_m": 0}, "width_m": 50, "depth_m": 40, "height_m": 12}],
  "enterprises": [{"id": "firm", "name": {"zh": "企业", "en": "Firm"}, "land_area_mu": 10,
                   "output_yuan_per_year": 1000000, "tax_yuan_per_year": 100000}],
  "lines": [{"id": "rods", "name": {"zh": "铝棒线", "en": "Rod line"}, "kind": "rod_casting", "building": "plant",
             "product": "rod", "capacity_t_per_year": 8760, "power_kw": 4000}],
  "externals": [{"id": "grid", "name": {"zh": "电网", "en": "State grid"}, "kind": "grid",
                 "position": {"x_m": -500, "y_m": 0}}],
  "energy_links": [{"id": "e-grid", "from": "grid", "to": "rods", "carrier": "electricity",
                    "capacity_kw": 10000, "cost_yuan_per_kwh": 0.60}]
})";

TEST(Kpis, EnergyCostIsTheTariffWithoutTheMeritWeight) {
  const auto park = model::parsePark(kGridOnlyPark, "grid_only");
  ASSERT_TRUE(park) << park.error().message;
  const auto energy = buildEnergyNetwork(*park);
  ASSERT_TRUE(energy) << energy.error().message;
  // One hour with the grid supplying the line's 4,000 kW.
  FlowWindow window{{{1.0, {}, flowsById(*energy, {{"supply:grid", 4000}, {"e-grid", 4000}, {"demand:rods", 4000}})}}};
  const auto kpis = computeKpis(*park, FlowNetwork{}, *energy, window);
  ASSERT_TRUE(kpis) << kpis.error().message;
  EXPECT_DOUBLE_EQ(kpis->energy_kwh, 4'000.0);
  EXPECT_NEAR(kpis->energy_cost_yuan, 2'400.0, 1e-9);  // 4,000 kWh x 0.60 yuan/kWh
  EXPECT_NEAR(kpis->energy_cost_yuan / kpis->energy_kwh, 0.60, 1e-12);
  const auto breakdown = breakdownKpis(*park, FlowNetwork{}, *energy, window, *kpis);
  ASSERT_TRUE(breakdown) << breakdown.error().message;
  double lineCost = -1;
  for (const auto& row : breakdown->objects) {
    if (row.id == "rods") lineCost = row.cost_yuan;
  }
  EXPECT_NEAR(lineCost, 2'400.0, 1e-9);
  ASSERT_EQ(breakdown->enterprises.size(), 1u);
  EXPECT_NEAR(breakdown->enterprises[0].cost_yuan, 2'400.0, 1e-9);
}

// The yearly energy cost of a bundled park, worked out from its file: each energy link's
// solved flow for 8,760 h at that link's cost_yuan_per_kwh, read here from the JSON text.
double yearlyEnergyCostFromFile(const std::string& parkName, const ParkFlowReport& report) {
  std::ifstream in(std::filesystem::path(PARKTWIN_SOURCE_DIR) / "assets/parks" / (parkName + ".json"));
  const auto file = nlohmann::json::parse(in);
  double yuan = 0;
  for (const auto& link : file.at("energy_links")) {
    const int arc = report.energy.network.findArc(link.at("id").get<std::string>());
    if (arc < 0) continue;  // a link the builder left out (e.g. to a planned object)
    const double kw = report.energy.dispatch.arc_flow[static_cast<std::size_t>(arc)];
    yuan += kw * kHoursPerYear * link.value("cost_yuan_per_kwh", 0.0);
  }
  return yuan;
}

class DemoParkCost : public ::testing::TestWithParam<const char*> {};

TEST_P(DemoParkCost, YearlyEnergyCostIsFlowTimesTheLinksTariffs) {
  const auto park = test::loadDemoPark(GetParam());
  if (!park) GTEST_SKIP() << "no assets/parks/" << GetParam() << ".json";
  FlowOverrides year;
  year.supply_basis = SupplyBasis::annual_average;
  const auto report = solveParkFlows(*park, year, kHoursPerYear);
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_TRUE(report->has_energy);
  const double expected = yearlyEnergyCostFromFile(GetParam(), *report);
  EXPECT_GT(expected, 0);
  EXPECT_NEAR(report->kpis.energy_cost_yuan, expected, 1e-9 * expected);
}

INSTANTIATE_TEST_SUITE_P(Bundled, DemoParkCost, ::testing::Values("beidu", "jiulong"));

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
