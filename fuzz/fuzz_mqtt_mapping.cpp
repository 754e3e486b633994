// MQTT messages in any shape come from any client on a plant broker. Input: one byte choosing
// the subscription's payload and timestamp kinds, then topic, a NUL byte, payload. Property:
// every mapped sample has a tag and a finite value; a refused message is an error, never a crash.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parktwin/feed/mqtt_mapping.hpp"

using namespace parktwin::feed;

namespace {
MqttSubscription subscriptionFor(std::uint8_t choice) {
  MqttSubscription s;
  s.topic = "plant/{line}/#";
  s.payload = static_cast<PayloadFormat>(choice % 3);
  s.timestamp = static_cast<TimestampFormat>((choice / 3) % 4);
  s.timestamp_pointer = "/ts";
  s.timestamp_csv_column = 0;
  ValueMapping m{.tag = "{line}.v", .scale = 0.5, .offset = 1, .deadband = 0, .unit = ""};
  s.values.push_back({.value_pointer = "/a/0/v", .csv_column = 1, .mapping = m});
  if (s.payload == PayloadFormat::json && (choice & 0x80)) {
    s.readings_pointer = "/r";
    s.readings_mapping = {.tag = "{line}.{key}", .scale = 1, .offset = 0, .deadband = 0, .unit = ""};
  }
  return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const MqttSubscription subscription = subscriptionFor(data[0]);
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto nul = input.find('\0');
  const std::string_view topic = nul == std::string_view::npos ? std::string_view("plant/l1/x") : input.substr(0, nul);
  const std::string_view payload = nul == std::string_view::npos ? input : input.substr(nul + 1);
  auto pattern = compileTopicPattern(subscription.topic);
  if (!pattern) std::abort();
  (void)compileTopicPattern(topic);  // topics as patterns: must not crash either
  const auto parts = matchTopic(*pattern, topic);
  if (!parts) return 0;
  auto samples = mapMessage(subscription, *pattern, *parts, payload, 1767225600000);
  if (!samples) return 0;
  for (const auto& s : *samples) {
    if (s.tag.empty() || !std::isfinite(s.value)) std::abort();
  }
  return 0;
}
