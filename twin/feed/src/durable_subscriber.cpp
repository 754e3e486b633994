#include "parktwin/feed/durable_subscriber.hpp"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

#include "client.hpp"
#include "mqtt_socket.hpp"
#include "parktwin/feed/mqtt_packet.hpp"
#include "parktwin/feed/payload.hpp"
#include "feed_state.hpp"
#include "mqtt_words.hpp"

namespace parktwin::feed {

using namespace std::chrono_literals;
using detail::SteadyTime;

namespace {

SteadyTime now() { return std::chrono::steady_clock::now(); }

constexpr auto kConnectTimeout = 10s;
// How long stop() waits for the broker to close after our DISCONNECT (it does at once).
constexpr auto kGoodbyeTimeout = 2s;
constexpr auto kSendTimeout = 10s;
constexpr std::size_t kMaxReadPerWake = 1 << 20;  // then commit if due, then read on
constexpr std::uint16_t kFirstSubscribePacketId = 1;  // one SUBSCRIBE per filter: 1, 2, ...

// One TCP connection to the broker: what was read but not yet parsed, and the QoS 1 messages
// passed to the sink but not yet acknowledged.
struct Session {
  detail::FileDescriptor socket;
  std::string inbox;
  bool subscribed = false;  // every SUBACK in, each granting the QoS asked for
  std::size_t pendingSubacks = 0;
  SteadyTime subscribeSentAt{};
  std::vector<std::uint16_t> unacked;
  SteadyTime oldestUnackedAt{};
  SteadyTime commitRetryAt{};  // after a failed commit, not before this
  SteadyTime lastSentAt{};
  std::optional<SteadyTime> pingSentAt;
  bool closedByBroker = false;  // the broker ended it (not our error, not stop())
};

}  // namespace

struct DurableSubscriber::Impl {
  SubscriberOptions options;
  AckPolicy policy;
  SampleCallback sink;     // the park's own shape: judged, then handed on
  MessageCallback raw;     // any shape (createForTopics): every message as it came
  CommitCallback commit;
  ProblemCallback problem;
  detail::TakeoverWatch takeover;  // network thread only
  std::optional<detail::SourceError> refusal;  // why the broker's CONNACK refused us, worded
  detail::RateLimitedLog log;
  std::vector<TopicFilter> filters;
  std::chrono::seconds keepalive;
  detail::WakePipe wake;
  std::atomic<bool> stopping{false};
  std::thread thread;
  bool reachedBroker = false;  // in the last attempt to connect (the network thread's own)

  detail::FeedState state;
  std::atomic<std::uint64_t> acknowledged{0};

  Impl(SubscriberOptions o, AckPolicy p, SampleCallback s, MessageCallback r, std::vector<TopicFilter> f, CommitCallback c,
       LogCallback l, ProblemCallback pr = {})
      : options(std::move(o)), policy(p), sink(std::move(s)), raw(std::move(r)), commit(std::move(c)),
        problem(std::move(pr)), log(std::move(l), options.log_messages_per_minute), filters(std::move(f)),
        keepalive(std::max(5, options.broker.keepalive_s)), state(options) {}

  std::string where() const { return "MQTT " + options.broker.host + ":" + std::to_string(options.broker.port); }

  Result<void> send(Session& session, const mqtt::Bytes& bytes) {
    auto sent = detail::sendAll(session.socket.get(), bytes, now() + kSendTimeout);
    if (sent) session.lastSentAt = now();
    return sent;
  }

  // Reads until one whole packet is there; only for CONNACK, before anything else can arrive.
  // A broker refusing us sends its CONNACK and closes at once: parse what came before the close.
  Result<std::string> awaitPacket(Session& session, SteadyTime deadline) {
    for (bool closed = false;;) {
      auto frame = mqtt::nextFrame(session.inbox);
      if (!frame) return std::unexpected(frame.error());
      if (*frame) {
        std::string packet = session.inbox.substr(0, (*frame)->size);
        session.inbox.erase(0, (*frame)->size);
        return packet;
      }
      if (closed) return fail(ErrorCode::io, "the broker closed the connection");
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now());
      if (left <= 0ms) return fail(ErrorCode::io, "no answer from the broker within 10 s");
      auto readable = detail::waitReadable(session.socket.get(), wake.readFd(), left);
      if (!readable) return std::unexpected(readable.error());
      if (stopping) return fail(ErrorCode::cancelled, "stopped");
      if (!*readable) continue;
      auto read = detail::readAvailable(session.socket.get(), session.inbox, kMaxReadPerWake);
      if (!read) return std::unexpected(read.error());
      closed = read->closed;
    }
  }

