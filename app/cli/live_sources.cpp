#include "live_sources.hpp"

#include <iostream>

#include "parktwin/feed/connection_kinds.hpp"

namespace parktwin::cli {

void ConnectionAnnouncer::announce(const RunningSources& running, std::string_view language) {
  connected_.resize(running.sources.size(), false);
  for (std::size_t i = 0; i < running.sources.size(); ++i) {
    const feed::SourceCounters counters = running.sources[i]->counters();
    if (counters.connected == connected_[i]) continue;
    connected_[i] = counters.connected;
    const std::string& id = running.sources[i]->id();
    // Why it went, as the source words it (a takeover of the client id, a broker that stopped).
    const std::string why = counters.connected ? std::string() : counters.lastError(language);
    if (counters.connected) std::cerr << id << ": connected\n";
    else if (why.empty()) std::cerr << id << ": disconnected\n";
    else if (language == "zh") std::cerr << id << ": disconnected（" << why << "）\n";
    else std::cerr << id << ": disconnected (" << why << ")\n";
  }
}

std::string describeCounters(const feed::SourceCounters& c, feed::SourceKind kind, std::string_view language) {
  const auto n = [](std::uint64_t count) { return std::to_string(count); };
  const bool polls = feed::pollsForValues(kind);  // else the counter counts messages received
  const std::string last = c.lastError(language);
  const std::string first = c.earlierError(language);
  if (language == "zh") {
    std::string text = std::string(c.connected ? "已连接" : "未连接") + "，" + n(c.values) + " 个值，" + n(c.polls) +
                       (polls ? " 次轮询，" : " 条消息，") + n(c.errors) + " 个错误，" + n(c.timeouts) + " 次超时，" +
                       n(c.reconnects) + " 次重连，" + n(c.gaps) + " 次中断";
    if (!last.empty()) text += "；最后错误：" + last;
    if (!first.empty()) text += "；首个错误：" + first;
    return text;
  }
  std::string text = std::string(c.connected ? "connected" : "not connected") + ", " + n(c.values) + " values, " +
                     n(c.polls) + (polls ? " polls, " : " messages, ") + n(c.errors) + " errors, " + n(c.timeouts) +
                     " timeouts, " + n(c.reconnects) + " reconnects, " + n(c.gaps) + " gaps";
  if (!last.empty()) text += "; last error: " + last;
  if (!first.empty()) text += "; first error: " + first;
  return text;
}

}  // namespace parktwin::cli
