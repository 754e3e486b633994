// Alarm rules over time: raised when a value crosses a threshold, cleared when it returns,
// acknowledged with a comment, worst first.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <vector>

#include "minimal_park.hpp"
#include "parktwin/model/alarm_places.hpp"
#include "parktwin/model/alarms.hpp"

namespace {

using namespace parktwin::model;

Park parkWithRules() {
  Park park;
  park.alarm_rules.push_back({"hot", "bath", 975.0, std::nullopt, Severity::critical, {"过热", "Hot"}});
  park.alarm_rules.push_back({"band", "soc", 90.0, 10.0, Severity::warning, {"越限", "Out of band"}});
  return park;
}

struct Values {
  std::map<std::string, double> v;
  std::optional<double> operator()(const std::string& tag) const {
    auto it = v.find(tag);
    return it == v.end() ? std::nullopt : std::optional<double>(it->second);
  }
};

TEST(Alarms, RaisedOnceWhileAboveThenCleared) {
  const Park park = parkWithRules();
  AlarmBoard board(park);
  Values values{{{"bath", 960}, {"soc", 50}}};
  EXPECT_TRUE(board.update(1000, values).empty());
  values.v["bath"] = 980;
  auto changes = board.update(2000, values);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, AlarmChange::Kind::Raised);
  EXPECT_EQ(changes[0].rule->id, "hot");
  values.v["bath"] = 990;
  EXPECT_TRUE(board.update(3000, values).empty());  // still active: no new change
  ASSERT_EQ(board.active().size(), 1u);
  EXPECT_EQ(board.active()[0].since_ms, 2000);
  EXPECT_EQ(board.active()[0].value, 990);
  values.v["bath"] = 975;  // equal to the threshold is not above it
  changes = board.update(4000, values);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, AlarmChange::Kind::Cleared);
  EXPECT_TRUE(board.active().empty());
}

TEST(Alarms, BandRuleFiresBelowAndAbove) {
  const Park park = parkWithRules();  // kept: the rule is a reference into it
  const AlarmRule& band = park.alarm_rules[1];
  EXPECT_TRUE(violates(band, 9.9));
  EXPECT_TRUE(violates(band, 90.1));
  EXPECT_FALSE(violates(band, 10));
  EXPECT_FALSE(violates(band, 90));
  EXPECT_FALSE(violates(band, NAN));
}

TEST(Alarms, AcknowledgeKeepsTheCommentAndNeedsAnActiveAlarm) {
  const Park park = parkWithRules();
  AlarmBoard board(park);
  EXPECT_FALSE(board.acknowledge("hot", "nothing to acknowledge"));
  board.update(1000, Values{{{"bath", 999}, {"soc", 5}}});
  EXPECT_TRUE(board.acknowledge("band", "battery maintenance"));
  const auto active = board.active();
  ASSERT_EQ(active.size(), 2u);
  EXPECT_EQ(active[0].rule->id, "hot");  // critical before warning
  EXPECT_FALSE(active[0].acknowledged);
  EXPECT_TRUE(active[1].acknowledged);
  EXPECT_EQ(active[1].comment, "battery maintenance");
}

// The start of the trailing run over 975 (the "hot" rule), by eye from the series.
TEST(Alarms, ViolationStartIsTheFirstSampleOfTheTrailingRun) {
  const Park park = parkWithRules();
  const AlarmRule& hot = park.alarm_rules[0];
  const std::vector<std::int64_t> ts{10, 20, 30, 40, 50};
  const std::vector<double> ending{980, 960, 990, 976, 985};  // over, under, then over from 30
  const auto start = violationStart(hot, ts, ending);
  ASSERT_TRUE(start);
  EXPECT_EQ(start->since_ms, 30);
  EXPECT_FALSE(start->whole_run);
  const std::vector<double> allOver{980, 990, 976, 985, 999};
  EXPECT_EQ(violationStart(hot, ts, allOver)->since_ms, 10);
  EXPECT_TRUE(violationStart(hot, ts, allOver)->whole_run);  // it may have begun before
  const std::vector<double> endsUnder{980, 990, 976, 985, 975};  // 975 is not above 975
  EXPECT_FALSE(violationStart(hot, ts, endsUnder));
  EXPECT_FALSE(violationStart(hot, {}, {}));
}

