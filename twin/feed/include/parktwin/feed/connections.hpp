#pragma once
// The connections file (parktwin-connections/1, docs/connections.md): which plant sources feed
// which park tags, and how each raw reading becomes a tag value. These are the types every
// protocol shares; the reader (connections_reader) fills them, each protocol's runtime
// (mqtt_mapping, modbus_poller, sparkplug_*, opcua_gateway) takes its own source type.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/feed/broker.hpp"

namespace parktwin::feed {

inline constexpr std::string_view kConnectionsFormat = "parktwin-connections/1";

enum class SourceKind { mqtt, sparkplug, modbus, opcua };

// From a raw reading to the tag's value: value = raw * scale + offset. A value that differs by
// less than `deadband` (in the tag's unit) from the last one passed on for that tag is dropped.
// `unit`, when given, must equal the park tag's unit (checked against the park, not here).
struct ValueMapping {
  std::string tag;  // park tag id
  double scale = 1;
  double offset = 0;
  double deadband = 0;
  std::string unit;  // empty: not checked
};

// ---- MQTT in any shape --------------------------------------------------------------------
enum class PayloadFormat { number, json, csv };
enum class TimestampFormat { receipt, epoch_ms, epoch_s, iso8601 };

// One value taken from a message. For json the value is found at `value_pointer`
// (a JSON pointer such as "/data/temp"); for csv at column `csv_column` (0-based).
// `mapping.tag` may use the named parts of the topic pattern: "{line}.temp".
struct MqttValue {
  std::string value_pointer;  // json
  int csv_column = 0;         // csv
  ValueMapping mapping;
};

struct MqttSubscription {
  std::string topic;  // pattern: MQTT wildcards + and #, or named parts "plant/{line}/temp"
  PayloadFormat payload = PayloadFormat::json;
  std::string timestamp_pointer;  // json: JSON pointer of the timestamp; empty: receipt time
  int timestamp_csv_column = -1;  // csv: column of the timestamp; -1: receipt time
  TimestampFormat timestamp = TimestampFormat::receipt;
  // The values of one message. A JSON object of readings is mapped with `readings_pointer`:
  // every member of the object at that pointer becomes a value, its name usable as {key}.
  std::vector<MqttValue> values;
  std::string readings_pointer;  // json: empty unless the message is an object of readings
  ValueMapping readings_mapping; // tag pattern for readings, e.g. "{line}.{key}"
  int qos = 1;
};

struct MqttSource {
  BrokerOptions broker;
  std::vector<MqttSubscription> subscriptions;
};

// ---- Sparkplug B (spBv1.0) ------------------------------------------------------------------
struct SparkplugMetric {
  std::string device;  // empty: a metric of the edge node itself (NBIRTH/NDATA)
  std::string metric;  // the metric name in the births, e.g. "Line1/Temperature"
  ValueMapping mapping;
};

struct SparkplugSource {
  BrokerOptions broker;
  std::string group_id;
  std::string edge_node_id;
  std::vector<SparkplugMetric> metrics;
  bool request_rebirth = true;  // send NCMD "Node Control/Rebirth" on an unknown alias or seq gap
};

// ---- Modbus TCP -----------------------------------------------------------------------------
enum class ModbusTable { holding_register, input_register, coil, discrete_input };
enum class ModbusType { int16, uint16, int32, uint32, float32, float64, boolean };
// Word order of values wider than one register: big (high word first, the Modbus convention)
// or little (low word first, as many meters send it).
enum class WordOrder { big, little };

struct ModbusPoint {
  ModbusTable table = ModbusTable::holding_register;
  int address = 0;  // 0-based register or coil address
  ModbusType type = ModbusType::uint16;
  WordOrder word_order = WordOrder::big;
  ValueMapping mapping;
};

struct ModbusSource {
  std::string host;
  int port = 502;
  int unit_id = 1;
  int poll_interval_ms = 1000;
  int timeout_ms = 1000;
  int reconnect_delay_min_ms = 500;
  int reconnect_delay_max_ms = 30'000;
  // Unmapped registers (bits for coils and inputs) between two points that are still read in
  // one request rather than split into two: fewer round trips, but a device that refuses reads
  // of holes in its map (exception 2, illegal data address) needs 0.
  int max_gap = 8;
  std::vector<ModbusPoint> points;
};

// ---- OPC UA (through the bundled node-opcua gateway) ----------------------------------------
enum class OpcUaSecurity { none, basic256sha256_sign, basic256sha256_sign_and_encrypt };

struct OpcUaNode {
  std::string node_id;  // "ns=2;s=Line1.Temperature", "ns=1;i=1001"
  int sampling_interval_ms = 500;
  ValueMapping mapping;
};

struct OpcUaSource {
  std::string endpoint;  // "opc.tcp://host:4840/path"
  OpcUaSecurity security = OpcUaSecurity::none;
  std::string certificate_file;  // ours, for Basic256Sha256
  std::string private_key_file;
  std::string username;  // empty: anonymous
  std::string password;
  std::vector<OpcUaNode> nodes;
};

// ---- The file -------------------------------------------------------------------------------
struct Source {
  std::string id;  // unique within the file; names the source in counters and the window
  SourceKind kind = SourceKind::mqtt;
  std::variant<MqttSource, SparkplugSource, ModbusSource, OpcUaSource> config;
};

struct Connections {
  std::string park;  // the park id the tags belong to
  std::vector<Source> sources;
};

// ---- What a running source reports ----------------------------------------------------------
struct SourceCounters {
  bool connected = false;
  std::uint64_t values = 0;     // samples handed on
  std::uint64_t polls = 0;      // Modbus requests; MQTT messages received
  std::uint64_t errors = 0;     // failed requests, malformed messages
  std::uint64_t timeouts = 0;
  std::uint64_t reconnects = 0;
  std::uint64_t gaps = 0;       // times the source was away (values may be missing)
  std::string last_error;
  // The first error since the start, kept when later ones come: often their cause (a wrong
  // NodeId, a refused login) that a stream of "connection lost" would otherwise hide.
  std::string first_error;
  // The same two in Chinese, where the source words the error itself (else empty: English shown).
  std::string last_error_zh;
  std::string first_error_zh;

