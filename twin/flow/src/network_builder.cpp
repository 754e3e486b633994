// Park -> material and energy networks. The rules are in network.hpp; the why is here.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "huge_pages.hpp"
#include "id_table.hpp"
#include "note_words.hpp"
#include "solve_buffers.hpp"
#include "parktwin/common/number_text.hpp"
#include "parktwin/flow/arc_text.hpp"
#include "parktwin/flow/constants.hpp"
#include "parktwin/flow/network.hpp"
#include "parktwin/sim/pv_year.hpp"
#include "parktwin/model/object_index.hpp"

namespace parktwin::flow {
namespace {

bool isPrimaryMetal(std::optional<model::Product> product) {
  using enum model::Product;
  return product == molten_aluminium || product == ingot || product == recycled_aluminium;
}

// What a park object is, as far as the flow layer cares. Points into the park.
struct ObjectInfo {
  const std::string* id = nullptr;
  const std::string* name = nullptr;  // English
  std::string_view kind;  // the word of its kind (kinds.hpp)
  const model::ProductionLine* line = nullptr;
  const model::Building* building = nullptr;
  const model::Utility* utility = nullptr;
  const model::ExternalNode* external = nullptr;
};

// The park's objects as the flow builder numbers them (slots): the slots of model::ObjectIndex,
// the one index of what an id is, so that links, nodes and per-object tallies are plain
// vectors (string-keyed maps cost a third of building a 50k-link network). An id that no
// object has (a link to something undeclared) gets a slot after those, named by its id, as
// do ids the flow layer has no part for (an enterprise, a machine group, a zone).
// Which part an id plays, where two kinds of object share it: the first building, utility or
// external with it, and a line over any of them.
// Objects not built yet (a planned building, the lines in it, a planned utility) are marked
// unbuilt unless `built` names them (a scenario commissions them): they are not in the park's
// flows, and neither are the links that touch them.
class FlowObjects {
 public:
  FlowObjects(const model::Park& park, const std::set<std::string>& built)
      : index_(park), ids_(index_.size(), [this](std::size_t slot) -> const std::string& { return index_.at(slot).id; }) {
    objects_.resize(index_.size());
    for (std::size_t slot = 0; slot < index_.size(); ++slot) {
      const std::string& id = index_.at(slot).id;
      objects_[slot] = ObjectInfo{&id, &id, "object"};
    }
    unbuilt_.assign(index_.size(), 0);
    const auto unbuilt = [&](const std::string& id, bool planned) { return planned && !built.contains(id); };
    for (const auto& b : park.buildings) declare(ObjectInfo{&b.id, &b.name.en, toText(b.kind), nullptr, &b}, unbuilt(b.id, b.planned));
    for (const auto& u : park.utilities) {
      declare(ObjectInfo{&u.id, &u.name.en, toText(u.kind), nullptr, nullptr, &u}, unbuilt(u.id, u.planned));
    }
    for (const auto& x : park.externals) declare(ObjectInfo{&x.id, &x.name.en, toText(x.kind), nullptr, nullptr, nullptr, &x}, false);
    for (const auto& l : park.lines) {
      const int building = find(l.building);
      const bool inUnbuiltBuilding = building >= 0 && isUnbuilt(building) && (*this)[building].building;
      const auto at = static_cast<std::size_t>(find(l.id));
      objects_[at] = ObjectInfo{&l.id, &l.name.en, toText(l.kind), &l};
      unbuilt_[at] = inUnbuiltBuilding;
    }
    linesIn_.resize(objects_.size());
    for (const auto& l : park.lines) {
      if (const int at = find(l.building); at >= 0 && declared(at)) linesIn_[static_cast<std::size_t>(at)].push_back(&l);
    }
  }

  int slot(const std::string& id) {
    if (const int at = find(id); at >= 0) return at;
    const int at = static_cast<int>(objects_.size());
    undeclared_.emplace(id, at);
    objects_.push_back(ObjectInfo{&id, &id, "object"});
    unbuilt_.push_back(0);
    linesIn_.emplace_back();
    return at;
  }
  int find(const std::string& id) const {
    if (const int at = ids_.find(id); at >= 0) return at;  // index_.slotOf(id), faster
    const auto it = undeclared_.find(id);
    return it == undeclared_.end() ? -1 : it->second;
  }
  const ObjectInfo& operator[](int slot) const { return objects_[static_cast<std::size_t>(slot)]; }
  bool isUnbuilt(int slot) const { return unbuilt_[static_cast<std::size_t>(slot)] != 0; }
  bool isUnbuilt(const std::string& id) const {
    const int at = find(id);
    return at >= 0 && isUnbuilt(at);
  }
  const std::vector<const model::ProductionLine*>& linesIn(int slot) const { return linesIn_[static_cast<std::size_t>(slot)]; }
  std::size_t size() const { return objects_.size(); }

 private:
  // A building, utility or external: the first object with an id keeps it.
  void declare(const ObjectInfo& info, bool unbuilt) {
    const auto at = static_cast<std::size_t>(find(*info.id));
    if (declared(static_cast<int>(at))) return;
    objects_[at] = info;
    unbuilt_[at] = unbuilt ? 1 : 0;
  }
  bool declared(int slot) const {
    const ObjectInfo& info = (*this)[slot];
    return info.line || info.building || info.utility || info.external;
  }

