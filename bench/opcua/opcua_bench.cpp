// OPC UA values per second end to end: a node-opcua server with --items variables all changing
// every --interval-ms -> parktwin-opcua-gateway (one subscription, --items monitored items) ->
// mosquitto -> OpcUaGatewaySource -> sink. Over a --seconds window the values that reached the
// sink are compared with the value changes the server made in the same window (its own count):
// the ratio is delivered / offered. With --servers N the items are split over N server processes
// (one node-opcua process offers about 5,000 changes/s here), each read by its own OPC UA source
// and gateway, as a park with several servers would be. Latency: each value's OPC UA source
// timestamp (set by the server when it changes the value) against the wall clock when it reaches
// the sink, the point where the window's LiveFeed stores it; p50/p99/max over the window.
// --sampling-ms sets the items' sampling interval (default: --interval-ms), which bounds how soon
// the server notices a change.
// Needs a broker: bench/sim/feed_bench.sh starts one:
//   bench/sim/feed_bench.sh build/bench/bench/opcua/opcua_bench --items 10000 --interval-ms 1000 --seconds 20 --servers 2
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../sim/mosquitto_baseline.hpp"
#include "parktwin/feed/opcua_source.hpp"

namespace {

using namespace std::chrono_literals;
using benchmqtt::Clock;
using benchmqtt::seconds;
using benchmqtt::waitUntil;
namespace feed = parktwin::feed;

struct Args {
  int port = 1883;
  int items = 2000;
  int intervalMs = 500;
  int windowS = 10;
  int servers = 1;
  int samplingMs = 0;  // the monitored items' sampling interval; 0: --interval-ms
};

Args parse(int argc, char** argv) {
  const std::vector<std::string> words(argv + 1, argv + argc);
  Args a;
  for (std::size_t i = 0; i + 1 < words.size(); i += 2) {
    const int v = std::atoi(words[i + 1].c_str());
    if (words[i] == "--port") a.port = v;
    if (words[i] == "--items") a.items = v;
    if (words[i] == "--interval-ms") a.intervalMs = v;
    if (words[i] == "--seconds") a.windowS = v;
    if (words[i] == "--servers") a.servers = std::max(1, v);
    if (words[i] == "--sampling-ms") a.samplingMs = v;
  }
  return a;
}

// The server's latest {"changes": n} line; -1 before its first.
long serverChanges(const std::filesystem::path& log) {
  std::ifstream in(log);
  long changes = -1;
  for (std::string line; std::getline(in, line);) {
    if (const auto at = line.find("\"changes\":"); at != std::string::npos) changes = std::atol(line.c_str() + at + 10);
  }
  return changes;
}

// Server `k` of --servers: its log, and how many of the items it serves.
std::filesystem::path serverLog(const std::filesystem::path& dir, int k) { return dir / ("server-" + std::to_string(k) + ".log"); }
int itemsOf(const Args& a, int k) { return a.items / a.servers + (k < a.items % a.servers ? 1 : 0); }

long allServerChanges(const Args& a, const std::filesystem::path& dir) {
  long total = 0;
  for (int k = 0; k < a.servers; ++k) {
    const long c = serverChanges(serverLog(dir, k));
    if (c < 0) return -1;
    total += c;
  }
  return total;
}

pid_t startServer(const Args& a, int k, int uaPort, const std::filesystem::path& dir, const std::filesystem::path& script) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  ::setenv("NODE_PATH", (script.parent_path() / "node_modules").c_str(), 1);
  if (!std::freopen(serverLog(dir, k).c_str(), "w", stdout)) ::_exit(127);
  const std::string server = PARKTWIN_BENCH_OPCUA_SERVER;
  const std::string port = std::to_string(uaPort), pki = (dir / ("server-pki-" + std::to_string(k))).string(),
                    items = std::to_string(itemsOf(a, k)), interval = std::to_string(a.intervalMs);
  ::execlp("node", "node", server.c_str(), port.c_str(), pki.c_str(), items.c_str(), interval.c_str(), nullptr);
  ::_exit(127);
}

// Source timestamps against arrival, kept only while `measuring`.
struct Latencies {
  std::atomic<bool> measuring{false};
  std::mutex mutex;
  std::vector<std::int64_t> ms;
  void note(std::int64_t sourceTs) {
    if (!measuring.load(std::memory_order_relaxed)) return;
    const std::int64_t late = feed::wallClockMs() - sourceTs;
    std::lock_guard lock(mutex);
    ms.push_back(late);
  }
  std::int64_t percentile(double p) {
    std::lock_guard lock(mutex);
    if (ms.empty()) return -1;
    std::sort(ms.begin(), ms.end());
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
  }
};

