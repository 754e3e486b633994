#pragma once
// A Sparkplug B edge node as a live source (docs/connections-sparkplug-opcua.md): subscribes to
// spBv1.0/<group>/+/<edge>/# on the source's broker, learns aliases from the births, checks
// seq and bdSeq, asks for a rebirth (NCMD "Node Control/Rebirth") on an unknown alias or a lost
// message, maps metrics to tags and makes the tags of a dead node or device stale.
#include <memory>
#include <string_view>

#include "parktwin/common/result.hpp"
#include "parktwin/feed/broker.hpp"
#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

// `source.config` must hold a SparkplugSource. The sink is called on the MQTT network thread.
// `log` (default: standard error) gets connection problems, rate-limited, in `language` ("en",
// "zh"), its own and those of the subscriber that acknowledges after the commit (DurableSubscriber).
Result<std::unique_ptr<LiveSource>> makeSparkplugSource(const Source& source, SourceSink sink, LogCallback log = {},
                                                        std::string_view language = "en");

}  // namespace parktwin::feed
