// End to end through a real mosquitto: publisher -> broker -> subscriber -> sink.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <vector>

#include "log_capture.hpp"
#include "mosquitto_broker.hpp"
#include "parktwin/feed/publisher.hpp"
#include "parktwin/feed/subscriber.hpp"

namespace {

using namespace parktwin::feed;
using feedtest::eventually;
using feedtest::MosquittoBroker;
using namespace std::chrono_literals;

struct Received {
  std::string tag;
  std::int64_t ts_ms;
  double value;
};

class CollectingSink {
 public:
  SampleCallback callback() {
    return [this](std::string_view tag, std::int64_t ts, double v) {
      std::lock_guard lock(mutex_);
      samples_.push_back({std::string(tag), ts, v});
    };
  }
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return samples_.size();
  }
  std::vector<Received> samples() const {
    std::lock_guard lock(mutex_);
    return samples_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<Received> samples_;
};

using feedtest::Logs;

BrokerOptions brokerAt(const MosquittoBroker& broker, const std::string& clientId) {
  BrokerOptions o;
  o.host = "127.0.0.1";
  o.port = broker.port();
  o.client_id = clientId;
  o.reconnect_delay_min_s = 1;
  o.reconnect_delay_max_s = 2;
  return o;
}

std::unique_ptr<Subscriber> subscriber(const BrokerOptions& broker, CollectingSink& sink, Logs* logs = nullptr,
                                       std::vector<std::string> known = {}) {
  SubscriberOptions o;
  o.broker = broker;
  o.park = "beidu";
  o.qos = 1;
  o.known_tags = std::move(known);
  auto s = Subscriber::create(o, sink.callback(), logs ? logs->callback() : LogCallback([](std::string_view) {}));
  EXPECT_TRUE(s) << (s ? "" : s.error().message);
  return s ? std::move(*s) : nullptr;
}

std::unique_ptr<Publisher> publisher(const BrokerOptions& broker, int qos = 1) {
  PublisherOptions o;
  o.broker = broker;
  o.broker.client_id.clear();
  o.park = "beidu";
  o.qos = qos;
  auto p = Publisher::create(o, [](std::string_view) {});
  EXPECT_TRUE(p) << (p ? "" : p.error().message);
  return p ? std::move(*p) : nullptr;
}

TEST(Feed, PublishedSamplesReachTheSinkInOrder) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  CollectingSink sink;
  auto sub = subscriber(brokerAt(broker, "twin-e2e"), sink);
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  auto pub = publisher(brokerAt(broker, ""));
  ASSERT_TRUE(pub->connect(10s));
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(pub->publish("potline-1.current", 1'000'000 + i, 400 + i * 0.01));
  ASSERT_TRUE(pub->flush(10s));
  ASSERT_TRUE(eventually([&] { return sink.size() == 1000; })) << sink.size();
  const auto samples = sink.samples();
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(samples[static_cast<std::size_t>(i)].ts_ms, 1'000'000 + i);
    ASSERT_EQ(samples[static_cast<std::size_t>(i)].value, 400 + i * 0.01);
  }
  const auto c = sub->counters();
  EXPECT_EQ(c.received, 1000u);
  EXPECT_EQ(c.accepted, 1000u);
  EXPECT_EQ(c.malformed + c.duplicates + c.unknown_tag, 0u);
}

TEST(Feed, RepeatedSamplesAreCountedAsDuplicatesAndNotPassedOn) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  CollectingSink sink;
  auto sub = subscriber(brokerAt(broker, "twin-dup"), sink);
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  auto pub = publisher(brokerAt(broker, ""));
  ASSERT_TRUE(pub->connect(10s));
  // A publisher that retries after a lost PUBACK sends the same sample again (QoS 1 is at least once).
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(pub->publish("casthouse.molten_stock", 5000 + i, i));
  for (int i = 40; i < 50; ++i) ASSERT_TRUE(pub->publish("casthouse.molten_stock", 5000 + i, i));
  ASSERT_TRUE(pub->publish("casthouse.molten_stock", 4000, 1));  // older than what we have: late
  ASSERT_TRUE(pub->publish("casthouse.molten_stock", 4000, 1));  // and its retry
  ASSERT_TRUE(pub->flush(10s));
  ASSERT_TRUE(eventually([&] { return sub->counters().received == 62; })) << sub->counters().received;
  const auto c = sub->counters();
  EXPECT_EQ(c.accepted, 51u);  // a late sample is passed on (the historian sorts it in)
  EXPECT_EQ(c.duplicates, 11u);
  EXPECT_EQ(c.out_of_order, 1u);
  EXPECT_EQ(sink.size(), 51u);
}