  model::ObjectIndex index_;
  detail::IdTable ids_;  // index_'s id -> slot
  std::unordered_map<std::string_view, int> undeclared_;  // ids no park object has, after the index's slots
  std::vector<ObjectInfo> objects_;
  std::vector<char> unbuilt_;  // per slot
  std::vector<std::vector<const model::ProductionLine*>> linesIn_;
};

// The slots of each link's two ends, and the objects the links name in order of first mention.
// A link to or from an unbuilt object is left out (`left_out`) and names neither end.
struct LinkEnds {
  std::vector<std::pair<int, int>> ends;
  std::vector<char> left_out;  // per link
  std::vector<int> named;
  std::vector<char> isNamed;  // per slot
};

template <typename Link>
LinkEnds linkEnds(const std::vector<Link>& links, FlowObjects& objects) {
  LinkEnds result;
  result.ends.reserve(links.size());
  result.left_out.reserve(links.size());
  // A park lists an object's links together (the 100k-node park: 12 out of each processor),
  // so an end that repeats the last link's end reuses its slot instead of hashing the id again.
  const std::string* lastFrom = nullptr;
  int lastFromSlot = -1;
  for (const auto& link : links) {
    if (!lastFrom || *lastFrom != link.from) {
      lastFromSlot = objects.slot(link.from);
      lastFrom = &link.from;
    }
    const int from = lastFromSlot, to = objects.slot(link.to);
    result.ends.emplace_back(from, to);
    result.left_out.push_back(objects.isUnbuilt(from) || objects.isUnbuilt(to) ? 1 : 0);
  }
  result.isNamed.assign(objects.size(), 0);
  for (std::size_t i = 0; i < result.ends.size(); ++i) {
    if (result.left_out[i]) continue;
    const auto [from, to] = result.ends[i];
    for (int slot : {from, to}) {
      if (!result.isNamed[static_cast<std::size_t>(slot)]) {
        result.isNamed[static_cast<std::size_t>(slot)] = 1;
        result.named.push_back(slot);
      }
    }
  }
  return result;
}

// Shared network assembly: a node per object slot (and an output node for split ones), arcs
// with override and failure handling.
class NetworkAssembler {
 public:
  // `room`: an earlier network whose arcs' and nodes' room is reused (its contents are dropped).
  NetworkAssembler(Quantity quantity, const FlowOverrides& overrides, const FlowObjects& objects, FlowNetwork room)
      : overrides_(overrides), objects_(objects), node_(objects.size(), -1), outNode_(objects.size(), -1),
        failed_(objects.size(), 0) {
    network_.arcs = std::move(room.arcs);
    network_.nodes = std::move(room.nodes);
    network_.arcs.clear();
    network_.nodes.clear();
    network_.quantity = quantity;
    network_.nodes.push_back({"", "super-source", NodeRole::super_source, "source"});
    network_.nodes.push_back({"", "super-sink", NodeRole::super_sink, "sink"});
    network_.source = 0;
    network_.sink = 1;
    for (const auto& id : overrides.failed) {
      if (int slot = objects.find(id); slot >= 0) failed_[static_cast<std::size_t>(slot)] = 1;
    }
  }

  // Room for every arc and node at once, so that half a million arcs (strings and all) are
  // not moved again as the vectors grow (no gain measurable on the loaded host: docs/flow.md).
  // On huge pages where the system allows it: the 100k-node park's material arcs are 59 MB,
  // fresh memory on every solve (huge_pages.hpp says why).
  void reserve(std::size_t links) {
    detail::reserveOnHugePages(network_.arcs, links + 3 * objects_.size());
    detail::reserveOnHugePages(network_.nodes, 2 * objects_.size() + 2);
  }

  int node(int slot) const { return node_[static_cast<std::size_t>(slot)]; }
  // Where a slot's flow leaves: its output node if split or sending from its own node.
  int exitNode(int slot) const {
    const int out = outNode_[static_cast<std::size_t>(slot)];
    return out >= 0 ? out : node(slot);
  }

  int addNode(int slot) {
    int& index = node_[static_cast<std::size_t>(slot)];
    if (index < 0) index = pushNode(*objects_[slot].id, slot, NodeRole::junction);
    return index;
  }

  // A second node for the object, "<id>#out", that its outgoing links leave from.
  int addOutputNode(int slot, NodeRole role) {
    int& index = outNode_[static_cast<std::size_t>(slot)];
    if (index < 0) index = pushNode(*objects_[slot].id + "#out", slot, role);
    return index;
  }

  FlowNode& at(int index) { return network_.nodes[static_cast<std::size_t>(index)]; }

  // Adds an arc; the override for its id replaces the capacity, a failed id or failed end
  // object takes it out (capacity 0, kept so arc indices stay stable).
  FlowArc& addArc(FlowArc arc, int objectA = -1, int objectB = -1) {
    if (!overrides_.arc_capacity.empty()) {
      if (auto it = overrides_.arc_capacity.find(arc.id); it != overrides_.arc_capacity.end()) arc.capacity = it->second;
    }
    const auto failed = [this](int slot) { return slot >= 0 && failed_[static_cast<std::size_t>(slot)]; };
    if (failed(objectA) || failed(objectB) || (!overrides_.failed.empty() && overrides_.failed.contains(arc.id))) {
      arc.capacity = 0;
    }
    network_.arcs.push_back(std::move(arc));
    return network_.arcs.back();
  }

  // `entryNode` is where the supply enters (the object's node unless given).
  // `meritWeight` ranks the source in the dispatch only; a supply arc pays nothing (the tariff
  // is on the source's links).
  void addSupply(int slot, double capacity, double meritWeight, SourceKind kind, double emission, int entryNode = -1) {
    const std::string& id = *objects_[slot].id;
    if (auto it = overrides_.supply.find(id); it != overrides_.supply.end()) capacity = it->second;
    FlowArc arc;
    arc.id = "supply:" + id;
    arc.from = network_.source;
    arc.to = entryNode >= 0 ? entryNode : node(slot);
    arc.kind = ArcKind::supply;
    arc.capacity = capacity;
    arc.dispatch_cost_per_unit = meritWeight;
    arc.source = kind;
    arc.emission_t_per_mwh = emission;
    at(arc.to).role = NodeRole::producer;
    addArc(std::move(arc), slot);
  }

