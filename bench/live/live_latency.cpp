// The window's side of bench/live/bench-live-100k: a feed::Subscriber set up as the window's
// LiveFeed (app/models/live_feed.cpp) sets it up (the park's tag list, QoS 1 default, a
// persistent session), whose sink records, per sample, wall clock at the callback minus the
// sample's timestamp, which live_publisher sets to the wall-clock ms of the publish. The ms
// stamp is truncated, so a latency is overstated by less than 1 ms.
// Exits when --samples samples arrived or --deadline-s passed since it subscribed; prints the
// count, the distinct sample numbers, the rate between first and last arrival and p50/p99/max.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "live_common.hpp"
#include "parktwin/feed/mqtt_session.hpp"
#include "parktwin/feed/subscriber.hpp"

namespace {

using namespace std::chrono_literals;
namespace feed = parktwin::feed;

struct Args : livebench::Common {
  long samples = 2'000'000;
  long deadlineS = 120;
};

double wallUs() {
  return std::chrono::duration<double, std::micro>(std::chrono::system_clock::now().time_since_epoch()).count();
}

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const auto k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  livebench::parseFlags(argc, argv, a, [&a](const std::string& k, const char* v) {
    if (k == "--samples") a.samples = std::atol(v);
    else if (k == "--deadline-s") a.deadlineS = std::atol(v);
  });
  feed::SubscriberOptions so;
  so.broker.host = a.host;
  so.broker.port = a.port;
  so.broker.client_id = feed::mqttClientId(feed::MqttProgram::viewer, a.park, {}, {}, false);  // as LiveFeed::connect
  so.clean_session = true;
  so.park = a.park;
  so.known_tags = livebench::tagNames(a);
  const auto n = static_cast<std::size_t>(a.samples);
  std::vector<double> latencyMs;
  latencyMs.reserve(n);
  std::vector<char> seen(n, 0);
  long outOfRange = 0;
  std::atomic<long> received{0};
  std::chrono::steady_clock::time_point first{}, last{};
  auto sub = feed::Subscriber::create(so, [&](std::string_view, std::int64_t ts, double v) {
    latencyMs.push_back((wallUs() - static_cast<double>(ts) * 1000.0) / 1000.0);
    const auto now = std::chrono::steady_clock::now();
    if (received.load(std::memory_order_relaxed) == 0) first = now;
    last = now;
    const auto i = static_cast<long>(v);
    if (i < 0 || i >= a.samples) ++outOfRange;
    else seen[static_cast<std::size_t>(i)] = 1;
    received.fetch_add(1, std::memory_order_release);
  });
  if (!sub || !(*sub)->start() || !(*sub)->waitConnected(10s)) {
    std::fprintf(stderr, "live_latency: cannot subscribe on %s:%d\n", a.host.c_str(), a.port);
    return 1;
  }
  std::printf("subscribed\n");
  std::fflush(stdout);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(a.deadlineS);
  while (received.load(std::memory_order_acquire) < a.samples && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);  // polling the stop condition
  }
  (*sub)->stop();  // no callback after this: the vectors are ours
  const long got = received.load();
  const long distinct = static_cast<long>(std::count(seen.begin(), seen.end(), 1));
  const double span = std::chrono::duration<double>(last - first).count();
  const double p50 = percentile(latencyMs, 0.50);
  const double p99 = percentile(latencyMs, 0.99);
  const double worst = latencyMs.empty() ? 0 : *std::max_element(latencyMs.begin(), latencyMs.end());
  std::printf("window sink: %ld samples (%ld distinct of %ld, %ld out of range), %.0f samples/s first to last arrival; "
              "publish -> sink latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
              got, distinct, a.samples, outOfRange, span > 0 ? static_cast<double>(got) / span : 0.0, p50, p99, worst);
  return got >= a.samples ? 0 : 1;
}