// Per-tag updates leave the other tags' alarms alone; a burst's first breaking sample starts it.
TEST(Alarms, UpdateTagEvaluatesOnlyThatTagsRules) {
  const Park park = parkWithRules();
  AlarmBoard board(park);
  EXPECT_EQ(board.updateTag("soc", 100, 95).size(), 1u);  // band: above 90
  EXPECT_TRUE(board.updateTag("bath", 200, 960).empty());
  EXPECT_EQ(board.updateTag("bath", 300, 980).size(), 1u);
  EXPECT_TRUE(board.updateTag("bath", 400, 990).empty());
  const auto active = board.active();
  ASSERT_EQ(active.size(), 2u);
  EXPECT_EQ(active[0].rule->id, "hot");  // critical first
  EXPECT_EQ(active[0].since_ms, 300);
  EXPECT_EQ(active[0].value, 990);
  EXPECT_TRUE(board.setSince("hot", 250));
  EXPECT_EQ(board.active()[0].since_ms, 250);
  EXPECT_FALSE(board.setSince("nothing", 1));
}

TEST(Alarms, MissingValueClearsTheAlarm) {
  const Park park = parkWithRules();
  AlarmBoard board(park);
  board.update(1000, Values{{{"bath", 999}}});
  EXPECT_EQ(board.active().size(), 1u);
  board.update(2000, Values{});
  EXPECT_TRUE(board.active().empty());
}

// One pin per place (QA F6): the Casting line's alarm and its hall's own share the hall's pin; the
// grid tie, standing alone, has its own. States by hand from the alarms given.
TEST(AlarmPlaces, ALinesAlarmSharesItsHallsPlaceAndRaisedWinsOverAcknowledged) {
  const Park park = test_parks::minimalParkRead();
  const ObjectIndex objects(park);
  const std::vector<PlacedAlarm> alarms{{"hall", Severity::critical, true},  // acknowledged
                                        {"grid", Severity::info, false},
                                        {"cast", Severity::warning, false}};  // in the hall, not yet
  const auto places = alarmPlaces(alarms, objects);
  ASSERT_EQ(places.size(), 2u);
  EXPECT_EQ(places[0].place, "hall");
  EXPECT_EQ(places[0].count, 2);
  EXPECT_EQ(places[0].unacknowledged, 1);
  EXPECT_FALSE(places[0].acknowledged());  // red while the line's alarm waits
  EXPECT_EQ(places[0].worst, Severity::warning);  // the acknowledged critical no longer decides
  EXPECT_EQ(places[1].place, "grid");
  EXPECT_EQ(places[1].count, 1);
  EXPECT_FALSE(places[1].acknowledged());
}

// The place of one alarm, as the alarm list names it: by hand from the minimal park (the Casting
// line and the cell group stand in the hall; the grid tie stands alone; an unknown id is its own).
TEST(AlarmPlaces, AnAlarmsPlaceIsItsBuildingOrItself) {
  const Park park = test_parks::minimalParkRead();
  const ObjectIndex objects(park);
  EXPECT_EQ(alarmPlaceOf("cast", objects), "hall");
  EXPECT_EQ(alarmPlaceOf("cells", objects), "hall");
  EXPECT_EQ(alarmPlaceOf("hall", objects), "hall");
  EXPECT_EQ(alarmPlaceOf("grid", objects), "grid");
  EXPECT_EQ(alarmPlaceOf("no-such-object", objects), "no-such-object");
}

TEST(AlarmPlaces, APlaceIsAcknowledgedOnlyOnceEveryAlarmIs) {
  const Park park = test_parks::minimalParkRead();
  const ObjectIndex objects(park);
  std::vector<PlacedAlarm> alarms{{"cast", Severity::warning, true}, {"cells", Severity::critical, false}};
  auto places = alarmPlaces(alarms, objects);
  ASSERT_EQ(places.size(), 1u);  // the machine group stands in the hall too
  EXPECT_EQ(places[0].place, "hall");
  EXPECT_FALSE(places[0].acknowledged());
  EXPECT_EQ(places[0].worst, Severity::critical);
  alarms[1].acknowledged = true;
  places = alarmPlaces(alarms, objects);
  EXPECT_TRUE(places[0].acknowledged());
  EXPECT_EQ(places[0].count, 2);
  EXPECT_EQ(places[0].worst, Severity::critical);
}

}  // namespace