  // `exitNode` is where the consumer's flow leaves: its output half if split.
  void addDemand(int slot, int exitNode, double capacity, bool required = true) {
    const std::string& id = *objects_[slot].id;
    if (auto it = overrides_.demand.find(id); it != overrides_.demand.end()) capacity = it->second;
    FlowArc arc;
    arc.id = "demand:" + id;
    arc.from = exitNode;
    arc.to = network_.sink;
    arc.kind = ArcKind::demand;
    arc.capacity = capacity;
    arc.required = required;
    at(exitNode).role = NodeRole::consumer;
    addArc(std::move(arc), slot);
  }

  // Splits the object into input and output joined by a throughput arc.
  void split(int slot, double capacity) {
    FlowArc arc;
    arc.id = "throughput:" + *objects_[slot].id;
    arc.from = node(slot);
    arc.to = addOutputNode(slot, NodeRole::line_output);
    arc.kind = ArcKind::throughput;
    arc.capacity = capacity;
    addArc(std::move(arc), slot);
  }

  FlowNetwork take() { return std::move(network_); }
  FlowNetwork& network() { return network_; }

 private:
  int pushNode(std::string id, int slot, NodeRole role) {
    network_.nodes.push_back({std::move(id), *objects_[slot].name, role, std::string(objects_[slot].kind)});
    return static_cast<int>(network_.nodes.size()) - 1;
  }

  const FlowOverrides& overrides_;
  const FlowObjects& objects_;
  FlowNetwork network_;
  std::vector<int> node_, outNode_;  // per slot, -1 when absent
  std::vector<char> failed_;         // per slot
};

// The cost scaling solver's work grows with log(largest cost / resolution); these are finer
// than any tariff or transport price is quoted (fen per tonne, 1 yuan per MWh).
constexpr double kMaterialCostResolutionYuanPerT = 0.01;
constexpr double kEnergyCostResolutionYuanPerKwh = 0.001;

// JSON pointers for messages that say where to add a key ("/lines/3 (cast)").
template <typename Object>
std::string pathIn(const std::vector<Object>& list, const char* section, const std::string& id) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].id == id) return "/" + std::string(section) + "/" + std::to_string(i) + " (" + id + ")";
  }
  return "\"" + id + "\"";
}
std::string linePath(const model::Park& park, const std::string& id) { return pathIn(park.lines, "lines", id); }
std::string utilityPath(const model::Park& park, const std::string& id) { return pathIn(park.utilities, "utilities", id); }

// What a source gives without an override (see SupplyBasis). On a yearly average, PV gives
// its yearly yield (sim/pv_year.hpp) and storage without a yearly figure gives nothing: it only
// shifts energy, what it sends out it took in before (plus its losses). These are rules, not
// guesses, so they add no note; a hydro plant without a yearly figure is a guess.
double availablePowerKw(const model::Utility& u, const model::Park& park, SupplyBasis basis,
                        std::vector<model::LocalizedText>& notes) {
  using enum model::UtilityKind;
  if (basis == SupplyBasis::rated_power || u.kind == grid_tie) return u.power_kw;
  if (u.kind == pv) return std::min(u.power_kw, sim::pvAnnualEnergyKwh(u, park.latitude_deg) / kHoursPerYear);
  if (u.annual_energy_kwh > 0) return std::min(u.power_kw, u.annual_energy_kwh / kHoursPerYear);
  if (u.kind == battery || u.kind == pumped_storage) return 0;
  const std::string rated = quantityText(u.power_kw, "kW"), path = utilityPath(park, u.id);
  notes.push_back({detail::zhNamed(park, u.id) + "：没有 annual_energy_kwh，按额定功率 " + rated + " 作为全年平均；请在 " + path +
                       " 中加上 \"annual_energy_kwh\"",
                   u.id + ": no annual_energy_kwh, so its rated " + rated +
                       " is taken as its yearly average; add \"annual_energy_kwh\" to " + path});
  return u.power_kw;
}

// The first line the links name (directly or through its building), for messages that say
// where a link is missing.
model::LocalizedText firstNamedLine(const model::Park& park, const FlowObjects& objects, const LinkEnds& links) {
  const auto line = [&](const std::string& id) {
    const std::string path = linePath(park, id);
    return model::LocalizedText{"产线 " + path + " ", "line " + path};
  };
  for (int slot : links.named) {
    if (objects[slot].line) return line(*objects[slot].id);
    for (const auto* named : objects.linesIn(slot)) return line(named->id);
  }
  return {"一条产线（\"lines\"）", "a line (\"lines\")"};
}

// Whether an energy link names the object `id` (an end of one).
bool linkNames(const FlowObjects& objects, const LinkEnds& links, const std::string& id) {
  const int slot = objects.find(id);
  return slot >= 0 && static_cast<std::size_t>(slot) < links.isNamed.size() && links.isNamed[static_cast<std::size_t>(slot)];
}

// Lines that draw power but that no energy link reaches, directly or through their building:
// their electricity is in no total (the caller lists them, so the user learns why).
std::vector<const model::ProductionLine*> unlinkedLoadLines(const model::Park& park, const FlowObjects& objects, const LinkEnds& links) {
  std::vector<const model::ProductionLine*> out;
  for (const auto& line : park.lines) {
    if (lineDemandKw(line) > 0 && !linkNames(objects, links, line.id) && !linkNames(objects, links, line.building) &&
        !objects.isUnbuilt(line.id)) {
      out.push_back(&line);
    }
  }
  return out;
}

