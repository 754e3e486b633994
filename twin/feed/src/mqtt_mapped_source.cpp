#include "parktwin/feed/mqtt_mapped_source.hpp"

#include <algorithm>
#include <mutex>

#include "client.hpp"
#include "mqtt_words.hpp"
#include "parktwin/feed/durable_subscriber.hpp"
#include "parktwin/feed/mqtt_mapping.hpp"
#include "parktwin/feed/value_mapping.hpp"

namespace parktwin::feed {

namespace {

// From a message to samples, the same for both clients: every subscription whose pattern
// matches maps the message; a malformed one is counted and skipped. Network thread only, but
// counters are read from others.
class MessageMapper {
 public:
  MessageMapper(MqttSource config, std::vector<TopicPattern> patterns, SourceSink sink)
      : config_(std::move(config)), patterns_(std::move(patterns)), sink_(std::move(sink)) {}

  void map(std::string_view topic, std::string_view payload) {
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
        // Worded again in Chinese only now that it failed: a good message pays nothing for it.
        auto inChinese = mapMessage(config_.subscriptions[i], patterns_[i], *parts, payload, receipt_ms, "zh");
        noteError({std::string(topic) + ": " + samples.error().message,
                   std::string(topic) + "：" + inChinese.error().message});
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

  void noteError(detail::SourceError what) {
    std::lock_guard lock(mutex_);
    ++counters_.errors;
    detail::noteError(counters_, std::move(what));
  }

  const MqttSource& config() const { return config_; }
  const std::vector<TopicPattern>& patterns() const { return patterns_; }
  const SourceSink& sink() const { return sink_; }
  SourceCounters counters() const {
    std::lock_guard lock(mutex_);
    return counters_;
  }
  template <typename F>
  void update(F&& change) {
    std::lock_guard lock(mutex_);
    change(counters_);
  }

 private:
  MqttSource config_;
  std::vector<TopicPattern> patterns_;  // one per subscription
  SourceSink sink_;
  DeadbandFilter deadband_;   // network thread only
  mutable std::mutex mutex_;  // guards counters_
  SourceCounters counters_;
};

class MqttMappedSource final : public LiveSource {
 public:
  MqttMappedSource(std::string sourceId, MqttSource config, std::vector<TopicPattern> patterns, SourceSink sink)
      : id_(std::move(sourceId)), mapper_(std::move(config), std::move(patterns), std::move(sink)) {}
  ~MqttMappedSource() override { stop(); }
  MqttMappedSource(const MqttMappedSource&) = delete;
  MqttMappedSource& operator=(const MqttMappedSource&) = delete;

  Result<void> makeClient();
  const std::string& id() const override { return id_; }
  Result<void> start() override;
  void stop() override;
  SourceCounters counters() const override { return mapper_.counters(); }

  // libmosquitto's callbacks, on its network thread.
  void onConnect(int rc);
  void onSubscribe(bool granted);
  void onDisconnect(int rc);
  void onMessage(const mosquitto_message& message);

 private:
  void noteError(detail::SourceError what) { mapper_.noteError(std::move(what)); }

