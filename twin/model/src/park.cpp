#include "parktwin/model/park.hpp"

#include <cmath>

#include <algorithm>
#include <set>

namespace parktwin::model {

namespace {
template <typename T>
const T* findById(const std::vector<T>& items, const std::string& id) {
  auto it = std::ranges::find(items, id, &T::id);
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Building* Park::findBuilding(const std::string& objectId) const { return findById(buildings, objectId); }
const Enterprise* Park::findEnterprise(const std::string& objectId) const { return findById(enterprises, objectId); }
const ProductionLine* Park::findLine(const std::string& objectId) const { return findById(lines, objectId); }
const Utility* Park::findUtility(const std::string& objectId) const { return findById(utilities, objectId); }
const Tag* Park::findTag(const std::string& objectId) const { return findById(tags, objectId); }

bool Park::hasObject(const std::string& objectId) const {
  if (findBuilding(objectId) || findLine(objectId) || findUtility(objectId) || findById(externals, objectId) || findEnterprise(objectId)) return true;
  return std::ranges::any_of(lines, [&](const ProductionLine& line) {
    return findById(line.machines, objectId) != nullptr;
  });
}

std::string Park::operatorOf(const ProductionLine& line) const {
  if (!line.enterprise.empty()) return line.enterprise;
  const Building* building = findBuilding(line.building);
  return building ? building->enterprise : std::string();
}

int reportedDecimals(const Tag& tag) {
  if (tag.decimals >= 0) return tag.decimals;
  if (tag.kind == TagKind::state || tag.kind == TagKind::boolean || tag.unit == "state") return 0;
  if (tag.unit == "kW" || tag.unit == "degC") return 1;
  if (tag.unit == "kA" || tag.unit == "%" || tag.unit.ends_with("/h")) return 2;
  return 3;  // MW, V, t, kWh and anything else
}

int displayDecimals(const Tag& tag, double value) {
  if (tag.decimals >= 0) return tag.decimals;
  if (tag.kind == TagKind::state || tag.kind == TagKind::boolean || tag.unit == "state") return 0;
  return std::abs(value) >= 100 ? 0 : 1;
}

Park withoutPlanned(const Park& park) {
  Park built = park;
  std::set<std::string> gone;
  for (const auto& b : park.buildings) {
    if (b.planned) gone.insert(b.id);
  }
  std::erase_if(built.lines, [&](const ProductionLine& line) {
    if (!gone.contains(line.building)) return false;
    gone.insert(line.id);
    for (const auto& g : line.machines) gone.insert(g.id);
    return true;
  });
  for (const auto& u : park.utilities) {
    if (u.planned || gone.contains(u.building)) gone.insert(u.id);
  }
  std::erase_if(built.tags, [&](const Tag& t) { return gone.contains(t.object); });
  std::erase_if(built.material_links, [&](const MaterialLink& l) { return gone.contains(l.from) || gone.contains(l.to); });
  std::erase_if(built.energy_links, [&](const EnergyLink& l) { return gone.contains(l.from) || gone.contains(l.to); });
  std::set<std::string> tagIds;
  for (const auto& t : built.tags) tagIds.insert(t.id);
  std::erase_if(built.alarm_rules, [&](const AlarmRule& r) { return !tagIds.contains(r.tag); });
  return built;
}

ParkSummary summarize(const Park& park) {
  ParkSummary s;
  s.buildings = static_cast<int>(park.buildings.size());
  s.enterprises = static_cast<int>(park.enterprises.size());
  s.lines = static_cast<int>(park.lines.size());
  for (const auto& line : park.lines) {
    s.machine_groups += static_cast<int>(line.machines.size());
    for (const auto& group : line.machines) s.machines += group.count;
  }
  s.utilities = static_cast<int>(park.utilities.size());
  s.tags = static_cast<int>(park.tags.size());
  s.material_links = static_cast<int>(park.material_links.size());
  s.energy_links = static_cast<int>(park.energy_links.size());
  return s;
}

namespace {
template <typename T>
const LocalizedText* nameIn(const std::vector<T>& items, const std::string& id) {
  const T* found = findById(items, id);
  return found ? &found->name : nullptr;
}
}  // namespace

std::string objectName(const Park& park, const std::string& objectId, const std::string& language) {
  for (const LocalizedText* name : {nameIn(park.buildings, objectId), nameIn(park.lines, objectId),
                                    nameIn(park.utilities, objectId), nameIn(park.externals, objectId),
                                    nameIn(park.enterprises, objectId), nameIn(park.zones, objectId)}) {
    if (name) return name->in(language);
  }
  for (const auto& line : park.lines) {
    if (const auto* group = nameIn(line.machines, objectId)) return group->in(language);
  }
  return {};
}

std::string displayUnit(const std::string& unit) {
  static const std::pair<const char*, const char*> kReadable[] = {
      {"degC", "°C"}, {"m3", "m³"}, {"m3/h", "m³/h"}, {"m2", "m²"}, {"Nm3", "Nm³"}, {"Nm3/h", "Nm³/h"}};
  for (const auto& [ascii, readable] : kReadable) {
    if (unit == ascii) return readable;
  }
  return unit;
}

TimeZone parkTimeZone(const Park& park) { return TimeZone::load(park.time_zone).value_or(TimeZone::fixed(0)); }

}  // namespace parktwin::model
