#pragma once
// The libmosquitto handle shared by the subscriber and publisher: library initialisation,
// credentials, TLS, reconnect backoff and the network thread.
#include <mosquitto.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/feed/broker.hpp"
#include "source_error.hpp"

namespace parktwin::feed::detail {

struct MosquittoDeleter {
  void operator()(mosquitto* m) const { mosquitto_destroy(m); }
};
using MosquittoPtr = std::unique_ptr<mosquitto, MosquittoDeleter>;

// Creates a configured client whose callbacks receive `userdata`; it does not connect yet.
Result<MosquittoPtr> makeClient(const BrokerOptions& options, bool cleanSession, void* userdata);
// connect_async + loop_start: the network thread connects and then reconnects with backoff.
// With `firstFailure`, why the first attempt to connect failed (empty when it did not): the
// thread retries, but a caller waiting to be connected can say why it is not.
Result<void> startNetworkThread(mosquitto* client, const BrokerOptions& options, std::string* firstFailure = nullptr);
void stopNetworkThread(mosquitto* client);
// In English (mqtt_words.hpp has both languages).
std::string describe(int mosquittoError);
std::string describeConnack(int reasonCode);

// What every source over MQTT (mapped topics, Sparkplug B) says about its broker, worded here once.
// "cannot reach the broker HOST:PORT: <the system's reason>" (startNetworkThread's firstFailure).
SourceError unreachableBroker(const BrokerOptions& broker, std::string_view reason);
// "broker refused the connection: <libmosquitto's CONNACK text>"
SourceError brokerRefusedConnection(int reasonCode);
// "subscribe to TOPIC: <libmosquitto's reason>": the request could not even be sent.
SourceError subscribeFailed(std::string_view topic, int mosquittoError);
// "the broker refused the subscription to TOPIC", or "... a subscription" when `topic` is empty.
SourceError brokerRefusedSubscription(std::string_view topic);
// "connection lost: <libmosquitto's reason, in our words>"
SourceError connectionLost(int mosquittoError);
// "connection lost: <why>" (a close by the broker: TakeoverWatch's words)
SourceError connectionLost(const SourceError& why);

// At most `perMinute` lines per kind of problem, then a count of what was left out.
class RateLimitedLog {
 public:
  RateLimitedLog(LogCallback sink, int perMinute);
  void write(std::string_view kind, std::string_view message);

 private:
  struct Kind {
    std::string name;
    std::int64_t windowStart_ms = 0;
    int written = 0;
    std::uint64_t suppressed = 0;
  };
  LogCallback sink_;
  int perMinute_;
  std::mutex mutex_;
  std::vector<Kind> kinds_;
};

}  // namespace parktwin::feed::detail
