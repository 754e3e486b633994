#pragma once
// The input of the MQTT fuzz targets: topic, a NUL byte, payload (no NUL: the whole input is both).
#include <cstddef>
#include <cstdint>
#include <string_view>

struct TopicPayloadInput {
  std::string_view topic;
  std::string_view payload;
};

inline TopicPayloadInput splitTopicPayload(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  if (nul == std::string_view::npos) return {input, input};
  return {input.substr(0, nul), input.substr(nul + 1)};
}
