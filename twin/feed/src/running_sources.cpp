#include "parktwin/feed/running_sources.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "parktwin/common/rounding.hpp"

#include "parktwin/feed/broker.hpp"
#include "parktwin/feed/live_source.hpp"

namespace parktwin::feed {

RunningSources startSources(const Connections& connections, const SinkFor& sinkFor,
                            const std::string& gatewayMqtt, std::string_view language) {
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
    auto started = startLiveSource(source, sinkFor(source), gatewayBroker, language);
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

namespace {

// The sink for the park's tags, each sample rounded to its tag's decimals; a sample of another
// tag passed on as it came when `keepOthers`, else counted in `refused` (when given).
SourceSink parkTagSink(const model::Park& park, SourceSink inner, bool keepOthers,
                       std::shared_ptr<std::atomic<std::uint64_t>> refused) {
  auto resolutions = std::make_shared<std::map<std::string, double, std::less<>>>();
  for (const auto& tag : park.tags) resolutions->emplace(tag.id, std::pow(10.0, model::reportedDecimals(tag)));
  SourceSink sink;
  if (inner.sample) {
    sink.sample = [resolutions, keepOthers, refused, sample = std::move(inner.sample)](
                      std::string_view tag, std::int64_t ts_ms, double value) {
      if (auto it = resolutions->find(tag); it != resolutions->end()) {
        sample(tag, ts_ms, roundToResolution(value, it->second));
      } else if (keepOthers) {
        sample(tag, ts_ms, value);
      } else if (refused) {
        refused->fetch_add(1, std::memory_order_relaxed);
      }
    };
  }
  if (inner.stale) {
    sink.stale = [resolutions, keepOthers, stale = std::move(inner.stale)](std::string_view tag, std::int64_t ts_ms) {
      if (keepOthers || resolutions->contains(tag)) stale(tag, ts_ms);
    };
  }
  sink.commit = std::move(inner.commit);
  return sink;
}

}  // namespace

SourceSink onlyParkTags(const model::Park& park, SourceSink inner, std::shared_ptr<std::atomic<std::uint64_t>> refused) {
  return parkTagSink(park, std::move(inner), false, std::move(refused));
}

SourceSink roundedToParkTags(const model::Park& park, SourceSink inner) {
  return parkTagSink(park, std::move(inner), true, nullptr);
}

}  // namespace parktwin::feed
