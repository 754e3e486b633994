// Sparkplug B topics and payloads come from any client on the broker. Input: topic, a NUL byte,
// payload (no NUL: the whole input is both). Properties: a topic that parses is rebuilt exactly
// by sparkplugTopic; every decoded metric can be read as a number under every data type without
// crashing, and a number read is finite.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parktwin/feed/sparkplug_payload.hpp"
#include "topic_payload_input.hpp"

using namespace parktwin::feed;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [topic, payload] = splitTopicPayload(data, size);

  if (auto parts = parseSparkplugTopic(topic)) {
    if (sparkplugTopic(parts->group_id, parts->type, parts->edge_node_id, parts->device_id) != topic) std::abort();
  }
  auto decoded = decodeSparkplugPayload(payload);
  if (!decoded) return 0;
  if (decoded->seq && *decoded->seq > 255) std::abort();
  for (const auto& metric : decoded->metrics) {
    for (std::uint32_t type = 0; type <= 21; ++type) {
      const auto number = sparkplugNumber(metric, static_cast<SparkplugDataType>(type));
      if (number && !std::isfinite(*number)) std::abort();
    }
    (void)sparkplugNumber(metric, metric.datatype);
  }
  return 0;
}
