// Park file → Park. The readers here check the file's shape (types, required keys, kind words,
// unknown keys) and record every problem with its JSON path; the rules on values and references
// are validatePark's (validate.hpp), the same the editor runs. Any problem: no park returned.
#include <algorithm>
#include <fstream>
#include <limits>
#include <set>
#include <string_view>
#include <utility>

#include "park_json.hpp"
#include "parktwin/model/machine_grid.hpp"
#include "parktwin/model/json_reader.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/validate.hpp"

namespace parktwin::model::detail {
namespace {

// Numbers of any value: their ranges are validatePark's rules. A value that is no number is
// named with the rule's words ("expected a positive number, got \"tall\"").
double number(ObjectReader& r, const std::string& key, bool required = false) { return r.anyNumber(key, required, Expected::number); }
double positive(ObjectReader& r, const std::string& key) { return r.anyNumber(key, true, Expected::positive); }
double nonNegative(ObjectReader& r, const std::string& key) { return r.anyNumber(key, false, Expected::non_negative); }

LocalizedText readText(ObjectReader& parent, const std::string& key, Problems& problems, bool required = true) {
  const json* value = parent.object(key, required);
  if (!value) return {};
  ObjectReader r(*value, parent.pathOf(key), problems);
  return LocalizedText{r.string("zh"), r.string("en")};
}

Point readPoint(const json& value, const std::string& path, Problems& problems) {
  ObjectReader r(value, path, problems);
  return Point{number(r, "x_m", true), number(r, "y_m", true)};
}

std::vector<Point> readPoints(ObjectReader& parent, const std::string& key, Problems& problems) {
  std::vector<Point> points;
  const json* list = parent.array(key, true);
  if (!list) return points;
  for (std::size_t i = 0; i < list->size(); ++i) {
    points.push_back(readPoint((*list)[i], parent.pathOf(key) + "/" + std::to_string(i), problems));
  }
  return points;
}

// The optional "model" member of buildings, machine groups, utilities and externals (its
// shape; its values are validatePark's, whether the file exists and parses is checkModelFiles').
std::optional<ModelRef> readModel(ObjectReader& parent, Problems& p) {
  const json* value = parent.object("model");
  if (!value) return std::nullopt;
  ObjectReader r(*value, parent.pathOf("model"), p);
  ModelRef m;
  m.uri = r.string("uri");
  m.scale = value->contains("scale") ? number(r, "scale") : 1.0;  // a missing scale is 1, not 0
  m.rotation_deg = number(r, "rotation_deg");
  if (const json* off = r.object("offset")) m.offset = readPoint(*off, r.pathOf("offset"), p);
  m.up = r.kind<ModelUp>("up", false).value_or(ModelUp::y);
  return m;
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

}  // namespace

Zone readZone(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  Zone z;
  z.id = r.id("id");
  z.name = readText(r, "name", p);
  z.kind = r.kind<ZoneKind>("kind").value_or(ZoneKind{});
  z.outline = readPoints(r, "outline", p);
  return z;
}

Road readRoad(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  Road road;
  road.id = r.id("id");
  road.name = readText(r, "name", p, false);
  road.width_m = positive(r, "width_m");
  road.path = readPoints(r, "path", p);
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
  b.width_m = positive(r, "width_m");
  b.depth_m = positive(r, "depth_m");
  b.height_m = positive(r, "height_m");
  b.rotation_deg = number(r, "rotation_deg");
  b.roof_pv_kwp = nonNegative(r, "roof_pv_kwp");
  b.planned = r.boolean("planned");
  b.model = readModel(r, p);
  return b;
}

Enterprise readEnterprise(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  Enterprise e;
  e.id = r.id("id");
  e.name = readText(r, "name", p);
  e.land_area_mu = positive(r, "land_area_mu");
  e.output_yuan_per_year = nonNegative(r, "output_yuan_per_year");
  e.tax_yuan_per_year = nonNegative(r, "tax_yuan_per_year");
  e.above_designated_size = r.boolean("above_designated_size");
  return e;
}

namespace {
MachineGroup readMachineGroup(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  MachineGroup g;
  g.id = r.id("id");
  g.name = readText(r, "name", p);
  g.kind = r.kind<MachineKind>("kind").value_or(MachineKind{});
  g.count = r.anyInteger("count", true, 1, std::pair{1, kMaxMachinesInGroup});
  g.rows = r.anyInteger("rows", false, 1, std::pair{1, kMaxMachineRows});
  g.pitch_x_m = nonNegative(r, "pitch_x_m");
  g.pitch_y_m = nonNegative(r, "pitch_y_m");
  if (const json* off = r.object("offset")) g.offset = readPoint(*off, r.pathOf("offset"), p);
  g.width_m = positive(r, "width_m");
  g.depth_m = positive(r, "depth_m");
  g.height_m = positive(r, "height_m");
  g.power_kw = nonNegative(r, "power_kw");
  g.model = readModel(r, p);
  return g;
}

}  // namespace

ProductionLine readLine(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  ProductionLine l;
  l.id = r.id("id");
  l.name = readText(r, "name", p);
  l.kind = r.kind<LineKind>("kind").value_or(LineKind{});
  l.building = r.string("building");
  l.enterprise = r.string("enterprise", false);
  l.product = r.kind<Product>("product", false);
  l.capacity_t_per_year = nonNegative(r, "capacity_t_per_year");
  l.capacity_units_per_hour = nonNegative(r, "capacity_units_per_hour");
  l.cycle_time_s = nonNegative(r, "cycle_time_s");
  l.energy_kwh_per_t = nonNegative(r, "energy_kwh_per_t");
  l.power_kw = nonNegative(r, "power_kw");
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
  // A utility housed in a building (rooftop PV) stands where its building stands (readPark);
  // only one standing on its own needs a position.
  if (const json* pos = r.object("position", u.building.empty())) u.position = readPoint(*pos, r.pathOf("position"), p);
  u.power_kw = positive(r, "power_kw");
  u.energy_kwh = nonNegative(r, "energy_kwh");
  u.annual_energy_kwh = nonNegative(r, "annual_energy_kwh");
  u.annual_yield_kwh_per_kwp = number(r, "annual_yield_kwh_per_kwp");
  u.count = r.anyInteger("count", false, 1, std::pair{1, 100'000});
  u.planned = r.boolean("planned");
  u.model = readModel(r, p);
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
  t.decimals = r.anyInteger("decimals", false, -1, std::pair{0, 9});
  return t;
}

MaterialLink readMaterialLink(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  MaterialLink m;
  m.id = r.id("id");
  m.from = r.string("from");
  m.to = r.string("to");
  m.product = r.kind<Product>("product").value_or(Product{});
  m.capacity_t_per_hour = positive(r, "capacity_t_per_hour");
  m.cost_yuan_per_t = nonNegative(r, "cost_yuan_per_t");
  m.loss_pct = number(r, "loss_pct");
  m.distance_m = nonNegative(r, "distance_m");
  return m;
}

EnergyLink readEnergyLink(const json& v, const std::string& path, Problems& p) {
  ObjectReader r(v, path, p);
  EnergyLink e;
  e.id = r.id("id");
  e.from = r.string("from");
  e.to = r.string("to");
  e.carrier = r.kind<Carrier>("carrier").value_or(Carrier{});
  e.capacity_kw = positive(r, "capacity_kw");
  e.cost_yuan_per_kwh = nonNegative(r, "cost_yuan_per_kwh");
  e.emission_t_per_mwh = nonNegative(r, "emission_t_per_mwh");
  e.loss_pct = number(r, "loss_pct");
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
  return a;
}

Park readPark(const json& root, Problems& p) {
  Park park;
  ObjectReader r(root, "", p);
  const std::string format = r.string("format");
  if (r.valid() && !format.empty() && format != detail::kParkFormat) {
    p.add("/format", "expected \"parktwin-park/1\", got \"" + format + "\"");
  }
  park.id = r.id("id");
  park.name = readText(r, "name", p);
  park.description = readText(r, "description", p, false);
  park.latitude_deg = number(r, "latitude_deg", true);
  park.longitude_deg = number(r, "longitude_deg", true);
  if (const std::string zone = r.string("time_zone", false); !zone.empty()) park.time_zone = zone;
  park.land_area_mu = positive(r, "land_area_mu");
  park.grid_emission_t_per_mwh = number(r, "grid_emission_t_per_mwh", true);
  const auto each = [&](auto reader) {
    return [&p, reader](const json& v, const std::string& path) { return reader(v, path, p); };
  };
  park.zones = readList<Zone>(r, "zones", each(readZone));
  park.roads = readList<Road>(r, "roads", each(readRoad));
  park.buildings = readList<Building>(r, "buildings", each(readBuilding), true);
  park.enterprises = readList<Enterprise>(r, "enterprises", each(readEnterprise));
  park.lines = readList<ProductionLine>(r, "lines", each(readLine));
  park.utilities = readList<Utility>(r, "utilities", each(readUtility));
  for (auto& u : park.utilities) {
    const auto building = std::ranges::find(park.buildings, u.building, &Building::id);
    if (!u.building.empty() && building != park.buildings.end()) u.position = building->position;
  }
  park.externals = readList<ExternalNode>(r, "externals", each(readExternal));
  park.tags = readList<Tag>(r, "tags", each(readTag));
  park.material_links = readList<MaterialLink>(r, "material_links", each(readMaterialLink));
  park.energy_links = readList<EnergyLink>(r, "energy_links", each(readEnergyLink));
  park.alarm_rules = readList<AlarmRule>(r, "alarm_rules", each(readAlarmRule));
  return park;
}

namespace {

// Whether every object came out of the shape pass with its id: a problem at an id, at a list's
// item (not an object) or at a list (not an array) leaves objects without theirs, and references
// to them would then read as missing when they are not.
bool everyIdRead(const Problems& problems) {
  static const std::set<std::string, std::less<>> lists = {"zones", "roads", "buildings", "enterprises", "lines", "machines",
                                                           "utilities", "externals", "tags", "material_links", "energy_links",
                                                           "alarm_rules"};
  return std::ranges::none_of(problems.entries(), [&](const Problems::Entry& e) {
    const std::string_view path = e.path;
    const std::size_t cut = path.rfind('/');
    if (cut == std::string_view::npos || path == "/") return true;
    const std::string_view last = path.substr(cut + 1), before = path.substr(0, cut);
    const std::string_view parent = before.substr(before.rfind('/') + 1);
    const bool item = !last.empty() && std::ranges::all_of(last, [](char c) { return c >= '0' && c <= '9'; }) && lists.contains(parent);
    return last == "id" || item || lists.contains(last);
  });
}

// A rule's problem worth adding after shape problems: not where the shape already failed, and
// not a machine grid measured with a size that failed to read (its building's or its own).
bool addsToShapeProblems(const Problem& problem, const Problems& problems, const Park& park) {
  if (problems.covers(problem.path)) return false;
  // Rows over a count that failed to read compare with its stand-in (1), not with the file's.
  if (problem.wording.code == ProblemCode::rows_over_count) {
    return !problems.covers(problem.path.substr(0, problem.path.rfind('/')) + "/count");
  }
  if (problem.wording.code != ProblemCode::grid_outside_building) return true;
  // The grid's building is named by the problem (wording.third); its place in the file:
  const auto building = std::ranges::find(park.buildings, problem.wording.third, &Building::id);
  const std::string buildingPath = "/buildings/" + std::to_string(building - park.buildings.begin());
  return std::ranges::none_of(problems.entries(), [&](const Problems::Entry& e) {
    return e.path.starts_with(buildingPath + "/") || e.path.starts_with(problem.path + "/");
  });
}

}  // namespace

// The park with the rules of validatePark checked; whole only when no problem was added. With
// shape problems the rules are checked too (every problem in one run: a person fixed a file in
// two rounds otherwise), except references where some object's id failed to read.
Park readCheckedPark(const json& root, Problems& problems) {
  Park park = readPark(root, problems);
  const bool shapeOk = problems.empty();
  for (const Problem& problem : shapeOk || everyIdRead(problems) ? validatePark(park) : validateParkFields(park)) {
    if (shapeOk || addsToShapeProblems(problem, problems, park)) problems.add(problem.path, problem.wording);
  }
  problems.sortByPath();
  return park;
}

}  // namespace parktwin::model::detail

namespace parktwin::model {

using detail::json;
using detail::Problems;

Result<Park> parsePark(const std::string& jsonText, const std::string& source, std::string_view language) {
  auto parsed = detail::parseJson(jsonText, source, language);
  if (!parsed) return std::unexpected(parsed.error());
  Problems problems;
  Park park = detail::readCheckedPark(*parsed, problems);
  if (!problems.empty()) return problems.failure(source, language);
  return park;
}

Result<Park> loadPark(const std::filesystem::path& file, std::string_view language) {
  auto text = detail::readTextFile(file, "park file", "园区文件", language);
  if (!text) return std::unexpected(text.error());
  return parsePark(*text, file.string(), language);
}

std::expected<Park, std::vector<ParkProblem>> loadParkListingProblems(const std::filesystem::path& file) {
  // A file that cannot be read or parsed (worded by problem_wording) is one problem.
  const auto wholeFile = [](const ProblemWording& wording) {
    return std::vector{ParkProblem{"", problemText(wording), wording}};
  };
  auto text = detail::readTextFileWorded(file, "park file", "园区文件");
  if (!text) return std::unexpected(wholeFile(text.error()));
  auto parsed = detail::parseJsonWorded(*text, file.string());
  if (!parsed) return std::unexpected(wholeFile(parsed.error()));
  Problems problems;
  Park park = detail::readCheckedPark(*parsed, problems);
  if (problems.empty()) return park;
  std::vector<ParkProblem> listed;
  for (const auto& entry : problems.entries()) listed.push_back({entry.path, entry.what, entry.wording});
  return std::unexpected(std::move(listed));
}

}  // namespace parktwin::model
