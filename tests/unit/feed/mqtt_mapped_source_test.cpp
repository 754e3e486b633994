// MQTT in any shape end to end: a real mosquitto, messages of several shapes sent by
// mosquitto_pub (a client we did not write), landing as the samples worked out by hand.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <mutex>

#include "mosquitto_broker.hpp"
#include "parktwin/feed/connections_reader.hpp"
#include "parktwin/feed/live_source.hpp"
#include "sample_collector.hpp"

namespace {

using namespace parktwin::feed;
using feedtest::eventually;

std::string connectionsFor(int port) {
  return R"({"format": "parktwin-connections/1", "park": "beidu", "sources": [
    {"id": "gateway", "kind": "mqtt", "broker": {"host": "127.0.0.1", "port": )" + std::to_string(port) + R"(},
     "subscriptions": [
       {"topic": "plant/{line}/data", "payload": "json", "timestamp": "iso8601", "timestamp_pointer": "/meta/time",
        "values": [{"pointer": "/data/temp", "tag": "{line}.temp", "scale": 0.1}]},
       {"topic": "edge/{line}/ms", "payload": "json", "timestamp": "epoch_ms", "timestamp_pointer": "/ts",
        "values": [{"pointer": "/v", "tag": "{line}.current"}, {"pointer": "/w", "tag": "{line}.voltage"}]},
       {"topic": "meters/+/csv", "payload": "csv", "timestamp": "epoch_s", "timestamp_column": 0,
        "values": [{"column": 2, "tag": "grid.power", "scale": 1000}]},
       {"topic": "raw/battery", "payload": "number", "values": [{"tag": "battery.soc"}]},
       {"topic": "site/{line}", "payload": "json", "timestamp": "epoch_s", "timestamp_pointer": "/t",
        "readings": {"pointer": "/r", "tag": "{line}.{key}"}}
     ]}]})";
}

bool publish(int port, const std::string& topic, const std::string& payload) {
  const std::string command = "mosquitto_pub -h 127.0.0.1 -p " + std::to_string(port) + " -q 1 -t '" + topic +
                              "' -m '" + payload + "'";
  return std::system(command.c_str()) == 0;
}

