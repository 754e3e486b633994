// Modbus TCP end to end against pymodbus (modbus_test_server.py, its register map encoded with
// Python's struct): every type and word order read back equal to the map; the server killed and
// restarted mid-poll; a device that never answers; stop() prompt in both.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>
#include <fstream>
#include <iterator>

#include "mosquitto_broker.hpp"
#include "parktwin/feed/modbus_poller.hpp"
#include "sample_collector.hpp"

namespace {

using namespace parktwin::feed;
using feedtest::eventually;
using namespace std::chrono_literals;

class PymodbusServer {
 public:
  PymodbusServer() : port_(feedtest::freeLoopbackPort()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "parktwin-modbus-XXXXXX").string();
    if (::mkdtemp(pattern.data())) dir_ = pattern;
  }
  ~PymodbusServer() {
    feedtest::endProcess(pid_, SIGKILL);
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  bool start() {
    pid_ = feedtest::startListeningProcess(
        {"/usr/bin/python3", PARKTWIN_SOURCE_DIR "/tests/unit/feed/modbus_test_server.py", std::to_string(port_)},
        dir_ / "server.log", port_);
    return pid_ > 0;
  }
  void kill() { feedtest::endProcess(pid_, SIGKILL); }
  int port() const { return port_; }
  std::string log() const {
    std::ifstream in(dir_ / "server.log");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  int port_;
  int pid_ = 0;
  std::filesystem::path dir_;
};

ModbusPoint point(ModbusTable table, int address, ModbusType type, WordOrder order, const std::string& tag) {
  ModbusPoint p;
  p.table = table;
  p.address = address;
  p.type = type;
  p.word_order = order;
  p.mapping.tag = tag;
  return p;
}

ModbusSource deviceAt(int port) {
  using T = ModbusType;
  using W = WordOrder;
  const auto hr = ModbusTable::holding_register;
  ModbusSource m;
  m.host = "127.0.0.1";
  m.port = port;
  m.poll_interval_ms = 50;
  m.timeout_ms = 500;
  m.reconnect_delay_min_ms = 50;
  m.reconnect_delay_max_ms = 200;
  m.points = {point(hr, 0, T::int16, W::big, "int16"),          point(hr, 1, T::uint16, W::big, "uint16"),
              point(hr, 2, T::int32, W::big, "int32.big"),      point(hr, 4, T::int32, W::little, "int32.little"),
              point(hr, 6, T::uint32, W::big, "uint32.big"),    point(hr, 8, T::uint32, W::little, "uint32.little"),
              point(hr, 10, T::float32, W::big, "float32.big"), point(hr, 12, T::float32, W::little, "float32.little"),
              point(hr, 14, T::float64, W::big, "float64.big"), point(hr, 18, T::float64, W::little, "float64.little"),
              point(hr, 30, T::boolean, W::big, "hr.bool"),     point(hr, 200, T::uint16, W::big, "far"),
              point(ModbusTable::input_register, 0, T::float32, W::big, "ir.float32"),
              point(ModbusTable::input_register, 2, T::int16, W::big, "ir.int16"),
              point(ModbusTable::coil, 0, T::boolean, W::big, "coil0"),
              point(ModbusTable::coil, 1, T::boolean, W::big, "coil1"),
              point(ModbusTable::coil, 5, T::boolean, W::big, "coil5"),
              point(ModbusTable::discrete_input, 3, T::boolean, W::big, "di3")};
  m.points[0].mapping.scale = 0.1;  // -1234 * 0.1 + 5 = -118.4
  m.points[0].mapping.offset = 5;
  return m;
}

TEST(ModbusPoller, ReadsEveryTypeAndWordOrderAsTheServerEncodedThem) {
  PymodbusServer server;
  ASSERT_TRUE(server.start()) << server.log();
  feedtest::SampleCollector collected;
  auto poller = makeModbusPoller("meter", deviceAt(server.port()), collected.sink());
  ASSERT_TRUE(poller);
  ASSERT_TRUE((*poller)->start());
  ASSERT_TRUE(eventually([&] { return collected.latest().size() == 18; })) << (*poller)->counters().last_error;
  (*poller)->stop();
  const auto v = collected.latest();
  EXPECT_NEAR(v.at("int16"), -118.4, 1e-9);
  EXPECT_EQ(v.at("uint16"), 54321);
  EXPECT_EQ(v.at("int32.big"), -123456789);
  EXPECT_EQ(v.at("int32.little"), -123456789);
  EXPECT_EQ(v.at("uint32.big"), 3000000000.0);
  EXPECT_EQ(v.at("uint32.little"), 3000000000.0);
  EXPECT_EQ(v.at("float32.big"), 230.5);
  EXPECT_EQ(v.at("float32.little"), static_cast<double>(49.98f));  // float32 holds 49.98 inexactly
  EXPECT_EQ(v.at("float64.big"), 12345.678901);
  EXPECT_EQ(v.at("float64.little"), -0.000123);
  EXPECT_EQ(v.at("hr.bool"), 1);
  EXPECT_EQ(v.at("far"), 777);
  EXPECT_EQ(v.at("ir.float32"), 400.25);
  EXPECT_EQ(v.at("ir.int16"), -5);
  EXPECT_EQ(v.at("coil0"), 1);
  EXPECT_EQ(v.at("coil1"), 0);
  EXPECT_EQ(v.at("coil5"), 1);
  EXPECT_EQ(v.at("di3"), 1);
  const auto c = (*poller)->counters();
  EXPECT_EQ(c.errors, 0u) << c.last_error;
  EXPECT_EQ(c.reconnects, 0u);
  EXPECT_EQ(c.gaps, 0u);
  // Requests per pass: holding 0-30 (gaps up to 8 read through: 22-29), holding 200, input 0-2,
  // coils 0-5, discrete 3 = 5, so polls is a multiple of 5 once a pass is complete.
  EXPECT_GE(c.polls, 5u);
}

TEST(ModbusPoller, ReconnectsAfterTheServerRestartsCountingTheGap) {
  PymodbusServer server;
  ASSERT_TRUE(server.start()) << server.log();
  feedtest::SampleCollector collected;
  auto poller = makeModbusPoller("meter", deviceAt(server.port()), collected.sink());
  ASSERT_TRUE(poller && (*poller)->start());
  ASSERT_TRUE(eventually([&] { return (*poller)->counters().values >= 18; }));

  server.kill();
  ASSERT_TRUE(eventually([&] { return (*poller)->counters().gaps == 1 && !(*poller)->counters().connected; }));
  ASSERT_TRUE(eventually([&] { return (*poller)->counters().errors >= 2; }));  // the read, then refused connects
  const std::uint64_t before = (*poller)->counters().values;
  ASSERT_TRUE(server.start()) << server.log();
  ASSERT_TRUE(eventually([&] { return (*poller)->counters().values >= before + 18; })) << (*poller)->counters().last_error;
  const auto c = (*poller)->counters();
  EXPECT_TRUE(c.connected);
  EXPECT_EQ(c.reconnects, 1u);
  EXPECT_EQ(c.gaps, 1u);
  EXPECT_EQ(collected.latest().at("float64.big"), 12345.678901);

  const auto stopAt = std::chrono::steady_clock::now();
  (*poller)->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - stopAt, 1s);
}

// A listening socket nobody accepts from: connect succeeds (the kernel's backlog), no reply ever.
class SilentDevice {
 public:
  SilentDevice() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 8);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~SilentDevice() { ::close(fd_); }
  int port() const { return port_; }
  int listener() const { return fd_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

TEST(ModbusPoller, ADeviceThatNeverAnswersCountsTimeoutsAndStopsPromptly) {
  SilentDevice device;
  auto config = deviceAt(device.port());
  config.timeout_ms = 200;
  feedtest::SampleCollector collected;
  auto poller = makeModbusPoller("silent", config, collected.sink());
  ASSERT_TRUE(poller && (*poller)->start());
  ASSERT_TRUE(eventually([&] { return (*poller)->counters().timeouts >= 2; }));
  const auto stopAt = std::chrono::steady_clock::now();
  (*poller)->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - stopAt, 1s);  // at most one 200 ms timeout
  const auto c = (*poller)->counters();
  EXPECT_EQ(collected.size(), 0u);
  EXPECT_NE(c.last_error.find("Connection timed out"), std::string::npos) << c.last_error;
}

// A host name no resolver knows (".invalid" is reserved for that, RFC 6761) is named as such,
// not as the "Connection refused" libmodbus would report, and retried like any failed connect.
TEST(ModbusPoller, AHostThatDoesNotResolveIsNamedAsSuch) {
  auto config = deviceAt(502);
  config.host = "no-such-host.invalid";
  feedtest::SampleCollector collected;
  auto poller = makeModbusPoller("nowhere", config, collected.sink());
  ASSERT_TRUE(poller && (*poller)->start());
  ASSERT_TRUE(eventually([&] { return (*poller)->counters().errors >= 2; }));
  (*poller)->stop();
  const auto c = (*poller)->counters();
  EXPECT_EQ(c.last_error.rfind("Modbus no-such-host.invalid:502: cannot resolve the host: ", 0), 0u) << c.last_error;
  EXPECT_EQ(c.last_error.find("refused"), std::string::npos) << c.last_error;
  EXPECT_EQ(collected.size(), 0u);
}

// A Chinese window showed an unreachable device's error in English (customer report): the
// source words it in both; the window picks its language (SourceCounters::lastError). Texts by hand.
TEST(ModbusPoller, AnUnreachableDeviceIsWordedInBothLanguages) {
  const int port = feedtest::freeLoopbackPort();  // nothing listens there: the connect is refused
  feedtest::SampleCollector collected;
  auto poller = makeModbusPoller("meter", deviceAt(port), collected.sink());
  ASSERT_TRUE(poller && (*poller)->start());
  ASSERT_TRUE(eventually([&] { return (*poller)->counters().errors >= 1; }));
  (*poller)->stop();
  const auto c = (*poller)->counters();
  const std::string where = "Modbus 127.0.0.1:" + std::to_string(port);
  EXPECT_EQ(c.lastError("zh"), where + "：连接失败：连接被拒绝（设备未在此端口监听，或被防火墙拒绝）");
  EXPECT_EQ(c.lastError("en"), where + ": connect: Connection refused");
}

// A register holding NaN (a meter's "no reading"): counted and named, in both languages (QA: the
// Chinese window showed it in English).
TEST(ModbusPoller, ARegisterWithNoNumberIsNamedInBothLanguages) {
  PymodbusServer server;
  ASSERT_TRUE(server.start()) << server.log();
  ModbusSource device = deviceAt(server.port());
  device.points = {point(ModbusTable::holding_register, 240, ModbusType::float32, WordOrder::big, "nan")};
  feedtest::SampleCollector collected;
  auto poller = makeModbusPoller("meter", device, collected.sink());
  ASSERT_TRUE(poller && (*poller)->start());
  ASSERT_TRUE(eventually([&] { return (*poller)->counters().errors >= 1; }));
  (*poller)->stop();
  const auto c = (*poller)->counters();
  const std::string where = "Modbus 127.0.0.1:" + std::to_string(server.port());
  EXPECT_EQ(c.lastError("en"), where + ": register 240 holds no finite number");
  EXPECT_EQ(c.lastError("zh"), where + "：寄存器 240 中不是有限的数");
  EXPECT_EQ(collected.size(), 0U);
}

// Accepts every connection and answers any request with text that is not Modbus (a web server
// on the wrong port, say), then hangs up.
class GarbageDevice : public SilentDevice {
 public:
  GarbageDevice() : thread_([this] { serve(); }) {}
  ~GarbageDevice() {
    stopping_ = true;
    ::shutdown(listener(), SHUT_RDWR);
    thread_.join();
  }
  int connections() const { return connections_; }

