// Beast and Asio, in this file only (see http_server.hpp). Modelled on Beast's
// example/advanced/server_flex: one session type per stream (plain TCP or TLS), an HTTP session
// that becomes a WebSocket session on an upgrade request.
#include "http_server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <atomic>
#include <deque>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

namespace parktwin::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

namespace {
constexpr auto kHttpIdleTimeout = std::chrono::seconds(30);
constexpr std::size_t kMaxQueuedLiveMessages = 4096;  // a client this far behind is dropped
}  // namespace

// Anything the server must close when it stops.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual void shutdown() = 0;
};

// A WebSocket client of the live stream: the broadcaster queues messages, one write at a time.
class LiveClient : public Connection {
 public:
  virtual void send(std::shared_ptr<const std::string> message) = 0;
};

struct HttpServer::Impl {
  const ServerConfig& config;
  Api& api;
  LiveHub& live;
  asio::io_context ioc;
  std::optional<ssl::context> tls;
  tcp::acceptor acceptor{ioc};
  asio::thread_pool readPool;
  asio::steady_timer batchTimer{ioc};
  asio::signal_set signals{ioc, SIGINT, SIGTERM};
  std::mutex connectionsMutex;
  std::set<std::weak_ptr<Connection>, std::owner_less<std::weak_ptr<Connection>>> connections;
  std::set<std::weak_ptr<LiveClient>, std::owner_less<std::weak_ptr<LiveClient>>> liveClients;
  std::atomic<bool> stopping{false};
  ReadPlacement readPlacement;

  // A state or series read, its time recorded for the next one's placement.
  ApiResponse handleTimed(HistoryRead read, const ApiRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    ApiResponse response = api.handle(request);
    readPlacement.record(read, std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start));
    return response;
  }

  Impl(const ServerConfig& c, Api& a, LiveHub& l)
      : config(c), api(a), live(l), ioc(c.network_threads), readPool(static_cast<std::size_t>(c.read_threads)) {}

  void track(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(connectionsMutex);
    connections.insert(connection);
  }
  void trackLive(const std::shared_ptr<LiveClient>& client) {
    std::lock_guard lock(connectionsMutex);
    liveClients.insert(client);
    connections.insert(client);
  }
  void accept();
  template <class Stream>
  void startSession(Stream stream);
  void scheduleBatch();
  void broadcast(std::vector<std::string> messages);
  void shutdownAll();
};

namespace {

// A response whose body is a view of its text, and the text it views: an answer kept in the
// AnswerCache is sent from there without a copy, any other is moved in.
struct Reply {
  std::shared_ptr<const std::string> text;
  http::response<http::span_body<const char>> message;
};

std::shared_ptr<Reply> makeReply(ApiResponse r, unsigned version, bool keepAlive) {
  auto reply = std::make_shared<Reply>();
  reply->text = r.kept_body ? std::move(r.kept_body) : std::make_shared<const std::string>(std::move(r.body));
  auto& res = reply->message;
  res.version(version);
  res.result(static_cast<http::status>(r.status));
  res.set(http::field::server, "parktwin-server");
  res.set(http::field::content_type, r.content_type);
  res.keep_alive(keepAlive);
  res.body() = std::span<const char>(reply->text->data(), reply->text->size());
  res.prepare_payload();
  return reply;
}

template <class Stream>
beast::tcp_stream& lowest(Stream& s) {
  return beast::get_lowest_layer(s);
}

template <class Stream>
class WebSocketSession : public LiveClient, public std::enable_shared_from_this<WebSocketSession<Stream>> {
 public:
  WebSocketSession(Stream&& stream, HttpServer::Impl& server) : ws_(std::move(stream)), server_(server) {}

  void accept(http::request<http::string_body> request) {
    lowest(ws_).expires_never();  // the WebSocket's own timeouts from here on
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.auto_fragment(false);  // one frame per message: simpler clients, no framing overhead
    ws_.async_accept(request, [self = this->shared_from_this()](beast::error_code ec) {
      if (ec) return;
      self->send(std::make_shared<const std::string>(self->server_.live.helloMessage()));
      self->readLoop();
    });
  }

  void send(std::shared_ptr<const std::string> message) override {
    asio::post(ws_.get_executor(), [self = this->shared_from_this(), message = std::move(message)] {
      if (self->closed_) return;
      if (self->queue_.size() >= kMaxQueuedLiveMessages) {
        self->shutdown();
        return;
      }
      self->queue_.push_back(message);
      if (self->queue_.size() == 1) self->writeNext();
    });
  }

