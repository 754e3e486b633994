#include "parktwin/feed/sparkplug_payload.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

#include "proto/sparkplug_b.pb.h"

namespace parktwin::feed {
namespace {

namespace pb = org::eclipse::tahu::protobuf;

constexpr std::array<std::pair<SparkplugMessageType, std::string_view>, 8> kTypeNames{{
    {SparkplugMessageType::nbirth, "NBIRTH"},
    {SparkplugMessageType::ndata, "NDATA"},
    {SparkplugMessageType::ndeath, "NDEATH"},
    {SparkplugMessageType::ncmd, "NCMD"},
    {SparkplugMessageType::dbirth, "DBIRTH"},
    {SparkplugMessageType::ddata, "DDATA"},
    {SparkplugMessageType::ddeath, "DDEATH"},
    {SparkplugMessageType::dcmd, "DCMD"},
}};

bool isDeviceMessage(SparkplugMessageType type) {
  return type == SparkplugMessageType::dbirth || type == SparkplugMessageType::ddata ||
         type == SparkplugMessageType::ddeath || type == SparkplugMessageType::dcmd;
}

// Splits at '/', keeping empty parts so that "a//b" is seen as malformed.
std::vector<std::string_view> splitTopic(std::string_view topic) {
  std::vector<std::string_view> parts;
  std::size_t at = 0;
  while (true) {
    const std::size_t slash = topic.find('/', at);
    parts.push_back(topic.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at));
    if (slash == std::string_view::npos) return parts;
    at = slash + 1;
  }
}

std::optional<std::int64_t> asMilliseconds(std::uint64_t value) {
  if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
  return static_cast<std::int64_t>(value);
}

SparkplugValueField readValue(const pb::Payload::Metric& in, SparkplugMetricValue& out) {
  switch (in.value_case()) {
    case pb::Payload::Metric::kIntValue: out.integer_bits = in.int_value(); return SparkplugValueField::int_value;
    case pb::Payload::Metric::kLongValue: out.integer_bits = in.long_value(); return SparkplugValueField::long_value;
    case pb::Payload::Metric::kFloatValue: out.real = in.float_value(); return SparkplugValueField::float_value;
    case pb::Payload::Metric::kDoubleValue: out.real = in.double_value(); return SparkplugValueField::double_value;
    case pb::Payload::Metric::kBooleanValue: out.integer_bits = in.boolean_value() ? 1 : 0; return SparkplugValueField::boolean_value;
    case pb::Payload::Metric::VALUE_NOT_SET: return SparkplugValueField::none;
    default: return SparkplugValueField::other;
  }
}

Result<SparkplugMetricValue> readMetric(const pb::Payload::Metric& in, int index, bool zh) {
  SparkplugMetricValue out;
  if (in.has_name()) out.name = in.name();
  if (in.has_alias()) out.alias = in.alias();
  if (in.has_timestamp()) {
    out.timestamp_ms = asMilliseconds(in.timestamp());
    const std::string where = "metrics/" + std::to_string(index) + "/timestamp";
    if (!out.timestamp_ms) return fail(zh ? where + "：不是以毫秒计的时间" : where + ": not a time in ms");
  }
  if (in.has_datatype()) out.datatype = static_cast<SparkplugDataType>(in.datatype());
  out.is_null = in.is_null();
  out.is_historical = in.is_historical();
  out.field = readValue(in, out);
  return out;
}

// The integer the field holds, read as `type`; nullopt when the field cannot carry that type.
std::optional<double> integerAs(const SparkplugMetricValue& m, SparkplugDataType type) {
  const bool intField = m.field == SparkplugValueField::int_value;
  const bool longField = m.field == SparkplugValueField::long_value;
  const std::uint64_t bits = m.integer_bits;
  switch (type) {
    // Narrow signed types: only the low bits count, so both encodings seen in the field (sign
    // extended to 32 bits, or offset by 2^8 / 2^16 as Tahu's Python client does) read the same.
    case SparkplugDataType::int8: return intField ? std::optional<double>(static_cast<std::int8_t>(bits & 0xffU)) : std::nullopt;
    case SparkplugDataType::int16: return intField ? std::optional<double>(static_cast<std::int16_t>(bits & 0xffffU)) : std::nullopt;
    case SparkplugDataType::int32: return intField ? std::optional<double>(static_cast<std::int32_t>(bits & 0xffffffffU)) : std::nullopt;
    case SparkplugDataType::uint8:
    case SparkplugDataType::uint16: return intField ? std::optional<double>(static_cast<double>(bits)) : std::nullopt;
    case SparkplugDataType::uint32:
      return intField || longField ? std::optional<double>(static_cast<double>(bits)) : std::nullopt;
    case SparkplugDataType::int64: return longField ? std::optional<double>(static_cast<double>(static_cast<std::int64_t>(bits))) : std::nullopt;
    case SparkplugDataType::uint64:
    case SparkplugDataType::datetime: return longField ? std::optional<double>(static_cast<double>(bits)) : std::nullopt;
    default: return std::nullopt;
  }
}

}  // namespace

std::string_view toText(SparkplugMessageType type) {
  for (const auto& [t, name] : kTypeNames) {
    if (t == type) return name;
  }
  return "?";
}

std::optional<SparkplugMessageType> sparkplugMessageTypeFromText(std::string_view text) {
  for (const auto& [t, name] : kTypeNames) {
    if (name == text) return t;
  }
  return std::nullopt;
}

