// The object index: what an id is, where it sits, and where externals are drawn. Positions
// are worked by hand from a small park written out here.
#include <gtest/gtest.h>

#include <cmath>

#include "parktwin/model/object_index.hpp"

namespace {

using namespace parktwin::model;

template <typename T>
T withId(const std::string& id, Point position = {}) {
  T object;
  object.id = id;
  object.position = position;
  return object;
}

Park smallPark() {
  Park park;
  park.id = "p";
  // A hall 100 m x 40 m at (0, 0), turned 90 degrees: its local +x points north.
  Building hall = withId<Building>("hall");
  hall.width_m = 100;
  hall.depth_m = 40;
  hall.rotation_deg = 90;
  park.buildings.push_back(hall);
  ProductionLine line;
  line.id = "line";
  line.building = "hall";
  MachineGroup presses;
  presses.id = "presses";
  presses.offset = {30, 0};
  line.machines.push_back(presses);
  park.lines.push_back(line);
  park.utilities.push_back(withId<Utility>("grid", {200, 0}));
  Utility roofPv = withId<Utility>("roof-pv", {5, 5});
  roofPv.building = "hall";
  park.utilities.push_back(roofPv);
  park.externals.push_back(withId<ExternalNode>("near-market", {250, 10}));
  park.externals.push_back(withId<ExternalNode>("far-port", {10200, 0}));
  park.externals.push_back(withId<ExternalNode>("north-mine", {100, 5000}));
  Enterprise firm;
  firm.id = "firm";
  park.enterprises.push_back(firm);
  return park;
}

void expectPoint(std::optional<Point> p, double x, double y) {
  ASSERT_TRUE(p.has_value());
  EXPECT_NEAR(p->x_m, x, 1e-9);
  EXPECT_NEAR(p->y_m, y, 1e-9);
}

TEST(ObjectIndex, TellsWhatAnIdIsAndWhereItSits) {
  const Park park = smallPark();
  const ObjectIndex index(park);
  EXPECT_EQ(index.find("hall")->type, ObjectType::building);
  EXPECT_EQ(index.find("line")->type, ObjectType::line);
  EXPECT_EQ(index.find("presses")->type, ObjectType::machine_group);
  EXPECT_EQ(index.find("grid")->type, ObjectType::utility);
  EXPECT_EQ(index.find("far-port")->type, ObjectType::external);
  EXPECT_EQ(index.find("firm")->type, ObjectType::enterprise);
  EXPECT_EQ(index.find("nowhere"), nullptr);
  expectPoint(index.position("line"), 0, 0);
  // The presses sit 30 m along the hall's own x axis, which points north: (0, 30).
  expectPoint(index.position("presses"), 0, 30);
  EXPECT_EQ(index.find("presses")->building, "hall");
  // A utility in a building stands where its building stands.
  expectPoint(index.position("roof-pv"), 0, 0);
  EXPECT_FALSE(index.position("firm").has_value());
}

TEST(ObjectIndex, ExtentCoversTheParkButNotTheExternals) {
  const Park park = smallPark();
  const ObjectIndex index(park);
  // The turned hall spans x -20..20, y -50..50; the grid tie stands at (200, 0).
  expectPoint(index.extent().min, -20, -50);
  expectPoint(index.extent().max, 200, 50);
}

TEST(ObjectIndex, ExternalsFarAwayAreDrawnAtTheParksEdgeInTheirDirection) {
  const Park park = smallPark();
  const ObjectIndex index(park);
  // Within the extent grown by 120 m (x up to 320): drawn where it is.
  EXPECT_FALSE(index.outsideThePark("near-market"));
  expectPoint(index.drawnPosition("near-market"), 250, 10);
  // Far east: from the centre (90, 0) along +x to the grown edge at x = 200 + 120 = 320.
  EXPECT_TRUE(index.outsideThePark("far-port"));
  expectPoint(index.drawnPosition("far-port"), 320, 0);
  // Far north: from (90, 0) towards (100, 5000); the grown box ends at y = 50 + 120 = 170,
  // reached after 170 / 5000 of the way: x = 90 + 10 * 0.034 = 90.34.
  expectPoint(index.drawnPosition("north-mine"), 90.34, 170);
  // Other objects are drawn where they stand.
  expectPoint(index.drawnPosition("grid"), 200, 0);
}

TEST(ObjectIndex, NumbersEachObjectOnceForPlainVectors) {
  // smallPark has 1 building, 1 line, 1 machine group, 2 utilities, 3 externals and 1 firm.
  const Park park = smallPark();
  const ObjectIndex index(park);
  ASSERT_EQ(index.size(), 9u);
  for (const std::string id : {"hall", "line", "presses", "grid", "roof-pv", "near-market", "far-port", "north-mine", "firm"}) {
    const auto slot = index.slotOf(id);
    ASSERT_TRUE(slot.has_value()) << id;
    EXPECT_LT(*slot, 9u) << id;
    EXPECT_EQ(index.at(*slot).id, id);
    EXPECT_EQ(&index.at(*slot), index.find(id)) << id;
  }
  EXPECT_FALSE(index.slotOf("nowhere").has_value());
}

TEST(ObjectIndex, AnIdTwiceIsTheFirstObjectWithIt) {
  // The reader reports a duplicate id as a problem; the index still answers one object for it.
  Park park = smallPark();
  park.utilities.push_back(withId<Utility>("hall", {500, 500}));
  const ObjectIndex index(park);
  EXPECT_EQ(index.size(), 9u);
  EXPECT_EQ(index.find("hall")->type, ObjectType::building);
}

}  // namespace
