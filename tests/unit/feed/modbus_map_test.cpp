// The Modbus register map, the pure part: grouping into requests and decoding words. The words
// are worked out by hand from IEEE 754 and two's complement (comments give the arithmetic).
#include <gtest/gtest.h>

#include <array>

#include "parktwin/feed/modbus_map.hpp"

namespace {

using namespace parktwin::feed;

ModbusPoint point(ModbusTable table, int address, ModbusType type) {
  ModbusPoint p;
  p.table = table;
  p.address = address;
  p.type = type;
  return p;
}

TEST(ModbusPlan, ContiguousPointsShareARequestAndGapsUpToTheLimitAreReadThrough) {
  const std::vector<ModbusPoint> points = {
      point(ModbusTable::holding_register, 10, ModbusType::float32),  // 10-11
      point(ModbusTable::holding_register, 2, ModbusType::int16),     // 2: gap 3-9 is 7
      point(ModbusTable::holding_register, 20, ModbusType::float64),  // 20-23: gap 12-19 is 8
      point(ModbusTable::holding_register, 33, ModbusType::uint16),   // gap 24-32 is 9: new request
      point(ModbusTable::coil, 5, ModbusType::boolean),
      point(ModbusTable::coil, 0, ModbusType::boolean)};
  const auto requests = planRequests(points, 8);
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].table, ModbusTable::holding_register);
  EXPECT_EQ(requests[0].address, 2);
  EXPECT_EQ(requests[0].count, 22);
  EXPECT_EQ(requests[0].points, (std::vector<std::size_t>{1, 0, 2}));
  EXPECT_EQ(requests[1].address, 33);
  EXPECT_EQ(requests[1].count, 1);
  EXPECT_EQ(requests[2].table, ModbusTable::coil);
  EXPECT_EQ(requests[2].address, 0);
  EXPECT_EQ(requests[2].count, 6);
  EXPECT_EQ(planRequests(points, 0).size(), 6u);  // no gaps read: every island alone
}

TEST(ModbusPlan, NoRequestIsLongerThan125Registers) {
  std::vector<ModbusPoint> points;
  for (int a = 0; a < 300; a += 2) points.push_back(point(ModbusTable::input_register, a, ModbusType::float32));
  const auto requests = planRequests(points, 8);
  ASSERT_EQ(requests.size(), 3u);  // 300 registers: 124 + 124 + 52 (a float32 never split)
  EXPECT_EQ(requests[0].count, 124);
  EXPECT_EQ(requests[1].address, 124);
  EXPECT_EQ(requests[2].count, 52);
}

TEST(ModbusDecode, EveryTypeInBothWordOrders) {
  using W = std::array<std::uint16_t, 4>;
  // int16 0xFB2E = 64302 - 65536 = -1234
  EXPECT_EQ(*decodeRegisters(ModbusType::int16, WordOrder::big, W{0xFB2E}), -1234);
  EXPECT_EQ(*decodeRegisters(ModbusType::uint16, WordOrder::big, W{0xD431}), 54321);
  // -123456789 = 0xF8A432EB
  EXPECT_EQ(*decodeRegisters(ModbusType::int32, WordOrder::big, W{0xF8A4, 0x32EB}), -123456789);
  EXPECT_EQ(*decodeRegisters(ModbusType::int32, WordOrder::little, W{0x32EB, 0xF8A4}), -123456789);
  // 3000000000 = 0xB2D05E00
  EXPECT_EQ(*decodeRegisters(ModbusType::uint32, WordOrder::big, W{0xB2D0, 0x5E00}), 3000000000.0);
  EXPECT_EQ(*decodeRegisters(ModbusType::uint32, WordOrder::little, W{0x5E00, 0xB2D0}), 3000000000.0);
  // 230.5 = 1.80078125 * 2^7: sign 0, exponent 134 = 0x86, mantissa 0x668000 -> 0x43668000
  EXPECT_EQ(*decodeRegisters(ModbusType::float32, WordOrder::big, W{0x4366, 0x8000}), 230.5);
  EXPECT_EQ(*decodeRegisters(ModbusType::float32, WordOrder::little, W{0x8000, 0x4366}), 230.5);
  // -2.5 = -1.25 * 2^1: 0xC004000000000000
  EXPECT_EQ(*decodeRegisters(ModbusType::float64, WordOrder::big, W{0xC004, 0, 0, 0}), -2.5);
  EXPECT_EQ(*decodeRegisters(ModbusType::float64, WordOrder::little, W{0, 0, 0, 0xC004}), -2.5);
  EXPECT_EQ(*decodeRegisters(ModbusType::boolean, WordOrder::big, W{0x0100}), 1.0);
}

TEST(ModbusDecode, RefusesTooFewWordsAndNonFiniteFloats) {
  const std::array<std::uint16_t, 1> one{0x4366};
  EXPECT_FALSE(decodeRegisters(ModbusType::float32, WordOrder::big, one));
  const std::array<std::uint16_t, 2> nan{0x7FC0, 0x0000};
  EXPECT_FALSE(decodeRegisters(ModbusType::float32, WordOrder::big, nan));
}

}  // namespace
