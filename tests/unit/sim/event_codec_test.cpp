// Simulator events to the historian's events and back (event_codec.hpp): what goes in comes
// out, whatever the names hold, and a stored event that is wrong says what and where.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parktwin/model/alarms.hpp"
#include "parktwin/sim/event_codec.hpp"

namespace parktwin::sim {
namespace {

using nlohmann::json;

SimEvent ladleTrip() {
  SimEvent e;
  e.kind = SimEventKind::ladle_trip;
  e.object = "potline-1";
  e.start_ms = 1'780'272'000'000;
  e.end_ms = 1'780'272'000'000 + 95'123;
  e.from = "potline-1";
  e.to = "casthouse";
  e.from_position = {0.25, 200.125};
  e.to_position = {500.0, -240.5};
  e.amount_t = 10.0625;
  e.reason = "molten_aluminium";
  return e;
}

SimEvent failure() {
  SimEvent e;
  e.kind = SimEventKind::state_change;
  e.object = "xinlv-rod-1";
  e.start_ms = e.end_ms = 1'780'275'600'000;
  e.from = "run";
  e.to = "down";
  e.from_position = e.to_position = {150, 520};
  e.reason = "failure";
  return e;
}

TEST(EventCodec, ALadleTripComesBackAsItWent) {
  const SimEvent trip = ladleTrip();
  const store::Event stored = encodeEvent(trip);
  EXPECT_EQ(stored.ts_ms, trip.start_ms);
  EXPECT_EQ(stored.kind, "ladle_trip");
  EXPECT_EQ(stored.object, "potline-1");
  EXPECT_EQ(stored.message, "potline-1 -> casthouse");
  auto back = decodeEvent(stored);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(*back, trip);
}

TEST(EventCodec, NamesWithQuotesBackslashesAndChineseSurviveTheRoundTrip) {
  SimEvent e = failure();
  e.object = "line \"A\" \\ 一号线";
  e.from = "run";
  e.to = "停机 \"down\"";
  e.reason = "failure: {\"x\": 1}";
  const store::Event stored = encodeEvent(e);
  // The payload is JSON whatever the names hold (the CLI's snprintf wrote broken JSON here).
  EXPECT_TRUE(json::accept(stored.payload_json)) << stored.payload_json;
  auto back = decodeEvent(stored);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(*back, e);
}

TEST(EventCodec, PositionsAreStoredAsNamedMetresInThePayload) {
  const json payload = json::parse(encodeEvent(ladleTrip()).payload_json);
  EXPECT_EQ(payload["from_position"], (json{{"x_m", 0.25}, {"y_m", 200.125}}));
  EXPECT_EQ(payload["to_position"], (json{{"x_m", 500.0}, {"y_m", -240.5}}));
  EXPECT_EQ(payload["end_ms"], 1'780'272'000'000 + 95'123);
}

// The payload as nlohmann-json printed it before it was written by hand (every stored run file
// holds this form): the members of the event as a JSON object, dumped.
std::string payloadAsNlohmannPrintedIt(const SimEvent& e) {
  const auto point = [](const model::Point& p) { return json{{"x_m", p.x_m}, {"y_m", p.y_m}}; };
  return json{{"end_ms", e.end_ms},
              {"from", e.from},
              {"to", e.to},
              {"from_position", point(e.from_position)},
              {"to_position", point(e.to_position)},
              {"amount_t", e.amount_t},
              {"reason", e.reason}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

TEST(EventCodec, ThePayloadIsByteForByteWhatNlohmannJsonPrinted) {
  std::vector<double> numbers = {0.0, -0.0, 1.0, -330.0, 150.0, 10.0625, 0.1, 1.0 / 3, 123456.789, 1e-4, 9.99e-5, 1e-5,
                                 1e14, 999999999999999.9, 1e15, 1e21, 5e-324, 1.7976931348623157e308,
                                 std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()};
  std::uint64_t state = 42;  // and doubles of every magnitude from a fixed LCG
  for (int i = 0; i < 20000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const double mantissa = static_cast<double>(state >> 11) / 9007199254740992.0;
    const int exponent = static_cast<int>((state >> 3) % 48) - 24;
    numbers.push_back((i % 2 ? -1 : 1) * mantissa * std::pow(10.0, exponent));
  }
  const std::vector<std::string> names = {"potline-1", "", "line \"A\" \\ 一号线", "tab\there", "ctl\x01\x1f", "del\x7f",
                                          std::string("bad \xff\xfe utf-8"), "停机 \"down\""};
  SimEvent e = ladleTrip();
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    e.amount_t = numbers[i];
    e.from_position = {numbers[(i + 1) % numbers.size()], numbers[(i + 7) % numbers.size()]};
    e.to_position = {numbers[(i + 3) % numbers.size()], -numbers[i]};
    e.end_ms = static_cast<std::int64_t>(i * 7919) - 5000;
    e.from = names[i % names.size()];
    e.to = names[(i + 3) % names.size()];
    e.reason = names[(i + 5) % names.size()];
    ASSERT_EQ(encodeEvent(e).payload_json, payloadAsNlohmannPrintedIt(e)) << "amount " << numbers[i];
  }
}

TEST(EventCodec, FailuresAreCriticalAndEverythingElseIsInformation) {
  EXPECT_EQ(severityOf(failure()), Severity::critical);
  EXPECT_EQ(severityOf(ladleTrip()), Severity::info);
  SimEvent repair = failure();
  repair.from = "down";
  repair.to = "run";
  repair.reason = "repair";
  EXPECT_EQ(severityOf(repair), Severity::info);
  // The stored integers are the alarm ranks (info 0, warning 1, critical 2), which the
  // historian's min_severity filter compares.
  EXPECT_EQ(encodeEvent(failure()).severity, 2);
  EXPECT_EQ(encodeEvent(repair).severity, 0);
  EXPECT_EQ(storedSeverity(Severity::warning), 1);
  for (Severity s : {Severity::info, Severity::warning, Severity::critical}) {
    EXPECT_EQ(severityFromStored(storedSeverity(s)), s);
  }
  EXPECT_EQ(severityFromStored(7), Severity::critical);
  EXPECT_EQ(severityFromStored(-1), Severity::info);
}

// Alarm acknowledgements and simulator events share the historian's severity column: the same
// word must be the same number whichever mapping wrote it.
TEST(EventCodec, SeveritiesRankAsAlarmRulesDo) {
  EXPECT_EQ(storedSeverity(Severity::info), model::severityRank(Severity::info));
  EXPECT_EQ(storedSeverity(Severity::warning), model::severityRank(Severity::warning));
  EXPECT_EQ(storedSeverity(Severity::critical), model::severityRank(Severity::critical));
}

TEST(EventCodec, TheTimelineMarksFailuresOnly) {
  const store::EventFilter filter = timelineMarkerFilter();
  EXPECT_FALSE(filter.object.has_value());
  EXPECT_GE(encodeEvent(failure()).severity, filter.min_severity);
  SimEvent changeover = failure();
  changeover.to = "changeover";
  changeover.reason = "changeover";
  EXPECT_LT(encodeEvent(changeover).severity, filter.min_severity);
  EXPECT_LT(encodeEvent(ladleTrip()).severity, filter.min_severity);
}

// Files written before the format was shared: parktwin-cli simulate's flat members and the
// scenario runner's [x, y] arrays.
TEST(EventCodec, ReadsTheTwoOlderPayloadLayouts) {
  store::Event cli{1000, "ladle_trip", 0, "potline-2", "potline-2 -> casthouse",
                   R"({"end_ms":61000,"from":"potline-2","to":"casthouse","from_x_m":0.0,"from_y_m":280.0,)"
                   R"("to_x_m":500.0,"to_y_m":240.0,"amount_t":10.000,"reason":"molten_aluminium"})"};
  auto a = decodeEvent(cli);
  ASSERT_TRUE(a.has_value()) << a.error().message;
  EXPECT_EQ(a->from_position, (model::Point{0, 280}));
  EXPECT_EQ(a->to_position, (model::Point{500, 240}));
  EXPECT_EQ(a->end_ms, 61000);
  store::Event runner{1000, "ladle_trip", 0, "casthouse", "casthouse -> xinlv-rod-1 (molten_aluminium)",
                      R"({"amount_t":4.0,"end_ms":91000,"from":"casthouse","from_position":[500.0,240.0],)"
                      R"("reason":"molten_aluminium","to":"xinlv-rod-1","to_position":[150.0,520.0]})"};
  auto b = decodeEvent(runner);
  ASSERT_TRUE(b.has_value()) << b.error().message;
  EXPECT_EQ(b->from_position, (model::Point{500, 240}));
  EXPECT_EQ(b->to_position, (model::Point{150, 520}));
}

TEST(EventCodec, AWrongEventSaysWhichAndWhatWasExpected) {
  store::Event stored = encodeEvent(ladleTrip());
  json payload = json::parse(stored.payload_json);
  payload["to_position"]["y_m"] = "far";
  stored.payload_json = payload.dump();
  auto bad = decodeEvent(stored);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().message,
            "event at 2026-06-01T00:00:00.000Z (ladle_trip of potline-1): payload/to_position/y_m: expected a number in "
            "metres, got \"far\"");

  payload.erase("end_ms");
  payload["to_position"]["y_m"] = 1;
  stored.payload_json = payload.dump();
  bad = decodeEvent(stored);
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("payload/end_ms: expected a value, got nothing"), std::string::npos)
      << bad.error().message;

  stored.payload_json = "{\"end_ms\": 1,";
  bad = decodeEvent(stored);
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("payload: expected a JSON object"), std::string::npos) << bad.error().message;
}

TEST(EventCodec, OtherKindsAreNotSimulatorEvents) {
  const store::Event ack{5, "alarm_ack", 1, "potline-1", "acknowledged", ""};
  EXPECT_FALSE(isSimulatorEvent(ack));
  EXPECT_FALSE(isLadleTrip(ack));
  EXPECT_FALSE(decodeEvent(ack).has_value());
  EXPECT_TRUE(isSimulatorEvent(encodeEvent(failure())));
  EXPECT_FALSE(isLadleTrip(encodeEvent(failure())));
  EXPECT_TRUE(isLadleTrip(encodeEvent(ladleTrip())));
}

}  // namespace
}  // namespace parktwin::sim
