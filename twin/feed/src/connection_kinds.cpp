#include "parktwin/feed/connection_kinds.hpp"

namespace parktwin::feed {

namespace {

template <typename Kind>
using Entry = model::KindEntry<Kind>;

constexpr Entry<SourceKind> kSourceKinds[] = {
    {SourceKind::mqtt, "mqtt", "MQTT", "MQTT"},
    {SourceKind::sparkplug, "sparkplug", "Sparkplug B", "Sparkplug B"},
    {SourceKind::modbus, "modbus", "Modbus TCP", "Modbus TCP"},
    {SourceKind::opcua, "opcua", "OPC UA", "OPC UA"}};
constexpr Entry<PayloadFormat> kPayloadFormats[] = {
    {PayloadFormat::number, "number", "Plain number", "纯数字"},
    {PayloadFormat::json, "json", "JSON", "JSON"},
    {PayloadFormat::csv, "csv", "CSV text", "CSV 文本"}};
constexpr Entry<TimestampFormat> kTimestampFormats[] = {
    {TimestampFormat::receipt, "receipt", "Time of receipt", "接收时间"},
    {TimestampFormat::epoch_ms, "epoch_ms", "Epoch milliseconds", "纪元毫秒"},
    {TimestampFormat::epoch_s, "epoch_s", "Epoch seconds", "纪元秒"},
    {TimestampFormat::iso8601, "iso8601", "ISO-8601", "ISO-8601"}};
constexpr Entry<ModbusTable> kModbusTables[] = {
    {ModbusTable::holding_register, "holding_register", "Holding register", "保持寄存器"},
    {ModbusTable::input_register, "input_register", "Input register", "输入寄存器"},
    {ModbusTable::coil, "coil", "Coil", "线圈"},
    {ModbusTable::discrete_input, "discrete_input", "Discrete input", "离散输入"}};
constexpr Entry<ModbusType> kModbusTypes[] = {
    {ModbusType::int16, "int16", "int16", "int16"},       {ModbusType::uint16, "uint16", "uint16", "uint16"},
    {ModbusType::int32, "int32", "int32", "int32"},       {ModbusType::uint32, "uint32", "uint32", "uint32"},
    {ModbusType::float32, "float32", "float32", "float32"}, {ModbusType::float64, "float64", "float64", "float64"},
    {ModbusType::boolean, "boolean", "Boolean", "布尔"}};
constexpr Entry<WordOrder> kWordOrders[] = {
    {WordOrder::big, "big", "High word first", "高字在前"},
    {WordOrder::little, "little", "Low word first", "低字在前"}};
constexpr Entry<OpcUaSecurity> kOpcUaSecurities[] = {
    {OpcUaSecurity::none, "none", "None", "无"},
    {OpcUaSecurity::basic256sha256_sign, "basic256sha256_sign", "Basic256Sha256, sign", "Basic256Sha256 签名"},
    {OpcUaSecurity::basic256sha256_sign_and_encrypt, "basic256sha256_sign_and_encrypt",
     "Basic256Sha256, sign and encrypt", "Basic256Sha256 签名并加密"}};

// model::kindEntry finds entry i at Kind(i): every table lists its enum in declaration order.
template <typename Kind, std::size_t N>
constexpr bool inEnumOrder(const Entry<Kind> (&table)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(table[i].value) != i) return false;
  }
  return true;
}
static_assert(inEnumOrder(kSourceKinds) && inEnumOrder(kPayloadFormats) && inEnumOrder(kTimestampFormats));
static_assert(inEnumOrder(kModbusTables) && inEnumOrder(kModbusTypes) && inEnumOrder(kWordOrders) &&
              inEnumOrder(kOpcUaSecurities));

}  // namespace

std::span<const Entry<SourceKind>> kindTableOf(SourceKind) { return kSourceKinds; }
std::span<const Entry<PayloadFormat>> kindTableOf(PayloadFormat) { return kPayloadFormats; }
std::span<const Entry<TimestampFormat>> kindTableOf(TimestampFormat) { return kTimestampFormats; }
std::span<const Entry<ModbusTable>> kindTableOf(ModbusTable) { return kModbusTables; }
std::span<const Entry<ModbusType>> kindTableOf(ModbusType) { return kModbusTypes; }
std::span<const Entry<WordOrder>> kindTableOf(WordOrder) { return kWordOrders; }
std::span<const Entry<OpcUaSecurity>> kindTableOf(OpcUaSecurity) { return kOpcUaSecurities; }

}  // namespace parktwin::feed
