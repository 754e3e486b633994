// The API's endpoints over the park: history reads, alarms, flows at T, scenario runs.
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <memory>

#include "ack_restore.hpp"
#include "api.hpp"
#include "history_json.hpp"
#include "parktwin/common/iso_time.hpp"
#include "parktwin/common/time_text.hpp"
#include "parktwin/flow/flow_json.hpp"
#include "parktwin/flow/park_flows.hpp"
#include "parktwin/flow/park_state.hpp"
#include "parktwin/model/park_time.hpp"
#include "parktwin/sim/event_codec.hpp"
#include "parktwin/store/state_spans.hpp"

namespace parktwin::server {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxSeriesPoints = 10'000;

// A time parameter: ISO-8601 or epoch (seconds below 1e11, else milliseconds); without a zone,
// the park's civil time, as the window's and the CLI's --at read it (model::parkInstantMs).
Result<std::int64_t> timeParameter(const model::Park& park, const Query& query, const std::string& name,
                                   std::optional<std::int64_t> fallback, const std::string& lang) {
  const auto it = query.find(name);
  if (it == query.end() || it->second.empty()) {
    if (fallback) return *fallback;
    return fail(ErrorCode::invalid_input,
                name + inLanguage(lang, ": required (ISO-8601 or epoch milliseconds)", ": 必填（ISO-8601 时间或纪元毫秒）"));
  }
  auto t = model::parkInstantMs(it->second, &park, lang);
  if (!t) return fail(ErrorCode::invalid_input, name + ": " + t.error().message);
  return *t;
}

Result<long long> integerParameter(const Query& query, const std::string& name, long long fallback, long long min,
                                   long long max, const std::string& lang) {
  const auto it = query.find(name);
  if (it == query.end()) return fallback;
  std::size_t used = 0;
  long long value = 0;
  try {  // std::stoll's exceptions stay inside this function
    value = std::stoll(it->second, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != it->second.size() || value < min || value > max) {
    const std::string from = std::to_string(min), to = std::to_string(max);
    return fail(ErrorCode::invalid_input,
                name + inLanguage(lang, ": expected a whole number from " + from + " to " + to + ", got \"" + it->second + "\"",
                                  ": 应为 " + from + " 到 " + to + " 之间的整数，实际为“" + it->second + "”"));
  }
  return value;
}

// The store words its own failure (in English: the historian has no other language yet).
ApiResponse historyFailure(const Error& error, const std::string& lang) {
  return errorResponse(500, inLanguage(lang, "history: ", "历史库：") + error.message);
}

struct TagRange {
  std::string tag;
  std::int64_t from = 0;
  std::int64_t to = 0;
};

// The tag (one of the park's) and [from, to) of a series or spans read.
Result<TagRange> tagRange(const model::Park& park, const Query& query, const std::string& lang) {
  const auto tag = query.find("tag");
  if (tag == query.end() || tag->second.empty()) return fail(ErrorCode::invalid_input, inLanguage(lang, "tag: required", "tag: 必填"));
  if (!park.findTag(tag->second)) {
    return fail(ErrorCode::not_found, inLanguage(lang, "tag \"" + tag->second + "\": not a tag of " + park.id,
                                                 "标签“" + tag->second + "”：不是园区 " + park.id + " 的标签"));
  }
  auto from = timeParameter(park, query, "from", std::nullopt, lang);
  if (!from) return std::unexpected(from.error());
  auto to = timeParameter(park, query, "to", std::nullopt, lang);
  if (!to) return std::unexpected(to.error());
  if (*to <= *from) return fail(ErrorCode::invalid_input, inLanguage(lang, "to: must be after from", "to: 必须晚于 from"));
  return TagRange{tag->second, *from, *to};
}

ApiResponse rangeRefusal(const Error& error) {
  return errorResponse(error.code == ErrorCode::not_found ? 404 : 400, error.message);
}

// The answer kept under `key` (none: not kept), or readAndEncode()'s (a Result<std::string>),
// kept for the next asker unless a commit landed while it was read.
template <typename ReadAndEncode>
ApiResponse cachedRead(AnswerCache& cache, const std::optional<AnswerCache::Key>& key, const std::string& lang,
                       ReadAndEncode&& readAndEncode) {
  const auto now = AnswerCache::Clock::now();
  if (key) {
    if (auto cached = cache.find(*key, now)) return {200, {}, std::move(cached)};
  }
  const std::uint64_t ticket = cache.ticket();
  Result<std::string> answer = readAndEncode();
  if (!answer) return historyFailure(answer.error(), lang);
  if (!key) return {200, std::move(*answer)};
  auto kept = std::make_shared<const std::string>(std::move(*answer));
  cache.put(*key, ticket, kept, now);
  return {200, {}, std::move(kept)};
}

}  // namespace

ApiResponse Api::state(const Query& query, const std::string& lang) {
  auto at = timeParameter(c_.park, query, "at", c_.now_ms(), lang);
  if (!at) return errorResponse(400, at.error().message);
  // Only a T asked for is kept: "now" is a new T at every millisecond.
  std::optional<AnswerCache::Key> key;
  if (query.contains("at")) key = AnswerCache::Key{*at, {}};
  return cachedRead(c_.history.answerCache(), key, lang, [&]() -> Result<std::string> {
    auto states = c_.history.stateAt(*at);
    if (!states) return std::unexpected(states.error());
    auto onsets = alarmOnsetsAt(c_.history, c_.park, *at, *states);
    if (!onsets) return std::unexpected(onsets.error());
    return stateJson(*at, *states, *onsets);
  });
}

ApiResponse Api::series(const Query& query, const std::string& lang) {
  auto range = tagRange(c_.park, query, lang);
  if (!range) return rangeRefusal(range.error());
  auto points = integerParameter(query, "points", 500, 1, kMaxSeriesPoints, lang);
  if (!points) return errorResponse(400, points.error().message);
  // A series over [from, to) depends on the samples before `to`.
  const AnswerCache::Key key{range->to - 1, range->tag + '\n' + std::to_string(range->from) + '\n' + std::to_string(*points)};
  return cachedRead(c_.history.answerCache(), key, lang, [&]() -> Result<std::string> {
    auto buckets = c_.history.downsample(range->tag, range->from, range->to, static_cast<std::size_t>(*points));
    if (!buckets) return std::unexpected(buckets.error());
    return seriesJson(range->tag, range->from, range->to, *buckets);
  });
}

// A state tag over [from, to) as spans and each state's share: the window's line state bar in a
// server replay, by the rule of a local replay (store::storedStateSpans).
ApiResponse Api::spans(const Query& query, const std::string& lang) {
  auto range = tagRange(c_.park, query, lang);
  if (!range) return rangeRefusal(range.error());
  const model::Tag& tag = *c_.park.findTag(range->tag);
  if (tag.kind != model::TagKind::state) {
    const std::string kind(model::toText(tag.kind));
    return errorResponse(400, inLanguage(lang, "tag \"" + range->tag + "\": of kind " + kind + "; spans are read of state tags only",
                                         "标签“" + range->tag + "”：类型为 " + kind + "；只有状态标签才能读取区段"));
  }
  auto spans = c_.history.stateSpans(range->tag, range->from, range->to);
  if (!spans) return historyFailure(spans.error(), lang);
  json rows = json::array();
  for (const auto& s : *spans) rows.push_back(json::array({s.from_ms, s.to_ms, s.state}));
  json shares = json::array();
  for (const auto& s : store::stateShares(*spans)) shares.push_back(json::array({s.state, s.share}));
  json out = json::object();
  out["tag"] = range->tag;
  out["from"] = range->from;
  out["to"] = range->to;
  out["columns"] = json::array({"from", "to", "state"});
  out["spans"] = std::move(rows);
  out["share_columns"] = json::array({"state", "share"});
  out["shares"] = std::move(shares);
  return {200, out.dump()};
}

ApiResponse Api::events(const Query& query, const std::string& lang) {
  auto from = timeParameter(c_.park, query, "from", std::int64_t{0}, lang);
  if (!from) return errorResponse(400, from.error().message);
  auto to = timeParameter(c_.park, query, "to", c_.now_ms(), lang);
  if (!to) return errorResponse(400, to.error().message);
  auto minSeverity = integerParameter(query, "min_severity", 0, 0, 100, lang);
  if (!minSeverity) return errorResponse(400, minSeverity.error().message);
  store::EventFilter filter;
  filter.min_severity = static_cast<int>(*minSeverity);
  if (const auto object = query.find("object"); object != query.end()) filter.object = object->second;
  auto events = c_.history.eventsBetween(*from, *to, filter);
  if (!events) return historyFailure(events.error(), lang);
  json out = json::array();
  for (const auto& e : *events) {
    json item{{"ts", e.ts_ms}, {"kind", e.kind}, {"severity", e.severity}, {"object", e.object}, {"message", e.message}};
    if (!e.payload_json.empty()) item["payload"] = json::parse(e.payload_json, nullptr, false);
    out.push_back(std::move(item));
  }
  return {200, out.dump()};
}

// The span of the stored samples: a window replaying the server's history takes its timeline's
// range from it. first_ms and last_ms are null while nothing is stored.
ApiResponse Api::history(const std::string& lang) {
  auto tags = c_.history.summary();
  if (!tags) return historyFailure(tags.error(), lang);
  json out{{"tags", 0}, {"samples", 0}, {"first_ms", nullptr}, {"last_ms", nullptr}};
  std::uint64_t samples = 0, withSamples = 0;
  for (const auto& tag : *tags) {
    withSamples += tag.samples > 0 ? 1 : 0;
    samples += tag.samples;
  }
  if (const auto span = store::storedSpan(*tags)) {
    out["first_ms"] = span->first_ms;
    out["last_ms"] = span->last_ms;
  }
  out["tags"] = withSamples;
  out["samples"] = samples;
  return {200, out.dump()};
}

ApiResponse Api::acknowledge(const std::string& ruleId, const std::string& body, const User& user, const std::string& lang) {
  std::string comment;
  if (!body.empty()) {
    const json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
      return errorResponse(400, inLanguage(lang, "body: expected a JSON object such as {\"comment\": \"...\"}",
                                           "body: 应为 JSON 对象，如 {\"comment\": \"...\"}"));
    }
    if (parsed.contains("comment")) {
      if (!parsed["comment"].is_string()) return errorResponse(400, inLanguage(lang, "/comment: expected a string", "/comment: 应为字符串"));
      comment = parsed["comment"].get<std::string>();
    }
  }
  auto ack = c_.live.acknowledge(ruleId, user.name, comment, c_.now_ms());
  if (!ack && ack.error().code == ErrorCode::not_found) {  // the hub's one refusal: worded here, in the request's language
    return errorResponse(404, inLanguage(lang, "alarm \"" + ruleId + "\" is not active", "报警“" + ruleId + "”未处于活动状态"));
  }
  if (!ack) return errorResponse(409, ack.error().message);
  // Recorded in history with the user (SQLite: an alarm_ack event, as the window records its
  // own), so a restarted server shows it again (restoreAcknowledgements).
  store::Acknowledgement stored{ack->at_ms, ruleId, {}, user.name, comment};
  for (const auto& rule : c_.park.alarm_rules) {
    if (rule.id == ruleId && c_.park.findTag(rule.tag)) stored.object = c_.park.findTag(rule.tag)->object;
  }
  if (auto recorded = c_.history.recordAcknowledgement(stored); !recorded) return historyFailure(recorded.error(), lang);
  return {200, json{{"id", ruleId}, {"acknowledged_by", ack->user}, {"acknowledged_at_ms", ack->at_ms}, {"comment", comment}}.dump()};
}

