#pragma once
// store_bench's long-history case (docs/server.md, "stateAt on a long history"): a history
// written straight into the cluster by INSERT ... SELECT (weeks of samples would take the
// Store interface hours here), then stateAt by the windowed query against the scan.
#include <string>

namespace parktwin::bench {

struct HistoryArgs {
  std::string uri;   // clickhouse://HOST:PORT/DB
  int tags = 0;      // 0: no long-history case
  int days = 30;
  int step_s = 60;   // one sample per tag every step_s seconds
  int queries = 100;
};

// Prints p50/p99 of stateAt and rows read per stateAt for both queries; 0 when both answered
// the same at every T, 1 otherwise or on an error.
int runHistory(const HistoryArgs& args);

}  // namespace parktwin::bench
