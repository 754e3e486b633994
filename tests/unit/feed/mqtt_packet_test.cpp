// The hand-written MQTT 3.1.1 packets (feed::mqtt) checked against the specification's
// examples and against a real mosquitto over a plain socket: what it answers is what we parse.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "mosquitto_broker.hpp"
#include "parktwin/feed/mqtt_packet.hpp"
#include "parktwin/feed/publisher.hpp"

namespace {

using namespace parktwin::feed;
using namespace parktwin::feed::mqtt;
using feedtest::MosquittoBroker;
using namespace std::chrono_literals;

std::string asText(const Bytes& bytes) { return std::string(bytes.begin(), bytes.end()); }

// A blocking TCP connection that reads whole MQTT packets, with a timeout per read.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  bool connected() const { return connected_; }
  bool send(const Bytes& bytes) { return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size()); }

  // The next whole packet, or nullopt after the timeout or when the broker closed.
  std::optional<std::string> receive(std::chrono::milliseconds timeout = 5s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      auto frame = nextFrame(inbox_);
      if (!frame) return std::nullopt;
      if (*frame) {
        std::string packet = inbox_.substr(0, (*frame)->size);
        inbox_.erase(0, (*frame)->size);
        return packet;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      pollfd p{fd_, POLLIN, 0};
      if (left <= 0ms || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
      char chunk[4096];
      const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) return std::nullopt;
      inbox_.append(chunk, static_cast<std::size_t>(n));
    }
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
  std::string inbox_;
};

Frame frameOf(const std::string& packet) {
  auto frame = nextFrame(packet);
  EXPECT_TRUE(frame && *frame);
  return (frame && *frame) ? **frame : Frame{};
}

// CONNECT and CONNACK; returns the CONNACK (return code 255 if none came).
Connack connect(RawConnection& connection, const ConnectFields& fields) {
  EXPECT_TRUE(connection.connected());
  EXPECT_TRUE(connection.send(encodeConnect(fields)));
  const auto packet = connection.receive();
  if (!packet) return Connack{false, 255};
  auto connack = parseConnack(frameOf(*packet));
  EXPECT_TRUE(connack) << (connack ? "" : connack.error().message);
  return connack ? *connack : Connack{false, 255};
}

void publishOne(int port, const std::string& payload) {
  PublisherOptions o;
  o.broker.port = port;
  o.park = "beidu";
  o.qos = 1;
  auto publisher = Publisher::create(o, [](std::string_view) {});
  ASSERT_TRUE(publisher);
  ASSERT_TRUE((*publisher)->connect(10s));
  ASSERT_TRUE((*publisher)->publishRaw("parktwin/beidu/potline-1.current", payload, 1));
  ASSERT_TRUE((*publisher)->flush(10s));  // the broker has it (PUBACK to the publisher)
}

TEST(MqttPacket, RemainingLengthUsesTheSpecificationsVariableLengthEncoding) {
  // MQTT 3.1.1 table 2.4: the boundaries of 1, 2, 3 and 4 byte lengths.
  const std::pair<std::size_t, Bytes> cases[] = {
      {0, {0x00}}, {127, {0x7f}}, {128, {0x80, 0x01}}, {16'383, {0xff, 0x7f}}, {16'384, {0x80, 0x80, 0x01}},
      {2'097'151, {0xff, 0xff, 0x7f}}, {2'097'152, {0x80, 0x80, 0x80, 0x01}}, {268'435'455, {0xff, 0xff, 0xff, 0x7f}}};
  for (const auto& [length, expected] : cases) {
    Bytes out;
    appendRemainingLength(out, length);
    EXPECT_EQ(out, expected) << length;
  }
}

TEST(MqttPacket, FramesAreFoundWholeOnlyAndBrokenStreamsRefused) {
  const std::string puback = asText(encodePuback(0x1234));
  EXPECT_EQ(puback, std::string("\x40\x02\x12\x34", 4));
  for (std::size_t cut = 0; cut < puback.size(); ++cut) {
    auto partial = nextFrame(std::string_view(puback).substr(0, cut));
    ASSERT_TRUE(partial);
    EXPECT_FALSE(*partial) << cut;
  }
  const std::string two = puback + asText(encodePingreq());
  auto first = nextFrame(two);
  ASSERT_TRUE(first && *first);
  EXPECT_EQ((*first)->type(), PacketType::Puback);
  EXPECT_EQ((*first)->size, 4u);
  EXPECT_FALSE(nextFrame(std::string("\x30\xff\xff\xff\xff\x01", 6)));  // a fifth length byte
  EXPECT_FALSE(nextFrame(std::string("\x30\xff\xff\xff\x7f", 5)));       // 256 MiB: over the limit
}

