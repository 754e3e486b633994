#pragma once
// Where the scene shows active alarms: one pin per place (AlarmBoard lists them per rule).
#include <span>
#include <string>
#include <vector>

#include "parktwin/model/kinds.hpp"
#include "parktwin/model/object_index.hpp"

namespace parktwin::model {

// The scene shows active alarms one pin per place: the building an alarm's object stands in (a
// line's, a machine group's), else the object itself. Two alarms in one hall drew two pins at one
// spot, the colour then decided by the depth test (QA). A place is raised while any of its alarms
// is unacknowledged (acknowledging one of two leaves it raised), acknowledged once all are.
struct PlacedAlarm {
  std::string object;
  Severity severity = Severity::info;
  bool acknowledged = false;
};
struct AlarmPlace {
  std::string place;  // a building's id, or the object's own
  int count = 0;      // alarms there
  int unacknowledged = 0;
  // The worst severity of the alarms that decide the place's state: the unacknowledged ones, or
  // all of them once every one is acknowledged.
  Severity worst = Severity::info;
  bool acknowledged() const { return unacknowledged == 0; }
};
// The place that shows an alarm on `object`: the building it stands in (a line's, a machine
// group's), else the object itself. The alarm list names it and the scene pins it there; both ask
// here, so the two cannot disagree.
std::string alarmPlaceOf(const std::string& object, const ObjectIndex& objects);
// In the order of each place's first alarm (worst first, given AlarmBoard::active()'s order).
std::vector<AlarmPlace> alarmPlaces(std::span<const PlacedAlarm> alarms, const ObjectIndex& objects);

}  // namespace parktwin::model