  // TCP connect, CONNECT and CONNACK, then SUBSCRIBE; the SUBACK is awaited in serve(), since
  // a persistent session's queued messages may come first.
  Result<Session> openSession() {
    reachedBroker = false;
    auto socket = detail::connectTcp(options.broker.host, options.broker.port, kConnectTimeout);
    if (!socket) return std::unexpected(socket.error());
    reachedBroker = true;
    Session session;
    session.socket = std::move(*socket);
    mqtt::ConnectFields fields{options.broker.client_id, options.clean_session,
                               static_cast<std::uint16_t>(keepalive.count()), options.broker.username,
                               options.broker.password};
    if (auto sent = send(session, mqtt::encodeConnect(fields)); !sent) return std::unexpected(sent.error());
    auto packet = awaitPacket(session, now() + kConnectTimeout);
    if (!packet) return std::unexpected(packet.error());
    auto frame = mqtt::nextFrame(*packet);
    auto connack = mqtt::parseConnack(**frame);
    if (!connack) return std::unexpected(connack.error());
    if (connack->return_code != 0) {
      // 4: bad user name or password, 5: not authorised; retrying will not help.
      const bool forGood = connack->return_code == 4 || connack->return_code == 5;
      refusal = detail::brokerRefusedConnection(connack->return_code);
      return fail(forGood ? ErrorCode::invalid_input : ErrorCode::io,
                  refusal->en);
    }
    noteConnected();
    for (std::size_t i = 0; i < filters.size(); ++i) {
      const auto id = static_cast<std::uint16_t>(kFirstSubscribePacketId + i);
      auto sent = send(session, mqtt::encodeSubscribe(id, filters[i].filter, static_cast<std::uint8_t>(filters[i].qos)));
      if (!sent) return std::unexpected(sent.error());
    }
    session.pendingSubacks = filters.size();
    session.subscribeSentAt = now();
    return session;
  }

  // A failed attempt to connect, retried after the backoff. A broker that never answered is
  // named as every MQTT source names it (client.cpp: "cannot reach the broker HOST:PORT: reason",
  // en and zh), in the log line of each attempt and in waitConnected's error, in options.language.
  void noteFailedAttempt(const Error& error) {
    const bool forGood = error.code == ErrorCode::invalid_input;  // bad credentials: no retry helps
    if (!reachedBroker) {
      detail::SourceError unreachable = detail::unreachableBroker(options.broker, error.message);
      log.write("connection", options.language == "zh" ? unreachable.zh : unreachable.en);
      state.noteProblem(std::move(unreachable), forGood);
      return;
    }
    state.noteProblem(error.message, forGood);
    // A broker that refused us says why in its CONNACK, worded in both languages (refusal).
    if (options.language == "zh") log.write("connection", where() + "：" + (refusal ? refusal->zh : "无法连接：" + error.message));
    else log.write("connection", where() + ": " + error.message);
  }

  void noteConnected() {
    const std::string gapText = state.noteConnected({"unacknowledged messages are resent by the broker", "代理会重发未确认的消息"},
                                                    "waiting for the broker to confirm the subscription");
    if (!gapText.empty()) log.write("connection", gapText);
  }

  void noteDisconnected(const std::string& why) {
    const bool wasConnected = state.noteDisconnected("connection lost: " + why);
    if (wasConnected && !stopping) {
      log.write("connection", options.language == "zh" ? where() + "：连接中断（" + why + "），正在重连"
                                                       : where() + ": connection lost (" + why + "), reconnecting");
    }
  }

