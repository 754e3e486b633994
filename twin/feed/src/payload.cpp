#include "parktwin/feed/payload.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "parktwin/common/iso_time.hpp"

namespace parktwin::feed {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::optional<double> wholeNumber(std::string_view s) {
  double v = 0;
  if (s.empty()) return std::nullopt;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

// The publisher's own form {"ts":<int>,"v":<number>} without a JSON library: this is the hot path.
std::optional<PayloadSample> fastPath(std::string_view s) {
  constexpr std::string_view head = "{\"ts\":";
  if (!s.starts_with(head)) return std::nullopt;
  s.remove_prefix(head.size());
  std::int64_t ts = 0;
  auto [p1, e1] = std::from_chars(s.data(), s.data() + s.size(), ts);
  if (e1 != std::errc()) return std::nullopt;
  s.remove_prefix(static_cast<std::size_t>(p1 - s.data()));
  constexpr std::string_view mid = ",\"v\":";
  if (!s.starts_with(mid)) return std::nullopt;
  s.remove_prefix(mid.size());
  double v = 0;
  auto [p2, e2] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (e2 != std::errc() || std::string_view(p2, static_cast<std::size_t>(s.data() + s.size() - p2)) != "}") {
    return std::nullopt;
  }
  if (!std::isfinite(v)) return std::nullopt;
  return PayloadSample{ts, v};
}

}  // namespace

std::optional<TopicParts> parseTopic(std::string_view topic) {
  if (!topic.starts_with(kTopicPrefix) || topic.size() <= kTopicPrefix.size() + 1 ||
      topic[kTopicPrefix.size()] != '/') {
    return std::nullopt;
  }
  topic.remove_prefix(kTopicPrefix.size() + 1);
  const auto slash = topic.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == topic.size()) return std::nullopt;
  return TopicParts{topic.substr(0, slash), topic.substr(slash + 1)};
}

std::string topicFor(std::string_view park, std::string_view tag) {
  std::string t;
  t.reserve(kTopicPrefix.size() + park.size() + tag.size() + 2);
  t.append(kTopicPrefix).append("/").append(park).append("/").append(tag);
  return t;
}

std::string subscriptionFor(std::string_view park) { return topicFor(park, "#"); }

std::optional<std::int64_t> parseIsoInstant(std::string_view t) {
  // Stricter than parktwin::parseIsoInstantMs: a sample's time needs its seconds and a zone
  // (a time without one is ambiguous between the plant's clock and UTC).
  const bool seconds = t.size() >= 19 && t[16] == ':';
  const bool zone = !t.empty() && (t.back() == 'Z' || t.find_first_of("+-", 11) != std::string_view::npos);
  if (!seconds || !zone) return std::nullopt;
  auto instant = parseIsoInstantMs(t);
  if (!instant) return std::nullopt;
  return *instant;
}

namespace {

// Why JSON text that did not parse was refused: a number too large for a double ({"v":1e999})
// is valid JSON, and "not valid JSON" sent its sender looking for a syntax error. Read again
// with exceptions only then, off the path of good messages.
std::string jsonRefusal(std::string_view text) {
  try {
    const auto parsed = nlohmann::json::parse(text.begin(), text.end());  // throws what the first reading discarded
    (void)parsed;
  } catch (const nlohmann::json::out_of_range&) {
    return "payload has a number too large for a double";
  } catch (const nlohmann::json::exception&) {
  }
  return "payload is not valid JSON";
}

}  // namespace