TEST(MqttMappedSource, MessagesOfEveryShapeLandAsTheExpectedSamples) {
  feedtest::MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  auto connections = parseConnections(connectionsFor(broker.port()), "test");
  ASSERT_TRUE(connections) << connections.error().message;
  feedtest::SampleCollector collected;
  auto source = makeLiveSource(connections->sources[0], collected.sink());
  ASSERT_TRUE(source) << source.error().message;
  ASSERT_TRUE((*source)->start());
  ASSERT_TRUE(eventually([&] { return (*source)->counters().connected; })) << (*source)->counters().last_error;

  ASSERT_TRUE(publish(broker.port(), "plant/l2/data",
                      R"({"meta": {"time": "2026-01-01T08:00:00+08:00"}, "data": {"temp": 9615}})"));
  ASSERT_TRUE(publish(broker.port(), "edge/l1/ms", R"({"ts": 1767225600123, "v": 401.5, "w": "4.25"})"));
  ASSERT_TRUE(publish(broker.port(), "meters/m7/csv", "1767225601,A,0.75"));
  ASSERT_TRUE(publish(broker.port(), "plant/l2/data", "{broken"));
  ASSERT_TRUE(publish(broker.port(), "raw/battery", "55.5"));
  ASSERT_TRUE(publish(broker.port(), "site/l3", R"({"t": 1767225602, "r": {"flow": 12, "state": "run"}})"));

  ASSERT_TRUE(eventually([&] { return collected.size() >= 6 && (*source)->counters().polls >= 6; }))
      << collected.size() << " samples";
  auto samples = collected.samples();
  std::ranges::sort(samples, {}, &feedtest::CollectedSample::tag);
  ASSERT_EQ(samples.size(), 6u);
  // 2026-01-01T00:00:00Z = 1767225600 s
  EXPECT_EQ(samples[0].tag, "battery.soc");
  EXPECT_EQ(samples[0].value, 55.5);
  EXPECT_EQ(samples[1].tag, "grid.power");
  EXPECT_EQ(samples[1].ts_ms, 1767225601000);
  EXPECT_EQ(samples[1].value, 750.0);
  EXPECT_EQ(samples[2].tag, "l1.current");
  EXPECT_EQ(samples[2].ts_ms, 1767225600123);
  EXPECT_EQ(samples[2].value, 401.5);
  EXPECT_EQ(samples[3].tag, "l1.voltage");
  EXPECT_EQ(samples[3].value, 4.25);
  EXPECT_EQ(samples[4].tag, "l2.temp");
  EXPECT_EQ(samples[4].ts_ms, 1767225600000);
  EXPECT_NEAR(samples[4].value, 961.5, 1e-9);
  EXPECT_EQ(samples[5].tag, "l3.flow");
  EXPECT_EQ(samples[5].ts_ms, 1767225602000);
  EXPECT_EQ(samples[5].value, 12.0);

  const auto counters = (*source)->counters();
  EXPECT_EQ(counters.polls, 6u);
  EXPECT_EQ(counters.values, 6u);
  EXPECT_EQ(counters.errors, 1u);
  EXPECT_EQ(counters.last_error, "plant/l2/data: not valid JSON");
  EXPECT_EQ(counters.last_error_zh, "plant/l2/data：不是有效的 JSON");
  EXPECT_EQ(counters.first_error, counters.last_error);
  // The broker gone: the loss is the last error, the malformed message stays the first.
  broker.kill();
  ASSERT_TRUE(eventually([&] { return !(*source)->counters().connected; }));
  const auto after = (*source)->counters();
  EXPECT_EQ(after.last_error.rfind("connection lost: ", 0), 0u) << after.last_error;
  // In Chinese in our own words (was libmosquitto's English after "连接中断：", QA4 Q10).
  EXPECT_EQ(after.last_error.rfind("connection lost: the broker closed the connection", 0), 0u) << after.last_error;
  EXPECT_EQ(after.lastError("zh").rfind("连接中断：代理关闭了连接", 0), 0u) << after.lastError("zh");
  EXPECT_EQ(after.first_error, "plant/l2/data: not valid JSON");
  (*source)->stop();
  EXPECT_FALSE((*source)->counters().connected);
}

// One subscription to raw/x, a plain number, as tag x.
MqttSource plainNumberOn(int port, double deadband) {
  MqttSource config;
  config.broker.host = "127.0.0.1";
  config.broker.port = port;
  MqttSubscription sub;
  sub.topic = "raw/x";
  sub.payload = PayloadFormat::number;
  sub.values.push_back(
      {.value_pointer = "", .csv_column = 0, .mapping = {.tag = "x", .scale = 1, .offset = 0, .deadband = deadband, .unit = ""}});
  config.subscriptions.push_back(sub);
  return config;
}

TEST(MqttMappedSource, DeadbandDropsSmallChanges) {
  feedtest::MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  const MqttSource config = plainNumberOn(broker.port(), 1.0);
  feedtest::SampleCollector collected;
  auto source = makeLiveSource(Source{"s", SourceKind::mqtt, config}, collected.sink());
  ASSERT_TRUE(source && (*source)->start());
  ASSERT_TRUE(eventually([&] { return (*source)->counters().connected; }));
  for (const char* v : {"10", "10.5", "10.9", "11.0", "9.9"}) ASSERT_TRUE(publish(broker.port(), "raw/x", v));
  ASSERT_TRUE(eventually([&] { return (*source)->counters().polls == 5; }));
  // 10 passes; 10.5 and 10.9 are within 1 of 10; 11.0 is 1 away: passes; 9.9 is 1.1 from 11.
  std::vector<double> values;
  for (const auto& s : collected.samples()) values.push_back(s.value);
  EXPECT_EQ(values, (std::vector<double>{10, 11.0, 9.9}));
}

