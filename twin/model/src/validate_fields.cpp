// Rules on single fields and single objects, in file order.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "parktwin/model/machine_grid.hpp"
#include "validate_checker.hpp"
#include "parktwin/common/number_text.hpp"
#include "parktwin/common/time_zone.hpp"

namespace parktwin::model::detail {
namespace {

std::string at(const std::string& section, std::size_t i) { return "/" + section + "/" + std::to_string(i); }

bool endsWithNoCase(std::string_view text, std::string_view ending) {
  if (text.size() < ending.size()) return false;
  const auto tail = text.substr(text.size() - ending.size());
  return std::ranges::equal(tail, ending, [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

// Only glTF 2.0 is read at run time (Qt's RuntimeLoader); other formats go through
// `parktwin-cli model convert`.
void checkModel(const std::optional<ModelRef>& m, const std::string& objectPath, Checker& c) {
  if (!m) return;
  const std::string p = objectPath + "/model";
  if (m->uri.empty()) {
    c.add(p + "/uri", {.code = ProblemCode::model_uri_missing});
  } else if (!endsWithNoCase(m->uri, ".glb") && !endsWithNoCase(m->uri, ".gltf")) {
    c.add(p + "/uri", {.code = ProblemCode::model_not_gltf, .got = "\"" + m->uri + "\""});
  }
  c.between(p + "/scale", m->scale, 1e-6, 1e6);
  c.between(p + "/rotation_deg", m->rotation_deg, -360, 360);
  c.point(p + "/offset", m->offset);
}

void checkZone(const Zone& z, const std::string& p, Checker& c) {
  c.id(p + "/id", z.id);
  c.name(p + "/name", z.name);
  c.points(p + "/outline", z.outline, 3);
}

void checkRoad(const Road& r, const std::string& p, Checker& c) {
  c.id(p + "/id", r.id);
  c.optionalName(p + "/name", r.name);
  c.positive(p + "/width_m", r.width_m);
  c.points(p + "/path", r.path, 2);
}

void checkBuilding(const Building& b, const std::string& p, Checker& c) {
  c.id(p + "/id", b.id);
  c.name(p + "/name", b.name);
  c.point(p + "/position", b.position);
  c.positive(p + "/width_m", b.width_m);
  c.positive(p + "/depth_m", b.depth_m);
  c.positive(p + "/height_m", b.height_m);
  c.between(p + "/rotation_deg", b.rotation_deg, -360, 360);
  c.nonNegative(p + "/roof_pv_kwp", b.roof_pv_kwp);
  checkModel(b.model, p, c);
}

void checkEnterprise(const Enterprise& e, const std::string& p, Checker& c) {
  c.id(p + "/id", e.id);
  c.name(p + "/name", e.name);
  c.positive(p + "/land_area_mu", e.land_area_mu);
  c.nonNegative(p + "/output_yuan_per_year", e.output_yuan_per_year);
  c.nonNegative(p + "/tax_yuan_per_year", e.tax_yuan_per_year);
}

void checkMachineGroup(const MachineGroup& g, const std::string& p, Checker& c) {
  c.id(p + "/id", g.id);
  c.name(p + "/name", g.name);
  c.integerBetween(p + "/count", g.count, 1, kMaxMachinesInGroup);
  c.integerBetween(p + "/rows", g.rows, 1, kMaxMachineRows);
  c.nonNegative(p + "/pitch_x_m", g.pitch_x_m);
  c.nonNegative(p + "/pitch_y_m", g.pitch_y_m);
  c.point(p + "/offset", g.offset);
  c.positive(p + "/width_m", g.width_m);
  c.positive(p + "/depth_m", g.depth_m);
  c.positive(p + "/height_m", g.height_m);
  c.nonNegative(p + "/power_kw", g.power_kw);
  if (g.count >= 1 && g.rows >= 1 && g.rows > g.count) {
    c.add(p + "/rows", {.code = ProblemCode::rows_over_count, .first = std::to_string(g.count), .got = std::to_string(g.rows)});
  }
  checkModel(g.model, p, c);
}

void checkLine(const ProductionLine& l, const std::string& p, Checker& c) {
  c.id(p + "/id", l.id);
  c.name(p + "/name", l.name);
  c.nonNegative(p + "/capacity_t_per_year", l.capacity_t_per_year);
  c.nonNegative(p + "/capacity_units_per_hour", l.capacity_units_per_hour);
  c.nonNegative(p + "/cycle_time_s", l.cycle_time_s);
  c.nonNegative(p + "/energy_kwh_per_t", l.energy_kwh_per_t);
  c.nonNegative(p + "/power_kw", l.power_kw);
  for (std::size_t m = 0; m < l.machines.size(); ++m) checkMachineGroup(l.machines[m], p + "/machines/" + std::to_string(m), c);
}

void checkUtility(const Utility& u, const std::string& p, Checker& c) {
  c.id(p + "/id", u.id);
  c.name(p + "/name", u.name);
  c.point(p + "/position", u.position);
  c.positive(p + "/power_kw", u.power_kw);
  c.nonNegative(p + "/energy_kwh", u.energy_kwh);
  c.nonNegative(p + "/annual_energy_kwh", u.annual_energy_kwh);
  // The best sites on Earth give about 2,200 kWh/kWp a year; 3,000 leaves room for trackers.
  c.between(p + "/annual_yield_kwh_per_kwp", u.annual_yield_kwh_per_kwp, 0, 3000);
  c.integerBetween(p + "/count", u.count, 1, 100'000);
  const std::string kindWord(toText(u.kind));
  const bool storage = u.kind == UtilityKind::battery || u.kind == UtilityKind::pumped_storage;
  if (storage && u.energy_kwh <= 0) c.add(p + "/energy_kwh", {.code = ProblemCode::storage_without_capacity, .first = kindWord});
  if (u.kind != UtilityKind::pv && u.annual_yield_kwh_per_kwp > 0) {
    c.add(p + "/annual_yield_kwh_per_kwp", {.code = ProblemCode::yield_of_non_pv, .first = kindWord});
  }
  checkModel(u.model, p, c);
  // The window draws a housed utility (rooftop PV, a hall's battery) as part of its building,
  // so a model of its own would never show.
  if (u.model && !u.building.empty()) c.add(p + "/model", {.code = ProblemCode::model_of_housed_utility, .first = u.building});
}

void checkExternal(const ExternalNode& n, const std::string& p, Checker& c) {
  c.id(p + "/id", n.id);
  c.name(p + "/name", n.name);
  c.point(p + "/position", n.position);
  checkModel(n.model, p, c);
}

void checkTag(const Tag& t, const std::string& p, Checker& c) {
  c.id(p + "/id", t.id);
  c.name(p + "/name", t.name);
  if (t.decimals != -1) c.integerBetween(p + "/decimals", t.decimals, 0, 9);  // -1: the unit's default
}

void checkMaterialLink(const MaterialLink& m, const std::string& p, Checker& c) {
  c.id(p + "/id", m.id);
  c.positive(p + "/capacity_t_per_hour", m.capacity_t_per_hour);
  c.nonNegative(p + "/cost_yuan_per_t", m.cost_yuan_per_t);
  c.between(p + "/loss_pct", m.loss_pct, 0, 100);
  c.nonNegative(p + "/distance_m", m.distance_m);
}

void checkEnergyLink(const EnergyLink& e, const std::string& p, Checker& c) {
  c.id(p + "/id", e.id);
  c.positive(p + "/capacity_kw", e.capacity_kw);
  c.nonNegative(p + "/cost_yuan_per_kwh", e.cost_yuan_per_kwh);
  c.nonNegative(p + "/emission_t_per_mwh", e.emission_t_per_mwh);
  c.between(p + "/loss_pct", e.loss_pct, 0, 50);
}

void checkAlarmRule(const AlarmRule& a, const std::string& p, Checker& c) {
  c.id(p + "/id", a.id);
  c.name(p + "/message", a.message);
  if (!a.above && !a.below) c.add(p, {.code = ProblemCode::alarm_without_limit});
  if (a.above && a.below && *a.below >= *a.above) {
    c.add(p + "/below", {.code = ProblemCode::alarm_below_not_under_above, .got = shortestText(*a.below)});
  }
}

void checkHeader(const Park& park, Checker& c) {
  c.id("/id", park.id);
  c.name("/name", park.name);
  c.optionalName("/description", park.description);
  c.between("/latitude_deg", park.latitude_deg, -90, 90);
  c.between("/longitude_deg", park.longitude_deg, -180, 180);
  if (auto zone = TimeZone::load(park.time_zone); !zone) {
    c.add("/time_zone", {.code = ProblemCode::unknown_time_zone, .first = park.time_zone, .text = zone.error().message});
  }
  c.positive("/land_area_mu", park.land_area_mu);
  c.between("/grid_emission_t_per_mwh", park.grid_emission_t_per_mwh, 0, 2);
}

template <typename T, typename CheckOne>
void checkEach(const std::vector<T>& items, const std::string& section, CheckOne checkOne, Checker& c) {
  for (std::size_t i = 0; i < items.size(); ++i) checkOne(items[i], at(section, i), c);
}

}  // namespace

void checkFields(const Park& park, Checker& c) {
  checkHeader(park, c);
  checkEach(park.zones, "zones", checkZone, c);
  checkEach(park.roads, "roads", checkRoad, c);
  checkEach(park.buildings, "buildings", checkBuilding, c);
  checkEach(park.enterprises, "enterprises", checkEnterprise, c);
  checkEach(park.lines, "lines", checkLine, c);
  checkEach(park.utilities, "utilities", checkUtility, c);
  checkEach(park.externals, "externals", checkExternal, c);
  checkEach(park.tags, "tags", checkTag, c);
  checkEach(park.material_links, "material_links", checkMaterialLink, c);
  checkEach(park.energy_links, "energy_links", checkEnergyLink, c);
  checkEach(park.alarm_rules, "alarm_rules", checkAlarmRule, c);
}

}  // namespace parktwin::model::detail
