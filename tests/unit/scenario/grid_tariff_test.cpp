// The price of a grid kWh in a scenario run (prepared_park.hpp, gridTariff), against hand
// calculations. QA, 6 Dec: a park that priced its energy on the substation's links to its halls
// (grid tie -> substation at 0, substation -> halls at 0.65) was billed 0 yuan by every scenario
// while `flows` billed 12 M yuan a year, so a tariff change showed as a pure cost increase.
#include <gtest/gtest.h>

#include <algorithm>

#include "parktwin/model/park_file.hpp"
#include "parktwin/scenario/runner.hpp"
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

TEST(GridTariff, TheGridsLinkPlusTheSubstationsPricedLinksOnwardWeightedByCapacity) {
  // By hand: 0 + (0.6 x 1000 + 0.8 x 3000) / (1000 + 3000) = 3000 / 4000 = 0.75; hall-c's link
  // has no price and is left out.
  const detail::GridTariff free = detail::gridTariff(gridTieSubstationAndHalls(0));
  EXPECT_DOUBLE_EQ(free.yuan_per_kwh, 0.75);
  EXPECT_EQ(free.links, (std::vector<std::string>{"e-grid", "e-a", "e-b"}));
  EXPECT_DOUBLE_EQ(detail::gridTariff(gridTieSubstationAndHalls(0.1)).yuan_per_kwh, 0.85);
  model::Park noGrid = gridTieSubstationAndHalls(0);
  noGrid.energy_links.erase(noGrid.energy_links.begin());
  EXPECT_EQ(detail::gridTariff(noGrid).yuan_per_kwh, 0);
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
