#pragma once
// One way to start any source of the connections file: the runtime of its kind.
#include <memory>
#include <optional>
#include <string_view>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

// Any kind: MQTT in any shape, Sparkplug B, Modbus TCP, OPC UA. The source is created, not
// started. An OPC UA source runs the bundled gateway, which hands its values over MQTT:
// `gatewayBroker` is that broker (the feed's own); without one an OPC UA source is refused with
// a message saying so (ErrorCode::invalid_input). `language` ("en" or "zh") words the log lines
// about its broker connection (lost, back after a gap), as ingest --mqtt words its own.
Result<std::unique_ptr<LiveSource>> makeLiveSource(const Source& source, SourceSink sink,
                                                   const std::optional<BrokerOptions>& gatewayBroker = std::nullopt,
                                                   std::string_view language = "en");

// The same source created and started (stopped again when its start fails), or why not as one
// line in `language` ("zh" or "en"): "<id>: <why>", in Chinese "数据源“<id>”未能启动：<why>".
// The reasons twin owns are worded in Chinese too; a library's or the system's own stays as it
// says it. The source's log lines are in `language` too (makeLiveSource). The window,
// parktwin-cli and the server start every source of a file through it.
Result<std::unique_ptr<LiveSource>> startLiveSource(const Source& source, SourceSink sink,
                                                    const std::optional<BrokerOptions>& gatewayBroker,
                                                    std::string_view language = "en");

}  // namespace parktwin::feed
