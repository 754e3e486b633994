// The historian decodes blocks read from a file that may be corrupt: any blob gives samples or
// an error, never a crash or a huge allocation. Property: what decodes re-encodes to a block that
// decodes to the same samples, bit for bit; decoding from a restart point agrees with decoding
// from the start.
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>

#include "parktwin/store/block_codec.hpp"

using parktwin::store::decodeBlock;
using parktwin::store::encodeBlock;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> blob(data, size);
  auto samples = decodeBlock(blob);
  if (!samples) return 0;
  const auto again = decodeBlock(encodeBlock(*samples));
  if (!again || again->size() != samples->size()) std::abort();
  for (std::size_t i = 0; i < samples->size(); ++i) {
    if ((*again)[i].ts_ms != (*samples)[i].ts_ms ||
        std::bit_cast<std::uint64_t>((*again)[i].value) != std::bit_cast<std::uint64_t>((*samples)[i].value)) {
      std::abort();
    }
  }
  // A stop time inside the block must give a prefix; and when the block is in time order (as
  // the historian writes them), the last sample at or before it, from the nearest restart
  // point, must be that prefix's last sample.
  if (!samples->empty()) {
    const std::int64_t stop = (*samples)[samples->size() / 2].ts_ms;
    auto prefix = decodeBlock(blob, stop);
    if (!prefix || prefix->size() > samples->size()) std::abort();
    auto last = parktwin::store::decodeLastAtOrBefore(blob, stop);
    bool ordered = true;
    for (std::size_t i = 1; i < samples->size(); ++i) ordered = ordered && (*samples)[i - 1].ts_ms < (*samples)[i].ts_ms;
    if (ordered && (!last || !*last || (*last)->ts_ms != prefix->back().ts_ms ||
                    std::bit_cast<std::uint64_t>((*last)->value) != std::bit_cast<std::uint64_t>(prefix->back().value))) {
      std::abort();
    }
  }
  return 0;
}
