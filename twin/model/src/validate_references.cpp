// Rules across objects: ids unique in the whole park, references that resolve, machine grids
// inside their building, links between two different nodes.
#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "parktwin/model/machine_grid.hpp"
#include "validate_checker.hpp"

namespace parktwin::model::detail {
namespace {

// Numbers as the message always printed them (an ostream's default six significant digits).
std::string streamed(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}
std::string sizeText(double width_m, double depth_m) { return streamed(width_m) + " m x " + streamed(depth_m) + " m"; }

// Ids are unique across the whole park, so a link or tag can name any object unambiguously.
void checkUniqueIds(const Park& park, Checker& p) {
  std::map<std::string, std::string> seen;  // id -> path of first use
  const auto visit = [&](const std::string& id, const std::string& path) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, path);
    if (!inserted) p.add(path, {.code = ProblemCode::duplicate_id, .first = id, .second = it->second});
  };
  auto visitAll = [&](const auto& items, const std::string& base) {
    for (std::size_t i = 0; i < items.size(); ++i) visit(items[i].id, base + "/" + std::to_string(i) + "/id");
  };
  visitAll(park.zones, "/zones");
  visitAll(park.roads, "/roads");
  visitAll(park.buildings, "/buildings");
  visitAll(park.enterprises, "/enterprises");
  for (std::size_t i = 0; i < park.lines.size(); ++i) {
    visit(park.lines[i].id, "/lines/" + std::to_string(i) + "/id");
    visitAll(park.lines[i].machines, "/lines/" + std::to_string(i) + "/machines");
  }
  visitAll(park.utilities, "/utilities");
  visitAll(park.externals, "/externals");
  visitAll(park.tags, "/tags");
  visitAll(park.material_links, "/material_links");
  visitAll(park.energy_links, "/energy_links");
  visitAll(park.alarm_rules, "/alarm_rules");
}

void checkReferences(const Park& park, Checker& p) {
  const auto must = [&](bool ok, const std::string& path, ProblemCode missing, const std::string& id) {
    if (!ok) p.add(path, {.code = missing, .first = id});
  };
  for (std::size_t i = 0; i < park.buildings.size(); ++i) {
    const auto& b = park.buildings[i];
    const std::string at = "/buildings/" + std::to_string(i);
    if (!b.enterprise.empty()) must(park.findEnterprise(b.enterprise), at + "/enterprise", ProblemCode::missing_enterprise, b.enterprise);
    if (!b.zone.empty()) {
      must(std::ranges::find(park.zones, b.zone, &Zone::id) != park.zones.end(), at + "/zone", ProblemCode::missing_zone, b.zone);
    }
  }
  for (std::size_t i = 0; i < park.lines.size(); ++i) {
    const auto& line = park.lines[i];
    const std::string at = "/lines/" + std::to_string(i);
    if (!line.enterprise.empty()) must(park.findEnterprise(line.enterprise), at + "/enterprise", ProblemCode::missing_enterprise, line.enterprise);
    const Building* building = park.findBuilding(line.building);
    must(building, at + "/building", ProblemCode::missing_building, line.building);
    if (!building) continue;
    // A machine grid must fit inside its building's footprint.
    for (std::size_t m = 0; m < line.machines.size(); ++m) {
      const auto& g = line.machines[m];
      const MachineGrid grid = machineGrid(g);
      if (grid.empty()) continue;  // its count or rows are reported as out of range
      const bool fits = std::abs(g.offset.x_m) + grid.width_m / 2 <= building->width_m / 2 + 1e-6 &&
                        std::abs(g.offset.y_m) + grid.depth_m / 2 <= building->depth_m / 2 + 1e-6;
      if (!fits) {
        p.add(at + "/machines/" + std::to_string(m),
              {.code = ProblemCode::grid_outside_building, .first = sizeText(grid.width_m, grid.depth_m),
               .second = streamed(g.offset.x_m) + ", " + streamed(g.offset.y_m), .third = building->id,
               .fourth = sizeText(building->width_m, building->depth_m)});
      }
    }
  }
  for (std::size_t i = 0; i < park.utilities.size(); ++i) {
    const auto& u = park.utilities[i];
    if (!u.building.empty()) must(park.findBuilding(u.building), "/utilities/" + std::to_string(i) + "/building", ProblemCode::missing_building, u.building);
  }
  for (std::size_t i = 0; i < park.tags.size(); ++i) {
    must(park.hasObject(park.tags[i].object), "/tags/" + std::to_string(i) + "/object", ProblemCode::missing_object, park.tags[i].object);
  }
  const auto checkEnds = [&](const auto& links, const std::string& base) {
    for (std::size_t i = 0; i < links.size(); ++i) {
      const std::string at = base + "/" + std::to_string(i);
      must(park.hasObject(links[i].from), at + "/from", ProblemCode::missing_object, links[i].from);
      must(park.hasObject(links[i].to), at + "/to", ProblemCode::missing_object, links[i].to);
      if (!links[i].from.empty() && links[i].from == links[i].to) p.add(at + "/to", {.code = ProblemCode::link_to_itself});
    }
  };
  checkEnds(park.material_links, "/material_links");
  checkEnds(park.energy_links, "/energy_links");
  for (std::size_t i = 0; i < park.alarm_rules.size(); ++i) {
    must(park.findTag(park.alarm_rules[i].tag), "/alarm_rules/" + std::to_string(i) + "/tag", ProblemCode::missing_tag, park.alarm_rules[i].tag);
  }
}

}  // namespace

void checkIdsAndReferences(const Park& park, Checker& check) {
  checkUniqueIds(park, check);
  checkReferences(park, check);
}

}  // namespace parktwin::model::detail
