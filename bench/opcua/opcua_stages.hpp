#pragma once
// Per-stage figures of the OPC UA bench, so that a shortfall end to end can be put on one stage:
// the CPU each process used (server, gateway, broker, this process where the twin's source runs),
// the gateway's own counts (OPC UA notifications received, values and MQTT messages published),
// and how fast the twin decodes a value alone and in a batch.
#include <sys/types.h>

#include <filesystem>
#include <vector>

namespace opcuabench {

// User + system CPU seconds the process has used so far; -1 if it is gone.
double cpuSeconds(pid_t pid);

// CPU seconds of a set of processes, summed.
double cpuSeconds(const std::vector<pid_t>& pids);

struct GatewayCounts {
  long received = 0;   // notifications from the OPC UA subscriptions
  long published = 0;  // values handed to MQTT
  long messages = 0;   // MQTT messages
};

// The sum over every gateway-<pid>.json the gateways wrote in `dir`
// ($PARKTWIN_OPCUA_GATEWAY_STATS_DIR).
GatewayCounts gatewayCounts(const std::filesystem::path& dir);

struct DecodeRates {
  double single_per_s = 0;  // values/s, one {"ts","v"} payload each (parsePayload)
  double batch_per_s = 0;   // values/s, in batches of `batch` (parseBatchPayload)
};

// Decodes `values` values both ways on this thread, the same tags, timestamps and values.
DecodeRates measureDecode(int values, int batch);

}  // namespace opcuabench
