#pragma once
// Encoded answers of GET .../state by T, so that many clients asking the state at the same T
// (a wall of screens on one moment, a dashboard polling) pay the store's stateAt and the JSON
// encoding once. An answer is kept at most `longest_age` (100 ms by default): the store can be
// written by others too (parktwin-cli import, another server on a cluster), whose writes the
// server does not see; they show within that age, well inside the commit interval readers
// already lag by (250 ms). This server's own writes drop at once every answer they change
// (invalidateFrom, from HistoryAdapter::commit), and an answer read before such a write is not
// kept (the ticket).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace parktwin::server {

class StateCache {
 public:
  using Clock = std::chrono::steady_clock;
  explicit StateCache(std::chrono::milliseconds longest_age = std::chrono::milliseconds{100}, std::size_t capacity = 256);

  // The answer at t_ms if one younger than the longest age is held; null otherwise.
  std::shared_ptr<const std::string> find(std::int64_t t_ms, Clock::time_point now) const;
  // Taken before reading the store; put() keeps the answer only if nothing it depends on was
  // written since.
  std::uint64_t ticket() const;
  void put(std::int64_t t_ms, std::uint64_t ticket, std::shared_ptr<const std::string> answer, Clock::time_point now);
  // Samples with times at or after oldest_ms were committed: the state at any T >= oldest_ms
  // may have changed.
  void invalidateFrom(std::int64_t oldest_ms);

 private:
  struct Entry {
    std::shared_ptr<const std::string> answer;
    Clock::time_point made;
  };
  const Clock::duration longestAge_;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::map<std::int64_t, Entry> entries_;
};

}  // namespace parktwin::server