  // Worded by TakeoverWatch: a restart, or another client that took over our client id.
  void noteClosedByBroker(const detail::SourceError& words) {
    report(words);  // first: whoever sees it disconnected finds the words already there
    const bool wasConnected = state.noteDisconnected(words.en);
    if (!stopping && options.language == "zh") log.write("connection", where() + "：" + words.zh + (wasConnected ? "，正在重连" : ""));
    else if (!stopping) log.write("connection", where() + ": " + words.en + (wasConnected ? ", reconnecting" : ""));
  }

  void report(const detail::SourceError& words) const {
    if (problem) problem(words.en, words.zh);
  }

  Result<void> handleSuback(Session& session, const mqtt::Frame& frame) {
    auto suback = mqtt::parseSuback(frame);
    if (!suback) return std::unexpected(suback.error());
    const std::size_t index = suback->packet_id - std::size_t{kFirstSubscribePacketId};
    if (index >= filters.size() || session.pendingSubacks == 0) {
      return fail(ErrorCode::io, "a SUBACK for a subscription we did not ask for");
    }
    const TopicFilter& filter = filters[index];
    // A lower QoS than asked would let the broker forget messages we never stored.
    const bool granted = suback->granted.size() == 1 && suback->granted[0] == filter.qos;
    const std::string refused = "the broker did not grant QoS " + std::to_string(filter.qos) + " on " + filter.filter;
    if (!granted) {
      state.noteSubscribed(false, refused);
      return fail(ErrorCode::io, refused);
    }
    if (--session.pendingSubacks == 0) {
      state.noteSubscribed(true, {});
      session.subscribed = true;
    }
    return {};
  }

  Result<void> handlePublish(Session& session, const mqtt::Frame& frame) {
    auto publish = mqtt::parsePublish(frame);
    if (!publish) return std::unexpected(publish.error());
    if (publish->qos > 1) return fail(ErrorCode::io, "the broker sent QoS 2 on a QoS 1 subscription");
    if (raw) {
      state.noteReceived();
      raw(publish->topic, publish->payload);
    } else {
      state.deliver(publish->topic, publish->payload, log, sink);
    }
    if (publish->qos == 1) {
      // Acknowledged after the next commit, whatever became of it: a rejected message is not
      // going to get better by being resent.
      if (session.unacked.empty()) session.oldestUnackedAt = now();
      session.unacked.push_back(publish->packet_id);
    }
    return {};
  }

  Result<void> handleFrames(Session& session) {
    std::size_t consumed = 0;
    Result<void> outcome;
    while (outcome) {
      auto frame = mqtt::nextFrame(std::string_view(session.inbox).substr(consumed));
      if (!frame) return std::unexpected(frame.error());
      if (!*frame) break;
      consumed += (*frame)->size;
      switch ((*frame)->type()) {
        case mqtt::PacketType::Publish: outcome = handlePublish(session, **frame); break;
        case mqtt::PacketType::Suback: outcome = handleSuback(session, **frame); break;
        case mqtt::PacketType::Pingresp: session.pingSentAt.reset(); break;
        default:
          outcome = fail(ErrorCode::io, "unexpected MQTT packet type " + std::to_string((*frame)->header >> 4));
      }
    }
    session.inbox.erase(0, consumed);
    return outcome;
  }

  // Makes the batch durable, then acknowledges it in one write. A failed commit is not a
  // connection problem: the batch stays unacknowledged and is retried later.
  Result<void> commitAndAcknowledge(Session& session) {
    if (session.unacked.empty()) return {};
    if (commit) {
      if (auto committed = commit(); !committed) {
        log.write("commit", "samples not made durable, so not acknowledged (retrying): " + committed.error().message);
        session.commitRetryAt = now() + policy.max_batch_delay;
        return {};
      }
    }
    mqtt::Bytes acks;
    acks.reserve(session.unacked.size() * 4);
    for (const std::uint16_t id : session.unacked) {
      const auto one = mqtt::encodePuback(id);
      acks.insert(acks.end(), one.begin(), one.end());
    }
    if (auto sent = send(session, acks); !sent) return sent;
    acknowledged += session.unacked.size();
    session.unacked.clear();
    return {};
  }

  bool batchDue(const Session& session, bool drained) const {
    if (session.unacked.empty()) return false;
    const auto t = now();
    if (t < session.commitRetryAt) return false;
    return drained || session.unacked.size() >= policy.max_batch_messages ||
           t - session.oldestUnackedAt >= policy.max_batch_delay;
  }

