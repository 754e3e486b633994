// Park -> material and energy networks. The rules are in network.hpp; the why is here.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "parktwin/flow/constants.hpp"
#include "parktwin/flow/network.hpp"

namespace parktwin::flow {
namespace {

bool isPrimaryMetal(const std::string& product) {
  return product == "molten_aluminium" || product == "ingot" || product == "recycled_aluminium";
}

// What a park object is, as far as the flow layer cares.
struct ObjectInfo {
  std::string name;
  std::string kind;
  const model::ProductionLine* line = nullptr;
  const model::Building* building = nullptr;
  const model::Utility* utility = nullptr;
  const model::ExternalNode* external = nullptr;
};

// Park objects by id, built once per network: the park's own find* scan linearly, which is
// quadratic over tens of thousands of links.
class ObjectIndex {
 public:
  explicit ObjectIndex(const model::Park& park) {
    for (const auto& b : park.buildings) objects_.try_emplace(b.id, ObjectInfo{b.name.en, b.kind, nullptr, &b});
    for (const auto& u : park.utilities) objects_.try_emplace(u.id, ObjectInfo{u.name.en, u.kind, nullptr, nullptr, &u});
    for (const auto& x : park.externals) {
      objects_.try_emplace(x.id, ObjectInfo{x.name.en, x.kind, nullptr, nullptr, nullptr, &x});
    }
    for (const auto& l : park.lines) {
      objects_.insert_or_assign(l.id, ObjectInfo{l.name.en, l.kind, &l});
      linesByBuilding_[l.building].push_back(&l);
    }
  }

  ObjectInfo describe(const std::string& id) const {
    auto it = objects_.find(id);
    return it == objects_.end() ? ObjectInfo{id, "object"} : it->second;
  }

  const std::vector<const model::ProductionLine*>& linesIn(const std::string& buildingId) const {
    static const std::vector<const model::ProductionLine*> none;
    auto it = linesByBuilding_.find(buildingId);
    return it == linesByBuilding_.end() ? none : it->second;
  }

 private:
  std::unordered_map<std::string, ObjectInfo> objects_;
  std::unordered_map<std::string, std::vector<const model::ProductionLine*>> linesByBuilding_;
};

// Shared network assembly: nodes by object id, arcs with override and failure handling.
class NetworkAssembler {
 public:
  NetworkAssembler(Quantity quantity, const FlowOverrides& overrides) : overrides_(overrides) {
    network_.quantity = quantity;
    network_.nodes.push_back({"", "super-source", NodeRole::super_source, "source"});
    network_.nodes.push_back({"", "super-sink", NodeRole::super_sink, "sink"});
    network_.source = 0;
    network_.sink = 1;
  }

  int node(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? -1 : it->second;
  }

  int addNode(const std::string& id, const std::string& name, NodeRole role, const std::string& kind) {
    if (int existing = node(id); existing >= 0) return existing;
    const int index = static_cast<int>(network_.nodes.size());
    network_.nodes.push_back({id, name, role, kind});
    index_[id] = index;
    return index;
  }

  FlowNode& at(int index) { return network_.nodes[static_cast<std::size_t>(index)]; }

  // Adds an arc; the override for its id replaces the capacity, a failed id or failed end
  // object takes it out (capacity 0, kept so arc indices stay stable).
  FlowArc& addArc(FlowArc arc, const std::string& objectA = {}, const std::string& objectB = {}) {
    if (auto it = overrides_.arc_capacity.find(arc.id); it != overrides_.arc_capacity.end()) arc.capacity = it->second;
    if (overrides_.failed.contains(arc.id) || (!objectA.empty() && overrides_.failed.contains(objectA)) ||
        (!objectB.empty() && overrides_.failed.contains(objectB))) {
      arc.capacity = 0;
    }
    network_.arcs.push_back(std::move(arc));
    return network_.arcs.back();
  }

  // `entryNode` is where the supply enters (the object's node unless given).
  void addSupply(const std::string& objectId, double capacity, double cost, SourceKind kind, double emission,
                 int entryNode = -1) {
    if (auto it = overrides_.supply.find(objectId); it != overrides_.supply.end()) capacity = it->second;
    FlowArc arc;
    arc.id = "supply:" + objectId;
    arc.from = network_.source;
    arc.to = entryNode >= 0 ? entryNode : node(objectId);
    arc.kind = ArcKind::supply;
    arc.capacity = capacity;
    arc.cost_per_unit = cost;
    arc.source = kind;
    arc.emission_t_per_mwh = emission;
    at(arc.to).role = NodeRole::producer;
    addArc(std::move(arc), objectId);
  }

