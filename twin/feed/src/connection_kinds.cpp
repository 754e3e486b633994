#include "parktwin/feed/connection_kinds.hpp"

namespace parktwin::feed {

namespace {
constexpr KindWord<SourceKind> kSourceKinds[] = {
    {SourceKind::mqtt, "mqtt"}, {SourceKind::sparkplug, "sparkplug"},
    {SourceKind::modbus, "modbus"}, {SourceKind::opcua, "opcua"}};
constexpr KindWord<PayloadFormat> kPayloadFormats[] = {
    {PayloadFormat::number, "number"}, {PayloadFormat::json, "json"}, {PayloadFormat::csv, "csv"}};
constexpr KindWord<TimestampFormat> kTimestampFormats[] = {
    {TimestampFormat::receipt, "receipt"}, {TimestampFormat::epoch_ms, "epoch_ms"},
    {TimestampFormat::epoch_s, "epoch_s"}, {TimestampFormat::iso8601, "iso8601"}};
constexpr KindWord<ModbusTable> kModbusTables[] = {
    {ModbusTable::holding_register, "holding_register"}, {ModbusTable::input_register, "input_register"},
    {ModbusTable::coil, "coil"}, {ModbusTable::discrete_input, "discrete_input"}};
constexpr KindWord<ModbusType> kModbusTypes[] = {
    {ModbusType::int16, "int16"},     {ModbusType::uint16, "uint16"},   {ModbusType::int32, "int32"},
    {ModbusType::uint32, "uint32"},   {ModbusType::float32, "float32"}, {ModbusType::float64, "float64"},
    {ModbusType::boolean, "boolean"}};
constexpr KindWord<WordOrder> kWordOrders[] = {{WordOrder::big, "big"}, {WordOrder::little, "little"}};
constexpr KindWord<OpcUaSecurity> kOpcUaSecurities[] = {
    {OpcUaSecurity::none, "none"},
    {OpcUaSecurity::basic256sha256_sign, "basic256sha256_sign"},
    {OpcUaSecurity::basic256sha256_sign_and_encrypt, "basic256sha256_sign_and_encrypt"}};
}  // namespace

std::span<const KindWord<SourceKind>> kindWordsOf(SourceKind) { return kSourceKinds; }
std::span<const KindWord<PayloadFormat>> kindWordsOf(PayloadFormat) { return kPayloadFormats; }
std::span<const KindWord<TimestampFormat>> kindWordsOf(TimestampFormat) { return kTimestampFormats; }
std::span<const KindWord<ModbusTable>> kindWordsOf(ModbusTable) { return kModbusTables; }
std::span<const KindWord<ModbusType>> kindWordsOf(ModbusType) { return kModbusTypes; }
std::span<const KindWord<WordOrder>> kindWordsOf(WordOrder) { return kWordOrders; }
std::span<const KindWord<OpcUaSecurity>> kindWordsOf(OpcUaSecurity) { return kOpcUaSecurities; }

}  // namespace parktwin::feed