std::unique_ptr<feed::LiveSource> startSource(const Args& a, int k, int uaPort, const feed::SourceSink& sink) {
  feed::OpcUaSource config;
  config.endpoint = "opc.tcp://127.0.0.1:" + std::to_string(uaPort) + "/UA/Bench";
  for (int i = 0; i < itemsOf(a, k); ++i) {
    feed::OpcUaNode node;
    node.node_id = "ns=1;s=V" + std::to_string(i);
    // The server samples a changed value only at the next sampling tick, and the gateway's
    // subscription publishes at that rate: part of the latency, set apart from the change rate.
    node.sampling_interval_ms = a.samplingMs > 0 ? a.samplingMs : a.intervalMs;
    node.mapping.tag = "s" + std::to_string(k) + ".v" + std::to_string(i);
    config.nodes.push_back(node);
  }
  feed::BrokerOptions broker;
  broker.port = a.port;
  auto source = feed::makeOpcUaSource(feed::Source{"bench" + std::to_string(k), feed::SourceKind::opcua, config}, sink, broker,
                                      [](std::string_view) {});
  if (!source || !(*source)->start()) return nullptr;
  return std::move(*source);
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  auto program = feed::findOpcUaGateway();
  if (!program) {
    std::fprintf(stderr, "%s\n", program.error().message.c_str());
    return 1;
  }
  const auto dir = std::filesystem::temp_directory_path() / ("parktwin-opcua-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  ::setenv("PARKTWIN_OPCUA_PKI_DIR", (dir / "gateway-pki").c_str(), 1);
  std::vector<pid_t> servers;
  std::vector<int> ports;
  for (int k = 0; k < a.servers; ++k) {
    ports.push_back(20000 + (::getpid() * 7 + k * 101) % 20000);
    servers.push_back(startServer(a, k, ports.back(), dir, program->script));
  }
  const auto cleanup = [&] {
    for (const pid_t pid : servers) ::kill(pid, SIGTERM);
    for (const pid_t pid : servers) ::waitpid(pid, nullptr, 0);
    std::filesystem::remove_all(dir);
  };
  if (!waitUntil([&] { return allServerChanges(a, dir) >= 0; }, 180s)) {
    std::fprintf(stderr, "the OPC UA bench servers did not start\n");
    cleanup();
    return 1;
  }
  std::atomic<long> values{0};
  Latencies latencies;
  feed::SourceSink sink;
  sink.sample = [&](std::string_view, std::int64_t ts, double) {
    values.fetch_add(1, std::memory_order_relaxed);
    latencies.note(ts);
  };
  std::vector<std::unique_ptr<feed::LiveSource>> sources;
  for (int k = 0; k < a.servers; ++k) {
    sources.push_back(startSource(a, k, ports[static_cast<std::size_t>(k)], sink));
    if (!sources.back()) {
      std::fprintf(stderr, "cannot start OPC UA source %d\n", k);
      cleanup();
      return 1;
    }
  }
  // Warm up: the subscriptions are in place and the first full round of values has come.
  const bool flowing = waitUntil([&] { return values.load() >= a.items; }, 300s);
  latencies.measuring = true;
  long v0 = values.load(), c0 = allServerChanges(a, dir);
  const auto t0 = Clock::now();
  if (flowing) std::this_thread::sleep_for(std::chrono::seconds(a.windowS));  // the measuring window itself
  const long v1 = values.load(), c1 = allServerChanges(a, dir);
  latencies.measuring = false;
  const double window = seconds(Clock::now() - t0);
  std::uint64_t errors = 0;
  std::string lastError;
  for (auto& source : sources) {
    const auto c = source->counters();
    errors += c.errors;
    if (!c.last_error.empty()) lastError = c.last_error;
    source->stop();
  }
  cleanup();
  std::printf("OPC UA: %d monitored items on %d server(s), all changing every %d ms, sampled every %d ms, %.1f s window\n",
              a.items, a.servers, a.intervalMs, a.samplingMs > 0 ? a.samplingMs : a.intervalMs, window);
  if (!flowing) {
    std::printf("  values did not start flowing (%ld arrived; last error: %s)\n", v0, lastError.c_str());
    return 1;
  }
  // The servers' counts are written every 500 ms, so their window is the same length within that.
  std::printf("  server changes (offered)         %10.0f values/s\n", static_cast<double>(c1 - c0) / window);
  std::printf("  parktwin sink (gateway, MQTT)    %10.0f values/s (errors %lu)\n", static_cast<double>(v1 - v0) / window,
              static_cast<unsigned long>(errors));
  if (c1 > c0) std::printf("  ratio delivered / offered = %.2f\n", static_cast<double>(v1 - v0) / static_cast<double>(c1 - c0));
  std::printf("  latency source timestamp -> sink: p50 %lld ms, p99 %lld ms, max %lld ms\n",
              static_cast<long long>(latencies.percentile(0.5)), static_cast<long long>(latencies.percentile(0.99)),
              static_cast<long long>(latencies.percentile(1.0)));
  return 0;
}
