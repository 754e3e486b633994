#include "parktwin/feed/live_source.hpp"

#include "parktwin/feed/connection_kinds.hpp"
#include "parktwin/feed/modbus_poller.hpp"
#include "parktwin/feed/mqtt_mapped_source.hpp"
#include "parktwin/feed/opcua_source.hpp"
#include "parktwin/feed/sparkplug_source.hpp"

namespace parktwin::feed {

Result<std::unique_ptr<LiveSource>> makeLiveSource(const Source& source, SourceSink sink,
                                                   const std::optional<BrokerOptions>& gatewayBroker) {
  if (const auto* mqtt = std::get_if<MqttSource>(&source.config)) {
    return makeMqttMappedSource(source.id, *mqtt, std::move(sink));
  }
  if (const auto* modbus = std::get_if<ModbusSource>(&source.config)) {
    return makeModbusPoller(source.id, *modbus, std::move(sink));
  }
  if (std::holds_alternative<SparkplugSource>(source.config)) return makeSparkplugSource(source, std::move(sink));
  if (!gatewayBroker) {
    return fail(ErrorCode::invalid_input, "source " + source.id +
                                              ": an OPC UA source needs an MQTT broker for its gateway "
                                              "(parktwin-cli: --gateway-mqtt HOST:PORT; parktwin-server: --mqtt HOST:PORT)");
  }
  return makeOpcUaSource(source, std::move(sink), *gatewayBroker);
}

}  // namespace parktwin::feed
