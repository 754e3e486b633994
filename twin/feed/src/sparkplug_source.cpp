#include "parktwin/feed/sparkplug_source.hpp"

#include <algorithm>
#include <mutex>

#include "client.hpp"
#include "parktwin/feed/durable_subscriber.hpp"
#include "parktwin/feed/sparkplug_payload.hpp"
#include "sparkplug_session.hpp"

namespace parktwin::feed {
namespace {

class SparkplugLiveSource final : public LiveSource {
 public:
  SparkplugLiveSource(std::string id, const SparkplugSource& config, SourceSink sink, LogCallback log, std::string_view language)
      : id_(std::move(id)), config_(config), sink_(std::move(sink)), language_(language), log_(std::move(log), 10), session_(config_),
        subscription_(std::string(kSparkplugNamespace) + "/" + config_.group_id + "/+/" + config_.edge_node_id + "/#"),
        commandTopic_(sparkplugTopic(config_.group_id, SparkplugMessageType::ncmd, config_.edge_node_id)) {}
  ~SparkplugLiveSource() override { stop(); }

  const std::string& id() const override { return id_; }
  Result<void> start() override;
  void stop() override;
  SourceCounters counters() const override;

  Result<void> attachClient();
  void onConnect(int rc);
  void onSubscribe(int grantedQos);
  void onDisconnect(int rc);
  void onMessage(const mosquitto_message& message);
  // One Sparkplug message, from either client.
  void handle(std::string_view topic, std::string_view payload);

 private:
  std::string where() const { return "Sparkplug source " + id_ + " (MQTT " + config_.broker.host + ":" + std::to_string(config_.broker.port) + ")"; }
  // A problem of the connection as a log line, in the language of the source's log lines.
  std::string logLine(const detail::SourceError& why) const {
    if (language_ != "zh") return where() + ": " + why.en;
    return "Sparkplug 数据源 " + id_ + "（MQTT " + config_.broker.host + ":" + std::to_string(config_.broker.port) + "）：" + why.zh;
  }

