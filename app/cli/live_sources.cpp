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
    if (language == "zh") std::cerr << id << (counters.connected ? "：已连接" : "：已断开") << (why.empty() ? "" : "（" + why + "）") << "\n";
    else if (counters.connected) std::cerr << id << ": connected\n";
    else if (why.empty()) std::cerr << id << ": disconnected\n";
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

std::string describeFeedCounters(const feed::FeedCounters& c, std::size_t gaps, std::string_view language) {
  const auto n = [](std::uint64_t count) { return std::to_string(count); };
  if (language == "zh") {
    return "收到 " + n(c.received) + "，接受 " + n(c.accepted) + "，格式错误 " + n(c.malformed) + "，未知测点 " +
           n(c.unknown_tag) + "，超出测点上限 " + n(c.tag_limit) + "，重复 " + n(c.duplicates) + "，乱序 " +
           n(c.out_of_order) + "，重连 " + n(c.reconnects) + " 次，中断 " + n(gaps) + " 次";
  }
  return "received " + n(c.received) + ", accepted " + n(c.accepted) + ", malformed " + n(c.malformed) + ", unknown tag " +
         n(c.unknown_tag) + ", over tag limit " + n(c.tag_limit) + ", duplicates " + n(c.duplicates) + ", out of order " +
         n(c.out_of_order) + ", reconnects " + n(c.reconnects) + ", gaps " + n(gaps);
}

}  // namespace parktwin::cli
