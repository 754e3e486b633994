#include "snapshot_codec.hpp"

#include <bit>
#include <string>

namespace parktwin::store {
namespace {

constexpr std::size_t kEntryBytes = 8 + 8 + 8;

void putU64(std::vector<std::uint8_t>& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
std::uint64_t getU64(std::span<const std::uint8_t> in, std::size_t at) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(in[at + i]) << (8 * i);
  return v;
}

}  // namespace

std::vector<std::uint8_t> encodeSnapshot(std::span<const SnapshotEntry> entries) {
  std::vector<std::uint8_t> out;
  out.reserve(8 + entries.size() * kEntryBytes);
  putU64(out, entries.size());
  for (const auto& e : entries) {
    putU64(out, static_cast<std::uint64_t>(e.tag_id));
    putU64(out, static_cast<std::uint64_t>(e.ts_ms));
    putU64(out, std::bit_cast<std::uint64_t>(e.value));
  }
  return out;
}

Result<std::vector<SnapshotEntry>> decodeSnapshot(std::span<const std::uint8_t> payload) {
  if (payload.size() < 8) return fail("snapshot payload truncated");
  const std::uint64_t count = getU64(payload, 0);
  if ((payload.size() - 8) % kEntryBytes != 0 || (payload.size() - 8) / kEntryBytes != count) {
    return fail("snapshot payload corrupt: " + std::to_string(payload.size()) + " bytes for " +
                std::to_string(count) + " entries");
  }
  std::vector<SnapshotEntry> entries(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t at = 8 + i * kEntryBytes;
    entries[i] = {static_cast<std::int64_t>(getU64(payload, at)), static_cast<std::int64_t>(getU64(payload, at + 8)),
                  std::bit_cast<double>(getU64(payload, at + 16))};
  }
  return entries;
}

}  // namespace parktwin::store
