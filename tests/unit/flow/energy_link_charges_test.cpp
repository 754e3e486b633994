// Which energy links' prices and CO2 factors count (network.hpp, chargedEnergyLinks), through
// the park's KPIs and per-object shares, against hand calculations. QA, 7 Dec: grid -> substation
// (e0) -> hall (e1), both links at 0.62 yuan/kWh and 0.57 t/MWh as the user guide's example link
// carries them, was billed 1.24 yuan/kWh and 1.14 t/MWh: every kWh counted on both links.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <utility>

#include "parktwin/flow/park_flows.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

// The hall's line draws 800 kW; solveParkFlows holds it for a year.
constexpr double kYearKwh = 800.0 * 8760.0;  // 7,008,000 kWh

const UnitKpis& row(const std::vector<UnitKpis>& rows, const std::string& id) {
  static const UnitKpis missing;
  auto it = std::ranges::find(rows, id, &UnitKpis::id);
  EXPECT_NE(it, rows.end()) << id;
  return it == rows.end() ? missing : *it;
}

model::EnergyLink& link(model::Park& park, const std::string& id) {
  return *std::ranges::find(park.energy_links, id, &model::EnergyLink::id);
}

TEST(EnergyLinkCharges, AChainedParkPaysAndEmitsOnceWhereTheGridsEnergyEnters) {
  const auto report = solveParkFlows(test::loadTestPark("chained_links_park.json"));
  ASSERT_TRUE(report) << report.error().message;
  const FlowKpis& k = report->kpis;
  ASSERT_DOUBLE_EQ(k.energy_kwh, kYearKwh);
  // By hand, on e0 only: 7,008,000 kWh x 0.57 t/MWh / 1000 = 3,994.56 t; x 0.62 = 4,344,960 yuan
  // (the bug gave 7,989.12 t and 8,689,920 yuan).
  const double co2 = kYearKwh * 0.57 / 1000.0, cost = kYearKwh * 0.62;
  EXPECT_NEAR(k.co2_t, co2, 1e-6 * co2);
  EXPECT_NEAR(k.energy_cost_yuan, cost, 1e-6 * cost);
  // The inspector's per-object share: the line draws it all, and so does its enterprise.
  for (const UnitKpis* share : {&row(report->breakdown.objects, "smt1"), &row(report->breakdown.enterprises, "xinda")}) {
    EXPECT_NEAR(share->energy_kwh, kYearKwh, 1e-6 * kYearKwh) << share->id;
    EXPECT_NEAR(share->co2_t, co2, 1e-6 * co2) << share->id;
    EXPECT_NEAR(share->cost_yuan, cost, 1e-6 * cost) << share->id;
  }
  // The user learns why e1's figures are not in the bill.
  const auto& notes = report->energy.network.notes;
  EXPECT_TRUE(std::ranges::any_of(notes, [](const model::LocalizedText& n) {
    return n.en.starts_with("energy links e1: ") && n.en.find("not counted") != std::string::npos;
  })) << (notes.empty() ? "no note" : notes.front().en);
}

TEST(EnergyLinkCharges, ASingleLinkParkIsBilledOnItsLinkAsBefore) {
  model::Park park = test::loadTestPark("chained_links_park.json");
  // The grid straight to the hall: 7,008,000 kWh x 0.57 / 1000 t and x 0.62 yuan, as before the rule.
  std::erase_if(park.energy_links, [](const model::EnergyLink& l) { return l.id == "e1"; });
  link(park, "e0").to = "hall";
  const auto report = solveParkFlows(park);
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_DOUBLE_EQ(report->kpis.energy_kwh, kYearKwh);
  EXPECT_NEAR(report->kpis.co2_t, kYearKwh * 0.57 / 1000.0, 1e-3);
  EXPECT_NEAR(report->kpis.energy_cost_yuan, kYearKwh * 0.62, 1e-2);
  EXPECT_TRUE(report->energy.network.notes.empty()) << report->energy.network.notes.front().en;
}

// Review: the grid with a factor on one of its links (e2, straight to the hall, 100 kW) and none
// on the other (e0, to the substation) put nothing on its supply arc, and e1 (substation to hall,
// 0.57) was taken for energy already counted: the 700 kW through the substation emitted nothing.
// Every kWh emits once at 0.57 t/MWh, whichever way it came: 7,008,000 x 0.57 / 1000 t.
TEST(EnergyLinkCharges, AGridWithAFactorOnOneLinkOnlyStillEmitsForEveryKwh) {
  model::Park park = test::loadTestPark("chained_links_park.json");
  link(park, "e0").emission_t_per_mwh = 0;
  model::EnergyLink direct = link(park, "e0");
  direct.id = "e2";
  direct.to = "hall";
  direct.capacity_kw = 100;
  direct.emission_t_per_mwh = 0.57;
  park.energy_links.push_back(direct);
  const auto report = solveParkFlows(park);
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_DOUBLE_EQ(report->kpis.energy_kwh, kYearKwh);
  EXPECT_NEAR(report->kpis.co2_t, kYearKwh * 0.57 / 1000.0, 1e-3);
}