TEST(Feed, PersistentSessionReceivesWhatWasPublishedWhileAway) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  CollectingSink sink;
  auto first = subscriber(brokerAt(broker, "twin-persistent"), sink);
  ASSERT_TRUE(first->start());
  ASSERT_TRUE(first->waitConnected(10s));
  first->stop();
  first.reset();
  auto pub = publisher(brokerAt(broker, ""));
  ASSERT_TRUE(pub->connect(10s));
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(pub->publish("potline-2.voltage", 10'000 + i, 660));
  ASSERT_TRUE(pub->flush(10s));
  auto again = subscriber(brokerAt(broker, "twin-persistent"), sink);
  ASSERT_TRUE(again->start());
  ASSERT_TRUE(eventually([&] { return sink.size() == 100; })) << sink.size();
}

TEST(Feed, MalformedPayloadsAndUnknownTagsAreCountedAndSkipped) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  CollectingSink sink;
  Logs logs;
  auto sub = subscriber(brokerAt(broker, "twin-malformed"), sink, &logs, {"potline-1.current", "battery.soc"});
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  auto pub = publisher(brokerAt(broker, ""));
  ASSERT_TRUE(pub->connect(10s));
  const std::vector<std::string> bad = {"", "abc", "{", "{}", R"({"v":"x"})", R"({"ts":1})", "nan",
                                        R"({"ts":"tomorrow","v":1})", "[1]", "1,5", R"({"ts":1,"v":1e999})",
                                        std::string("\0\1\2", 3)};
  for (const auto& payload : bad) ASSERT_TRUE(pub->publishRaw("parktwin/beidu/potline-1.current", payload, 1));
  ASSERT_TRUE(pub->publishRaw("parktwin/beidu", "1", 1));                   // no tag in the topic
  ASSERT_TRUE(pub->publishRaw("parktwin/beidu/no-such.tag", "1", 1));       // unknown tag
  ASSERT_TRUE(pub->publish("potline-1.current", 77, 401.5));                // and life goes on
  ASSERT_TRUE(pub->publishRaw("parktwin/beidu/battery.soc", "55.5", 1));    // plain number
  ASSERT_TRUE(pub->flush(10s));
  ASSERT_TRUE(eventually([&] { return sub->counters().received == bad.size() + 4; })) << sub->counters().received;
  const auto c = sub->counters();
  EXPECT_EQ(c.malformed, bad.size() + 1);
  EXPECT_EQ(c.unknown_tag, 1u);
  EXPECT_EQ(c.accepted, 2u);
  const auto samples = sink.samples();
  ASSERT_EQ(samples.size(), 2u);
  EXPECT_EQ(samples[0].value, 401.5);
  EXPECT_EQ(samples[1].tag, "battery.soc");
  EXPECT_GT(samples[1].ts_ms, 1'700'000'000'000);  // stamped on receipt
  // Rate-limited: 10 lines a minute per kind, not one per bad message.
  EXPECT_LE(logs.lines().size(), 10u + 1u);
  EXPECT_GE(logs.lines().size(), 10u);
}

