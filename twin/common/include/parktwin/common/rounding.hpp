#pragma once
// Rounding a tag's value to its instrument's digits: the simulator's values (simulator.cpp, once
// per tag and step) and a live source's, where they are stored (feed::onlyParkTags) go through
// the same two functions.
#include <cmath>

namespace parktwin {

// std::nearbyint in the default rounding mode (to nearest, ties to even), inline: adding and
// taking away 2^52 leaves the nearest integer, as the FPU rounds the sum (its ulp is 1 there,
// and 2^52 is even, so ties go to the even integer); larger magnitudes, infinities and NaN are
// already what nearbyint returns (a signalling NaN quieted); copysign keeps -0.0 for small
// negatives. The same double, bit for bit (simulator_test checks it against std::nearbyint),
// without a libm call.
inline double roundToInteger(double y) {
  constexpr double kTwo52 = 0x1p52;
  const double magnitude = std::fabs(y);
  if (!(magnitude < kTwo52)) return y + 0.0;  // + 0.0 quiets a signalling NaN, as nearbyint does
  return std::copysign((magnitude + kTwo52) - kTwo52, y);
}

// `value` to `resolution` (10^decimals, exact up to 10^22): the nearest multiple of one unit in
// the last digit, as the double that parsing the instrument's decimal text ("1850.1") gives,
// since dividing the rounded integer by the exact power of ten rounds once.
inline double roundToResolution(double value, double resolution) { return roundToInteger(value * resolution) / resolution; }

}  // namespace parktwin
