#pragma once
// QoS 1 ingest that loses no acknowledged sample. The broker forgets a QoS 1 message once it
// has our PUBACK; libmosquitto (lib/handle_publish.c) and Paho C (MQTTProtocolClient.c) send
// that PUBACK before the application sees the message, so a crash between the PUBACK and the
// historian's commit loses the sample for good. This subscriber speaks MQTT 3.1.1 itself and
// sends the PUBACKs of a batch only after `commit` made everything passed to the sink so far
// durable; what was not acknowledged when the process died is resent by the broker (persistent
// session), and the historian's first-wins rule on (tag, timestamp) stores it once.
//
// Plain TCP only (no TLS); the libmosquitto Subscriber serves QoS 0 and TLS.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/feed/subscriber.hpp"

namespace parktwin::feed {

struct AckPolicy {
  // A batch is committed and acknowledged when the socket has nothing more to read, when it
  // holds this many messages, or when its oldest message waited this long, whichever is first.
  // The broker sends at most max_inflight_messages unacknowledged messages (mosquitto: 20 by
  // default), so acknowledging late throttles the feed unless the broker allows more.
  std::size_t max_batch_messages = 2000;
  std::chrono::milliseconds max_batch_delay{100};
};

// Called on the network thread: make every sample passed to the sink so far durable (commit
// the historian's transaction). An error keeps the batch unacknowledged; it is retried after
// max_batch_delay, and the broker holds the messages meanwhile.
using CommitCallback = std::function<Result<void>()>;

// A subscription of a subscriber of any shape: a topic filter (MQTT wildcards) and its QoS.
struct TopicFilter {
  std::string filter;
  int qos = 1;  // 0 or 1; only QoS 1 messages wait for the commit (QoS 0 ones are never acknowledged)
};

// Called on the network thread with each message as it came (topic and payload), before it is
// acknowledged.
using MessageCallback = std::function<void(std::string_view topic, std::string_view payload)>;

// Called on the network thread with each connection problem, in English and in Chinese: a
// connection that failed or was refused, one the broker closed (worded as a takeover of the
// client id when it happens twice in a row soon after the broker accepted us).
using ProblemCallback = std::function<void(std::string en, std::string zh)>;

class DurableSubscriber final : public FeedSubscription {
 public:
  // options.qos must be 1, options.clean_session false and the client id set; no TLS.
  static Result<std::unique_ptr<DurableSubscriber>> create(SubscriberOptions options, AckPolicy policy,
                                                            SampleCallback sink, CommitCallback commit,
                                                            LogCallback log = {});
  // Any topics, any payload (a connections file's MQTT source, docs/connections.md): each
  // message goes to `onMessage`, and a QoS 1 one is acknowledged only after the next `commit`.
  // broker.client_id must be set (the session is persistent); no TLS. `language` ("en" or "zh")
  // words its log lines about the connection, as SubscriberOptions::language does for create().
  static Result<std::unique_ptr<DurableSubscriber>> createForTopics(BrokerOptions broker, std::vector<TopicFilter> filters,
                                                                    AckPolicy policy, MessageCallback onMessage,
                                                                    CommitCallback commit, LogCallback log = {},
                                                                    ProblemCallback problem = {},
                                                                    std::string_view language = "en");
  ~DurableSubscriber() override;
  DurableSubscriber(const DurableSubscriber&) = delete;
  DurableSubscriber& operator=(const DurableSubscriber&) = delete;

  Result<void> start() override;
  Result<void> waitConnected(std::chrono::milliseconds timeout) override;
  // Commits and acknowledges what arrived, says goodbye to the broker and joins the thread.
  void stop() override;

  bool connected() const override;
  FeedCounters counters() const override;
  std::vector<FeedGap> gaps() const override;
  std::uint64_t acknowledged() const;  // PUBACKs sent (QoS 1 messages made durable)
  // While the last attempt to connect found no broker at its address: that, as every MQTT
  // source words it ("cannot reach the broker HOST:PORT: Connection refused"), in English and
  // Chinese; both empty otherwise (connected, or another problem).
  struct Unreachable {
    std::string en, zh;
  };
  Unreachable unreachable() const;

  struct Impl;

 private:
  explicit DurableSubscriber(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parktwin::feed
