// SetField: the object holding the field goes to JSON with the file's writer, the value is set
// at the pointer, and the object comes back through the file's reader, so a value is accepted
// exactly when a park file with it would be read (its range is then validatePark's concern).
#include <map>

#include "edit_support.hpp"
#include "park_json.hpp"

namespace parktwin::model::detail {
namespace {

using ojson = nlohmann::ordered_json;

const std::map<std::string, ParkSection>& arraySections() {
  static const std::map<std::string, ParkSection> sections{
      {"zones", ParkSection::zones},           {"roads", ParkSection::roads},
      {"buildings", ParkSection::buildings},   {"enterprises", ParkSection::enterprises},
      {"lines", ParkSection::lines},           {"utilities", ParkSection::utilities},
      {"externals", ParkSection::externals},   {"tags", ParkSection::tags},
      {"material_links", ParkSection::material_links}, {"energy_links", ParkSection::energy_links},
      {"alarm_rules", ParkSection::alarm_rules}};
  return sections;
}

// The pointer split as /<section>/<index>/<rest>; index and rest empty for header fields.
// /<section>/- (JSON Pointer's "past the end") appends the value, a whole item, to the section.
struct Target {
  std::string section;
  std::size_t index = 0;
  bool append = false;
  json::json_pointer rest;
};

Result<Target> targetOf(const std::string& pointer) {
  json::json_pointer parsed;
  try {
    parsed = json::json_pointer(pointer);
  } catch (const json::exception&) {
    return fail(ErrorCode::invalid_input, pointer + ": not a JSON Pointer (expected /section/index/field)");
  }
  std::vector<std::string> tokens;
  for (auto p = parsed; !p.empty(); p.pop_back()) tokens.insert(tokens.begin(), p.back());
  if (tokens.empty() || tokens.front() == "format") return fail(ErrorCode::invalid_input, pointer + ": no field to set");
  Target target;
  target.section = tokens.front();
  if (!arraySections().contains(target.section)) {
    if (tokens.size() > 1 && target.section != "name" && target.section != "description") {
      return fail(ErrorCode::invalid_input, pointer + ": /" + target.section + " holds no fields");
    }
    target.rest = parsed;
    return target;
  }
  if (tokens.size() == 2 && tokens[1] == "-") {
    target.append = true;
    return target;
  }
  if (tokens.size() < 2 || tokens[1].empty() || tokens[1].find_first_not_of("0123456789") != std::string::npos) {
    return fail(ErrorCode::invalid_input, pointer + ": expected an index after /" + target.section +
                                              " (or /" + target.section + "/- to add a whole item at its end)");
  }
  target.index = std::stoul(tokens[1]);
  for (std::size_t i = 2; i < tokens.size(); ++i) target.rest.push_back(tokens[i]);
  return target;
}

// The value set into `object` at `at`; null removes an optional key.
Result<json> withValue(const ojson& object, const json::json_pointer& at, const json& value, const std::string& pointer) {
  json j = json::parse(object.dump());
  try {
    if (at.empty()) return value;
    if (value.is_null()) {
      j.at(at.parent_pointer()).erase(at.back());
    } else {
      j[at] = value;
    }
  } catch (const json::exception&) {
    return fail(ErrorCode::invalid_input, pointer + ": no such place in the object");
  }
  return j;
}

template <typename T, typename Read>
Result<void> setInList(std::vector<T>& items, const Target& t, const SetField& e, Read read) {
  if (t.append) {
    if (!e.value.is_object()) return fail(ErrorCode::invalid_input, e.pointer + ": expected a whole item, a JSON object");
    Problems problems;
    T item = read(e.value, "/" + t.section + "/" + std::to_string(items.size()), problems);
    if (!problems.empty()) return std::unexpected(Error{problems.failure("edit").error().message, ErrorCode::invalid_input});
    items.push_back(std::move(item));
    return {};
  }
  if (t.index >= items.size()) {
    return fail(ErrorCode::not_found, e.pointer + ": /" + t.section + " has " + std::to_string(items.size()) + " items (/" +
                                          t.section + "/- adds one at its end)");
  }
  auto changed = withValue(toJson(items[t.index]), t.rest, e.value, e.pointer);
  if (!changed) return std::unexpected(changed.error());
  Problems problems;
  T item = read(*changed, "/" + t.section + "/" + std::to_string(t.index), problems);
  if (!problems.empty()) return std::unexpected(Error{problems.failure("edit").error().message, ErrorCode::invalid_input});
  items[t.index] = std::move(item);
  return {};
}

Result<void> setInHeader(Park& park, const Target& t, const SetField& e) {
  auto changed = withValue(parkToJson(park), t.rest, e.value, e.pointer);
  if (!changed) return std::unexpected(changed.error());
  Problems problems;
  Park read = readPark(*changed, problems);
  if (!problems.empty()) return std::unexpected(Error{problems.failure("edit").error().message, ErrorCode::invalid_input});
  copySections(read, park, static_cast<unsigned>(ParkSection::header));
  return {};
}

}  // namespace

ParkSections sectionsOfPointer(const std::string& pointer) {
  auto target = targetOf(pointer);
  if (!target) return 0;
  auto it = arraySections().find(target->section);
  return static_cast<unsigned>(it == arraySections().end() ? ParkSection::header : it->second);
}

Result<void> applySetField(Park& park, const SetField& e) {
  auto t = targetOf(e.pointer);
  if (!t) return std::unexpected(t.error());
  const std::string& s = t->section;
  if (s == "zones") return setInList(park.zones, *t, e, readZone);
  if (s == "roads") return setInList(park.roads, *t, e, readRoad);
  if (s == "buildings") return setInList(park.buildings, *t, e, readBuilding);
  if (s == "enterprises") return setInList(park.enterprises, *t, e, readEnterprise);
  if (s == "lines") return setInList(park.lines, *t, e, readLine);
  if (s == "utilities") return setInList(park.utilities, *t, e, readUtility);
  if (s == "externals") return setInList(park.externals, *t, e, readExternal);
  if (s == "tags") return setInList(park.tags, *t, e, readTag);
  if (s == "material_links") return setInList(park.material_links, *t, e, readMaterialLink);
  if (s == "energy_links") return setInList(park.energy_links, *t, e, readEnergyLink);
  if (s == "alarm_rules") return setInList(park.alarm_rules, *t, e, readAlarmRule);
  return setInHeader(park, *t, e);
}

}  // namespace parktwin::model::detail
