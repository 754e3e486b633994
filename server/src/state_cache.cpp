#include "state_cache.hpp"

#include <utility>

namespace parktwin::server {

StateCache::StateCache(std::chrono::milliseconds longest_age, std::size_t capacity)
    : longestAge_(longest_age), capacity_(capacity) {}

std::shared_ptr<const std::string> StateCache::find(std::int64_t t_ms, Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(t_ms);
  if (it == entries_.end() || now - it->second.made >= longestAge_) return nullptr;
  return it->second.answer;
}

std::uint64_t StateCache::ticket() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void StateCache::put(std::int64_t t_ms, std::uint64_t ticket, std::shared_ptr<const std::string> answer,
                     Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (ticket != generation_) return;  // read before a write that may have changed it
  if (entries_.size() >= capacity_ && !entries_.contains(t_ms)) {
    // Full: drop what has aged out; if nothing has, start again (the times asked move on).
    std::erase_if(entries_, [&](const auto& e) { return now - e.second.made >= longestAge_; });
    if (entries_.size() >= capacity_) entries_.clear();
  }
  entries_[t_ms] = Entry{std::move(answer), now};
}

void StateCache::invalidateFrom(std::int64_t oldest_ms) {
  std::lock_guard lock(mutex_);
  ++generation_;
  entries_.erase(entries_.lower_bound(oldest_ms), entries_.end());
}

}  // namespace parktwin::server
