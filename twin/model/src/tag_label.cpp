#include "parktwin/model/tag_label.hpp"

#include <algorithm>

namespace parktwin::model {

std::string tagLabel(const Park& park, const Tag& tag, const std::string& language) {
  std::string own = tag.name.in(language);
  if (own.empty()) {
    own = std::string(displayName(tag.kind, language));
    const std::string unit = displayUnit(tag.unit);
    if (!unit.empty() && tag.unit != "state") own += language == "zh" ? "（" + unit + "）" : " (" + unit + ")";
  }
  const std::string object = objectName(park, tag.object, language);
  if (object.empty() || own.find(object) != std::string::npos) return own;
  return object + " · " + own;
}

namespace {

// The first item of `items` with `id`, or null.
template <typename Item>
const Item* withId(const std::vector<Item>& items, const std::string& id) {
  const auto found = std::ranges::find(items, id, &Item::id);
  return found == items.end() ? nullptr : &*found;
}

// A name, or the id where the name is empty in that language.
std::string nameOr(const std::string& name, const std::string& id) { return name.empty() ? id : name; }

}  // namespace

std::string itemName(const Park& park, const std::string& id, const std::string& language) {
  if (std::string name = objectName(park, id, language); !name.empty()) return name;
  if (const Tag* tag = withId(park.tags, id)) return tagLabel(park, *tag, language);
  if (const Road* road = withId(park.roads, id)) return nameOr(road->name.in(language), id);
  const auto ends = [&](const auto& link) {
    return nameOr(objectName(park, link.from, language), link.from) + " → " + nameOr(objectName(park, link.to, language), link.to);
  };
  if (const auto* link = withId(park.material_links, id)) return ends(*link);
  if (const auto* link = withId(park.energy_links, id)) return ends(*link);
  if (const AlarmRule* rule = withId(park.alarm_rules, id)) {
    if (const Tag* tag = withId(park.tags, rule->tag)) return tagLabel(park, *tag, language);
  }
  return id;
}

}  // namespace parktwin::model