  std::string id_;
  SparkplugSource config_;
  SourceSink sink_;
  const std::string language_;  // "en" or "zh": of the log lines
  detail::RateLimitedLog log_;
  mutable std::mutex mutex_;  // guards session_ and the connection counters
  detail::SparkplugSession session_;
  bool connected_ = false;
  bool everConnected_ = false;
  std::uint64_t reconnects_ = 0;
  SourceCounters connection_;  // its errors alone: the broker refusing or losing this client
  const std::string subscription_;
  const std::string commandTopic_;
  detail::MosquittoPtr client_;  // receives, or with durable_ only sends the rebirth commands
  // With a commit to wait for (ingest): messages are received here and acknowledged only once
  // stored (docs/connections.md, "Acknowledged").
  std::unique_ptr<DurableSubscriber> durable_;
  bool running_ = false;
};

void onConnectCb(mosquitto*, void* self, int rc) { static_cast<SparkplugLiveSource*>(self)->onConnect(rc); }
void onDisconnectCb(mosquitto*, void* self, int rc) { static_cast<SparkplugLiveSource*>(self)->onDisconnect(rc); }
void onSubscribeCb(mosquitto*, void* self, int, int count, const int* granted) {
  static_cast<SparkplugLiveSource*>(self)->onSubscribe(count > 0 ? granted[0] : 128);
}
void onMessageCb(mosquitto*, void* self, const mosquitto_message* m) { static_cast<SparkplugLiveSource*>(self)->onMessage(*m); }

Result<void> SparkplugLiveSource::attachClient() {
  BrokerOptions broker = config_.broker;
  if (sink_.commit && !broker.client_id.empty() && broker.tls_ca_file.empty()) {
    auto durable = DurableSubscriber::createForTopics(
        broker, {{subscription_, 1}}, AckPolicy{},
        [this](std::string_view topic, std::string_view payload) { handle(topic, payload); }, sink_.commit, {},
        // Its connection problems (a takeover of the client id) are the source's last error.
        [this](std::string en, std::string zh) {
          std::lock_guard lock(mutex_);
          connection_.noteError(std::move(en), std::move(zh));
        },
        language_);
    if (!durable) return std::unexpected(durable.error());
    durable_ = std::move(*durable);
    broker.client_id.clear();  // the command sender is a client of its own
  }
  auto client = detail::makeClient(broker, true, this);
  if (!client) return std::unexpected(client.error());
  client_ = std::move(*client);
  mosquitto_connect_callback_set(client_.get(), &onConnectCb);
  mosquitto_disconnect_callback_set(client_.get(), &onDisconnectCb);
  mosquitto_message_callback_set(client_.get(), &onMessageCb);
  mosquitto_subscribe_callback_set(client_.get(), &onSubscribeCb);
  return {};
}

Result<void> SparkplugLiveSource::start() {
  if (running_) return {};
  std::string firstFailure;
  auto started = detail::startNetworkThread(client_.get(), config_.broker, &firstFailure);
  if (started && durable_) started = durable_->start();
  if (!started) return started;
  running_ = true;
  // The network thread goes on trying; meanwhile the source names the broker it cannot reach,
  // in the MQTT source's words (a broker that is not there said nothing).
  if (!firstFailure.empty()) {
    std::lock_guard lock(mutex_);
    detail::noteError(connection_, detail::unreachableBroker(config_.broker, firstFailure));
  }
  return started;
}

void SparkplugLiveSource::stop() {
  if (!running_) return;
  if (durable_) durable_->stop();
  detail::stopNetworkThread(client_.get());
  running_ = false;
  std::lock_guard lock(mutex_);
  connected_ = false;
}

SourceCounters SparkplugLiveSource::counters() const {
  std::lock_guard lock(mutex_);
  SourceCounters out = session_.counters();
  out.connected = durable_ ? durable_->connected() : connected_;
  out.reconnects = durable_ ? durable_->counters().reconnects : reconnects_;
  if (out.last_error.empty()) {
    out.last_error = connection_.last_error;
    out.last_error_zh = connection_.last_error_zh;
  }
  if (out.first_error.empty()) {
    out.first_error = connection_.first_error;
    out.first_error_zh = connection_.first_error_zh;
  }
  return out;
}

void SparkplugLiveSource::onConnect(int rc) {
  if (rc != 0) {
    detail::SourceError why = detail::brokerRefusedConnection(rc);
    log_.write("connection", logLine(why));
    std::lock_guard lock(mutex_);
    detail::noteError(connection_, std::move(why));
    return;
  }
  {
    std::lock_guard lock(mutex_);
    if (everConnected_) ++reconnects_;
    everConnected_ = true;
  }
  if (durable_) return;  // it subscribes; this client only sends commands
  const int sub = mosquitto_subscribe(client_.get(), nullptr, subscription_.c_str(), 1);
  if (sub == MOSQ_ERR_SUCCESS) return;
  detail::SourceError why = detail::subscribeFailed(subscription_, sub);
  log_.write("connection", logLine(why));
  std::lock_guard lock(mutex_);
  detail::noteError(connection_, std::move(why));
}

// Connected means subscribed: only after SUBACK can births and data arrive.
void SparkplugLiveSource::onSubscribe(int grantedQos) {
  std::lock_guard lock(mutex_);
  connected_ = grantedQos == 0 || grantedQos == 1;
  if (!connected_) detail::noteError(connection_, detail::brokerRefusedSubscription(subscription_));
}

void SparkplugLiveSource::onDisconnect(int rc) {
  std::lock_guard lock(mutex_);
  connected_ = false;
  if (rc != 0) detail::noteError(connection_, detail::connectionLost(rc));
}

void SparkplugLiveSource::onMessage(const mosquitto_message& message) {
  handle(message.topic, std::string_view(static_cast<const char*>(message.payload),
                                         static_cast<std::size_t>(std::max(0, message.payloadlen))));
}

void SparkplugLiveSource::handle(std::string_view topic, std::string_view payload) {
  const std::int64_t now = wallClockMs();
  detail::SparkplugEffects effects;
  {
    std::lock_guard lock(mutex_);
    effects = session_.onMessage(topic, payload, now);
  }
  if (effects.requestRebirth) {
    const std::string request = encodeRebirthRequest(now);
    // QoS 0 as the specification asks for commands: a lost request is repeated on the next miss.
    const int rc = mosquitto_publish(client_.get(), nullptr, commandTopic_.c_str(), static_cast<int>(request.size()),
                                     request.data(), 0, false);
    if (rc != MOSQ_ERR_SUCCESS) log_.write("rebirth", where() + ": cannot send the rebirth request: " + detail::describe(rc));
  }
  // The sink runs outside our lock; messages arrive one at a time on the network thread.
  for (const auto& s : effects.stale) {
    if (sink_.stale) sink_.stale(s.tag, s.ts_ms);
  }
  for (const auto& s : effects.samples) {
    if (sink_.sample) sink_.sample(s.tag, s.ts_ms, s.value);
  }
}

}  // namespace

Result<std::unique_ptr<LiveSource>> makeSparkplugSource(const Source& source, SourceSink sink, LogCallback log,
                                                        std::string_view language) {
  const auto* config = std::get_if<SparkplugSource>(&source.config);
  if (!config) return fail("source " + source.id + ": not a Sparkplug B source");
  if (config->group_id.empty() || config->edge_node_id.empty()) {
    return fail("source " + source.id + ": Sparkplug B needs a group_id and an edge_node_id");
  }
  for (std::string_view part : {std::string_view(config->group_id), std::string_view(config->edge_node_id)}) {
    if (part.find_first_of("/+#") != std::string_view::npos) {
      return fail("source " + source.id + ": Sparkplug id \"" + std::string(part) + "\" may not contain /, + or #");
    }
  }
  if (!sink.sample) return fail("source " + source.id + ": no sample sink");
  auto live = std::make_unique<SparkplugLiveSource>(source.id, *config, std::move(sink), std::move(log), language);
  if (auto attached = live->attachClient(); !attached) return std::unexpected(attached.error());
  return std::unique_ptr<LiveSource>(std::move(live));
}

}  // namespace parktwin::feed
