#pragma once
// The live feed: subscribes to parktwin/<park>/#, turns messages into samples and hands them to
// a callback (the historian, the twin's state). A bad message is counted and logged, never fatal.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/feed/broker.hpp"

namespace parktwin::feed {

struct SubscriberOptions {
  BrokerOptions broker;
  std::string park;                  // the <park> of the topics
  int qos = 1;                       // 0 or 1
  bool clean_session = false;        // false: the broker keeps our subscription and queues QoS 1
  std::vector<std::string> known_tags;  // empty: accept every tag, up to max_new_tags of them
  // With no tag list, how many distinct tags are accepted: each costs a duplicate window
  // (about 0.8 KiB) here and a series downstream, so a publisher inventing tags (a flood, a
  // bug) must not grow memory without bound. Later new tags are counted (tag_limit) and dropped.
  std::size_t max_new_tags = 20'000;
  int log_messages_per_minute = 10;  // per kind of problem; the rest are counted and summarised
  // "en" or "zh": the words of its log lines about the connection (lost, refused, back after a
  // gap) and of a broker it cannot reach in waitConnected's error (DurableSubscriber).
  std::string language = "en";
};

struct FeedCounters {
  std::uint64_t received = 0;     // messages delivered by the broker
  std::uint64_t accepted = 0;     // handed to the sink (late samples included)
  std::uint64_t malformed = 0;    // bad topic or payload
  std::uint64_t unknown_tag = 0;  // tag not in known_tags
  std::uint64_t tag_limit = 0;    // new tag beyond max_new_tags (no tag list)
  std::uint64_t duplicates = 0;   // same tag and timestamp as the last accepted sample
  std::uint64_t out_of_order = 0; // of the accepted, older than the newest of their tag (late)
  std::uint64_t connects = 0;
  std::uint64_t reconnects = 0;   // connects after the first
  std::uint64_t disconnects = 0;
};

// The feed was down from from_ms to to_ms (wall clock): samples in between may be missing.
struct FeedGap {
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
};

// Called on the MQTT network thread for each accepted sample, in arrival order; a late sample
// (older than the newest of its tag) is passed on too, so a sink keeping "the latest value"
// compares timestamps.
using SampleCallback = std::function<void(std::string_view tag, std::int64_t ts_ms, double value)>;

// What a running subscription offers, whichever client runs it: Subscriber (libmosquitto,
// QoS 0 or 1, TLS) or DurableSubscriber (QoS 1, acknowledged only once stored).
class FeedSubscription {
 public:
  virtual ~FeedSubscription() = default;
  // Starts connecting in the background and returns; reconnects on its own until stop().
  virtual Result<void> start() = 0;
  // Waits until connected and subscribed; fails at once if the broker refused us (credentials),
  // or after the timeout with the last connection problem.
  virtual Result<void> waitConnected(std::chrono::milliseconds timeout) = 0;
  virtual void stop() = 0;

  virtual bool connected() const = 0;
  virtual FeedCounters counters() const = 0;
  virtual std::vector<FeedGap> gaps() const = 0;
};

class Subscriber final : public FeedSubscription {
 public:
  static Result<std::unique_ptr<Subscriber>> create(SubscriberOptions options, SampleCallback sink,
                                                     LogCallback log = {});
  ~Subscriber() override;
  Subscriber(const Subscriber&) = delete;
  Subscriber& operator=(const Subscriber&) = delete;

  Result<void> start() override;
  Result<void> waitConnected(std::chrono::milliseconds timeout) override;
  void stop() override;

  bool connected() const override;
  FeedCounters counters() const override;
  std::vector<FeedGap> gaps() const override;

  struct Impl;

 private:
  explicit Subscriber(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parktwin::feed
