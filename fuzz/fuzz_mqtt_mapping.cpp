// MQTT messages in any shape come from any client on a plant broker (input layout in
// mqtt_mapping_input.hpp). Property: every mapped sample has a tag and a finite value; a
// refused message is an error with a reason, never a crash.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mqtt_mapping_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto mapped = parktwin::feed::fuzzing::mapFuzzInput(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!mapped) return 0;
  if (!*mapped) {
    if (mapped->error().message.empty()) std::abort();
    return 0;
  }
  for (const auto& s : **mapped) {
    if (s.tag.empty() || !std::isfinite(s.value)) std::abort();
  }
  return 0;
}
