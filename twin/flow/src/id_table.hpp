#pragma once
// Slot of an id, for the network builders' hot loop (one look-up per link end: 470,000 on the
// 100k-node park). model::ObjectIndex stays the one place that numbers the park's objects;
// this is a flat copy of its id -> slot map built per network, because the index's
// std::unordered_map costs several cache misses a look-up (bucket, node, then the key's
// characters), about a tenth of the 100k-node solve. Here a look-up reads one 16-byte entry,
// whose stored hash rules out nearly every other id before its characters are compared.
#include <bit>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace parktwin::flow::detail {

class IdTable {
 public:
  // `idOf(slot)` for slot in [0, count): distinct ids that outlive the table.
  template <typename IdOf>
  IdTable(std::size_t count, const IdOf& idOf) {
    entries_.resize(std::bit_ceil(2 * count + 2));  // at most half full: short probes
    mask_ = entries_.size() - 1;
    for (std::size_t slot = 0; slot < count; ++slot) {
      const std::string& id = idOf(slot);
      const std::size_t hash = std::hash<std::string_view>{}(id);
      std::size_t at = hash & mask_;
      while (entries_[at].id) at = (at + 1) & mask_;
      entries_[at] = {&id, static_cast<std::uint32_t>(hash >> 32), static_cast<int>(slot)};
    }
  }

  // The slot of `id`, or -1.
  int find(std::string_view id) const {
    const std::size_t hash = std::hash<std::string_view>{}(id);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t at = hash & mask_;; at = (at + 1) & mask_) {
      const Entry& entry = entries_[at];
      if (!entry.id) return -1;
      if (entry.tag == tag && *entry.id == id) return entry.slot;
    }
  }

 private:
  struct Entry {
    const std::string* id = nullptr;  // nullptr: empty
    std::uint32_t tag = 0;            // the hash's high half
    int slot = -1;
  };
  std::vector<Entry> entries_;
  std::size_t mask_ = 0;
};

}  // namespace parktwin::flow::detail
