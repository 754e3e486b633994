// A historian file's tail rows (schema 7: what commits between folds added) are decoded by
// store::decodeTailRow from whatever the file holds: a damaged or hostile file reaches it.
// Input: a tail row payload. Properties: a row that decodes re-encodes (each entry's samples
// through a BlockEncoder, as the writer does) to a row that decodes to the same tag ids and
// samples, bit for bit (NaN payloads included).
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "tail_codec.hpp"

using namespace parktwin::store;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto entries = decodeTailRow(std::span<const std::uint8_t>(data, size));
  if (!entries) return 0;
  TailRowWriter writer;
  writer.clear();
  BlockEncoder block;
  for (const auto& entry : *entries) {
    block.clear();
    for (const auto& s : entry.samples) block.append(s.ts_ms, s.value);
    if (!block.empty()) writer.add(entry.tag_id, block);
  }
  auto again = decodeTailRow(writer.payload());
  if (!again) std::abort();
  std::size_t at = 0;
  for (const auto& entry : *entries) {
    if (entry.samples.empty()) continue;  // an empty block is not written again
    if (at >= again->size()) std::abort();
    const auto& other = (*again)[at++];
    if (other.tag_id != entry.tag_id || other.samples.size() != entry.samples.size()) std::abort();
    for (std::size_t i = 0; i < entry.samples.size(); ++i) {
      if (other.samples[i].ts_ms != entry.samples[i].ts_ms ||
          std::bit_cast<std::uint64_t>(other.samples[i].value) != std::bit_cast<std::uint64_t>(entry.samples[i].value)) {
        std::abort();
      }
    }
  }
  if (at != again->size()) std::abort();
  return 0;
}
