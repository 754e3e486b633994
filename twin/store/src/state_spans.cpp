#include "parktwin/store/state_spans.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "parktwin/store/store.hpp"

namespace parktwin::store {

std::vector<StateSpan> stateSpans(const std::vector<Sample>& samples, std::int64_t t0_ms, std::int64_t t1_ms) {
  std::vector<StateSpan> spans;
  for (std::size_t i = 0; i < samples.size() && t0_ms < t1_ms; ++i) {
    const std::int64_t next = i + 1 < samples.size() ? samples[i + 1].ts_ms : t1_ms;
    const std::int64_t from = std::max(samples[i].ts_ms, t0_ms), to = std::min(next, t1_ms);
    if (from >= to) continue;  // before the window, or superseded at the same instant
    const int state = static_cast<int>(std::lround(samples[i].value));
    if (!spans.empty() && spans.back().state == state && spans.back().to_ms == from) {
      spans.back().to_ms = to;
    } else {
      spans.push_back({from, to, state});
    }
  }
  return spans;
}

std::vector<StateShare> stateShares(const std::vector<StateSpan>& spans) {
  std::map<int, std::int64_t> time;
  std::int64_t known = 0;
  for (const auto& s : spans) {
    time[s.state] += s.to_ms - s.from_ms;
    known += s.to_ms - s.from_ms;
  }
  std::vector<StateShare> shares;
  for (const auto& [state, ms] : time) shares.push_back({state, double(ms) / double(known)});
  std::ranges::stable_sort(shares, std::greater<>{}, &StateShare::share);
  return shares;
}

Result<std::vector<StateSpan>> storedStateSpans(Store& store, std::string_view tag, std::int64_t t0_ms,
                                                std::int64_t t1_ms) {
  auto samples = store.samplesBetween(tag, t0_ms - kStateLookback_ms, t1_ms);
  if (!samples) return std::unexpected(samples.error());
  return stateSpans(*samples, t0_ms, t1_ms);
}

}  // namespace parktwin::store
