// The bundled demo parks load, round-trip, and carry the figures of shared/DOMAIN.md.
#include <gtest/gtest.h>

#include <set>

#include "parktwin/model/park_file.hpp"

namespace {

using namespace parktwin::model;

Park load(const std::string& name) {
  auto park = parktwin::model::loadPark(std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/" + name + ".json");
  if (!park) ADD_FAILURE() << park.error().message;
  return park ? *park : Park{};
}

class DemoPark : public ::testing::TestWithParam<std::string> {};

TEST_P(DemoPark, RoundTripsThroughSerialize) {
  const Park park = load(GetParam());
  auto again = parktwin::model::parsePark(parktwin::model::serializePark(park), "roundtrip");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, park);
}

TEST_P(DemoPark, HasNamesInBothLanguagesForEveryBuilding) {
  for (const auto& b : load(GetParam()).buildings) {
    EXPECT_FALSE(b.name.zh.empty()) << b.id;
    EXPECT_FALSE(b.name.en.empty()) << b.id;
  }
}

INSTANTIATE_TEST_SUITE_P(Bundled, DemoPark, ::testing::Values("beidu", "jiulong"));

TEST(BeiduPark, SmelterCapacityIs340ktAndDrawsAbout500MW) {
  const Park park = load("beidu");
  double capacity_t = 0, power_kw = 0;
  for (const auto& line : park.lines) {
    if (line.kind == LineKind::potline) {
      capacity_t += line.capacity_t_per_year;
      power_kw += line.power_kw;
    }
  }
  EXPECT_DOUBLE_EQ(capacity_t, 340'000);
  // DOMAIN.md: 13,000-14,000 kWh/t → 340,000 t/yr over 8,760 h is 505-543 MW.
  EXPECT_GE(power_kw, 340'000.0 * 13'000 / 8'760 - 1);
  EXPECT_LE(power_kw, 340'000.0 * 14'000 / 8'760 + 1);
}

TEST(BeiduPark, FortyProcessorsTakeMoltenAluminium22AboveDesignatedSize) {
  const Park park = load("beidu");
  std::set<std::string> firms;
  for (const auto& link : park.material_links) {
    if (link.product != Product::molten_aluminium || link.from != "casthouse") continue;
    const auto* line = park.findLine(link.to);
    if (!line || line->id == "ingot-casting") continue;
    firms.insert(park.operatorOf(*line));
  }
  EXPECT_EQ(firms.size(), 40u);
  int above = 0;
  for (const auto& id : firms) above += park.findEnterprise(id) && park.findEnterprise(id)->above_designated_size;
  EXPECT_EQ(above, 22);
}

TEST(BeiduPark, XinshitongHasFortyDieBonders) {
  const Park park = load("beidu");  // kept: the line points into it
  const auto* line = park.findLine("xinshitong-cob");
  ASSERT_NE(line, nullptr);
  ASSERT_EQ(line->machines.size(), 1u);
  EXPECT_EQ(line->machines[0].kind, MachineKind::die_bonder);
  EXPECT_EQ(line->machines[0].count, 40);
}

TEST(BeiduPark, RecyclingPlantIsPlanned400ktAtFivePercentOfPrimaryEnergy) {
  const Park park = load("beidu");
  const auto* line = park.findLine("recycling-line");
  ASSERT_NE(line, nullptr);
  EXPECT_DOUBLE_EQ(line->capacity_t_per_year, 400'000);
  EXPECT_TRUE(park.findBuilding(line->building)->planned);
  EXPECT_NEAR(line->energy_kwh_per_t / park.findLine("potline-1")->energy_kwh_per_t, 0.05, 0.001);
}

TEST(BeiduPark, ZaoduReservoirGenerates45GWhPerYear) {
  const Park park = load("beidu");  // kept: the utility points into it
  const auto* hydro = park.findUtility("zaodu-hydro");
  ASSERT_NE(hydro, nullptr);
  EXPECT_DOUBLE_EQ(hydro->annual_energy_kwh, 45e6);
}

TEST(JiulongPark, HasSouthwestAluminiumFourLinesAndSelfBalancingEnergy) {
  const Park park = load("jiulong");
  int swaLines = 0;
  for (const auto& line : park.lines) {
    const auto* b = park.findBuilding(line.building);
    swaLines += b && b->enterprise == "swa";
  }
  EXPECT_EQ(swaLines, 4);
  std::set<UtilityKind> kinds;
  for (const auto& u : park.utilities) kinds.insert(u.kind);
  for (UtilityKind kind : {UtilityKind::pv, UtilityKind::battery, UtilityKind::charger, UtilityKind::grid_tie}) {
    EXPECT_TRUE(kinds.contains(kind)) << toText(kind);
  }
}

}  // namespace
