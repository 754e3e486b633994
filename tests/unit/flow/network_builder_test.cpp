// Park -> networks, checked against figures worked out by hand from data/mini_park.json.
#include <gtest/gtest.h>

#include <algorithm>

#include "parktwin/flow/constants.hpp"
#include "parktwin/flow/network.hpp"
#include "parktwin/flow/solver.hpp"
#include "test_support.hpp"

namespace parktwin::flow {
namespace {

double flowOn(const FlowNetwork& net, const std::vector<double>& flows, const std::string& arcId) {
  const int arc = net.findArc(arcId);
  EXPECT_GE(arc, 0) << arcId;
  return arc < 0 ? -1 : flows[static_cast<std::size_t>(arc)];
}

TEST(LineDemand, QinengPotlineDrawsAboutHalfAGigawatt) {
  // DOMAIN.md: 340 kt/yr at 13-14 MWh/t is "about 500 MW". By hand at 13.5 MWh/t:
  // 340,000 t/yr x 13,500 kWh/t = 4.59e9 kWh/yr; / 8,760 h = 523,972.6 kW, i.e. ~524 MW.
  model::ProductionLine potline;
  potline.capacity_t_per_year = 340'000;
  potline.energy_kwh_per_t = 13'500;
  EXPECT_NEAR(lineDemandKw(potline), 523'972.6, 0.1);
  potline.power_kw = 510'000;  // a rated power, when given, wins
  EXPECT_DOUBLE_EQ(lineDemandKw(potline), 510'000);
}

TEST(MaterialNetwork, MiniParkHasSuppliesDemandsAndTheRemeltPremium) {
  const auto park = test::loadTestPark("mini_park.json");
  const auto net = buildMaterialNetwork(park);
  ASSERT_TRUE(net) << net.error().message;
  // potline 87,600 t/yr = 10 t/h; the supplier's limit is its one link, 3 t/h.
  EXPECT_DOUBLE_EQ(net->arcs[static_cast<std::size_t>(net->findArc("supply:potline"))].capacity, 10.0);
  EXPECT_DOUBLE_EQ(net->arcs[static_cast<std::size_t>(net->findArc("supply:ingot_supplier"))].capacity, 3.0);
  // Terminal processors take their own capacity: 43,800 t/yr = 5 t/h, 52,560 t/yr = 6 t/h.
  EXPECT_DOUBLE_EQ(net->arcs[static_cast<std::size_t>(net->findArc("demand:chassis"))].capacity, 5.0);
  EXPECT_DOUBLE_EQ(net->arcs[static_cast<std::size_t>(net->findArc("demand:rods"))].capacity, 6.0);
  const FlowArc& ingot = net->arcs[static_cast<std::size_t>(net->findArc("m3"))];
  EXPECT_TRUE(ingot.remelt);
  EXPECT_DOUBLE_EQ(ingot.money_yuan_per_unit, 5.0 + kRemeltPremiumYuanPerT);
  EXPECT_DOUBLE_EQ(ingot.dispatch_cost_per_unit, 5.0 + kRemeltPremiumYuanPerT);
  EXPECT_TRUE(net->arcs[static_cast<std::size_t>(net->findArc("m1"))].direct_molten);
}

TEST(MaterialNetwork, MiniParkBottleneckIsTheProcessorsAndDispatchPrefersMoltenMetal) {
  const auto park = test::loadTestPark("mini_park.json");
  const auto net = buildMaterialNetwork(park);
  ASSERT_TRUE(net) << net.error().message;
  // By hand: every source-side set cuts at least 11 t/h (e.g. {src}: 10+3 = 13,
  // {src,potline,rods}: 3+4+6 = 13); only the two processor demands cut exactly 5+6 = 11.
  const auto flow = maxFlow(*net);
  ASSERT_TRUE(flow) << flow.error().message;
  EXPECT_NEAR(flow->value, 11.0, 1e-9);
  std::vector<std::string> cut;
  for (const auto& arc : flow->min_cut) cut.push_back(arc.id);
  std::ranges::sort(cut);
  EXPECT_EQ(cut, (std::vector<std::string>{"demand:chassis", "demand:rods"}));
  // Chassis needs 5: molten m1 gives at most 4, so 1 t/h comes as ingot (5 + 300 yuan/t);
  // rods take 6 molten on m2. Cost: 4 x 10 + 1 x 305 + 6 x 20 = 465 yuan/h.
  const auto dispatch = dispatchMinCost(*net);
  ASSERT_TRUE(dispatch) << dispatch.error().message;
  EXPECT_NEAR(dispatch->cost, 465.0, 1e-6);
  EXPECT_NEAR(flowOn(*net, dispatch->arc_flow, "m1"), 4.0, 1e-9);
  EXPECT_NEAR(flowOn(*net, dispatch->arc_flow, "m3"), 1.0, 1e-9);
  EXPECT_NEAR(flowOn(*net, dispatch->arc_flow, "m2"), 6.0, 1e-9);
  EXPECT_TRUE(dispatch->shortfalls.empty());
}

TEST(EnergyNetwork, MiniParkDispatchFollowsTheMeritOrder) {
  const auto park = test::loadTestPark("mini_park.json");
  const auto net = buildEnergyNetwork(park);
  ASSERT_TRUE(net) << net.error().message;
  // Loads: smelter building 87,600 t/yr x 13,500 kWh/t / 8,760 h = 135,000 kW; chargers
  // the site's 300 kW (power_kw: 5 points of 60 kW); chassis 3,000 kW; rods 2,000 kW; 140,300 kW.
  EXPECT_NEAR(net->arcs[static_cast<std::size_t>(net->findArc("demand:smelter"))].capacity, 135'000.0, 1e-6);
  EXPECT_DOUBLE_EQ(net->arcs[static_cast<std::size_t>(net->findArc("demand:chargers"))].capacity, 300.0);
  const auto dispatch = dispatchMinCost(*net);
  ASSERT_TRUE(dispatch) << dispatch.error().message;
  EXPECT_NEAR(dispatch->value, 140'300.0, 1e-6);
  // PV (merit 0) fills its 2,000 kW, the battery (0.01) the chargers' 300 kW, the grid the
  // remaining 138,000 kW at 0.10 merit + 0.5 tariff: 300 x 0.01 + 138,000 x 0.6 = 82,803 yuan/h.
  EXPECT_NEAR(flowOn(*net, dispatch->arc_flow, "supply:pv"), 2'000.0, 1e-6);
  EXPECT_NEAR(flowOn(*net, dispatch->arc_flow, "supply:bess"), 300.0, 1e-6);
  EXPECT_NEAR(flowOn(*net, dispatch->arc_flow, "supply:grid"), 138'000.0, 1e-6);
  EXPECT_NEAR(dispatch->cost, 82'803.0, 1e-3);
}

TEST(EnergyNetwork, UnsuppliedAndUnlinkedConsumersAreNamed) {
  auto park = test::loadTestPark("mini_park.json");
  park.lines.push_back(park.lines[1]);
  park.lines.back().id = "orphan_line";
  park.lines.back().building = "nowhere";
  FlowOverrides overrides;
  overrides.demand["chassis"] = 9'000;  // its link e6 carries at most 5,000 kW
  const auto net = buildEnergyNetwork(park, overrides);
  ASSERT_TRUE(net) << net.error().message;
  EXPECT_EQ(net->unlinked_consumers, (std::vector<std::string>{"orphan_line"}));
  const auto dispatch = dispatchMinCost(*net);
  ASSERT_TRUE(dispatch);
  const auto supplied = requireAllSupplied(*net, dispatch->arc_flow);
  ASSERT_FALSE(supplied);
  EXPECT_NE(supplied.error().message.find("chassis (Chassis casting): needs 9000.000 kW, gets 5000.000 kW"),
            std::string::npos)
      << supplied.error().message;
  EXPECT_NE(supplied.error().message.find("orphan_line: no link reaches it; add one to \"energy_links\" with \"to\": "
                                          "\"orphan_line\""),
            std::string::npos)
      << supplied.error().message;
}

TEST(MaterialNetwork, AnIdTheFlowsHaveNoPartForIsATerminalNamedByItsId) {
  // A link into a firm's id (the object index knows it, as an enterprise) or into an id no
  // object has: either end is a node named by its id, of kind "object", that takes what the
  // link brings (2 t/h), as network.hpp's rule for terminals says.
  auto park = test::loadTestPark("mini_park.json");
  for (const std::string id : {"qineng", "depot"}) {
    model::MaterialLink link;
    link.id = "to-" + id;
    link.from = "potline";
    link.to = id;
    link.product = model::Product::ingot;
    link.capacity_t_per_hour = 2;
    park.material_links.push_back(link);
  }
  const auto net = buildMaterialNetwork(park);
  ASSERT_TRUE(net) << net.error().message;
  for (const std::string id : {"qineng", "depot"}) {
    const int node = net->findNode(id);
    ASSERT_GE(node, 0) << id;
    EXPECT_EQ(net->nodes[static_cast<std::size_t>(node)].name, id);
    EXPECT_EQ(net->nodes[static_cast<std::size_t>(node)].kind, "object");
    const int demand = net->findArc("demand:" + id);
    ASSERT_GE(demand, 0) << id;
    EXPECT_DOUBLE_EQ(net->arcs[static_cast<std::size_t>(demand)].capacity, 2.0);
  }
}

TEST(MaterialNetwork, FailuresIslandConsumersAndOverridesChangeCapacities) {
  const auto park = test::loadTestPark("mini_park.json");
  const auto net = buildMaterialNetwork(park);
  ASSERT_TRUE(net);
  // Without the potline, the rod plant has no other supplier: islanded. The chassis line
  // still reaches the ingot supplier but gets only its 3 t/h of 5.
  const auto impact = failureImpact(*net, "potline");
  ASSERT_TRUE(impact) << impact.error().message;
  EXPECT_EQ(impact->islanded, (std::vector<std::string>{"rods"}));
  EXPECT_NEAR(impact->value_after, 3.0, 1e-9);
  ASSERT_EQ(impact->shortfalls.size(), 2u);
  EXPECT_FALSE(failureImpact(*net, "no_such_thing"));

  FlowOverrides state;
  state.supply["potline"] = 2.5;  // the potline at reduced amperage at time T
  const auto reduced = buildMaterialNetwork(park, state);
  ASSERT_TRUE(reduced);
  const auto flow = maxFlow(*reduced);
  ASSERT_TRUE(flow);
  EXPECT_NEAR(flow->value, 2.5 + 3.0, 1e-9);
}

TEST(MaterialNetwork, ParkWithoutProducerIsAnErrorThatSaysSo) {
  auto park = test::loadTestPark("mini_park.json");
  park.lines[0].product = model::Product::rod;
  park.material_links.pop_back();  // the ingot supplier's link
  const auto net = buildMaterialNetwork(park);
  ASSERT_FALSE(net);
  EXPECT_NE(net.error().message.find("no origin"), std::string::npos) << net.error().message;
}

TEST(Route, MiniParkLogisticsRoute) {
  const auto park = test::loadTestPark("mini_park.json");
  const auto net = buildMaterialNetwork(park);
  ASSERT_TRUE(net);
  const auto route = shortestRoute(*net, "potline", "rods");
  ASSERT_TRUE(route) << route.error().message;
  EXPECT_DOUBLE_EQ(route->distance_m, 200.0);
  EXPECT_EQ(route->node_names, (std::vector<std::string>{"Potline", "Rod casting"}));
}

}  // namespace
}  // namespace parktwin::flow

namespace parktwin::flow {
namespace {

model::Building plantHall(const std::string& id) {
  model::Building hall;
  hall.id = id;
  hall.kind = model::BuildingKind::plant;
  return hall;
}

model::ProductionLine lineIn(const std::string& id, model::LineKind kind, const std::string& building) {
  model::ProductionLine line;
  line.id = id;
  line.kind = kind;
  line.building = building;
  return line;
}

// The user guide's first park before issue 23: a die-casting line with no power, an energy link
// to its hall, no material link. Each message names the object and the key to add.
model::Park guideParkWithoutPowerOrMaterial() {
  model::Park park;
  park.id = "mini";
  park.buildings.push_back(plantHall("hall"));
  model::ProductionLine cast = lineIn("cast", model::LineKind::die_casting, "hall");
  cast.product = model::Product::parts;
  cast.capacity_t_per_year = 5'000;
  park.lines.push_back(cast);
  model::Utility grid;
  grid.id = "grid";
  grid.kind = model::UtilityKind::grid_tie;
  grid.power_kw = 10'000;
  park.utilities.push_back(grid);
  model::EnergyLink e1;
  e1.id = "e1";
  e1.from = "grid";
  e1.to = "hall";
  e1.capacity_kw = 5'000;
  park.energy_links.push_back(e1);
  return park;
}

TEST(NetworkMessages, ALineWithoutPowerIsNamedWithItsPathAndTheKeysToAdd) {
  auto park = guideParkWithoutPowerOrMaterial();
  const auto energy = buildEnergyNetwork(park);
  ASSERT_FALSE(energy);
  EXPECT_NE(energy.error().message.find("no load"), std::string::npos) << energy.error().message;
  EXPECT_NE(energy.error().message.find("/lines/0 (cast)"), std::string::npos) << energy.error().message;
  EXPECT_NE(energy.error().message.find("\"power_kw\""), std::string::npos) << energy.error().message;
  EXPECT_NE(energy.error().message.find("\"energy_kwh_per_t\""), std::string::npos) << energy.error().message;
  EXPECT_EQ(networkGapOf(energy.error().message), NetworkGap::no_load);

  park.lines[0].power_kw = 400;
  EXPECT_TRUE(buildEnergyNetwork(park));
}

// A line described by its machines (a die-bonding hall: 24 bonders of 6 kW, no line power_kw,
// no tonnes) draws their rated power, 24 x 6 = 144 kW, as the simulator rates it; it drew
// nothing and the flows refused the park.
TEST(NetworkMessages, ALineWithOnlyItsMachinesPowerDrawsTheirRating) {
  auto park = guideParkWithoutPowerOrMaterial();
  park.lines[0].capacity_t_per_year = 0;
  park.lines[0].capacity_units_per_hour = 960;
  model::MachineGroup bonders;
  bonders.id = "bonders";
  bonders.count = 24;
  bonders.power_kw = 6;
  park.lines[0].machines.push_back(bonders);
  EXPECT_DOUBLE_EQ(lineDemandKw(park.lines[0]), 144);
  const auto energy = buildEnergyNetwork(park);
  ASSERT_TRUE(energy) << energy.error().message;
  double demand = 0;
  for (const auto& arc : energy->arcs) {
    if (arc.kind == ArcKind::demand) demand += arc.capacity;
  }
  EXPECT_DOUBLE_EQ(demand, 144);
  park.lines[0].power_kw = 100;  // a stated line total wins
  EXPECT_DOUBLE_EQ(lineDemandKw(park.lines[0]), 100);
}

// QA, 6 Dec: the linked line drew nothing and the line that drew power had no link; the message
// named only the first, and the user took the 0 kWh for the park's.
TEST(NetworkMessages, ALineThatDrawsPowerWithNoLinkIsNamedToo) {
  auto park = guideParkWithoutPowerOrMaterial();
  park.buildings.push_back(plantHall("press-hall"));
  model::ProductionLine extrusion = lineIn("ext", model::LineKind::extrusion, "press-hall");
  extrusion.power_kw = 900;
  park.lines.push_back(extrusion);
  const auto energy = buildEnergyNetwork(park);
  ASSERT_FALSE(energy);
  EXPECT_NE(energy.error().message.find("/lines/0 (cast)"), std::string::npos) << energy.error().message;
  EXPECT_NE(energy.error().message.find("no energy link reaches /lines/1 (ext) in building \"press-hall\", which draws power"),
            std::string::npos)
      << energy.error().message;
  park.lines[0].power_kw = 400;  // a load now: the network builds, and the unlinked line is listed
  const auto built = buildEnergyNetwork(park);
  ASSERT_TRUE(built) << built.error().message;
  EXPECT_EQ(built->unlinked_consumers, std::vector<std::string>{"ext"});
}

TEST(NetworkMessages, RooftopPvWithoutAPvUtilityIsNotedAsDrawnOnly) {
  auto park = guideParkWithoutPowerOrMaterial();
  park.lines[0].power_kw = 400;
  park.buildings[0].roof_pv_kwp = 800;
  const auto alone = buildEnergyNetwork(park);
  ASSERT_TRUE(alone) << alone.error().message;
  const auto noted = std::ranges::count_if(alone->notes, [](const model::LocalizedText& n) {
    return n.en.starts_with("hall: its rooftop PV (roof_pv_kwp 800 kWp) is drawn only") && n.en.ends_with("(/buildings/0)");
  });
  EXPECT_EQ(noted, 1) << (alone->notes.empty() ? std::string("no notes") : alone->notes.front().en);
  model::Utility roof;  // the energy, as the bundled parks give it: a pv utility in the building
  roof.id = "roof-pv";
  roof.kind = model::UtilityKind::pv;
  roof.building = "hall";
  roof.power_kw = 800;
  park.utilities.push_back(roof);
  const auto housed = buildEnergyNetwork(park);
  ASSERT_TRUE(housed) << housed.error().message;
  EXPECT_TRUE(std::ranges::none_of(housed->notes, [](const model::LocalizedText& n) { return n.en.find("rooftop PV") != std::string::npos; }));
}

TEST(NetworkMessages, MissingMaterialLinksOrSupplierSayWhatToAdd) {
  auto park = guideParkWithoutPowerOrMaterial();
  const auto none = buildMaterialNetwork(park);
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("add \"material_links\""), std::string::npos) << none.error().message;
  EXPECT_EQ(networkGapOf(none.error().message), NetworkGap::no_material_links);

  model::MaterialLink out;  // parts go out, nothing comes in
  out.id = "m-out";
  out.from = "cast";
  out.to = "market";
  out.product = model::Product::parts;
  out.capacity_t_per_hour = 1;
  model::ExternalNode market;
  market.id = "market";
  market.kind = model::ExternalKind::market;
  park.externals.push_back(market);
  park.material_links.push_back(out);
  const auto noOrigin = buildMaterialNetwork(park);
  ASSERT_FALSE(noOrigin);
  EXPECT_NE(noOrigin.error().message.find("\"supplier\""), std::string::npos) << noOrigin.error().message;
  EXPECT_NE(noOrigin.error().message.find("/lines/0 (cast)"), std::string::npos) << noOrigin.error().message;
  EXPECT_EQ(networkGapOf(noOrigin.error().message), NetworkGap::no_origin);
}

// The window words each gap in its own language from networkGapOf: the energy gaps read back
// from their messages (the material ones in the two tests above), and a line naming none, or a
// longer reason that begins alike, reads back as none.
TEST(NetworkMessages, EachGapReadsBackFromItsMessage) {
  auto park = guideParkWithoutPowerOrMaterial();
  park.energy_links.clear();
  const auto noLinks = buildEnergyNetwork(park);
  ASSERT_FALSE(noLinks);
  EXPECT_EQ(networkGapOf(noLinks.error().message), NetworkGap::no_energy_links) << noLinks.error().message;

  park.lines[0].power_kw = 400;
  model::EnergyLink fromHall;  // the hall feeds the line, but nothing feeds the hall
  fromHall.id = "e2";
  fromHall.from = "hall";
  fromHall.to = "cast";
  fromHall.capacity_kw = 500;
  park.energy_links.push_back(fromHall);
  const auto noSource = buildEnergyNetwork(park);
  ASSERT_FALSE(noSource);
  EXPECT_EQ(networkGapOf(noSource.error().message), NetworkGap::no_source) << noSource.error().message;

  EXPECT_EQ(networkGapOf("mini: energy network: no loader: something else"), std::nullopt);
  EXPECT_EQ(networkGapOf("mini: the park file is not valid JSON"), std::nullopt);
}

}  // namespace
}  // namespace parktwin::flow
