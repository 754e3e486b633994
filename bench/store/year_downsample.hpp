#pragma once
// store_bench's year case (docs/server.md, "One year downsampled"): one tag over a year,
// written through the Store interface into the SQLite historian and the cluster alike, then
// downsampled to 1,000 buckets on each, the same question on the same data, answers compared.
#include <string>

#include "parktwin/store/store.hpp"

namespace parktwin::bench {

struct YearArgs {
  int step_s = 60;     // one sample every step_s seconds (60: 525,600 samples, as historian_bench's year)
  int queries = 21;    // downsamples timed on each store
  int batch = 100'000; // flush every batch samples while writing
};

// Writes the year into a historian file of its own at sqlitePath and into the cluster at
// clusterUri (a park of its own): the historian snapshots the state of every tag once per hour
// of data, so a year written beside the ingest case's 10,000 tags would write 8,760 snapshots of
// 10,000 tags (gigabytes). Prints write time, p50 / p99 of the downsample on each store and the
// ratio cluster / SQLite; 0 when both gave the same buckets (count, min, max and last equal,
// mean within 1e-9), 1 otherwise.
int runYearDownsample(const std::string& sqlitePath, const std::string& clusterUri, const YearArgs& args);

}  // namespace parktwin::bench
