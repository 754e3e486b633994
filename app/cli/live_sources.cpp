#include "live_sources.hpp"

#include <algorithm>
#include <iostream>
#include <optional>

#include "parktwin/feed/broker.hpp"
#include "parktwin/feed/live_source.hpp"

namespace parktwin::cli {

RunningSources startSources(const feed::Connections& connections, const SinkFor& sinkFor,
                            const std::string& gatewayMqtt) {
  RunningSources running;
  std::optional<feed::BrokerOptions> gatewayBroker;
  if (!gatewayMqtt.empty()) {
    auto parsed = feed::parseBrokerAddress(gatewayMqtt);
    if (!parsed) {
      running.failures.push_back("--gateway-mqtt: " + parsed.error().message);
      return running;
    }
    gatewayBroker = *parsed;
  }
  for (const auto& source : connections.sources) {
    auto made = feed::makeLiveSource(source, sinkFor(source), gatewayBroker);
    if (!made) {
      running.failures.push_back(source.id + ": " + made.error().message);
      continue;
    }
    if (auto started = (*made)->start(); !started) {
      running.failures.push_back(source.id + ": " + started.error().message);
      continue;
    }
    running.sources.push_back(std::move(*made));
  }
  return running;
}

void stopSources(RunningSources& running) {
  for (auto& source : running.sources) source->stop();
}

namespace {

// The broker of a source that subscribes at QoS 1 (MQTT with a QoS 1 subscription, Sparkplug),
// or null.
feed::BrokerOptions* qos1Broker(feed::Source& source) {
  if (auto* sparkplug = std::get_if<feed::SparkplugSource>(&source.config)) return &sparkplug->broker;
  auto* mqtt = std::get_if<feed::MqttSource>(&source.config);
  if (!mqtt || std::none_of(mqtt->subscriptions.begin(), mqtt->subscriptions.end(),
                            [](const feed::MqttSubscription& s) { return s.qos == 1; })) {
    return nullptr;
  }
  return &mqtt->broker;
}

}  // namespace

std::vector<std::string> prepareDurableMqtt(feed::Connections& connections) {
  std::vector<std::string> warnings;
  for (auto& source : connections.sources) {
    feed::BrokerOptions* broker = qos1Broker(source);
    if (!broker) continue;
    if (!broker->tls_ca_file.empty()) {
      warnings.push_back(source.id + ": over TLS, QoS 1 messages are acknowledged on receipt, not once stored "
                                     "(a crash can lose up to one commit batch); bridge the broker to a local one to avoid it");
      continue;
    }
    if (broker->client_id.empty()) broker->client_id = "parktwin-ingest-" + connections.park + "-" + source.id;
  }
  return warnings;
}

void ConnectionAnnouncer::announce(const RunningSources& running) {
  connected_.resize(running.sources.size(), false);
  for (std::size_t i = 0; i < running.sources.size(); ++i) {
    const bool now = running.sources[i]->counters().connected;
    if (now == connected_[i]) continue;
    connected_[i] = now;
    std::cerr << running.sources[i]->id() << (now ? ": connected\n" : ": disconnected\n");
  }
}

std::string describeCounters(const feed::SourceCounters& c) {
  std::string text = std::string(c.connected ? "connected" : "not connected") + ", " + std::to_string(c.values) +
                     " values, " + std::to_string(c.polls) + " polls, " + std::to_string(c.errors) + " errors, " +
                     std::to_string(c.timeouts) + " timeouts, " + std::to_string(c.reconnects) + " reconnects, " +
                     std::to_string(c.gaps) + " gaps";
  if (!c.last_error.empty()) text += "; last error: " + c.last_error;
  return text;
}

}  // namespace parktwin::cli
