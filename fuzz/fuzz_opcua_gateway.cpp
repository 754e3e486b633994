// The OPC UA gateway (gateway/opcua, Node.js) reports on its standard error in JSON lines that
// feed::detail::parseGatewayLine reads; Node.js and node-opcua write their own warnings there
// too, so any text arrives. Input: one line. Properties: no exception escapes (the reader runs
// on the source's thread), and only an error can mean the OPC UA side is lost. (What the line
// must hold to be an event is not checked on the text: JSON may spell a key with \u escapes.)
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "opcua_gateway.hpp"

using parktwin::feed::detail::GatewayEvent;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  const auto event = parktwin::feed::detail::parseGatewayLine(line);
  if (!event) return 0;
  if (event->loosesConnection && event->kind != GatewayEvent::Kind::error) std::abort();
  return 0;
}