// QA, 6 Dec: a park may price its energy on the substation's links to its halls only; those
// prices are the first on the energy's way, so they are paid. Its CO2 is the park's grid factor,
// counted where the grid's energy enters, so e1's own factor is not added to it.
TEST(EnergyLinkCharges, PricesOnlyOnTheSubstationsLinksOnwardArePaid) {
  model::Park park = test::loadTestPark("chained_links_park.json");
  link(park, "e0").cost_yuan_per_kwh = 0;
  link(park, "e0").emission_t_per_mwh = 0;
  const auto report = solveParkFlows(park);
  ASSERT_TRUE(report) << report.error().message;
  // By hand: 7,008,000 kWh x 0.62 = 4,344,960 yuan; 7,008,000 x 0.5703 / 1000 = 3,996.6624 t.
  EXPECT_NEAR(report->kpis.energy_cost_yuan, kYearKwh * 0.62, 1e-2);
  EXPECT_NEAR(report->kpis.co2_t, kYearKwh * 0.5703 / 1000.0, 1e-3);
}

// A source restarts the count: a battery's (or pumped storage's) link price is paid on what it
// sends, although the energy that charged it through the substation was paid on the grid's link.
TEST(EnergyLinkCharges, AStorageLinkIsPaidThoughTheSubstationChargesIt) {
  model::Park park = test::loadTestPark("chained_links_park.json");
  model::Utility battery;
  battery.id = "bess";
  battery.kind = model::UtilityKind::battery;
  battery.power_kw = 1000;
  park.utilities.push_back(battery);
  model::EnergyLink in = link(park, "e1"), out = link(park, "e1");
  in.id = "e-bess-in", in.to = "bess", in.cost_yuan_per_kwh = 0.3;
  out.id = "e-bess-out", out.from = "bess", out.to = "hall", out.cost_yuan_per_kwh = 0.05, out.emission_t_per_mwh = 0;
  park.energy_links.push_back(in);
  park.energy_links.push_back(out);
  const std::vector<EnergyLinkCharge> charged = chargedEnergyLinks(park);
  ASSERT_EQ(charged.size(), 4u);  // e1, e0, e-bess-in, e-bess-out
  EXPECT_FALSE(charged[0].cost || charged[0].emission) << "e1 passes on the grid's energy";
  EXPECT_TRUE(charged[1].cost && charged[1].emission) << "e0 is where it enters";
  EXPECT_FALSE(charged[2].cost || charged[2].emission) << "charging the battery passes it on too";
  EXPECT_TRUE(charged[3].cost) << "the battery sells its own energy";
  EXPECT_FALSE(charged[3].emission) << "e-bess-out has no factor";
}

// Local supply beside the grid does not undo the rule: with rooftop PV (no price) also feeding
// the substation, the grid's energy is still paid on e0 only. A priced storage link into the
// substation does not pay for the grid's energy: with an unpriced grid link, e1's price is paid
// (Beidu with its tariff moved onward: tests/unit/scenario/grid_tariff_test.cpp).
TEST(EnergyLinkCharges, OtherSourcesBesideTheGridNeitherPayForNorFreeItsEnergy) {
  model::Park park = test::loadTestPark("chained_links_park.json");
  using Source = std::pair<const char*, model::UtilityKind>;
  for (const auto& [id, kind] : std::array{Source{"roof-pv", model::UtilityKind::pv}, Source{"storage", model::UtilityKind::pumped_storage}}) {
    model::Utility u;
    u.id = id, u.kind = kind, u.power_kw = 500;
    park.utilities.push_back(u);
    model::EnergyLink l = link(park, "e0");
    l.id = std::string("e-") + id, l.from = id, l.cost_yuan_per_kwh = kind == model::UtilityKind::pv ? 0 : 0.45;
    l.emission_t_per_mwh = 0;
    park.energy_links.push_back(l);
  }
  const std::vector<EnergyLinkCharge> withGridPriced = chargedEnergyLinks(park);  // e1, e0, e-roof-pv, e-storage
  EXPECT_FALSE(withGridPriced[0].cost || withGridPriced[0].emission);
  EXPECT_TRUE(withGridPriced[3].cost) << "the storage plant sells its own energy";
  link(park, "e0").cost_yuan_per_kwh = 0;
  const std::vector<EnergyLinkCharge> withGridUnpriced = chargedEnergyLinks(park);
  EXPECT_TRUE(withGridUnpriced[0].cost) << "e1 is the first price on the grid's energy";
  EXPECT_FALSE(withGridUnpriced[0].emission) << "e0 still carries the grid's factor";
}

}  // namespace
}  // namespace parktwin::flow