Result<PayloadSample> parsePayload(std::string_view payload) {
  if (payload.size() > kMaxPayloadBytes) {
    return fail("payload of " + std::to_string(payload.size()) + " bytes is over the limit of " +
                std::to_string(kMaxPayloadBytes));
  }
  if (auto fast = fastPath(payload)) return *fast;
  const std::string_view text = trim(payload);
  if (text.empty()) return fail("empty payload");
  if (text.front() != '{') {
    const auto v = wholeNumber(text);
    if (!v) return fail("payload is neither a number nor a JSON object");
    if (!std::isfinite(*v)) return fail("value is not finite");
    return PayloadSample{std::nullopt, *v};
  }
  const auto json = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (json.is_discarded()) return fail(jsonRefusal(text));
  if (!json.is_object()) return fail("payload is not valid JSON");
  const auto v = json.find("v");
  if (v == json.end()) return fail("JSON payload has no \"v\"");
  PayloadSample sample;
  if (v->is_number()) sample.value = v->get<double>();
  else if (v->is_boolean()) sample.value = v->get<bool>() ? 1 : 0;
  else return fail("\"v\" is not a number");
  if (!std::isfinite(sample.value)) return fail("\"v\" is not finite");
  const auto ts = json.find("ts");
  if (ts == json.end() || ts->is_null()) return sample;
  if (ts->is_number_integer()) {
    sample.ts_ms = ts->get<std::int64_t>();
  } else if (ts->is_number_float()) {
    const double ms = ts->get<double>();
    if (!std::isfinite(ms) || std::abs(ms) > 9e15) return fail("\"ts\" is out of range");
    sample.ts_ms = static_cast<std::int64_t>(std::llround(ms));
  } else if (ts->is_string()) {
    sample.ts_ms = parseIsoInstant(ts->get_ref<const std::string&>());
    if (!sample.ts_ms) return fail("\"ts\" is not ISO-8601 with a zone (e.g. 2026-01-01T00:00:00Z)");
  } else {
    return fail("\"ts\" is neither epoch milliseconds nor an ISO-8601 string");
  }
  return sample;
}

std::string formatPayload(std::int64_t ts_ms, double value) {
  char buffer[96];
  char* p = buffer;
  constexpr std::string_view head = "{\"ts\":";
  p = std::copy(head.begin(), head.end(), p);
  p = std::to_chars(p, buffer + sizeof buffer, ts_ms).ptr;
  constexpr std::string_view mid = ",\"v\":";
  p = std::copy(mid.begin(), mid.end(), p);
  p = std::to_chars(p, buffer + sizeof buffer - 1, std::isfinite(value) ? value : 0.0).ptr;
  *p++ = '}';
  return std::string(buffer, p);
}

namespace {

// One [tag, ts, v] of a batch, the index-th; an error names its JSON path (built only then: a
// batch holds thousands of samples).
Result<BatchSample> batchSample(const nlohmann::json& item, std::size_t index) {
  const auto bad = [index](std::string_view rest) { return fail("/samples/" + std::to_string(index) + std::string(rest)); };
  if (!item.is_array() || item.size() != 3) return bad(": expected [tag, ts_ms, value]");
  BatchSample sample;
  if (!item[0].is_string() || item[0].get_ref<const std::string&>().empty()) return bad("/0: expected a tag id");
  sample.tag = item[0].get<std::string>();
  if (sample.tag == kBatchTag) return bad("/0: " + std::string(kBatchTag) + " is not a tag");
  if (!item[1].is_number_integer()) return bad("/1: expected the source timestamp in epoch milliseconds");
  sample.ts_ms = item[1].get<std::int64_t>();
  if (item[2].is_boolean()) {
    sample.value = item[2].get<bool>() ? 1 : 0;
  } else if (item[2].is_number()) {
    sample.value = item[2].get<double>();
  } else {
    return bad("/2: expected a number or a boolean");
  }
  if (!std::isfinite(sample.value)) return bad("/2: the value is not finite");
  return sample;
}

// The gateway's own form, exactly as JSON.stringify writes it (no spaces, plain ASCII tags
// without escapes), without a JSON library: nlohmann-json decoded batches some 30 times slower
// than the one-value fast path. Anything else, valid or not, returns nullopt and goes through
// nlohmann-json, which also names what is wrong.
class FastBatchReader {
 public:
  explicit FastBatchReader(std::string_view text) : s_(text) {}