  void shutdown() override {
    asio::post(ws_.get_executor(), [self = this->shared_from_this()] {
      if (self->closed_) return;
      self->closed_ = true;
      self->ws_.async_close(websocket::close_code::going_away, [self](beast::error_code) {});
    });
  }

 private:
  void readLoop() {
    ws_.async_read(incoming_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) {
        self->closed_ = true;
        return;
      }
      self->incoming_.consume(self->incoming_.size());  // clients have nothing to say yet
      self->readLoop();
    });
  }

  void writeNext() {
    ws_.text(true);
    ws_.async_write(asio::buffer(*queue_.front()), [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) {
        self->closed_ = true;
        self->queue_.clear();
        return;
      }
      self->queue_.pop_front();
      if (!self->queue_.empty() && !self->closed_) self->writeNext();
    });
  }

  websocket::stream<Stream> ws_;
  HttpServer::Impl& server_;
  beast::flat_buffer incoming_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  bool closed_ = false;
};

template <class Stream>
class HttpSession : public Connection, public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  HttpSession(Stream&& stream, HttpServer::Impl& server) : stream_(std::move(stream)), server_(server) {}

  void start() {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      lowest(stream_).expires_after(kHttpIdleTimeout);
      stream_.async_handshake(ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
        if (!ec) self->read();
      });
    } else {
      read();
    }
  }

  void shutdown() override {
    asio::post(lowest(stream_).get_executor(), [self = this->shared_from_this()] {
      beast::error_code ignored;
      lowest(self->stream_).socket().shutdown(tcp::socket::shutdown_both, ignored);
      lowest(self->stream_).close();
    });
  }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(server_.config.max_body_bytes);
    parser_->header_limit(16 * 1024);
    lowest(stream_).expires_after(kHttpIdleTimeout);
    http::async_read(stream_, buffer_, *parser_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      self->onRead(ec);
    });
  }

  void onRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted) {
      return close();
    }
    // The headers read so far (all of them, for a body over the limit) say the language.
    const std::string lang = languageOf(std::string_view(parser_->get()[http::field::accept_language]));
    if (ec == http::error::body_limit) {
      const std::string limit = std::to_string(server_.config.max_body_bytes);
      return reply(errorResponse(413, inLanguage(lang, "request body over " + limit + " bytes", "请求正文超过 " + limit + " 字节")),
                   11, false);
    }
    if (ec) {
      if (ec.category() == http::make_error_code(http::error::bad_target).category()) {
        return reply(errorResponse(400, inLanguage(lang, "malformed HTTP request: ", "HTTP 请求格式有误：") + ec.message()), 11, false);
      }
      return close();
    }
    auto request = parser_->release();
    if (websocket::is_upgrade(request)) return upgrade(std::move(request));
    ApiRequest api{std::string(request.method_string()), std::string(request.target()),
                   std::string(request[http::field::authorization]), std::move(request.body()),
                   std::string(request[http::field::accept_language])};
    const unsigned version = request.version();
    const bool keepAlive = request.keep_alive();
    // State and series reads are answered here, on the network thread, while they are quick
    // (ReadPlacement says why). Everything else (flows, scenarios, events, spans) can take long:
    // off the network threads.
    const auto read = Api::historyReadOf(api);
    if (read && server_.readPlacement.onNetworkThread(*read)) {
      return reply(server_.handleTimed(*read, api), version, keepAlive);
    }
    asio::post(server_.readPool, [self = this->shared_from_this(), api = std::move(api), read, version, keepAlive] {
      ApiResponse response = read ? self->server_.handleTimed(*read, api) : self->server_.api.handle(api);
      asio::post(lowest(self->stream_).get_executor(), [self, response = std::move(response), version, keepAlive]() mutable {
        self->reply(std::move(response), version, keepAlive);
      });
    });
  }

  void upgrade(http::request<http::string_body> request) {
    ApiRequest api{"GET", std::string(request.target()), std::string(request[http::field::authorization]), {},
                   std::string(request[http::field::accept_language])};
    ApiResponse refusal;
    if (!server_.api.authorizeLive(api, refusal)) return reply(refusal, request.version(), false);
    auto client = std::make_shared<WebSocketSession<Stream>>(std::move(stream_), server_);
    server_.trackLive(client);
    client->accept(std::move(request));
  }

  void reply(ApiResponse response, unsigned version, bool keepAlive) {
    auto res = makeReply(std::move(response), version, keepAlive);
    http::async_write(stream_, res->message, [self = this->shared_from_this(), res](beast::error_code ec, std::size_t) {
      if (ec || !res->message.keep_alive()) return self->close();
      self->read();
    });
  }

  void close() {
    beast::error_code ignored;
    lowest(stream_).socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  Stream stream_;
  HttpServer::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
};

}  // namespace

