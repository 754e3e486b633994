#include "parktwin/feed/publisher.hpp"

#include <condition_variable>
#include <mutex>

#include "client.hpp"
#include "parktwin/feed/payload.hpp"

namespace parktwin::feed {

struct Publisher::Impl {
  PublisherOptions options;
  detail::RateLimitedLog log;
  detail::MosquittoPtr client;
  bool running = false;
  std::string topicPrefix;

  mutable std::mutex mutex;
  std::condition_variable changed;
  bool connected = false;
  bool refused = false;
  std::string lastProblem = "not connected yet";
  std::uint64_t published = 0;
  std::uint64_t delivered = 0;

  Impl(PublisherOptions o, LogCallback l) : options(std::move(o)), log(std::move(l), 10) {
    topicPrefix = topicFor(options.park, "");
  }

  void onConnect(int rc) {
    {
      std::lock_guard lock(mutex);
      connected = rc == 0;
      refused = rc == 4 || rc == 5;
      if (rc != 0) lastProblem = "broker refused the connection: " + detail::describeConnack(rc);
    }
    changed.notify_all();
  }
  void onDisconnect(int rc) {
    {
      std::lock_guard lock(mutex);
      connected = false;
      if (rc != 0) lastProblem = "connection lost: " + detail::describe(rc);
    }
    changed.notify_all();
  }
  void onPublish() {
    {
      std::lock_guard lock(mutex);
      ++delivered;
    }
    changed.notify_all();
  }

  std::uint64_t unsent() const { return published > delivered ? published - delivered : 0; }

  Result<void> send(const std::string& topic, std::string_view payload, int qos) {
    {
      std::unique_lock lock(mutex);
      // Back-pressure: libmosquitto queues without limit, so we wait for the network thread.
      if (!changed.wait_for(lock, options.pending_timeout,
                            [&] { return unsent() < options.max_pending; })) {
        return fail("MQTT publish: " + std::to_string(unsent()) + " messages still unsent after " +
                    std::to_string(options.pending_timeout.count()) + " ms (" + lastProblem + ")");
      }
      ++published;
    }
    const int rc = mosquitto_publish(client.get(), nullptr, topic.c_str(), static_cast<int>(payload.size()),
                                     payload.data(), qos, options.retain);
    // While disconnected libmosquitto answers "not connected" but keeps a QoS 1 message in its
    // queue and sends it after the reconnect (the tests show it): that one is not lost.
    if (rc == MOSQ_ERR_SUCCESS || (rc == MOSQ_ERR_NO_CONN && qos > 0)) return {};
    {
      std::lock_guard lock(mutex);
      --published;
    }
    return fail("MQTT publish " + topic + ": " + detail::describe(rc));
  }
};

namespace {
void onConnect(mosquitto*, void* self, int rc) { static_cast<Publisher::Impl*>(self)->onConnect(rc); }
void onDisconnect(mosquitto*, void* self, int rc) { static_cast<Publisher::Impl*>(self)->onDisconnect(rc); }
void onPublish(mosquitto*, void* self, int) { static_cast<Publisher::Impl*>(self)->onPublish(); }
}  // namespace

Result<std::unique_ptr<Publisher>> Publisher::create(PublisherOptions options, LogCallback log) {
  if (options.park.empty()) return fail("MQTT publisher: the park id is empty");
  if (options.qos < 0 || options.qos > 1) return fail("MQTT publisher: QoS must be 0 or 1");
  auto impl = std::make_unique<Impl>(std::move(options), std::move(log));
  auto client = detail::makeClient(impl->options.broker, true, impl.get());
  if (!client) return std::unexpected(client.error());
  impl->client = std::move(*client);
  mosquitto_connect_callback_set(impl->client.get(), &onConnect);
  mosquitto_disconnect_callback_set(impl->client.get(), &onDisconnect);
  mosquitto_publish_callback_set(impl->client.get(), &onPublish);
  mosquitto_max_inflight_messages_set(impl->client.get(), 1000);
  return std::unique_ptr<Publisher>(new Publisher(std::move(impl)));
}

Publisher::Publisher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Publisher::~Publisher() { disconnect(); }

Result<void> Publisher::connect(std::chrono::milliseconds timeout) {
  if (!impl_->running) {
    auto started = detail::startNetworkThread(impl_->client.get(), impl_->options.broker);
    if (!started) return started;
    impl_->running = true;
  }
  return waitConnected(timeout);
}

Result<void> Publisher::waitConnected(std::chrono::milliseconds timeout) {
  std::unique_lock lock(impl_->mutex);
  impl_->changed.wait_for(lock, timeout, [&] { return impl_->connected || impl_->refused; });
  if (impl_->connected) return {};
  return fail("MQTT " + impl_->options.broker.host + ":" + std::to_string(impl_->options.broker.port) + ": " +
              impl_->lastProblem);
}

Result<void> Publisher::publish(std::string_view tag, std::int64_t ts_ms, double value) {
  std::string topic = impl_->topicPrefix;
  topic.append(tag);
  return impl_->send(topic, formatPayload(ts_ms, value), impl_->options.qos);
}

Result<void> Publisher::publishRaw(std::string_view topic, std::string_view payload, int qos) {
  return impl_->send(std::string(topic), payload, qos);
}

Result<void> Publisher::flush(std::chrono::milliseconds timeout) {
  std::unique_lock lock(impl_->mutex);
  if (impl_->changed.wait_for(lock, timeout, [&] { return impl_->delivered >= impl_->published; })) return {};
  return fail("MQTT publisher: " + std::to_string(impl_->unsent()) + " messages unsent after " +
              std::to_string(timeout.count()) + " ms (" + impl_->lastProblem + ")");
}

void Publisher::disconnect() {
  if (!impl_->running) return;
  detail::stopNetworkThread(impl_->client.get());
  impl_->running = false;
  std::lock_guard lock(impl_->mutex);
  impl_->connected = false;
}

bool Publisher::connected() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->connected;
}
std::uint64_t Publisher::published() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->published;
}
std::uint64_t Publisher::delivered() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->delivered;
}

}  // namespace parktwin::feed
