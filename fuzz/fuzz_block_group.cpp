// A historian file's group rows (schema 8, block_groups.hpp) are decoded by store::decodeGroup from
// whatever the file holds: a damaged or hostile file reaches it. Input: 3 bytes naming the row's
// segment (signed, around 2026's) and group, then the row. Properties: no crash; a row that
// decodes re-encodes to one that decodes to the same entries, payloads included.
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "block_groups.hpp"

using namespace parktwin::store;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const std::int64_t segment = groupSegmentOf(1'767'225'600'000) + static_cast<std::int8_t>(data[0]);
  const std::int64_t group = data[1] | (data[2] << 8);
  std::vector<GroupEntry> entries;
  if (!decodeGroup(std::span<const std::uint8_t>(data + 3, size - 3), segment, group, entries)) return 0;
  std::vector<std::uint8_t> row;
  encodeGroup(segment, group, entries, row);
  std::vector<GroupEntry> again;
  if (!decodeGroup(row, segment, group, again) || again.size() != entries.size()) std::abort();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const GroupEntry &a = entries[i], &b = again[i];
    if (a.tag_id != b.tag_id || a.t_start_ms != b.t_start_ms || a.t_end_ms != b.t_end_ms || a.count != b.count ||
        a.last_value_bits != b.last_value_bits || a.payload.size() != b.payload.size() ||
        !std::equal(a.payload.begin(), a.payload.end(), b.payload.begin())) {
      std::abort();
    }
  }
  return 0;
}
