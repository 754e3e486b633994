#include "parktwin/feed/mqtt_packet.hpp"

namespace parktwin::feed::mqtt {
namespace {

std::uint8_t typeByte(PacketType type, std::uint8_t flags = 0) {
  return static_cast<std::uint8_t>(static_cast<std::uint8_t>(type) << 4 | flags);
}

void appendU16(Bytes& out, std::uint16_t value) {
  out.push_back(static_cast<std::uint8_t>(value >> 8));
  out.push_back(static_cast<std::uint8_t>(value & 0xff));
}

void appendString(Bytes& out, std::string_view text) {
  appendU16(out, static_cast<std::uint16_t>(text.size()));
  out.insert(out.end(), text.begin(), text.end());
}

Bytes packet(std::uint8_t header, const Bytes& body) {
  Bytes out{header};
  appendRemainingLength(out, body.size());
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

std::uint16_t readU16(std::string_view body, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<std::uint8_t>(body[at]) << 8 | static_cast<std::uint8_t>(body[at + 1]));
}

}  // namespace

void appendRemainingLength(Bytes& out, std::size_t length) {
  do {
    auto digit = static_cast<std::uint8_t>(length % 128);
    length /= 128;
    if (length > 0) digit |= 0x80;
    out.push_back(digit);
  } while (length > 0);
}

Bytes encodeConnect(const ConnectFields& fields) {
  Bytes body;
  appendString(body, "MQTT");
  body.push_back(4);  // protocol level: 3.1.1
  std::uint8_t flags = fields.clean_session ? 0x02 : 0x00;
  if (!fields.username.empty()) flags = static_cast<std::uint8_t>(flags | 0x80 | (fields.password.empty() ? 0x00 : 0x40));
  body.push_back(flags);
  appendU16(body, fields.keepalive_s);
  appendString(body, fields.client_id);
  if (!fields.username.empty()) {
    appendString(body, fields.username);
    if (!fields.password.empty()) appendString(body, fields.password);
  }
  return packet(typeByte(PacketType::Connect), body);
}

Bytes encodeSubscribe(std::uint16_t packetId, std::string_view topicFilter, std::uint8_t qos) {
  Bytes body;
  appendU16(body, packetId);
  appendString(body, topicFilter);
  body.push_back(qos);
  return packet(typeByte(PacketType::Subscribe, 0x02), body);  // flags 0010 are required
}

Bytes encodePuback(std::uint16_t packetId) {
  Bytes body;
  appendU16(body, packetId);
  return packet(typeByte(PacketType::Puback), body);
}

Bytes encodePingreq() { return {typeByte(PacketType::Pingreq), 0}; }
Bytes encodeDisconnect() { return {typeByte(PacketType::Disconnect), 0}; }

Result<std::optional<Frame>> nextFrame(std::string_view buffer) {
  std::size_t length = 0;
  std::size_t multiplier = 1;
  for (std::size_t at = 1;; ++at) {
    if (at > 4) return fail("MQTT: remaining length longer than 4 bytes: not an MQTT stream");
    if (at >= buffer.size()) return std::optional<Frame>{};
    const auto digit = static_cast<std::uint8_t>(buffer[at]);
    length += (digit & 0x7f) * multiplier;
    multiplier *= 128;
    if ((digit & 0x80) != 0) continue;
    if (length + at + 1 > kMaxPacketBytes) {
      return fail("MQTT: a packet of " + std::to_string(length) + " bytes, over the limit of " +
                  std::to_string(kMaxPacketBytes));
    }
    if (buffer.size() < at + 1 + length) return std::optional<Frame>{};
    return Frame{static_cast<std::uint8_t>(buffer[0]), buffer.substr(at + 1, length), at + 1 + length};
  }
}

Result<Connack> parseConnack(const Frame& frame) {
  if (frame.type() != PacketType::Connack || frame.body.size() != 2) {
    return fail("MQTT: expected CONNACK (2 bytes), got packet type " + std::to_string(frame.header >> 4) + " of " +
                std::to_string(frame.body.size()) + " bytes");
  }
  return Connack{(static_cast<std::uint8_t>(frame.body[0]) & 0x01) != 0, static_cast<std::uint8_t>(frame.body[1])};
}

std::string describeConnackCode(std::uint8_t code) {
  switch (code) {
    case 0: return "accepted";
    case 1: return "unacceptable protocol version";
    case 2: return "client id rejected";
    case 3: return "server unavailable";
    case 4: return "bad user name or password";
    case 5: return "not authorised";
    default: return "unknown CONNACK return code " + std::to_string(code);
  }
}

Result<Suback> parseSuback(const Frame& frame) {
  if (frame.type() != PacketType::Suback || frame.body.size() < 3) return fail("MQTT: expected SUBACK");
  Suback suback{readU16(frame.body, 0), {}};
  for (std::size_t at = 2; at < frame.body.size(); ++at) suback.granted.push_back(static_cast<std::uint8_t>(frame.body[at]));
  return suback;
}

Result<Publish> parsePublish(const Frame& frame) {
  if (frame.type() != PacketType::Publish) return fail("MQTT: expected PUBLISH");
  Publish publish;
  publish.dup = (frame.header & 0x08) != 0;
  publish.qos = static_cast<std::uint8_t>((frame.header >> 1) & 0x03);
  publish.retain = (frame.header & 0x01) != 0;
  if (publish.qos > 2) return fail("MQTT: PUBLISH with QoS 3");
  const std::string_view body = frame.body;
  if (body.size() < 2) return fail("MQTT: PUBLISH without a topic");
  const std::size_t topicLength = readU16(body, 0);
  std::size_t at = 2 + topicLength;
  if (body.size() < at) return fail("MQTT: PUBLISH topic longer than the packet");
  publish.topic = body.substr(2, topicLength);
  if (publish.qos > 0) {
    if (body.size() < at + 2) return fail("MQTT: PUBLISH without a packet id");
    publish.packet_id = readU16(body, at);
    if (publish.packet_id == 0) return fail("MQTT: PUBLISH with packet id 0");
    at += 2;
  }
  publish.payload = body.substr(at);
  return publish;
}

}  // namespace parktwin::feed::mqtt