  SteadyTime nextDeadline(const Session& session) const {
    SteadyTime next = session.lastSentAt + keepalive;
    if (session.pingSentAt) next = std::min(next, *session.pingSentAt + keepalive);
    if (!session.subscribed) next = std::min(next, session.subscribeSentAt + kConnectTimeout);
    if (!session.unacked.empty()) {
      next = std::min(next, std::max(session.oldestUnackedAt + policy.max_batch_delay, session.commitRetryAt));
    }
    return next;
  }

  Result<void> keepAlive(Session& session) {
    const auto t = now();
    if (!session.subscribed && t - session.subscribeSentAt >= kConnectTimeout) {
      return fail(ErrorCode::io, "no SUBACK within 10 s");
    }
    if (session.pingSentAt && t - *session.pingSentAt >= keepalive) {
      return fail(ErrorCode::io, "no PINGRESP within " + std::to_string(keepalive.count()) + " s");
    }
    if (!session.pingSentAt && t - session.lastSentAt >= keepalive) {
      if (auto sent = send(session, mqtt::encodePingreq()); !sent) return sent;
      session.pingSentAt = now();
    }
    return {};
  }

  // Reads, hands samples on, commits and acknowledges, until the connection fails or stop().
  Result<void> serve(Session& session) {
    while (!stopping) {
      const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(nextDeadline(session) - now());
      auto readable = detail::waitReadable(session.socket.get(), wake.readFd(), std::max(wait, 0ms) + 1ms);
      if (!readable) return std::unexpected(readable.error());
      bool drained = true;
      if (*readable && !stopping) {
        auto read = detail::readAvailable(session.socket.get(), session.inbox, kMaxReadPerWake);
        if (!read) return std::unexpected(read.error());
        if (auto handled = handleFrames(session); !handled) return handled;
        if (read->closed) {
          session.closedByBroker = true;
          return fail(ErrorCode::io, "the broker closed the connection");
        }
        drained = read->drained;
      }
      if (batchDue(session, drained)) {
        if (auto acked = commitAndAcknowledge(session); !acked) return acked;
      }
      if (auto alive = keepAlive(session); !alive) return alive;
    }
    // stop(): what arrived is committed and acknowledged, then a clean goodbye (the session
    // stays on the broker, clean_session is off).
    if (auto acked = commitAndAcknowledge(session); !acked) return acked;
    if (auto sent = send(session, mqtt::encodeDisconnect()); !sent) return sent;
    detail::closeGracefully(session.socket.get(), kGoodbyeTimeout);
    return {};
  }

  void run() {
    auto delay = std::chrono::seconds(std::max(1, options.broker.reconnect_delay_min_s));
    const auto maxDelay = std::chrono::seconds(std::max(options.broker.reconnect_delay_max_s, 1));
    while (!stopping) {
      refusal.reset();
      auto session = openSession();
      if (session) {
        delay = std::chrono::seconds(std::max(1, options.broker.reconnect_delay_min_s));
        takeover.accepted(now());
        auto served = serve(*session);
        if (session->closedByBroker) {
          noteClosedByBroker(takeover.closedByBroker(now(), options.broker.client_id));
        } else {
          if (!served && !stopping) report(detail::connectionLost({served.error().message, served.error().message}));
          noteDisconnected(served ? std::string("stopped") : served.error().message);
        }
      } else if (session.error().code != ErrorCode::cancelled) {
        takeover.failedToConnect();
        noteFailedAttempt(session.error());
        const std::string& why = session.error().message;
        report(refusal         ? *refusal
               : reachedBroker ? detail::SourceError{"cannot connect: " + why, "无法连接：" + why}
                               : detail::unreachableBroker(options.broker, why));
      }
      if (stopping) break;
      // Backoff: wait on the wake pipe, so stop() ends the wait at once.
      (void)detail::waitReadable(-1, wake.readFd(), std::chrono::duration_cast<std::chrono::milliseconds>(delay));
      delay = std::min(delay * 2, maxDelay);
    }
  }
};

