// Live feed end to end: publisher -> mosquitto -> parktwin::feed::Subscriber -> sink.
//  1. Throughput: N messages published as fast as the publisher can; our subscriber and
//     `mosquitto_sub -C N > /dev/null` consume the same stream in the same run; rates and ratio.
//  2. Drain: the same N as QoS 1, queued by the broker for both consumers' persistent sessions
//     while they are away, then drained by both at once: the consumers' own speed.
//  3. Latency: messages paced at --rate per second; publish() call to sink callback, p50/p99/max.
// Needs a running broker (bench/sim/feed_bench.sh starts one) with sys_interval 1.
#include <fcntl.h>
#include <mosquitto.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "parktwin/feed/publisher.hpp"
#include "parktwin/feed/subscriber.hpp"
#include "mosquitto_baseline.hpp"

namespace {

using benchmqtt::Clock;
using benchmqtt::seconds;
using benchmqtt::waitUntil;
using namespace std::chrono_literals;
namespace feed = parktwin::feed;

struct Args {
  std::string host = "127.0.0.1";
  int port = 1883;
  long messages = 200'000;
  long rate = 10'000;
  long seconds = 5;
};

pid_t spawnMosquittoSub(const Args& a, const std::string& topic, std::vector<std::string> extra) {
  return benchmqtt::spawnMosquittoSub(a.host, a.port, topic, std::move(extra));
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--host") a.host = argv[i + 1];
    else if (k == "--port") a.port = std::atoi(argv[i + 1]);
    else if (k == "--messages") a.messages = std::atol(argv[i + 1]);
    else if (k == "--rate") a.rate = std::atol(argv[i + 1]);
    else if (k == "--seconds") a.seconds = std::atol(argv[i + 1]);
  }
  mosquitto_lib_init();
  const long total = std::max(a.messages, a.rate * a.seconds);
  std::vector<Clock::time_point> sent(static_cast<std::size_t>(total));
  std::vector<double> latency_us;
  latency_us.reserve(static_cast<std::size_t>(total));
  std::atomic<long> received{0};
  std::atomic<bool> measuringLatency{false};
  Clock::time_point lastArrival;

  feed::BrokerOptions broker;
  broker.host = a.host;
  broker.port = a.port;
  broker.client_id = "parktwin-bench-sub";
  feed::SubscriberOptions so;
  so.broker = broker;
  so.park = "bench";
  so.qos = 0;
  so.clean_session = true;
  auto sub = feed::Subscriber::create(so, [&](std::string_view, std::int64_t, double v) {
    const auto now = Clock::now();
    if (measuringLatency.load(std::memory_order_relaxed)) {
      latency_us.push_back(std::chrono::duration<double, std::micro>(now - sent[static_cast<std::size_t>(v)]).count());
    }
    lastArrival = now;
    received.fetch_add(1, std::memory_order_release);
  });
  if (!sub || !(*sub)->start() || !(*sub)->waitConnected(10s)) {
    std::fprintf(stderr, "subscriber cannot connect to %s:%d\n", a.host.c_str(), a.port);
    return 1;
  }
  feed::PublisherOptions po;
  po.broker = broker;
  po.broker.client_id.clear();
  po.park = "bench";
  po.qos = 0;
  auto pub = feed::Publisher::create(po);
  if (!pub || !(*pub)->connect(10s)) {
    std::fprintf(stderr, "publisher cannot connect\n");
    return 1;
  }

  // --- 1. throughput, ours and mosquitto_sub's, on the same stream
  benchmqtt::SubscriptionCounter counter(a.host, a.port);
  if (!waitUntil([&] { return counter.count() >= 0; }, 5s)) {
    std::fprintf(stderr, "no $SYS/broker/subscriptions/count: start mosquitto with sys_interval 1\n");
    return 1;
  }
  const int before = counter.count();
  const pid_t subPid = spawnMosquittoSub(a, "parktwin/bench/#", {"-C", std::to_string(a.messages), "-q", "0"});
  if (subPid <= 0) {
    std::fprintf(stderr, "cannot start mosquitto_sub\n");
    return 1;
  }
  if (!waitUntil([&] { return counter.count() > before; }, 10s)) {
    std::fprintf(stderr, "mosquitto_sub did not subscribe\n");
    return 1;
  }
  received = 0;
  const auto t0 = Clock::now();
  for (long i = 0; i < a.messages; ++i) {
    if (!(*pub)->publish("t" + std::to_string(i % 100), i, static_cast<double>(i))) {
      std::fprintf(stderr, "publish failed\n");
      return 1;
    }
  }
  const auto tPublished = Clock::now();
  Clock::time_point tSubDone{};
  bool subDone = false;
  waitUntil([&] {
    if (!subDone) {
      int status = 0;
      if (waitpid(subPid, &status, WNOHANG) == subPid) {
        subDone = true;
        tSubDone = Clock::now();
      }
    }
    return subDone && received.load() >= a.messages;
  }, 120s);
  if (!subDone) {
    kill(subPid, SIGTERM);
    waitpid(subPid, nullptr, 0);
  }
  const long ours = received.load(std::memory_order_acquire);
  const double oursRate = static_cast<double>(ours) / seconds(lastArrival - t0);
  const double subRate = subDone ? static_cast<double>(a.messages) / seconds(tSubDone - t0) : 0;
  std::printf("throughput: %ld messages, QoS 0, 100 tags, payload {\"ts\":..,\"v\":..}\n", a.messages);
  std::printf("  publisher           %10.0f msg/s\n", static_cast<double>(a.messages) / seconds(tPublished - t0));
  std::printf("  parktwin subscriber %10.0f msg/s (%ld received)\n", oursRate, ours);
  std::printf("  mosquitto_sub       %10.0f msg/s (%s)\n", subRate, subDone ? "all received" : "did not finish");
  if (subRate > 0) std::printf("  ratio parktwin / mosquitto_sub = %.2f\n", oursRate / subRate);

