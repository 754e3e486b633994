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
  EXPECT_NE(kpiLabel(KpiKey::energy_kwh_per_t_delivered, "en").find("/ goods delivered"), std::string_view::npos);
  EXPECT_EQ(kpiName(KpiKey::energy_kwh_per_t_made, "zh"), "吨铝电耗");
  EXPECT_EQ(kpiName(KpiKey::energy_kwh_per_t_delivered, "zh"), "每吨交付货物电耗");
}

// A park whose lines count units and deliver no tonnes (an electronics park with no material
// links): its electricity and CO2 per tonne delivered are no figure, not 0 kWh/t.
TEST(KpiTable, PerTonneDeliveredIsNoFigureWhereNothingIsDelivered) {
  FlowKpis k;
  k.energy_kwh = 8'760'000;
  k.co2_t = 4'993;
  const auto valueOf = [](const std::vector<KpiValue>& values, KpiKey key) {
    return std::find_if(values.begin(), values.end(), [key](const KpiValue& v) { return v.key == key; })->value;
  };
  EXPECT_FALSE(valueOf(flowKpiValues(k), KpiKey::energy_kwh_per_t_delivered).has_value());
  EXPECT_FALSE(valueOf(flowKpiValues(k), KpiKey::co2_t_per_t_delivered).has_value());
  EXPECT_EQ(valueOf(flowKpiValues(k), KpiKey::throughput_t_per_year), 0) << "nothing delivered is 0 t, a figure";
}

// The flow and per-object labels speak of goods and material (the network carries whatever the
// park moves), in both languages; only the aluminium KPIs name aluminium.
TEST(KpiTable, FlowAndObjectLabelsSayGoodsOrMaterialNotMetal) {
  for (KpiKey key : {KpiKey::throughput_t_per_h, KpiKey::throughput_t_per_year, KpiKey::lost_t, KpiKey::energy_kwh_per_t_delivered,
                     KpiKey::co2_t_per_t_delivered, KpiKey::metal_through_t, KpiKey::metal_through_t_per_h,
                     KpiKey::utilisation_pct, KpiKey::energy_kwh_per_t_through}) {
    const std::string en(kpiLabel(key, "en")), zh(kpiLabel(key, "zh"));
    EXPECT_EQ(en.find("metal"), std::string::npos) << en;
    EXPECT_EQ(en.find("Metal"), std::string::npos) << en;
    EXPECT_EQ(zh.find("金属"), std::string::npos) << zh;
    EXPECT_TRUE(en.find("oods") != std::string::npos || en.find("aterial") != std::string::npos) << en;
    EXPECT_TRUE(zh.find("货物") != std::string::npos || zh.find("物料") != std::string::npos) << zh;
  }
  EXPECT_EQ(kpiName(KpiKey::throughput_t_per_year, "en"), "Goods delivered per year");
  EXPECT_EQ(kpiName(KpiKey::throughput_t_per_year, "zh"), "年交付货物");
  EXPECT_EQ(kpiName(KpiKey::units_made, "en"), "Units made");
  EXPECT_EQ(kpiUnit(KpiKey::units_made, "zh"), "件");
  EXPECT_EQ(kpiUnit(KpiKey::capacity_units_per_h, "en"), "units/h");
}

// A line that states capacity_units_per_hour and no tonnes shows that design rate; a line sized
// in tonnes (or with both) shows its t/h only, and a building or firm shows no units figure.
TEST(KpiTable, ALineThatCountsUnitsShowsItsDesignUnitsPerHour) {
  const auto hasUnits = [](const UnitKpis& u) {
    const auto values = unitKpiValues(u);
    const auto it = std::find_if(values.begin(), values.end(), [](const KpiValue& v) { return v.key == KpiKey::capacity_units_per_h; });
    return it == values.end() ? std::optional<double>() : it->value;
  };
  UnitKpis bonders;
  bonders.capacity_units_per_h = 1'440;  // Beidu's 40 die bonders (park file)
  EXPECT_EQ(hasUnits(bonders), 1'440.0);
  UnitKpis both = bonders;
  both.capacity_t_per_h = 2;
  EXPECT_FALSE(hasUnits(both));
  EXPECT_FALSE(hasUnits(UnitKpis{}));
}

// QA (F22): a share's change is in percentage points; other KPIs change in their own unit.
// Oracle: the units of the table's rows (self-sufficiency and OEE in %, CO2 in t).
TEST(KpiTable, AShareChangesByPercentagePoints) {
  EXPECT_EQ(kpiDeltaUnit(KpiKey::self_sufficiency_pct, "en"), "pp");
  EXPECT_EQ(kpiDeltaUnit(KpiKey::self_sufficiency_pct, "zh"), "个百分点");
  EXPECT_EQ(kpiDeltaUnit(KpiKey::oee_pct, "zh"), "个百分点");
  EXPECT_EQ(kpiDeltaUnit(KpiKey::co2_t, "en"), "t");
  EXPECT_EQ(kpiDeltaUnit(KpiKey::co2_t, "zh"), "吨");
  for (const auto& row : kpiDefinitions()) {
    EXPECT_EQ(kpiDeltaUnit(row.key, "en") == "pp", row.unit == "%") << row.id;
  }
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
  // Beidu's die bonders, 1,440 units/h x 8,760 h: units join 万 as tonnes and yuan do.
  EXPECT_EQ(kpiCompactWithUnit(KpiKey::capacity_units_per_year, 12'614'400, "en"), "12.6 M units/yr");
  EXPECT_EQ(kpiCompactWithUnit(KpiKey::capacity_units_per_year, 12'614'400, "zh"), "1261 万件/年");
}

TEST(KpiTable, FlowKpisAreListedInTheTablesUnits) {
  FlowKpis k;
  k.self_sufficiency = 0.25;
  k.delivered_t = 10;
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