  std::string id_;
  MessageMapper mapper_;
  detail::MosquittoPtr client_;
  bool running_ = false;
  bool everConnected_ = false;      // network thread only
  std::size_t pendingSubacks_ = 0;  // network thread only
  detail::TakeoverWatch takeover_;  // network thread only
};

void MqttMappedSource::onConnect(int rc) {
  if (rc != 0) {
    takeover_.failedToConnect();
    noteError(detail::brokerRefusedConnection(rc));
    return;
  }
  takeover_.accepted(detail::TakeoverWatch::Clock::now());
  pendingSubacks_ = 0;
  const auto& patterns = mapper_.patterns();
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const int sub = mosquitto_subscribe(client_.get(), nullptr, patterns[i].subscription.c_str(),
                                        mapper_.config().subscriptions[i].qos);
    if (sub == MOSQ_ERR_SUCCESS) ++pendingSubacks_;
    else noteError(detail::subscribeFailed(patterns[i].subscription, sub));
  }
  if (everConnected_) mapper_.update([](SourceCounters& c) { ++c.reconnects; });
  everConnected_ = true;
}

// Connected means subscribed: only once every SUBACK is in can a message be expected.
void MqttMappedSource::onSubscribe(bool granted) {
  if (!granted) noteError(detail::brokerRefusedSubscription({}));
  if (pendingSubacks_ > 0 && --pendingSubacks_ == 0) mapper_.update([](SourceCounters& c) { c.connected = true; });
}

// libmosquitto says MOSQ_ERR_CONN_LOST when the broker closed the socket: a restart, or another
// client with our client id (TakeoverWatch tells which). Noted also before the SUBACK: a
// takeover can close us that early.
void MqttMappedSource::onDisconnect(int rc) {
  // 0: we asked to go; a refused CONNACK: onConnect has worded it ("not authorised"), and the
  // disconnect that follows it must not put libmosquitto's vaguer words over them.
  if (rc == 0 || rc == MOSQ_ERR_CONN_REFUSED) {
    mapper_.update([](SourceCounters& c) { c.connected = false; });
    return;
  }
  const detail::SourceError why =
      rc == MOSQ_ERR_CONN_LOST
          ? takeover_.closedByBroker(detail::TakeoverWatch::Clock::now(), mapper_.config().broker.client_id)
          : detail::connectionLost(rc);
  mapper_.update([&why](SourceCounters& c) {
    if (c.connected) ++c.gaps;
    detail::noteError(c, why);
    c.connected = false;
  });
}

void MqttMappedSource::onMessage(const mosquitto_message& message) {
  mapper_.map(message.topic, std::string_view(static_cast<const char*>(message.payload),
                                              static_cast<std::size_t>(std::max(0, message.payloadlen))));
}

MqttMappedSource& self(void* p) { return *static_cast<MqttMappedSource*>(p); }
void onConnect(mosquitto*, void* p, int rc) { self(p).onConnect(rc); }
void onDisconnect(mosquitto*, void* p, int rc) { self(p).onDisconnect(rc); }
void onMessage(mosquitto*, void* p, const mosquitto_message* m) { self(p).onMessage(*m); }
void onSubscribe(mosquitto*, void* p, int, int count, const int* granted) {
  self(p).onSubscribe(count > 0 && granted[0] <= 2);
}

Result<void> MqttMappedSource::makeClient() {
  auto client = detail::makeClient(mapper_.config().broker, true, this);
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
  std::string firstFailure;
  const BrokerOptions& broker = mapper_.config().broker;
  auto started = detail::startNetworkThread(client_.get(), broker, &firstFailure);
  if (!started) return fail("MQTT source " + id_ + ": " + started.error().message);
  running_ = true;
  // The network thread goes on trying; meanwhile the source says why it is not connected (a
  // broker that is not there said nothing: "not connected, 0 errors").
  if (!firstFailure.empty()) {
    mapper_.update([&](SourceCounters& c) { detail::noteError(c, detail::unreachableBroker(broker, firstFailure)); });
  }
  return {};
}

void MqttMappedSource::stop() {
  if (!running_) return;
  detail::stopNetworkThread(client_.get());
  running_ = false;
  mapper_.update([](SourceCounters& c) { c.connected = false; });
}

// The same mapping through DurableSubscriber: QoS 1 messages are acknowledged to the broker only
// once the sink's commit made their samples durable, and the session is persistent, so what the
// process had not committed when it died is sent again (docs/connections.md, "Acknowledged").
class DurableMappedSource final : public LiveSource {
 public:
  DurableMappedSource(std::string sourceId, MqttSource config, std::vector<TopicPattern> patterns, SourceSink sink)
      : id_(std::move(sourceId)), mapper_(std::move(config), std::move(patterns), std::move(sink)) {}
  ~DurableMappedSource() override { stop(); }
  DurableMappedSource(const DurableMappedSource&) = delete;
  DurableMappedSource& operator=(const DurableMappedSource&) = delete;

