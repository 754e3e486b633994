#pragma once
// Modbus TCP as a live source (libmodbus): one poll thread per device reads the register map
// in grouped requests (modbus_map.hpp) every poll interval, reconnects with exponential backoff
// and counts polls, errors, timeouts, reconnects and gaps. Every blocking call is bounded by the
// device's timeout, so stop() returns within about one timeout even on an unreachable host.
#include <memory>
#include <string>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

class ModbusPoller final : public LiveSource {
 public:
  static Result<std::unique_ptr<ModbusPoller>> create(std::string id, ModbusSource config, SourceSink sink);
  ~ModbusPoller() override;
  ModbusPoller(const ModbusPoller&) = delete;
  ModbusPoller& operator=(const ModbusPoller&) = delete;

  const std::string& id() const override;
  Result<void> start() override;
  void stop() override;
  SourceCounters counters() const override;

  struct Impl;

 private:
  explicit ModbusPoller(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parktwin::feed
