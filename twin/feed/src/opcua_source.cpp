#include "parktwin/feed/opcua_source.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <thread>

#include "child_process.hpp"
#include "client.hpp"
#include "opcua_gateway.hpp"
#include "parktwin/feed/durable_subscriber.hpp"
#include "parktwin/feed/subscriber.hpp"
#include "parktwin/feed/value_mapping.hpp"

namespace parktwin::feed {
namespace {

using namespace std::chrono_literals;

constexpr auto kGatewayRestartMin = 1s;
constexpr auto kGatewayRestartMax = 30s;
constexpr auto kGatewayStopGrace = 3s;

class OpcUaGatewaySource final : public LiveSource {
 public:
  OpcUaGatewaySource(std::string id, OpcUaSource config, SourceSink sink, BrokerOptions broker, OpcUaGatewayProgram program,
                     LogCallback log, std::string_view language)
      : id_(std::move(id)), config_(std::move(config)), sink_(std::move(sink)), broker_(std::move(broker)), language_(language),
        program_(std::move(program)), log_(log ? std::move(log) : LogCallback([](std::string_view m) {
          std::fprintf(stderr, "parktwin feed: %.*s\n", static_cast<int>(m.size()), m.data());
        })),
        errorLog_(log_, kErrorLinesPerMinute), park_(opcUaGatewayPark(id_)) {
    for (const auto& node : config_.nodes) mappings_[node.mapping.tag] = node.mapping;
  }
  ~OpcUaGatewaySource() override { stop(); }

  const std::string& id() const override { return id_; }
  Result<void> start() override;
  void stop() override;
  SourceCounters counters() const override;
  int pid() const {
    std::lock_guard lock(mutex_);
    return pid_;
  }

 private:
  void onSample(std::string_view tag, std::int64_t ts, double raw);
  void supervise();
  void runGatewayOnce();
  void note(const detail::GatewayEvent& event);
  void noteError(detail::SourceError message, bool disconnected);

  const std::string id_;
  const OpcUaSource config_;
  const SourceSink sink_;
  const BrokerOptions broker_;
  const std::string language_;  // "en" or "zh": of the subscriber's log lines about the broker
  const OpcUaGatewayProgram program_;
  const LogCallback log_;
  // A node whose value is text repeats its error at every change: as the MQTT feed, at most this
  // many lines a minute, then a count.
  static constexpr int kErrorLinesPerMinute = 10;
  detail::RateLimitedLog errorLog_;
  const std::string park_;
  std::map<std::string, ValueMapping, std::less<>> mappings_;

