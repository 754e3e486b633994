// OPC UA values per second end to end: a node-opcua server with --items variables all changing
// every --interval-ms -> parktwin-opcua-gateway (one subscription, --items monitored items) ->
// mosquitto -> OpcUaGatewaySource -> sink. Over a --seconds window the values that reached the
// sink are compared with the value changes the server made in the same window (its own count):
// the ratio is delivered / offered. Needs a broker: bench/sim/feed_bench.sh starts one:
//   bench/sim/feed_bench.sh build/bench/bench/opcua/opcua_bench --items 2000 --interval-ms 500 --seconds 10
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
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

pid_t startServer(const Args& a, int uaPort, const std::filesystem::path& dir, const std::filesystem::path& script) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  ::setenv("NODE_PATH", (script.parent_path() / "node_modules").c_str(), 1);
  if (!std::freopen((dir / "server.log").c_str(), "w", stdout)) ::_exit(127);
  const std::string server = PARKTWIN_BENCH_OPCUA_SERVER;
  const std::string port = std::to_string(uaPort), pki = (dir / "server-pki").string(), items = std::to_string(a.items),
                    interval = std::to_string(a.intervalMs);
  ::execlp("node", "node", server.c_str(), port.c_str(), pki.c_str(), items.c_str(), interval.c_str(), nullptr);
  ::_exit(127);
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
  const int uaPort = 20000 + ::getpid() % 20000;
  const pid_t server = startServer(a, uaPort, dir, program->script);
  const auto cleanup = [&] {
    ::kill(server, SIGTERM);
    ::waitpid(server, nullptr, 0);
    std::filesystem::remove_all(dir);
  };
  if (!waitUntil([&] { return serverChanges(dir / "server.log") >= 0; }, 120s)) {
    std::fprintf(stderr, "the OPC UA bench server did not start\n");
    cleanup();
    return 1;
  }
  feed::OpcUaSource config;
  config.endpoint = "opc.tcp://127.0.0.1:" + std::to_string(uaPort) + "/UA/Bench";
  for (int i = 0; i < a.items; ++i) {
    feed::OpcUaNode node;
    node.node_id = "ns=1;s=V" + std::to_string(i);
    node.sampling_interval_ms = a.intervalMs;
    node.mapping.tag = std::string("v").append(std::to_string(i));
    config.nodes.push_back(node);
  }
  std::atomic<long> values{0};
  feed::SourceSink sink{[&](std::string_view, std::int64_t, double) { values.fetch_add(1, std::memory_order_relaxed); }, {}};
  feed::BrokerOptions broker;
  broker.port = a.port;
  auto source = feed::makeOpcUaSource(feed::Source{"bench", feed::SourceKind::opcua, config}, sink, broker, [](std::string_view) {});
  if (!source || !(*source)->start()) {
    std::fprintf(stderr, "cannot start the OPC UA source\n");
    cleanup();
    return 1;
  }
  // Warm up: the subscription is in place and the first full round of values has come.
  const bool flowing = waitUntil([&] { return values.load() >= a.items; }, 180s);
  long v0 = values.load(), c0 = serverChanges(dir / "server.log");
  const auto t0 = Clock::now();
  if (flowing) std::this_thread::sleep_for(std::chrono::seconds(a.windowS));  // the measuring window itself
  const long v1 = values.load(), c1 = serverChanges(dir / "server.log");
  const double window = seconds(Clock::now() - t0);
  const auto counters = (*source)->counters();
  (*source)->stop();
  cleanup();
  std::printf("OPC UA: %d monitored items, all changing every %d ms, %.1f s window\n", a.items, a.intervalMs, window);
  if (!flowing) {
    std::printf("  values did not start flowing (%ld arrived; last error: %s)\n", v0, counters.last_error.c_str());
    return 1;
  }
  // The server's count is written every 500 ms, so its window is the same length within that.
  std::printf("  server changes (offered)         %10.0f values/s\n", static_cast<double>(c1 - c0) / window);
  std::printf("  parktwin sink (gateway, MQTT)    %10.0f values/s (errors %lu)\n", static_cast<double>(v1 - v0) / window,
              static_cast<unsigned long>(counters.errors));
  if (c1 > c0) std::printf("  ratio delivered / offered = %.2f\n", static_cast<double>(v1 - v0) / static_cast<double>(c1 - c0));
  return 0;
}
