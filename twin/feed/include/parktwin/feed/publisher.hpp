#pragma once
// Publishes samples as parktwin/<park>/<tag> {"ts":..,"v":..}: the simulator's way onto the bus.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "parktwin/common/result.hpp"
#include "parktwin/feed/broker.hpp"

namespace parktwin::feed {

struct PublisherOptions {
  BrokerOptions broker;
  std::string park;
  int qos = 0;
  bool retain = false;
  std::size_t max_pending = 20'000;  // publish() waits while this many messages are unsent
  std::chrono::milliseconds pending_timeout{10'000};
};

class Publisher {
 public:
  static Result<std::unique_ptr<Publisher>> create(PublisherOptions options, LogCallback log = {});
  ~Publisher();
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  // Connects (and keeps reconnecting in the background afterwards).
  Result<void> connect(std::chrono::milliseconds timeout);
  Result<void> waitConnected(std::chrono::milliseconds timeout);
  Result<void> publish(std::string_view tag, std::int64_t ts_ms, double value);
  // Any topic and payload: tests and tools that need to send something malformed.
  Result<void> publishRaw(std::string_view topic, std::string_view payload, int qos);
  // Waits until every published message has been sent (QoS 0) or acknowledged (QoS 1).
  Result<void> flush(std::chrono::milliseconds timeout);
  void disconnect();

  bool connected() const;
  std::uint64_t published() const;
  std::uint64_t delivered() const;

  struct Impl;

 private:
  explicit Publisher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parktwin::feed
