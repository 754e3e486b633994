// Park file → Park. Field readers record every problem with its JSON path; cross-reference
// checks run on the whole park afterwards. Any problem means no park is returned.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

#include "parktwin/model/json_reader.hpp"
#include "parktwin/model/park_file.hpp"

namespace parktwin::model {
namespace {

using detail::json;
using detail::ObjectReader;
using detail::Problems;

constexpr double kCoordinateLimit_m = 100'000;  // a park fits in 100 km

LocalizedText readText(ObjectReader& parent, const std::string& key, Problems& problems, bool required = true) {
  const json* value = parent.object(key, required);
  if (!value) return {};
  ObjectReader r(*value, parent.pathOf(key), problems);
  LocalizedText text{r.string("zh"), r.string("en")};
  if (r.valid() && text.en.empty()) problems.add(r.pathOf("en"), "expected a non-empty name");
  if (r.valid() && text.zh.empty()) problems.add(r.pathOf("zh"), "expected a non-empty name");
  return text;
}

Point readPoint(const json& value, const std::string& path, Problems& problems) {
  ObjectReader r(value, path, problems);
  return Point{r.number("x_m", -kCoordinateLimit_m, kCoordinateLimit_m, true),
               r.number("y_m", -kCoordinateLimit_m, kCoordinateLimit_m, true)};
}

std::vector<Point> readPoints(ObjectReader& parent, const std::string& key, std::size_t minCount, Problems& problems) {
  std::vector<Point> points;
  const json* list = parent.array(key, true);
  if (!list) return points;
  for (std::size_t i = 0; i < list->size(); ++i) {
    points.push_back(readPoint((*list)[i], parent.pathOf(key) + "/" + std::to_string(i), problems));
  }
  if (points.size() < minCount) {
    problems.add(parent.pathOf(key), "expected at least " + std::to_string(minCount) + " points, got " +
                                         std::to_string(points.size()));
  }
  return points;
}

// Reads each element of the array `key` of `parent` with `readOne(elementValue, elementPath)`.
template <typename T, typename ReadOne>
std::vector<T> readList(ObjectReader& parent, const std::string& key, ReadOne readOne, bool required = false) {
  std::vector<T> items;
  const json* list = parent.array(key, required);
  if (!list) return items;
  for (std::size_t i = 0; i < list->size(); ++i) {
    items.push_back(readOne((*list)[i], parent.pathOf(key) + "/" + std::to_string(i)));
  }
  return items;
}

bool endsWith(std::string text, const std::string& ending) {
  std::ranges::transform(text, text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text.size() >= ending.size() && text.compare(text.size() - ending.size(), ending.size(), ending) == 0;
}

// The optional "model" member of buildings, machine groups, utilities and externals. Only
// glTF 2.0 is read at run time (Qt's RuntimeLoader); other formats go through `model convert`.
std::optional<ModelRef> readModel(ObjectReader& parent, Problems& p) {
  const json* value = parent.object("model");
  if (!value) return std::nullopt;
  ObjectReader r(*value, parent.pathOf("model"), p);
  ModelRef m;
  m.uri = r.string("uri");
  if (!m.uri.empty() && !endsWith(m.uri, ".glb") && !endsWith(m.uri, ".gltf")) {
    p.add(r.pathOf("uri"), "expected a glTF 2.0 file (.glb or .gltf), got \"" + m.uri +
                               "\"; convert other formats with parktwin-cli model convert");
  }
  m.scale = r.number("scale", 1e-6, 1e6, false, 1);
  m.rotation_deg = r.number("rotation_deg", -360, 360);
  if (const json* off = r.object("offset")) m.offset = readPoint(*off, r.pathOf("offset"), p);
  m.up = r.kind<ModelUp>("up", false).value_or(ModelUp::y);
  return m;
}

Zone readZone(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  Zone z;
  z.id = r.id("id");
  z.name = readText(r, "name", p);
  z.kind = r.kind<ZoneKind>("kind").value_or(ZoneKind{});
  z.outline = readPoints(r, "outline", 3, p);
  return z;
}

Road readRoad(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  Road road;
  road.id = r.id("id");
  road.name = readText(r, "name", p, false);
  road.width_m = r.positive("width_m");
  road.path = readPoints(r, "path", 2, p);
  return road;
}

Building readBuilding(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  Building b;
  b.id = r.id("id");
  b.name = readText(r, "name", p);
  b.kind = r.kind<BuildingKind>("kind").value_or(BuildingKind{});
  b.enterprise = r.string("enterprise", false);
  b.zone = r.string("zone", false);
  if (const json* pos = r.object("position", true)) b.position = readPoint(*pos, r.pathOf("position"), p);
  b.width_m = r.positive("width_m");
  b.depth_m = r.positive("depth_m");
  b.height_m = r.positive("height_m");
  b.rotation_deg = r.number("rotation_deg", -360, 360);
  b.roof_pv_kwp = r.nonNegative("roof_pv_kwp");
  b.planned = r.boolean("planned");
  b.model = readModel(r, p);
  return b;
}

Enterprise readEnterprise(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  Enterprise e;
  e.id = r.id("id");
  e.name = readText(r, "name", p);
  e.land_area_mu = r.positive("land_area_mu");
  e.output_yuan_per_year = r.nonNegative("output_yuan_per_year");
  e.tax_yuan_per_year = r.nonNegative("tax_yuan_per_year");
  e.above_designated_size = r.boolean("above_designated_size");
  return e;
}

MachineGroup readMachineGroup(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  MachineGroup g;
  g.id = r.id("id");
  g.name = readText(r, "name", p);
  g.kind = r.kind<MachineKind>("kind").value_or(MachineKind{});
  g.count = r.integer("count", 1, 100'000, true, 1);
  g.rows = r.integer("rows", 1, 10'000, false, 1);
  g.pitch_x_m = r.nonNegative("pitch_x_m");
  g.pitch_y_m = r.nonNegative("pitch_y_m");
  if (const json* off = r.object("offset")) g.offset = readPoint(*off, r.pathOf("offset"), p);
  g.width_m = r.positive("width_m");
  g.depth_m = r.positive("depth_m");
  g.height_m = r.positive("height_m");
  g.power_kw = r.nonNegative("power_kw");
  g.model = readModel(r, p);
  if (r.valid() && g.rows > g.count) {
    p.add(r.pathOf("rows"), "expected at most count (" + std::to_string(g.count) + ") rows, got " + std::to_string(g.rows));
  }
  return g;
}

ProductionLine readLine(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  ProductionLine l;
  l.id = r.id("id");
  l.name = readText(r, "name", p);
  l.kind = r.kind<LineKind>("kind").value_or(LineKind{});
  l.building = r.string("building");
  l.enterprise = r.string("enterprise", false);
  l.product = r.kind<Product>("product", false);
  l.capacity_t_per_year = r.nonNegative("capacity_t_per_year");
  l.capacity_units_per_hour = r.nonNegative("capacity_units_per_hour");
  l.cycle_time_s = r.nonNegative("cycle_time_s");
  l.energy_kwh_per_t = r.nonNegative("energy_kwh_per_t");
  l.power_kw = r.nonNegative("power_kw");
  l.machines = readList<MachineGroup>(r, "machines", [&](const json& m, const std::string& mp) {
    return readMachineGroup(m, mp, p);
  });
  return l;
}

Utility readUtility(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  Utility u;
  u.id = r.id("id");
  u.name = readText(r, "name", p);
  u.kind = r.kind<UtilityKind>("kind").value_or(UtilityKind{});
  u.building = r.string("building", false);
  if (const json* pos = r.object("position", true)) u.position = readPoint(*pos, r.pathOf("position"), p);
  u.power_kw = r.positive("power_kw");
  u.energy_kwh = r.nonNegative("energy_kwh");
  u.annual_energy_kwh = r.nonNegative("annual_energy_kwh");
  // The best sites on Earth give about 2,200 kWh/kWp a year; 3,000 leaves room for trackers.
  u.annual_yield_kwh_per_kwp = r.number("annual_yield_kwh_per_kwp", 0, 3000);
  u.count = r.integer("count", 1, 100'000, false, 1);
  u.planned = r.boolean("planned");
  u.model = readModel(r, p);
  const std::string kindWord(toText(u.kind));
  const bool storage = u.kind == UtilityKind::battery || u.kind == UtilityKind::pumped_storage;
  if (r.valid() && storage && u.energy_kwh <= 0) {
    p.add(r.pathOf("energy_kwh"), "expected a positive storage capacity for " + kindWord);
  }
  if (r.valid() && u.kind != UtilityKind::pv && u.annual_yield_kwh_per_kwp > 0) {
    p.add(r.pathOf("annual_yield_kwh_per_kwp"), "applies to pv utilities only; for " + kindWord + " give annual_energy_kwh");
  }
  return u;
}

ExternalNode readExternal(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  ExternalNode n;
  n.id = r.id("id");
  n.name = readText(r, "name", p);
  n.kind = r.kind<ExternalKind>("kind").value_or(ExternalKind{});
  if (const json* pos = r.object("position", true)) n.position = readPoint(*pos, r.pathOf("position"), p);
  n.model = readModel(r, p);
  return n;
}

Tag readTag(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  Tag t;
  t.id = r.id("id");
  t.name = readText(r, "name", p);
  t.unit = r.string("unit");
  t.kind = r.kind<TagKind>("kind").value_or(TagKind{});
  t.object = r.string("object");
  t.decimals = r.integer("decimals", 0, 9, false, -1);
  return t;
}

MaterialLink readMaterialLink(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  MaterialLink m;
  m.id = r.id("id");
  m.from = r.string("from");
  m.to = r.string("to");
  m.product = r.kind<Product>("product").value_or(Product{});
  m.capacity_t_per_hour = r.positive("capacity_t_per_hour");
  m.cost_yuan_per_t = r.nonNegative("cost_yuan_per_t");
  m.loss_pct = r.number("loss_pct", 0, 100);
  m.distance_m = r.nonNegative("distance_m");
  return m;
}

EnergyLink readEnergyLink(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  EnergyLink e;
  e.id = r.id("id");
  e.from = r.string("from");
  e.to = r.string("to");
  e.carrier = r.kind<Carrier>("carrier").value_or(Carrier{});
  e.capacity_kw = r.positive("capacity_kw");
  e.cost_yuan_per_kwh = r.nonNegative("cost_yuan_per_kwh");
  e.emission_t_per_mwh = r.nonNegative("emission_t_per_mwh");
  e.loss_pct = r.number("loss_pct", 0, 50);
  return e;
}

AlarmRule readAlarmRule(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  AlarmRule a;
  a.id = r.id("id");
  a.tag = r.string("tag");
  a.above = r.optionalNumber("above");
  a.below = r.optionalNumber("below");
  a.severity = r.kind<Severity>("severity").value_or(Severity{});
  a.message = readText(r, "message", p);
  if (r.valid() && !a.above && !a.below) p.add(path, "expected \"above\" or \"below\" (or both)");
  if (a.above && a.below && *a.below >= *a.above) {
    p.add(r.pathOf("below"), "expected below < above, got " + std::to_string(*a.below));
  }
  return a;
}

// Ids are unique across the whole park, so a link or tag can name any object unambiguously.
void checkUniqueIds(const Park& park, Problems& p) {
  std::map<std::string, std::string> seen;  // id -> path of first use
  const auto visit = [&](const std::string& id, const std::string& path) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, path);
    if (!inserted) p.add(path, "duplicate id \"" + id + "\" (first used at " + it->second + ")");
  };
  auto visitAll = [&](const auto& items, const std::string& base) {
    for (std::size_t i = 0; i < items.size(); ++i) visit(items[i].id, base + "/" + std::to_string(i) + "/id");
  };
  visitAll(park.zones, "/zones");
  visitAll(park.roads, "/roads");
  visitAll(park.buildings, "/buildings");
  visitAll(park.enterprises, "/enterprises");
  for (std::size_t i = 0; i < park.lines.size(); ++i) {
    visit(park.lines[i].id, "/lines/" + std::to_string(i) + "/id");
    visitAll(park.lines[i].machines, "/lines/" + std::to_string(i) + "/machines");
  }
  visitAll(park.utilities, "/utilities");
  visitAll(park.externals, "/externals");
  visitAll(park.tags, "/tags");
  visitAll(park.material_links, "/material_links");
  visitAll(park.energy_links, "/energy_links");
  visitAll(park.alarm_rules, "/alarm_rules");
}

void checkReferences(const Park& park, Problems& p) {
  const auto must = [&](bool ok, const std::string& path, const std::string& what, const std::string& id) {
    if (!ok) p.add(path, "refers to " + what + " \"" + id + "\", which does not exist");
  };
  for (std::size_t i = 0; i < park.buildings.size(); ++i) {
    const auto& b = park.buildings[i];
    const std::string at = "/buildings/" + std::to_string(i);
    if (!b.enterprise.empty()) must(park.findEnterprise(b.enterprise), at + "/enterprise", "enterprise", b.enterprise);
    if (!b.zone.empty()) {
      must(std::ranges::find(park.zones, b.zone, &Zone::id) != park.zones.end(), at + "/zone", "zone", b.zone);
    }
  }
  for (std::size_t i = 0; i < park.lines.size(); ++i) {
    const auto& line = park.lines[i];
    const std::string at = "/lines/" + std::to_string(i);
    if (!line.enterprise.empty()) must(park.findEnterprise(line.enterprise), at + "/enterprise", "enterprise", line.enterprise);
    const Building* building = park.findBuilding(line.building);
    must(building, at + "/building", "building", line.building);
    if (!building) continue;
    // A machine grid must fit inside its building's footprint.
    for (std::size_t m = 0; m < line.machines.size(); ++m) {
      const auto& g = line.machines[m];
      const int columns = (g.count + g.rows - 1) / g.rows;
      const double gridW = (columns - 1) * g.pitch_x_m + g.width_m;
      const double gridD = (g.rows - 1) * g.pitch_y_m + g.depth_m;
      const bool fits = std::abs(g.offset.x_m) + gridW / 2 <= building->width_m / 2 + 1e-6 &&
                        std::abs(g.offset.y_m) + gridD / 2 <= building->depth_m / 2 + 1e-6;
      if (!fits) {
        std::ostringstream msg;
        msg << "expected the machine grid (" << gridW << " m x " << gridD << " m at offset " << g.offset.x_m
            << ", " << g.offset.y_m << ") to fit inside building \"" << building->id << "\" (" << building->width_m
            << " m x " << building->depth_m << " m)";
        p.add(at + "/machines/" + std::to_string(m), msg.str());
      }
    }
  }
  for (std::size_t i = 0; i < park.utilities.size(); ++i) {
    const auto& u = park.utilities[i];
    if (!u.building.empty()) must(park.findBuilding(u.building), "/utilities/" + std::to_string(i) + "/building", "building", u.building);
  }
  for (std::size_t i = 0; i < park.tags.size(); ++i) {
    must(park.hasObject(park.tags[i].object), "/tags/" + std::to_string(i) + "/object", "object", park.tags[i].object);
  }
  const auto checkEnds = [&](const auto& links, const std::string& base) {
    for (std::size_t i = 0; i < links.size(); ++i) {
      const std::string at = base + "/" + std::to_string(i);
      must(park.hasObject(links[i].from), at + "/from", "object", links[i].from);
      must(park.hasObject(links[i].to), at + "/to", "object", links[i].to);
      if (!links[i].from.empty() && links[i].from == links[i].to) p.add(at + "/to", "expected a different node than \"from\"");
    }
  };
  checkEnds(park.material_links, "/material_links");
  checkEnds(park.energy_links, "/energy_links");
  for (std::size_t i = 0; i < park.alarm_rules.size(); ++i) {
    must(park.findTag(park.alarm_rules[i].tag), "/alarm_rules/" + std::to_string(i) + "/tag", "tag", park.alarm_rules[i].tag);
  }
}

Park readPark(const json& root, Problems& p) {
  Park park;
  ObjectReader r(root, "", p);
  const std::string format = r.string("format");
  if (r.valid() && !format.empty() && format != "parktwin-park/1") {
    p.add("/format", "expected \"parktwin-park/1\", got \"" + format + "\"");
  }
  park.id = r.id("id");
  park.name = readText(r, "name", p);
  park.description = readText(r, "description", p, false);
  park.latitude_deg = r.number("latitude_deg", -90, 90, true);
  park.longitude_deg = r.number("longitude_deg", -180, 180, true);
  if (const std::string zone = r.string("time_zone", false); !zone.empty()) {
    if (auto loaded = TimeZone::load(zone); !loaded) p.add("/time_zone", loaded.error().message);
    park.time_zone = zone;
  }
  park.land_area_mu = r.positive("land_area_mu");
  park.grid_emission_t_per_mwh = r.number("grid_emission_t_per_mwh", 0, 2, true);
  const auto each = [&](auto reader) {
    return [&p, reader](const json& v, const std::string& path) { return reader(v, path, p); };
  };
  park.zones = readList<Zone>(r, "zones", each(readZone));
  park.roads = readList<Road>(r, "roads", each(readRoad));
  park.buildings = readList<Building>(r, "buildings", each(readBuilding), true);
  park.enterprises = readList<Enterprise>(r, "enterprises", each(readEnterprise));
  park.lines = readList<ProductionLine>(r, "lines", each(readLine));
  park.utilities = readList<Utility>(r, "utilities", each(readUtility));
  park.externals = readList<ExternalNode>(r, "externals", each(readExternal));
  park.tags = readList<Tag>(r, "tags", each(readTag));
  park.material_links = readList<MaterialLink>(r, "material_links", each(readMaterialLink));
  park.energy_links = readList<EnergyLink>(r, "energy_links", each(readEnergyLink));
  park.alarm_rules = readList<AlarmRule>(r, "alarm_rules", each(readAlarmRule));
  return park;
}

}  // namespace

Result<Park> parsePark(const std::string& jsonText, const std::string& source) {
  auto parsed = detail::parseJson(jsonText, source);
  if (!parsed) return std::unexpected(parsed.error());
  const json& root = *parsed;
  Problems problems;
  Park park = readPark(root, problems);
  if (problems.empty()) {
    checkUniqueIds(park, problems);
    checkReferences(park, problems);
  }
  if (!problems.empty()) return problems.failure(source);
  return park;
}

Result<Park> loadPark(const std::filesystem::path& file) {
  auto text = detail::readTextFile(file, "park file");
  if (!text) return std::unexpected(text.error());
  return parsePark(*text, file.string());
}

}  // namespace parktwin::model
