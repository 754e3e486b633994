#include "parktwin/feed/subscriber.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>

#include "client.hpp"
#include "parktwin/feed/payload.hpp"
#include "sample_filter.hpp"

namespace parktwin::feed {

struct Subscriber::Impl {
  SubscriberOptions options;
  SampleCallback sink;
  detail::RateLimitedLog log;
  std::string subscription;
  detail::MosquittoPtr client;
  bool running = false;

  mutable std::mutex mutex;  // guards everything below
  std::condition_variable changed;
  FeedCounters counters;
  std::vector<FeedGap> gaps;
  bool connected = false;
  bool refused = false;
  std::string lastProblem = "not connected yet";
  std::int64_t disconnectedAt_ms = 0;
  detail::SampleFilter filter;

  Impl(SubscriberOptions o, SampleCallback s, LogCallback l)
      : options(std::move(o)), sink(std::move(s)), log(std::move(l), options.log_messages_per_minute),
        filter(options) {
    subscription = subscriptionFor(options.park);
  }

  void onConnect(int rc) {
    if (rc != 0) {
      const std::string why = detail::describeConnack(rc);
      {
        std::lock_guard lock(mutex);
        lastProblem = "broker refused the connection: " + why;
        // 4: bad user name or password, 5: not authorised; retrying will not help.
        refused = rc == 4 || rc == 5;
      }
      changed.notify_all();
      log.write("connection", "MQTT " + options.broker.host + ":" + std::to_string(options.broker.port) +
                                  " refused the connection: " + why);
      return;
    }
    const int sub = mosquitto_subscribe(client.get(), nullptr, subscription.c_str(), options.qos);
    std::string gapText;
    {
      std::lock_guard lock(mutex);
      ++counters.connects;
      if (counters.connects > 1) ++counters.reconnects;
      if (disconnectedAt_ms > 0) {
        const FeedGap gap{disconnectedAt_ms, wallClockMs()};
        gaps.push_back(gap);
        gapText = "MQTT reconnected after " + std::to_string(gap.to_ms - gap.from_ms) +
                  " ms: samples published meanwhile may be missing";
        disconnectedAt_ms = 0;
      }
      refused = false;
      if (sub != MOSQ_ERR_SUCCESS) lastProblem = "subscribe failed: " + detail::describe(sub);
      else lastProblem = "waiting for the broker to confirm the subscription";
    }
    changed.notify_all();
    if (!gapText.empty()) log.write("connection", gapText);
  }

  // Connected means subscribed: only after SUBACK is it safe to expect messages.
  void onSubscribe(int grantedQos) {
    {
      std::lock_guard lock(mutex);
      connected = grantedQos == 0 || grantedQos == 1;
      if (!connected) lastProblem = "the broker refused the subscription to " + subscription;
    }
    changed.notify_all();
  }

  void onDisconnect(int rc) {
    bool wasConnected = false;
    {
      std::lock_guard lock(mutex);
      wasConnected = connected;
      connected = false;
      if (wasConnected) {
        ++counters.disconnects;
        disconnectedAt_ms = wallClockMs();
      }
      if (rc != 0) lastProblem = "connection lost: " + detail::describe(rc);
    }
    changed.notify_all();
    if (wasConnected && rc != 0) log.write("connection", "MQTT connection lost (" + detail::describe(rc) + "), reconnecting");
  }

  void onMessage(const mosquitto_message& message) {
    const std::string_view topic(message.topic);
    const std::string_view payload(static_cast<const char*>(message.payload),
                                   static_cast<std::size_t>(std::max(0, message.payloadlen)));
    std::unique_lock lock(mutex);
    const detail::Verdict verdict = filter.judge(topic, payload, counters);
    lock.unlock();
    if (!verdict.logKind.empty()) log.write(verdict.logKind, verdict.logText);
    // The sink runs outside our lock; messages arrive one at a time on the network thread.
    if (verdict.accepted) sink(verdict.tag, verdict.ts_ms, verdict.value);
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
  auto started = detail::startNetworkThread(impl_->client.get(), impl_->options.broker);
  if (started) impl_->running = true;
  return started;
}

Result<void> Subscriber::waitConnected(std::chrono::milliseconds timeout) {
  std::unique_lock lock(impl_->mutex);
  impl_->changed.wait_for(lock, timeout, [&] { return impl_->connected || impl_->refused; });
  if (impl_->connected) return {};
  return fail("MQTT " + impl_->options.broker.host + ":" + std::to_string(impl_->options.broker.port) + ": " +
              impl_->lastProblem);
}

void Subscriber::stop() {
  if (!impl_->running) return;
  detail::stopNetworkThread(impl_->client.get());
  impl_->running = false;
  std::lock_guard lock(impl_->mutex);
  impl_->connected = false;
}

bool Subscriber::connected() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->connected;
}

FeedCounters Subscriber::counters() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->counters;
}

std::vector<FeedGap> Subscriber::gaps() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->gaps;
}

}  // namespace parktwin::feed
