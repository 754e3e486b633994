// The price of a grid kWh in a scenario run (prepared_park.hpp, gridTariff), against hand
// calculations. QA, 6 Dec: a park that priced its energy on the substation's links to its halls
// (grid tie -> substation at 0, substation -> halls at 0.65) was billed 0 yuan by every scenario
// while `flows` billed 12 M yuan a year, so a tariff change showed as a pure cost increase.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "parktwin/model/park_file.hpp"
#include "parktwin/scenario/runner.hpp"
#include "assumptions.hpp"
#include "prepared_park.hpp"
#include "scenario_test_support.hpp"

namespace parktwin::scenario {
namespace {

model::EnergyLink link(std::string id, std::string from, std::string to, double kw, double yuan) {
  model::EnergyLink l;
  l.id = std::move(id), l.from = std::move(from), l.to = std::move(to);
  l.carrier = model::Carrier::electricity;
  l.capacity_kw = kw, l.cost_yuan_per_kwh = yuan;
  return l;
}

model::Utility utility(std::string id, model::UtilityKind kind) {
  model::Utility u;
  u.id = std::move(id);
  u.kind = kind;
  return u;
}

model::Park gridTieSubstationAndHalls(double gridYuan) {
  model::Park park;
  park.utilities = {utility("tie", model::UtilityKind::grid_tie), utility("sub", model::UtilityKind::substation)};
  park.energy_links = {link("e-grid", "tie", "sub", 10'000, gridYuan), link("e-a", "sub", "hall-a", 1000, 0.6),
                       link("e-b", "sub", "hall-b", 3000, 0.8), link("e-c", "sub", "hall-c", 2000, 0)};
  return park;
}

TEST(GridTariff, TheSubstationsPricedLinksOnwardWeightedByCapacityWhenTheGridsLinkHasNoPrice) {
  // By hand: 0 + (0.6 x 1000 + 0.8 x 3000) / (1000 + 3000) = 3000 / 4000 = 0.75; hall-c's link
  // has no price and is left out.
  const detail::GridTariff free = detail::gridTariff(gridTieSubstationAndHalls(0));
  EXPECT_DOUBLE_EQ(free.yuan_per_kwh, 0.75);
  EXPECT_EQ(free.links, (std::vector<std::string>{"e-grid", "e-a", "e-b"}));
  model::Park noGrid = gridTieSubstationAndHalls(0);
  noGrid.energy_links.erase(noGrid.energy_links.begin());
  EXPECT_EQ(detail::gridTariff(noGrid).yuan_per_kwh, 0);
}

// QA, 7 Dec: a priced grid link and priced links onward were summed (0.1 + 0.75 = 0.85 here;
// 0.62 + 0.62 = 1.24 yuan/kWh in QA's park), paying each kWh twice. A kWh is paid once, where
// it enters the park (flow::chargedEnergyLinks), so the grid's link alone sets the price.
TEST(GridTariff, APricedGridLinkIsTheWholePrice) {
  const detail::GridTariff priced = detail::gridTariff(gridTieSubstationAndHalls(0.1));
  EXPECT_DOUBLE_EQ(priced.yuan_per_kwh, 0.1);
  EXPECT_EQ(priced.links, (std::vector<std::string>{"e-grid"}));
}

// QA's park (grid -> substation e0 -> hall e1, both at 0.62 yuan/kWh): the report says the
// price is e0's 0.62, as `flows` bills it (tests/unit/flow/energy_link_charges_test.cpp).
TEST(GridTariff, AChainedParksReportNamesTheGridsLinkAndItsPriceOnce) {
  auto park = model::loadPark(std::filesystem::path(PARKTWIN_SOURCE_DIR) / "tests/unit/flow/data/chained_links_park.json");
  ASSERT_TRUE(park) << park.error().message;
  EXPECT_DOUBLE_EQ(detail::gridTariff(*park).yuan_per_kwh, 0.62);
  auto scenario = test::parse(test::minimalScenario());
  ASSERT_TRUE(scenario) << scenario.error().message;
  const auto assumptions = detail::assumptionsOf(*scenario, *park);
  const auto tariff = std::ranges::find_if(assumptions, [](const model::LocalizedText& a) { return a.en.starts_with("Grid energy billed"); });
  ASSERT_NE(tariff, assumptions.end());
  EXPECT_EQ(tariff->en, "Grid energy billed flat at 0.62 yuan/kWh, from the link e0 (the grid's link; a kWh is paid once, "
                        "where it enters the park).");
  EXPECT_EQ(tariff->zh, "购电统一电价 0.62 元/kWh，取自线路 e0（电网出线；每度电只在进入园区的线路上计费一次）。");
}

// Beidu with its tariff moved from the grid's link to two of the substation's links: the
// baseline bills its grid import at their capacity-weighted price, and says so.
TEST(GridTariff, ABaselineBillsGridEnergyAtThePriceOnTheSubstationsLinks) {
  auto park = model::loadPark(test::dataFolder() / "parks" / "beidu.json");
  ASSERT_TRUE(park) << park.error().message;
  double weighted = 0, capacity = 0;
  for (auto& l : park->energy_links) {
    if (l.id == "e-grid") l.cost_yuan_per_kwh = 0;
    if (l.id == "e-potline-1" || l.id == "e-casthouse") {
      l.cost_yuan_per_kwh = l.id == "e-casthouse" ? 0.9 : 0.6;
      weighted += l.cost_yuan_per_kwh * l.capacity_kw;
      capacity += l.capacity_kw;
    }
  }
  ASSERT_GT(capacity, 0);
  const double tariff = weighted / capacity;
  auto scenario = test::parse(test::minimalScenario("beidu"));
  ASSERT_TRUE(scenario) << scenario.error().message;
  scenario->duration_ms = 6 * 3'600'000;
  auto r = runScenario(*scenario, *park);
  ASSERT_TRUE(r) << r.error().message;
  const RunKpis& b = r->baseline.kpis;
  ASSERT_GT(b.grid_import_kwh, 0);
  ASSERT_EQ(b.remelt_t, 0) << "no remelting, so all grid energy is billed";
  EXPECT_NEAR(b.energy_cost_yuan, b.grid_import_kwh * tariff, 1e-6 * b.energy_cost_yuan);
  EXPECT_TRUE(std::ranges::any_of(r->assumptions, [](const model::LocalizedText& a) {
    return a.en.find("from the links e-grid, e-potline-1, e-casthouse") != std::string::npos;
  }));
}

}  // namespace
}  // namespace parktwin::scenario
