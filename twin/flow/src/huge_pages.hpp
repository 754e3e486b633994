#pragma once
// Room for a large buffer on huge pages (Linux transparent huge pages, where the system allows
// them on request: /sys/kernel/mm/transparent_hugepage/enabled = madvise or always).
// Why: solving the 100k-node park touched about 110 MB of fresh memory per solve (27,000 page
// faults, the material network's arcs alone 59 MB), and on the VM we measure on page faults
// cost about a quarter of the solve's CPU time; with huge pages the same memory takes a few
// dozen faults (docs/flow.md has the figures). Only the paging changes, never the contents,
// so answers are the same with huge pages or without.
#include <cstddef>
#include <vector>

namespace parktwin::flow::detail {

// Asks for huge pages over the whole 2 MiB pages inside [data, data + bytes); does nothing
// below a few MiB, where faults are few, or where the system has no huge pages.
void adviseHugePages(void* data, std::size_t bytes);

// vector.reserve(count), its new room advised onto huge pages before anything touches it.
template <typename T>
void reserveOnHugePages(std::vector<T>& vector, std::size_t count) {
  vector.reserve(count);
  adviseHugePages(vector.data(), vector.capacity() * sizeof(T));
}

// vector.assign(count, value) on huge pages (the room is advised before it is filled).
template <typename T>
void assignOnHugePages(std::vector<T>& vector, std::size_t count, const T& value) {
  vector.clear();
  reserveOnHugePages(vector, count);
  vector.assign(count, value);
}

}  // namespace parktwin::flow::detail
