#include "live_sources.hpp"

#include "parktwin/feed/live_source.hpp"

namespace parktwin::cli {

RunningSources startSources(const feed::Connections& connections, const SinkFor& sinkFor) {
  RunningSources running;
  for (const auto& source : connections.sources) {
    auto made = feed::makeLiveSource(source, sinkFor(source));
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

std::string describeCounters(const feed::SourceCounters& c) {
  std::string text = std::string(c.connected ? "connected" : "not connected") + ", " + std::to_string(c.values) +
                     " values, " + std::to_string(c.polls) + " polls, " + std::to_string(c.errors) + " errors, " +
                     std::to_string(c.timeouts) + " timeouts, " + std::to_string(c.reconnects) + " reconnects, " +
                     std::to_string(c.gaps) + " gaps";
  if (!c.last_error.empty()) text += "; last error: " + c.last_error;
  return text;
}

}  // namespace parktwin::cli