 private:
  void serve() {
    while (!stopping_) {
      const int fd = ::accept(listener(), nullptr, nullptr);
      if (fd < 0) return;
      ++connections_;
      char request[260];
      if (::read(fd, request, sizeof request) > 0) {
        const char reply[] = "HTTP/1.0 400 Bad Request\r\n\r\n";
        (void)::write(fd, reply, sizeof reply - 1);
      }
      ::close(fd);
    }
  }
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::thread thread_;
};

TEST(ModbusPoller, ADeviceAnsweringGarbageIsReconnectedToWithBackoff) {
  GarbageDevice device;
  auto config = deviceAt(device.port());
  config.reconnect_delay_min_ms = 50;
  config.reconnect_delay_max_ms = 10'000;
  feedtest::SampleCollector collected;
  auto poller = makeModbusPoller("garbage", config, collected.sink());
  ASSERT_TRUE(poller && (*poller)->start());
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(eventually([&] { return (*poller)->counters().gaps >= 4; }));
  (*poller)->stop();
  const double elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  // Waits of 50, 100, 200, ... ms: n connections take at least 50 * (2^(n-1) - 1) ms, so in
  // elapsed_ms there are at most log2(elapsed_ms / 50 + 1) + 1 of them (without backoff: hundreds).
  EXPECT_LE(device.connections(), std::log2(elapsed_ms / 50 + 1) + 1) << elapsed_ms << " ms";
  EXPECT_EQ(collected.size(), 0u);
  EXPECT_GE((*poller)->counters().errors, 4u);
}

}  // namespace
