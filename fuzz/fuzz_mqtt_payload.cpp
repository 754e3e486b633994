// MQTT topics and payloads come from any client on the broker. Input: topic, a NUL byte, payload
// (no NUL: the whole input is both). Property: an accepted payload with a timestamp survives
// formatPayload -> parsePayload unchanged, and an accepted batch formatBatchPayload ->
// parseBatchPayload (the fast reader and nlohmann-json must agree).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parktwin/feed/payload.hpp"
#include "topic_payload_input.hpp"

using namespace parktwin::feed;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [topic, payload] = splitTopicPayload(data, size);

  if (auto parts = parseTopic(topic)) {
    if (parts->park.empty() || parts->tag.empty()) std::abort();
    if (topicFor(parts->park, parts->tag) != topic) std::abort();
  }
  (void)parseIsoInstant(payload);  // must not crash; any result will do
  if (auto batch = parseBatchPayload(payload)) {
    auto again = parseBatchPayload(formatBatchPayload(*batch));
    if (!again || again->size() != batch->size()) std::abort();
    for (std::size_t i = 0; i < batch->size(); ++i) {
      const auto& a = (*batch)[i];
      const auto& b = (*again)[i];
      if (a.tag != b.tag || a.ts_ms != b.ts_ms || a.value != b.value) std::abort();
    }
  }
  auto sample = parsePayload(payload);
  if (!sample) return 0;
  if (sample->ts_ms) {
    auto again = parsePayload(formatPayload(*sample->ts_ms, sample->value));
    if (!again || again->ts_ms != sample->ts_ms || again->value != sample->value) std::abort();
  }
  return 0;
}
