#include "client.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "mqtt_words.hpp"

namespace parktwin::feed {
namespace {
bool isReadableFile(const std::string& path) {
  std::error_code ec;
  return !std::filesystem::is_directory(path, ec) && std::ifstream(path, std::ios::binary).good();
}
}  // namespace

std::int64_t wallClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<BrokerOptions> parseBrokerAddress(std::string_view address, bool tls) {
  BrokerOptions options;
  options.port = tls ? 8883 : 1883;
  const auto colon = address.rfind(':');
  if (colon == std::string_view::npos) {
    options.host = std::string(address);
  } else {
    options.host = std::string(address.substr(0, colon));
    const std::string_view port = address.substr(colon + 1);
    int value = 0;
    auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || ptr != port.data() + port.size() || value < 1 || value > 65535) {
      return fail("broker address \"" + std::string(address) + "\": expected host:port with a port 1-65535");
    }
    options.port = value;
  }
  if (options.host.empty()) return fail("broker address \"" + std::string(address) + "\": the host is empty");
  return options;
}

bool isLoopbackHost(std::string_view host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost" || host == "localhost." || host == "::1") return true;
  if (!host.starts_with("127.")) return false;
  // 127.a.b.c, each part 0-255: a name such as "127.example.com" is not loopback.
  int parts = 0;
  for (std::size_t at = 0; at <= host.size(); ++parts) {
    const std::size_t dot = std::min(host.find('.', at), host.size());
    int value = -1;
    const auto [ptr, ec] = std::from_chars(host.data() + at, host.data() + dot, value);
    if (ec != std::errc() || ptr != host.data() + dot || value > 255) return false;
    at = dot + 1;
  }
  return parts == 4;
}

bool sendsInTheClear(const BrokerOptions& broker) {
  return broker.tls_ca_file.empty() && !isLoopbackHost(broker.host);
}