Result<SparkplugTopic> parseSparkplugTopic(std::string_view topic, std::string_view language) {
  // Each refusal in English and Chinese side by side, as the MQTT mapping words its own.
  const bool zh = language == "zh";
  const std::string en = "topic \"" + std::string(topic) + "\": ";
  const std::string cn = "主题“" + std::string(topic) + "”：";
  const auto refuse = [&](const std::string& why, const std::string& whyZh) { return fail(zh ? cn + whyZh : en + why); };
  const auto parts = splitTopic(topic);
  if (parts.size() < 4 || parts.size() > 5 || parts[0] != kSparkplugNamespace) {
    return refuse("expected spBv1.0/<group>/<type>/<edge>[/<device>]", "应为 spBv1.0/<group>/<type>/<edge>[/<device>]");
  }
  const std::string typeText(parts[2]);
  const auto type = sparkplugMessageTypeFromText(parts[2]);
  if (!type) return refuse("unknown message type \"" + typeText + "\"", "未知的消息类型“" + typeText + "”");
  if (parts[1].empty() || parts[3].empty()) return refuse("empty group or edge node id", "组或边缘节点 ID 为空");
  const bool device = isDeviceMessage(*type);
  if (device != (parts.size() == 5) || (device && parts[4].empty())) {
    return device ? refuse(typeText + " needs a device id", typeText + " 需要设备 ID")
                  : refuse(typeText + " has no device id", typeText + " 不应带设备 ID");
  }
  return SparkplugTopic{std::string(parts[1]), *type, std::string(parts[3]), device ? std::string(parts[4]) : std::string()};
}

std::string sparkplugTopic(std::string_view group, SparkplugMessageType type, std::string_view edge, std::string_view device) {
  std::string topic(kSparkplugNamespace);
  for (std::string_view part : {group, toText(type), edge, device}) {
    if (part.empty()) continue;  // only the device may be: node messages have none
    topic += '/';
    topic += part;
  }
  return topic;
}

Result<SparkplugPayload> decodeSparkplugPayload(std::string_view bytes, std::string_view language) {
  const bool zh = language == "zh";
  const auto refuse = [zh](const std::string& en, const std::string& cn) { return fail(zh ? cn : en); };
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return refuse("payload too large", "载荷过大");
  pb::Payload in;
  if (!in.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    const std::string size = std::to_string(bytes.size());
    return refuse("not a Sparkplug B payload (" + size + " bytes that are not valid protobuf)",
                  "不是 Sparkplug B 载荷（" + size + " 字节，不是有效的 protobuf）");
  }
  SparkplugPayload out;
  if (in.has_timestamp()) {
    out.timestamp_ms = asMilliseconds(in.timestamp());
    if (!out.timestamp_ms) return refuse("timestamp: not a time in ms", "timestamp：不是以毫秒计的时间");
  }
  if (in.has_seq()) {
    const std::string seq = std::to_string(in.seq());
    if (in.seq() > 255) return refuse("seq: " + seq + " is not 0-255", "seq：" + seq + " 不在 0-255 之内");
    out.seq = in.seq();
  }
  out.metrics.reserve(static_cast<std::size_t>(in.metrics_size()));
  for (int i = 0; i < in.metrics_size(); ++i) {
    auto metric = readMetric(in.metrics(i), i, zh);
    if (!metric) return std::unexpected(metric.error());
    out.metrics.push_back(std::move(*metric));
  }
  return out;
}

std::optional<double> sparkplugNumber(const SparkplugMetricValue& metric, std::optional<SparkplugDataType> datatype) {
  if (metric.is_null) return std::nullopt;
  const SparkplugDataType type = datatype.value_or(SparkplugDataType::unknown);
  switch (type) {
    case SparkplugDataType::float_:
    case SparkplugDataType::double_:
      if (metric.field != SparkplugValueField::float_value && metric.field != SparkplugValueField::double_value) return std::nullopt;
      return std::isfinite(metric.real) ? std::optional<double>(metric.real) : std::nullopt;
    case SparkplugDataType::boolean:
      return metric.field == SparkplugValueField::boolean_value ? std::optional<double>(metric.integer_bits) : std::nullopt;
    case SparkplugDataType::unknown:
      // No declared type: read the field as it came (unsigned integers, reals, booleans).
      if (metric.field == SparkplugValueField::float_value || metric.field == SparkplugValueField::double_value) {
        return std::isfinite(metric.real) ? std::optional<double>(metric.real) : std::nullopt;
      }
      if (metric.field == SparkplugValueField::int_value || metric.field == SparkplugValueField::long_value ||
          metric.field == SparkplugValueField::boolean_value) {
        return static_cast<double>(metric.integer_bits);
      }
      return std::nullopt;
    default: return integerAs(metric, type);
  }
}

std::string encodeRebirthRequest(std::int64_t now_ms) {
  pb::Payload out;
  out.set_timestamp(static_cast<std::uint64_t>(std::max<std::int64_t>(0, now_ms)));
  auto* metric = out.add_metrics();
  metric->set_name(std::string(kSparkplugRebirthMetric));
  metric->set_timestamp(out.timestamp());
  metric->set_datatype(static_cast<std::uint32_t>(SparkplugDataType::boolean));
  metric->set_boolean_value(true);
  return out.SerializeAsString();
}

}  // namespace parktwin::feed