  std::unique_ptr<FeedSubscription> subscriber_;
  std::thread supervisor_;
  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable wake_;
  bool stopping_ = false;
  bool running_ = false;
  int pid_ = -1;
  bool gatewayConnected_ = false;
  bool everConnected_ = false;
  DeadbandFilter deadband_;
  SourceCounters counters_;
};

void OpcUaGatewaySource::onSample(std::string_view tag, std::int64_t ts, double raw) {
  double value = 0;
  {
    std::lock_guard lock(mutex_);
    const auto mapping = mappings_.find(tag);
    if (mapping == mappings_.end()) return;
    value = mappedValue(mapping->second, raw);
    if (!std::isfinite(value) || !deadband_.pass(tag, value, mapping->second.deadband)) return;
    ++counters_.values;
  }
  sink_.sample(tag, ts, value);
}

Result<void> OpcUaGatewaySource::start() {
  if (running_) return {};
  SubscriberOptions options;
  options.broker = broker_;
  options.broker.client_id.clear();
  options.park = park_;
  options.qos = 1;
  options.clean_session = true;
  options.language = language_;
  for (const auto& [tag, mapping] : mappings_) options.known_tags.push_back(tag);
  const SampleCallback sample = [this](std::string_view tag, std::int64_t ts, double v) { onSample(tag, ts, v); };
  if (sink_.commit && broker_.tls_ca_file.empty()) {
    // The gateway publishes at QoS 1: with a commit to wait for, its values are acknowledged
    // to the broker only once stored, and a persistent session keeps the rest for the next run.
    options.broker.client_id = broker_.client_id.empty() ? "parktwin-" + park_ : broker_.client_id;
    options.clean_session = false;
    auto durable = DurableSubscriber::create(options, AckPolicy{}, sample, sink_.commit, log_);
    if (!durable) return std::unexpected(durable.error());
    subscriber_ = std::move(*durable);
  } else {
    auto subscriber = Subscriber::create(options, sample, log_);
    if (!subscriber) return std::unexpected(subscriber.error());
    subscriber_ = std::move(*subscriber);
  }
  if (auto started = subscriber_->start(); !started) return started;
  // Values the gateway publishes before we are subscribed would be lost; a broker that is down
  // now is no reason to fail: both sides keep retrying.
  (void)subscriber_->waitConnected(3s);
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  running_ = true;
  supervisor_ = std::thread([this] { supervise(); });
  return {};
}

void OpcUaGatewaySource::supervise() {
  auto delay = std::chrono::duration_cast<std::chrono::milliseconds>(kGatewayRestartMin);
  while (true) {
    const auto began = std::chrono::steady_clock::now();
    runGatewayOnce();
    std::unique_lock lock(mutex_);
    if (stopping_) return;
    // A gateway that ran a good while before it ended starts again soon; one that keeps dying
    // backs off up to kGatewayRestartMax.
    if (std::chrono::steady_clock::now() - began > kGatewayRestartMax) delay = kGatewayRestartMin;
    if (wake_.wait_for(lock, delay, [this] { return stopping_; })) return;
    delay = std::min<std::chrono::milliseconds>(delay * 2, kGatewayRestartMax);
    ++counters_.reconnects;
  }
}

void OpcUaGatewaySource::runGatewayOnce() {
  const char* pki = std::getenv("PARKTWIN_OPCUA_PKI_DIR");
  const std::string input = detail::opcUaGatewayConfig(config_, broker_, park_, "parktwin-opcua-" + park_ + "-" + std::to_string(::getpid()),
                                                       pki ? pki : "");
  auto child = detail::ChildProcess::spawn({program_.node.string(), program_.script.string(), "-"}, input);
  if (!child) {
    noteError(child.error(), true);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;  // ~ChildProcess kills it
    pid_ = child->pid();
  }
  std::string lastLine;
  while (auto line = child->readErrorLine()) {
    if (auto event = detail::parseGatewayLine(*line)) {
      note(*event);
    } else if (!line->empty()) {
      lastLine = *line;
    }
  }
  {
    std::lock_guard lock(mutex_);
    pid_ = -1;
    gatewayConnected_ = false;
  }
  wake_.notify_all();
  const int status = child->wait();
  std::lock_guard lock(mutex_);
  if (stopping_) return;
  ++counters_.errors;
  ++counters_.gaps;
  // Its last line is what Node.js or the gateway wrote, as it wrote it.
  const std::string code = std::to_string(status);
  const std::string said = lastLine.empty() ? std::string() : ": " + lastLine;
  const std::string saidZh = lastLine.empty() ? std::string() : "：" + lastLine;
  detail::noteError(counters_,
                    {"the OPC UA gateway exited (status " + code + ")" + said, "OPC UA 网关已退出（状态 " + code + "）" + saidZh});
  log_("OPC UA source " + id_ + ": " + counters_.last_error);
}

void OpcUaGatewaySource::noteError(detail::SourceError message, bool disconnected) {
  // node-opcua's messages span lines; a counter line and a log line hold one.
  for (std::string* text : {&message.en, &message.zh}) {
    std::ranges::replace_if(*text, [](char c) { return c == '\n' || c == '\r'; }, ' ');
  }
  const std::string logged = "OPC UA source " + id_ + ": " + message.en;
  {
    std::lock_guard lock(mutex_);
    ++counters_.errors;
    detail::noteError(counters_, std::move(message));
    if (disconnected) gatewayConnected_ = false;
  }
  errorLog_.write("OPC UA source " + id_ + " error", logged);
}

void OpcUaGatewaySource::note(const detail::GatewayEvent& event) {
  switch (event.kind) {
    case detail::GatewayEvent::Kind::error: noteError({event.message, event.message_zh}, event.loosesConnection); break;
    case detail::GatewayEvent::Kind::subscribed: {
      std::lock_guard lock(mutex_);
      if (everConnected_ && !gatewayConnected_) ++counters_.gaps;
      everConnected_ = true;
      gatewayConnected_ = true;
      break;
    }
    default: break;
  }
}

void OpcUaGatewaySource::stop() {
  if (!running_) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    if (pid_ > 0) ::kill(pid_, SIGTERM);
  }
  wake_.notify_all();
  // The gateway closes its session and exits on SIGTERM; one that hangs is killed.
  {
    std::unique_lock lock(mutex_);
    if (!wake_.wait_for(lock, kGatewayStopGrace, [this] { return pid_ <= 0; })) ::kill(pid_, SIGKILL);
  }
  supervisor_.join();
  subscriber_->stop();
  running_ = false;
}

SourceCounters OpcUaGatewaySource::counters() const {
  SourceCounters out;
  {
    std::lock_guard lock(mutex_);
    out = counters_;
    out.connected = gatewayConnected_;
  }
  if (subscriber_) {
    const FeedCounters feed = subscriber_->counters();
    out.polls = feed.received;
    out.errors += feed.malformed;
    out.connected = out.connected && subscriber_->connected();
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<LiveSource>> makeOpcUaSource(const Source& source, SourceSink sink, const BrokerOptions& broker, LogCallback log,
                                                     std::string_view language) {
  const auto* config = std::get_if<OpcUaSource>(&source.config);
  if (!config) return fail("source " + source.id + ": not an OPC UA source");
  if (config->nodes.empty()) return fail("source " + source.id + ": no OPC UA nodes to read");
  // Two nodes on one tag (the gateway publishes under the tag) are refused by the reader, with
  // every other feed of one tag (connections_reader.cpp, checkOneFeedPerTag).
  if (!sink.sample) return fail("source " + source.id + ": no sample sink");
  auto program = findOpcUaGateway();
  if (!program) return std::unexpected(program.error());
  return std::unique_ptr<LiveSource>(
      std::make_unique<OpcUaGatewaySource>(source.id, *config, std::move(sink), broker, std::move(*program), std::move(log), language));
}

int opcUaGatewayPid(const LiveSource& source) {
  const auto* gateway = dynamic_cast<const OpcUaGatewaySource*>(&source);
  return gateway ? gateway->pid() : -1;
}

}  // namespace parktwin::feed
