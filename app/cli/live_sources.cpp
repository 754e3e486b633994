#include "live_sources.hpp"

#include <iostream>

namespace parktwin::cli {

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
  if (const std::string first = c.earlierError(); !first.empty()) text += "; first error: " + first;
  return text;
}

}  // namespace parktwin::cli
