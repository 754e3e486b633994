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

std::string describeCounters(const feed::SourceCounters& c, std::string_view language) {
  const auto n = [](std::uint64_t count) { return std::to_string(count); };
  const std::string last = c.lastError(language);
  const std::string first = c.earlierError(language);
  if (language == "zh") {
    std::string text = std::string(c.connected ? "已连接" : "未连接") + "，" + n(c.values) + " 个值，" + n(c.polls) +
                       " 次轮询，" + n(c.errors) + " 个错误，" + n(c.timeouts) + " 次超时，" + n(c.reconnects) +
                       " 次重连，" + n(c.gaps) + " 次中断";
    if (!last.empty()) text += "；最后错误：" + last;
    if (!first.empty()) text += "；首个错误：" + first;
    return text;
  }
  std::string text = std::string(c.connected ? "connected" : "not connected") + ", " + n(c.values) + " values, " +
                     n(c.polls) + " polls, " + n(c.errors) + " errors, " + n(c.timeouts) + " timeouts, " +
                     n(c.reconnects) + " reconnects, " + n(c.gaps) + " gaps";
  if (!last.empty()) text += "; last error: " + last;
  if (!first.empty()) text += "; first error: " + first;
  return text;
}

}  // namespace parktwin::cli