// Why no energy link reaches a load: the linked lines (or the lines in linked buildings) draw
// nothing, and the lines that draw power are not linked. Names each with its JSON path and
// what would make it a load.
model::LocalizedText explainNoLoad(const model::Park& park, const FlowObjects& objects, const LinkEnds& links) {
  model::LocalizedText unlinked;
  const auto lines = unlinkedLoadLines(park, objects, links);
  for (const auto* line : lines) {
    const std::string path = linePath(park, line->id);
    unlinked.zh += (unlinked.zh.empty() ? "" : "、") + path + "（在建筑 \"" + line->building + "\" 中）";
    unlinked.en += (unlinked.en.empty() ? "" : ", ") + path + " in building \"" + line->building + "\"";
  }
  if (!lines.empty()) {
    const bool one = lines.size() == 1;
    unlinked.zh = "；另外没有能源连接到达 " + unlinked.zh + (one ? "，它耗电：请连接它或其所在建筑" : "，它们耗电：请连接它们或其所在建筑");
    unlinked.en = "; and no energy link reaches " + unlinked.en +
                  (one ? ", which draws power: link it or its building" : ", which draw power: link them or their buildings");
  }
  std::string silent, silentZh;
  const auto addLine = [&](const model::ProductionLine& line) {
    if (lineDemandKw(line) > 0) return;
    silent += (silent.empty() ? "" : ", ") + linePath(park, line.id);
    silentZh += (silentZh.empty() ? "" : "、") + linePath(park, line.id);
  };
  for (int slot : links.named) {
    if (objects[slot].line) addLine(*objects[slot].line);
    for (const auto* line : objects.linesIn(slot)) addLine(*line);
  }
  if (!silent.empty()) {
    return {"能源连接到达的产线不耗电；请给 " + silentZh + " 加上 \"power_kw\"（千瓦，加在产线或其设备上）或 \"energy_kwh_per_t\""
            "（连同 capacity_t_per_year）" + unlinked.zh,
            "the energy links reach lines that draw no power; add \"power_kw\" (kW, to the line or its machines) or "
            "\"energy_kwh_per_t\" (with capacity_t_per_year) to " + silent + unlinked.en};
  }
  return {"请加一条能源连接（\"energy_links\"），从电网或变电站连到一条产线、其所在建筑或充电站" + unlinked.zh,
          "add an energy link (\"energy_links\") from the grid or substation to a line, to the building it is in, "
          "or to a charger" + unlinked.en};
}

// A building's roof_pv_kwp draws its panels; the energy is a utility of kind pv housed in it
// (as the bundled parks do, so it is never counted twice). A roof without one gives nothing,
// which a park manager who wrote roof_pv_kwp would not guess: say so.
void noteRoofPvWithoutUtility(const model::Park& park, std::vector<model::LocalizedText>& notes) {
  for (std::size_t i = 0; i < park.buildings.size(); ++i) {
    const auto& b = park.buildings[i];
    if (b.roof_pv_kwp <= 0) continue;
    const bool housed = std::ranges::any_of(park.utilities, [&](const model::Utility& u) {
      return u.kind == model::UtilityKind::pv && u.building == b.id;
    });
    if (housed) continue;
    const std::string kwp = quantityText(b.roof_pv_kwp, "kWp"), path = "/buildings/" + std::to_string(i);
    notes.push_back({detail::zhNamed(park, b.id) + "：屋顶光伏（roof_pv_kwp " + kwp + "）只画出，不计发电；要计入其电量，请加一个 kind 为 "
                         "\"pv\"、\"building\": \"" + b.id + "\" 并给出 power_kw 的公用设施，并在 \"energy_links\" 中连接（" + path + "）",
                     b.id + ": its rooftop PV (roof_pv_kwp " + kwp +
                         ") is drawn only; for its energy add a utility of kind \"pv\" with \"building\": \"" + b.id +
                         "\" and its power_kw, linked in \"energy_links\" (" + path + ")"});
  }
}

// What a line draws: its demand override (its measured power at a moment) when there is one,
// else its design figure (lineDemandKw). A link may end at the line or at its building: both
// read this.
double lineLoadKw(const model::ProductionLine& line, const FlowOverrides& overrides) {
  const auto measured = overrides.demand.find(line.id);
  return measured != overrides.demand.end() ? measured->second : lineDemandKw(line);
}

// Chargers and hydrogen stations: utilities that draw power rather than give it.
bool isEnergyUser(const model::Utility& u) {
  return u.kind == model::UtilityKind::charger || u.kind == model::UtilityKind::hydrogen;
}

// A utility's place in the energy network: a source, a split (substation) or a load.
void addUtility(NetworkAssembler& net, int slot, const model::Utility& u, const model::Park& park,
                const FlowOverrides& overrides, double gridEmission, bool& anySource, bool& anyLoad) {
  const auto source = [&](SourceKind kind, double merit, double emission) {
    net.addSupply(slot, availablePowerKw(u, park, overrides.supply_basis, net.network().notes), merit, kind, emission);
    anySource = true;
  };
  using enum model::UtilityKind;
  switch (u.kind) {
    case grid_tie: source(SourceKind::grid, kMeritGridYuanPerKwh, gridEmission); break;
    case pv: source(SourceKind::pv, kMeritPvYuanPerKwh, 0); break;
    case reservoir_hydro: source(SourceKind::reservoir_hydro, kMeritReservoirHydroYuanPerKwh, 0); break;
    case substation: net.split(slot, u.power_kw); break;
    case battery:
    case pumped_storage: {
      const bool isBattery = u.kind == battery;
      source(isBattery ? SourceKind::battery : SourceKind::pumped_storage,
             isBattery ? kMeritBatteryYuanPerKwh : kMeritPumpedStorageYuanPerKwh, 0);
      // Charging now (a demand override, from the measured state): a load on the storage
      // node, fed through its charging link like any consumer.
      if (auto charging = overrides.demand.find(u.id); charging != overrides.demand.end() && charging->second > 0) {
        net.addDemand(slot, net.node(slot), charging->second);
        anyLoad = true;
      }
      break;
    }
    case charger:
    case hydrogen:
      // power_kw is the whole site's rating (all its charge points; a hydrogen refuelling
      // station's compressors), as the simulator and the site's feeder read it.
      net.addDemand(slot, net.node(slot), u.power_kw);
      anyLoad = true;
      break;
  }
}

