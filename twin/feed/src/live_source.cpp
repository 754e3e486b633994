#include "parktwin/feed/live_source.hpp"

#include "parktwin/feed/connection_kinds.hpp"
#include "parktwin/feed/modbus_poller.hpp"
#include "parktwin/feed/mqtt_mapped_source.hpp"

namespace parktwin::feed {

Result<std::unique_ptr<LiveSource>> makeLiveSource(const Source& source, SourceSink sink) {
  if (const auto* mqtt = std::get_if<MqttSource>(&source.config)) {
    return makeMqttMappedSource(source.id, *mqtt, std::move(sink));
  }
  if (const auto* modbus = std::get_if<ModbusSource>(&source.config)) {
    return makeModbusPoller(source.id, *modbus, std::move(sink));
  }
  return fail(ErrorCode::failed,
              "source " + source.id + ": " + std::string(toText(source.kind)) + " sources are not built yet");
}

}  // namespace parktwin::feed
