#pragma once
// What the historian benchmarks share: the data's start, failing loudly on a store error, and
// percentiles of latencies.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

#include "parktwin/common/result.hpp"

namespace parktwin::bench {

inline constexpr std::int64_t kT0 = 1'777'593'600'000LL;  // 2026-05-01T00:00:00Z

template <typename T>
T check(parktwin::Result<T> r) {
  if (!r) {
    std::fprintf(stderr, "historian: %s\n", r.error().message.c_str());
    std::exit(1);
  }
  return std::move(*r);
}
inline void check(parktwin::Result<void> r) {
  if (!r) {
    std::fprintf(stderr, "historian: %s\n", r.error().message.c_str());
    std::exit(1);
  }
}

inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return std::nan("");  // a baseline not run
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace parktwin::bench
