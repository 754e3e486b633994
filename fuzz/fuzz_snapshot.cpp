// A historian file's snapshots (the last sample of every tag, for fast seek) are decoded by
// store::decodeSnapshot from whatever the file holds: a damaged or hostile file reaches it.
// Input: a snapshot payload. Properties: a payload that decodes re-encodes to a payload that
// decodes to the same entries, bit for bit (NaN payloads included).
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "snapshot_codec.hpp"

using namespace parktwin::store;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto entries = decodeSnapshot(std::span<const std::uint8_t>(data, size));
  if (!entries) return 0;
  const auto encoded = encodeSnapshot(*entries);
  auto again = decodeSnapshot(encoded);
  if (!again || again->size() != entries->size()) std::abort();
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const auto& a = (*entries)[i];
    const auto& b = (*again)[i];
    if (a.tag_id != b.tag_id || a.ts_ms != b.ts_ms ||
        std::bit_cast<std::uint64_t>(a.value) != std::bit_cast<std::uint64_t>(b.value)) {
      std::abort();
    }
  }
  return 0;
}
