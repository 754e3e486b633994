#pragma once
// The gateway's side of the contract: its configuration (JSON on its standard input) and its
// diagnostics (JSON lines on its standard error), see gateway/opcua/parktwin-opcua-gateway.js.
#include <optional>
#include <string>
#include <string_view>

#include "parktwin/feed/broker.hpp"
#include "parktwin/feed/connections.hpp"

namespace parktwin::feed::detail {

std::string opcUaGatewayConfig(const OpcUaSource& source, const BrokerOptions& broker, std::string_view park,
                               std::string_view clientId, std::string_view pkiDir);

struct GatewayEvent {
  enum class Kind { connected, subscribed, error, other };
  Kind kind = Kind::other;
  std::string message;     // for errors
  std::string message_zh;  // the same in Chinese, where the gateway wrote it (else empty: English shown)
  bool loosesConnection = false;  // an error that means the OPC UA side is not connected
};

// nullopt: not one of the gateway's JSON lines (Node.js itself may write warnings there).
std::optional<GatewayEvent> parseGatewayLine(std::string_view line);

}  // namespace parktwin::feed::detail
