#pragma once
// Simulator-like data: analog tags as a random walk quantised to 0.01 (sensor resolution),
// state tags as small integers that change rarely; every tag at 1 Hz with a fixed phase.
#include <cstdint>
#include <random>
#include <vector>

namespace parktwin::bench {

struct SampleSource {
  SampleSource(int tags, std::uint64_t seed);
  // Values of every tag for second `k`, written into values (one per tag).
  void next(std::vector<double>& values);
  static std::int64_t timestamp(std::int64_t t0_ms, std::int64_t second, int tag) { return t0_ms + second * 1000 + tag % 1000; }
  // Every tag's value for every second, second-major (value of tag t at second k: [k * tags + t]),
  // generated once so that every store a benchmark compares takes exactly the same values.
  static std::vector<double> generate(int tags, std::int64_t seconds, std::uint64_t seed);

  int tags;
  std::mt19937_64 rng;
  std::vector<double> walk;
};

}  // namespace parktwin::bench