  // `exitNode` is where the consumer's flow leaves: its output half if split.
  void addDemand(const std::string& objectId, int exitNode, double capacity, bool required = true) {
    if (auto it = overrides_.demand.find(objectId); it != overrides_.demand.end()) capacity = it->second;
    FlowArc arc;
    arc.id = "demand:" + objectId;
    arc.from = exitNode;
    arc.to = network_.sink;
    arc.kind = ArcKind::demand;
    arc.capacity = capacity;
    arc.required = required;
    at(exitNode).role = NodeRole::consumer;
    addArc(std::move(arc), objectId);
  }

  // Splits `objectId` into input and output joined by a throughput arc; returns the output.
  int split(const std::string& objectId, double capacity) {
    const int input = node(objectId);
    const int output = addNode(objectId + "#out", at(input).name, NodeRole::line_output, at(input).kind);
    FlowArc arc;
    arc.id = "throughput:" + objectId;
    arc.from = input;
    arc.to = output;
    arc.kind = ArcKind::throughput;
    arc.capacity = capacity;
    addArc(std::move(arc), objectId);
    return output;
  }

  FlowNetwork take() { return std::move(network_); }
  FlowNetwork& network() { return network_; }

 private:
  const FlowOverrides& overrides_;
  FlowNetwork network_;
  std::unordered_map<std::string, int> index_;
};

template <typename Link>
std::vector<std::string> objectsNamedBy(const std::vector<Link>& links) {
  std::vector<std::string> ids;
  std::set<std::string> seen;
  for (const auto& link : links) {
    for (const auto* id : {&link.from, &link.to}) {
      if (seen.insert(*id).second) ids.push_back(*id);
    }
  }
  return ids;
}

// The cost scaling solver's work grows with log(largest cost / resolution); these are finer
// than any tariff or transport price is quoted (fen per tonne, 1 yuan per MWh).
constexpr double kMaterialCostResolutionYuanPerT = 0.01;
constexpr double kEnergyCostResolutionYuanPerKwh = 0.001;

// What a source gives without an override (see SupplyBasis).
double availablePowerKw(const model::Utility& u, SupplyBasis basis, std::vector<std::string>& notes) {
  if (basis == SupplyBasis::rated_power || u.kind == "grid_tie") return u.power_kw;
  if (u.annual_energy_kwh > 0) return std::min(u.power_kw, u.annual_energy_kwh / kHoursPerYear);
  if (u.kind == "battery" || u.kind == "pumped_storage") {
    notes.push_back(u.id + ": storage without annual_energy_kwh gives 0 kW on average over a year");
    return 0;
  }
  notes.push_back(u.id + ": no annual_energy_kwh, so its rated " + std::to_string(u.power_kw) +
                  " kW is taken as its average");
  return u.power_kw;
}

}  // namespace

int FlowNetwork::findNode(const std::string& id) const {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

int FlowNetwork::findArc(const std::string& id) const {
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    if (arcs[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::string FlowNetwork::describeArc(int arc) const {
  const FlowArc& a = arcs[static_cast<std::size_t>(arc)];
  const std::string& from = nodes[static_cast<std::size_t>(a.from)].name;
  const std::string& to = nodes[static_cast<std::size_t>(a.to)].name;
  switch (a.kind) {
    case ArcKind::supply: return "supply of " + to;
    case ArcKind::demand: return "demand of " + from;
    case ArcKind::throughput: return "capacity of " + from;
    case ArcKind::link: break;
  }
  return "link " + a.id + ": " + from + " -> " + to + (a.product.empty() ? "" : " (" + a.product + ")");
}

double lineDemandKw(const model::ProductionLine& line) {
  if (line.power_kw > 0) return line.power_kw;
  return line.energy_kwh_per_t * line.capacity_t_per_year / kHoursPerYear;
}

Result<FlowNetwork> buildMaterialNetwork(const model::Park& park, const FlowOverrides& overrides) {
  if (park.material_links.empty()) return fail(park.id + ": material network: the park has no material links");
  NetworkAssembler net(Quantity::material_t_per_h, overrides);
  net.network().cost_resolution = kMaterialCostResolutionYuanPerT;
  const ObjectIndex objects(park);
  std::set<std::string> hasOutgoing, hasIncoming;
  std::map<std::string, double> inCapacity, outCapacity;
  for (const auto& link : park.material_links) {
    hasOutgoing.insert(link.from);
    hasIncoming.insert(link.to);
    inCapacity[link.to] += link.capacity_t_per_hour;
    outCapacity[link.from] += link.capacity_t_per_hour;
  }

  struct Role {
    double produce_t_per_h = 0;  // primary metal made here
    double process_t_per_h = 0;  // what its other lines can take
  };
  std::map<std::string, Role> roles;
  const auto addLine = [](Role& role, const model::ProductionLine& line) {
    (isPrimaryMetal(line.product) ? role.produce_t_per_h : role.process_t_per_h) += line.capacity_t_per_year / kHoursPerYear;
  };

  const auto ids = objectsNamedBy(park.material_links);
  for (const auto& id : ids) {
    const ObjectInfo info = objects.describe(id);
    net.addNode(id, info.name, NodeRole::junction, info.kind);
    Role& role = roles[id];
    if (info.line) addLine(role, *info.line);
    if (info.building) {
      for (const auto* line : objects.linesIn(id)) addLine(role, *line);
    }
  }

  // Metal enters at origins: primary-metal lines nothing feeds (potlines), and externals that
  // send material (suppliers; a market returning scrap). A line that is fed (a casthouse
  // making ingots from molten metal, a recycling line fed scrap) passes on what it gets, up to
  // its capacity, so nothing is counted twice.
  bool anyProducer = false, anyConsumer = false;
  for (const auto& id : ids) {
    const ObjectInfo info = objects.describe(id);
    const Role& role = roles[id];
    const double capacity = role.produce_t_per_h + role.process_t_per_h;
    if (info.external) {
      const bool receives = info.external->kind != "supplier" && hasIncoming.contains(id);
      if (hasOutgoing.contains(id)) {
        // A market that also sends (scrap back) sends from its own node, so what it sends
        // cannot count as delivered to it.
        const int entry = receives ? net.addNode(id + "#out", info.name, NodeRole::producer, info.kind) : net.node(id);
        net.addSupply(id, outCapacity[id], 0, SourceKind::material, 0, entry);
        anyProducer = true;
      }
      if (receives) {
        net.addDemand(id, net.node(id), inCapacity[id], false);
        anyConsumer = true;
      }
    } else if (role.produce_t_per_h > 0 && !hasIncoming.contains(id)) {
      net.addSupply(id, role.produce_t_per_h, 0, SourceKind::material, 0);
      anyProducer = true;
    } else if (hasOutgoing.contains(id)) {
      if (capacity > 0) net.split(id, capacity);  // a line passing its output on
    } else {
      net.addDemand(id, net.node(id), capacity > 0 ? capacity : inCapacity[id]);  // terminal
      anyConsumer = true;
    }
  }
  if (!anyProducer) {
    return fail(park.id + ": material network: no origin (a line making molten_aluminium, ingot or "
                          "recycled_aluminium that no link feeds, or an external sending material)");
  }
  if (!anyConsumer) return fail(park.id + ": material network: no consumer (market or terminal processor)");

  for (const auto& link : park.material_links) {
    const int out = net.node(link.from + "#out");
    FlowArc arc;
    arc.id = link.id;
    arc.from = out >= 0 ? out : net.node(link.from);
    arc.to = net.node(link.to);
    arc.capacity = link.capacity_t_per_hour;
    arc.cost_per_unit = link.cost_yuan_per_t;
    arc.loss_pct = link.loss_pct;
    arc.distance_m = link.distance_m;
    arc.product = link.product;
    const ObjectInfo target = objects.describe(link.to);
    const bool intoProcessor = roles[link.to].process_t_per_h > 0 && roles[link.to].produce_t_per_h == 0 && !target.external;
    arc.remelt = intoProcessor && link.product == "ingot";
    arc.direct_molten = intoProcessor && link.product == "molten_aluminium";
    if (arc.remelt) arc.cost_per_unit += kRemeltPremiumYuanPerT;
    net.addArc(std::move(arc), link.from, link.to);
  }
  return net.take();
}

Result<FlowNetwork> buildEnergyNetwork(const model::Park& park, const FlowOverrides& overrides) {
  if (park.energy_links.empty()) return fail(park.id + ": energy network: the park has no energy links");
  NetworkAssembler net(Quantity::energy_kw, overrides);
  net.network().cost_resolution = kEnergyCostResolutionYuanPerKwh;
  const ObjectIndex objects(park);
  std::map<std::string, double> outCapacity;
  std::map<std::string, double> outEmission;  // largest factor on a node's outgoing links
  for (const auto& link : park.energy_links) {
    outCapacity[link.from] += link.capacity_kw;
    outEmission[link.from] = std::max(outEmission[link.from], link.emission_t_per_mwh);
  }
  const auto ids = objectsNamedBy(park.energy_links);
  std::set<std::string> named(ids.begin(), ids.end());
  for (const auto& id : ids) {
    const ObjectInfo info = objects.describe(id);
    net.addNode(id, info.name, NodeRole::junction, info.kind);
  }

  // The grid's factor goes on its supply arc unless its links carry their own factor.
  const auto gridEmission = [&](const std::string& id) { return outEmission[id] > 0 ? 0.0 : park.grid_emission_t_per_mwh; };
  bool anySource = false, anyLoad = false;
  for (const auto& id : ids) {
    const ObjectInfo info = objects.describe(id);
    if (info.external && info.external->kind == "grid") {
      net.addSupply(id, outCapacity[id], kMeritGridYuanPerKwh, SourceKind::grid, gridEmission(id));
      anySource = true;
    } else if (info.utility) {
      const auto& u = *info.utility;
      const auto source = [&](SourceKind kind, double merit, double emission) {
        net.addSupply(id, availablePowerKw(u, overrides.supply_basis, net.network().notes), merit, kind, emission);
        anySource = true;
      };
      if (u.kind == "grid_tie") source(SourceKind::grid, kMeritGridYuanPerKwh, gridEmission(id));
      else if (u.kind == "pv") source(SourceKind::pv, kMeritPvYuanPerKwh, 0);
      else if (u.kind == "battery" || u.kind == "pumped_storage") {
        source(u.kind == "battery" ? SourceKind::battery : SourceKind::pumped_storage,
               u.kind == "battery" ? kMeritBatteryYuanPerKwh : kMeritPumpedStorageYuanPerKwh, 0);
        // Charging now (a demand override, from the measured state): a load on the storage
        // node, fed through its charging link like any consumer.
        if (auto charging = overrides.demand.find(id); charging != overrides.demand.end() && charging->second > 0) {
          net.addDemand(id, net.node(id), charging->second);
          anyLoad = true;
        }
      }
      else if (u.kind == "reservoir_hydro") source(SourceKind::reservoir_hydro, kMeritReservoirHydroYuanPerKwh, 0);
      else if (u.kind == "hydrogen") source(SourceKind::hydrogen, kMeritHydrogenYuanPerKwh, 0);
      else if (u.kind == "substation") net.split(id, u.power_kw);
      else if (u.kind == "charger") {
        net.addDemand(id, net.node(id), u.power_kw * u.count);
        anyLoad = true;
      }
    } else if (info.line) {
      net.addDemand(id, net.node(id), lineDemandKw(*info.line));
      anyLoad = true;
    } else if (info.building) {
      double demand = 0;
      for (const auto* line : objects.linesIn(id)) {
        if (!named.contains(line->id)) demand += lineDemandKw(*line);
      }
      if (demand > 0) {
        net.addDemand(id, net.node(id), demand);
        anyLoad = true;
      }
    }
  }
  if (!anySource) return fail(park.id + ": energy network: no source (grid, grid_tie, pv, storage, hydro) is linked");
  if (!anyLoad) return fail(park.id + ": energy network: no load (line, charger, building with lines) is linked");

  for (const auto& link : park.energy_links) {
    const int out = net.node(link.from + "#out");
    FlowArc arc;
    arc.id = link.id;
    arc.from = out >= 0 ? out : net.node(link.from);
    arc.to = net.node(link.to);
    arc.capacity = link.capacity_kw;
    arc.cost_per_unit = link.cost_yuan_per_kwh;
    arc.emission_t_per_mwh = link.emission_t_per_mwh;
    arc.loss_pct = link.loss_pct;
    arc.product = link.carrier;
    net.addArc(std::move(arc), link.from, link.to);
  }

  for (const auto& line : park.lines) {
    if (lineDemandKw(line) > 0 && !named.contains(line.id) && !named.contains(line.building)) {
      net.network().unlinked_consumers.push_back(line.id);
    }
  }
  for (const auto& u : park.utilities) {
    if (u.kind == "charger" && !named.contains(u.id)) net.network().unlinked_consumers.push_back(u.id);
  }
  return net.take();
}

}  // namespace parktwin::flow
