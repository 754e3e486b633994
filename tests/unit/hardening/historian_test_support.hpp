#pragma once
// Small helpers shared by the historian hardening tests.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "parktwin/store/historian.hpp"

namespace hardening {

// Appends `count` samples of `tag` at 1 s steps from `first_ts_ms`; fails the test on an error.
inline void appendSamples(parktwin::store::Historian& h, const std::string& tag, std::int64_t first_ts_ms, int count) {
  for (int i = 0; i < count; ++i) {
    auto ok = h.append(tag, first_ts_ms + std::int64_t{i} * 1000, 0.5 * i);
    ASSERT_TRUE(ok) << ok.error().message;
  }
}

// How many samples of `tag` a fresh read-only connection sees (-1 on error).
inline std::int64_t samplesOnDisk(const std::string& path, const std::string& tag) {
  auto reader = parktwin::store::Historian::open(path, {.read_only = true});
  if (!reader) return -1;
  auto samples = reader->samplesBetween(tag, INT64_MIN, INT64_MAX);
  return samples ? static_cast<std::int64_t>(samples->size()) : -1;
}

}  // namespace hardening
