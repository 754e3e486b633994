#include "parktwin/feed/mqtt_session.hpp"

#include <algorithm>
#include <cstdio>
#include <random>

#include "parktwin/feed/broker.hpp"

namespace parktwin::feed {

namespace {

std::string withSource(std::string prefix, std::string_view park, std::string_view sourceId) {
  prefix += "-";
  prefix += park;
  if (!sourceId.empty()) {
    prefix += "-";
    prefix += sourceId;
  }
  return prefix;
}

// Eight hex digits: two windows on one machine, or on two, never meet under one id.
std::string randomSuffix() {
  static thread_local std::mt19937 generator{std::random_device{}()};
  char text[9];
  std::snprintf(text, sizeof text, "%08x", static_cast<unsigned>(generator()));
  return text;
}

// The broker of a source that subscribes at QoS 1 (MQTT with a QoS 1 subscription, Sparkplug),
// or null.
BrokerOptions* qos1Broker(Source& source) {
  if (auto* sparkplug = std::get_if<SparkplugSource>(&source.config)) return &sparkplug->broker;
  auto* mqtt = std::get_if<MqttSource>(&source.config);
  if (!mqtt || std::none_of(mqtt->subscriptions.begin(), mqtt->subscriptions.end(),
                            [](const MqttSubscription& s) { return s.qos == 1; })) {
    return nullptr;
  }
  return &mqtt->broker;
}

BrokerOptions* brokerOf(Source& source) {
  if (auto* sparkplug = std::get_if<SparkplugSource>(&source.config)) return &sparkplug->broker;
  if (auto* mqtt = std::get_if<MqttSource>(&source.config)) return &mqtt->broker;
  return nullptr;
}

}  // namespace

std::string mqttClientId(MqttProgram program, std::string_view park, std::string_view sourceId,
                         std::string_view fileClientId, bool durable) {
  switch (program) {
    case MqttProgram::ingest:
      if (!fileClientId.empty()) return std::string(fileClientId);
      return durable ? withSource("parktwin-ingest", park, sourceId) : std::string();
    case MqttProgram::server: return withSource("parktwin-server", park, sourceId);
    case MqttProgram::viewer: return withSource("parktwin-window", park, sourceId) + "-" + randomSuffix();
  }
  return {};
}

std::vector<std::string> assignMqttClientIds(Connections& connections, MqttProgram program) {
  std::vector<std::string> warnings;
  for (auto& source : connections.sources) {
    BrokerOptions* broker = brokerOf(source);
    if (!broker) continue;
    const bool qos1 = qos1Broker(source) != nullptr;
    const bool tls = !broker->tls_ca_file.empty();
    if (program != MqttProgram::viewer && qos1 && tls) {
      warnings.push_back(source.id + ": over TLS, QoS 1 messages are acknowledged on receipt, not once stored "
                                     "(a crash can lose up to one commit batch); bridge the broker to a local one to avoid it");
    }
    const bool durable = program != MqttProgram::viewer && qos1 && !tls;
    broker->client_id = mqttClientId(program, connections.park, source.id, broker->client_id, durable);
  }
  return warnings;
}

}  // namespace parktwin::feed
