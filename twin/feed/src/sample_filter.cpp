#include "sample_filter.hpp"

#include <algorithm>

#include "parktwin/feed/payload.hpp"

namespace parktwin::feed::detail {
namespace {

Verdict rejected(std::string kind, std::string text) {
  Verdict verdict;
  verdict.logKind = std::move(kind);
  verdict.logText = std::move(text);
  return verdict;
}

} // namespace

SampleFilter::SampleFilter(const SubscriberOptions &options)
    : park_(options.park), maxNewTags_(options.max_new_tags),
      knownTags_(options.known_tags.begin(), options.known_tags.end()) {}

Verdict SampleFilter::judge(std::string_view topic, std::string_view payload,
                            FeedCounters &counters) {
  ++counters.received;
  const auto parts = parseTopic(topic);
  if (!parts || parts->park != park_) {
    ++counters.malformed;
    return rejected("malformed", "MQTT topic \"" + std::string(topic) +
                                     "\": expected parktwin/" + park_ +
                                     "/<tag>");
  }
  if (!knownTags_.empty() && !knownTags_.contains(parts->tag)) {
    ++counters.unknown_tag;
    return rejected("unknown tag",
                    "MQTT topic \"" + std::string(topic) + "\": no tag \"" +
                        std::string(parts->tag) + "\" in park " + park_);
  }
  auto sample = parsePayload(payload);
  if (!sample) {
    ++counters.malformed;
    return rejected("malformed", "MQTT " + std::string(topic) + ": " +
                                     sample.error().message + ": \"" +
                                     std::string(payload.substr(0, 80)) + "\"");
  }
  return judgeSample(topic, parts->tag, sample->ts_ms, sample->value, counters);
}

bool SampleFilter::isBatch(std::string_view topic) const {
  // Most messages are single samples: a suffix test spares them a second topic parse.
  if (!topic.ends_with(kBatchTag) || !topic.substr(0, topic.size() - kBatchTag.size()).ends_with('/')) return false;
  const auto parts = parseTopic(topic);
  return parts && parts->park == park_ && parts->tag == kBatchTag;
}

std::vector<Verdict> SampleFilter::judgeBatch(std::string_view topic,
                                              const Result<std::vector<BatchSample>> &batch,
                                              FeedCounters &counters) {
  ++counters.received;
  std::vector<Verdict> verdicts;
  if (!batch) {
    ++counters.malformed;
    verdicts.push_back(rejected("malformed", "MQTT " + std::string(topic) + ": " + batch.error().message));
    return verdicts;
  }
  verdicts.reserve(batch->size());
  for (const auto &s : *batch) {
    if (!knownTags_.empty() && !knownTags_.contains(s.tag)) {
      ++counters.unknown_tag;
      verdicts.push_back(rejected("unknown tag", "MQTT " + std::string(topic) + ": no tag \"" + s.tag +
                                                     "\" in park " + park_));
      continue;
    }
    verdicts.push_back(judgeSample(topic, s.tag, s.ts_ms, s.value, counters));
  }
  return verdicts;
}

Verdict SampleFilter::judgeSample(std::string_view topic, std::string_view tag,
                                  std::optional<std::int64_t> sampleTs, double value,
                                  FeedCounters &counters) {
  auto found = recentTs_.find(tag);
  if (found == recentTs_.end()) {
    if (knownTags_.empty() && recentTs_.size() >= maxNewTags_) {
      ++counters.tag_limit;
      return rejected(
          "tag limit",
          "MQTT topic \"" + std::string(topic) + "\": already " +
              std::to_string(maxNewTags_) +
              " distinct tags without a tag list; new tags are dropped");
    }
    found =
        recentTs_.emplace(std::string(tag), std::deque<std::int64_t>{})
            .first;
  }
  std::deque<std::int64_t> &recent = found->second;
  std::int64_t ts = sampleTs ? *sampleTs : wallClockMs();
  if (!sampleTs && !recent.empty() && ts <= recent.back())
    ts = recent.back() + 1; // unique receive stamps
  Verdict verdict = judgeTimestamp(topic, recent, ts, counters);
  verdict.tag = tag;
  verdict.value = value;
  return verdict;
}

Verdict SampleFilter::judgeTimestamp(std::string_view topic,
                                     std::deque<std::int64_t> &recent,
                                     std::int64_t ts, FeedCounters &counters) {
  Verdict verdict;
  verdict.accepted = true;
  verdict.ts_ms = ts;
  if (!recent.empty() && ts <= recent.back()) {
    // Late: a publisher's clock jumped back, or a gateway flushed a buffer.
    // Passed on, never dropped (the historian sorts it in); only a timestamp
    // still in the window can be recognised as a repeat, older ones are left to
    // the historian's first-wins rule.
    const auto at = std::lower_bound(recent.begin(), recent.end(), ts);
    if (at != recent.end() && *at == ts) {
      ++counters.duplicates; // idempotent downstream: the sink already has it
      return {};
    }
    ++counters.out_of_order;
    // While the window is not full it holds every accepted stamp, so the front
    // is fine too.
    if (at != recent.begin() || recent.size() < kRecent)
      recent.insert(at, ts);
    verdict.logKind = "late";
    verdict.logText = "MQTT " + std::string(topic) + ": sample at " +
                      std::to_string(ts) + " ms is older than the newest (" +
                      std::to_string(recent.back()) +
                      " ms); passed on as late data";
  } else {
    recent.push_back(ts);
  }
  if (recent.size() > kRecent)
    recent.pop_front();
  ++counters.accepted;
  return verdict;
}

} // namespace parktwin::feed::detail
