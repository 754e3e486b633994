#include "edit_support.hpp"

namespace parktwin::model::detail {
namespace {
template <typename T>
bool has(const std::vector<T>& items, const std::string& id) {
  return std::ranges::find(items, id, &T::id) != items.end();
}

bool in(ParkSections sections, ParkSection one) { return (sections & static_cast<unsigned>(one)) != 0; }
}  // namespace

bool idInUse(const Park& park, const std::string& id) {
  return park.hasObject(id) || has(park.zones, id) || has(park.roads, id) || has(park.tags, id) ||
         has(park.material_links, id) || has(park.energy_links, id) || has(park.alarm_rules, id);
}

std::string unusedId(const Park& park, const std::string& base) {
  std::string id = base;
  for (int n = 2; idInUse(park, id); ++n) id = base + "-" + std::to_string(n);
  return id;
}

void copySections(const Park& from, Park& to, ParkSections sections) {
  if (in(sections, ParkSection::header)) {
    to.id = from.id;
    to.name = from.name;
    to.description = from.description;
    to.latitude_deg = from.latitude_deg;
    to.longitude_deg = from.longitude_deg;
    to.time_zone = from.time_zone;
    to.land_area_mu = from.land_area_mu;
    to.grid_emission_t_per_mwh = from.grid_emission_t_per_mwh;
  }
  if (in(sections, ParkSection::zones)) to.zones = from.zones;
  if (in(sections, ParkSection::roads)) to.roads = from.roads;
  if (in(sections, ParkSection::buildings)) to.buildings = from.buildings;
  if (in(sections, ParkSection::enterprises)) to.enterprises = from.enterprises;
  if (in(sections, ParkSection::lines)) to.lines = from.lines;
  if (in(sections, ParkSection::utilities)) to.utilities = from.utilities;
  if (in(sections, ParkSection::externals)) to.externals = from.externals;
  if (in(sections, ParkSection::tags)) to.tags = from.tags;
  if (in(sections, ParkSection::material_links)) to.material_links = from.material_links;
  if (in(sections, ParkSection::energy_links)) to.energy_links = from.energy_links;
  if (in(sections, ParkSection::alarm_rules)) to.alarm_rules = from.alarm_rules;
}

void dropReferencesTo(Park& park, const std::set<std::string>& gone) {
  std::set<std::string> goneTags;
  std::erase_if(park.tags, [&](const Tag& t) {
    if (!gone.contains(t.object)) return false;
    goneTags.insert(t.id);
    return true;
  });
  std::erase_if(park.material_links, [&](const MaterialLink& l) { return gone.contains(l.from) || gone.contains(l.to); });
  std::erase_if(park.energy_links, [&](const EnergyLink& l) { return gone.contains(l.from) || gone.contains(l.to); });
  std::erase_if(park.alarm_rules, [&](const AlarmRule& r) { return goneTags.contains(r.tag); });
}

std::unexpected<Error> noSuch(const std::string& what, const std::string& id) {
  return fail(ErrorCode::not_found, "no " + what + " \"" + id + "\" in the park");
}

}  // namespace parktwin::model::detail