// Objects that send energy of their own into the park: the grid (a grid tie, a grid external)
// and local generation and storage. Their links are where energy enters and is bought.
bool isEnergySource(const ObjectInfo& info) {
  if (info.external) return info.external->kind == model::ExternalKind::grid;
  if (!info.utility || info.line) return false;
  using enum model::UtilityKind;
  const model::UtilityKind kind = info.utility->kind;
  return kind == grid_tie || kind == pv || kind == reservoir_hydro || kind == battery || kind == pumped_storage;
}

bool isGridSource(const ObjectInfo& info) {
  if (info.external) return info.external->kind == model::ExternalKind::grid;
  return info.utility && !info.line && info.utility->kind == model::UtilityKind::grid_tie;
}

// Objects the grid's energy reaches, from the grid's links on, through objects that are not
// other sources (a battery or PV plant sends energy of its own): all paths (`viaCharging`) or
// only paths on links that do not charge the figure.
std::vector<char> reachedFromGrid(const FlowObjects& objects, const LinkEnds& links, const std::vector<char>& charges,
                                  bool viaCharging) {
  // Links out of each slot, compressed (offsets into one vector): 50k-link parks build this.
  std::vector<std::size_t> first(objects.size() + 1, 0);
  for (std::size_t i = 0; i < links.ends.size(); ++i) {
    if (!links.left_out[i]) ++first[static_cast<std::size_t>(links.ends[i].first) + 1];
  }
  for (std::size_t slot = 0; slot < objects.size(); ++slot) first[slot + 1] += first[slot];
  std::vector<std::size_t> out(first.back()), next(first.begin(), first.end() - 1);
  for (std::size_t i = 0; i < links.ends.size(); ++i) {
    if (!links.left_out[i]) out[next[static_cast<std::size_t>(links.ends[i].first)]++] = i;
  }
  std::vector<char> reached(objects.size(), 0);
  std::vector<int> todo;
  const auto follow = [&](std::size_t link) {
    const int to = links.ends[link].second;
    if (reached[static_cast<std::size_t>(to)] || (!viaCharging && charges[link])) return;
    if (isEnergySource(objects[to]) && !isGridSource(objects[to])) return;
    reached[static_cast<std::size_t>(to)] = 1;
    todo.push_back(to);
  };
  for (std::size_t i = 0; i < links.ends.size(); ++i) {
    if (!links.left_out[i] && isGridSource(objects[links.ends[i].first])) follow(i);
  }
  while (!todo.empty()) {
    const auto slot = static_cast<std::size_t>(todo.back());
    todo.pop_back();
    for (std::size_t k = first[slot]; k < first[slot + 1]; ++k) follow(out[k]);
  }
  return reached;
}

// Per link: whether its figure (a price, a CO2 factor) counts. A kWh bought from the grid is
// paid for and emits once, on the first link on its way that carries the figure: an object
// the grid's energy reaches only through such links passes it on, and the figure on its own
// links would count the same kWh again (QA: grid -> substation -> hall, both links at 0.62 yuan
// and 0.57 t/MWh, billed 1.24 yuan/kWh). An object some uncharged path reaches (a substation
// behind an unpriced grid link) pays its links' figures: a park may price energy there. Other
// sources are not the grid's energy: a battery or Panlong sells its own at its link's price
// (though the grid energy that charged it was paid), and PV next to the grid stays free.
// `carries`: per link, it has the figure; `chargedAtSource`: per slot, a grid whose supply
// already has it (the park's grid factor on a grid with no factor on its links).
std::vector<char> countedFigures(const FlowObjects& objects, const LinkEnds& links, const std::vector<char>& carries,
                                 const std::vector<char>& chargedAtSource) {
  std::vector<char> charges(links.ends.size(), 0);
  for (std::size_t i = 0; i < charges.size(); ++i) {
    charges[i] = carries[i] || chargedAtSource[static_cast<std::size_t>(links.ends[i].first)];
  }
  const std::vector<char> reached = reachedFromGrid(objects, links, charges, true);
  const std::vector<char> unpaid = reachedFromGrid(objects, links, charges, false);
  std::vector<char> counted(links.ends.size(), 0);
  for (std::size_t i = 0; i < links.ends.size(); ++i) {
    const auto from = static_cast<std::size_t>(links.ends[i].first);
    const bool passesOn = reached[from] && !unpaid[from];
    counted[i] = carries[i] && !links.left_out[i] && !passesOn;
  }
  return counted;
}

