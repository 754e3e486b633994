#include "parktwin/feed/live_source.hpp"

#include "parktwin/feed/connection_kinds.hpp"
#include "parktwin/feed/modbus_poller.hpp"
#include "parktwin/feed/mqtt_mapped_source.hpp"

namespace parktwin::feed {

namespace {
template <typename Concrete>
Result<std::unique_ptr<LiveSource>> asLiveSource(Result<std::unique_ptr<Concrete>> made) {
  if (!made) return std::unexpected(made.error());
  return std::unique_ptr<LiveSource>(std::move(*made));
}
}  // namespace

Result<std::unique_ptr<LiveSource>> makeLiveSource(const Source& source, SourceSink sink) {
  if (const auto* mqtt = std::get_if<MqttSource>(&source.config)) {
    return asLiveSource(MqttMappedSource::create(source.id, *mqtt, std::move(sink)));
  }
  if (const auto* modbus = std::get_if<ModbusSource>(&source.config)) {
    return asLiveSource(ModbusPoller::create(source.id, *modbus, std::move(sink)));
  }
  return fail(ErrorCode::failed,
              "source " + source.id + ": " + std::string(toText(source.kind)) + " sources are not built yet");
}

}  // namespace parktwin::feed
