#pragma once
// What a scenario does to the park's objects, for showing it: which objects are down, limited,
// raised, new or otherwise changed, and when. The 3D view marks them while the scenario's run
// is replayed, so the baseline and the scenario look different where they differ.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parktwin/model/park.hpp"
#include "parktwin/scenario/scenario.hpp"

namespace parktwin::scenario {

enum class MarkKind {
  down,        // out of service (outage)
  limited,     // runs below its capacity or what it is asked for (capacity or demand < 1, grid limit)
  raised,      // runs above it (capacity or demand > 1, a bigger PV or storage)
  built,       // new in the scenario: commissioned, an added line, a new PV plant
  changed,     // works differently (retrofit, molten metal rerouted: remelting ingot)
};

const char* markKindName(MarkKind kind);  // "down", "limited", "raised", "built", "changed"
// For people, in "zh" or "en": "停产" / "Down".
const char* markKindLabel(MarkKind kind, const std::string& language);

struct ObjectMark {
  std::string object;    // a building, line or utility of the park (or new in the scenario)
  std::string building;  // where it is drawn: its building, or itself; empty for a free utility
  MarkKind kind = MarkKind::changed;
  ChangeKind change = ChangeKind::outage;
  std::optional<TimeWindow> window;  // nullopt: the whole period
  bool inForceAt(std::int64_t t_ms) const { return !window || window->contains(t_ms); }
};

// One mark per object a change touches, in the order of the changes. Park-wide changes
// (tariff, grid CO2 factor) mark no object; a grid limit marks the park's grid ties.
std::vector<ObjectMark> objectMarks(const Scenario& scenario, const model::Park& park);

// The buildings any mark touches, sorted and unique.
std::vector<std::string> markedBuildings(const std::vector<ObjectMark>& marks);

// The quick look's period: three days from a day before the first timed change (from a day
// after the start when nothing is timed), on the scenario's step grid and inside its period.
TimeWindow quickLookWindow(const Scenario& scenario);

}  // namespace parktwin::scenario
