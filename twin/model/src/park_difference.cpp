#include "parktwin/model/park_difference.hpp"

#include <filesystem>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "parktwin/model/model_files.hpp"
#include "parktwin/model/object_index.hpp"

namespace parktwin::model {
namespace {

// The ids of `a` that `b` lacks, in a's order.
std::vector<std::string> onlyIn(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::unordered_set<std::string> other(b.begin(), b.end());
  std::vector<std::string> out;
  for (const auto& id : a) {
    if (!other.contains(id)) out.push_back(id);
  }
  return out;
}

template <typename Item>
void addIds(const std::vector<Item>& items, std::vector<std::string>& ids) {
  for (const auto& item : items) ids.push_back(item.id);
}

// Every object the index knows (buildings, lines, machine groups, utilities, externals,
// enterprises, zones), in its order, then what it does not: roads, links and alarm rules (a
// link or rule on one side only changes the flows or alarms a desk shows).
std::vector<std::string> objectIds(const Park& park) {
  const ObjectIndex index(park);
  std::vector<std::string> ids;
  for (std::size_t slot = 0; slot < index.size(); ++slot) ids.push_back(index.at(slot).id);
  addIds(park.roads, ids);
  addIds(park.material_links, ids);
  addIds(park.energy_links, ids);
  addIds(park.alarm_rules, ids);
  return ids;
}

std::vector<std::string> tagIds(const Park& park) {
  std::vector<std::string> ids;
  for (const auto& tag : park.tags) ids.push_back(tag.id);
  return ids;
}

// The ids of `here`'s items that `there` has with other values, in here's order.
template <typename Item>
void otherValues(const std::vector<Item>& here, const std::vector<Item>& there, std::vector<std::string>& out) {
  std::unordered_map<std::string_view, const Item*> byId;
  for (const auto& item : there) byId.emplace(item.id, &item);
  for (const auto& item : here) {
    const auto it = byId.find(item.id);
    if (it != byId.end() && !(*it->second == item)) out.push_back(item.id);
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

// The park with every listed section emptied: what is left are its own fields.
Park ownFields(Park park) {
  park.zones.clear();
  park.roads.clear();
  park.buildings.clear();
  park.enterprises.clear();
  park.lines.clear();
  park.utilities.clear();
  park.externals.clear();
  park.tags.clear();
  park.material_links.clear();
  park.energy_links.clear();
  park.alarm_rules.clear();
  return park;
}

// Model uris say where a desk keeps a model's file: each desk's copy of the park lies in its own
// folder, and a desk that took the server's park keeps the server's files in its data folder.
// A model is the same where its file's name is.
Park withModelFileNames(const Park& park) {
  Park copy = park;
  std::map<std::string, std::string> names;
  for (const ModelUse& use : modelUses(copy)) names.emplace(use.model->uri, std::filesystem::path(use.model->uri).filename().generic_string());
  replaceModelUris(copy, names);
  return copy;
}

}  // namespace

ParkDifference differenceBetween(const Park& here, const Park& there) {
  ParkDifference d;
  const auto objectsHere = objectIds(here), objectsThere = objectIds(there);
  const auto tagsHere = tagIds(here), tagsThere = tagIds(there);
  d.objects_only_here = onlyIn(objectsHere, objectsThere);
  d.objects_only_there = onlyIn(objectsThere, objectsHere);
  d.tags_only_here = onlyIn(tagsHere, tagsThere);
  d.tags_only_there = onlyIn(tagsThere, tagsHere);
  d.other_values = otherValues(withModelFileNames(here), withModelFileNames(there));
  d.park_fields_differ = ownFields(here) != ownFields(there);
  return d;
}

}  // namespace parktwin::model