TEST(MqttMappedSource, ABrokerRefusingThePasswordIsAnErrorNamingIt) {
  feedtest::MosquittoBroker broker({.passwordAuth = true, .tls = false});
  ASSERT_TRUE(broker.start()) << broker.error();
  MqttSource config = plainNumberOn(broker.port(), 0);
  config.broker.username = "twin";
  config.broker.password = "wrong";
  feedtest::SampleCollector collected;
  auto refused = makeLiveSource(Source{"s", SourceKind::mqtt, config}, collected.sink());
  ASSERT_TRUE(refused && (*refused)->start());
  ASSERT_TRUE(eventually([&] { return (*refused)->counters().errors >= 1; }));
  EXPECT_FALSE((*refused)->counters().connected);
  // CONNACK 5 in our words, in both languages (libmosquitto says "Connection Refused: not authorised." in English only).
  EXPECT_EQ((*refused)->counters().lastError("en"), "broker refused the connection: not authorised");
  EXPECT_EQ((*refused)->counters().lastError("zh"), "代理拒绝了连接：未获授权");
  (*refused)->stop();

  config.broker.password = "secret";
  auto accepted = makeLiveSource(Source{"s", SourceKind::mqtt, config}, collected.sink());
  ASSERT_TRUE(accepted && (*accepted)->start());
  EXPECT_TRUE(eventually([&] { return (*accepted)->counters().connected; })) << (*accepted)->counters().last_error;
}

// A broker that is not there (QA: the source said "not connected, 0 errors" and nothing more):
// the source names the address it cannot reach and the system's reason, in both languages.
TEST(MqttMappedSource, ABrokerThatIsNotThereIsNamedWithTheReason) {
  const feedtest::RefusingPort nobody;
  ASSERT_GT(nobody.port(), 0);
  const std::string where = "127.0.0.1:" + std::to_string(nobody.port());
  feedtest::SampleCollector collected;
  auto source = makeLiveSource(Source{"s", SourceKind::mqtt, plainNumberOn(nobody.port(), 0)}, collected.sink());
  ASSERT_TRUE(source && (*source)->start());
  const SourceCounters counters = (*source)->counters();
  EXPECT_FALSE(counters.connected);
  EXPECT_EQ("cannot reach the broker " + where + ": Connection refused", counters.last_error);
  EXPECT_EQ("无法连接代理 " + where + "：Connection refused", counters.last_error_zh);
  (*source)->stop();
}

// A sink whose "disk" fails on demand: commit() moves what arrived into committed, or fails.
struct DiskSink {
  std::mutex mutex;
  std::vector<double> pending, committed;
  std::atomic<bool> failing{false};
  std::atomic<int> commits{0};
  SourceSink sink() {
    SourceSink s;
    s.sample = [this](std::string_view, std::int64_t, double v) {
      std::lock_guard lock(mutex);
      pending.push_back(v);
    };
    s.commit = [this]() -> parktwin::Result<void> {
      ++commits;
      if (failing) return parktwin::fail(parktwin::ErrorCode::io, "disk full");
      std::lock_guard lock(mutex);
      committed.insert(committed.end(), pending.begin(), pending.end());
      pending.clear();
      return {};
    };
    return s;
  }
  std::size_t received() {
    std::lock_guard lock(mutex);
    return pending.size() + committed.size();
  }
  std::vector<double> stored() {
    std::lock_guard lock(mutex);
    return committed;
  }
};

