#pragma once
// MQTT in any shape (docs/connections.md): which topics a subscription takes and how a message
// becomes samples, as pure functions with no I/O so they are unit-tested and fuzzed alone.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

// A topic pattern level by level: literals, "+", a final "#", or named parts "{line}" that
// match one level like "+" and can be used in tag ids.
struct TopicPattern {
  std::vector<std::string> levels;
  std::vector<std::string> part_names;  // the named parts, in order
  std::string subscription;            // what is sent to the broker: named parts become "+"
};

// Refuses empty levels' misuse of wildcards ("a+/b", "#/x"), bad or repeated part names; in
// `language` ("zh" or "en").
Result<TopicPattern> compileTopicPattern(std::string_view pattern, std::string_view language = "en");

// The values of the named parts (in part_names order) when `topic` matches; nullopt otherwise.
std::optional<std::vector<std::string>> matchTopic(const TopicPattern& pattern, std::string_view topic);

// A tag pattern with its {parts} replaced: "{line}.temp" with line=l2 -> "l2.temp". Refusals in
// `language` ("zh" or "en").
Result<std::string> expandTagPattern(std::string_view pattern, const std::vector<std::string>& names,
                                     const std::vector<std::string>& values, std::string_view language = "en");

struct MappedSample {
  std::string tag;
  std::int64_t ts_ms = 0;
  double value = 0;  // scaled and offset
  double deadband = 0;
};

// Mapped payloads may carry many readings, but a message far larger than any real one is
// refused before parsing.
inline constexpr std::size_t kMaxMappedPayloadBytes = 64 * 1024;

// The samples of one message on a topic that matched `pattern` (its part values in `parts`).
// Readings whose value is not a number are left out of an object of readings (gateways mix in
// status text); anywhere else a missing or non-numeric value fails the whole message, with why
// in `language` ("zh" or "en").
Result<std::vector<MappedSample>> mapMessage(const MqttSubscription& subscription, const TopicPattern& pattern,
                                             const std::vector<std::string>& parts, std::string_view payload,
                                             std::int64_t receipt_ms, std::string_view language = "en");

}  // namespace parktwin::feed
