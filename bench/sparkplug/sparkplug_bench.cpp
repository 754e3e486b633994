// Sparkplug B ingest rate: one edge node's stream (an NBIRTH, then N NDATA of M metrics each, by
// alias) is published as fast as possible twice in one run: once to `mosquitto_sub -C N+1`
// (which only receives the bytes: the ceiling of what any consumer can get from this broker),
// once to SparkplugSource (decode, alias lookup, seq check, mapping, sink). Reported: metrics/s
// of each and the ratio. Needs a broker with sys_interval 1: bench/sim/feed_bench.sh starts one:
//   bench/sim/feed_bench.sh build/core/bench/sparkplug/sparkplug_bench --messages 20000 --metrics 10
#include <mosquitto.h>
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "../sim/mosquitto_baseline.hpp"
#include "parktwin/feed/sparkplug_source.hpp"
#include "proto/sparkplug_b.pb.h"

namespace {

using namespace std::chrono_literals;
using benchmqtt::Clock;
using benchmqtt::seconds;
using benchmqtt::waitUntil;
namespace feed = parktwin::feed;
namespace pb = org::eclipse::tahu::protobuf;

struct Args {
  std::string host = "127.0.0.1";
  int port = 1883;
  long messages = 20'000;
  int metrics = 10;
};

constexpr std::int64_t kT0 = 1767225600000;

// The stream: [0] the NBIRTH, then the NDATA messages.
std::vector<std::string> encodeStream(const Args& a) {
  std::vector<std::string> stream;
  pb::Payload birth;
  birth.set_timestamp(kT0);
  birth.set_seq(0);
  for (int m = 0; m < a.metrics; ++m) {
    auto* metric = birth.add_metrics();
    metric->set_name("Line/Metric" + std::to_string(m));
    metric->set_alias(static_cast<std::uint64_t>(m + 1));
    metric->set_datatype(10);  // Double
    metric->set_double_value(0);
  }
  stream.push_back(birth.SerializeAsString());
  for (long i = 1; i <= a.messages; ++i) {
    pb::Payload data;
    data.set_timestamp(static_cast<std::uint64_t>(kT0 + i));
    data.set_seq(static_cast<std::uint64_t>(i % 256));
    for (int m = 0; m < a.metrics; ++m) {
      auto* metric = data.add_metrics();
      metric->set_alias(static_cast<std::uint64_t>(m + 1));
      metric->set_timestamp(static_cast<std::uint64_t>(kT0 + i));
      metric->set_datatype(10);
      metric->set_double_value(static_cast<double>(i * a.metrics + m));
    }
    stream.push_back(data.SerializeAsString());
  }
  return stream;
}

class RawPublisher {
 public:
  explicit RawPublisher(const Args& a) : client_(mosquitto_new(nullptr, true, nullptr)) {
    mosquitto_int_option(client_, MOSQ_OPT_TCP_NODELAY, 1);
    ok_ = mosquitto_connect(client_, a.host.c_str(), a.port, 30) == MOSQ_ERR_SUCCESS && mosquitto_loop_start(client_) == MOSQ_ERR_SUCCESS;
  }
  ~RawPublisher() {
    mosquitto_disconnect(client_);
    mosquitto_loop_stop(client_, false);
    mosquitto_destroy(client_);
  }
  bool ok() const { return ok_; }
  bool publish(const std::vector<std::string>& stream) {
    for (std::size_t i = 0; i < stream.size(); ++i) {
      const char* topic = i == 0 ? "spBv1.0/Bench/NBIRTH/Edge1" : "spBv1.0/Bench/NDATA/Edge1";
      if (mosquitto_publish(client_, nullptr, topic, static_cast<int>(stream[i].size()), stream[i].data(), 0, false) != MOSQ_ERR_SUCCESS) {
        return false;
      }
    }
    return true;
  }

