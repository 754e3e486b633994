#include "opcua_stages.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "parktwin/feed/payload.hpp"

namespace opcuabench {

double cpuSeconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
  const auto close = text.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

double cpuSeconds(const std::vector<pid_t>& pids) {
  double total = 0;
  for (const pid_t pid : pids) total += std::max(0.0, cpuSeconds(pid));
  return total;
}

GatewayCounts gatewayCounts(const std::filesystem::path& dir) {
  GatewayCounts sum;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::ifstream in(entry.path());
    const auto json = nlohmann::json::parse(in, nullptr, false);
    if (!json.is_object()) continue;  // being rewritten right now: the next read has it
    sum.received += json.value("received", 0L);
    sum.published += json.value("published", 0L);
    sum.messages += json.value("messages", 0L);
  }
  return sum;
}

DecodeRates measureDecode(int values, int batch) {
  namespace feed = parktwin::feed;
  using Clock = std::chrono::steady_clock;
  std::vector<std::string> singles;
  std::vector<std::string> batches;
  std::vector<feed::BatchSample> pending;
  for (int i = 0; i < values; ++i) {
    const std::int64_t ts = 1'767'225'600'000 + i;
    const double v = 400.25 + i % 97;
    singles.push_back(feed::formatPayload(ts, v));
    pending.push_back({"s0.v" + std::to_string(i % 10'000), ts, v});
    if (static_cast<int>(pending.size()) == batch || i + 1 == values) {
      batches.push_back(feed::formatBatchPayload(pending));
      pending.clear();
    }
  }
  double checksum = 0;
  auto t0 = Clock::now();
  for (const auto& p : singles) checksum += feed::parsePayload(p)->value;
  const double single = std::chrono::duration<double>(Clock::now() - t0).count();
  t0 = Clock::now();
  for (const auto& p : batches) {
    const auto decoded = feed::parseBatchPayload(p);
    for (const auto& s : *decoded) checksum -= s.value;
  }
  const double batched = std::chrono::duration<double>(Clock::now() - t0).count();
  if (checksum != 0) std::fprintf(stderr, "decode check: the two decoders disagree (%g)\n", checksum);
  return {values / single, values / batched};
}

}  // namespace opcuabench
