#pragma once
// What both subscribers report while they run: counters, gaps, whether they are connected and
// subscribed, and the last problem, read from other threads. The network thread reports its
// events here; callers wait on waitConnected(). Shared so that the libmosquitto subscriber and
// the acknowledge-after-commit one count and report alike.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/feed/subscriber.hpp"
#include "sample_filter.hpp"
#include "source_error.hpp"

namespace parktwin::feed::detail {

class RateLimitedLog;

class FeedState {
 public:
  explicit FeedState(const SubscriberOptions& options) : language_(options.language), filter_(options) {}

  // Connected, not yet subscribed. Returns the gap since the last connection as a log line
  // ending in `gapConsequence`, in the options' language, or "" if there was none.
  std::string noteConnected(const SourceError& gapConsequence, std::string problem);
  // Subscribed (granted) or refused: connected() follows.
  void noteSubscribed(bool granted, std::string problemIfNot);
  // Returns whether it was connected (a gap starts now).
  bool noteDisconnected(std::string problem);
  // A failed connection attempt; `forGood`: retrying will not help (bad credentials).
  void noteProblem(std::string problem, bool forGood);
  // The same worded in both languages and naming the broker itself (unreachableBroker):
  // waitConnected gives it as it is, in the language asked for, until another problem follows.
  void noteProblem(SourceError problem, bool forGood);
  void noteStopped();

  // Judges a message, one sample or a batch of them (payload.hpp), and hands each accepted
  // sample to `sink` in order, outside the lock; what was rejected or late goes to `log`.
  void deliver(std::string_view topic, std::string_view payload, RateLimitedLog& log, const SampleCallback& sink);
  // A message handed on as it came, not judged here (a subscriber of any shape).
  void noteReceived();

  // Fails with "<where>: <the last problem>", or the last problem named in both languages in
  // `language` ("en" or "zh").
  Result<void> waitConnected(std::chrono::milliseconds timeout, const std::string& where, std::string_view language = "en");
  bool connected() const;
  // The last problem when noteProblem(SourceError) said it, else both empty.
  SourceError namedProblem() const;
  FeedCounters counters() const;
  std::vector<FeedGap> gaps() const;

 private:
  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable changed_;
  FeedCounters counters_;
  std::vector<FeedGap> gaps_;
  const std::string language_;  // of the log lines: "en" or "zh"
  bool connected_ = false;
  bool refused_ = false;
  std::string lastProblem_ = "not connected yet";
  SourceError namedProblem_;  // the last problem when noteProblem(SourceError) said it, else empty
  std::int64_t disconnectedAt_ms_ = 0;
  SampleFilter filter_;
};

}  // namespace parktwin::feed::detail
