#pragma once
// How fuzz_mqtt_mapping reads its input, shared with the corpus regression test
// (tests/unit/hardening) so both run a seed the same way. Input: one byte choosing the
// subscription's payload and timestamp kinds, then topic, a NUL byte, payload.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "parktwin/feed/mqtt_mapping.hpp"

namespace parktwin::feed::fuzzing {

inline MqttSubscription subscriptionFor(std::uint8_t choice) {
  MqttSubscription s;
  s.topic = "plant/{line}/#";
  s.payload = static_cast<PayloadFormat>(choice % 3);
  s.timestamp = static_cast<TimestampFormat>((choice / 3) % 4);
  s.timestamp_pointer = "/ts";
  s.timestamp_csv_column = 0;
  const ValueMapping m{.tag = "{line}.v", .scale = 0.5, .offset = 1, .deadband = 0, .unit = ""};
  s.values.push_back({.value_pointer = "/a/0/v", .csv_column = 1, .mapping = m});
  if (s.payload == PayloadFormat::json && (choice & 0x80)) {
    s.readings_pointer = "/r";
    s.readings_mapping = {.tag = "{line}.{key}", .scale = 1, .offset = 0, .deadband = 0, .unit = ""};
  }
  return s;
}

// nullopt when the input is empty or its topic does not match the subscription.
inline std::optional<Result<std::vector<MappedSample>>> mapFuzzInput(std::string_view input) {
  if (input.empty()) return std::nullopt;
  const MqttSubscription subscription = subscriptionFor(static_cast<std::uint8_t>(input[0]));
  input.remove_prefix(1);
  const auto nul = input.find('\0');
  const std::string_view topic = nul == std::string_view::npos ? std::string_view("plant/l1/x") : input.substr(0, nul);
  const std::string_view payload = nul == std::string_view::npos ? input : input.substr(nul + 1);
  auto pattern = compileTopicPattern(subscription.topic);
  (void)compileTopicPattern(topic);  // topics as patterns: must not crash either
  const auto parts = pattern ? matchTopic(*pattern, topic) : std::nullopt;
  if (!parts) return std::nullopt;
  return mapMessage(subscription, *pattern, *parts, payload, 1767225600000);
}

}  // namespace parktwin::feed::fuzzing
