// The KPI table: one row per key, ids unique and read back, no silent default for an unknown
// id, ratios named by what they divide by, and values printed without exponents.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>

#include <set>
#include <string>

#include "parktwin/flow/kpi_table.hpp"

namespace parktwin::flow {
namespace {

TEST(KpiTable, EveryKeyHasOneRowWithAUniqueIdThatReadsBack) {
  std::set<std::string_view> ids;
  for (const auto& row : kpiDefinitions()) {
    EXPECT_EQ(&kpiDefinition(row.key), &row);
    EXPECT_TRUE(ids.insert(row.id).second) << "duplicate id " << row.id;
    const auto key = kpiKeyFromId(row.id);
    ASSERT_TRUE(key) << key.error().message;
    EXPECT_EQ(*key, row.key);
    EXPECT_FALSE(row.unit.empty() || row.unit_zh.empty() || row.label_en.empty() || row.label_zh.empty()) << row.id;
  }
}

TEST(KpiTable, AnUnknownIdIsAnErrorNotMoreIsBetter) {
  const auto key = kpiKeyFromId("energy_kwh_per_t");  // the old key with two meanings
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().message, "unknown KPI \"energy_kwh_per_t\"");
}

TEST(KpiTable, DirectionsSayWhichChangeIsGoodNews) {
  EXPECT_EQ(kpiGoodNews(KpiKey::metal_t, +10), 1);
  EXPECT_EQ(kpiGoodNews(KpiKey::metal_t, -10), -1);
  EXPECT_EQ(kpiGoodNews(KpiKey::cost_yuan, -10), 1);
  EXPECT_EQ(kpiGoodNews(KpiKey::co2_t, +1), -1);
  EXPECT_EQ(kpiGoodNews(KpiKey::energy_kwh_per_t_made, +1), -1);
  EXPECT_EQ(kpiGoodNews(KpiKey::pumped_support_kwh, +1), 0);
  EXPECT_EQ(kpiGoodNews(KpiKey::remelt_cost_avoided_yuan, +1), 1);
  EXPECT_EQ(kpiGoodNews(KpiKey::cost_yuan, 0), 0);
}

// QA, 6 Dec: a processing-only park's "electricity per tonne of aluminium made" read 0 kWh/t, a
// division by zero shown as a figure. Such a ratio is NaN and shows as a dash, with no news.
TEST(KpiTable, AFigureThatDoesNotExistIsADashAndNoNews) {
  const double none = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(kpiValueText(KpiKey::energy_kwh_per_t_made, none), "\u2013");
  EXPECT_EQ(kpiValueWithUnit(KpiKey::energy_kwh_per_t_made, none, "en"), "\u2013");
  EXPECT_EQ(kpiCompactWithUnit(KpiKey::energy_kwh_per_t_made, none, "zh"), "\u2013");
  EXPECT_EQ(kpiGoodNews(KpiKey::energy_kwh_per_t_made, none), 0);
  EXPECT_EQ(kpiValueText(KpiKey::energy_kwh_per_t_made, 14012.4), "14,012");
}

// QA, 6 Dec: a park with no molten metal showed "Remelting avoided 0 yuan" in its KPI bar. Where
// nothing can be supplied molten, the molten figures are none, not 0.
TEST(KpiTable, MoltenFiguresExistOnlyWhereMoltenMetalCanBeSupplied) {
  FlowKpis k;
  k.remelt_t = 12;
  const auto valueOf = [](const std::vector<KpiValue>& values, KpiKey key) {
    return std::find_if(values.begin(), values.end(), [key](const KpiValue& v) { return v.key == key; })->value;
  };
  EXPECT_FALSE(valueOf(flowKpiValues(k), KpiKey::remelt_cost_avoided_yuan).has_value());
  EXPECT_FALSE(valueOf(flowKpiValues(k), KpiKey::direct_molten_t).has_value());
  EXPECT_EQ(valueOf(flowKpiValues(k), KpiKey::remelt_t), 12);
  k.molten_supply = true;
  EXPECT_EQ(valueOf(flowKpiValues(k), KpiKey::remelt_cost_avoided_yuan), 0);
}

TEST(KpiTable, EnergyPerTonneMadeAndDeliveredAreTwoKpisNamedByWhatTheyDivideBy) {
  EXPECT_NE(kpiId(KpiKey::energy_kwh_per_t_made), kpiId(KpiKey::energy_kwh_per_t_delivered));
  EXPECT_EQ(kpiName(KpiKey::energy_kwh_per_t_made, "en"), "Electricity per tonne of aluminium made");
  EXPECT_EQ(kpiName(KpiKey::energy_kwh_per_t_delivered, "en"), "Electricity per tonne delivered");
  EXPECT_NE(kpiLabel(KpiKey::energy_kwh_per_t_made, "en").find("/ primary + recycled"), std::string_view::npos);
  EXPECT_NE(kpiLabel(KpiKey::energy_kwh_per_t_delivered, "en").find("/ metal delivered"), std::string_view::npos);
  EXPECT_EQ(kpiName(KpiKey::energy_kwh_per_t_made, "zh"), "吨铝电耗");
  EXPECT_EQ(kpiName(KpiKey::energy_kwh_per_t_delivered, "zh"), "每吨交付金属电耗");
}

TEST(KpiTable, ValuesForPeopleUseTheKpisDecimalsAndNoExponent) {
  EXPECT_EQ(kpiValueText(KpiKey::cost_yuan, 2'420'505'600.4), "2,420,505,600");  // %g: 2.42051e+09
  EXPECT_EQ(kpiValueWithUnit(KpiKey::energy_kwh_per_t_made, 14'012.4, "en"), "14,012 kWh/t");
  EXPECT_EQ(kpiValueWithUnit(KpiKey::self_sufficiency_pct, 9.54, "en"), "9.5 %");
  EXPECT_EQ(kpiValueWithUnit(KpiKey::energy_cost_yuan, 2'400, "zh"), "2,400 元");
}

TEST(KpiTable, CompactTextCountsInMillionsOrWanAndYi) {
  EXPECT_EQ(kpiCompactWithUnit(KpiKey::remelt_cost_avoided_yuan, 101'997'936, "en"), "102 M yuan");
  EXPECT_EQ(kpiCompactWithUnit(KpiKey::co2_t, 2'835'553, "en"), "2.8 M t");
  EXPECT_EQ(kpiCompactWithUnit(KpiKey::energy_kwh, 5'031'814'080, "en"), "5.03 bn kWh");
  EXPECT_EQ(kpiCompactWithUnit(KpiKey::throughput_t_per_year, 739'992, "en"), "739,992 t/yr");
  EXPECT_EQ(kpiCompactWithUnit(KpiKey::remelt_cost_avoided_yuan, 101'997'936, "zh"), "1.02 亿元");
  EXPECT_EQ(kpiCompactWithUnit(KpiKey::co2_t, 2'835'553, "zh"), "284 万吨");
  EXPECT_EQ(kpiCompactWithUnit(KpiKey::energy_kwh_per_t_delivered, 6'799.8, "zh"), "6,800 kWh/吨");
}

TEST(KpiTable, FlowKpisAreListedInTheTablesUnits) {
  FlowKpis k;
  k.self_sufficiency = 0.25;
  k.energy_kwh_per_t_delivered = 6'800;
  k.cost_yuan = 10;
  bool sawShare = false, sawPerTonne = false, sawCost = false;
  for (const auto& v : flowKpiValues(k)) {
    if (v.key == KpiKey::local_supply_share_pct) sawShare = v.value == 25.0;
    EXPECT_NE(v.key, KpiKey::self_sufficiency_pct) << "the scenarios' share of the load, not the flows' share of supply";
    if (v.key == KpiKey::energy_kwh_per_t_delivered) sawPerTonne = v.value == 6'800.0;
    if (v.key == KpiKey::material_and_energy_cost_yuan) sawCost = v.value == 10.0;
  }
  EXPECT_TRUE(sawShare && sawPerTonne && sawCost);
  UnitKpis unmeasured;
  for (const auto& v : unitKpiValues(unmeasured)) {
    if (v.key == KpiKey::oee_pct) {
      EXPECT_FALSE(v.value) << "OEE nothing measured is no value, not 0 or -100 %";
    }
  }
}

}  // namespace
}  // namespace parktwin::flow
