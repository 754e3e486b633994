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

// A refusal in the language asked for, worded in English and Chinese side by side: a running
// source keeps both (SourceCounters) and the window or CLI picks by its language.
struct Refusal {
  bool zh = false;
  std::unexpected<Error> operator()(const std::string& en, const std::string& cn) const { return fail(zh ? cn : en); }
};

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

Result<std::int64_t> timestampFrom(TimestampFormat format, std::optional<double> number, std::string_view text,
                                   const Refusal& refuse) {
  const std::string shown(text.substr(0, 40));
  if (format == TimestampFormat::iso8601) {
    if (auto ms = parseIsoInstant(trim(text))) return *ms;
    return refuse("timestamp \"" + shown + "\" is not ISO-8601 with a zone", "时间戳“" + shown + "”不是带时区的 ISO-8601 时间");
  }
  if (!number) return refuse("timestamp \"" + shown + "\" is not a number", "时间戳“" + shown + "”不是数字");
  const double ms = format == TimestampFormat::epoch_s ? *number * 1000.0 : *number;
  if (!(std::fabs(ms) < kMaxEpochMs)) return refuse("timestamp " + shown + " is out of range", "时间戳 " + shown + " 超出范围");
  return static_cast<std::int64_t>(std::llround(ms));
}

Result<std::int64_t> jsonTimestamp(const MqttSubscription& s, const json& document, std::int64_t receipt_ms,
                                   const Refusal& refuse) {
  if (s.timestamp == TimestampFormat::receipt || s.timestamp_pointer.empty()) return receipt_ms;
  const json* ts = at(document, s.timestamp_pointer);
  if (!ts) return refuse("no timestamp at " + s.timestamp_pointer, s.timestamp_pointer + " 处没有时间戳");
  const std::string text = ts->is_string() ? ts->get<std::string>() : ts->dump();
  return timestampFrom(s.timestamp, numberFromJson(*ts), text, refuse);
}

struct Emitter {
  const TopicPattern& pattern;
  const std::vector<std::string>& parts;
  const Refusal& refuse;
  std::vector<MappedSample> samples;

  Result<void> add(const ValueMapping& mapping, double raw, std::int64_t ts_ms, const std::string* key = nullptr) {
    std::vector<std::string> names = pattern.part_names;
    std::vector<std::string> values = parts;
    if (key) {
      names.emplace_back("key");
      values.push_back(*key);
    }
    auto tag = expandTagPattern(mapping.tag, names, values, refuse.zh ? "zh" : "en");
    if (!tag) return std::unexpected(tag.error());
    samples.push_back({std::move(*tag), ts_ms, mappedValue(mapping, raw), mapping.deadband});
    return {};
  }
};

Result<void> mapJson(const MqttSubscription& s, std::string_view payload, std::int64_t receipt_ms, Emitter& out) {
  const json document = json::parse(payload, nullptr, false);
  const Refusal& refuse = out.refuse;
  if (document.is_discarded()) return refuse("not valid JSON", "不是有效的 JSON");
  auto ts = jsonTimestamp(s, document, receipt_ms, refuse);
  if (!ts) return std::unexpected(ts.error());
  for (const auto& v : s.values) {
    const json* raw = at(document, v.value_pointer);
    if (!raw) return refuse("no value at " + v.value_pointer, v.value_pointer + " 处没有值");
    const auto number = numberFromJson(*raw);
    if (!number) return refuse("the value at " + v.value_pointer + " is not a number", v.value_pointer + " 处的值不是数字");
    if (auto added = out.add(v.mapping, *number, *ts); !added) return added;
  }
  if (s.readings_pointer.empty() && s.readings_mapping.tag.empty()) return {};
  const json* readings = at(document, s.readings_pointer);
  if (!readings || !readings->is_object()) {
    return refuse("no object of readings at " + s.readings_pointer, s.readings_pointer + " 处没有读数对象");
  }
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
      return out.refuse("no column " + std::to_string(i) + " (the line has " + std::to_string(columns.size()) + ")",
                        "没有第 " + std::to_string(i) + " 列（该行只有 " + std::to_string(columns.size()) + " 列）");
    }
    return columns[static_cast<std::size_t>(i)];
  };
  std::int64_t ts_ms = receipt_ms;
  if (s.timestamp != TimestampFormat::receipt && s.timestamp_csv_column >= 0) {
    auto text = column(s.timestamp_csv_column);
    if (!text) return std::unexpected(text.error());
    auto ts = timestampFrom(s.timestamp, numberFromText(*text), *text, out.refuse);
    if (!ts) return std::unexpected(ts.error());
    ts_ms = *ts;
  }
  for (const auto& v : s.values) {
    auto text = column(v.csv_column);
    if (!text) return std::unexpected(text.error());
    const auto number = numberFromText(*text);
    if (!number) {
      return out.refuse("column " + std::to_string(v.csv_column) + " is not a number",
                        "第 " + std::to_string(v.csv_column) + " 列不是数字");
    }
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
                                     const std::vector<std::string>& values, std::string_view language) {
  const Refusal refuse{language == "zh"};
  const std::string quoted(pattern);
  std::string tag;
  for (std::size_t at = 0; at < pattern.size();) {
    const std::size_t open = pattern.find('{', at);
    tag += pattern.substr(at, open == std::string_view::npos ? std::string_view::npos : open - at);
    if (open == std::string_view::npos) break;
    const std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) {
      return refuse("tag pattern \"" + quoted + "\": unclosed '{'", "标签模式“" + quoted + "”：“{”没有闭合");
    }
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    const auto it = std::ranges::find(names, name);
    if (it == names.end()) {
      return refuse("tag pattern \"" + quoted + "\": no part {" + std::string(name) + "}",
                    "标签模式“" + quoted + "”：没有部分 {" + std::string(name) + "}");
    }
    const std::string& value = values[static_cast<std::size_t>(it - names.begin())];
    if (value.empty()) {
      return refuse("tag pattern \"" + quoted + "\": part {" + std::string(name) + "} is empty",
                    "标签模式“" + quoted + "”：部分 {" + std::string(name) + "} 为空");
    }
    tag += value;
    at = close + 1;
  }
  return tag;
}

Result<std::vector<MappedSample>> mapMessage(const MqttSubscription& subscription, const TopicPattern& pattern,
                                             const std::vector<std::string>& parts, std::string_view payload,
                                             std::int64_t receipt_ms, std::string_view language) {
  const Refusal refuse{language == "zh"};
  if (payload.size() > kMaxMappedPayloadBytes) {
    return refuse("payload of " + std::to_string(payload.size()) + " bytes is over the limit",
                  std::to_string(payload.size()) + " 字节的载荷超过上限");
  }
  Emitter out{pattern, parts, refuse, {}};
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
      if (!number) {
        const std::string shown(trim(payload).substr(0, 40));
        return refuse("payload \"" + shown + "\" is not a number", "载荷“" + shown + "”不是数字");
      }
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
