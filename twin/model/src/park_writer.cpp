// Park → canonical JSON, keys in the order docs/park-format.md lists them. Optional fields
// with their default value are left out so saved files stay as small as hand-written ones.
#include <cerrno>
#include <fstream>
#include <string_view>
#include <system_error>
#include <nlohmann/json.hpp>

#include "canonical_json.hpp"
#include "park_json.hpp"
#include "parktwin/common/system_reason.hpp"
#include "parktwin/model/park_file.hpp"

namespace parktwin::model::detail {
namespace {

using ojson = nlohmann::ordered_json;

ojson text(const LocalizedText& t) { return ojson{{"zh", t.zh}, {"en", t.en}}; }
ojson point(const Point& p) { return ojson{{"x_m", p.x_m}, {"y_m", p.y_m}}; }
ojson points(const std::vector<Point>& ps) {
  ojson out = ojson::array();
  for (const auto& p : ps) out.push_back(point(p));
  return out;
}
void putIf(ojson& j, const char* key, double value) {
  if (value != 0) j[key] = value;
}
void putIf(ojson& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}
void putIf(ojson& j, const char* key, bool value) {
  if (value) j[key] = value;
}
void putModel(ojson& j, const std::optional<ModelRef>& model) {
  if (!model) return;
  ojson o{{"uri", model->uri}};
  if (model->scale != 1) o["scale"] = model->scale;
  putIf(o, "rotation_deg", model->rotation_deg);
  if (model->offset != Point{}) o["offset"] = point(model->offset);
  if (model->up != ModelUp::y) o["up"] = toText(model->up);
  j["model"] = o;
}
template <typename T>
ojson list(const std::vector<T>& items) {
  ojson out = ojson::array();
  for (const auto& item : items) out.push_back(toJson(item));
  return out;
}

}  // namespace

ojson toJson(const MachineGroup& g) {
  ojson j{{"id", g.id}, {"name", text(g.name)}, {"kind", toText(g.kind)}, {"count", g.count}};
  if (g.rows != 1) j["rows"] = g.rows;
  putIf(j, "pitch_x_m", g.pitch_x_m);
  putIf(j, "pitch_y_m", g.pitch_y_m);
  if (g.offset != Point{}) j["offset"] = point(g.offset);
  j["width_m"] = g.width_m;
  j["depth_m"] = g.depth_m;
  j["height_m"] = g.height_m;
  putIf(j, "power_kw", g.power_kw);
  putModel(j, g.model);
  return j;
}

ojson toJson(const Zone& z) {
  return ojson{{"id", z.id}, {"name", text(z.name)}, {"kind", toText(z.kind)}, {"outline", points(z.outline)}};
}

ojson toJson(const Road& r) {
  ojson o{{"id", r.id}};
  if (r.name != LocalizedText{}) o["name"] = text(r.name);
  o["width_m"] = r.width_m;
  o["path"] = points(r.path);
  return o;
}

ojson toJson(const Building& b) {
  ojson o{{"id", b.id}, {"name", text(b.name)}, {"kind", toText(b.kind)}};
  putIf(o, "enterprise", b.enterprise);
  putIf(o, "zone", b.zone);
  o["position"] = point(b.position);
  o["width_m"] = b.width_m;
  o["depth_m"] = b.depth_m;
  o["height_m"] = b.height_m;
  putIf(o, "rotation_deg", b.rotation_deg);
  putIf(o, "roof_pv_kwp", b.roof_pv_kwp);
  putIf(o, "planned", b.planned);
  putModel(o, b.model);
  return o;
}

ojson toJson(const Enterprise& e) {
  ojson o{{"id", e.id}, {"name", text(e.name)}, {"land_area_mu", e.land_area_mu}};
  putIf(o, "output_yuan_per_year", e.output_yuan_per_year);
  putIf(o, "tax_yuan_per_year", e.tax_yuan_per_year);
  putIf(o, "above_designated_size", e.above_designated_size);
  return o;
}

ojson toJson(const ProductionLine& l) {
  ojson o{{"id", l.id}, {"name", text(l.name)}, {"kind", toText(l.kind)}, {"building", l.building}};
  putIf(o, "enterprise", l.enterprise);
  if (l.product) o["product"] = toText(*l.product);
  putIf(o, "capacity_t_per_year", l.capacity_t_per_year);
  putIf(o, "capacity_units_per_hour", l.capacity_units_per_hour);
  putIf(o, "cycle_time_s", l.cycle_time_s);
  putIf(o, "energy_kwh_per_t", l.energy_kwh_per_t);
  putIf(o, "power_kw", l.power_kw);
  if (!l.machines.empty()) o["machines"] = list(l.machines);
  return o;
}

ojson toJson(const Utility& u) {
  ojson o{{"id", u.id}, {"name", text(u.name)}, {"kind", toText(u.kind)}};
  putIf(o, "building", u.building);
  // A housed utility's position is its building's (the reader gives it that): not written back.
  if (u.building.empty()) o["position"] = point(u.position);
  o["power_kw"] = u.power_kw;
  putIf(o, "energy_kwh", u.energy_kwh);
  putIf(o, "annual_energy_kwh", u.annual_energy_kwh);
  putIf(o, "annual_yield_kwh_per_kwp", u.annual_yield_kwh_per_kwp);
  if (u.count != 1) o["count"] = u.count;
  putIf(o, "planned", u.planned);
  putModel(o, u.model);
  return o;
}

ojson toJson(const ExternalNode& n) {
  ojson o{{"id", n.id}, {"name", text(n.name)}, {"kind", toText(n.kind)}, {"position", point(n.position)}};
  putModel(o, n.model);
  return o;
}

ojson toJson(const Tag& t) {
  ojson tag{{"id", t.id}, {"name", text(t.name)}, {"unit", t.unit}, {"kind", toText(t.kind)}, {"object", t.object}};
  if (t.decimals >= 0) tag["decimals"] = t.decimals;
  return tag;
}

ojson toJson(const MaterialLink& m) {
  ojson o{{"id", m.id}, {"from", m.from}, {"to", m.to}, {"product", toText(m.product)},
          {"capacity_t_per_hour", m.capacity_t_per_hour}};
  putIf(o, "cost_yuan_per_t", m.cost_yuan_per_t);
  putIf(o, "loss_pct", m.loss_pct);
  putIf(o, "distance_m", m.distance_m);
  return o;
}

ojson toJson(const EnergyLink& e) {
  ojson o{{"id", e.id}, {"from", e.from}, {"to", e.to}, {"carrier", toText(e.carrier)}, {"capacity_kw", e.capacity_kw}};
  putIf(o, "cost_yuan_per_kwh", e.cost_yuan_per_kwh);
  putIf(o, "emission_t_per_mwh", e.emission_t_per_mwh);
  putIf(o, "loss_pct", e.loss_pct);
  return o;
}

ojson toJson(const AlarmRule& a) {
  ojson o{{"id", a.id}, {"tag", a.tag}};
  if (a.above) o["above"] = *a.above;
  if (a.below) o["below"] = *a.below;
  o["severity"] = toText(a.severity);
  o["message"] = text(a.message);
  return o;
}

ojson parkToJson(const Park& park) {
  ojson j;
  j["format"] = detail::kParkFormat;
  j["id"] = park.id;
  j["name"] = text(park.name);
  if (park.description != LocalizedText{}) j["description"] = text(park.description);
  j["latitude_deg"] = park.latitude_deg;
  j["longitude_deg"] = park.longitude_deg;
  j["time_zone"] = park.time_zone;
  j["land_area_mu"] = park.land_area_mu;
  j["grid_emission_t_per_mwh"] = park.grid_emission_t_per_mwh;
  j["zones"] = list(park.zones);
  j["roads"] = list(park.roads);
  j["buildings"] = list(park.buildings);
  j["enterprises"] = list(park.enterprises);
  j["lines"] = list(park.lines);
  j["utilities"] = list(park.utilities);
  j["externals"] = list(park.externals);
  j["tags"] = list(park.tags);
  j["material_links"] = list(park.material_links);
  j["energy_links"] = list(park.energy_links);
  j["alarm_rules"] = list(park.alarm_rules);
  return j;
}

}  // namespace parktwin::model::detail

namespace parktwin::model {

std::string serializePark(const Park& park) { return detail::canonicalJson(detail::parkToJson(park)); }

namespace {

std::unexpected<Error> writeRefusal(const std::filesystem::path& file, bool opened, int error, std::string_view language) {
  const bool zh = language == "zh";
  std::string message = file.string() + (zh ? (opened ? ": 写入园区文件失败" : ": 无法写入园区文件")
                                            : (opened ? ": writing the park file failed" : ": cannot write the park file"));
  if (error != 0) message += (zh ? "：" : ": ") + systemReasonText(std::error_code(error, std::generic_category()), language);
  return fail(ErrorCode::io, std::move(message));
}

}  // namespace

Result<void> savePark(const Park& park, const std::filesystem::path& file, std::string_view language) {
  errno = 0;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) return writeRefusal(file, false, errno, language);
  out << serializePark(park);
  out.close();
  if (!out) return writeRefusal(file, true, errno, language);
  return {};
}

}  // namespace parktwin::model
