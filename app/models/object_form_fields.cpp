#include "object_form_fields.hpp"

#include "controller_text.hpp"
#include "kind_names.hpp"

namespace parktwin::app {
namespace {

QVariantMap field(const char* type, const QString& label, const std::string& pointer, const QVariant& value) {
  return {{"type", QString::fromLatin1(type)}, {"label", label}, {"pointer", q(pointer)}, {"value", value}};
}

QVariantMap names(const std::string& pointer, const model::LocalizedText& text, const QString& label) {
  QVariantMap f = field("names", label, pointer, {});
  f.insert("zh", q(text.zh));
  f.insert("en", q(text.en));
  return f;
}

// A kind chosen from its table: the words files write, with their names in `language`.
template <model::KindEnum Kind>
QVariantMap kind(const QString& label, const std::string& pointer, Kind value, const QString& language) {
  QVariantList options;
  for (const auto& entry : model::kindTableOf(Kind{})) {
    options.push_back(QVariantMap{{"word", kindWord(entry.value)}, {"name", kindName(entry.value, language)}});
  }
  QVariantMap f = field("kind", label, pointer, kindWord(value));
  f.insert("options", options);
  return f;
}

QVariantMap card(const char* kindWordText, const std::string& id, const QString& title, const std::string& pointer,
                 QVariantList fields) {
  return {{"kind", QString::fromLatin1(kindWordText)}, {"id", q(id)}, {"title", title}, {"pointer", q(pointer)},
          {"fields", fields}};
}

// A reference to another object of the park, chosen by name (the file keeps its id): drawn
// as a kind is, so the same combo box serves; `optional` adds "none", which removes the key.
template <typename Object>
QVariantMap reference(const QString& label, const std::string& pointer, const std::string& value,
                      const std::vector<Object>& objects, const QString& language, bool optional) {
  QVariantList options;
  if (optional) options.push_back(QVariantMap{{"word", QString()}, {"name", ObjectFormCards::tr("(none)")}});
  for (const auto& o : objects) {
    const std::string& name = o.name.in(language.toStdString());
    options.push_back(QVariantMap{{"word", q(o.id)}, {"name", name.empty() ? q(o.id) : q(name)}});
  }
  QVariantMap f = field("kind", label, pointer, q(value));
  f.insert("options", options);
  return f;
}

QVariant optional(const std::optional<double>& value) { return value ? QVariant(*value) : QVariant(); }

}  // namespace

QVariantMap ObjectFormCards::park(const model::Park& park) {
  return card("park", park.id, tr("Park %1").arg(q(park.id)), "",
              {names("/name", park.name, tr("Name (zh | en)")), field("text", tr("Id"), "/id", q(park.id)),
               field("number", tr("Latitude (°)"), "/latitude_deg", park.latitude_deg),
               field("number", tr("Longitude (°)"), "/longitude_deg", park.longitude_deg),
               field("text", tr("Time zone (IANA)"), "/time_zone", q(park.time_zone)),
               field("number", tr("Land area (mu)"), "/land_area_mu", park.land_area_mu),
               field("number", tr("Grid emission (t CO2/MWh)"), "/grid_emission_t_per_mwh", park.grid_emission_t_per_mwh)});
}

QVariantMap ObjectFormCards::enterprise(const model::Enterprise& e, const std::string& p, const QString&) {
  return card("enterprise", e.id, tr("Enterprise %1").arg(q(e.id)), p,
              {names(p + "/name", e.name, tr("Name (zh | en)")),
               field("number", tr("Land area (mu)"), p + "/land_area_mu", e.land_area_mu),
               field("number", tr("Output (yuan/yr)"), p + "/output_yuan_per_year", e.output_yuan_per_year),
               field("number", tr("Tax (yuan/yr)"), p + "/tax_yuan_per_year", e.tax_yuan_per_year),
               field("bool", tr("Above designated size"), p + "/above_designated_size", e.above_designated_size)});
}

QVariantMap ObjectFormCards::line(const model::ProductionLine& l, const std::string& p, const QString& language,
                                  const model::Park& park) {
  const QString product = l.product ? kindWord(*l.product) : QString();
  QVariantMap productField = kind(tr("Product"), p + "/product", l.product.value_or(model::Product{}), language);
  productField.insert("value", product);
  return card("line", l.id, tr("Line %1").arg(q(l.id)), p,
              {names(p + "/name", l.name, tr("Name (zh | en)")), kind(tr("Kind"), p + "/kind", l.kind, language),
               productField, reference(tr("Building"), p + "/building", l.building, park.buildings, language, false),
               reference(tr("Operator"), p + "/enterprise", l.enterprise, park.enterprises, language, true),
               field("number", tr("Capacity (t/yr)"), p + "/capacity_t_per_year", l.capacity_t_per_year),
               field("number", tr("Capacity (units/h)"), p + "/capacity_units_per_hour", l.capacity_units_per_hour),
               field("number", tr("Cycle time (s)"), p + "/cycle_time_s", l.cycle_time_s),
               field("number", tr("Specific energy (kWh/t)"), p + "/energy_kwh_per_t", l.energy_kwh_per_t),
               field("number", tr("Power (kW)"), p + "/power_kw", l.power_kw)});
}

QVariantMap ObjectFormCards::machineGroup(const model::MachineGroup& g, const std::string& p, const QString& language) {
  return card("machines", g.id, tr("Machine group %1").arg(q(g.id)), p,
              {names(p + "/name", g.name, tr("Name (zh | en)")), kind(tr("Kind"), p + "/kind", g.kind, language),
               field("integer", tr("Count"), p + "/count", g.count), field("integer", tr("Rows"), p + "/rows", g.rows),
               field("number", tr("Pitch x (m)"), p + "/pitch_x_m", g.pitch_x_m),
               field("number", tr("Pitch y (m)"), p + "/pitch_y_m", g.pitch_y_m),
               field("number", tr("Grid offset x (m)"), p + "/offset/x_m", g.offset.x_m),
               field("number", tr("Grid offset y (m)"), p + "/offset/y_m", g.offset.y_m),
               field("number", tr("Machine width (m)"), p + "/width_m", g.width_m),
               field("number", tr("Machine depth (m)"), p + "/depth_m", g.depth_m),
               field("number", tr("Machine height (m)"), p + "/height_m", g.height_m),
               field("number", tr("Power per machine (kW)"), p + "/power_kw", g.power_kw)});
}

QVariantMap ObjectFormCards::utility(const model::Utility& u, const std::string& p, const QString& language,
                                     const model::Park& park) {
  QVariantList fields{names(p + "/name", u.name, tr("Name (zh | en)")), kind(tr("Kind"), p + "/kind", u.kind, language),
                      reference(tr("Building"), p + "/building", u.building, park.buildings, language, true)};
  // A utility housed in a building stands where the building stands: no position of its own
  // to edit (the park file keeps none for it).
  if (u.building.empty()) {
    fields << field("number", tr("x (m)"), p + "/position/x_m", u.position.x_m)
           << field("number", tr("y (m)"), p + "/position/y_m", u.position.y_m);
  }
  fields << field("number", tr("Power (kW)"), p + "/power_kw", u.power_kw)
         << field("number", tr("Storage (kWh)"), p + "/energy_kwh", u.energy_kwh)
         << field("number", tr("Yearly energy (kWh)"), p + "/annual_energy_kwh", u.annual_energy_kwh)
         << field("integer", tr("Count"), p + "/count", u.count) << field("bool", tr("Planned"), p + "/planned", u.planned);
  return card("utility", u.id, tr("Utility %1").arg(q(u.id)), p, fields);
}

QVariantMap ObjectFormCards::external(const model::ExternalNode& n, const std::string& p, const QString& language) {
  return card("external", n.id, tr("External node %1").arg(q(n.id)), p,
              {names(p + "/name", n.name, tr("Name (zh | en)")), kind(tr("Kind"), p + "/kind", n.kind, language),
               field("number", tr("x (m)"), p + "/position/x_m", n.position.x_m),
               field("number", tr("y (m)"), p + "/position/y_m", n.position.y_m)});
}

QVariantMap ObjectFormCards::tag(const model::Tag& t, const std::string& p, const QString& language) {
  return card("tag", t.id, tr("Tag %1").arg(q(t.id)), p,
              {names(p + "/name", t.name, tr("Name (zh | en)")), kind(tr("Kind"), p + "/kind", t.kind, language),
               field("text", tr("Unit"), p + "/unit", q(t.unit)),
               field("integer", tr("Decimals (-1: the unit's)"), p + "/decimals", t.decimals)});
}

QVariantMap ObjectFormCards::alarmRule(const model::AlarmRule& a, const std::string& p, const QString& language) {
  return card("alarm", a.id, tr("Alarm rule %1").arg(q(a.id)), p,
              {names(p + "/message", a.message, tr("Message (zh | en)")),
               field("optionalNumber", tr("Above (tag unit)"), p + "/above", optional(a.above)),
               field("optionalNumber", tr("Below (tag unit)"), p + "/below", optional(a.below)),
               kind(tr("Severity"), p + "/severity", a.severity, language)});
}

}  // namespace parktwin::app
