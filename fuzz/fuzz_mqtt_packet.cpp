// The acknowledge-after-commit subscriber reads MQTT 3.1.1 packets straight off a socket
// (twin/feed mqtt_packet.hpp), so every byte the broker (or anything that answers on its
// port) sends reaches these decoders. Input: a byte stream, cut into frames as the subscriber
// does. Properties: a frame never reaches past the buffer and always advances; the remaining
// length matches the MQTT 3.1.1 encoding (section 2.2.3, decoded here independently); a
// PUBLISH that parses is rebuilt byte for byte from its fields by the layout of section 3.3.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parktwin/feed/mqtt_packet.hpp"

using namespace parktwin::feed::mqtt;

namespace {

// Section 2.2.3 by hand: value and number of length bytes, or 0 bytes when not whole.
struct Length {
  std::size_t value = 0;
  std::size_t bytes = 0;
};
Length remainingLength(std::string_view stream) {
  Length out;
  std::size_t multiplier = 1;
  for (std::size_t i = 1; i < stream.size() && i <= 4; ++i) {
    const auto digit = static_cast<std::uint8_t>(stream[i]);
    out.value += (digit & 0x7fu) * multiplier;
    multiplier *= 128;
    if ((digit & 0x80u) == 0) {
      out.bytes = i;
      return out;
    }
  }
  return {};
}

std::string rebuiltPublishBody(const Publish& publish) {
  std::string body;
  body += static_cast<char>(publish.topic.size() >> 8);
  body += static_cast<char>(publish.topic.size() & 0xff);
  body += publish.topic;
  if (publish.qos > 0) {
    body += static_cast<char>(publish.packet_id >> 8);
    body += static_cast<char>(publish.packet_id & 0xff);
  }
  body += publish.payload;
  return body;
}

void checkFrame(const Frame& frame) {
  if (auto publish = parsePublish(frame)) {
    if (publish->qos > 2 || (publish->qos > 0 && publish->packet_id == 0)) std::abort();
    if (rebuiltPublishBody(*publish) != frame.body) std::abort();
    const auto header = static_cast<std::uint8_t>(0x30 | (publish->dup ? 0x08 : 0) | publish->qos << 1 |
                                                  (publish->retain ? 0x01 : 0));
    if (header != frame.header) std::abort();
  }
  if (auto connack = parseConnack(frame)) {
    if (frame.body.size() != 2) std::abort();
    (void)describeConnackCode(connack->return_code);
  }
  if (auto suback = parseSuback(frame)) {
    if (suback->granted.size() + 2 != frame.body.size()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view stream(reinterpret_cast<const char*>(data), size);
  while (!stream.empty()) {
    auto frame = nextFrame(stream);
    if (!frame || !*frame) return 0;  // not MQTT (the connection is dropped) or not whole yet
    const Length length = remainingLength(stream);
    if (length.bytes == 0 || (*frame)->size != 1 + length.bytes + length.value) std::abort();
    if ((*frame)->size > stream.size() || (*frame)->body.size() != length.value) std::abort();
    if ((*frame)->body.data() != stream.data() + 1 + length.bytes) std::abort();
    checkFrame(**frame);
    stream.remove_prefix((*frame)->size);
  }
  return 0;
}
