#include "parktwin/feed/mqtt_mapped_source.hpp"

#include <algorithm>
#include <mutex>

#include "client.hpp"
#include "parktwin/feed/mqtt_mapping.hpp"
#include "parktwin/feed/value_mapping.hpp"

namespace parktwin::feed {

struct MqttMappedSource::Impl {
  std::string id;
  MqttSource config;
  std::vector<TopicPattern> patterns;  // one per subscription
  SourceSink sink;
  detail::MosquittoPtr client;
  bool running = false;
  bool everConnected = false;
  std::size_t pendingSubacks = 0;  // network thread only
  DeadbandFilter deadband;  // network thread only
  mutable std::mutex mutex;
  SourceCounters counters;

  void noteError(std::string what) {
    std::lock_guard lock(mutex);
    ++counters.errors;
    counters.last_error = std::move(what);
  }

  void onConnect(int rc) {
    if (rc != 0) {
      noteError("broker refused the connection: " + detail::describeConnack(rc));
      return;
    }
    pendingSubacks = 0;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      const int sub = mosquitto_subscribe(client.get(), nullptr, patterns[i].subscription.c_str(), config.subscriptions[i].qos);
      if (sub == MOSQ_ERR_SUCCESS) ++pendingSubacks;
      else noteError("subscribe to " + patterns[i].subscription + ": " + detail::describe(sub));
    }
    std::lock_guard lock(mutex);
    if (everConnected) ++counters.reconnects;
    everConnected = true;
  }

  // Connected means subscribed: only once every SUBACK is in can a message be expected.
  void onSubscribe(bool granted) {
    if (!granted) noteError("the broker refused a subscription");
    if (pendingSubacks > 0 && --pendingSubacks == 0) {
      std::lock_guard lock(mutex);
      counters.connected = true;
    }
  }

  void onDisconnect(int rc) {
    std::lock_guard lock(mutex);
    if (counters.connected && rc != 0) {
      ++counters.gaps;
      counters.last_error = "connection lost: " + detail::describe(rc);
    }
    counters.connected = false;
  }

  void onMessage(const mosquitto_message& message) {
    const std::string_view topic(message.topic);
    const std::string_view payload(static_cast<const char*>(message.payload),
                                   static_cast<std::size_t>(std::max(0, message.payloadlen)));
    const std::int64_t receipt_ms = wallClockMs();
    {
      std::lock_guard lock(mutex);
      ++counters.polls;
    }
    std::uint64_t handed = 0;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      const auto parts = matchTopic(patterns[i], topic);
      if (!parts) continue;
      auto samples = mapMessage(config.subscriptions[i], patterns[i], *parts, payload, receipt_ms);
      if (!samples) {
        noteError(std::string(topic) + ": " + samples.error().message);
        continue;
      }
      for (const auto& s : *samples) {
        if (!deadband.pass(s.tag, s.value, s.deadband)) continue;
        sink.sample(s.tag, s.ts_ms, s.value);
        ++handed;
      }
    }
    std::lock_guard lock(mutex);
    counters.values += handed;
  }
};

namespace {
MqttMappedSource::Impl& self(void* p) { return *static_cast<MqttMappedSource::Impl*>(p); }
void onConnect(mosquitto*, void* p, int rc) { self(p).onConnect(rc); }
void onDisconnect(mosquitto*, void* p, int rc) { self(p).onDisconnect(rc); }
void onMessage(mosquitto*, void* p, const mosquitto_message* m) { self(p).onMessage(*m); }
void onSubscribe(mosquitto*, void* p, int, int count, const int* granted) {
  self(p).onSubscribe(count > 0 && granted[0] <= 2);
}
}  // namespace

Result<std::unique_ptr<MqttMappedSource>> MqttMappedSource::create(std::string id, MqttSource config, SourceSink sink) {
  if (!sink.sample) return fail("MQTT source " + id + ": no sample sink");
  auto impl = std::make_unique<Impl>();
  for (const auto& s : config.subscriptions) {
    auto pattern = compileTopicPattern(s.topic);
    if (!pattern) return fail("MQTT source " + id + ": topic " + s.topic + ": " + pattern.error().message);
    impl->patterns.push_back(std::move(*pattern));
  }
  impl->id = std::move(id);
  impl->config = std::move(config);
  impl->sink = std::move(sink);
  auto client = detail::makeClient(impl->config.broker, true, impl.get());
  if (!client) return fail("MQTT source " + impl->id + ": " + client.error().message);
  impl->client = std::move(*client);
  mosquitto_connect_callback_set(impl->client.get(), &onConnect);
  mosquitto_disconnect_callback_set(impl->client.get(), &onDisconnect);
  mosquitto_message_callback_set(impl->client.get(), &onMessage);
  mosquitto_subscribe_callback_set(impl->client.get(), &onSubscribe);
  return std::unique_ptr<MqttMappedSource>(new MqttMappedSource(std::move(impl)));
}

MqttMappedSource::MqttMappedSource(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MqttMappedSource::~MqttMappedSource() { stop(); }

const std::string& MqttMappedSource::id() const { return impl_->id; }

Result<void> MqttMappedSource::start() {
  if (impl_->running) return {};
  auto started = detail::startNetworkThread(impl_->client.get(), impl_->config.broker);
  if (!started) return fail("MQTT source " + impl_->id + ": " + started.error().message);
  impl_->running = true;
  return {};
}

void MqttMappedSource::stop() {
  if (!impl_->running) return;
  detail::stopNetworkThread(impl_->client.get());
  impl_->running = false;
  std::lock_guard lock(impl_->mutex);
  impl_->counters.connected = false;
}

SourceCounters MqttMappedSource::counters() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->counters;
}

}  // namespace parktwin::feed
