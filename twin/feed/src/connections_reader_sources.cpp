// One reader per source kind of the connections file (docs/connections.md).
#include <algorithm>

#include "connections_reader_detail.hpp"
#include "parktwin/feed/modbus_map.hpp"
#include "parktwin/feed/mqtt_mapping.hpp"

namespace parktwin::feed::detail {

namespace {

void checkPointer(ObjectReader& r, const std::string& key, const std::string& pointer, Problems& problems) {
  if (!pointer.empty() && pointer.front() != '/') {
    problems.add(r.pathOf(key), "expected a JSON pointer starting with '/', got \"" + pointer + "\"",
                 "应为以“/”开头的 JSON 指针，实际为“" + pointer + "”");
    return;
  }
  try {
    (void)json::json_pointer(pointer);
  } catch (const json::exception&) {
    problems.add(r.pathOf(key), "not a valid JSON pointer: \"" + pointer + "\" ('~' must be ~0 or ~1)",
                 "不是有效的 JSON 指针：“" + pointer + "”（“~”只能写作 ~0 或 ~1）");
  }
}

// The array under `key`, each element an object read by `readOne(reader)`.
template <typename ReadOne>
void forEachObject(ObjectReader& r, const std::string& key, bool required, Problems& problems, ReadOne readOne) {
  const json* items = r.array(key, required);
  if (!items) return;
  if (required && items->empty()) problems.add(r.pathOf(key), "expected at least one entry", "应至少有一项");
  for (std::size_t i = 0; i < items->size(); ++i) {
    ObjectReader item((*items)[i], r.pathOf(key) + "/" + std::to_string(i), problems);
    if (item.valid()) readOne(item);
  }
}

void readTimestamp(ObjectReader& r, MqttSubscription& s, Problems& problems) {
  const bool given = r.raw("timestamp") != nullptr;
  const auto format = r.kind<TimestampFormat>("timestamp", false);
  s.timestamp = format.value_or(TimestampFormat::receipt);
  if (given && !format) {
    // A word that is no format ("iso") has its problem; receipt is only the fallback, which the
    // user never wrote: no problem follows from it (QA: "a pointer needs ... other than
    // receipt" after "iso"). The pointer or column is still checked on its own.
    if (s.payload == PayloadFormat::json) {
      s.timestamp_pointer = r.string("timestamp_pointer", false);
      checkPointer(r, "timestamp_pointer", s.timestamp_pointer, problems);
    } else if (s.payload == PayloadFormat::csv) {
      s.timestamp_csv_column = r.integer("timestamp_column", 0, 1000, false, -1);
    }
    return;
  }
  const bool receipt = s.timestamp == TimestampFormat::receipt;
  if (s.payload == PayloadFormat::json) {
    s.timestamp_pointer = r.string("timestamp_pointer", !receipt);
    checkPointer(r, "timestamp_pointer", s.timestamp_pointer, problems);
    if (receipt && r.raw("timestamp_pointer")) {
      problems.add(r.pathOf("timestamp_pointer"), "a pointer needs a timestamp format other than receipt",
                   "给出指针时，时间戳格式不能是 receipt");
    }
  } else if (s.payload == PayloadFormat::csv) {
    s.timestamp_csv_column = r.integer("timestamp_column", 0, 1000, !receipt, -1);
    if (receipt && s.timestamp_csv_column >= 0) {
      problems.add(r.pathOf("timestamp_column"), "a column needs a timestamp format other than receipt",
                   "给出列时，时间戳格式不能是 receipt");
    }
  } else if (!receipt) {
    problems.add(r.pathOf("timestamp"), "a plain number carries no timestamp; expected receipt",
                 "纯数字不带时间戳；应为 receipt");
  }
}

MqttSubscription readSubscription(ObjectReader& r, Problems& problems) {
  MqttSubscription s;
  s.topic = r.string("topic");
  std::vector<std::string> parts;
  if (!s.topic.empty()) {
    if (auto pattern = compileTopicPattern(s.topic)) parts = pattern->part_names;
    else problems.add(r.pathOf("topic"), pattern.error().message, compileTopicPattern(s.topic, "zh").error().message);
  }
  s.payload = r.kind<PayloadFormat>("payload", true).value_or(PayloadFormat::json);
  s.qos = r.integer("qos", 0, 1, false, 1);
  readTimestamp(r, s, problems);
  forEachObject(r, "values", false, problems, [&](ObjectReader& v) {
    MqttValue value;
    if (s.payload == PayloadFormat::json) {
      value.value_pointer = v.string("pointer");
      checkPointer(v, "pointer", value.value_pointer, problems);
    } else if (s.payload == PayloadFormat::csv) {
      value.csv_column = v.integer("column", 0, 1000, true, 0);
    }
    value.mapping = readMapping(v, problems, parts);
    s.values.push_back(std::move(value));
  });
  if (const json* readings = r.raw("readings")) {
    if (s.payload != PayloadFormat::json) {
      problems.add(r.pathOf("readings"), "an object of readings needs payload json", "读数对象要求 payload 为 json");
    } else {
      ObjectReader o(*readings, r.pathOf("readings"), problems);
      if (o.valid()) {
        s.readings_pointer = o.string("pointer", false);
        checkPointer(o, "pointer", s.readings_pointer, problems);
        std::vector<std::string> withKey = parts;
        if (std::ranges::find(parts, "key") != parts.end()) {
          problems.add(r.pathOf("topic"), "{key} names a reading's member; give the topic part another name",
                       "{key} 指读数对象的成员；请给主题中的这一部分另起名字");
        }
        withKey.emplace_back("key");
        s.readings_mapping = readMapping(o, problems, withKey);
      }
    }
  } else if (s.values.empty()) {
    problems.add(r.pathOf("values"), "missing; expected at least one value (or \"readings\")",
                 "缺失；应至少有一个值（或“readings”）");
  }
  if (s.payload == PayloadFormat::number && s.values.size() > 1) {
    problems.add(r.pathOf("values"), "a plain number is one value; expected one entry", "纯数字只是一个值；应只有一项");
  }
  return s;
}

int readModbusAddress(ObjectReader& p, ModbusType type, Problems& problems) {
  const int address = p.integer("address", 0, 65535, true, 0);
  if (address + registerWidth(type) - 1 > 65535) {
    problems.add(p.pathOf("address"), "the value runs past register 65535", "该值超出了寄存器 65535");
  }
  return address;
}

// "52" or "52..53": the registers (or the bit) a point reads.
std::string registerSpan(const ModbusPoint& p, int width) {
  return width == 1 ? std::to_string(p.address) : std::to_string(p.address) + ".." + std::to_string(p.address + width - 1);
}

// Two points of one table that share some registers but start apart read one value's words as
// parts of two: a float32 at 52 and another at 53 is a slip (an address off by one, a width
// mistaken). Points at the same address (a status word read as a number and as a flag) may be meant.
void checkRegisterOverlaps(const std::vector<ModbusPoint>& points, const std::string& path, Problems& problems) {
  const auto widthOf = [](const ModbusPoint& p) {
    return p.table == ModbusTable::coil || p.table == ModbusTable::discrete_input ? 1 : registerWidth(p.type);
  };
  for (std::size_t j = 1; j < points.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      const ModbusPoint &a = points[i], &b = points[j];
      const bool overlap = a.address < b.address + widthOf(b) && b.address < a.address + widthOf(a);
      if (a.table != b.table || a.address == b.address || !overlap) continue;
      const std::string other = path + "/" + std::to_string(i);
      problems.add(path + "/" + std::to_string(j) + "/address",
                   "registers " + registerSpan(b, widthOf(b)) + " overlap " + registerSpan(a, widthOf(a)) + " of " + other +
                       ": one value's words would be read as parts of two",
                   "寄存器 " + registerSpan(b, widthOf(b)) + " 与 " + other + " 的 " + registerSpan(a, widthOf(a)) +
                       " 重叠：一个值的几个字会被当成两个值的各一部分读取");
      break;
    }
  }
}

ModbusPoint readModbusPoint(ObjectReader& p, Problems& problems) {
  ModbusPoint point;
  point.table = p.kind<ModbusTable>("table", true).value_or(ModbusTable::holding_register);
  const bool bits = point.table == ModbusTable::coil || point.table == ModbusTable::discrete_input;
  point.type = p.kind<ModbusType>("type", false).value_or(bits ? ModbusType::boolean : ModbusType::uint16);
  if (bits && point.type != ModbusType::boolean) {
    problems.add(p.pathOf("type"), "coils and discrete inputs are bits; expected boolean", "线圈和离散输入是位；应为 boolean");
  }
  point.address = readModbusAddress(p, point.type, problems);
  point.word_order = p.kind<WordOrder>("word_order", false).value_or(WordOrder::big);
  point.mapping = readMapping(p, problems, {});
  return point;
}

}  // namespace

