#include "parktwin/feed/mqtt_mapped_source.hpp"

#include <algorithm>
#include <mutex>

#include "client.hpp"
#include "parktwin/feed/mqtt_mapping.hpp"
#include "parktwin/feed/value_mapping.hpp"

namespace parktwin::feed {

namespace {

class MqttMappedSource final : public LiveSource {
 public:
  MqttMappedSource(std::string sourceId, MqttSource source, std::vector<TopicPattern> compiled, SourceSink sampleSink)
      : id_(std::move(sourceId)), config_(std::move(source)), patterns_(std::move(compiled)), sink_(std::move(sampleSink)) {}
  ~MqttMappedSource() override { stop(); }
  MqttMappedSource(const MqttMappedSource&) = delete;
  MqttMappedSource& operator=(const MqttMappedSource&) = delete;

  Result<void> makeClient();
  const std::string& id() const override { return id_; }
  Result<void> start() override;
  void stop() override;
  SourceCounters counters() const override {
    std::lock_guard lock(mutex_);
    return counters_;
  }

  // libmosquitto's callbacks, on its network thread.
  void onConnect(int rc);
  void onSubscribe(bool granted);
  void onDisconnect(int rc);
  void onMessage(const mosquitto_message& message);

 private:
  void noteError(std::string what) {
    std::lock_guard lock(mutex_);
    ++counters_.errors;
    counters_.last_error = std::move(what);
  }

  std::string id_;
  MqttSource config_;
  std::vector<TopicPattern> patterns_;  // one per subscription
  SourceSink sink_;
  detail::MosquittoPtr client_;
  bool running_ = false;
  bool everConnected_ = false;      // network thread only
  std::size_t pendingSubacks_ = 0;  // network thread only
  DeadbandFilter deadband_;         // network thread only
  mutable std::mutex mutex_;        // guards counters_
  SourceCounters counters_;
};

void MqttMappedSource::onConnect(int rc) {
  if (rc != 0) {
    noteError("broker refused the connection: " + detail::describeConnack(rc));
    return;
  }
  pendingSubacks_ = 0;
  for (std::size_t i = 0; i < patterns_.size(); ++i) {
    const int sub = mosquitto_subscribe(client_.get(), nullptr, patterns_[i].subscription.c_str(), config_.subscriptions[i].qos);
    if (sub == MOSQ_ERR_SUCCESS) ++pendingSubacks_;
    else noteError("subscribe to " + patterns_[i].subscription + ": " + detail::describe(sub));
  }
  std::lock_guard lock(mutex_);
  if (everConnected_) ++counters_.reconnects;
  everConnected_ = true;
}

// Connected means subscribed: only once every SUBACK is in can a message be expected.
void MqttMappedSource::onSubscribe(bool granted) {
  if (!granted) noteError("the broker refused a subscription");
  if (pendingSubacks_ > 0 && --pendingSubacks_ == 0) {
    std::lock_guard lock(mutex_);
    counters_.connected = true;
  }
}

void MqttMappedSource::onDisconnect(int rc) {
  std::lock_guard lock(mutex_);
  if (counters_.connected && rc != 0) {
    ++counters_.gaps;
    counters_.last_error = "connection lost: " + detail::describe(rc);
  }
  counters_.connected = false;
}

void MqttMappedSource::onMessage(const mosquitto_message& message) {
  const std::string_view topic(message.topic);
  const std::string_view payload(static_cast<const char*>(message.payload),
                                 static_cast<std::size_t>(std::max(0, message.payloadlen)));
  const std::int64_t receipt_ms = wallClockMs();
  {
    std::lock_guard lock(mutex_);
    ++counters_.polls;
  }
  std::uint64_t handed = 0;
  for (std::size_t i = 0; i < patterns_.size(); ++i) {
    const auto parts = matchTopic(patterns_[i], topic);
    if (!parts) continue;
    auto samples = mapMessage(config_.subscriptions[i], patterns_[i], *parts, payload, receipt_ms);
    if (!samples) {
      noteError(std::string(topic) + ": " + samples.error().message);
      continue;
    }
    for (const auto& s : *samples) {
      if (!deadband_.pass(s.tag, s.value, s.deadband)) continue;
      sink_.sample(s.tag, s.ts_ms, s.value);
      ++handed;
    }
  }
  std::lock_guard lock(mutex_);
  counters_.values += handed;
}

MqttMappedSource& self(void* p) { return *static_cast<MqttMappedSource*>(p); }
void onConnect(mosquitto*, void* p, int rc) { self(p).onConnect(rc); }
void onDisconnect(mosquitto*, void* p, int rc) { self(p).onDisconnect(rc); }
void onMessage(mosquitto*, void* p, const mosquitto_message* m) { self(p).onMessage(*m); }
void onSubscribe(mosquitto*, void* p, int, int count, const int* granted) {
  self(p).onSubscribe(count > 0 && granted[0] <= 2);
}

Result<void> MqttMappedSource::makeClient() {
  auto client = detail::makeClient(config_.broker, true, this);
  if (!client) return fail("MQTT source " + id_ + ": " + client.error().message);
  client_ = std::move(*client);
  mosquitto_connect_callback_set(client_.get(), &feed::onConnect);
  mosquitto_disconnect_callback_set(client_.get(), &feed::onDisconnect);
  mosquitto_message_callback_set(client_.get(), &feed::onMessage);
  mosquitto_subscribe_callback_set(client_.get(), &feed::onSubscribe);
  return {};
}

Result<void> MqttMappedSource::start() {
  if (running_) return {};
  auto started = detail::startNetworkThread(client_.get(), config_.broker);
  if (!started) return fail("MQTT source " + id_ + ": " + started.error().message);
  running_ = true;
  return {};
}

void MqttMappedSource::stop() {
  if (!running_) return;
  detail::stopNetworkThread(client_.get());
  running_ = false;
  std::lock_guard lock(mutex_);
  counters_.connected = false;
}

}  // namespace

Result<std::unique_ptr<LiveSource>> makeMqttMappedSource(std::string id, MqttSource config, SourceSink sink) {
  if (!sink.sample) return fail("MQTT source " + id + ": no sample sink");
  std::vector<TopicPattern> patterns;
  for (const auto& s : config.subscriptions) {
    auto pattern = compileTopicPattern(s.topic);
    if (!pattern) return fail("MQTT source " + id + ": topic " + s.topic + ": " + pattern.error().message);
    patterns.push_back(std::move(*pattern));
  }
  auto source = std::make_unique<MqttMappedSource>(std::move(id), std::move(config), std::move(patterns), std::move(sink));
  if (auto made = source->makeClient(); !made) return std::unexpected(made.error());
  return std::unique_ptr<LiveSource>(std::move(source));
}

}  // namespace parktwin::feed