template <class Stream>
void HttpServer::Impl::startSession(Stream stream) {
  auto session = std::make_shared<HttpSession<Stream>>(std::move(stream), *this);
  track(session);
  session->start();
}

void HttpServer::Impl::accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) return;  // closed by stop()
    if (tls) startSession(TlsStream(std::move(socket), *tls));
    else startSession(PlainStream(std::move(socket)));
    accept();
  });
}

void HttpServer::Impl::broadcast(std::vector<std::string> messages) {
  std::vector<std::shared_ptr<LiveClient>> clients;
  {
    std::lock_guard lock(connectionsMutex);
    for (auto it = liveClients.begin(); it != liveClients.end();) {
      if (auto client = it->lock()) {
        clients.push_back(std::move(client));
        ++it;
      } else {
        it = liveClients.erase(it);
      }
    }
  }
  for (auto& text : messages) {
    auto message = std::make_shared<const std::string>(std::move(text));
    for (auto& client : clients) client->send(message);
  }
}

void HttpServer::Impl::scheduleBatch() {
  batchTimer.expires_after(std::chrono::milliseconds(config.live_batch_ms));
  batchTimer.async_wait([this](beast::error_code ec) {
    if (ec || stopping) return;
    auto messages = live.tick();
    if (!messages.empty()) broadcast(std::move(messages));
    scheduleBatch();
  });
}

void HttpServer::Impl::shutdownAll() {
  stopping = true;
  beast::error_code ignored;
  acceptor.close(ignored);
  batchTimer.cancel();
  signals.cancel();
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(connectionsMutex);
    for (const auto& weak : connections) {
      if (auto c = weak.lock()) open.push_back(std::move(c));
    }
    connections.clear();
    liveClients.clear();
  }
  for (auto& c : open) c->shutdown();
}

HttpServer::HttpServer(const ServerConfig& config, Api& api, LiveHub& live)
    : impl_(std::make_unique<Impl>(config, api, live)) {}

HttpServer::~HttpServer() {
  impl_->readPool.join();
}

Result<std::uint16_t> HttpServer::listen() {
  Impl& s = *impl_;
  if (!s.config.tls_cert_file.empty()) {
    s.tls.emplace(ssl::context::tls_server);
    s.tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                       ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    beast::error_code ec;
    s.tls->use_certificate_chain_file(s.config.tls_cert_file, ec);
    if (ec) return fail(ErrorCode::io, "TLS certificate " + s.config.tls_cert_file + ": " + ec.message());
    s.tls->use_private_key_file(s.config.tls_key_file, ssl::context::pem, ec);
    if (ec) return fail(ErrorCode::io, "TLS key " + s.config.tls_key_file + ": " + ec.message());
  }
  beast::error_code ec;
  const auto address = asio::ip::make_address(s.config.listen.host == "localhost" ? "127.0.0.1" : s.config.listen.host, ec);
  if (ec) return fail(ErrorCode::invalid_input, "listen address \"" + s.config.listen.host + "\": " + ec.message());
  const tcp::endpoint endpoint{address, s.config.listen.port};
  const std::string where = s.config.listen.host + ":" + std::to_string(s.config.listen.port);
  if (s.acceptor.open(endpoint.protocol(), ec); ec) return fail(ErrorCode::io, "listen on " + where + ": " + ec.message());
  s.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (s.acceptor.bind(endpoint, ec); ec) return fail(ErrorCode::io, "listen on " + where + ": " + ec.message());
  if (s.acceptor.listen(asio::socket_base::max_listen_connections, ec); ec) {
    return fail(ErrorCode::io, "listen on " + where + ": " + ec.message());
  }
  return s.acceptor.local_endpoint().port();
}

void HttpServer::run() {
  Impl& s = *impl_;
  s.signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->shutdownAll();
  });
  s.accept();
  s.scheduleBatch();
  std::vector<std::thread> threads;
  for (int i = 1; i < s.config.network_threads; ++i) threads.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();  // returns once every connection is closed
  for (auto& t : threads) t.join();
}

void HttpServer::stop() {
  asio::post(impl_->ioc, [this] { impl_->shutdownAll(); });
}

}  // namespace parktwin::server
