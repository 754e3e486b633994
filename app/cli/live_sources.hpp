#pragma once
// The sources of a connections file at run time, shared by `connections test` and
// `ingest --connections`: create and start them all, report their counters, stop them.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "parktwin/feed/connections.hpp"

namespace parktwin::cli {

struct RunningSources {
  std::vector<std::unique_ptr<feed::LiveSource>> sources;
  std::vector<std::string> failures;  // "<id>: why", for sources that could not be created or started
};

// The sink a source writes to, from its own thread.
using SinkFor = std::function<feed::SourceSink(const feed::Source&)>;

// Every source of the file, created and started. `gatewayMqtt` ("HOST:PORT", may be empty) is
// the broker an OPC UA source's gateway hands its values over.
RunningSources startSources(const feed::Connections& connections, const SinkFor& sinkFor,
                            const std::string& gatewayMqtt = {});
void stopSources(RunningSources& running);

// For `ingest --connections`: an MQTT source with QoS 1 subscriptions, or a Sparkplug source, with no client id gets
// "parktwin-ingest-<park>-<source id>", so that its session is persistent and its messages are
// acknowledged only once stored (feed::SourceSink::commit). Returns a warning for each such
// source that cannot be acknowledged after the commit (TLS), for the user to see.
std::vector<std::string> prepareDurableMqtt(feed::Connections& connections);

// Prints "<id>: connected" / "<id>: disconnected" to standard error when a source's state
// changed since the last call (scripts and people wait for the first).
class ConnectionAnnouncer {
 public:
  void announce(const RunningSources& running);

 private:
  std::vector<bool> connected_;
};

// "connected, 18 values, 12 polls, 0 errors, 0 timeouts, 1 reconnects, 1 gaps; last error: ..."
std::string describeCounters(const feed::SourceCounters& counters);

}  // namespace parktwin::cli
