#include "parktwin/model/park_difference.hpp"

#include <unordered_set>

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

// Every object the index knows (buildings, lines, machine groups, utilities, externals,
// enterprises, zones), in its order.
std::vector<std::string> objectIds(const Park& park) {
  const ObjectIndex index(park);
  std::vector<std::string> ids;
  for (std::size_t slot = 0; slot < index.size(); ++slot) ids.push_back(index.at(slot).id);
  return ids;
}

std::vector<std::string> tagIds(const Park& park) {
  std::vector<std::string> ids;
  for (const auto& tag : park.tags) ids.push_back(tag.id);
  return ids;
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
  // With ids apart, any other difference is one of values; with none, the parks are equal or
  // differ in values only.
  d.other_values_differ = here != there && d.objects_only_here.empty() && d.objects_only_there.empty() && d.tags_only_here.empty() &&
                          d.tags_only_there.empty();
  return d;
}

}  // namespace parktwin::model
