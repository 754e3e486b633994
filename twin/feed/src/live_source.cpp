#include "parktwin/feed/live_source.hpp"

#include "parktwin/feed/connection_kinds.hpp"
#include "parktwin/feed/modbus_poller.hpp"
#include "parktwin/feed/mqtt_mapped_source.hpp"
#include "parktwin/feed/opcua_source.hpp"
#include "parktwin/feed/sparkplug_source.hpp"

namespace parktwin::feed {

Result<std::unique_ptr<LiveSource>> makeLiveSource(const Source& source, SourceSink sink,
                                                   const std::optional<BrokerOptions>& gatewayBroker,
                                                   std::string_view language) {
  if (const auto* mqtt = std::get_if<MqttSource>(&source.config)) {
    return makeMqttMappedSource(source.id, *mqtt, std::move(sink), language);
  }
  if (const auto* modbus = std::get_if<ModbusSource>(&source.config)) {
    return makeModbusPoller(source.id, *modbus, std::move(sink));
  }
  if (std::holds_alternative<SparkplugSource>(source.config)) return makeSparkplugSource(source, std::move(sink), {}, language);
  if (!gatewayBroker) {
    return fail(ErrorCode::invalid_input, "source " + source.id +
                                              ": an OPC UA source needs an MQTT broker for its gateway "
                                              "(parktwin-cli: --gateway-mqtt HOST:PORT; parktwin-server: --mqtt HOST:PORT)");
  }
  return makeOpcUaSource(source, std::move(sink), *gatewayBroker, {}, language);
}

Result<std::unique_ptr<LiveSource>> startLiveSource(const Source& source, SourceSink sink,
                                                    const std::optional<BrokerOptions>& gatewayBroker,
                                                    std::string_view language) {
  const bool zh = language == "zh";
  const auto refused = [&](const std::string& why) {
    return fail(ErrorCode::invalid_input, zh ? "数据源“" + source.id + "”未能启动：" + why : source.id + ": " + why);
  };
  if (std::holds_alternative<OpcUaSource>(source.config) && !gatewayBroker && zh) {
    return refused("OPC UA 数据源需要一个 MQTT 代理供其网关转交数值（parktwin-cli：--gateway-mqtt HOST:PORT；"
                   "parktwin-server：--mqtt HOST:PORT）");
  }
  auto made = makeLiveSource(source, std::move(sink), gatewayBroker, language);
  if (!made) return refused(made.error().message);
  if (auto started = (*made)->start(); !started) {
    (*made)->stop();
    return refused(started.error().message);
  }
  return made;
}

}  // namespace parktwin::feed
