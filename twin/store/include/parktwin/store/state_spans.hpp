#pragma once
// A state tag (run, idle, changeover, down, starved: integer codes) as spans of time: what the
// inspector's "last hour" strip and its shares are drawn from.
#include <cstdint>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
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

class Store;

// Lines report their state on change, so the state at t0 is the last report before it, which
// may be long before: the reports of this long before t0 are read to find it.
inline constexpr std::int64_t kStateLookback_ms = 24 * 3'600'000;

// stateSpans of `tag` as `store` holds it over [t0, t1): what a local replay and
// parktwin-server's GET .../spans both answer, so the two cannot differ.
Result<std::vector<StateSpan>> storedStateSpans(Store& store, std::string_view tag, std::int64_t t0_ms,
                                                std::int64_t t1_ms);

}  // namespace parktwin::store
