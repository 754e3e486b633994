// Modbus registers read per second by parktwin's ModbusPoller (libmodbus, grouped requests,
// decoding, the sink) polling as fast as the server answers. scripts/bench-connections runs it
// and pymodbus's own client (pymodbus_baseline.py) on the same server and map, and prints the
// ratio. Usage: parktwin-bench-connections PORT SECONDS
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "parktwin/feed/modbus_poller.hpp"

using namespace parktwin::feed;

namespace {

// The holding registers 0-21 of tests/unit/feed/modbus_test_server.py: ten values of every
// type and word order, one request of 22 registers per pass (the baseline reads the same).
constexpr int kRegistersPerPass = 22;

ModbusSource deviceAt(int port) {
  ModbusSource m;
  m.host = "127.0.0.1";
  m.port = port;
  m.poll_interval_ms = 0;  // back to back: the rate is what server and client can do
  m.timeout_ms = 1000;
  const struct {
    int address;
    ModbusType type;
    WordOrder order;
  } points[] = {{0, ModbusType::int16, WordOrder::big},      {1, ModbusType::uint16, WordOrder::big},
                {2, ModbusType::int32, WordOrder::big},      {4, ModbusType::int32, WordOrder::little},
                {6, ModbusType::uint32, WordOrder::big},     {8, ModbusType::uint32, WordOrder::little},
                {10, ModbusType::float32, WordOrder::big},   {12, ModbusType::float32, WordOrder::little},
                {14, ModbusType::float64, WordOrder::big},   {18, ModbusType::float64, WordOrder::little}};
  for (const auto& p : points) {
    ModbusPoint point;
    point.address = p.address;
    point.type = p.type;
    point.word_order = p.order;
    point.mapping.tag = "r" + std::to_string(p.address);
    m.points.push_back(point);
  }
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: parktwin-bench-connections PORT SECONDS\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const double seconds = std::atof(argv[2]);
  std::atomic<std::uint64_t> samples{0};
  SourceSink sink;
  sink.sample = [&](std::string_view, std::int64_t, double) { samples.fetch_add(1, std::memory_order_relaxed); };
  auto poller = makeModbusPoller("bench", deviceAt(port), sink);
  if (!poller || !(*poller)->start()) return 1;
  const auto start = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));  // the measured interval
  const std::uint64_t polls = (*poller)->counters().polls;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  (*poller)->stop();
  const auto c = (*poller)->counters();
  if (c.errors > 0) std::fprintf(stderr, "errors: %llu, last: %s\n", static_cast<unsigned long long>(c.errors), c.last_error.c_str());
  std::printf("parktwin registers/s %.0f (requests %llu, samples %llu, %.2f s)\n", static_cast<double>(polls * kRegistersPerPass) / elapsed,
              static_cast<unsigned long long>(polls), static_cast<unsigned long long>(samples.load()), elapsed);
  return c.errors > 0 ? 1 : 0;
}
