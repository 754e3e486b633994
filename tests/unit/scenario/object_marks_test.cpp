// A scenario's marks on the park's objects and its quick-look period, against the scenario
// written out here and hand-worked times.
#include <gtest/gtest.h>

#include "parktwin/scenario/object_marks.hpp"

namespace {

using namespace parktwin;
using namespace parktwin::scenario;

constexpr std::int64_t kHour = 3'600'000;

model::Park park() {
  model::Park p;
  p.id = "p";
  model::Building hall;
  hall.id = "hall";
  hall.enterprise = "firm";
  p.buildings.push_back(hall);
  model::Building planned;
  planned.id = "new-hall";
  planned.planned = true;
  p.buildings.push_back(planned);
  for (const char* id : {"potline", "caster"}) {
    model::ProductionLine line;
    line.id = id;
    line.building = "hall";
    p.lines.push_back(line);
  }
  model::MaterialLink molten;
  molten.from = "potline";
  molten.to = "caster";
  molten.product = "molten_aluminium";
  p.material_links.push_back(molten);
  model::Utility grid;
  grid.id = "grid";
  grid.kind = "grid_tie";
  p.utilities.push_back(grid);
  return p;
}

Change change(ChangeKind kind, const std::string& target, std::optional<TimeWindow> window = std::nullopt) {
  Change c;
  c.kind = kind;
  c.target = target;
  c.window = window;
  return c;
}

TEST(ObjectMarks, EachChangeMarksTheObjectsItActsOn) {
  Scenario s;
  s.changes.push_back(change(ChangeKind::outage, "potline", TimeWindow{10 * kHour, 18 * kHour}));
  Change slower = change(ChangeKind::capacity, "caster");
  slower.factor = 0.5;
  s.changes.push_back(slower);
  s.changes.push_back(change(ChangeKind::commission, "new-hall"));
  s.changes.push_back(change(ChangeKind::grid_limit, ""));
  s.changes.push_back(change(ChangeKind::tariff, ""));
  Change route = change(ChangeKind::route, "");  // no lines named: every molten-fed line
  s.changes.push_back(route);
  const auto marks = objectMarks(s, park());
  ASSERT_EQ(marks.size(), 5u);  // the tariff marks nothing
  EXPECT_EQ(marks[0].object, "potline");
  EXPECT_EQ(marks[0].building, "hall");
  EXPECT_EQ(marks[0].kind, MarkKind::down);
  EXPECT_FALSE(marks[0].inForceAt(10 * kHour - 1));
  EXPECT_TRUE(marks[0].inForceAt(10 * kHour));
  EXPECT_FALSE(marks[0].inForceAt(18 * kHour));
  EXPECT_EQ(marks[1].kind, MarkKind::limited);
  EXPECT_TRUE(marks[1].inForceAt(0));  // untimed: the whole period
  EXPECT_EQ(marks[2].object, "new-hall");
  EXPECT_EQ(marks[2].kind, MarkKind::built);
  EXPECT_EQ(marks[3].object, "grid");
  EXPECT_EQ(marks[3].kind, MarkKind::limited);
  EXPECT_EQ(marks[3].building, "");
  EXPECT_EQ(marks[4].object, "caster");  // fed molten metal, so rerouted
  EXPECT_EQ(marks[4].kind, MarkKind::changed);
  EXPECT_EQ(markedBuildings(marks), (std::vector<std::string>{"hall", "new-hall"}));
}

TEST(ObjectMarks, QuickLookStartsADayBeforeTheFirstTimedChangeOnTheStepGrid) {
  Scenario s;
  s.start_ms = 0;
  s.duration_ms = 365 * 24 * kHour;
  s.step_ms = 7 * 60'000;  // 7 min: the day before 100 h lands between steps
  s.changes.push_back(change(ChangeKind::outage, "potline", TimeWindow{200 * kHour, 208 * kHour}));
  s.changes.push_back(change(ChangeKind::outage, "caster", TimeWindow{100 * kHour, 101 * kHour}));
  const TimeWindow look = quickLookWindow(s);
  // 76 h = 273,600,000 ms; the last 7-minute step at or before it is 651 steps = 75.95 h.
  EXPECT_EQ(look.start_ms, 651 * 7 * 60'000LL);
  EXPECT_EQ(look.end_ms, look.start_ms + 72 * kHour);
  // Nothing timed: from a day after the start... a day before that is the start itself.
  Scenario untimed = s;
  untimed.changes = {change(ChangeKind::commission, "new-hall")};
  EXPECT_EQ(quickLookWindow(untimed).start_ms, 0);
  // A short period ends the look early.
  untimed.duration_ms = 30 * kHour;
  EXPECT_EQ(quickLookWindow(untimed).end_ms, 30 * kHour);
}

}  // namespace
