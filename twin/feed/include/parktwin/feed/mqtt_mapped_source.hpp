#pragma once
// MQTT in any shape as a live source: subscribes to the connections file's topic patterns on
// one broker and maps each message with mqtt_mapping.hpp. A malformed message is counted
// (errors, last_error) and skipped, never fatal.
#include <memory>
#include <string>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

class MqttMappedSource final : public LiveSource {
 public:
  // Fails when a topic pattern is invalid or the client cannot be made (a TLS CA file missing).
  static Result<std::unique_ptr<MqttMappedSource>> create(std::string id, MqttSource config, SourceSink sink);
  ~MqttMappedSource() override;
  MqttMappedSource(const MqttMappedSource&) = delete;
  MqttMappedSource& operator=(const MqttMappedSource&) = delete;

  const std::string& id() const override;
  Result<void> start() override;
  void stop() override;
  SourceCounters counters() const override;

  struct Impl;

 private:
  explicit MqttMappedSource(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parktwin::feed
