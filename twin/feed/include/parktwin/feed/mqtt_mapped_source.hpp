#pragma once
// MQTT in any shape as a live source (MqttMappedSource): subscribes to the connections file's topic patterns on
// one broker and maps each message with mqtt_mapping.hpp. A malformed message is counted
// (errors, last_error) and skipped, never fatal.
#include <memory>
#include <string>
#include <string_view>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

// Fails when a topic pattern is invalid or the client cannot be made (a TLS CA file missing).
// The source is created, not started. `language` ("en" or "zh") words the log lines of its
// connection (lost, back after a gap) where it acknowledges after the commit (DurableSubscriber).
Result<std::unique_ptr<LiveSource>> makeMqttMappedSource(std::string id, MqttSource config, SourceSink sink,
                                                         std::string_view language = "en");

}  // namespace parktwin::feed