// With a client id and a commit, QoS 1 messages of any shape are acknowledged only once
// committed: what a run received but could not commit comes again to the next run with the
// same client id, and what was committed does not.
TEST(MqttMappedSource, WithACommitOnlyStoredMessagesAreAcknowledged) {
  feedtest::MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  MqttSource config = plainNumberOn(broker.port(), 0);
  config.broker.client_id = "mapped-durable-test";
  DiskSink first;
  {
    auto source = makeLiveSource(Source{"s", SourceKind::mqtt, config}, first.sink());
    ASSERT_TRUE(source && (*source)->start());
    ASSERT_TRUE(eventually([&] { return (*source)->counters().connected; })) << (*source)->counters().last_error;
    ASSERT_TRUE(publish(broker.port(), "raw/x", "1"));
    ASSERT_TRUE(eventually([&] { return first.stored().size() == 1; }));
    first.failing = true;  // the disk fills: 2 and 3 arrive but are never stored
    ASSERT_TRUE(publish(broker.port(), "raw/x", "2"));
    ASSERT_TRUE(publish(broker.port(), "raw/x", "3"));
    ASSERT_TRUE(eventually([&] { return first.received() == 3 && first.commits >= 3; }));
    (*source)->stop();
  }
  EXPECT_EQ(first.stored(), (std::vector<double>{1}));
  DiskSink second;
  auto source = makeLiveSource(Source{"s", SourceKind::mqtt, config}, second.sink());
  ASSERT_TRUE(source && (*source)->start());
  ASSERT_TRUE(eventually([&] { return second.stored().size() >= 2; })) << (*source)->counters().last_error;
  ASSERT_TRUE(publish(broker.port(), "raw/x", "4"));  // a marker behind anything resent
  ASSERT_TRUE(eventually([&] { return second.stored().size() >= 3; }));
  EXPECT_EQ(second.stored(), (std::vector<double>{2, 3, 4})) << "1 was acknowledged and must not come again";
  EXPECT_EQ((*source)->counters().values, 3u);
  EXPECT_TRUE((*source)->counters().connected);
}

TEST(MakeLiveSource, EveryKindIsMadeByItsOwnFactoryAndOpcUaNeedsAGatewayBroker) {
  feedtest::SampleCollector collected;
  // The Sparkplug factory's own check answers, not a "not built" placeholder.
  auto sparkplug = makeLiveSource(Source{"edge", SourceKind::sparkplug, SparkplugSource{}}, collected.sink());
  ASSERT_FALSE(sparkplug);
  EXPECT_EQ(sparkplug.error().message, "source edge: Sparkplug B needs a group_id and an edge_node_id");
  auto opcua = makeLiveSource(Source{"scada", SourceKind::opcua, OpcUaSource{}}, collected.sink());
  ASSERT_FALSE(opcua);
  EXPECT_EQ(opcua.error().code, parktwin::ErrorCode::invalid_input);
  EXPECT_EQ(opcua.error().message,
            "source scada: an OPC UA source needs an MQTT broker for its gateway (parktwin-cli: --gateway-mqtt HOST:PORT; "
            "parktwin-server: --mqtt HOST:PORT)");
}

// A Chinese window showed a source that could not start in English (customer report):
// startLiveSource words it in the window's language. Texts by hand.
TEST(StartLiveSource, ARefusalIsWordedInTheLanguageAskedFor) {
  feedtest::SampleCollector collected;
  const Source scada{"scada", SourceKind::opcua, OpcUaSource{}};
  auto zh = startLiveSource(scada, collected.sink(), std::nullopt, "zh");
  ASSERT_FALSE(zh);
  EXPECT_EQ(zh.error().message,
            "数据源“scada”未能启动：OPC UA 数据源需要一个 MQTT 代理供其网关转交数值（"
            "parktwin-cli：--gateway-mqtt HOST:PORT；parktwin-server：--mqtt HOST:PORT）");
  auto en = startLiveSource(scada, collected.sink(), std::nullopt, "en");
  ASSERT_FALSE(en);
  EXPECT_EQ(en.error().message,
            "scada: source scada: an OPC UA source needs an MQTT broker for its gateway (parktwin-cli: --gateway-mqtt "
            "HOST:PORT; parktwin-server: --mqtt HOST:PORT)");
  auto edge = startLiveSource(Source{"edge", SourceKind::sparkplug, SparkplugSource{}}, collected.sink(), std::nullopt, "zh");
  ASSERT_FALSE(edge);
  EXPECT_EQ(edge.error().message.rfind("数据源“edge”未能启动：", 0), 0u) << edge.error().message;
}

}  // namespace
