#pragma once
// What the feed benchmarks share to compare a ParkTwin consumer with mosquitto_sub on the same
// stream: the broker's subscription count (to start publishing only once mosquitto_sub has
// subscribed), mosquitto_sub as a child process, and waiting with a deadline.
#include <mosquitto.h>
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace benchmqtt {

using Clock = std::chrono::steady_clock;

// Reads $SYS/broker/subscriptions/count (the broker needs sys_interval 1, as feed_bench.sh sets).
class SubscriptionCounter {
 public:
  SubscriptionCounter(const std::string& host, int port);
  ~SubscriptionCounter();
  SubscriptionCounter(const SubscriptionCounter&) = delete;
  SubscriptionCounter& operator=(const SubscriptionCounter&) = delete;
  int count() const { return count_.load(); }

 private:
  mosquitto* client_;
  std::atomic<int> count_{-1};
};

template <typename Condition>
bool waitUntil(Condition c, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!c()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

inline double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// mosquitto_sub -h host -p port -t topic <extra>, its output to /dev/null; 0 if it cannot start.
pid_t spawnMosquittoSub(const std::string& host, int port, const std::string& topic, std::vector<std::string> extra);

}  // namespace benchmqtt
