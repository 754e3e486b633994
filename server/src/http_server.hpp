#pragma once
// The network side of parktwin-server: HTTP and WebSocket on one port (Boost.Beast, TLS with
// OpenSSL when configured). Beast lives in http_server.cpp only, so one translation unit pays
// for its templates. Requests are answered by Api on a small pool of read threads, never on
// the network threads; live messages come from LiveHub every batch period.
#include <cstdint>
#include <memory>

#include "api.hpp"
#include "live_hub.hpp"
#include "parktwin/common/result.hpp"
#include "server_config.hpp"

namespace parktwin::server {

class HttpServer {
 public:
  HttpServer(const ServerConfig& config, Api& api, LiveHub& live);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening socket (port 0: any free one) and loads the TLS certificate; returns
  // the port bound.
  Result<std::uint16_t> listen();
  // Serves until SIGINT or SIGTERM (or stop()): then stops accepting, closes every
  // connection and returns.
  void run();
  void stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace parktwin::server
