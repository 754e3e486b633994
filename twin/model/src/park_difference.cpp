#include "parktwin/model/park_difference.hpp"

#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace parktwin::model {
namespace {

// Everything here reads both parks in place: the window compares its park with the server's
// after every edit, and a whole-park copy per side (as this did) cost more than the edit.

// The ids of `a` that `b` lacks, in a's order. Two versions of one park mostly list the same
// ids in the same order: then there is nothing to look up.
std::vector<std::string> onlyIn(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  if (a == b) return {};
  const std::unordered_set<std::string_view> other(b.begin(), b.end());
  std::vector<std::string> out;
  for (const auto id : a) {
    if (!other.contains(id)) out.emplace_back(id);
  }
  return out;
}

template <typename Item>
void addIds(const std::vector<Item>& items, std::vector<std::string_view>& ids) {
  for (const auto& item : items) ids.emplace_back(item.id);
}

// Every object the index knows, in ObjectIndex's order and with its rule that the first of an
// id counts (buildings, each line then its machine groups, utilities, externals, enterprises,
// zones), then what it does not: roads, links and alarm rules (a link or rule on one side only
// changes the flows or alarms a desk shows). Views into the park.
std::vector<std::string_view> objectIds(const Park& park) {
  std::vector<std::string_view> ids;
  std::unordered_set<std::string_view> indexed;
  const auto index = [&](const std::string& id) {
    if (indexed.insert(id).second) ids.emplace_back(id);
  };
  for (const auto& b : park.buildings) index(b.id);
  for (const auto& line : park.lines) {
    index(line.id);
    for (const auto& group : line.machines) index(group.id);
  }
  for (const auto& u : park.utilities) index(u.id);
  for (const auto& e : park.externals) index(e.id);
  for (const auto& e : park.enterprises) index(e.id);
  for (const auto& z : park.zones) index(z.id);
  addIds(park.roads, ids);
  addIds(park.material_links, ids);
  addIds(park.energy_links, ids);
  addIds(park.alarm_rules, ids);
  return ids;
}

std::vector<std::string_view> tagIds(const Park& park) {
  std::vector<std::string_view> ids;
  addIds(park.tags, ids);
  return ids;
}

// Model uris say where a desk keeps a model's file: each desk's copy of the park lies in its own
// folder, and a desk that took the server's park keeps the server's files in its data folder.
// A model is the same where its file's name and its placing are.
bool sameModel(const std::optional<ModelRef>& a, const std::optional<ModelRef>& b) {
  if (a == b) return true;
  if (!a || !b) return false;
  // A uri is a generic path ('/'), so its file's name is what follows the last '/'.
  const auto fileName = [](std::string_view uri) { return uri.substr(uri.find_last_of('/') + 1); };
  if (fileName(a->uri) != fileName(b->uri)) return false;
  ModelRef placing = *b;  // a few numbers and the uri: b's placing under a's uri
  placing.uri = a->uri;
  return *a == placing;
}

// Items without a model: all of their values.
template <typename Item>
bool sameValues(const Item& a, const Item& b) {
  return a == b;
}

// An item with a model: the same where only its model's folder differs. The item is copied only
// then, to compare the rest with its own operator== (which sees every field, new ones too).
template <typename Item>
  requires requires(const Item& item) { item.model; }
bool sameValues(const Item& a, const Item& b) {
  if (a == b) return true;
  if (a.model == b.model || !sameModel(a.model, b.model)) return false;
  Item other = b;
  other.model = a.model;
  return a == other;
}

// A line's machine groups have models: as above, group by group.
bool sameValues(const ProductionLine& a, const ProductionLine& b) {
  if (a == b) return true;
  if (a.machines.size() != b.machines.size()) return false;
  bool folderOnly = false;  // some group's model differs only by its folder
  for (std::size_t i = 0; i < a.machines.size(); ++i) {
    const auto &ma = a.machines[i].model, &mb = b.machines[i].model;
    if (ma == mb) continue;
    if (!sameModel(ma, mb)) return false;
    folderOnly = true;
  }
  if (!folderOnly) return false;
  ProductionLine other = b;
  for (std::size_t i = 0; i < a.machines.size(); ++i) other.machines[i].model = a.machines[i].model;
  return a == other;
}

// The ids of `here`'s items that `there` has with other values, in here's order. Each is
// compared with its namesake at the same place where there is one (an edit keeps the order), and
// looked up by id only where the orders part. Ids are unique in a park that loaded.
template <typename Item>
void otherValues(const std::vector<Item>& here, const std::vector<Item>& there, std::vector<std::string>& out) {
  std::unordered_map<std::string_view, const Item*> byId;  // built at the first item out of place
  for (std::size_t i = 0; i < here.size(); ++i) {
    const Item& item = here[i];
    const Item* namesake = i < there.size() && there[i].id == item.id ? &there[i] : nullptr;
    if (!namesake) {
      if (byId.empty()) {
        for (const auto& other : there) byId.emplace(other.id, &other);
      }
      const auto it = byId.find(item.id);
      namesake = it != byId.end() ? it->second : nullptr;
    }
    if (namesake && !sameValues(item, *namesake)) out.push_back(item.id);
  }
}

std::vector<std::string> otherValues(const Park& here, const Park& there) {
  std::vector<std::string> out;
  otherValues(here.zones, there.zones, out);
  otherValues(here.roads, there.roads, out);
  otherValues(here.buildings, there.buildings, out);
  otherValues(here.enterprises, there.enterprises, out);
  otherValues(here.lines, there.lines, out);
  otherValues(here.utilities, there.utilities, out);
  otherValues(here.externals, there.externals, out);
  otherValues(here.tags, there.tags, out);
  otherValues(here.material_links, there.material_links, out);
  otherValues(here.energy_links, there.energy_links, out);
  otherValues(here.alarm_rules, there.alarm_rules, out);
  return out;
}

// The park's own fields: all but its sections, which the ids and otherValues compare.
auto ownFields(const Park& p) {
  return std::tie(p.id, p.name, p.description, p.latitude_deg, p.longitude_deg, p.time_zone, p.land_area_mu,
                  p.grid_emission_t_per_mwh);
}
// A field added to Park changes its size: compare it in ownFields (or among the sections) and
// count it here. (Strings, texts, doubles and vectors leave no padding between them.)
static_assert(sizeof(Park) == 2 * sizeof(std::string) + 2 * sizeof(LocalizedText) + 4 * sizeof(double) +
                                  11 * sizeof(std::vector<Zone>),
              "Park has another field: say in ownFields whether the parks differ in it");

}  // namespace

ParkDifference differenceBetween(const Park& here, const Park& there) {
  ParkDifference d;
  const auto objectsHere = objectIds(here), objectsThere = objectIds(there);
  const auto tagsHere = tagIds(here), tagsThere = tagIds(there);
  d.objects_only_here = onlyIn(objectsHere, objectsThere);
  d.objects_only_there = onlyIn(objectsThere, objectsHere);
  d.tags_only_here = onlyIn(tagsHere, tagsThere);
  d.tags_only_there = onlyIn(tagsThere, tagsHere);
  d.other_values = otherValues(here, there);
  d.park_fields_differ = ownFields(here) != ownFields(there);
  return d;
}

}  // namespace parktwin::model
