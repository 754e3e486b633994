#include "history_json.hpp"

#include "json_text.hpp"

namespace parktwin::server {

std::string stateJson(std::int64_t at_ms, const std::vector<store::TagState>& states,
                      const std::map<std::string, std::int64_t>& alarm_onsets) {
  JsonText out(96 + 64 * states.size() + 64 * alarm_onsets.size());
  out.raw(R"({"alarm_onsets":{)");
  bool first = true;
  for (const auto& [rule, since_ms] : alarm_onsets) {
    out.raw(first ? "" : ",").string(rule).raw(':').integer(since_ms);
    first = false;
  }
  out.raw(R"(},"at":)").integer(at_ms).raw(R"(,"columns":["tag","ts","v"],"values":[)");
  for (std::size_t i = 0; i < states.size(); ++i) {
    const auto& s = states[i];
    out.raw(i == 0 ? "[" : ",[").string(s.tag).raw(',').integer(s.ts_ms).raw(',').number(s.value).raw(']');
  }
  return out.raw("]}").take();
}

std::string seriesJson(std::string_view tag, std::int64_t from_ms, std::int64_t to_ms, const std::vector<store::Bucket>& buckets) {
  JsonText out(128 + tag.size() + 112 * buckets.size());  // a bucket of full-precision doubles is about 110 bytes
  out.raw(R"({"buckets":[)");
  // A bucket starts where the one before it ended: that time's text is copied, not formatted again.
  char previousEnd[24];
  std::size_t previousEndLength = 0;
  std::int64_t previousEndMs = 0;
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    const auto& b = buckets[i];
    out.raw(i == 0 ? "[" : ",[");
    if (i > 0 && b.t_start_ms == previousEndMs) out.raw(std::string_view(previousEnd, previousEndLength));
    else out.integer(b.t_start_ms);
    out.raw(',');
    const std::size_t endAt = out.size();
    out.integer(b.t_end_ms);
    const std::string_view endText = out.writtenSince(endAt);
    previousEndLength = endText.copy(previousEnd, sizeof previousEnd);
    previousEndMs = b.t_end_ms;
    out.raw(',').integer(b.count);
    out.raw(',').number(b.min).raw(',').number(b.max).raw(',').number(b.mean).raw(',').number(b.last).raw(']');
  }
  out.raw(R"(],"columns":["from","to","count","min","max","mean","last"],"from":)").integer(from_ms);
  out.raw(R"(,"tag":)").string(tag).raw(R"(,"to":)").integer(to_ms).raw('}');
  return out.take();
}

}  // namespace parktwin::server