// The energy links' prices and CO2 factors that count (countedFigures), in park order.
std::vector<EnergyLinkCharge> chargedLinks(const model::Park& park, const FlowObjects& objects, const LinkEnds& links) {
  std::vector<char> priced, emitting;
  for (const auto& link : park.energy_links) {
    priced.push_back(link.cost_yuan_per_kwh > 0);
    emitting.push_back(link.emission_t_per_mwh > 0);
  }
  // The grid's energy emits where it enters: on its links' factor, else on the park's, which
  // goes on its supply arc only where none of its links carries a factor (gridEmission in
  // buildEnergyNetwork): a grid with a factor on one link but not another emits nothing at the
  // source, so the unfactored link's energy counts on the first factored link downstream.
  std::vector<char> linkFactor(objects.size(), 0);
  for (std::size_t i = 0; i < park.energy_links.size(); ++i) {
    if (!links.left_out[i] && emitting[i]) linkFactor[static_cast<std::size_t>(links.ends[i].first)] = 1;
  }
  std::vector<char> gridEmits(objects.size(), 0);
  if (park.grid_emission_t_per_mwh > 0) {
    for (std::size_t slot = 0; slot < objects.size(); ++slot) {
      gridEmits[slot] = isGridSource(objects[static_cast<int>(slot)]) && !linkFactor[slot];
    }
  }
  const std::vector<char> cost = countedFigures(objects, links, priced, std::vector<char>(objects.size(), 0));
  const std::vector<char> emission = countedFigures(objects, links, emitting, gridEmits);
  std::vector<EnergyLinkCharge> out(park.energy_links.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = {cost[i] != 0, emission[i] != 0};
  return out;
}

// Says which links' figures a park gives that do not count (countedFigures), so that a
// manager who priced every link learns why the bill is not their sum.
void noteUncountedFigures(const model::Park& park, const std::vector<EnergyLinkCharge>& charged, const LinkEnds& links,
                          std::vector<model::LocalizedText>& notes) {
  std::string ids, idsZh;
  std::size_t count = 0;
  for (std::size_t i = 0; i < charged.size(); ++i) {
    const model::EnergyLink& link = park.energy_links[i];
    const bool idle = (link.cost_yuan_per_kwh > 0 && !charged[i].cost) || (link.emission_t_per_mwh > 0 && !charged[i].emission);
    if (!idle || links.left_out[i]) continue;
    if (++count <= 5) {
      ids += (ids.empty() ? "" : ", ") + link.id;
      idsZh += (idsZh.empty() ? "" : "、") + link.id;
    }
  }
  if (count == 0) return;
  if (count > 5) {
    ids += " and " + std::to_string(count - 5) + " more";
    idsZh += " 等另外 " + std::to_string(count - 5) + " 条";
  }
  notes.push_back({"能源连接 " + idsZh + "：其 cost_yuan_per_kwh / emission_t_per_mwh 不计入：它们转送的电网电量已在进入园区处"
                   "付费并计排放（每千瓦时只计一次，计在其路径上第一条带该数值的连接上；见 docs/park-format.md，energy_links）",
                   "energy links " + ids + ": their cost_yuan_per_kwh / emission_t_per_mwh are not counted: they pass on grid "
                   "energy already paid for and emitted where it entered the park (a kWh counts once, on the first "
                   "link on its way that carries the figure; docs/park-format.md, energy_links)"});
}

// One arc per link that is not left out, from its source's exit node to its target's node;
// `fill` sets what material and energy links carry differently (capacity, cost, product).
template <typename Link, typename Fill>
void addLinkArcs(NetworkAssembler& net, const std::vector<Link>& parkLinks, const LinkEnds& links, Fill fill) {
  net.network().arcs.reserve(net.network().arcs.size() + parkLinks.size());
  for (std::size_t i = 0; i < parkLinks.size(); ++i) {
    if (links.left_out[i]) continue;
    const auto [from, to] = links.ends[i];
    FlowArc arc;
    arc.id = parkLinks[i].id;
    arc.from = net.exitNode(from);
    arc.to = net.node(to);
    arc.loss_pct = parkLinks[i].loss_pct;
    fill(arc, parkLinks[i], i, to);
    net.addArc(std::move(arc), from, to);
  }
}

// The energy links' arcs, carrying only the prices and factors that count (chargedLinks);
// notes the others.
void addEnergyLinkArcs(NetworkAssembler& net, const model::Park& park, const FlowObjects& objects, const LinkEnds& links) {
  const std::vector<EnergyLinkCharge> charged = chargedLinks(park, objects, links);
  addLinkArcs(net, park.energy_links, links, [&](FlowArc& arc, const model::EnergyLink& link, std::size_t i, int) {
    arc.capacity = link.capacity_kw;
    arc.money_yuan_per_unit = charged[i].cost ? link.cost_yuan_per_kwh : 0;
    arc.dispatch_cost_per_unit = arc.money_yuan_per_unit;
    arc.emission_t_per_mwh = charged[i].emission ? link.emission_t_per_mwh : 0;
    arc.product = toText(link.carrier);
  });
  noteUncountedFigures(park, charged, links, net.network().notes);
}

// Lines, chargers and hydrogen stations that draw power but that no energy link reaches.
void listUnlinkedConsumers(const model::Park& park, const FlowObjects& objects, const LinkEnds& links, FlowNetwork& network) {
  for (const auto* line : unlinkedLoadLines(park, objects, links)) network.unlinked_consumers.push_back(line->id);
  for (const auto& u : park.utilities) {
    if (isEnergyUser(u) && !linkNames(objects, links, u.id) && !objects.isUnbuilt(u.id)) {
      network.unlinked_consumers.push_back(u.id);
    }
  }
}

// Each gap's words in the builders' messages: one table writes them (failWith) and reads them
// back (networkGapOf), so the two cannot drift apart.
struct GapWords {
  NetworkGap gap;
  std::string_view words;     // "<network> network: <reason>", as the message spells it
  std::string_view words_zh;  // the same in Chinese (read back from the English only)
};
constexpr GapWords kGapWords[] = {
    {NetworkGap::no_material_links, "material network: the park has no material links", "物料网络：园区没有物料连接"},
    {NetworkGap::no_origin, "material network: no origin", "物料网络：没有物料来源"},
    {NetworkGap::no_consumer, "material network: no consumer", "物料网络：没有物料去处"},
    {NetworkGap::no_energy_links, "energy network: the park has no energy links", "能源网络：园区没有能源连接"},
    {NetworkGap::no_source, "energy network: no source", "能源网络：没有电源"},
    {NetworkGap::no_load, "energy network: no load", "能源网络：没有用电负荷"}};

// Fails with "<park>: <network> network: <reason><separator><how to fix it>" (`separator`
// "; " or ": "), and the same in Chinese with the park's Chinese name.
std::unexpected<model::LocalizedText> failWith(const model::Park& park, NetworkGap gap, std::string_view separator,
                                               const model::LocalizedText& fix) {
  const auto& words = *std::find_if(std::begin(kGapWords), std::end(kGapWords),
                                    [gap](const GapWords& w) { return w.gap == gap; });
  const std::string parkZh = park.name.zh.empty() ? park.id : park.name.zh;
  return std::unexpected(model::LocalizedText{
      parkZh + "：" + std::string(words.words_zh) + (separator == "; " ? "；" : "：") + fix.zh,
      park.id + ": " + std::string(words.words) + std::string(separator) + fix.en});
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

std::string FlowNetwork::describeArc(int arc) const { return flow::describeArc(*this, arc, nullptr, "en"); }

double lineDemandKw(const model::ProductionLine& line) {
  if (line.power_kw > 0) return line.power_kw;
  const double byEnergy = line.energy_kwh_per_t * line.capacity_t_per_year / kHoursPerYear;
  if (byEnergy > 0) return byEnergy;
  // A line described by its machines (24 die bonders of 6 kW, no line total, no tonnes): their
  // rated power, as the simulator rates such a line; without it the line drew nothing here.
  double machines = 0;
  for (const auto& group : line.machines) machines += group.power_kw * group.count;
  return machines;
}

Result<FlowNetwork> buildMaterialNetwork(const model::Park& park, const FlowOverrides& overrides) {
  auto built = detail::buildMaterialNetwork(park, overrides, {});
  if (!built) return fail(built.error().en);
  return std::move(*built);
}

Result<FlowNetwork> buildEnergyNetwork(const model::Park& park, const FlowOverrides& overrides) {
  auto built = detail::buildEnergyNetwork(park, overrides, {});
  if (!built) return fail(built.error().en);
  return std::move(*built);
}

detail::BuiltNetwork detail::buildMaterialNetwork(const model::Park& park, const FlowOverrides& overrides, FlowNetwork room) {
  if (park.material_links.empty()) {
    return failWith(park, NetworkGap::no_material_links, "; ",
                    {"请在顶层加上 \"material_links\"：每条产线一条进料连接（来自 supplier 外部对象或另一条产线），一条出料连接"
                     "（到 market 外部对象）（见 docs/park-format.md，material_links）",
                     "add \"material_links\" (top level): one into each line from a supplier external or another "
                     "line, one out of it to a market external (docs/park-format.md, material_links)"});
  }
  FlowObjects objects(park, overrides.built);
  const LinkEnds links = linkEnds(park.material_links, objects);
  NetworkAssembler net(Quantity::material_t_per_h, overrides, objects, std::move(room));
  net.reserve(park.material_links.size());
  net.network().cost_resolution = kMaterialCostResolutionYuanPerT;
  const std::size_t slots = objects.size();
  std::vector<char> hasOutgoing(slots, 0), hasIncoming(slots, 0);
  std::vector<double> inCapacity(slots, 0), outCapacity(slots, 0);
  for (std::size_t i = 0; i < park.material_links.size(); ++i) {
    if (links.left_out[i]) continue;
    const auto [from, to] = links.ends[i];
    hasOutgoing[static_cast<std::size_t>(from)] = 1;
    hasIncoming[static_cast<std::size_t>(to)] = 1;
    inCapacity[static_cast<std::size_t>(to)] += park.material_links[i].capacity_t_per_hour;
    outCapacity[static_cast<std::size_t>(from)] += park.material_links[i].capacity_t_per_hour;
  }

  struct Role {
    double produce_t_per_h = 0;  // primary metal made here
    double process_t_per_h = 0;  // what its other lines can take
  };
  std::vector<Role> roles(slots);
  const auto addLine = [](Role& role, const model::ProductionLine& line) {
    (isPrimaryMetal(line.product) ? role.produce_t_per_h : role.process_t_per_h) += line.capacity_t_per_year / kHoursPerYear;
  };

  for (int slot : links.named) {
    const ObjectInfo& info = objects[slot];
    net.addNode(slot);
    Role& role = roles[static_cast<std::size_t>(slot)];
    if (info.line) addLine(role, *info.line);
    if (info.building) {
      for (const auto* line : objects.linesIn(slot)) addLine(role, *line);
    }
  }

  // Metal enters at origins: primary-metal lines nothing feeds (potlines), and externals that
  // send material (suppliers; a market returning scrap). A line that is fed (a casthouse
  // making ingots from molten metal, a recycling line fed scrap) passes on what it gets, up to
  // its capacity, so nothing is counted twice.
  bool anyProducer = false, anyConsumer = false;
  for (int slot : links.named) {
    const auto at = static_cast<std::size_t>(slot);
    const ObjectInfo& info = objects[slot];
    const Role& role = roles[at];
    const double capacity = role.produce_t_per_h + role.process_t_per_h;
    if (info.external) {
      const bool receives = info.external->kind != model::ExternalKind::supplier && hasIncoming[at];
      if (hasOutgoing[at]) {
        // A market that also sends (scrap back) sends from its own node, so what it sends
        // cannot count as delivered to it.
        const int entry = receives ? net.addOutputNode(slot, NodeRole::producer) : net.node(slot);
        net.addSupply(slot, outCapacity[at], 0, SourceKind::material, 0, entry);
        anyProducer = true;
      }
      if (receives) {
        net.addDemand(slot, net.node(slot), inCapacity[at], false);
        anyConsumer = true;
      }
    } else if (role.produce_t_per_h > 0 && !hasIncoming[at]) {
      net.addSupply(slot, role.produce_t_per_h, 0, SourceKind::material, 0);
      anyProducer = true;
    } else if (hasOutgoing[at]) {
      if (capacity > 0) net.split(slot, capacity);  // a line passing its output on
    } else {
      net.addDemand(slot, net.node(slot), capacity > 0 ? capacity : inCapacity[at]);  // terminal
      anyConsumer = true;
    }
  }
  if (!anyProducer) {
    const model::LocalizedText line = firstNamedLine(park, objects, links);
    return failWith(park, NetworkGap::no_origin, ": ",
                    {"请在 \"externals\" 中加一个 kind 为 \"supplier\" 的外部对象，并加一条从它进入" + line.zh +
                         "的物料连接；或加一条生产 molten_aluminium、ingot 或 recycled_aluminium 且没有连接供料的产线",
                     "add an external of kind \"supplier\" to \"externals\" and a material link from it into " + line.en +
                         "; or a line making molten_aluminium, ingot or recycled_aluminium that no link feeds"});
  }
  if (!anyConsumer) {
    const model::LocalizedText line = firstNamedLine(park, objects, links);
    return failWith(park, NetworkGap::no_consumer, ": ",
                    {"请在 \"externals\" 中加一个 kind 为 \"market\" 的外部对象，并加一条从" + line.zh + "到它的物料连接",
                     "add an external of kind \"market\" to \"externals\" and a material link to it from " + line.en});
  }

  addLinkArcs(net, park.material_links, links, [&](FlowArc& arc, const model::MaterialLink& link, std::size_t, int to) {
    arc.capacity = link.capacity_t_per_hour;
    arc.money_yuan_per_unit = link.cost_yuan_per_t;
    arc.distance_m = link.distance_m;
    arc.product = toText(link.product);
    const Role& target = roles[static_cast<std::size_t>(to)];
    const bool intoProcessor = target.process_t_per_h > 0 && target.produce_t_per_h == 0 && !objects[to].external;
    arc.remelt = intoProcessor && link.product == model::Product::ingot;
    arc.direct_molten = intoProcessor && link.product == model::Product::molten_aluminium;
    if (arc.remelt) arc.money_yuan_per_unit += kRemeltPremiumYuanPerT;
    arc.dispatch_cost_per_unit = arc.money_yuan_per_unit;
  });
  return net.take();
}

detail::BuiltNetwork detail::buildEnergyNetwork(const model::Park& park, const FlowOverrides& overrides, FlowNetwork room) {
  if (park.energy_links.empty()) {
    return failWith(park, NetworkGap::no_energy_links, "; ",
                    {"请在顶层加上 \"energy_links\"：从 grid_tie 公用设施（或 grid 外部对象）连到每条产线或其所在建筑",
                     "add \"energy_links\" (top level) from a grid_tie utility (or a grid external) to each line "
                     "or to its building"});
  }
  FlowObjects objects(park, overrides.built);
  const LinkEnds links = linkEnds(park.energy_links, objects);
  NetworkAssembler net(Quantity::energy_kw, overrides, objects, std::move(room));
  net.reserve(park.energy_links.size());
  net.network().cost_resolution = kEnergyCostResolutionYuanPerKwh;
  std::vector<double> outCapacity(objects.size(), 0);
  std::vector<double> outEmission(objects.size(), 0);  // largest factor on a node's outgoing links
  for (std::size_t i = 0; i < park.energy_links.size(); ++i) {
    if (links.left_out[i]) continue;
    const auto from = static_cast<std::size_t>(links.ends[i].first);
    outCapacity[from] += park.energy_links[i].capacity_kw;
    outEmission[from] = std::max(outEmission[from], park.energy_links[i].emission_t_per_mwh);
  }
  for (int slot : links.named) net.addNode(slot);
  const auto named = [&](const std::string& id) { return linkNames(objects, links, id); };

  // The grid's factor goes on its supply arc unless its links carry their own factor.
  const auto gridEmission = [&](int slot) {
    return outEmission[static_cast<std::size_t>(slot)] > 0 ? 0.0 : park.grid_emission_t_per_mwh;
  };
  bool anySource = false, anyLoad = false;
  for (int slot : links.named) {
    const ObjectInfo& info = objects[slot];
    if (info.external && info.external->kind == model::ExternalKind::grid) {
      net.addSupply(slot, outCapacity[static_cast<std::size_t>(slot)], kMeritGridYuanPerKwh, SourceKind::grid, gridEmission(slot));
      anySource = true;
    } else if (info.utility) {
      addUtility(net, slot, *info.utility, park, overrides, gridEmission(slot), anySource, anyLoad);
    } else if (info.line) {
      net.addDemand(slot, net.node(slot), lineLoadKw(*info.line, overrides));
      anyLoad = true;
    } else if (info.building) {
      // Its lines that no link names: each at its measured power when the state has one, else
      // at its design figure (the same rule as a link ending at the line).
      // A building whose lines are all idle now (measured 0 kW) is still a load, of 0 kW.
      double demand = 0;
      bool drawsPower = false;
      for (const auto* line : objects.linesIn(slot)) {
        if (named(line->id)) continue;
        demand += lineLoadKw(*line, overrides);
        drawsPower = drawsPower || lineDemandKw(*line) > 0 || overrides.demand.contains(line->id);
      }
      if (drawsPower) {
        net.addDemand(slot, net.node(slot), demand);
        anyLoad = true;
      }
    }
  }
  if (!anySource) {
    return failWith(park, NetworkGap::no_source, ": ",
                    {"请加一个 kind 为 \"grid_tie\"（或 pv、battery、reservoir_hydro；或 grid 外部对象）的公用设施，并在 "
                     "\"energy_links\" 中加一条从它出发的能源连接",
                     "add a utility of kind \"grid_tie\" (or pv, battery, reservoir_hydro; or a grid external) and "
                     "an energy link from it in \"energy_links\""});
  }
  if (!anyLoad) return failWith(park, NetworkGap::no_load, ": ", explainNoLoad(park, objects, links));

  addEnergyLinkArcs(net, park, objects, links);
  listUnlinkedConsumers(park, objects, links, net.network());
  noteRoofPvWithoutUtility(park, net.network().notes);
  return net.take();
}

std::vector<EnergyLinkCharge> chargedEnergyLinks(const model::Park& park, const std::set<std::string>& built) {
  FlowObjects objects(park, built);
  const LinkEnds links = linkEnds(park.energy_links, objects);
  return chargedLinks(park, objects, links);
}

std::optional<NetworkGap> networkGapOf(std::string_view errorLine) {
  for (const GapWords& w : kGapWords) {
    const std::size_t at = errorLine.find(w.words);
    if (at == std::string_view::npos) continue;
    // The reason ends the words: "no load" must not match a longer reason that begins alike.
    const std::string_view after = errorLine.substr(at + w.words.size());
    if (after.empty() || after.front() == ':' || after.front() == ';') return w.gap;
  }
  return std::nullopt;
}

}  // namespace parktwin::flow
