#include "sample_source.hpp"

#include <algorithm>
#include <cmath>

namespace parktwin::bench {

SampleSource::SampleSource(int tagCount, std::uint64_t seed) : tags(tagCount), rng(seed), walk(static_cast<std::size_t>(tagCount)) {
  for (int t = 0; t < tags; ++t) walk[static_cast<std::size_t>(t)] = t % 10 < 7 ? 20.0 + (t % 97) : static_cast<double>(t % 3);
}

void SampleSource::next(std::vector<double>& values) {
  values.resize(static_cast<std::size_t>(tags));
  std::normal_distribution<double> step(0.0, 0.05);
  for (int t = 0; t < tags; ++t) {
    auto& w = walk[static_cast<std::size_t>(t)];
    if (t % 10 < 7) {
      w += step(rng);
      values[static_cast<std::size_t>(t)] = std::round(w * 100.0) / 100.0;
    } else {
      if (rng() % 1000 == 0) w = static_cast<double>(rng() % 4);  // a state changes ~every 17 min
      values[static_cast<std::size_t>(t)] = w;
    }
  }
}

std::vector<double> SampleSource::generate(int tags, std::int64_t seconds, std::uint64_t seed) {
  std::vector<double> values(static_cast<std::size_t>(tags) * static_cast<std::size_t>(seconds));
  SampleSource source(tags, seed);
  std::vector<double> row;
  for (std::int64_t k = 0; k < seconds; ++k) {
    source.next(row);
    std::copy(row.begin(), row.end(), values.begin() + k * tags);
  }
  return values;
}

}  // namespace parktwin::bench
