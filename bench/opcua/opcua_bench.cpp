// OPC UA values per second end to end: a node-opcua server with --items variables all changing
// every --interval-ms -> parktwin-opcua-gateway (one subscription, --items monitored items) ->
// mosquitto -> OpcUaGatewaySource -> sink. Over a --seconds window the values that reached the
// sink are compared with the value changes the server made in the same window (its own count):
// the ratio is delivered / offered. With --servers N the items are split over N server processes
// (one node-opcua process offers about 5,000 changes/s here), each read by its own OPC UA source
// and gateway, as a park with several servers would be. Latency: each value's OPC UA source
// timestamp (set by the server when it changes the value) against the wall clock when it reaches
// the sink, the point where the window's LiveFeed stores it; p50/p99/max over the window.
// --sampling-ms sets the items' sampling interval (default: --interval-ms; 0: the server reports
// each change as it happens), which bounds how soon the server notices a change.
// --publish batch|each: how the gateway publishes (default batch, see the gateway); --server-script
// runs another bench server (the one of an earlier commit, for a before/after in one run).
// Per stage, over the same window: the servers' changes and late ticks, the gateways' OPC UA
// notifications, values and MQTT messages, and the CPU each process used (a process near 100 %
// of one core is where the chain is CPU-bound), then the twin's decode rate alone and in batches.
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
#include "opcua_stages.hpp"
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
  // After the first full round of values: seconds more before measuring, so the window sees
  // the steady state, not the backlog of the subscriptions' start (10,000 items are created
  // in batches; their first values arrive all at once).
  int warmupS = 5;
  int servers = 1;
  int samplingMs = -1;  // the monitored items' sampling interval; -1: --interval-ms
  std::string publish = "batch";
  std::string serverScript = PARKTWIN_BENCH_OPCUA_SERVER;
  int sampling() const { return samplingMs >= 0 ? samplingMs : intervalMs; }
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
    if (words[i] == "--warmup-s") a.warmupS = std::max(0, v);
    if (words[i] == "--servers") a.servers = std::max(1, v);
    if (words[i] == "--sampling-ms") a.samplingMs = v;
    if (words[i] == "--publish") a.publish = words[i + 1];
    if (words[i] == "--server-script") a.serverScript = words[i + 1];
  }
  return a;
}

// The server's latest {"changes": n, ..} line: the number under `key`; -1 before its first.
long serverCount(const std::filesystem::path& log, const std::string& key = "changes") {
  std::ifstream in(log);
  long changes = -1;
  const std::string field = "\"" + key + "\":";
  for (std::string line; std::getline(in, line);) {
    if (const auto at = line.find(field); at != std::string::npos) changes = std::atol(line.c_str() + at + field.size());
  }
  return changes;
}

// Server `k` of --servers: its log, and how many of the items it serves.
std::filesystem::path serverLog(const std::filesystem::path& dir, int k) { return dir / ("server-" + std::to_string(k) + ".log"); }
int itemsOf(const Args& a, int k) { return a.items / a.servers + (k < a.items % a.servers ? 1 : 0); }

