// live_hub.hpp: batches of live values, alarm changes and acknowledgements, against the
// thresholds of a park made here.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "live_hub.hpp"

namespace parktwin::server {
namespace {

using nlohmann::json;

model::Park parkWithOneRule() {
  model::Park park;
  park.id = "mini";
  model::Tag tag;
  tag.id = "furnace.temp";
  tag.object = "furnace";
  park.tags.push_back(tag);
  model::AlarmRule rule;
  rule.id = "furnace-hot";
  rule.tag = "furnace.temp";
  rule.above = 800;
  rule.severity = model::Severity::critical;
  park.alarm_rules.push_back(rule);
  return park;
}

std::vector<json> parsed(const std::vector<std::string>& messages) {
  std::vector<json> out;
  for (const auto& m : messages) out.push_back(json::parse(m));
  return out;
}

TEST(LiveHubTest, BatchesValuesUntilTheNextTick) {
  const auto park = parkWithOneRule();
  LiveHub hub(park);
  hub.sample("furnace.temp", 1000, 700);
  hub.sample("furnace.temp", 2000, 710);
  const auto messages = parsed(hub.tick());
  ASSERT_EQ(1u, messages.size());
  ASSERT_TRUE(messages[0].is_object()) << messages[0].dump();
  EXPECT_EQ("values", messages[0]["type"]);
  EXPECT_EQ(2u, messages[0]["values"].size());
  EXPECT_EQ(json::array({"tag", "ts", "v"}), messages[0]["columns"]);
  EXPECT_EQ(json::array({"furnace.temp", 2000, 710.0}), messages[0]["values"][1]);
  EXPECT_TRUE(hub.tick().empty());  // nothing new
}

// A death marks the newest value stale once, for the windows connected now (a "stale" message)
// and those that connect later (hello); a value after it makes the tag current again. Order of
// arrival decides, not the stamps: a death carries this server's clock, values the device's,
// which may run ahead (review, 6 Dec: a device an hour ahead hid its own death).
TEST(LiveHubTest, StaleMarksGoOutOnceAndAValueAfterThemClearsThem) {
  const auto park = parkWithOneRule();
  LiveHub hub(park);
  hub.stale("furnace.temp", 500);  // no value yet: nothing to mark
  EXPECT_TRUE(hub.tick().empty());
  hub.sample("furnace.temp", 1000, 700);
  (void)hub.tick();
  EXPECT_EQ(json::array(), json::parse(hub.helloMessage())["stale"]);
  hub.stale("furnace.temp", 900);  // stamped before the value (the device's clock ahead): still marks it
  hub.stale("furnace.temp", 1600);  // already stale: not sent again
  const auto messages = parsed(hub.tick());
  ASSERT_EQ(1u, messages.size());
  EXPECT_EQ("stale", messages[0]["type"]);
  EXPECT_EQ(json::array({"tag", "ts"}), messages[0]["columns"]);
  EXPECT_EQ(json::array({json::array({"furnace.temp", 900})}), messages[0]["stale"]);
  const json hello = json::parse(hub.helloMessage());
  EXPECT_EQ(json::array({"furnace.temp"}), hello["stale"]);
  EXPECT_EQ(json::array({json::array({"furnace.temp", 1000, 700.0})}), hello["values"]);  // the last value stays
  hub.sample("furnace.temp", 2000, 710);
  EXPECT_EQ(json::array(), json::parse(hub.helloMessage())["stale"]);
}

TEST(LiveHubTest, RaisesAcknowledgesAndClearsWithTheUser) {
  const auto park = parkWithOneRule();
  LiveHub hub(park);
  EXPECT_EQ(ErrorCode::not_found, hub.acknowledge("furnace-hot", "li", "", 5).error().code);  // not active yet
  hub.sample("furnace.temp", 1000, 850);  // above 800
  auto messages = parsed(hub.tick());
  ASSERT_EQ(2u, messages.size());
  EXPECT_EQ("raised", messages[1]["change"]);
  auto ack = hub.acknowledge("furnace-hot", "li", "on it", 1234);
  ASSERT_TRUE(ack);
  const auto alarms = hub.alarmsJson();
  ASSERT_EQ(1u, alarms.size());
  EXPECT_EQ("li", alarms[0]["acknowledged_by"]);
  EXPECT_EQ(1234, alarms[0]["acknowledged_at_ms"]);
  messages = parsed(hub.tick());
  ASSERT_EQ(1u, messages.size());
  EXPECT_EQ("acknowledged", messages[0]["change"]);
  EXPECT_EQ("li", messages[0]["user"]);
  hub.sample("furnace.temp", 2000, 790);  // back below
  messages = parsed(hub.tick());
  ASSERT_EQ(2u, messages.size());
  EXPECT_EQ("cleared", messages[1]["change"]);
  EXPECT_TRUE(hub.alarmsJson().empty());
}

// A burst brings three samples in one batch: the alarm began at the first one over 800, not at
// the batch's last (the QA run's since_ms was the burst's newest sample).
TEST(LiveHubTest, AnAlarmInABurstBeginsAtTheSampleThatBrokeTheRule) {
  const auto park = parkWithOneRule();
  LiveHub hub(park);
  hub.sample("furnace.temp", 1000, 790);
  hub.sample("furnace.temp", 2000, 850);
  hub.sample("furnace.temp", 3000, 860);
  const auto messages = parsed(hub.tick());
  ASSERT_EQ(2u, messages.size());
  EXPECT_EQ("raised", messages[1]["change"]);
  EXPECT_EQ(2000, messages[1]["at_ms"]);
  EXPECT_EQ(850.0, messages[1]["value"]);
  const auto alarms = hub.alarmsJson();
  ASSERT_EQ(1u, alarms.size());
  EXPECT_EQ(2000, alarms[0]["since_ms"]);
  EXPECT_EQ(860.0, alarms[0]["value"]);
  // A late sample under the limit neither clears it nor moves its start.
  hub.sample("furnace.temp", 1500, 700);
  (void)hub.tick();
  ASSERT_EQ(1u, hub.alarmsJson().size());
  EXPECT_EQ(2000, hub.alarmsJson()[0]["since_ms"]);
}

TEST(LiveHubTest, ALateSampleIsNotTheNewestValue) {
  const auto park = parkWithOneRule();
  LiveHub hub(park);
  hub.sample("furnace.temp", 2000, 700);
  hub.sample("furnace.temp", 1000, 900);  // older: sent on, but the newest stays 700
  (void)hub.tick();
  EXPECT_TRUE(hub.alarmsJson().empty());
  const auto hello = json::parse(hub.helloMessage());
  EXPECT_EQ(700.0, hello["values"][0][2]);
}

// At start the server applies stored acknowledgements again (ack_restore.cpp): only to an
// active alarm, with its user and comment, and without announcing it as a new acknowledgement.
TEST(LiveHubTest, RestoredAcknowledgementShowsWithItsUserAndIsNotAnnounced) {
  const auto park = parkWithOneRule();
  LiveHub hub(park);
  EXPECT_FALSE(hub.restoreAcknowledgement("furnace-hot", {"li", 1500, "seen"}));  // not active
  hub.sample("furnace.temp", 1000, 850);
  (void)hub.tick();
  EXPECT_TRUE(hub.restoreAcknowledgement("furnace-hot", {"li", 1500, "seen"}));
  const json alarms = hub.alarmsJson();
  ASSERT_EQ(1u, alarms.size());
  EXPECT_TRUE(alarms[0]["acknowledged"].get<bool>());
  EXPECT_EQ("li", alarms[0]["acknowledged_by"]);
  EXPECT_EQ(1500, alarms[0]["acknowledged_at_ms"]);
  EXPECT_EQ("seen", alarms[0]["comment"]);
  EXPECT_TRUE(hub.tick().empty());
}

}  // namespace
}  // namespace parktwin::server
