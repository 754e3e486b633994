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

// Every source of the file, created and started.
RunningSources startSources(const feed::Connections& connections, const SinkFor& sinkFor);
void stopSources(RunningSources& running);

// "connected, 18 values, 12 polls, 0 errors, 0 timeouts, 1 reconnects, 1 gaps; last error: ..."
std::string describeCounters(const feed::SourceCounters& counters);

}  // namespace parktwin::cli