long allServerChanges(const Args& a, const std::filesystem::path& dir, const std::string& key = "changes") {
  long total = 0;
  for (int k = 0; k < a.servers; ++k) {
    const long c = serverCount(serverLog(dir, k), key);
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
  const std::string server = a.serverScript;
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
    node.sampling_interval_ms = a.sampling();
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

// Every stage's count and CPU at one instant; the window is the difference of two.
struct Snapshot {
  long values = 0;  // reached the sink
  long changes = 0;
  long lateTicks = 0;
  long tickCpuMs = 0;
  opcuabench::GatewayCounts gateway;
  double cpuServers = 0, cpuGateways = 0, cpuBroker = -1, cpuSelf = 0;
  Clock::time_point when;
};

void report(const Snapshot& t0, const Snapshot& t1, std::uint64_t errors) {
  const double window = seconds(t1.when - t0.when);
  const auto rate = [&](long from, long to) { return static_cast<double>(to - from) / window; };
  const auto cpu = [&](double from, double to) { return from < 0 ? -1.0 : 100.0 * (to - from) / window; };
  // CPU per value: what a stage costs whatever share of the cores it got (on a loaded host a
  // process runs less, but each value costs it the same).
  const auto perValue = [&](double from, double to, long n0, long n1) {
    return n1 > n0 && from >= 0 ? 1e6 * (to - from) / static_cast<double>(n1 - n0) : -1.0;
  };
  const double tickCpu = 100.0 * static_cast<double>(t1.tickCpuMs - t0.tickCpuMs) / 1000.0 / window;
  std::printf("  window %.1f s; per stage: values/s, CPU in %% of one core, CPU us per value\n", window);
  // The servers' counts are written every 500 ms, so their window is the same length within that.
  std::printf("  1 servers' changes (offered)      %9.0f /s  CPU %5.1f %% (ticks %.1f %%) %6.1f us  late ticks %ld\n",
              rate(t0.changes, t1.changes), cpu(t0.cpuServers, t1.cpuServers), tickCpu,
              perValue(t0.cpuServers, t1.cpuServers, t0.changes, t1.changes), t1.lateTicks - t0.lateTicks);
  std::printf("  2 gateways' OPC UA notifications  %9.0f /s  CPU %5.1f %% %6.1f us\n", rate(t0.gateway.received, t1.gateway.received),
              cpu(t0.cpuGateways, t1.cpuGateways),
              perValue(t0.cpuGateways, t1.cpuGateways, t0.gateway.received, t1.gateway.received));
  std::printf("  3 gateways' MQTT values           %9.0f /s in %.0f messages/s\n", rate(t0.gateway.published, t1.gateway.published),
              rate(t0.gateway.messages, t1.gateway.messages));
  std::printf("    broker                                      CPU %5.1f %% %6.1f us\n", cpu(t0.cpuBroker, t1.cpuBroker),
              perValue(t0.cpuBroker, t1.cpuBroker, t0.gateway.published, t1.gateway.published));
  std::printf("  4 parktwin sink (delivered)       %9.0f /s  CPU %5.1f %% %6.1f us (this process)  errors %lu\n",
              rate(t0.values, t1.values), cpu(t0.cpuSelf, t1.cpuSelf), perValue(t0.cpuSelf, t1.cpuSelf, t0.values, t1.values),
              static_cast<unsigned long>(errors));
  if (t1.changes > t0.changes) {
    std::printf("  ratio delivered / offered = %.2f\n",
                static_cast<double>(t1.values - t0.values) / static_cast<double>(t1.changes - t0.changes));
  }
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
  ::setenv("PARKTWIN_OPCUA_GATEWAY_PUBLISH", a.publish.c_str(), 1);
  const auto statsDir = dir / "gateway-stats";
  std::filesystem::create_directories(statsDir);
  ::setenv("PARKTWIN_OPCUA_GATEWAY_STATS_DIR", statsDir.c_str(), 1);
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
  const auto started = Clock::now();
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
  std::printf("  first full round after %.1f s; then %d s of warm-up before the window\n", seconds(Clock::now() - started),
              a.warmupS);
  if (flowing) std::this_thread::sleep_for(std::chrono::seconds(a.warmupS));  // a bench's settling time, not a sync
  const auto brokerPid = static_cast<pid_t>(std::getenv("PARKTWIN_BENCH_BROKER_PID") ? std::atol(std::getenv("PARKTWIN_BENCH_BROKER_PID")) : 0);
  const auto snapshot = [&] {
    Snapshot at;
    at.values = values.load();
    at.changes = allServerChanges(a, dir);
    at.lateTicks = allServerChanges(a, dir, "late_ticks");
    at.tickCpuMs = allServerChanges(a, dir, "tick_cpu_ms");
    at.gateway = opcuabench::gatewayCounts(statsDir);
    std::vector<pid_t> gateways;
    for (const auto& source : sources) gateways.push_back(feed::opcUaGatewayPid(*source));
    at.cpuServers = opcuabench::cpuSeconds(servers);
    at.cpuGateways = opcuabench::cpuSeconds(gateways);
    at.cpuBroker = brokerPid > 0 ? opcuabench::cpuSeconds(brokerPid) : -1;
    at.cpuSelf = opcuabench::cpuSeconds(::getpid());
    at.when = Clock::now();
    return at;
  };
  latencies.measuring = true;
  const Snapshot first = snapshot();
  if (flowing) std::this_thread::sleep_for(std::chrono::seconds(a.windowS));  // the measuring window itself
  const Snapshot last = snapshot();
  latencies.measuring = false;
  std::uint64_t errors = 0;
  std::string lastError;
  for (auto& source : sources) {
    const auto c = source->counters();
    errors += c.errors;
    if (!c.last_error.empty()) lastError = c.last_error;
    source->stop();
  }
  cleanup();
  std::printf("OPC UA: %d monitored items on %d server(s), all changing every %d ms, sampled every %d ms, gateway publishing %s\n",
              a.items, a.servers, a.intervalMs, a.sampling(), a.publish.c_str());
  if (!flowing) {
    std::printf("  values did not start flowing (%ld arrived; last error: %s)\n", first.values, lastError.c_str());
    return 1;
  }
  report(first, last, errors);
  std::printf("  latency source timestamp -> sink: p50 %lld ms, p99 %lld ms, max %lld ms\n",
              static_cast<long long>(latencies.percentile(0.5)), static_cast<long long>(latencies.percentile(0.99)),
              static_cast<long long>(latencies.percentile(1.0)));
  // Measured after the chain is stopped, so that it has the core to itself.
  const auto decode = opcuabench::measureDecode(200'000, 500);
  std::printf("  twin decode alone (one thread): %.0f values/s one per message, %.0f values/s in batches of 500\n",
              decode.single_per_s, decode.batch_per_s);
  return 0;
}
