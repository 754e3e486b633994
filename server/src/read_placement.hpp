#pragma once
// Where the HTTP layer runs a state or series read. Handing a read of ~100 µs to the read pool
// and back costs two thread wake-ups, more CPU than the read (docs/server.md, "Reads at a new T
// or range"), so quick reads run on the network thread that received them. A slow one there
// would hold that thread, and the live values and other clients it serves, for as long as it
// takes (a 100k-tag state read takes ≈ 0.4 s): so each kind of read keeps an estimate of its
// cost, raised at once by a slow read and lowered slowly by quick ones, and goes to the pool
// while the estimate says it may be slow.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace parktwin::server {

enum class HistoryRead { state, series };

class ReadPlacement {
 public:
  // A read whose estimate is at or below this runs on the network thread: a live value waits
  // at most this long behind it (the live path's goal is 100 ms at p99). Wall time, so a read
  // preempted on a busy host counts as slow: set well above a read's CPU (≈ 0.1–0.3 ms).
  static constexpr std::chrono::microseconds kQuick{20'000};

  bool onNetworkThread(HistoryRead kind) const {
    return estimate(kind).load(std::memory_order_relaxed) <= kQuick.count();
  }

  // After a read of `kind` took `took`: the estimate becomes the larger of `took` and 7/8 of what
  // it was, so after a 0.4 s read about twenty quick ones pass on the pool before reads return to
  // the network thread. Concurrent updates may lose one another; either result is a fair estimate.
  void record(HistoryRead kind, std::chrono::microseconds took) {
    auto& e = estimate(kind);
    const std::int64_t decayed = e.load(std::memory_order_relaxed) * 7 / 8;
    e.store(took.count() > decayed ? took.count() : decayed, std::memory_order_relaxed);
  }

 private:
  std::atomic<std::int64_t>& estimate(HistoryRead kind) { return estimates_[static_cast<std::size_t>(kind)]; }
  const std::atomic<std::int64_t>& estimate(HistoryRead kind) const { return estimates_[static_cast<std::size_t>(kind)]; }
  std::array<std::atomic<std::int64_t>, 2> estimates_{};  // µs
};

}  // namespace parktwin::server