// A batch (parktwin/<park>/$batch, as parktwin-opcua-gateway sends) is judged sample by sample,
// as if each had come alone on its tag's topic: the oracle is the hand-written batch.
TEST(Feed, ABatchIsJudgedSampleBySampleWithItsOwnTimestamps) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  CollectingSink sink;
  Logs logs;
  auto sub = subscriber(brokerAt(broker, "twin-batch"), sink, &logs, {"potline-1.current", "battery.soc"});
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  auto pub = publisher(brokerAt(broker, ""));
  ASSERT_TRUE(pub->connect(10s));
  ASSERT_TRUE(pub->publishRaw("parktwin/beidu/$batch",
                              R"({"samples":[["potline-1.current",1000,401.5],["battery.soc",1000,true],)"
                              R"(["no-such.tag",1000,1],["potline-1.current",2000,402.25],["potline-1.current",1000,401.5]]})",
                              1));
  ASSERT_TRUE(pub->publishRaw("parktwin/beidu/$batch", R"({"samples":[["battery.soc","noon",1]]})", 1));  // malformed
  ASSERT_TRUE(pub->publishRaw("parktwin/other/$batch", R"({"samples":[["battery.soc",5,1]]})", 1));  // not ours
  ASSERT_TRUE(pub->publish("battery.soc", 3000, 55.5));  // the single form still comes through
  ASSERT_TRUE(pub->flush(10s));
  ASSERT_TRUE(eventually([&] { return sub->counters().received == 3; })) << sub->counters().received;
  const auto c = sub->counters();
  EXPECT_EQ(c.accepted, 4U);
  EXPECT_EQ(c.unknown_tag, 1U);
  EXPECT_EQ(c.duplicates, 1U);
  EXPECT_EQ(c.malformed, 1U);
  const auto samples = sink.samples();
  ASSERT_EQ(samples.size(), 4U);
  EXPECT_EQ(samples[0].tag, "potline-1.current");
  EXPECT_EQ(samples[0].ts_ms, 1000);
  EXPECT_EQ(samples[0].value, 401.5);
  EXPECT_EQ(samples[1].tag, "battery.soc");
  EXPECT_EQ(samples[1].value, 1.0);
  EXPECT_EQ(samples[2].ts_ms, 2000);
  EXPECT_EQ(samples[2].value, 402.25);
  EXPECT_EQ(samples[3].ts_ms, 3000);
  EXPECT_EQ(samples[3].value, 55.5);
  bool named = false;
  for (const auto& line : logs.lines()) named = named || line.find("/samples/0/1") != std::string::npos;
  EXPECT_TRUE(named) << "the malformed batch's log line names the bad field";
}

