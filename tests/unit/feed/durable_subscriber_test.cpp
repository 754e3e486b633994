// QoS 1 ingest that acknowledges only committed samples, through a real mosquitto: what was
// not committed is resent to the next subscriber with the same client id, what was is not.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <vector>

#include "mosquitto_broker.hpp"
#include "parktwin/feed/durable_subscriber.hpp"
#include "parktwin/feed/publisher.hpp"

namespace {

using namespace parktwin::feed;
using feedtest::eventually;
using feedtest::MosquittoBroker;
using namespace std::chrono_literals;

// A sink with a "disk": commit() moves what arrived into `committed`, or fails on demand.
class CommittingSink {
 public:
  SampleCallback sample() {
    return [this](std::string_view, std::int64_t ts, double) {
      std::lock_guard lock(mutex_);
      pending_.push_back(ts);
    };
  }
  CommitCallback commit() {
    return [this]() -> parktwin::Result<void> {
      ++commits_;
      if (failing_) return parktwin::fail("disk full (test)");
      std::lock_guard lock(mutex_);
      committed_.insert(committed_.end(), pending_.begin(), pending_.end());
      pending_.clear();
      return {};
    };
  }
  void setFailing(bool failing) { failing_ = failing; }
  std::size_t received() const {
    std::lock_guard lock(mutex_);
    return pending_.size() + committed_.size();
  }
  std::vector<std::int64_t> committed() const {
    std::lock_guard lock(mutex_);
    return committed_;
  }
  int commits() const { return commits_; }

 private:
  mutable std::mutex mutex_;
  std::vector<std::int64_t> pending_, committed_;
  std::atomic<bool> failing_{false};
  std::atomic<int> commits_{0};
};

SubscriberOptions optionsFor(const MosquittoBroker& broker, const std::string& clientId) {
  SubscriberOptions o;
  o.broker.port = broker.port();
  o.broker.client_id = clientId;
  o.park = "beidu";
  o.qos = 1;
  return o;
}

std::unique_ptr<DurableSubscriber> durable(const SubscriberOptions& options, CommittingSink& sink) {
  auto s = DurableSubscriber::create(options, AckPolicy{}, sink.sample(), sink.commit(), [](std::string_view) {});
  EXPECT_TRUE(s) << (s ? "" : s.error().message);
  return s ? std::move(*s) : nullptr;
}

void publishSamples(const MosquittoBroker& broker, int count) {
  PublisherOptions o;
  o.broker.port = broker.port();
  o.park = "beidu";
  o.qos = 1;
  auto p = Publisher::create(o, [](std::string_view) {});
  ASSERT_TRUE(p);
  ASSERT_TRUE((*p)->connect(10s));
  for (int i = 0; i < count; ++i) ASSERT_TRUE((*p)->publish("potline-1.current", 1'000'000 + i, i));
  ASSERT_TRUE((*p)->flush(10s));
}

TEST(DurableSubscriber, AcknowledgesEverySampleOnceCommitted) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  CommittingSink sink;
  auto sub = durable(optionsFor(broker, "durable-e2e"), sink);
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  publishSamples(broker, 1000);
  ASSERT_TRUE(eventually([&] { return sub->acknowledged() == 1000; })) << sub->acknowledged();
  const auto committed = sink.committed();
  ASSERT_EQ(committed.size(), 1000u);
  for (std::size_t i = 0; i < committed.size(); ++i) ASSERT_EQ(committed[i], 1'000'000 + static_cast<std::int64_t>(i));
  EXPECT_EQ(sub->counters().accepted, 1000u);
}

// A batch message is one PUBACK, sent once all of its samples are committed.
TEST(DurableSubscriber, ABatchIsAcknowledgedOnceAllItsSamplesAreCommitted) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  CommittingSink sink;
  auto sub = durable(optionsFor(broker, "durable-batch"), sink);
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  PublisherOptions o;
  o.broker.port = broker.port();
  o.park = "beidu";
  auto p = Publisher::create(o, [](std::string_view) {});
  ASSERT_TRUE(p);
  ASSERT_TRUE((*p)->connect(10s));
  std::string batch = R"({"samples":[)";
  for (int i = 0; i < 500; ++i) batch += (i ? "," : "") + std::string(R"([")") + "potline-1.current\"," + std::to_string(7000 + i) + ",1]";
  batch += "]}";
  ASSERT_TRUE((*p)->publishRaw("parktwin/beidu/$batch", batch, 1));
  ASSERT_TRUE((*p)->flush(10s));
  ASSERT_TRUE(eventually([&] { return sub->acknowledged() == 1; })) << sub->acknowledged();
  const auto committed = sink.committed();
  ASSERT_EQ(committed.size(), 500U);
  for (std::size_t i = 0; i < committed.size(); ++i) ASSERT_EQ(committed[i], 7000 + static_cast<std::int64_t>(i));
}

