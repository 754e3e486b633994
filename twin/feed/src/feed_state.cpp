#include "feed_state.hpp"

#include "client.hpp"

namespace parktwin::feed::detail {

std::string FeedState::noteConnected(const SourceError& gapConsequence, std::string problem) {
  std::string gapText;
  {
    std::lock_guard lock(mutex_);
    ++counters_.connects;
    if (counters_.connects > 1) ++counters_.reconnects;
    if (disconnectedAt_ms_ > 0) {
      const FeedGap gap{disconnectedAt_ms_, wallClockMs()};
      gaps_.push_back(gap);
      const std::string gap_ms = std::to_string(gap.to_ms - gap.from_ms);
      gapText = language_ == "zh" ? "MQTT 中断 " + gap_ms + " 毫秒后已重连：" + gapConsequence.zh
                                  : "MQTT reconnected after " + gap_ms + " ms: " + gapConsequence.en;
      disconnectedAt_ms_ = 0;
    }
    refused_ = false;
    lastProblem_ = std::move(problem);
    namedProblem_ = {};
  }
  changed_.notify_all();
  return gapText;
}

void FeedState::noteSubscribed(bool granted, std::string problemIfNot) {
  {
    std::lock_guard lock(mutex_);
    connected_ = granted;
    if (!granted) {
      lastProblem_ = std::move(problemIfNot);
      namedProblem_ = {};
    }
  }
  changed_.notify_all();
}

bool FeedState::noteDisconnected(std::string problem) {
  bool wasConnected = false;
  {
    std::lock_guard lock(mutex_);
    wasConnected = connected_;
    connected_ = false;
    if (wasConnected) {
      ++counters_.disconnects;
      disconnectedAt_ms_ = wallClockMs();
    }
    if (!problem.empty()) {
      lastProblem_ = std::move(problem);
      namedProblem_ = {};
    }
  }
  changed_.notify_all();
  return wasConnected;
}

void FeedState::noteProblem(std::string problem, bool forGood) {
  {
    std::lock_guard lock(mutex_);
    lastProblem_ = std::move(problem);
    namedProblem_ = {};
    refused_ = forGood;
  }
  changed_.notify_all();
}

void FeedState::noteProblem(SourceError problem, bool forGood) {
  {
    std::lock_guard lock(mutex_);
    lastProblem_ = problem.en;
    namedProblem_ = std::move(problem);
    refused_ = forGood;
  }
  changed_.notify_all();
}

void FeedState::noteStopped() {
  std::lock_guard lock(mutex_);
  connected_ = false;
}

void FeedState::deliver(std::string_view topic, std::string_view payload, RateLimitedLog& log, const SampleCallback& sink) {
  const auto hand = [&](const Verdict& verdict) {
    if (!verdict.logKind.empty()) log.write(verdict.logKind, verdict.logText);
    if (verdict.accepted) sink(verdict.tag, verdict.ts_ms, verdict.value);
  };
  if (!filter_.isBatch(topic)) {
    Verdict verdict;
    {
      std::lock_guard lock(mutex_);
      verdict = filter_.judge(topic, payload, counters_);
    }
    hand(verdict);
    return;
  }
  // Parsed outside the lock: counters() readers need not wait for thousands of samples.
  const auto batch = parseBatchPayload(payload);
  std::vector<Verdict> verdicts;
  {
    std::lock_guard lock(mutex_);
    verdicts = filter_.judgeBatch(topic, batch, counters_);
  }
  for (const auto& verdict : verdicts) hand(verdict);
}

void FeedState::noteReceived() {
  std::lock_guard lock(mutex_);
  ++counters_.received;
}

Result<void> FeedState::waitConnected(std::chrono::milliseconds timeout, const std::string& where, std::string_view language) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return connected_ || refused_; });
  if (connected_) return {};
  if (!namedProblem_.en.empty()) return fail(language == "zh" ? namedProblem_.zh : namedProblem_.en);
  return fail(where + ": " + lastProblem_);
}

SourceError FeedState::namedProblem() const {
  std::lock_guard lock(mutex_);
  return namedProblem_;
}

bool FeedState::connected() const {
  std::lock_guard lock(mutex_);
  return connected_;
}

FeedCounters FeedState::counters() const {
  std::lock_guard lock(mutex_);
  return counters_;
}

std::vector<FeedGap> FeedState::gaps() const {
  std::lock_guard lock(mutex_);
  return gaps_;
}

}  // namespace parktwin::feed::detail
