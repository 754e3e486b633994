#pragma once
// Modbus TCP as a live source (ModbusPoller, libmodbus): one poll thread per device reads the register map
// in grouped requests (modbus_map.hpp) every poll interval, reconnects with exponential backoff
// and counts polls, errors, timeouts, reconnects and gaps. Every blocking call is bounded by the
// device's timeout, so stop() returns within about one timeout even on an unreachable host.
#include <memory>
#include <string>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

// Fails without a host or a sink; the poller is created, not started.
Result<std::unique_ptr<LiveSource>> makeModbusPoller(std::string id, ModbusSource config, SourceSink sink);

}  // namespace parktwin::feed
