#pragma once
// One way to start any source of the connections file: the runtime of its kind.
#include <memory>
#include <optional>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

// Any kind: MQTT in any shape, Sparkplug B, Modbus TCP, OPC UA. The source is created, not
// started. An OPC UA source runs the bundled gateway, which hands its values over MQTT:
// `gatewayBroker` is that broker (the feed's own); without one an OPC UA source is refused with
// a message saying so (ErrorCode::invalid_input).
Result<std::unique_ptr<LiveSource>> makeLiveSource(const Source& source, SourceSink sink,
                                                   const std::optional<BrokerOptions>& gatewayBroker = std::nullopt);

}  // namespace parktwin::feed
