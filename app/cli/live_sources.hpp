#pragma once
// The CLI's side of a connections file's sources at run time (twin/feed running_sources.hpp
// starts and stops them): their state and counters in words.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/feed/running_sources.hpp"
#include "parktwin/feed/subscriber.hpp"

namespace parktwin::cli {

using feed::RunningSources;
using feed::SinkFor;
using feed::startSources;
using feed::stopSources;

// Prints "<id>: connected" / "<id>: disconnected (<last error>)" to standard error when a
// source's state changed since the last call (scripts and people wait for the first), in
// `language` ("en"/"zh": "<id>：已连接" / "<id>：已断开（…）"; scripts that read the words ask
// for English with --lang en).
class ConnectionAnnouncer {
 public:
  void announce(const RunningSources& running, std::string_view language);

 private:
  std::vector<bool> connected_;
};

// "connected, 18 values, 12 polls, 0 errors, 0 timeouts, 1 reconnects, 1 gaps; last error: ...",
// in `language` ("zh" or "en"), the source's errors too; "12 messages" for a source of a `kind`
// that is sent its values rather than polling for them (feed::pollsForValues).
std::string describeCounters(const feed::SourceCounters& counters, feed::SourceKind kind, std::string_view language);

// `ingest --mqtt`'s counters: "received 10, accepted 10, malformed 0, ..., reconnects 0, gaps 0"
// (scripts/soak reads them, in English), in `language`.
std::string describeFeedCounters(const feed::FeedCounters& counters, std::size_t gaps, std::string_view language);

}  // namespace parktwin::cli
