#include "answer_cache.hpp"

#include <algorithm>
#include <utility>

namespace parktwin::server {

AnswerCache::AnswerCache(std::chrono::milliseconds longest_age, std::size_t capacity)
    : longestAge_(longest_age), capacity_(capacity) {}

std::shared_ptr<const std::string> AnswerCache::find(const Key& key, Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || now - it->second.made >= longestAge_) return nullptr;
  return it->second.answer;
}

std::uint64_t AnswerCache::ticket() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void AnswerCache::put(Key key, std::uint64_t ticket, std::shared_ptr<const std::string> answer, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (ticket != generation_) return;  // read before a write that may have changed it
  if (entries_.size() >= capacity_ && !entries_.contains(key)) {
    // Full: drop what has aged out; if nothing has, the oldest answer. One at a time, not all:
    // freeing a few megabytes at once let the allocator hand them back to the system and
    // fault them in again for the next answers (8 % of the server under new questions).
    std::erase_if(entries_, [&](const auto& e) { return now - e.second.made >= longestAge_; });
    if (entries_.size() >= capacity_) {
      entries_.erase(std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
        return a.second.made < b.second.made;
      }));
    }
  }
  entries_[std::move(key)] = Entry{std::move(answer), now};
}

void AnswerCache::invalidateFrom(std::int64_t oldest_ms) {
  std::lock_guard lock(mutex_);
  ++generation_;
  // Keys order by latest_sample_ms first: everything from the first key at oldest_ms on.
  entries_.erase(entries_.lower_bound(Key{oldest_ms, {}}), entries_.end());
}

}  // namespace parktwin::server