namespace detail {
namespace {

void initialiseLibraryOnce() {
  static const int once = [] {
    mosquitto_lib_init();
    return 0;
  }();
  (void)once;
}

}  // namespace

std::string describe(int mosquittoError) { return mosquittoErrorWords(mosquittoError).en; }
std::string describeConnack(int reasonCode) { return connackWords(reasonCode).en; }

SourceError unreachableBroker(const BrokerOptions& broker, std::string_view reason) {
  const std::string address = broker.host + ":" + std::to_string(broker.port);
  return {"cannot reach the broker " + address + ": " + std::string(reason), "无法连接代理 " + address + "：" + std::string(reason)};
}

SourceError brokerRefusedConnection(int reasonCode) {
  const SourceError why = connackWords(reasonCode);
  return {"broker refused the connection: " + why.en, "代理拒绝了连接：" + why.zh};
}

SourceError subscribeFailed(std::string_view topic, int mosquittoError) {
  const SourceError why = mosquittoErrorWords(mosquittoError);
  return {"subscribe to " + std::string(topic) + ": " + why.en, "订阅 " + std::string(topic) + " 失败：" + why.zh};
}

SourceError brokerRefusedSubscription(std::string_view topic) {
  if (topic.empty()) return {"the broker refused a subscription", "代理拒绝了一项订阅"};
  return {"the broker refused the subscription to " + std::string(topic), "代理拒绝了对 " + std::string(topic) + " 的订阅"};
}

SourceError connectionLost(int mosquittoError) {
  const SourceError why = mosquittoErrorWords(mosquittoError);
  return {"connection lost: " + why.en, "连接中断：" + why.zh};
}

SourceError connectionLost(const SourceError& why) { return {"connection lost: " + why.en, "连接中断：" + why.zh}; }

Result<MosquittoPtr> makeClient(const BrokerOptions& options, bool cleanSession, void* userdata) {
  initialiseLibraryOnce();
  if (!cleanSession && options.client_id.empty()) {
    return fail("MQTT: a persistent session (clean_session false) needs a client id");
  }
  MosquittoPtr client(mosquitto_new(options.client_id.empty() ? nullptr : options.client_id.c_str(), cleanSession, userdata));
  if (!client) return fail("MQTT: cannot create a client (out of memory or invalid id \"" + options.client_id + "\")");
  mosquitto_int_option(client.get(), MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
  // Small messages, latency matters: no Nagle delay on our side of the socket.
  mosquitto_int_option(client.get(), MOSQ_OPT_TCP_NODELAY, 1);
  if (!options.username.empty()) {
    const int rc = mosquitto_username_pw_set(client.get(), options.username.c_str(),
                                             options.password.empty() ? nullptr : options.password.c_str());
    if (rc != MOSQ_ERR_SUCCESS) return fail("MQTT: username/password: " + describe(rc));
  }
  if (!options.tls_ca_file.empty()) {
    // mosquitto answers a CA file it cannot open with "Invalid function arguments"; name the file.
    if (!isReadableFile(options.tls_ca_file)) return fail("cannot read CA file " + options.tls_ca_file);
    const int rc = mosquitto_tls_set(client.get(), options.tls_ca_file.c_str(), nullptr, nullptr, nullptr, nullptr);
    if (rc != MOSQ_ERR_SUCCESS) return fail("MQTT: TLS CA file " + options.tls_ca_file + ": " + describe(rc));
  }
  mosquitto_reconnect_delay_set(client.get(), static_cast<unsigned>(std::max(1, options.reconnect_delay_min_s)),
                                static_cast<unsigned>(std::max(options.reconnect_delay_min_s, options.reconnect_delay_max_s)),
                                true);
  return client;
}

Result<void> startNetworkThread(mosquitto* client, const BrokerOptions& options, std::string* firstFailure) {
  // A refused first attempt is not fatal: the network thread keeps retrying with backoff.
  const int rc = mosquitto_connect_async(client, options.host.c_str(), options.port, options.keepalive_s);
  const int error = errno;
  if (rc == MOSQ_ERR_INVAL) return fail("MQTT: invalid broker address " + options.host);
  if (firstFailure && rc != MOSQ_ERR_SUCCESS) *firstFailure = rc == MOSQ_ERR_ERRNO ? std::strerror(error) : describe(rc);
  const int loop = mosquitto_loop_start(client);
  if (loop != MOSQ_ERR_SUCCESS) return fail("MQTT: cannot start the network thread: " + describe(loop));
  return {};
}

void stopNetworkThread(mosquitto* client) {
  mosquitto_disconnect(client);
  mosquitto_loop_stop(client, false);
}

RateLimitedLog::RateLimitedLog(LogCallback sink, int perMinute)
    : sink_(sink ? std::move(sink) : LogCallback([](std::string_view m) {
        std::fprintf(stderr, "parktwin feed: %.*s\n", static_cast<int>(m.size()), m.data());
      })),
      perMinute_(perMinute) {}

void RateLimitedLog::write(std::string_view kind, std::string_view message) {
  const std::int64_t now = wallClockMs();
  std::string line;
  std::string summary;
  {
    std::lock_guard lock(mutex_);
    Kind* k = nullptr;
    for (auto& candidate : kinds_) {
      if (candidate.name == kind) k = &candidate;
    }
    if (!k) k = &kinds_.emplace_back(Kind{std::string(kind), now, 0, 0});
    if (now - k->windowStart_ms >= 60'000) {
      if (k->suppressed > 0) {
        summary = std::to_string(k->suppressed) + " more " + k->name + " messages in the last minute were not logged";
      }
      k->windowStart_ms = now;
      k->written = 0;
      k->suppressed = 0;
    }
    if (k->written < perMinute_) {
      ++k->written;
      line = std::string(message);
    } else {
      ++k->suppressed;
    }
  }
  if (!summary.empty()) sink_(summary);
  if (!line.empty()) sink_(line);
}

}  // namespace detail
}  // namespace parktwin::feed
