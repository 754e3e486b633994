#include "parktwin/feed/running_sources.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "parktwin/feed/broker.hpp"
#include "parktwin/feed/live_source.hpp"

namespace parktwin::feed {

RunningSources startSources(const Connections& connections, const SinkFor& sinkFor,
                            const std::string& gatewayMqtt) {
  RunningSources running;
  std::optional<BrokerOptions> gatewayBroker;
  if (!gatewayMqtt.empty()) {
    auto parsed = parseBrokerAddress(gatewayMqtt);
    if (!parsed) {
      running.failures.push_back("--gateway-mqtt: " + parsed.error().message);
      return running;
    }
    gatewayBroker = *parsed;
  }
  for (const auto& source : connections.sources) {
    auto started = startLiveSource(source, sinkFor(source), gatewayBroker);
    if (!started) {
      running.failures.push_back(started.error().message);
      continue;
    }
    running.sources.push_back(std::move(*started));
  }
  return running;
}

void stopSources(RunningSources& running) {
  for (auto& source : running.sources) source->stop();
}

SourceSink onlyParkTags(const model::Park& park, SourceSink inner, std::shared_ptr<std::atomic<std::uint64_t>> refused) {
  auto known = std::make_shared<std::set<std::string, std::less<>>>();
  for (const auto& tag : park.tags) known->insert(tag.id);
  SourceSink sink;
  if (inner.sample) {
    sink.sample = [known, refused, sample = std::move(inner.sample)](std::string_view tag, std::int64_t ts_ms, double value) {
      if (known->contains(tag)) {
        sample(tag, ts_ms, value);
      } else if (refused) {
        refused->fetch_add(1, std::memory_order_relaxed);
      }
    };
  }
  if (inner.stale) {
    sink.stale = [known, stale = std::move(inner.stale)](std::string_view tag, std::int64_t ts_ms) {
      if (known->contains(tag)) stale(tag, ts_ms);
    };
  }
  sink.commit = std::move(inner.commit);
  return sink;
}

}  // namespace parktwin::feed
