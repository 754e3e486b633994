#pragma once
// A state tag (run, idle, changeover, down, starved: integer codes) as spans of time: what the
// inspector's "last hour" strip and its shares are drawn from.
#include <cstdint>
#include <vector>

#include "parktwin/store/types.hpp"

namespace parktwin::store {

struct StateSpan {
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;  // exclusive
  int state = 0;
  friend bool operator==(const StateSpan&, const StateSpan&) = default;
};

// The step function of `samples` (in time order; each value holds until the next sample)
// over [t0, t1): the last sample at or before t0 gives the state at t0, equal neighbours merge,
// and time before the first sample is left out (unknown). Values round to the nearest integer.
std::vector<StateSpan> stateSpans(const std::vector<Sample>& samples, std::int64_t t0_ms, std::int64_t t1_ms);

struct StateShare {
  int state = 0;
  double share = 0;  // of the time with a known state, 0..1
  friend bool operator==(const StateShare&, const StateShare&) = default;
};

// Each state's share of the spans' time (the time with a known state: a file may start within
// the window), largest first, lower state code first on a tie.
std::vector<StateShare> stateShares(const std::vector<StateSpan>& spans);

}  // namespace parktwin::store