TEST(DurableSubscriber, RunsAgainAfterStop) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  CommittingSink sink;
  auto sub = durable(optionsFor(broker, "durable-restart"), sink);
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  sub->stop();
  EXPECT_FALSE(sub->connected());
  publishSamples(broker, 10);  // queued for the session meanwhile
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(eventually([&] { return sub->acknowledged() == 10; })) << sub->acknowledged();
  EXPECT_EQ(sink.committed().size(), 10u);
}

TEST(DurableSubscriber, WhatWasNotCommittedIsResentToTheNextRun) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  const auto options = optionsFor(broker, "durable-resend");
  {
    CommittingSink failingDisk;
    failingDisk.setFailing(true);
    auto sub = durable(options, failingDisk);
    ASSERT_TRUE(sub->start());
    ASSERT_TRUE(sub->waitConnected(10s));
    publishSamples(broker, 50);
    // The broker sends at most max_inflight_messages (20) unacknowledged: not all 50 arrive.
    ASSERT_TRUE(eventually([&] { return failingDisk.received() > 0 && failingDisk.commits() >= 2; }));
    EXPECT_EQ(sub->acknowledged(), 0u);  // retried, never acknowledged
    sub->stop();                          // its last commit fails too: still nothing acknowledged
    EXPECT_EQ(sub->acknowledged(), 0u);
  }
  CommittingSink disk;
  auto next = durable(options, disk);
  ASSERT_TRUE(next->start());
  ASSERT_TRUE(eventually([&] { return next->acknowledged() == 50; })) << next->acknowledged();
  EXPECT_EQ(disk.committed().size(), 50u);
  next->stop();

  CommittingSink after;
  auto third = durable(options, after);
  ASSERT_TRUE(third->start());
  ASSERT_TRUE(third->waitConnected(10s));
  publishSamples(broker, 1);  // a marker behind anything the broker might still resend
  // On failure, say which way: 0 (the marker never came) or more (samples came again).
  ASSERT_TRUE(eventually([&] { return third->acknowledged() == 1; }))
      << third->acknowledged() << " acknowledged, " << after.committed().size() << " committed";
  EXPECT_EQ(after.committed().size(), 1u) << "acknowledged samples came again";
}

TEST(DurableSubscriber, ReconnectsAfterTheBrokerRestartsAndGetsTheRest) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  CommittingSink sink;
  auto options = optionsFor(broker, "durable-reconnect");
  options.broker.reconnect_delay_min_s = 1;
  options.broker.reconnect_delay_max_s = 1;
  auto sub = durable(options, sink);
  ASSERT_TRUE(sub->start());
  ASSERT_TRUE(sub->waitConnected(10s));
  broker.stop();
  ASSERT_TRUE(eventually([&] { return !sub->connected(); }));
  ASSERT_TRUE(broker.start()) << broker.error();
  ASSERT_TRUE(eventually([&] { return sub->connected(); }));
  publishSamples(broker, 100);
  ASSERT_TRUE(eventually([&] { return sub->acknowledged() == 100; })) << sub->acknowledged();
  EXPECT_EQ(sub->counters().reconnects, 1u);
  EXPECT_EQ(sub->gaps().size(), 1u);
}

TEST(DurableSubscriber, RefusesWhatItCannotDoSafely) {
  CommittingSink sink;
  SubscriberOptions o;
  o.park = "beidu";
  o.qos = 1;
  o.broker.client_id = "x";
  o.broker.tls_ca_file = "/etc/ssl/ca.crt";
  auto tls = DurableSubscriber::create(o, AckPolicy{}, sink.sample(), sink.commit());
  ASSERT_FALSE(tls);
  EXPECT_NE(tls.error().message.find("TLS is not supported"), std::string::npos) << tls.error().message;
  o.broker.tls_ca_file.clear();
  o.qos = 0;
  EXPECT_FALSE(DurableSubscriber::create(o, AckPolicy{}, sink.sample(), sink.commit()));
  o.qos = 1;
  o.broker.client_id.clear();
  EXPECT_FALSE(DurableSubscriber::create(o, AckPolicy{}, sink.sample(), sink.commit()));
}

TEST(DurableSubscriber, WrongPasswordFailsAtOnceWithTheBrokersReason) {
  MosquittoBroker broker({.passwordAuth = true});
  ASSERT_TRUE(broker.start()) << broker.error();
  CommittingSink sink;
  auto options = optionsFor(broker, "durable-auth");
  options.broker.username = "twin";
  options.broker.password = "wrong";
  auto sub = durable(options, sink);
  ASSERT_TRUE(sub->start());
  const auto started = std::chrono::steady_clock::now();
  auto connected = sub->waitConnected(10s);
  ASSERT_FALSE(connected);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  EXPECT_NE(connected.error().message.find("refused"), std::string::npos) << connected.error().message;
}

}  // namespace
