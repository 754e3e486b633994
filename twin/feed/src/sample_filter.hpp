#pragma once
// What every subscriber does with a message once it has it: topic and tag checks, payload
// parsing, the duplicate window and late-sample detection, with their counters. Shared by the
// libmosquitto subscriber and the acknowledge-after-commit one, so both accept the same samples.
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/feed/payload.hpp"
#include "parktwin/feed/subscriber.hpp"

namespace parktwin::feed::detail {

struct Verdict {
  bool accepted = false;
  std::string_view tag;  // points into the topic passed in
  std::int64_t ts_ms = 0;
  double value = 0;
  std::string logKind;  // non-empty: write logText under this kind (outside any lock)
  std::string logText;
};

class SampleFilter {
 public:
  explicit SampleFilter(const SubscriberOptions& options);
  // Counts the message in `counters` and says whether to pass it on. Not thread-safe: the
  // caller holds the lock guarding `counters`.
  Verdict judge(std::string_view topic, std::string_view payload, FeedCounters& counters);
  // Whether the topic is this park's batch topic (<prefix>/<park>/$batch).
  bool isBatch(std::string_view topic) const;
  // A batch message (parsed by the caller): each sample judged as judge() would judge it alone
  // on its tag's topic; the verdicts' tags point into `samples`. `batch` is the parse result:
  // a malformed batch counts once and yields one rejected verdict.
  std::vector<Verdict> judgeBatch(std::string_view topic, const Result<std::vector<BatchSample>>& batch,
                                  FeedCounters& counters);

 private:
  Verdict judgeSample(std::string_view topic, std::string_view tag, std::optional<std::int64_t> ts, double value,
                      FeedCounters& counters);
  Verdict judgeTimestamp(std::string_view topic, std::deque<std::int64_t>& recent, std::int64_t ts,
                         FeedCounters& counters);

  std::string park_;
  std::size_t maxNewTags_;
  std::set<std::string, std::less<>> knownTags_;
  // Per tag, the newest kRecent accepted timestamps (ascending): a sample seen again is a
  // duplicate (QoS 1 is at least once; publishers retry), an older unseen one is late.
  static constexpr std::size_t kRecent = 256;
  std::map<std::string, std::deque<std::int64_t>, std::less<>> recentTs_;
};

}  // namespace parktwin::feed::detail