Result<std::unique_ptr<DurableSubscriber>> DurableSubscriber::create(SubscriberOptions options, AckPolicy policy,
                                                                     SampleCallback sink, CommitCallback commit,
                                                                     LogCallback log) {
  const std::string what = "MQTT QoS 1 subscriber (acknowledge after commit)";
  if (options.park.empty()) return fail(ErrorCode::invalid_input, what + ": the park id is empty");
  if (options.qos != 1) return fail(ErrorCode::invalid_input, what + ": QoS must be 1");
  if (options.clean_session || options.broker.client_id.empty()) {
    return fail(ErrorCode::invalid_input, what + ": needs a persistent session (a client id, clean session off)");
  }
  if (!options.broker.tls_ca_file.empty()) {
    return fail(ErrorCode::invalid_input, what + ": TLS is not supported; use QoS 0 over TLS or a local broker bridge");
  }
  if (!sink) return fail(ErrorCode::invalid_input, what + ": no sample sink");
  std::vector<TopicFilter> filters{{subscriptionFor(options.park), 1}};
  auto impl = std::make_unique<Impl>(std::move(options), policy, std::move(sink), MessageCallback{}, std::move(filters),
                                     std::move(commit), std::move(log));
  if (!impl->wake.valid()) return fail(ErrorCode::io, what + ": cannot create the wake pipe");
  return std::unique_ptr<DurableSubscriber>(new DurableSubscriber(std::move(impl)));
}

Result<std::unique_ptr<DurableSubscriber>> DurableSubscriber::createForTopics(BrokerOptions broker,
                                                                              std::vector<TopicFilter> filters,
                                                                              AckPolicy policy, MessageCallback onMessage,
                                                                              CommitCallback commit, LogCallback log,
                                                                              ProblemCallback problem, std::string_view language) {
  const std::string what = "MQTT subscriber (acknowledge after commit)";
  if (broker.client_id.empty()) return fail(ErrorCode::invalid_input, what + ": needs a client id (a persistent session)");
  if (!broker.tls_ca_file.empty()) return fail(ErrorCode::invalid_input, what + ": TLS is not supported");
  if (filters.empty()) return fail(ErrorCode::invalid_input, what + ": nothing to subscribe to");
  for (const auto& f : filters) {
    if (f.qos != 0 && f.qos != 1) return fail(ErrorCode::invalid_input, what + ": QoS of " + f.filter + " must be 0 or 1");
  }
  if (!onMessage) return fail(ErrorCode::invalid_input, what + ": no message handler");
  SubscriberOptions options;
  options.broker = std::move(broker);
  options.clean_session = false;
  options.language = std::string(language);
  auto impl = std::make_unique<Impl>(std::move(options), policy, SampleCallback{}, std::move(onMessage),
                                     std::move(filters), std::move(commit), std::move(log), std::move(problem));
  if (!impl->wake.valid()) return fail(ErrorCode::io, what + ": cannot create the wake pipe");
  return std::unique_ptr<DurableSubscriber>(new DurableSubscriber(std::move(impl)));
}

DurableSubscriber::DurableSubscriber(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DurableSubscriber::~DurableSubscriber() { stop(); }

Result<void> DurableSubscriber::start() {
  if (impl_->thread.joinable()) return {};
  impl_->stopping = false;
  impl_->wake.drain();
  impl_->thread = std::thread([impl = impl_.get()] { impl->run(); });
  return {};
}

Result<void> DurableSubscriber::waitConnected(std::chrono::milliseconds timeout) {
  return impl_->state.waitConnected(timeout, impl_->where(), impl_->options.language);
}

void DurableSubscriber::stop() {
  if (!impl_->thread.joinable()) return;
  impl_->stopping = true;
  impl_->wake.notify();
  impl_->thread.join();
}

bool DurableSubscriber::connected() const { return impl_->state.connected(); }
FeedCounters DurableSubscriber::counters() const { return impl_->state.counters(); }
std::vector<FeedGap> DurableSubscriber::gaps() const { return impl_->state.gaps(); }
std::uint64_t DurableSubscriber::acknowledged() const { return impl_->acknowledged.load(); }

DurableSubscriber::Unreachable DurableSubscriber::unreachable() const {
  detail::SourceError problem = impl_->state.namedProblem();
  return {std::move(problem.en), std::move(problem.zh)};
}

}  // namespace parktwin::feed
