#pragma once
// How to reach an MQTT broker: address, credentials, TLS and reconnect policy.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "parktwin/common/result.hpp"

namespace parktwin::feed {

struct BrokerOptions {
  std::string host = "127.0.0.1";
  int port = 1883;
  std::string client_id;       // required for a persistent session; empty: broker-assigned
  std::string username;        // empty: anonymous
  std::string password;
  std::string tls_ca_file;     // non-empty: TLS, the broker's certificate verified against this CA
  int keepalive_s = 30;
  int reconnect_delay_min_s = 1;   // automatic reconnect: exponential backoff between these
  int reconnect_delay_max_s = 30;
};

// "host:port" or "host" (port 1883, or 8883 when tls is true).
Result<BrokerOptions> parseBrokerAddress(std::string_view address, bool tls = false);

// A broker on this machine (localhost, 127.0.0.0/8, ::1): its traffic never leaves the PC.
bool isLoopbackHost(std::string_view host);
// Plain MQTT to another machine: the feed and any password cross the network unencrypted.
// The GUI shows a banner and the CLI a warning while such a connection is in use.
bool sendsInTheClear(const BrokerOptions& broker);

// Where feed clients write what went wrong; by default standard error. Called from the MQTT
// network thread.
using LogCallback = std::function<void(std::string_view message)>;

// Milliseconds since the epoch, system clock (receive stamps, gaps).
std::int64_t wallClockMs();

}  // namespace parktwin::feed