 private:
  mosquitto* client_;
  bool ok_ = false;
};

Args parse(int argc, char** argv) {
  const std::vector<std::string> words(argv + 1, argv + argc);
  auto value = [&](std::string_view key) -> const char* {
    for (std::size_t i = 0; i + 1 < words.size(); i += 2) {
      if (words[i] == key) return words[i + 1].c_str();
    }
    return nullptr;
  };
  Args a;
  if (const char* v = value("--host")) a.host = v;
  if (const char* v = value("--port")) a.port = std::atoi(v);
  if (const char* v = value("--messages")) a.messages = std::atol(v);
  if (const char* v = value("--metrics")) a.metrics = std::atoi(v);
  return a;
}

// mosquitto_sub's time from the first publish to its exit after the last message; <0 on failure.
double baselineSeconds(const Args& a, RawPublisher& publisher, const std::vector<std::string>& stream) {
  benchmqtt::SubscriptionCounter counter(a.host, a.port);
  if (!waitUntil([&] { return counter.count() >= 0; }, 5s)) return -1;
  const int before = counter.count();
  const pid_t sub = benchmqtt::spawnMosquittoSub(a.host, a.port, "spBv1.0/Bench/+/Edge1/#",
                                                 {"-C", std::to_string(stream.size()), "-q", "0"});
  if (sub <= 0 || !waitUntil([&] { return counter.count() > before; }, 10s)) return -1;
  const auto t0 = Clock::now();
  if (!publisher.publish(stream)) return -1;
  Clock::time_point done{};
  const bool finished = waitUntil([&] {
    if (waitpid(sub, nullptr, WNOHANG) != sub) return false;
    done = Clock::now();
    return true;
  }, 120s);
  if (!finished) {
    kill(sub, SIGTERM);
    waitpid(sub, nullptr, 0);
    return -1;
  }
  return seconds(done - t0);
}

// SparkplugSource's time from the first publish to the last metric in the sink; <0 on failure.
double oursSeconds(const Args& a, RawPublisher& publisher, const std::vector<std::string>& stream, long& received) {
  feed::SparkplugSource config;
  config.broker.host = a.host;
  config.broker.port = a.port;
  config.group_id = "Bench";
  config.edge_node_id = "Edge1";
  for (int m = 0; m < a.metrics; ++m) {
    feed::SparkplugMetric metric;
    metric.metric = "Line/Metric" + std::to_string(m);
    metric.mapping.tag = std::string("t").append(std::to_string(m));
    config.metrics.push_back(metric);
  }
  std::atomic<long> count{0};
  Clock::time_point last{};
  feed::SourceSink sink{[&](std::string_view, std::int64_t, double) {
                          last = Clock::now();
                          count.fetch_add(1, std::memory_order_release);
                        },
                        {},
                        {}};
  auto source = feed::makeSparkplugSource(feed::Source{"bench", feed::SourceKind::sparkplug, config}, sink);
  if (!source || !(*source)->start()) return -1;
  if (!waitUntil([&] { return (*source)->counters().connected; }, 10s)) return -1;
  const long expected = static_cast<long>(stream.size()) * a.metrics;
  const auto t0 = Clock::now();
  if (!publisher.publish(stream)) return -1;
  waitUntil([&] { return count.load(std::memory_order_acquire) >= expected; }, 120s);
  received = count.load(std::memory_order_acquire);
  const auto counters = (*source)->counters();
  (*source)->stop();
  if (counters.gaps || counters.errors) std::printf("  (SparkplugSource: %lu gaps, %lu errors: %s)\n",
                                                    static_cast<unsigned long>(counters.gaps), static_cast<unsigned long>(counters.errors),
                                                    counters.last_error.c_str());
  return received == expected ? seconds(last - t0) : -1;
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  mosquitto_lib_init();
  const auto stream = encodeStream(a);
  const double metrics = static_cast<double>(stream.size()) * a.metrics;
  RawPublisher publisher(a);
  if (!publisher.ok()) {
    std::fprintf(stderr, "cannot connect to %s:%d\n", a.host.c_str(), a.port);
    return 1;
  }
  std::printf("Sparkplug B: 1 NBIRTH + %ld NDATA x %d Double metrics by alias, QoS 0 (%.0f metrics, %zu bytes per NDATA)\n",
              a.messages, a.metrics, metrics, stream.back().size());
  const double sub = baselineSeconds(a, publisher, stream);
  long received = 0;
  const double ours = oursSeconds(a, publisher, stream, received);
  if (sub > 0) std::printf("  mosquitto_sub (receive only)  %12.0f metrics/s\n", metrics / sub);
  else std::printf("  mosquitto_sub did not finish\n");
  if (ours > 0) std::printf("  parktwin SparkplugSource      %12.0f metrics/s\n", metrics / ours);
  else std::printf("  parktwin SparkplugSource: %ld of %.0f metrics arrived\n", received, metrics);
  if (sub > 0 && ours > 0) std::printf("  ratio parktwin / mosquitto_sub = %.2f\n", sub / ours);
  mosquitto_lib_cleanup();
  return sub > 0 && ours > 0 ? 0 : 1;
}
