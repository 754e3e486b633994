#include "parktwin/feed/modbus_poller.hpp"

#include <modbus.h>
#include <netdb.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "parktwin/feed/broker.hpp"
#include "parktwin/feed/connection_kinds.hpp"
#include "parktwin/feed/modbus_map.hpp"
#include "parktwin/feed/value_mapping.hpp"

namespace parktwin::feed {

namespace {

struct ModbusDeleter {
  void operator()(modbus_t* ctx) const {
    modbus_close(ctx);
    modbus_free(ctx);
  }
};
using ModbusPtr = std::unique_ptr<modbus_t, ModbusDeleter>;

void setTimeouts(modbus_t* ctx, int timeout_ms) {
  const auto s = static_cast<std::uint32_t>(timeout_ms / 1000);
  const auto us = static_cast<std::uint32_t>((timeout_ms % 1000) * 1000);
  modbus_set_response_timeout(ctx, s, us);  // libmodbus also bounds connect() by it
  modbus_set_byte_timeout(ctx, s, us);
}

// A Modbus exception (the device answered "no") leaves the connection usable; anything else
// (timeout, reset, a garbled or foreign frame) means the stream can no longer be trusted.
bool connectionBroken(int error) { return error < EMBXILFUN || error > EMBXGTAR; }

class ModbusPoller final : public LiveSource {
 public:
  ModbusPoller(std::string sourceId, ModbusSource device, SourceSink sampleSink)
      : id_(std::move(sourceId)), config(std::move(device)), sink(std::move(sampleSink)) {
    requests = planRequests(config.points, config.max_gap);
    words.resize(kMaxRegistersPerRead);
    bits.resize(kMaxBitsPerRead);
    config.reconnect_delay_min_ms = std::max(1, config.reconnect_delay_min_ms);
    config.reconnect_delay_max_ms = std::max(config.reconnect_delay_min_ms, config.reconnect_delay_max_ms);
  }
  ~ModbusPoller() override { stop(); }
  ModbusPoller(const ModbusPoller&) = delete;
  ModbusPoller& operator=(const ModbusPoller&) = delete;

  const std::string& id() const override { return id_; }

  Result<void> start() override {
    if (thread.joinable()) return {};
    {
      std::lock_guard lock(mutex);
      stopping = false;
    }
    thread = std::thread([this] { run(); });
    return {};
  }

  void stop() override {
    if (!thread.joinable()) return;
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    wake.notify_all();
    thread.join();
  }

  SourceCounters counters() const override {
    std::lock_guard lock(mutex);
    return counters_;
  }

 private:
  std::string id_;
  ModbusSource config;
  SourceSink sink;
  std::vector<ModbusRequest> requests;
  std::thread thread;
  mutable std::mutex mutex;  // guards stopping and counters_
  std::condition_variable wake;
  bool stopping = false;
  SourceCounters counters_;
  DeadbandFilter deadband;  // poll thread only
  std::vector<std::uint16_t> words;
  std::vector<std::uint8_t> bits;

  std::string where() const { return "Modbus " + config.host + ":" + std::to_string(config.port); }

  void noteError(int error, const std::string& doing, const std::string& doingZh) {
    std::lock_guard lock(mutex);
    ++counters_.errors;
    if (error == ETIMEDOUT) ++counters_.timeouts;
    counters_.noteError(where() + ": " + doing + ": " + modbus_strerror(error),
                        where() + "：" + doingZh + "：" + reasonZh(error));
  }

  // The system's reason in Chinese for the failures a person meets on an unreachable device;
  // any other, as libmodbus words it.
  static std::string reasonZh(int error) {
    switch (error) {
      case ECONNREFUSED: return "连接被拒绝（设备未在此端口监听，或被防火墙拒绝）";
      case ETIMEDOUT: return "超时，设备没有应答";
      case EHOSTUNREACH: return "主机不可达";
      case ENETUNREACH: return "网络不可达";
      case ECONNRESET: return "连接被设备重置";
      default: return modbus_strerror(error);
    }
  }

  // Waits until `deadline` or stop(); true when stopping.
  bool sleepUntil(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(mutex);
    wake.wait_until(lock, deadline, [&] { return stopping; });
    return stopping;
  }

  // libmodbus reports a host name it cannot resolve as "Connection refused", which sends a
  // person to the device's firewall: the resolver's own reason, named before libmodbus tries.
  bool resolves() {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const int rc = ::getaddrinfo(config.host.c_str(), std::to_string(config.port).c_str(), &hints, &found);
    if (found) ::freeaddrinfo(found);
    if (rc == 0) return true;
    std::lock_guard lock(mutex);
    ++counters_.errors;
    counters_.noteError(where() + ": cannot resolve the host: " + ::gai_strerror(rc),
                        where() + "：无法解析主机名：" + ::gai_strerror(rc));
    return false;
  }