TEST(Feed, ReconnectsAfterTheBrokerIsKilledAndReportsTheGap) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  CollectingSink sink;
  auto sub = subscriber(brokerAt(broker, "twin-crash"), sink);
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  auto pub = publisher(brokerAt(broker, ""));
  ASSERT_TRUE(pub->connect(10s));
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(pub->publish("potline-1.power", 1000 + i, 262'000));
  ASSERT_TRUE(eventually([&] { return sink.size() == 100; }))
      << sink.size() << " received " << sub->counters().received << " published " << pub->published() << " delivered "
      << pub->delivered();

  broker.kill();
  ASSERT_TRUE(eventually([&] { return !sub->connected(); }));
  ASSERT_TRUE(broker.start()) << broker.error();
  ASSERT_TRUE(eventually([&] { return sub->connected() && pub->connected(); }, 20s));
  for (int i = 100; i < 200; ++i) ASSERT_TRUE(pub->publish("potline-1.power", 1000 + i, 262'000));
  ASSERT_TRUE(eventually([&] { return sink.size() == 200; })) << sink.size();

  const auto c = sub->counters();
  EXPECT_EQ(c.connects, 2u);
  EXPECT_EQ(c.reconnects, 1u);
  EXPECT_EQ(c.disconnects, 1u);
  const auto gaps = sub->gaps();
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_GT(gaps[0].to_ms, gaps[0].from_ms);
}

TEST(Feed, PasswordAuthRefusesAWrongPasswordAndAcceptsTheRightOne) {
  MosquittoBroker broker({.passwordAuth = true});
  ASSERT_TRUE(broker.start()) << broker.error();
  CollectingSink sink;
  auto options = brokerAt(broker, "twin-auth");
  options.username = "twin";
  options.password = "wrong";
  auto refused = subscriber(options, sink);
  ASSERT_TRUE(refused->start());
  auto result = refused->waitConnected(10s);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("refused"), std::string::npos) << result.error().message;
  EXPECT_EQ(refused->counters().connects, 0u);
  refused->stop();

  options.password = "secret";
  auto accepted = subscriber(options, sink);
  ASSERT_TRUE(accepted->start());
  ASSERT_TRUE(accepted->waitConnected(10s));
  auto pubOptions = options;
  auto pub = publisher(pubOptions);
  ASSERT_TRUE(pub->connect(10s));
  ASSERT_TRUE(pub->publish("battery.soc", 1, 50));
  ASSERT_TRUE(eventually([&] { return sink.size() == 1; }));
}

TEST(Feed, TlsWithATestCa) {
  MosquittoBroker broker({.tls = true});
  ASSERT_TRUE(broker.start()) << broker.error();
  CollectingSink sink;
  auto options = brokerAt(broker, "twin-tls");
  options.tls_ca_file = broker.caFile().string();
  auto sub = subscriber(options, sink);
  ASSERT_TRUE(sub->start());
  auto connected = sub->waitConnected(10s);
  ASSERT_TRUE(connected) << connected.error().message << broker.error();
  auto pub = publisher(options);
  ASSERT_TRUE(pub->connect(10s));
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(pub->publish("potline-1.bath_temp", i + 1, 960));
  ASSERT_TRUE(eventually([&] { return sink.size() == 10; }));

  // Without the CA the same client cannot verify the broker and never connects.
  auto untrusting = options;
  untrusting.client_id = "twin-tls-untrusting";
  untrusting.tls_ca_file = (broker.dir() / "server.crt").string();  // not the CA
  CollectingSink other;
  auto mistrust = subscriber(untrusting, other);
  ASSERT_TRUE(mistrust->start());
  EXPECT_FALSE(mistrust->waitConnected(2s));
}

}  // namespace

namespace {

TEST(Feed, DuringAnOutageQos0IsRefusedAndQos1IsSentAfterTheReconnect) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  CollectingSink sink;
  auto sub = subscriber(brokerAt(broker, "twin-outage"), sink);
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  auto qos0 = publisher(brokerAt(broker, ""), 0);
  auto qos1 = publisher(brokerAt(broker, ""), 1);
  ASSERT_TRUE(qos0->connect(10s));
  ASSERT_TRUE(qos1->connect(10s));
  broker.kill();
  ASSERT_TRUE(eventually([&] { return !qos0->connected() && !qos1->connected(); }));

  auto refused = qos0->publish("potline-1.current", 1000, 400);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("not connected to the broker"), std::string::npos) << refused.error().message;
  EXPECT_EQ(qos0->published(), 0u);
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(qos1->publish("potline-1.voltage", 1000 + i, 660));
  EXPECT_EQ(qos1->delivered(), 0u);

  ASSERT_TRUE(broker.start()) << broker.error();
  auto flushed = qos1->flush(20s);  // the 20 held back are acknowledged by the new broker
  ASSERT_TRUE(flushed) << flushed.error().message;
  EXPECT_EQ(qos1->delivered(), 20u);
  ASSERT_TRUE(eventually([&] { return qos0->connected() && sub->connected(); }, 20s));
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(qos0->publish("potline-1.current", 2000 + i, 400));
  ASSERT_TRUE(qos0->flush(10s));
  // Whether the held-back QoS 1 messages reach the subscriber depends on which client the new
  // broker sees first; the QoS 0 ones published after both are back all arrive.
  ASSERT_TRUE(eventually([&] {
    const auto got = sink.samples();
    return std::count_if(got.begin(), got.end(), [](const Received& r) { return r.ts_ms >= 2000; }) == 50;
  })) << sink.size();
}

}  // namespace
