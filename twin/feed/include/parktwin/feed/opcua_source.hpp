#pragma once
// OPC UA through the bundled gateway (docs/connections-sparkplug-opcua.md). No C/C++ OPC UA stack
// is packaged for Debian 12, so the twin runs parktwin-opcua-gateway (gateway/opcua, on
// node-opcua): it subscribes to the source's NodeIds and publishes the values of each OPC UA
// publish cycle to an MQTT broker as one batch, parktwin/opcua-<source id>/$batch (payload.hpp),
// each value with its source timestamp; this source subscribes to that, applies each node's
// mapping (scale, offset, deadband) and hands the values on. The
// gateway's diagnostics (a wrong NodeId, a rejected password, an unreachable endpoint) become
// errors and last_error. A gateway that exits is started again with backoff; stop() ends it.
#include <filesystem>
#include <memory>
#include <string_view>

#include "parktwin/common/result.hpp"
#include "parktwin/feed/broker.hpp"
#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

struct OpcUaGatewayProgram {
  std::filesystem::path node;    // the Node.js interpreter
  std::filesystem::path script;  // parktwin-opcua-gateway.js, its node_modules beside it
};

// Where the gateway is: $PARKTWIN_OPCUA_GATEWAY (the script), else <this program's
// folder>/../share/parktwin/gateway/opcua (an install, and the build tree laid out like one),
// else /usr/share/parktwin/gateway/opcua. Node.js: $PARKTWIN_NODE, else node or nodejs on PATH.
// The error says what is missing and how to install it.
Result<OpcUaGatewayProgram> findOpcUaGateway();

// The MQTT topic park under which the gateway of source `sourceId` publishes: "opcua-<id>" with
// characters MQTT or ParkTwin topics do not allow replaced by '_'. Kept apart from the park's own
// topics so that raw, unscaled values never reach a plain `--mqtt` ingest of the park.
std::string opcUaGatewayPark(std::string_view sourceId);

// `source.config` must hold an OpcUaSource. `broker` is where the gateway publishes and this
// source subscribes (the feed's own broker). The sink is called on the MQTT network thread.
// Optional: $PARKTWIN_OPCUA_PKI_DIR, the gateway's certificate store (default
// ~/.config/parktwin/opcua-pki).
// `language` ("en" or "zh"): of its subscriber's log lines about the broker connection.
Result<std::unique_ptr<LiveSource>> makeOpcUaSource(const Source& source, SourceSink sink, const BrokerOptions& broker,
                                                     LogCallback log = {}, std::string_view language = "en");

// The running gateway's process id, or -1 (tests check it is gone after stop()).
int opcUaGatewayPid(const LiveSource& source);

}  // namespace parktwin::feed
