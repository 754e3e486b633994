#include "parktwin/feed/subscriber.hpp"

#include <algorithm>

#include "client.hpp"
#include "parktwin/feed/payload.hpp"
#include "feed_state.hpp"

namespace parktwin::feed {

struct Subscriber::Impl {
  SubscriberOptions options;
  SampleCallback sink;
  detail::RateLimitedLog log;
  std::string subscription;
  detail::MosquittoPtr client;
  bool running = false;

  detail::FeedState state;

  Impl(SubscriberOptions o, SampleCallback s, LogCallback l)
      : options(std::move(o)), sink(std::move(s)), log(std::move(l), options.log_messages_per_minute),
        subscription(subscriptionFor(options.park)), state(options) {}

  std::string where() const { return "MQTT " + options.broker.host + ":" + std::to_string(options.broker.port); }

  void onConnect(int rc) {
    if (rc != 0) {
      const std::string why = detail::describeConnack(rc);
      // 4: bad user name or password, 5: not authorised; retrying will not help.
      state.noteProblem("broker refused the connection: " + why, rc == 4 || rc == 5);
      log.write("connection", options.language == "zh" ? where() + "：" + detail::brokerRefusedConnection(rc).zh
                                                       : where() + " refused the connection: " + why);
      return;
    }
    const int sub = mosquitto_subscribe(client.get(), nullptr, subscription.c_str(), options.qos);
    const std::string gapText =
        state.noteConnected({"samples published meanwhile may be missing", "其间发布的样本可能缺失"},
                            sub != MOSQ_ERR_SUCCESS ? "subscribe failed: " + detail::describe(sub)
                                                    : "waiting for the broker to confirm the subscription");
    if (!gapText.empty()) log.write("connection", gapText);
  }

  // Connected means subscribed: only after SUBACK is it safe to expect messages.
  void onSubscribe(int grantedQos) {
    state.noteSubscribed(grantedQos == 0 || grantedQos == 1, "the broker refused the subscription to " + subscription);
  }

  void onDisconnect(int rc) {
    const bool wasConnected = state.noteDisconnected(rc != 0 ? "connection lost: " + detail::describe(rc) : "");
    if (wasConnected && rc != 0) {
      log.write("connection", options.language == "zh" ? "MQTT " + detail::connectionLost(rc).zh + "，正在重连"
                                                       : "MQTT connection lost (" + detail::describe(rc) + "), reconnecting");
    }
    // Never connected: the reason waitConnected gives, instead of "not connected yet".
    if (!wasConnected && rc != 0) state.noteProblem("cannot connect: " + detail::describe(rc), false);
  }

  void onMessage(const mosquitto_message& message) {
    const std::string_view topic(message.topic);
    const std::string_view payload(static_cast<const char*>(message.payload),
                                   static_cast<std::size_t>(std::max(0, message.payloadlen)));
    // The sink runs outside our lock; messages arrive one at a time on the network thread.
    state.deliver(topic, payload, log, sink);
  }
};

namespace {

void onConnect(mosquitto*, void* self, int rc) { static_cast<Subscriber::Impl*>(self)->onConnect(rc); }
void onDisconnect(mosquitto*, void* self, int rc) { static_cast<Subscriber::Impl*>(self)->onDisconnect(rc); }
void onSubscribe(mosquitto*, void* self, int, int count, const int* granted) {
  static_cast<Subscriber::Impl*>(self)->onSubscribe(count > 0 ? granted[0] : 128);
}
void onMessage(mosquitto*, void* self, const mosquitto_message* m) {
  static_cast<Subscriber::Impl*>(self)->onMessage(*m);
}

}  // namespace

Result<std::unique_ptr<Subscriber>> Subscriber::create(SubscriberOptions options, SampleCallback sink, LogCallback log) {
  if (options.park.empty()) return fail("MQTT subscriber: the park id is empty");
  if (options.qos < 0 || options.qos > 1) return fail("MQTT subscriber: QoS must be 0 or 1");
  if (!sink) return fail("MQTT subscriber: no sample sink");
  auto impl = std::make_unique<Impl>(std::move(options), std::move(sink), std::move(log));
  auto client = detail::makeClient(impl->options.broker, impl->options.clean_session, impl.get());
  if (!client) return std::unexpected(client.error());
  impl->client = std::move(*client);
  mosquitto_connect_callback_set(impl->client.get(), &onConnect);
  mosquitto_disconnect_callback_set(impl->client.get(), &onDisconnect);
  mosquitto_message_callback_set(impl->client.get(), &onMessage);
  mosquitto_subscribe_callback_set(impl->client.get(), &onSubscribe);
  return std::unique_ptr<Subscriber>(new Subscriber(std::move(impl)));
}

Subscriber::Subscriber(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Subscriber::~Subscriber() { stop(); }

Result<void> Subscriber::start() {
  if (impl_->running) return {};
  std::string firstFailure;
  auto started = detail::startNetworkThread(impl_->client.get(), impl_->options.broker, &firstFailure);
  if (started) impl_->running = true;
  if (started && !firstFailure.empty()) impl_->state.noteProblem("cannot connect: " + firstFailure, false);
  return started;
}

Result<void> Subscriber::waitConnected(std::chrono::milliseconds timeout) {
  return impl_->state.waitConnected(timeout, impl_->where());
}

void Subscriber::stop() {
  if (!impl_->running) return;
  detail::stopNetworkThread(impl_->client.get());
  impl_->running = false;
  impl_->state.noteStopped();
}

bool Subscriber::connected() const { return impl_->state.connected(); }
FeedCounters Subscriber::counters() const { return impl_->state.counters(); }
std::vector<FeedGap> Subscriber::gaps() const { return impl_->state.gaps(); }

}  // namespace parktwin::feed