MqttSource readMqtt(ObjectReader& r, Problems& problems) {
  MqttSource m;
  m.broker = readBroker(r, problems);
  forEachObject(r, "subscriptions", true, problems,
                [&](ObjectReader& s) { m.subscriptions.push_back(readSubscription(s, problems)); });
  return m;
}

ModbusSource readModbus(ObjectReader& r, Problems& problems) {
  ModbusSource m;
  m.host = r.string("host");
  m.port = r.integer("port", 1, 65535, false, m.port);
  m.unit_id = r.integer("unit_id", 0, 255, false, m.unit_id);
  m.poll_interval_ms = r.integer("poll_interval_ms", 10, 3'600'000, false, m.poll_interval_ms);
  m.timeout_ms = r.integer("timeout_ms", 10, 60'000, false, m.timeout_ms);
  m.reconnect_delay_min_ms = r.integer("reconnect_delay_min_ms", 10, 3'600'000, false, m.reconnect_delay_min_ms);
  m.reconnect_delay_max_ms = r.integer("reconnect_delay_max_ms", 10, 3'600'000, false, m.reconnect_delay_max_ms);
  if (m.reconnect_delay_max_ms < m.reconnect_delay_min_ms) {
    const std::string least = std::to_string(m.reconnect_delay_min_ms);
    problems.add(r.pathOf("reconnect_delay_max_ms"), "expected at least reconnect_delay_min_ms (" + least + ")",
                 "应不小于 reconnect_delay_min_ms（" + least + "）");
  }
  m.max_gap = r.integer("max_gap", 0, 124, false, m.max_gap);
  forEachObject(r, "points", true, problems, [&](ObjectReader& p) { m.points.push_back(readModbusPoint(p, problems)); });
  checkRegisterOverlaps(m.points, r.pathOf("points"), problems);
  return m;
}

SparkplugSource readSparkplug(ObjectReader& r, Problems& problems) {
  SparkplugSource s;
  s.broker = readBroker(r, problems);
  s.group_id = r.string("group_id");
  s.edge_node_id = r.string("edge_node_id");
  s.request_rebirth = r.boolean("request_rebirth", true);
  forEachObject(r, "metrics", true, problems, [&](ObjectReader& m) {
    SparkplugMetric metric;
    metric.device = m.string("device", false);
    metric.metric = m.string("metric");
    metric.mapping = readMapping(m, problems, {});
    s.metrics.push_back(std::move(metric));
  });
  return s;
}

OpcUaSource readOpcUa(ObjectReader& r, Problems& problems) {
  OpcUaSource o;
  o.endpoint = r.string("endpoint");
  if (!o.endpoint.empty() && !o.endpoint.starts_with("opc.tcp://")) {
    problems.add(r.pathOf("endpoint"), "expected opc.tcp://host:port/path, got \"" + o.endpoint + "\"",
                 "应为 opc.tcp://主机:端口/路径，实际为“" + o.endpoint + "”");
  }
  o.security = r.kind<OpcUaSecurity>("security", false).value_or(OpcUaSecurity::none);
  const bool secured = o.security != OpcUaSecurity::none;
  o.certificate_file = r.string("certificate_file", secured);
  o.private_key_file = r.string("private_key_file", secured);
  o.username = r.string("username", false);
  o.password = r.string("password", false);
  forEachObject(r, "nodes", true, problems, [&](ObjectReader& n) {
    OpcUaNode node;
    node.node_id = n.string("node_id");
    node.sampling_interval_ms = n.integer("sampling_interval_ms", 0, 3'600'000, false, node.sampling_interval_ms);
    node.mapping = readMapping(n, problems, {});
    o.nodes.push_back(std::move(node));
  });
  return o;
}

}  // namespace parktwin::feed::detail
