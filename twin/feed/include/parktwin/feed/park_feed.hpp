#pragma once
// A park's live MQTT feed as `parktwin-cli ingest` and parktwin-server run it: the park's tags
// (or any tag), QoS 0 through feed::Subscriber, QoS 1 through feed::DurableSubscriber, which
// acknowledges a message only once `commit` stored it. One rule for both programs, so they
// accept and refuse the same messages.
#include <chrono>
#include <memory>
#include <string>

#include "parktwin/common/result.hpp"
#include "parktwin/feed/durable_subscriber.hpp"
#include "parktwin/feed/subscriber.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::feed {

struct ParkFeedOptions {
  BrokerOptions broker;
  int qos = 1;
  bool all_tags = false;  // accept tags the park file does not list
  std::chrono::milliseconds ack_batch_delay{100};  // QoS 1: commit and acknowledge at least this often
  std::string language = "en";  // "en" or "zh": SubscriberOptions::language
};

Result<std::unique_ptr<FeedSubscription>> makeParkFeed(const ParkFeedOptions& options, const model::Park& park,
                                                       SampleCallback sample, CommitCallback commit);

}  // namespace parktwin::feed