  // --- 2. drain: N QoS 1 messages queued by the broker for two persistent sessions (ours and
  // mosquitto_sub's) while both are away; then both connect at once and we time each to N.
  {
    const std::string msubId = "parktwin-bench-msub";
    const pid_t reg = spawnMosquittoSub(a, "parktwin/drain/#", {"-c", "-i", msubId, "-q", "1", "-W", "1"});
    if (reg > 0) waitpid(reg, nullptr, 0);  // exits after 1 s without messages: session registered
    std::atomic<long> drained{0};
    Clock::time_point drainedAt;
    feed::SubscriberOptions ds = so;
    ds.broker.client_id = "parktwin-bench-drain";
    ds.park = "drain";  // a topic of its own: the first subscriber must not be busy with it
    ds.clean_session = false;
    ds.qos = 1;
    const auto drainSink = [&](std::string_view, std::int64_t, double) {
      drainedAt = Clock::now();
      drained.fetch_add(1, std::memory_order_release);
    };
    {
      auto first = feed::Subscriber::create(ds, drainSink);
      if (!first || !(*first)->start() || !(*first)->waitConnected(10s)) return 1;
    }  // destroyed: disconnected, session kept by the broker
    feed::PublisherOptions qp = po;
    qp.qos = 1;
    qp.park = "drain";
    auto queuer = feed::Publisher::create(qp);
    if (!queuer || !(*queuer)->connect(10s)) return 1;
    // A refused publish shows as a message short in the drain below.
    for (long i = 0; i < a.messages; ++i) (void)(*queuer)->publish("t" + std::to_string(i % 100), 2'000'000'000 + i, 1.0);
    if (!(*queuer)->flush(120s)) {
      std::fprintf(stderr, "drain: broker did not take the messages\n");
      return 1;
    }
    drained = 0;
    const auto d0 = Clock::now();
    const pid_t msub = spawnMosquittoSub(a, "parktwin/drain/#", {"-c", "-i", msubId, "-q", "1", "-C", std::to_string(a.messages)});
    auto second = feed::Subscriber::create(ds, drainSink);
    if (!second || !(*second)->start()) return 1;
    bool msubDone = false;
    Clock::time_point msubAt{};
    waitUntil([&] {
      int status = 0;
      if (!msubDone && msub > 0 && waitpid(msub, &status, WNOHANG) == msub) {
        msubDone = true;
        msubAt = Clock::now();
      }
      return msubDone && drained.load() >= a.messages;
    }, 120s);
    if (!msubDone && msub > 0) {
      kill(msub, SIGTERM);
      waitpid(msub, nullptr, 0);
    }
    const long got = drained.load(std::memory_order_acquire);
    const double oursDrain = static_cast<double>(got) / seconds(drainedAt - d0);
    const double msubDrain = msubDone ? static_cast<double>(a.messages) / seconds(msubAt - d0) : 0;
    std::printf("drain: %ld QoS 1 messages queued for two persistent sessions, both connect at once\n", a.messages);
    std::printf("  parktwin subscriber %10.0f msg/s (%ld received)\n", oursDrain, got);
    std::printf("  mosquitto_sub       %10.0f msg/s (%s)\n", msubDrain, msubDone ? "all received" : "did not finish");
    if (msubDrain > 0) std::printf("  ratio parktwin / mosquitto_sub = %.2f\n", oursDrain / msubDrain);
  }

  // --- 3. latency at a steady rate
  received = 0;
  latency_us.clear();
  measuringLatency = true;
  const long n = a.rate * a.seconds;
  const auto start = Clock::now();
  for (long i = 0; i < n; ++i) {
    if (i % 10 == 0) std::this_thread::sleep_until(start + std::chrono::nanoseconds(i * 1'000'000'000LL / a.rate));
    sent[static_cast<std::size_t>(i)] = Clock::now();
    // A refused publish shows as a message short in "received" below.
    (void)(*pub)->publish("t" + std::to_string(i % 100), 1'000'000'000 + i, static_cast<double>(i));
  }
  waitUntil([&] { return received.load() >= n; }, 10s);
  measuringLatency = false;
  std::vector<double> l = latency_us;
  std::sort(l.begin(), l.end());
  const auto pct = [&](double p) { return l.empty() ? 0.0 : l[static_cast<std::size_t>(p * static_cast<double>(l.size() - 1))]; };
  std::printf("latency: %ld messages at %ld msg/s, publish() to sink callback\n", n, a.rate);
  std::printf("  received %zu, p50 %.0f us, p99 %.0f us, max %.0f us\n", l.size(), pct(0.5), pct(0.99),
              l.empty() ? 0.0 : l.back());
  const auto c = (*sub)->counters();
  std::printf("subscriber counters: received %llu accepted %llu malformed %llu duplicates %llu\n",
              static_cast<unsigned long long>(c.received), static_cast<unsigned long long>(c.accepted),
              static_cast<unsigned long long>(c.malformed), static_cast<unsigned long long>(c.duplicates));
  return 0;
}
