#include "parktwin/feed/connections_reader.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "connections_reader_detail.hpp"
#include "parktwin/feed/mqtt_mapping.hpp"

namespace parktwin::feed {

namespace detail {


ValueMapping readMapping(ObjectReader& r, Problems& problems, const std::vector<std::string>& allowedParts) {
  ValueMapping m;
  m.tag = r.string("tag");
  if (!m.tag.empty()) {
    const auto parts = tagPatternParts(m.tag);
    if (!parts) {
      problems.add(r.pathOf("tag"), "expected a tag id, or a pattern with {part} names; got \"" + m.tag + "\"",
                   "应为测点 id，或带 {part} 名称的模式；实际为“" + m.tag + "”");
    } else {
      for (const auto& part : *parts) {
        if (std::ranges::find(allowedParts, part) == allowedParts.end()) {
          std::string allowed, allowedZh;
          for (const auto& a : allowedParts) {
            allowed += (allowed.empty() ? "" : ", ") + ("{" + a + "}");
            allowedZh += (allowedZh.empty() ? "" : "、") + ("{" + a + "}");
          }
          problems.add(r.pathOf("tag"),
                       "no part {" + part + "} here; " + (allowed.empty() ? "this tag cannot use parts" : "expected one of " + allowed),
                       "此处没有部分 {" + part + "}；" + (allowed.empty() ? "这个测点不能使用部分" : "应为以下之一：" + allowedZh));
        }
      }
    }
  }
  if (r.raw("scale")) {
    m.scale = r.number("scale", -1e12, 1e12, true, 1);
    if (m.scale == 0) problems.add(r.pathOf("scale"), "expected a non-zero number, got 0", "应为非零数字，实际为 0");
  }
  m.offset = r.number("offset", -1e12, 1e12, false, 0);
  m.deadband = r.nonNegative("deadband");
  m.unit = r.string("unit", false);
  return m;
}

BrokerOptions readBroker(ObjectReader& parent, Problems& problems) {
  BrokerOptions b;
  const json* value = parent.object("broker", true);
  if (!value) return b;
  ObjectReader r(*value, parent.pathOf("broker"), problems);
  b.host = r.string("host");
  b.tls_ca_file = r.string("tls_ca_file", false);
  b.port = r.integer("port", 1, 65535, false, b.tls_ca_file.empty() ? 1883 : 8883);
  b.client_id = r.string("client_id", false);
  b.username = r.string("username", false);
  b.password = r.string("password", false);
  if (!b.password.empty() && b.username.empty()) problems.add(r.pathOf("password"), "a password needs a username", "有密码就要有用户名");
  b.keepalive_s = r.integer("keepalive_s", 5, 3600, false, b.keepalive_s);
  return b;
}

}  // namespace detail

namespace {

using namespace detail;

Source readSource(const json& value, const std::string& path, Problems& problems) {
  Source s;
  ObjectReader r(value, path, problems);
  if (!r.valid()) return s;
  s.id = r.id("id");
  const auto kind = r.kind<SourceKind>("kind", true);
  if (!kind) {
    // Without its kind the rest cannot be judged; mark everything read so the one problem shows.
    for (const auto& [key, v] : value.items()) (void)r.raw(key);
    return s;
  }
  s.kind = *kind;
  switch (*kind) {
    case SourceKind::mqtt: s.config = readMqtt(r, problems); break;
    case SourceKind::modbus: s.config = readModbus(r, problems); break;
    case SourceKind::sparkplug: s.config = readSparkplug(r, problems); break;
    case SourceKind::opcua: s.config = readOpcUa(r, problems); break;
  }
  return s;
}

// Every tag named outright (not a pattern resolved per message) with the JSON path of its
// mapping, in file order.
std::vector<std::pair<std::string, std::string>> namedTags(const Connections& c) {
  std::vector<std::pair<std::string, std::string>> tags;
  for (std::size_t i = 0; i < c.sources.size(); ++i) {
    const std::string path = "/sources/" + std::to_string(i);
    forEachMapping(c.sources[i], [&](const ValueMapping& m, const std::string& below) {
      const auto parts = tagPatternParts(m.tag);
      if (parts && parts->empty()) tags.emplace_back(m.tag, path + below);
    });
  }
  return tags;
}

// One point, node or metric per tag: two feeding one tag interleave their values in its
// history (a voltage between the powers), and when both come in the same millisecond one is lost.
void checkOneFeedPerTag(const Connections& c, Problems& problems) {
  std::map<std::string, std::string, std::less<>> firstFeed;
  for (const auto& [tag, path] : namedTags(c)) {
    if (auto [it, fresh] = firstFeed.emplace(tag, path); !fresh) {
      problems.add(path + "/tag", "\"" + tag + "\" is fed by " + it->second + " too; a tag takes its values from one point, node or metric",
                   "“" + tag + "”也由 " + it->second + " 提供；一个测点只能从一个点位、节点或指标取值");
    }
  }
}

}  // namespace

void forEachMapping(const Source& source, const std::function<void(const ValueMapping&, const std::string& path)>& visit) {
  const auto each = [&](const auto& items, const std::string& path) {
    for (std::size_t j = 0; j < items.size(); ++j) visit(items[j].mapping, path + "/" + std::to_string(j));
  };
  if (const auto* mqtt = std::get_if<MqttSource>(&source.config)) {
    for (std::size_t k = 0; k < mqtt->subscriptions.size(); ++k) {
      const auto& s = mqtt->subscriptions[k];
      const std::string at = "/subscriptions/" + std::to_string(k);
      each(s.values, at + "/values");
      if (!s.readings_mapping.tag.empty()) visit(s.readings_mapping, at + "/readings");
    }
  } else if (const auto* modbus = std::get_if<ModbusSource>(&source.config)) {
    each(modbus->points, "/points");
  } else if (const auto* sparkplug = std::get_if<SparkplugSource>(&source.config)) {
    each(sparkplug->metrics, "/metrics");
  } else if (const auto* opcua = std::get_if<OpcUaSource>(&source.config)) {
    each(opcua->nodes, "/nodes");
  }
}

std::optional<std::vector<std::string>> tagPatternParts(std::string_view pattern) {
  std::vector<std::string> parts;
  if (pattern.empty()) return std::nullopt;
  for (std::size_t at = 0; at < pattern.size();) {
    const std::size_t open = pattern.find_first_of("{}", at);
    if (open == std::string_view::npos) break;
    if (pattern[open] == '}') return std::nullopt;
    const std::size_t close = pattern.find_first_of("{}", open + 1);
    if (close == std::string_view::npos || pattern[close] == '{' || close == open + 1) return std::nullopt;
    parts.emplace_back(pattern.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  return parts;
}

Result<Connections> parseConnections(const std::string& text, const std::string& source, std::string_view language) {
  auto parsed = parseJson(text, source, language);
  if (!parsed) return std::unexpected(parsed.error());
  Problems problems;
  Connections c;
  {
    ObjectReader r(*parsed, "", problems);
    if (r.valid()) {
      const std::string format = r.string("format");
      if (!format.empty() && format != kConnectionsFormat) {
        problems.add("/format", "expected \"" + std::string(kConnectionsFormat) + "\", got \"" + format + "\"",
                     "应为“" + std::string(kConnectionsFormat) + "”，实际为“" + format + "”");
      }
      c.park = r.id("park");
      if (const json* sources = r.array("sources", true)) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < sources->size(); ++i) {
          const std::string path = "/sources/" + std::to_string(i);
          Source s = readSource((*sources)[i], path, problems);
          if (!s.id.empty() && !ids.insert(s.id).second) {
            problems.add(path + "/id", "duplicate source id \"" + s.id + "\"", "重复的数据源 id“" + s.id + "”");
          }
          c.sources.push_back(std::move(s));
        }
        if (sources->empty()) problems.add("/sources", "expected at least one source", "应至少有一个数据源");
        checkOneFeedPerTag(c, problems);
      }
    }
  }
  if (!problems.empty()) return problems.failure(source, language);
  return c;
}

Result<Connections> loadConnections(const std::filesystem::path& file, std::string_view language) {
  auto text = readTextFile(file, "connections file", "连接文件", language);
  if (!text) return std::unexpected(text.error());
  return parseConnections(*text, file.string(), language);
}

}  // namespace parktwin::feed
