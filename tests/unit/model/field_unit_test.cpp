#include "parktwin/model/field_unit.hpp"

#include <gtest/gtest.h>

namespace parktwin::model {
namespace {

// The unit of a field is the end of its name (docs/park-format.md); the longest ending wins.
TEST(FieldUnit, TheEndOfTheNameStatesTheUnit) {
  EXPECT_EQ(unitOfField("power_kw")->symbol, "kW");
  EXPECT_EQ(unitOfField("capacity_t_per_year")->symbol, "t/yr");
  EXPECT_EQ(unitOfField("cost_yuan_per_kwh")->symbol, "yuan/kWh");
  EXPECT_EQ(unitOfField("annual_yield_kwh_per_kwp")->symbol, "kWh/kWp");
  EXPECT_EQ(unitOfField("x_m")->symbol, "m");
  EXPECT_FALSE(unitOfField("count"));
  EXPECT_FALSE(unitOfField("_m"));  // an ending alone is no field
}

// By hand: 1.8 MW = 1,800 kW; 500 W = 0.5 kW; 0.25 km = 250 m; 12 cm = 0.12 m; 1.5 kt/a = 1,500 t/yr.
TEST(FieldUnit, ConvertsOnlyByPowersOfTen) {
  const auto mw = numberInFieldUnit("1.8MW", "power_kw");
  ASSERT_TRUE(mw);
  EXPECT_EQ(mw->written, "1.8 MW");
  EXPECT_EQ(mw->in_field, "1800");
  EXPECT_TRUE(mw->other_unit);
  EXPECT_EQ(numberInFieldUnit("500 W", "power_kw")->in_field, "0.5");
  EXPECT_EQ(numberInFieldUnit("-0.25 km", "x_m")->in_field, "-250");
  EXPECT_EQ(numberInFieldUnit("12cm", "height_m")->in_field, "0.12");
  EXPECT_EQ(numberInFieldUnit("1.5 kt/a", "capacity_t_per_year")->in_field, "1500");
  const auto same = numberInFieldUnit(" 018.50 kW ", "power_kw");
  ASSERT_TRUE(same);
  EXPECT_EQ(same->in_field, "18.5");
  EXPECT_FALSE(same->other_unit);
  EXPECT_EQ(numberInFieldUnit("1800", "power_kw")->in_field, "1800");
  // Not offered: a unit that is no power of ten away, one spelled in another case ("mt" may be
  // a metric ton), a rate the field does not have, and text that is no number.
  EXPECT_FALSE(numberInFieldUnit("2 hp", "power_kw"));
  EXPECT_FALSE(numberInFieldUnit("5 mt/yr", "capacity_t_per_year"));
  EXPECT_FALSE(numberInFieldUnit("5 kt/h", "capacity_t_per_year"));
  EXPECT_FALSE(numberInFieldUnit("tall", "height_m"));
  EXPECT_FALSE(numberInFieldUnit("1.8MW", "count"));
}

}  // namespace
}  // namespace parktwin::model
