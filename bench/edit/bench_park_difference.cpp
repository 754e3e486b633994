// parktwin-bench-park-difference: a window joined to a server compares its park with the
// server's after every edit (ParkController::showEditedPark -> model::differenceBetween). 1,000
// edits on Beidu (a building moved 1 m each), each followed by that comparison, timed for
// differenceBetween as it is and for the version before it in the same run: that one copied
// both parks twice per call (model uris reduced to file names; the own fields with every section
// emptied). Twice: the desk's models in the server's folders, and in another folder (a desk
// that fetched the server's models). Prints the median of 5 rounds of each, and the ratio;
// exits 1 where the two versions say different things of these edits or of edits of other kinds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "parktwin/model/model_files.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/model/park_difference.hpp"
#include "parktwin/model/park_file.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace parktwin;
using model::Park;

// The version before (twin/model/src/park_difference.cpp at 0a456104), kept here as the baseline.
namespace before {

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

std::vector<std::string> objectIds(const Park& park) {
  const model::ObjectIndex index(park);
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

Park withModelFileNames(const Park& park) {
  Park copy = park;
  std::map<std::string, std::string> names;
  for (const model::ModelUse& use : model::modelUses(copy)) {
    names.emplace(use.model->uri, std::filesystem::path(use.model->uri).filename().generic_string());
  }
  model::replaceModelUris(copy, names);
  return copy;
}

model::ParkDifference differenceBetween(const Park& here, const Park& there) {
  model::ParkDifference d;
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

}  // namespace before

using Compare = std::function<model::ParkDifference(const Park&, const Park&)>;

// Milliseconds for `edits` edits, each followed by the comparison; the differences found are
// summed into `named` so that the work is used (and both versions can be checked to agree).
double editsMs(const Park& server, Park window, int edits, const Compare& compare, std::size_t& named) {
  const auto t0 = Clock::now();
  for (int i = 0; i < edits; ++i) {
    window.buildings[static_cast<std::size_t>(i) % window.buildings.size()].position.x_m += 1;
    named += compare(window, server).other_values.size();
  }
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

bool sameDifference(const model::ParkDifference& a, const model::ParkDifference& b) {
  return a.objects_only_here == b.objects_only_here && a.objects_only_there == b.objects_only_there &&
         a.tags_only_here == b.tags_only_here && a.tags_only_there == b.tags_only_there && a.other_values == b.other_values &&
         a.park_fields_differ == b.park_fields_differ;
}

// Both versions say the same of edits of every kind (not timed): a section reordered, items
// removed and added, a model in another folder or of another file, the park's own fields.
bool versionsAgree(const Park& server, const Park& fetched) {
  std::vector<std::function<void(Park&)>> edits{
      [](Park& p) { p.buildings[2].height_m += 1; },
      [](Park& p) { std::ranges::reverse(p.lines); },
      [](Park& p) { p.buildings.erase(p.buildings.begin() + 1); },
      [](Park& p) { p.tags.push_back(p.tags.front()), p.tags.back().id = "bench.extra"; },
      [](Park& p) { p.material_links.pop_back(), p.alarm_rules.erase(p.alarm_rules.begin()); },
      [](Park& p) { p.lines[0].machines.clear(); },
      [](Park& p) {
        for (auto& line : p.lines) {
          for (auto& group : line.machines) {
            if (group.model) group.model->uri = "elsewhere/" + group.model->uri, group.model->scale *= 2;
          }
        }
      },
      [](Park& p) {
        for (auto& b : p.buildings) {
          if (b.model) b.model->uri = "other-file.glb";
        }
      },
      [](Park& p) { p.time_zone = "Asia/Urumqi", p.name.en += " (copy)"; },
  };
  bool agree = true;
  for (const Park* window : {&server, &fetched}) {
    Park edited = *window;
    agree &= sameDifference(model::differenceBetween(edited, server), before::differenceBetween(edited, server));
    for (const auto& edit : edits) {
      edit(edited);  // cumulative: the parks drift further apart edit by edit
      agree &= sameDifference(model::differenceBetween(edited, server), before::differenceBetween(edited, server));
      agree &= sameDifference(model::differenceBetween(server, edited), before::differenceBetween(server, edited));
    }
  }
  return agree;
}

double median(std::vector<double> v) {
  std::ranges::nth_element(v, v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2));
  return v[v.size() / 2];
}

}  // namespace

int main() {
  const std::string file = std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/beidu.json";
  auto loaded = model::loadPark(file);
  if (!loaded) return std::fprintf(stderr, "%s\n", loaded.error().message.c_str()), 1;
  const Park server = *loaded;
  Park fetched = server;  // the desk's copies of the server's models, in its data folder
  std::map<std::string, std::string> moved;
  for (const auto& use : model::modelUses(fetched)) {
    moved.emplace(use.model->uri, "/home/li/.local/share/ParkTwin/server-models/" +
                                      std::filesystem::path(use.model->uri).filename().generic_string());
  }
  const int models = model::replaceModelUris(fetched, moved);
  constexpr int kEdits = 1000, kRounds = 5;
  std::printf("Beidu: %zu buildings, %zu lines, %zu tags, %d model references; %d edits per round, median of %d rounds\n",
              server.buildings.size(), server.lines.size(), server.tags.size(), models, kEdits, kRounds);
  bool agree = true;
  for (const auto& [label, window] : {std::pair<const char*, const Park*>{"models in the server's folders", &server},
                                      {"models in another folder", &fetched}}) {
    std::vector<double> now, old;
    for (int round = 0; round < kRounds; ++round) {
      std::size_t namedNow = 0, namedOld = 0;
      now.push_back(editsMs(server, *window, kEdits, model::differenceBetween, namedNow));
      old.push_back(editsMs(server, *window, kEdits, before::differenceBetween, namedOld));
      agree &= namedNow == namedOld;
    }
    const double n = median(now), o = median(old);
    std::printf("%-32s differenceBetween %8.3f ms (%6.1f us/edit)   before %8.3f ms (%6.1f us/edit)   ratio %.3f\n", label, n,
                1000 * n / kEdits, o, 1000 * o / kEdits, n / o);
  }
  if (!agree || !versionsAgree(server, fetched)) return std::fprintf(stderr, "the two versions named other differences\n"), 1;
  std::printf("both versions say the same of every edit\n");
  return 0;
}