  std::optional<std::vector<BatchSample>> read() {
    std::vector<BatchSample> out;
    if (!take("{\"samples\":[")) return std::nullopt;
    if (take("]}")) return s_.empty() ? std::optional(std::move(out)) : std::nullopt;
    do {
      BatchSample sample;
      if (!take("[\"") || !tag(sample.tag) || !take("\",") || !integer(sample.ts_ms) || !take(",") || !value(sample.value) ||
          !take("]")) {
        return std::nullopt;
      }
      out.push_back(std::move(sample));
    } while (take(","));
    if (!take("]}") || !s_.empty()) return std::nullopt;
    return out;
  }

 private:
  bool take(std::string_view token) {
    if (!s_.starts_with(token)) return false;
    s_.remove_prefix(token.size());
    return true;
  }
  bool tag(std::string& out) {
    std::size_t n = 0;
    while (n < s_.size() && s_[n] != '"') {
      const auto c = static_cast<unsigned char>(s_[n]);
      if (c < 0x20 || c >= 0x80 || c == '\\') return false;  // escapes, control bytes, UTF-8: the full parser
      ++n;
    }
    if (n == 0 || n == s_.size() || s_.substr(0, n) == kBatchTag) return false;
    out.assign(s_.substr(0, n));
    s_.remove_prefix(n);
    return true;
  }
  // JSON has no leading zeros ("01") and no '+'; from_chars would take the first.
  bool leadingZero() const {
    const std::string_view digits = s_.starts_with('-') ? s_.substr(1) : s_;
    return digits.size() > 1 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9';
  }
  bool integer(std::int64_t& out) {
    if (leadingZero()) return false;
    const auto [end, ec] = std::from_chars(s_.data(), s_.data() + s_.size(), out);
    if (ec != std::errc()) return false;
    s_.remove_prefix(static_cast<std::size_t>(end - s_.data()));
    return true;
  }
  bool value(double& out) {
    if (take("true")) {
      out = 1;
      return true;
    }
    if (take("false")) {
      out = 0;
      return true;
    }
    // from_chars also reads "inf", "nan", "-.5" and "1.": a JSON number starts with a digit,
    // after an optional '-', and has a digit after the point.
    const std::string_view digits = s_.starts_with('-') ? s_.substr(1) : s_;
    if (digits.empty() || digits[0] < '0' || digits[0] > '9' || leadingZero()) return false;
    const auto [end, ec] = std::from_chars(s_.data(), s_.data() + s_.size(), out, std::chars_format::general);
    if (ec != std::errc() || !std::isfinite(out)) return false;
    const std::string_view number(s_.data(), static_cast<std::size_t>(end - s_.data()));
    if (const auto dot = number.find('.'); dot != std::string_view::npos && (dot + 1 == number.size() || number[dot + 1] < '0' || number[dot + 1] > '9')) {
      return false;
    }
    s_.remove_prefix(number.size());
    return true;
  }

  std::string_view s_;
};

}  // namespace

Result<std::vector<BatchSample>> parseBatchPayload(std::string_view payload) {
  if (payload.size() > kMaxBatchPayloadBytes) {
    return fail("batch of " + std::to_string(payload.size()) + " bytes is over the limit of " +
                std::to_string(kMaxBatchPayloadBytes));
  }
  if (auto fast = FastBatchReader(payload).read()) return std::move(*fast);
  const auto json = nlohmann::json::parse(payload.begin(), payload.end(), nullptr, false);
  if (json.is_discarded() || !json.is_object()) return fail("batch is not a JSON object");
  const auto samples = json.find("samples");
  if (samples == json.end() || !samples->is_array()) return fail("/samples: expected an array of [tag, ts_ms, value]");
  std::vector<BatchSample> out;
  out.reserve(samples->size());
  for (std::size_t i = 0; i < samples->size(); ++i) {
    auto sample = batchSample((*samples)[i], i);
    if (!sample) return std::unexpected(sample.error());
    out.push_back(std::move(*sample));
  }
  return out;
}

std::string formatBatchPayload(const std::vector<BatchSample>& samples) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : samples) items.push_back({s.tag, s.ts_ms, std::isfinite(s.value) ? s.value : 0.0});
  return nlohmann::json{{"samples", std::move(items)}}.dump();
}

}  // namespace parktwin::feed
