#pragma once
// Sparkplug B (spBv1.0) on the wire, as pure functions with no I/O so they can be unit-tested
// and fuzzed on their own: topics, and payloads decoded from Protocol Buffers into plain structs
// (the generated protobuf code stays private to parktwin::feed).
//   topic: spBv1.0/<group>/<NBIRTH|NDATA|NDEATH|NCMD|DBIRTH|DDATA|DDEATH|DCMD>/<edge>[/<device>]
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"

namespace parktwin::feed {

inline constexpr std::string_view kSparkplugNamespace = "spBv1.0";
inline constexpr std::string_view kSparkplugRebirthMetric = "Node Control/Rebirth";

enum class SparkplugMessageType { nbirth, ndata, ndeath, ncmd, dbirth, ddata, ddeath, dcmd };

std::string_view toText(SparkplugMessageType type);
std::optional<SparkplugMessageType> sparkplugMessageTypeFromText(std::string_view text);

struct SparkplugTopic {
  std::string group_id;
  SparkplugMessageType type = SparkplugMessageType::ndata;
  std::string edge_node_id;
  std::string device_id;  // empty for node messages (N*)
};

// Device messages (D*) need a device id, node messages (N*) must not have one. Refusals in
// `language` ("zh" or "en").
Result<SparkplugTopic> parseSparkplugTopic(std::string_view topic, std::string_view language = "en");
std::string sparkplugTopic(std::string_view group, SparkplugMessageType type, std::string_view edge,
                           std::string_view device = {});

// The specification's data type codes.
enum class SparkplugDataType : std::uint32_t {
  unknown = 0, int8 = 1, int16 = 2, int32 = 3, int64 = 4, uint8 = 5, uint16 = 6, uint32 = 7,
  uint64 = 8, float_ = 9, double_ = 10, boolean = 11, string = 12, datetime = 13, text = 14,
  uuid = 15, dataset = 16, bytes = 17, file = 18, template_ = 19
};

// Which field of the protobuf `value` oneof the metric carried.
enum class SparkplugValueField { none, int_value, long_value, float_value, double_value, boolean_value, other };

struct SparkplugMetricValue {
  std::optional<std::string> name;
  std::optional<std::uint64_t> alias;
  std::optional<std::int64_t> timestamp_ms;
  std::optional<SparkplugDataType> datatype;
  bool is_null = false;
  bool is_historical = false;
  SparkplugValueField field = SparkplugValueField::none;
  std::uint64_t integer_bits = 0;  // int_value / long_value / boolean_value as sent
  double real = 0;                 // float_value / double_value
};

struct SparkplugPayload {
  std::optional<std::int64_t> timestamp_ms;
  std::optional<std::uint64_t> seq;
  std::vector<SparkplugMetricValue> metrics;
};

// Rejects bytes that are not a Sparkplug payload, and metrics whose timestamps or sequence
// number cannot be a time in ms or a byte. The error says what was wrong, in `language` ("zh" or "en").
Result<SparkplugPayload> decodeSparkplugPayload(std::string_view bytes, std::string_view language = "en");

// The metric's value as a number, read with `datatype` (the metric's own, else the one its birth
// declared): signed types from two's complement, booleans as 0/1. nullopt for null, strings,
// bytes, data sets and templates, and for a value field that does not fit the type.
std::optional<double> sparkplugNumber(const SparkplugMetricValue& metric, std::optional<SparkplugDataType> datatype);

// The NCMD payload asking an edge node to publish its births again.
std::string encodeRebirthRequest(std::int64_t now_ms);

}  // namespace parktwin::feed
