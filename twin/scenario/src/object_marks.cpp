#include "parktwin/scenario/object_marks.hpp"

#include <algorithm>
#include <set>

namespace parktwin::scenario {

const char* markKindName(MarkKind kind) {
  switch (kind) {
    case MarkKind::down: return "down";
    case MarkKind::limited: return "limited";
    case MarkKind::raised: return "raised";
    case MarkKind::built: return "built";
    case MarkKind::changed: return "changed";
  }
  return "changed";
}

const char* markKindLabel(MarkKind kind, const std::string& language) {
  const bool zh = language == "zh";
  switch (kind) {
    case MarkKind::down: return zh ? "停产" : "Down";
    case MarkKind::limited: return zh ? "限产" : "Limited";
    case MarkKind::raised: return zh ? "扩容" : "Raised";
    case MarkKind::built: return zh ? "新建" : "New";
    case MarkKind::changed: return zh ? "改变" : "Changed";
  }
  return "";
}

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

// Where an object is drawn: a line or a utility in a building by its building.
std::string buildingOf(const model::Park& park, const std::string& id) {
  if (park.findBuilding(id)) return id;
  if (const auto* line = park.findLine(id)) return line->building;
  if (const auto* u = park.findUtility(id)) return u->building;
  return {};
}

MarkKind byFactor(double factor) { return factor < 1 ? MarkKind::limited : MarkKind::raised; }

// The objects a change acts on and what it does to them.
std::vector<std::pair<std::string, MarkKind>> touched(const Change& c, const model::Park& park) {
  switch (c.kind) {
    case ChangeKind::outage: return {{c.target, MarkKind::down}};
    case ChangeKind::capacity:
    case ChangeKind::demand: return {{c.target, byFactor(c.factor)}};
    case ChangeKind::commission: return {{c.target, MarkKind::built}};
    case ChangeKind::add_line: return {{c.line.id, MarkKind::built}};
    case ChangeKind::pv:
      // A PV plant that does not exist yet is built on the target building.
      return {{c.target, park.findUtility(c.target) ? MarkKind::raised : MarkKind::built}};
    case ChangeKind::storage: return {{c.target, MarkKind::raised}};
    case ChangeKind::grid_limit: {
      std::vector<std::pair<std::string, MarkKind>> ties;
      for (const auto& u : park.utilities) {
        if (u.kind == "grid_tie") ties.emplace_back(u.id, MarkKind::limited);
      }
      return ties;
    }
    case ChangeKind::route:
    case ChangeKind::retrofit: {
      // Route: the lines named (all molten-fed processors when none); retrofit: the lines of
      // the enterprises named.
      std::vector<std::pair<std::string, MarkKind>> lines;
      for (const auto& l : park.lines) {
        const bool named = std::ranges::find(c.targets, c.kind == ChangeKind::route ? l.id : park.operatorOf(l)) != c.targets.end();
        const bool allMoltenFed = c.kind == ChangeKind::route && c.targets.empty() &&
            std::ranges::any_of(park.material_links, [&](const auto& m) { return m.to == l.id && m.product == "molten_aluminium"; });
        if (named || allMoltenFed) lines.emplace_back(l.id, MarkKind::changed);
      }
      return lines;
    }
    case ChangeKind::tariff:
    case ChangeKind::grid_emission: return {};
  }
  return {};
}

}  // namespace

std::vector<ObjectMark> objectMarks(const Scenario& scenario, const model::Park& park) {
  std::vector<ObjectMark> marks;
  for (const Change& c : scenario.changes) {
    for (const auto& [object, kind] : touched(c, park)) {
      const std::string building = c.kind == ChangeKind::add_line ? c.line.building : buildingOf(park, object);
      marks.push_back({object, building, kind, c.kind, c.window});
    }
  }
  return marks;
}

std::vector<std::string> markedBuildings(const std::vector<ObjectMark>& marks) {
  std::set<std::string> ids;
  for (const auto& m : marks) {
    if (!m.building.empty()) ids.insert(m.building);
  }
  return {ids.begin(), ids.end()};
}

TimeWindow quickLookWindow(const Scenario& s) {
  std::int64_t first = s.end_ms();
  for (const auto& c : s.changes) {
    if (c.window) first = std::min(first, c.window->start_ms);
  }
  if (first >= s.end_ms()) first = s.start_ms + 24 * kHourMs;
  const std::int64_t from = std::max(s.start_ms, first - 24 * kHourMs);
  const std::int64_t start = from - (from - s.start_ms) % s.step_ms;
  return {start, std::min(start + 72 * kHourMs, s.end_ms())};
}

}  // namespace parktwin::scenario