ApiResponse Api::flows(const Query& query, const std::string& lang) {
  const bool atState = query.contains("at");
  std::optional<flow::StateOverrides> state;
  std::int64_t atMs = 0;
  if (atState) {
    auto at = timeParameter(c_.park, query, "at", std::nullopt, lang);
    if (!at) return errorResponse(400, at.error().message);
    atMs = *at;
    auto states = c_.history.stateAt(atMs);
    if (!states) return historyFailure(states.error(), lang);
    if (states->empty()) {
      const std::string when = isoTextIn(atMs, model::parkTimeZone(c_.park));
      return errorResponse(404, inLanguage(lang, "no sample at or before " + when, when + " 及之前没有样本"));
    }
    std::map<std::string, double> values;
    for (const auto& s : *states) values[s.tag] = s.value;
    state = flow::overridesFromState(c_.park, values, atMs);
  }
  flow::FlowOverrides design;
  design.supply_basis = flow::SupplyBasis::annual_average;
  auto report = state ? flow::solveParkFlows(c_.park, state->material, state->energy, 1.0)
                      : flow::solveParkFlows(c_.park, design, 8760.0);
  if (!report) return errorResponse(422, report.error().message);
  json out = flow::flowReportJson(c_.park, *report, std::nullopt, std::nullopt);
  out["basis"] = state ? "at " + isoTextIn(atMs, model::parkTimeZone(c_.park)) + " (one hour at that state)"
                       : "at design capacity, the average hour of a year";
  if (state) {
    out["at"] = atMs;
    out["down"] = state->down;
  }
  return {200, out.dump()};
}

// A scenario's refusals, and its run's failure, in the language the request asks for: a
// planner's Chinese window or client reads them in Chinese.
ApiResponse Api::submitScenario(const std::string& body, const User& user, const std::string& lang) {
  const json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded()) return errorResponse(400, inLanguage(lang, "body: not valid JSON", "body: 不是有效的 JSON"));
  auto id = c_.scenarios.submit(parsed, user.name, lang);
  if (!id) return errorResponse(id.error().code == ErrorCode::busy ? 503 : 400, id.error().message);
  return {202, json{{"id", *id}, {"state", "queued"}, {"status", "/api/v1/parks/" + c_.park.id + "/scenarios/" + *id}}.dump()};
}

}  // namespace parktwin::server
