#pragma once
// The parts of the connections reader shared by its files: one reader per source kind, and the
// mapping and broker sections every kind has.
#include <optional>
#include <string>
#include <vector>

#include "parktwin/feed/connection_kinds.hpp"
#include "parktwin/feed/connections.hpp"
#include "parktwin/model/json_reader.hpp"

namespace parktwin::feed::detail {

using model::detail::json;
using model::detail::ObjectReader;
using model::detail::parseJson;
using model::detail::Problems;
using model::detail::readTextFile;

// tag, scale, offset, deadband, unit, read from the object that holds them; the tag may use
// the {parts} in `allowedParts` only.
ValueMapping readMapping(ObjectReader& r, Problems& problems, const std::vector<std::string>& allowedParts);
BrokerOptions readBroker(ObjectReader& parent, Problems& problems);

MqttSource readMqtt(ObjectReader& r, Problems& problems);
ModbusSource readModbus(ObjectReader& r, Problems& problems);
SparkplugSource readSparkplug(ObjectReader& r, Problems& problems);
OpcUaSource readOpcUa(ObjectReader& r, Problems& problems);

}  // namespace parktwin::feed::detail
