#pragma once
// One way to start any source of the connections file: the runtime of its kind.
#include <memory>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

// MQTT (any shape) and Modbus TCP sources; Sparkplug B and OPC UA are wired in by their own
// factories (until then: ErrorCode::failed, "not built yet"). The source is created, not started.
Result<std::unique_ptr<LiveSource>> makeLiveSource(const Source& source, SourceSink sink);

}  // namespace parktwin::feed
