#pragma once
// The simulator's own random numbers: xoshiro256** seeded through splitmix64, and the few
// distributions it needs written out here, so that a seed gives the same stream on every
// standard library (std::normal_distribution & co. are implementation-defined).
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string_view>

namespace parktwin::sim {

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// FNV-1a: a stable hash of an object id, so that each object draws from its own stream and
// adding an object to a park does not change what the others do.
inline std::uint64_t stableHash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// A uniform number in [0, 1) from one 64-bit hash of (seed, keys): for processes such as the
// weather that must not depend on the step size or on how often they are asked.
inline double hashUniform(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0) {
  std::uint64_t state = seed ^ (a * 0x9e3779b97f4a7c15ULL) ^ (b * 0xc2b2ae3d27d4eb4fULL);
  splitmix64(state);
  return static_cast<double>(splitmix64(state) >> 11) * 0x1.0p-53;
}

class Random {
 public:
  explicit Random(std::uint64_t seed = 1) {
    std::uint64_t sm = seed;
    for (auto& word : s_) word = splitmix64(sm);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // [0, 1)
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  bool chance(double p) { return uniform() < p; }

  // Exponentially distributed with the given mean (> 0).
  double exponential(double mean) { return -mean * std::log1p(-uniform()); }

  // Standard normal (Box-Muller; the second value is discarded to keep the stream simple).
  double normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

// First-order autoregressive noise with unit variance and a correlation time: the wobble on
// analog signals (current, voltage, temperature) that looks like a real trend, not white hiss.
class SlowNoise {
 public:
  explicit SlowNoise(double correlationTime_s = 300) : tau_s_(correlationTime_s) {}
  double advance(Random& random, double dt_s) {
    if (dt_s != dt_s_) {  // steps are almost always the same length: exp and sqrt once
      dt_s_ = dt_s;
      rho_ = std::exp(-dt_s / tau_s_);
      spread_ = std::sqrt(1.0 - rho_ * rho_);
    }
    value_ = rho_ * value_ + spread_ * random.normal();
    return value_;
  }
  double value() const { return value_; }

 private:
  double tau_s_;
  double value_ = 0;
  double dt_s_ = -1, rho_ = 0, spread_ = 0;
};

}  // namespace parktwin::sim
