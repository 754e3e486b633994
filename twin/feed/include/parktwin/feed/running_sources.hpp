#pragma once
// The sources of a connections file at run time, shared by `parktwin-cli connections test`,
// `ingest --connections` and `parktwin-server --connections`: create and start them all, stop
// them.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/feed/connections.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::feed {

struct RunningSources {
  std::vector<std::unique_ptr<LiveSource>> sources;
  std::vector<std::string> failures;  // "<id>: why", for sources that could not be created or started
};

// The sink a source writes to, from its own thread.
using SinkFor = std::function<SourceSink(const Source&)>;

// Every source of the file, created and started. `gatewayMqtt` ("HOST:PORT", may be empty) is
// the broker an OPC UA source's gateway hands its values over. `language` ("en" or "zh"): of
// the failures and of the sources' log lines about their connections (startLiveSource).
RunningSources startSources(const Connections& connections, const SinkFor& sinkFor, const std::string& gatewayMqtt = {},
                            std::string_view language = "en");
void stopSources(RunningSources& running);

// `inner` for the park's tags only (samples and stale marks; commit as it is), as ingest and the
// server store them: a tag pattern ({line}.temp) can name any topic, and a stray tag would grow
// the history without end. Each sample kept out is counted in `refused` (when given).
// Each value is rounded to its tag's decimals (model::reportedDecimals, as the simulator rounds):
// what the instrument reports, not a float32's or a scale's binary noise (QA: a register's
// 1850109 × scale 0.001 was stored as 1850.1090000000002 kW).
SourceSink onlyParkTags(const model::Park& park, SourceSink inner,
                        std::shared_ptr<std::atomic<std::uint64_t>> refused = nullptr);
// The same rounding with every tag kept, a tag the park lacks as it came (ingest --all-tags).
SourceSink roundedToParkTags(const model::Park& park, SourceSink inner);

}  // namespace parktwin::feed
