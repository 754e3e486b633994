#pragma once
// The few MQTT 3.1.1 packets the acknowledge-after-commit subscriber needs (OASIS MQTT 3.1.1,
// chapters 2 and 3), as pure functions with no I/O so they can be tested on their own and
// against a real broker. We write these by hand because libmosquitto and Paho both send the
// QoS 1 PUBACK before the application sees the message (docs/mqtt.md, "No acknowledged sample
// lost"), so neither can make the acknowledgement wait until the sample is on disk.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"

namespace parktwin::feed::mqtt {

enum class PacketType : std::uint8_t {
  Connect = 1, Connack = 2, Publish = 3, Puback = 4, Subscribe = 8, Suback = 9,
  Pingreq = 12, Pingresp = 13, Disconnect = 14,
};

using Bytes = std::vector<std::uint8_t>;

// The largest packet we accept from a broker: a bound on our buffer. A sample is under 100
// bytes, and a payload over 1 KiB is refused as malformed (payload.hpp) but still acknowledged;
// a larger packet drops the connection, and since the broker resends it, every reconnect. Set
// the broker's message_size_limit below this (docs/mqtt.md).
inline constexpr std::size_t kMaxPacketBytes = 16 * 1024 * 1024;

struct ConnectFields {
  std::string client_id;
  bool clean_session = false;
  std::uint16_t keepalive_s = 30;
  std::string username;  // empty: none
  std::string password;  // sent only with a user name
};

Bytes encodeConnect(const ConnectFields& fields);
Bytes encodeSubscribe(std::uint16_t packetId, std::string_view topicFilter, std::uint8_t qos);
Bytes encodePuback(std::uint16_t packetId);
Bytes encodePingreq();
Bytes encodeDisconnect();
// Appends the variable-length "remaining length" (1 to 4 bytes); lengths over 268,435,455 are
// not representable and the caller never builds them.
void appendRemainingLength(Bytes& out, std::size_t length);

// One whole packet found at the start of a buffer.
struct Frame {
  std::uint8_t header = 0;  // first byte: type << 4 | flags
  std::string_view body;    // the variable header and payload
  std::size_t size = 0;     // bytes the packet took, header included
  PacketType type() const { return static_cast<PacketType>(header >> 4); }
};
// nullopt: not a whole packet yet, read more. An error: the stream is not MQTT (a remaining
// length over 4 bytes or over kMaxPacketBytes); the connection must be dropped.
Result<std::optional<Frame>> nextFrame(std::string_view buffer);

struct Connack {
  bool session_present = false;
  std::uint8_t return_code = 0;  // 0 accepted; 1-5 refused (describeConnackCode)
};
Result<Connack> parseConnack(const Frame& frame);
std::string describeConnackCode(std::uint8_t code);

struct Suback {
  std::uint16_t packet_id = 0;
  std::vector<std::uint8_t> granted;  // per filter: 0, 1, 2 or 0x80 (refused)
};
Result<Suback> parseSuback(const Frame& frame);

struct Publish {
  std::string_view topic;
  std::string_view payload;
  std::uint8_t qos = 0;
  bool dup = false;
  bool retain = false;
  std::uint16_t packet_id = 0;  // QoS 1 and 2 only
};
// The views point into the frame's buffer.
Result<Publish> parsePublish(const Frame& frame);

}  // namespace parktwin::feed::mqtt
