#include "parktwin/feed/park_feed.hpp"

#include <utility>

namespace parktwin::feed {
namespace {

template <typename Subscriber>
Result<std::unique_ptr<FeedSubscription>> asSubscription(Result<std::unique_ptr<Subscriber>> created) {
  if (!created) return std::unexpected(created.error());
  return std::unique_ptr<FeedSubscription>(std::move(*created));
}

}  // namespace

Result<std::unique_ptr<FeedSubscription>> makeParkFeed(const ParkFeedOptions& o, const model::Park& park,
                                                       SampleCallback sample, CommitCallback commit) {
  SubscriberOptions options;
  options.broker = o.broker;
  options.park = park.id;
  options.qos = o.qos;
  options.language = o.language;
  if (!o.all_tags) {
    for (const auto& tag : park.tags) options.known_tags.push_back(tag.id);
  }
  // QoS 0 has nothing to acknowledge (and Subscriber speaks TLS too).
  if (o.qos == 0) return asSubscription(Subscriber::create(options, std::move(sample)));
  AckPolicy policy;
  policy.max_batch_delay = o.ack_batch_delay;
  return asSubscription(DurableSubscriber::create(options, policy, std::move(sample), std::move(commit)));
}

}  // namespace parktwin::feed
