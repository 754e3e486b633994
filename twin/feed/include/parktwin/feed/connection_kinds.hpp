#pragma once
// The words of the connections file for its enums (docs/connections.md), one table per enum in
// the park format's kind machinery (model/kinds.hpp): reading (ObjectReader::kind), writing
// (toText), "expected one of ..." messages and the names the window shows all go through it.
#include <span>

#include "parktwin/feed/connections.hpp"
#include "parktwin/model/kinds.hpp"

namespace parktwin::feed {

std::span<const model::KindEntry<SourceKind>> kindTableOf(SourceKind);
std::span<const model::KindEntry<PayloadFormat>> kindTableOf(PayloadFormat);
std::span<const model::KindEntry<TimestampFormat>> kindTableOf(TimestampFormat);
std::span<const model::KindEntry<ModbusTable>> kindTableOf(ModbusTable);
std::span<const model::KindEntry<ModbusType>> kindTableOf(ModbusType);
std::span<const model::KindEntry<WordOrder>> kindTableOf(WordOrder);
std::span<const model::KindEntry<OpcUaSecurity>> kindTableOf(OpcUaSecurity);

// True when the source asks for its values (Modbus TCP polls its device), so that its
// SourceCounters::polls counts requests; the others are sent messages (MQTT, Sparkplug B, the
// OPC UA gateway's), which that counter counts.
constexpr bool pollsForValues(SourceKind kind) { return kind == SourceKind::modbus; }

using model::displayName;
using model::parseKind;
using model::toText;

}  // namespace parktwin::feed
