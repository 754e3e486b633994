// The connections file against its park (connections_reader.hpp). It lives in twin/feed beside
// the reader: feed already depends on model (the strict JSON reader), never the other way.
#include <map>

#include "parktwin/feed/connections_reader.hpp"

namespace parktwin::feed {

namespace {

class ParkTags {
 public:
  explicit ParkTags(const model::Park& park) {
    for (const auto& tag : park.tags) units_.emplace(tag.id, tag.unit);
  }

  void check(const ValueMapping& m, const std::string& path, std::vector<std::string>& problems) const {
    const auto parts = tagPatternParts(m.tag);
    if (parts && !parts->empty()) return;  // resolved per message; checked then
    const auto it = units_.find(m.tag);
    if (it == units_.end()) {
      problems.push_back(path + "/tag: the park has no tag \"" + m.tag + "\"");
    } else if (!m.unit.empty() && m.unit != it->second) {
      problems.push_back(path + "/unit: \"" + m.unit + "\" differs from the tag's unit \"" + it->second + "\"");
    }
  }

 private:
  std::map<std::string, std::string> units_;
};

template <typename Items, typename MappingOf>
void checkEach(const ParkTags& tags, const Items& items, const std::string& path, MappingOf mappingOf,
               std::vector<std::string>& problems) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    tags.check(mappingOf(items[i]), path + "/" + std::to_string(i), problems);
  }
}

void checkMqtt(const ParkTags& tags, const MqttSource& m, const std::string& path, std::vector<std::string>& problems) {
  for (std::size_t i = 0; i < m.subscriptions.size(); ++i) {
    const auto& s = m.subscriptions[i];
    const std::string at = path + "/subscriptions/" + std::to_string(i);
    checkEach(tags, s.values, at + "/values", [](const MqttValue& v) -> const ValueMapping& { return v.mapping; },
              problems);
    if (!s.readings_mapping.tag.empty()) tags.check(s.readings_mapping, at + "/readings", problems);
  }
}

}  // namespace

std::vector<std::string> problemsAgainstPark(const Connections& connections, const model::Park& park) {
  std::vector<std::string> problems;
  if (connections.park != park.id) {
    problems.push_back("/park: \"" + connections.park + "\" but the park file is \"" + park.id + "\"");
  }
  const ParkTags tags(park);
  for (std::size_t i = 0; i < connections.sources.size(); ++i) {
    const std::string path = "/sources/" + std::to_string(i);
    const auto& config = connections.sources[i].config;
    if (const auto* mqtt = std::get_if<MqttSource>(&config)) {
      checkMqtt(tags, *mqtt, path, problems);
    } else if (const auto* modbus = std::get_if<ModbusSource>(&config)) {
      checkEach(tags, modbus->points, path + "/points",
                [](const ModbusPoint& p) -> const ValueMapping& { return p.mapping; }, problems);
    } else if (const auto* sparkplug = std::get_if<SparkplugSource>(&config)) {
      checkEach(tags, sparkplug->metrics, path + "/metrics",
                [](const SparkplugMetric& m) -> const ValueMapping& { return m.mapping; }, problems);
    } else if (const auto* opcua = std::get_if<OpcUaSource>(&config)) {
      checkEach(tags, opcua->nodes, path + "/nodes",
                [](const OpcUaNode& n) -> const ValueMapping& { return n.mapping; }, problems);
    }
  }
  return problems;
}

}  // namespace parktwin::feed