  ModbusPtr connect() {
    if (!resolves()) return nullptr;
    ModbusPtr ctx(modbus_new_tcp_pi(config.host.c_str(), std::to_string(config.port).c_str()));
    if (!ctx) {
      noteError(errno, "cannot create a context", "无法创建连接");
      return nullptr;
    }
    setTimeouts(ctx.get(), config.timeout_ms);
    if (modbus_set_slave(ctx.get(), config.unit_id) != 0) {
      noteError(errno, "unit id " + std::to_string(config.unit_id), "站号 " + std::to_string(config.unit_id));
      return nullptr;
    }
    if (modbus_connect(ctx.get()) != 0) {
      // libmodbus 3.1 leaves connect()'s EINPROGRESS in errno when its wait for the connection
      // runs out: that is a timeout.
      noteError(errno == EINPROGRESS ? ETIMEDOUT : errno, "connect", "连接失败");
      return nullptr;
    }
    return ctx;
  }

  int read(modbus_t* ctx, const ModbusRequest& r) {
    switch (r.table) {
      case ModbusTable::holding_register: return modbus_read_registers(ctx, r.address, r.count, words.data());
      case ModbusTable::input_register: return modbus_read_input_registers(ctx, r.address, r.count, words.data());
      case ModbusTable::coil: return modbus_read_bits(ctx, r.address, r.count, bits.data());
      case ModbusTable::discrete_input: return modbus_read_input_bits(ctx, r.address, r.count, bits.data());
    }
    return -1;
  }

  void hand(const ModbusRequest& r, std::int64_t ts_ms) {
    std::uint64_t handed = 0;
    for (std::size_t i : r.points) {
      const ModbusPoint& p = config.points[i];
      const auto offset = static_cast<std::size_t>(p.address - r.address);
      std::optional<double> raw;
      if (r.table == ModbusTable::coil || r.table == ModbusTable::discrete_input) {
        raw = bits[offset] ? 1.0 : 0.0;
      } else {
        raw = decodeRegisters(p.type, p.word_order, std::span(words).subspan(offset));
      }
      if (!raw) {
        std::lock_guard lock(mutex);
        ++counters_.errors;
        const std::string address = std::to_string(p.address);
        counters_.noteError(where() + ": register " + address + " holds no finite number",
                            where() + "：寄存器 " + address + " 中不是有限的数");
        continue;
      }
      const double value = mappedValue(p.mapping, *raw);
      if (!deadband.pass(p.mapping.tag, value, p.mapping.deadband)) continue;
      sink.sample(p.mapping.tag, ts_ms, value);
      ++handed;
    }
    std::lock_guard lock(mutex);
    counters_.values += handed;
  }

  // One pass over the map; false when the connection must be dropped.
  bool pollOnce(modbus_t* ctx) {
    for (const auto& r : requests) {
      {
        std::lock_guard lock(mutex);
        if (stopping) return true;
        ++counters_.polls;
      }
      if (read(ctx, r) != r.count) {
        const int error = errno;
        const std::string at = std::string(toText(r.table)) + " " + std::to_string(r.address);
        noteError(error, "read " + std::to_string(r.count) + " at " + at, "读取 " + at + " 起的 " + std::to_string(r.count) + " 个");
        if (connectionBroken(error)) return false;
        continue;
      }
      hand(r, wallClockMs());
    }
    return true;
  }

  void setConnected(bool connected, bool everConnected) {
    std::lock_guard lock(mutex);
    if (connected && everConnected) ++counters_.reconnects;
    if (!connected && counters_.connected) ++counters_.gaps;
    counters_.connected = connected;
  }

  void run() {
    using Clock = std::chrono::steady_clock;
    int delay_ms = config.reconnect_delay_min_ms;
    bool everConnected = false;
    ModbusPtr ctx;
    while (true) {
      if (!ctx) {
        ctx = connect();
        if (!ctx) {
          if (sleepUntil(Clock::now() + std::chrono::milliseconds(delay_ms))) break;
          delay_ms = std::min(delay_ms * 2, config.reconnect_delay_max_ms);
          continue;
        }
        setConnected(true, everConnected);
        everConnected = true;
      }
      const auto next = Clock::now() + std::chrono::milliseconds(config.poll_interval_ms);
      if (!pollOnce(ctx.get())) {
        ctx.reset();
        setConnected(false, everConnected);
        // Back off here too: a device that accepts connections but answers garbage must not be
        // reconnected to in a tight loop.
        if (sleepUntil(Clock::now() + std::chrono::milliseconds(delay_ms))) break;
        delay_ms = std::min(delay_ms * 2, config.reconnect_delay_max_ms);
        continue;
      }
      delay_ms = config.reconnect_delay_min_ms;  // only a good pass ends the backoff
      if (sleepUntil(next)) break;
    }
    ctx.reset();
    std::lock_guard lock(mutex);
    counters_.connected = false;  // stopped on purpose: not a gap
  }
};

}  // namespace

Result<std::unique_ptr<LiveSource>> makeModbusPoller(std::string id, ModbusSource config, SourceSink sink) {
  if (!sink.sample) return fail("Modbus source " + id + ": no sample sink");
  if (config.host.empty()) return fail("Modbus source " + id + ": no host");
  return std::make_unique<ModbusPoller>(std::move(id), std::move(config), std::move(sink));
}

}  // namespace parktwin::feed