  // `language` ("en" or "zh"): of the subscriber's log lines about the connection.
  Result<void> makeClient(std::string_view language) {
    std::vector<TopicFilter> filters;
    const auto& patterns = mapper_.patterns();
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      filters.push_back({patterns[i].subscription, mapper_.config().subscriptions[i].qos});
    }
    auto client = DurableSubscriber::createForTopics(
        mapper_.config().broker, std::move(filters), AckPolicy{},
        [this](std::string_view topic, std::string_view payload) { mapper_.map(topic, payload); },
        mapper_.sink().commit, {},
        // Said in the source's last error: a takeover of the client id left no word otherwise.
        [this](std::string en, std::string zh) {
          mapper_.update([&](SourceCounters& c) { c.noteError(std::move(en), std::move(zh)); });
        },
        language);
    if (!client) return fail("MQTT source " + id_ + ": " + client.error().message);
    client_ = std::move(*client);
    return {};
  }
  const std::string& id() const override { return id_; }
  Result<void> start() override { return client_->start(); }
  void stop() override { client_->stop(); }
  SourceCounters counters() const override {
    SourceCounters out = mapper_.counters();
    const FeedCounters feed = client_->counters();
    out.connected = client_->connected();
    out.reconnects = feed.reconnects;
    out.gaps = client_->gaps().size();
    // A broker that is not there now, named as the other MQTT sources name it (it said nothing).
    if (auto unreachable = client_->unreachable(); !out.connected && !unreachable.en.empty()) {
      if (out.first_error.empty()) {
        out.first_error = unreachable.en;
        out.first_error_zh = unreachable.zh;
      }
      out.last_error = std::move(unreachable.en);
      out.last_error_zh = std::move(unreachable.zh);
    }
    return out;
  }

 private:
  std::string id_;
  MessageMapper mapper_;
  std::unique_ptr<DurableSubscriber> client_;
};

// Durable when it can be: a commit to wait for, a persistent session (client id) and no TLS
// (DurableSubscriber speaks plain TCP). Otherwise libmosquitto, acknowledging on receipt.
bool wantsDurable(const MqttSource& config, const SourceSink& sink) {
  const bool anyQos1 = std::any_of(config.subscriptions.begin(), config.subscriptions.end(),
                                   [](const MqttSubscription& s) { return s.qos == 1; });
  return sink.commit && anyQos1 && !config.broker.client_id.empty() && config.broker.tls_ca_file.empty();
}

}  // namespace

Result<std::unique_ptr<LiveSource>> makeMqttMappedSource(std::string id, MqttSource config, SourceSink sink,
                                                         std::string_view language) {
  if (!sink.sample) return fail("MQTT source " + id + ": no sample sink");
  std::vector<TopicPattern> patterns;
  for (const auto& s : config.subscriptions) {
    auto pattern = compileTopicPattern(s.topic);
    if (!pattern) return fail("MQTT source " + id + ": topic " + s.topic + ": " + pattern.error().message);
    patterns.push_back(std::move(*pattern));
  }
  if (wantsDurable(config, sink)) {
    auto source = std::make_unique<DurableMappedSource>(std::move(id), std::move(config), std::move(patterns), std::move(sink));
    if (auto made = source->makeClient(language); !made) return std::unexpected(made.error());
    return std::unique_ptr<LiveSource>(std::move(source));
  }
  auto source = std::make_unique<MqttMappedSource>(std::move(id), std::move(config), std::move(patterns), std::move(sink));
  if (auto made = source->makeClient(); !made) return std::unexpected(made.error());
  return std::unique_ptr<LiveSource>(std::move(source));
}

}  // namespace parktwin::feed