  void noteError(std::string message, std::string messageZh = {}) {
    if (first_error.empty()) {
      first_error = message;
      first_error_zh = messageZh;
    }
    last_error = std::move(message);
    last_error_zh = std::move(messageZh);
  }
  // The last error in `language` ("zh" or "en"), for a window in that language.
  std::string lastError(std::string_view language) const {
    return language == "zh" && !last_error_zh.empty() ? last_error_zh : last_error;
  }
  // The first error since the start in `language`, whether or not it is also the last.
  std::string firstError(std::string_view language) const {
    return language == "zh" && !first_error_zh.empty() ? first_error_zh : first_error;
  }
  // The first error where it is not the last too (else empty): what to show beside the last.
  std::string earlierError(std::string_view language = "en") const {
    if (first_error == last_error) return {};
    return language == "zh" && !first_error_zh.empty() ? first_error_zh : first_error;
  }
};

// Where a running source puts what it reads. `sample` as for the MQTT feed; `stale` says the
// tag's last value is no longer current (a Sparkplug death, a lost device), at ts_ms.
struct SourceSink {
  std::function<void(std::string_view tag, std::int64_t ts_ms, double value)> sample;
  std::function<void(std::string_view tag, std::int64_t ts_ms)> stale;
  // Optional: make every sample passed to `sample` so far durable (the historian's commit). With
  // it, an MQTT source with a client id acknowledges its QoS 1 messages only after this
  // succeeded, so a crash loses none the broker forgot (docs/connections.md, "Acknowledged").
  // Called on the source's own thread.
  std::function<Result<void>()> commit;
};

// A source at run time: connects in the background, reconnects with backoff until stop().
class LiveSource {
 public:
  virtual ~LiveSource() = default;
  virtual const std::string& id() const = 0;
  virtual Result<void> start() = 0;
  virtual void stop() = 0;
  virtual SourceCounters counters() const = 0;
};

}  // namespace parktwin::feed
