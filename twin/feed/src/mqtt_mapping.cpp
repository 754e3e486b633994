#include "parktwin/feed/mqtt_mapping.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "parktwin/feed/payload.hpp"
#include "parktwin/feed/value_mapping.hpp"

namespace parktwin::feed {

namespace {

using nlohmann::json;

std::vector<std::string_view> splitLevels(std::string_view topic) {
  std::vector<std::string_view> levels;
  std::size_t at = 0;
  while (true) {
    const std::size_t slash = topic.find('/', at);
    levels.push_back(topic.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at));
    if (slash == std::string_view::npos) return levels;
    at = slash + 1;
  }
}

bool isPartName(std::string_view name) {
  return !name.empty() && std::ranges::all_of(name, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::optional<std::string_view> partName(std::string_view level) {
  if (level.size() < 2 || level.front() != '{' || level.back() != '}') return std::nullopt;
  return level.substr(1, level.size() - 2);
}

std::string_view trim(std::string_view text) {
  const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::optional<double> numberFromText(std::string_view text) {
  text = trim(text);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> numberFromJson(const json& value) {
  if (value.is_boolean()) return value.get<bool>() ? 1.0 : 0.0;
  if (value.is_number()) {
    const double x = value.get<double>();
    return std::isfinite(x) ? std::optional<double>(x) : std::nullopt;
  }
  if (value.is_string()) return numberFromText(value.get_ref<const std::string&>());
  return std::nullopt;
}

const json* at(const json& document, const std::string& pointer) {
  try {
    const json::json_pointer p(pointer);
    return document.contains(p) ? &document.at(p) : nullptr;
  } catch (const json::exception&) {
    return nullptr;  // a pointer the reader let through that this document cannot follow
  }
}

// Epoch numbers within +-9999 years, so the conversion to milliseconds cannot overflow.
constexpr double kMaxEpochMs = 253'402'300'800'000.0;

Result<std::int64_t> timestampFrom(TimestampFormat format, std::optional<double> number, std::string_view text) {
  if (format == TimestampFormat::iso8601) {
    if (auto ms = parseIsoInstant(trim(text))) return *ms;
    return fail("timestamp \"" + std::string(text.substr(0, 40)) + "\" is not ISO-8601 with a zone");
  }
  if (!number) return fail("timestamp \"" + std::string(text.substr(0, 40)) + "\" is not a number");
  const double ms = format == TimestampFormat::epoch_s ? *number * 1000.0 : *number;
  if (!(std::fabs(ms) < kMaxEpochMs)) return fail("timestamp " + std::string(text.substr(0, 40)) + " is out of range");
  return static_cast<std::int64_t>(std::llround(ms));
}

Result<std::int64_t> jsonTimestamp(const MqttSubscription& s, const json& document, std::int64_t receipt_ms) {
  if (s.timestamp == TimestampFormat::receipt || s.timestamp_pointer.empty()) return receipt_ms;
  const json* ts = at(document, s.timestamp_pointer);
  if (!ts) return fail("no timestamp at " + s.timestamp_pointer);
  const std::string text = ts->is_string() ? ts->get<std::string>() : ts->dump();
  return timestampFrom(s.timestamp, numberFromJson(*ts), text);
}

struct Emitter {
  const TopicPattern& pattern;
  const std::vector<std::string>& parts;
  std::vector<MappedSample> samples;

  Result<void> add(const ValueMapping& mapping, double raw, std::int64_t ts_ms, const std::string* key = nullptr) {
    std::vector<std::string> names = pattern.part_names;
    std::vector<std::string> values = parts;
    if (key) {
      names.emplace_back("key");
      values.push_back(*key);
    }
    auto tag = expandTagPattern(mapping.tag, names, values);
    if (!tag) return std::unexpected(tag.error());
    samples.push_back({std::move(*tag), ts_ms, mappedValue(mapping, raw), mapping.deadband});
    return {};
  }
};

Result<void> mapJson(const MqttSubscription& s, std::string_view payload, std::int64_t receipt_ms, Emitter& out) {
  const json document = json::parse(payload, nullptr, false);
  if (document.is_discarded()) return fail("not valid JSON");
  auto ts = jsonTimestamp(s, document, receipt_ms);
  if (!ts) return std::unexpected(ts.error());
  for (const auto& v : s.values) {
    const json* raw = at(document, v.value_pointer);
    if (!raw) return fail("no value at " + v.value_pointer);
    const auto number = numberFromJson(*raw);
    if (!number) return fail("the value at " + v.value_pointer + " is not a number");
    if (auto added = out.add(v.mapping, *number, *ts); !added) return added;
  }
  if (s.readings_pointer.empty() && s.readings_mapping.tag.empty()) return {};
  const json* readings = at(document, s.readings_pointer);
  if (!readings || !readings->is_object()) return fail("no object of readings at " + s.readings_pointer);
  for (const auto& [key, value] : readings->items()) {
    const auto number = numberFromJson(value);
    if (!number) continue;
    if (auto added = out.add(s.readings_mapping, *number, *ts, &key); !added) return added;
  }
  return {};
}

Result<void> mapCsv(const MqttSubscription& s, std::string_view payload, std::int64_t receipt_ms, Emitter& out) {
  const std::string_view line = trim(payload.substr(0, payload.find('\n')));
  std::vector<std::string_view> columns;
  for (std::size_t at = 0;;) {
    const std::size_t comma = line.find(',', at);
    columns.push_back(trim(line.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at)));
    if (comma == std::string_view::npos) break;
    at = comma + 1;
  }
  const auto column = [&](int i) -> Result<std::string_view> {
    if (i < 0 || static_cast<std::size_t>(i) >= columns.size()) {
      return fail("no column " + std::to_string(i) + " (the line has " + std::to_string(columns.size()) + ")");
    }
    return columns[static_cast<std::size_t>(i)];
  };
  std::int64_t ts_ms = receipt_ms;
  if (s.timestamp != TimestampFormat::receipt && s.timestamp_csv_column >= 0) {
    auto text = column(s.timestamp_csv_column);
    if (!text) return std::unexpected(text.error());
    auto ts = timestampFrom(s.timestamp, numberFromText(*text), *text);
    if (!ts) return std::unexpected(ts.error());
    ts_ms = *ts;
  }
  for (const auto& v : s.values) {
    auto text = column(v.csv_column);
    if (!text) return std::unexpected(text.error());
    const auto number = numberFromText(*text);
    if (!number) return fail("column " + std::to_string(v.csv_column) + " is not a number");
    if (auto added = out.add(v.mapping, *number, ts_ms); !added) return added;
  }
  return {};
}

}  // namespace

Result<TopicPattern> compileTopicPattern(std::string_view pattern, std::string_view language) {
  // Each refusal in English and Chinese side by side (the connections file's reader words it).
  const bool zh = language == "zh";
  const auto refuse = [zh](const std::string& en, const std::string& cn) { return fail(zh ? cn : en); };
  if (pattern.empty()) return refuse("the topic pattern is empty", "主题模式为空");
  TopicPattern compiled;
  const auto levels = splitLevels(pattern);
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const std::string_view level = levels[i];
    std::string sent(level);
    if (level == "#" && i + 1 != levels.size()) return refuse("'#' must be the last level of \"" + std::string(pattern) + "\"", "“#”必须是“" + std::string(pattern) + "”的最后一级");
    if (auto name = partName(level)) {
      if (!isPartName(*name)) return refuse("part name {" + std::string(*name) + "}: expected letters, digits or '_'",
                      "部分名称 {" + std::string(*name) + "}：应由字母、数字或“_”组成");
      if (std::ranges::find(compiled.part_names, *name) != compiled.part_names.end()) {
        return refuse("part {" + std::string(*name) + "} appears twice", "部分 {" + std::string(*name) + "} 出现了两次");
      }
      compiled.part_names.emplace_back(*name);
      sent = "+";
    } else if (level != "+" && level != "#" &&
               level.find_first_of("+#{}") != std::string_view::npos) {
      return refuse("level \"" + std::string(level) + "\": '+', '#' and {part} must fill a whole level",
                    "层级“" + std::string(level) + "”：“+”、“#”和 {part} 必须独占一整级");
    }
    compiled.levels.emplace_back(level);
    compiled.subscription += (i ? "/" : "") + sent;
  }
  return compiled;
}

std::optional<std::vector<std::string>> matchTopic(const TopicPattern& pattern, std::string_view topic) {
  const auto levels = splitLevels(topic);
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < pattern.levels.size(); ++i) {
    const std::string& want = pattern.levels[i];
    if (want == "#") return parts;  // also matches the parent level itself, as MQTT does
    if (i >= levels.size()) return std::nullopt;
    if (want == "+") continue;
    if (partName(want)) {
      parts.emplace_back(levels[i]);
    } else if (want != levels[i]) {
      return std::nullopt;
    }
  }
  if (levels.size() != pattern.levels.size()) return std::nullopt;
  return parts;
}

Result<std::string> expandTagPattern(std::string_view pattern, const std::vector<std::string>& names,
                                     const std::vector<std::string>& values) {
  std::string tag;
  for (std::size_t at = 0; at < pattern.size();) {
    const std::size_t open = pattern.find('{', at);
    tag += pattern.substr(at, open == std::string_view::npos ? std::string_view::npos : open - at);
    if (open == std::string_view::npos) break;
    const std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) return fail("tag pattern \"" + std::string(pattern) + "\": unclosed '{'");
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    const auto it = std::ranges::find(names, name);
    if (it == names.end()) return fail("tag pattern \"" + std::string(pattern) + "\": no part {" + std::string(name) + "}");
    const std::string& value = values[static_cast<std::size_t>(it - names.begin())];
    if (value.empty()) return fail("tag pattern \"" + std::string(pattern) + "\": part {" + std::string(name) + "} is empty");
    tag += value;
    at = close + 1;
  }
  return tag;
}

Result<std::vector<MappedSample>> mapMessage(const MqttSubscription& subscription, const TopicPattern& pattern,
                                             const std::vector<std::string>& parts, std::string_view payload,
                                             std::int64_t receipt_ms) {
  if (payload.size() > kMaxMappedPayloadBytes) {
    return fail("payload of " + std::to_string(payload.size()) + " bytes is over the limit");
  }
  Emitter out{pattern, parts, {}};
  Result<void> mapped;
  switch (subscription.payload) {
    case PayloadFormat::json:
      mapped = mapJson(subscription, payload, receipt_ms, out);
      break;
    case PayloadFormat::csv:
      mapped = mapCsv(subscription, payload, receipt_ms, out);
      break;
    case PayloadFormat::number: {
      const auto number = numberFromText(payload);
      if (!number) return fail("payload \"" + std::string(trim(payload).substr(0, 40)) + "\" is not a number");
      for (const auto& v : subscription.values) {
        if (mapped = out.add(v.mapping, *number, receipt_ms); !mapped) break;
      }
      break;
    }
  }
  if (!mapped) return std::unexpected(mapped.error());
  return std::move(out.samples);
}

}  // namespace parktwin::feed
