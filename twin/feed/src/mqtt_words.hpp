#pragma once
// MQTT's problems in our own words, English and Chinese (libmosquitto's mosquitto_strerror is
// English only: "The connection was lost." stood in a Chinese window), and the one problem a
// broker never names over MQTT 3.1.1: another client took over our client id.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "source_error.hpp"

namespace parktwin::feed::detail {

// A libmosquitto error code (MOSQ_ERR_*) in words; a code we do not word keeps libmosquitto's
// text (in both languages).
SourceError mosquittoErrorWords(int mosquittoError);
// A CONNACK return code (MQTT 3.1.1: 1 to 5) in words.
SourceError connackWords(int returnCode);

// Tells a takeover from a broker's restart. A broker ends the older of two connections with one
// client id (mosquitto logs "Client X already connected, closing old connection") and, over
// MQTT 3.1.1, just closes it; each client reconnects and closes the other in turn. So a close by
// the broker soon after it accepted us, twice in a row, is a takeover; a restart closes us once,
// and a broker that is down refuses the next connection. Network thread only.
class TakeoverWatch {
 public:
  using Clock = std::chrono::steady_clock;
  // How soon after the broker accepted us a close counts as "soon".
  static constexpr std::chrono::seconds kSoon{30};

  void accepted(Clock::time_point at) { acceptedAt_ = at; }
  // A connection attempt that failed: the broker was not there (a restart, not a takeover).
  void failedToConnect() {
    acceptedAt_.reset();
    quickCloses_ = 0;
  }
  // The broker closed a connection it had accepted, for no reason of ours: the words for it,
  // "connection lost: the broker closed the connection (...)" or, the second time in a row soon
  // after it accepted us, "another client took over client id X (...)".
  // `clientId` empty: the broker named us, nobody can take that id over.
  SourceError closedByBroker(Clock::time_point at, std::string_view clientId);
  bool tookOver() const { return quickCloses_ >= 2; }

 private:
  std::optional<Clock::time_point> acceptedAt_;
  int quickCloses_ = 0;
};

}  // namespace parktwin::feed::detail