TEST(MqttPacket, PublishParsingRefusesTruncatedPackets) {
  EXPECT_FALSE(parsePublish(frameOf(std::string("\x32\x01\x00", 3))));          // no topic length
  EXPECT_FALSE(parsePublish(frameOf(std::string("\x32\x03\x00\x05x", 5))));     // topic past the end
  EXPECT_FALSE(parsePublish(frameOf(std::string("\x32\x04\x00\x01x\x00", 6)))); // half a packet id
  EXPECT_FALSE(parsePublish(frameOf(std::string("\x32\x05\x00\x01x\x00\x00", 7))));  // packet id 0
  const std::string packet("\x3a\x07\x00\x01t\x00\x07hi", 9);  // kept: topic and payload view it
  auto ok = parsePublish(frameOf(packet));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->topic, "t");
  EXPECT_EQ(ok->payload, "hi");
  EXPECT_EQ(ok->packet_id, 7);
  EXPECT_EQ(ok->qos, 1);
  EXPECT_TRUE(ok->dup);
}

TEST(MqttPacket, BrokerAcceptsOurConnectAndRemembersThePersistentSession) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  const ConnectFields fields{"packet-test", false, 30, "", ""};
  {
    RawConnection first(broker.port());
    const Connack connack = connect(first, fields);
    EXPECT_EQ(connack.return_code, 0) << describeConnackCode(connack.return_code);
    EXPECT_FALSE(connack.session_present);
    EXPECT_TRUE(first.send(encodeDisconnect()));
  }
  RawConnection second(broker.port());
  const Connack again = connect(second, fields);
  EXPECT_EQ(again.return_code, 0);
  EXPECT_TRUE(again.session_present);
  EXPECT_TRUE(second.send(encodePingreq()));
  const auto pong = second.receive();
  ASSERT_TRUE(pong);
  EXPECT_EQ(frameOf(*pong).type(), PacketType::Pingresp);
}

TEST(MqttPacket, BrokerRefusesAWrongPasswordInItsConnack) {
  MosquittoBroker broker({.passwordAuth = true});
  ASSERT_TRUE(broker.start()) << broker.error();
  RawConnection connection(broker.port());
  const Connack connack = connect(connection, {"packet-auth", true, 30, "twin", "wrong"});
  EXPECT_TRUE(connack.return_code == 4 || connack.return_code == 5) << int(connack.return_code);
  RawConnection good(broker.port());
  EXPECT_EQ(connect(good, {"packet-auth", true, 30, "twin", "secret"}).return_code, 0);
}

TEST(MqttPacket, UnacknowledgedPublishIsResentWithDupAndAnAcknowledgedOneIsNot) {
  MosquittoBroker broker;
  ASSERT_TRUE(broker.start()) << broker.error();
  const ConnectFields fields{"packet-ack", false, 30, "", ""};
  std::uint16_t firstId = 0;
  {
    RawConnection connection(broker.port());
    ASSERT_EQ(connect(connection, fields).return_code, 0);
    ASSERT_TRUE(connection.send(encodeSubscribe(42, "parktwin/beidu/#", 1)));
    const auto subackPacket = connection.receive();
    ASSERT_TRUE(subackPacket);
    auto suback = parseSuback(frameOf(*subackPacket));
    ASSERT_TRUE(suback);
    EXPECT_EQ(suback->packet_id, 42);
    EXPECT_EQ(suback->granted, std::vector<std::uint8_t>{1});
    publishOne(broker.port(), R"({"ts":1000,"v":1.5})");
    const auto packet = connection.receive();
    ASSERT_TRUE(packet);
    auto publish = parsePublish(frameOf(*packet));
    ASSERT_TRUE(publish) << publish.error().message;
    EXPECT_EQ(publish->topic, "parktwin/beidu/potline-1.current");
    EXPECT_EQ(publish->payload, R"({"ts":1000,"v":1.5})");
    EXPECT_EQ(publish->qos, 1);
    EXPECT_FALSE(publish->dup);
    firstId = publish->packet_id;
    // Gone without a PUBACK, as a killed ingest would be.
  }
  RawConnection resumed(broker.port());
  ASSERT_EQ(connect(resumed, fields).return_code, 0);
  const auto again = resumed.receive();
  ASSERT_TRUE(again) << "the unacknowledged message was not resent";
  auto resent = parsePublish(frameOf(*again));
  ASSERT_TRUE(resent);
  EXPECT_TRUE(resent->dup);
  EXPECT_EQ(resent->packet_id, firstId);
  EXPECT_EQ(resent->payload, R"({"ts":1000,"v":1.5})");
  ASSERT_TRUE(resumed.send(encodePuback(resent->packet_id)));
  ASSERT_TRUE(resumed.send(encodeDisconnect()));

  RawConnection last(broker.port());
  ASSERT_EQ(connect(last, fields).return_code, 0);
  ASSERT_TRUE(last.send(encodePingreq()));  // the broker resends right after CONNACK, before this answer
  const auto next = last.receive();
  ASSERT_TRUE(next);
  EXPECT_EQ(frameOf(*next).type(), PacketType::Pingresp) << "an acknowledged message came again";
}

}  // namespace
