// Adding and removing enterprises, lines, machine groups, utilities, externals, tags and alarm
// rules (edit_objects.hpp), and which sections each touches.
#include "edit_support.hpp"

namespace parktwin::model::detail::objects {
namespace {

constexpr unsigned bit(ParkSection s) { return static_cast<unsigned>(s); }

// Tags, links and alarm rules: what a removed object takes with it.
constexpr ParkSections kDependents =
    bit(ParkSection::tags) | bit(ParkSection::material_links) | bit(ParkSection::energy_links) | bit(ParkSection::alarm_rules);

std::unexpected<Error> idUsed(const std::string& id) {
  return fail(ErrorCode::invalid_input, "the id \"" + id + "\" is already used");
}

template <typename T>
Result<void> appendNew(Park& park, std::vector<T>& items, const T& item) {
  if (item.id.empty()) return fail(ErrorCode::invalid_input, "a new object needs an id");
  if (idInUse(park, item.id)) return idUsed(item.id);
  items.push_back(item);
  return {};
}

template <typename T>
Result<void> removeWithDependents(Park& park, std::vector<T>& items, const std::string& id, const std::string& what) {
  if (std::erase_if(items, [&](const T& item) { return item.id == id; }) == 0) return noSuch(what, id);
  dropReferencesTo(park, {id});
  return {};
}

}  // namespace

Result<void> apply(Park& park, const AddEnterprise& e) { return appendNew(park, park.enterprises, e.enterprise); }

Result<void> apply(Park& park, const RemoveEnterprise& e) {
  if (std::erase_if(park.enterprises, [&](const Enterprise& x) { return x.id == e.id; }) == 0) return noSuch("enterprise", e.id);
  for (auto& b : park.buildings) {
    if (b.enterprise == e.id) b.enterprise.clear();
  }
  for (auto& l : park.lines) {
    if (l.enterprise == e.id) l.enterprise.clear();
  }
  return {};
}

Result<void> apply(Park& park, const AddLine& e) {
  if (e.line.id.empty()) return fail(ErrorCode::invalid_input, "a new object needs an id");
  if (idInUse(park, e.line.id)) return idUsed(e.line.id);
  for (const auto& g : e.line.machines) {
    if (g.id.empty() || g.id == e.line.id || idInUse(park, g.id)) return idUsed(g.id);
  }
  park.lines.push_back(e.line);
  return {};
}

Result<void> apply(Park& park, const RemoveLine& e) {
  ProductionLine* line = findItem(park.lines, e.id);
  if (!line) return noSuch("line", e.id);
  std::set<std::string> gone{e.id};
  for (const auto& g : line->machines) gone.insert(g.id);
  std::erase_if(park.lines, [&](const ProductionLine& l) { return l.id == e.id; });
  dropReferencesTo(park, gone);
  return {};
}

Result<void> apply(Park& park, const AddMachineGroup& e) {
  ProductionLine* line = findItem(park.lines, e.line);
  if (!line) return noSuch("line", e.line);
  return appendNew(park, line->machines, e.group);
}

Result<void> apply(Park& park, const RemoveMachineGroup& e) {
  for (auto& line : park.lines) {
    if (std::erase_if(line.machines, [&](const MachineGroup& g) { return g.id == e.id; }) > 0) {
      dropReferencesTo(park, {e.id});
      return {};
    }
  }
  return noSuch("machine group", e.id);
}

Result<void> apply(Park& park, const AddUtility& e) { return appendNew(park, park.utilities, e.utility); }
Result<void> apply(Park& park, const RemoveUtility& e) { return removeWithDependents(park, park.utilities, e.id, "utility"); }
Result<void> apply(Park& park, const AddExternal& e) { return appendNew(park, park.externals, e.external); }
Result<void> apply(Park& park, const RemoveExternal& e) { return removeWithDependents(park, park.externals, e.id, "external node"); }
Result<void> apply(Park& park, const AddTag& e) { return appendNew(park, park.tags, e.tag); }

Result<void> apply(Park& park, const RemoveTag& e) {
  if (std::erase_if(park.tags, [&](const Tag& t) { return t.id == e.id; }) == 0) return noSuch("tag", e.id);
  std::erase_if(park.alarm_rules, [&](const AlarmRule& r) { return r.tag == e.id; });
  return {};
}

Result<void> apply(Park& park, const AddAlarmRule& e) { return appendNew(park, park.alarm_rules, e.rule); }

Result<void> apply(Park& park, const RemoveAlarmRule& e) {
  if (std::erase_if(park.alarm_rules, [&](const AlarmRule& r) { return r.id == e.id; }) == 0) return noSuch("alarm rule", e.id);
  return {};
}

ParkSections sections(const AddEnterprise&) { return bit(ParkSection::enterprises); }
ParkSections sections(const RemoveEnterprise&) {
  return bit(ParkSection::enterprises) | bit(ParkSection::buildings) | bit(ParkSection::lines);
}
ParkSections sections(const AddLine&) { return bit(ParkSection::lines); }
ParkSections sections(const RemoveLine&) { return bit(ParkSection::lines) | kDependents; }
ParkSections sections(const AddMachineGroup&) { return bit(ParkSection::lines); }
ParkSections sections(const RemoveMachineGroup&) { return bit(ParkSection::lines) | kDependents; }
ParkSections sections(const AddUtility&) { return bit(ParkSection::utilities); }
ParkSections sections(const RemoveUtility&) { return bit(ParkSection::utilities) | kDependents; }
ParkSections sections(const AddExternal&) { return bit(ParkSection::externals); }
ParkSections sections(const RemoveExternal&) { return bit(ParkSection::externals) | kDependents; }
ParkSections sections(const AddTag&) { return bit(ParkSection::tags); }
ParkSections sections(const RemoveTag&) { return bit(ParkSection::tags) | bit(ParkSection::alarm_rules); }
ParkSections sections(const AddAlarmRule&) { return bit(ParkSection::alarm_rules); }
ParkSections sections(const RemoveAlarmRule&) { return bit(ParkSection::alarm_rules); }

}  // namespace parktwin::model::detail::objects

namespace parktwin::model {
std::string unusedObjectId(const Park& park, const std::string& base) { return detail::unusedId(park, base); }
}  // namespace parktwin::model
