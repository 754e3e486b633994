#pragma once
// The wire format of the live feed (docs/mqtt.md), as pure functions with no I/O so they can be
// unit-tested and fuzzed on their own.
//   topic:   <prefix>/<park>/<tag>          e.g. parktwin/beidu/potline-1.current
//   payload: {"ts": 1767225600000, "v": 401.2}   ts in epoch ms ...
//            {"ts": "2026-01-01T00:00:00Z", "v": 401.2}   ... or ISO-8601 (Z or +hh:mm)
//            401.2                                 a plain number: ts is the receive time
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"

namespace parktwin::feed {

inline constexpr std::string_view kTopicPrefix = "parktwin";

struct TopicParts {
  std::string_view park;
  std::string_view tag;
};

// Splits "parktwin/<park>/<tag>"; nullopt when the prefix is wrong or a part is empty. The tag is
// everything after the park (it may itself contain '/').
std::optional<TopicParts> parseTopic(std::string_view topic);
std::string topicFor(std::string_view park, std::string_view tag);
std::string subscriptionFor(std::string_view park);  // "parktwin/<park>/#"

struct PayloadSample {
  std::optional<std::int64_t> ts_ms;  // absent: a plain number, stamp it on receipt
  double value = 0;
};

// A real payload is under 100 bytes; anything far larger is refused before any JSON parsing, so a
// hostile client cannot make the feed thread parse megabytes per message.
inline constexpr std::size_t kMaxPayloadBytes = 1024;

// Accepts the forms above, up to kMaxPayloadBytes; a finite value is required. The error says
// what was wrong.
Result<PayloadSample> parsePayload(std::string_view payload);
// {"ts":<ms>,"v":<shortest round-trip decimal>}
std::string formatPayload(std::int64_t ts_ms, double value);

// A batch: many samples of many tags in one message, as parktwin-opcua-gateway publishes them
// (one MQTT message per value costs the gateway, the broker and us far more than the value):
//   topic:   <prefix>/<park>/$batch             (kBatchTag is reserved, never a tag)
//   payload: {"samples":[["<tag>",<ts ms>,<v>],...]}   each with its own source timestamp
// v is a number or a boolean (1/0). Each sample is then judged as if it had come alone on
// <prefix>/<park>/<tag>: unknown tags, duplicates and late samples alike.
inline constexpr std::string_view kBatchTag = "$batch";
// Thousands of samples at some 40 bytes each; the gateway splits larger batches.
inline constexpr std::size_t kMaxBatchPayloadBytes = std::size_t{1} << 20;

struct BatchSample {
  std::string tag;
  std::int64_t ts_ms = 0;
  double value = 0;
};

// The whole batch or an error naming the first bad sample by its JSON path (/samples/3/1).
Result<std::vector<BatchSample>> parseBatchPayload(std::string_view payload);
std::string formatBatchPayload(const std::vector<BatchSample>& samples);

// ISO-8601 date-time with seconds, optional fraction, Z or +hh:mm offset; epoch ms.
std::optional<std::int64_t> parseIsoInstant(std::string_view text);

}  // namespace parktwin::feed
