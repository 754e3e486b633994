// The paced publisher of bench/live/bench-live-100k: --rate samples/s for --seconds, in `$batch`
// messages (docs/mqtt.md) of --batch samples at QoS 1, over --tags tags, as the OPC UA gateway
// publishes them. Sample n (0, 1, ...) has tag <park tag prefix><n % tags>, value n and as
// timestamp the wall-clock ms at which its message was handed to the client, so a consumer can
// both check it got every n once and compute its publish -> arrival latency.
//
// Its log (--log) is the benchmark's oracle: one line per message, "first_n count ts_ms", written
// only after the broker acknowledged every message (flush), so it lists what the broker took.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "parktwin/feed/payload.hpp"
#include "parktwin/feed/publisher.hpp"
#include "live_common.hpp"

namespace {

using namespace std::chrono_literals;
namespace feed = parktwin::feed;

struct Args : livebench::Common {
  long rate = 100'000;
  long seconds = 20;
  long batch = 100;
  std::string log;
};

std::int64_t wallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

struct LogLine {
  long first = 0;
  long count = 0;
  std::int64_t ts_ms = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Args a;
  livebench::parseFlags(argc, argv, a, [&a](const std::string& k, const char* v) {
    if (k == "--rate") a.rate = std::atol(v);
    else if (k == "--seconds") a.seconds = std::atol(v);
    else if (k == "--batch") a.batch = std::atol(v);
    else if (k == "--log") a.log = v;
  });
  if (a.rate <= 0 || a.batch <= 0 || a.tags <= 0 || a.seconds <= 0 || a.log.empty()) {
    std::fprintf(stderr, "usage: live_publisher --port P --log FILE [--rate R --seconds S --batch B --tags T]\n");
    return 2;
  }
  const std::vector<std::string> tagNames = livebench::tagNames(a);
  feed::PublisherOptions po;
  po.broker.host = a.host;
  po.broker.port = a.port;
  po.park = a.park;
  po.qos = 1;
  auto pub = feed::Publisher::create(po);
  if (!pub || !(*pub)->connect(10s)) {
    std::fprintf(stderr, "live_publisher: cannot connect to %s:%d\n", a.host.c_str(), a.port);
    return 1;
  }
  const std::string topic = feed::topicFor(a.park, feed::kBatchTag);
  const long total = a.rate * a.seconds;
  const long messages = (total + a.batch - 1) / a.batch;
  std::vector<LogLine> log;
  log.reserve(static_cast<std::size_t>(messages));
  std::vector<feed::BatchSample> samples(static_cast<std::size_t>(a.batch));
  const auto t0 = std::chrono::steady_clock::now();
  std::printf("publishing from %lld ms (wall clock)\n", static_cast<long long>(wallMs()));
  std::fflush(stdout);
  long late = 0;  // messages handed to the client more than 100 ms after their due moment
  for (long m = 0; m < messages; ++m) {
    const long first = m * a.batch;
    const long count = std::min(a.batch, total - first);
    const auto due = t0 + std::chrono::nanoseconds(first * 1'000'000'000LL / a.rate);
    std::this_thread::sleep_until(due);  // pacing, not synchronisation
    if (std::chrono::steady_clock::now() - due > 100ms) ++late;
    const std::int64_t ts = wallMs();
    samples.resize(static_cast<std::size_t>(count));
    for (long i = 0; i < count; ++i) {
      const long n = first + i;
      samples[static_cast<std::size_t>(i)] = {tagNames[static_cast<std::size_t>(n % a.tags)], ts, static_cast<double>(n)};
    }
    if (auto sent = (*pub)->publishRaw(topic, feed::formatBatchPayload(samples), 1); !sent) {
      std::fprintf(stderr, "live_publisher: publish failed: %s\n", sent.error().message.c_str());
      return 1;
    }
    log.push_back({first, count, ts});
  }
  const double offeredFor = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (auto flushed = (*pub)->flush(120s); !flushed) {
    std::fprintf(stderr, "live_publisher: %s\n", flushed.error().message.c_str());
    return 1;
  }
  std::FILE* out = std::fopen(a.log.c_str(), "w");
  if (!out) return 1;
  for (const auto& l : log) std::fprintf(out, "%ld %ld %lld\n", l.first, l.count, static_cast<long long>(l.ts_ms));
  std::fclose(out);
  std::printf("published %ld samples in %ld messages of %ld over %.3f s: %.0f samples/s offered (asked %ld), %ld messages over 100 ms late; "
              "all acknowledged by the broker (%llu PUBACKs)\n",
              total, messages, a.batch, offeredFor, static_cast<double>(total) / offeredFor, a.rate, late,
              static_cast<unsigned long long>((*pub)->delivered()));
  return 0;
}
