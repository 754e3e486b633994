#pragma once
// Encoded answers of the API's history reads (GET .../state by T, GET .../series by tag, range
// and points), so that many clients asking the same question (a wall of screens on one moment,
// dashboards polling the same chart) pay the store's read and the JSON encoding once. An answer
// is kept at most `longest_age` (100 ms by default): the store can be written by others too
// (parktwin-cli import, another server on a cluster), whose writes the server does not see;
// they show within that age, well inside the commit interval readers already lag by (250 ms).
// This server's own writes drop at once every answer they change (invalidateFrom, from
// HistoryAdapter::commit), and an answer read before such a write is not kept (the ticket).
#include <chrono>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace parktwin::server {

class AnswerCache {
 public:
  using Clock = std::chrono::steady_clock;
  // What an answer depends on: every sample at or before latest_sample_ms may change it (the
  // state at T: T; a series over [from, to): to - 1), and the rest of the question.
  struct Key {
    std::int64_t latest_sample_ms = 0;
    std::string question;  // empty for a state; tag, from and points for a series
    auto operator<=>(const Key&) const = default;
  };

  explicit AnswerCache(std::chrono::milliseconds longest_age = std::chrono::milliseconds{100}, std::size_t capacity = 256);

  // The answer to `key` if one younger than the longest age is held; null otherwise.
  std::shared_ptr<const std::string> find(const Key& key, Clock::time_point now) const;
  // Taken before reading the store; put() keeps the answer only if nothing it depends on was
  // written since.
  std::uint64_t ticket() const;
  void put(Key key, std::uint64_t ticket, std::shared_ptr<const std::string> answer, Clock::time_point now);
  // Samples with times at or after oldest_ms were committed: every answer that depends on a
  // sample at or after oldest_ms may have changed.
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
  std::map<Key, Entry> entries_;
};

}  // namespace parktwin::server
