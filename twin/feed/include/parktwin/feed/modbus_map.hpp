#pragma once
// The register map of a Modbus device as requests and decoded values, pure functions with no
// I/O (the poller does the reading): unit-tested and fuzzed alone.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

// The Modbus limits of one read: 125 registers (function 3/4), 2000 bits (function 1/2).
inline constexpr int kMaxRegistersPerRead = 125;
inline constexpr int kMaxBitsPerRead = 2000;

// One read request: `count` registers or bits of `table` from `address`, covering `points`
// (indices into the device's point list).
struct ModbusRequest {
  ModbusTable table = ModbusTable::holding_register;
  int address = 0;
  int count = 0;
  std::vector<std::size_t> points;
};

// Registers a value takes: 1 (16-bit types, booleans), 2 (32-bit), 4 (float64).
int registerWidth(ModbusType type);

// Groups the points per table into as few requests as the limits allow: points sorted by
// address join the current request while the request stays within the per-read limit and the
// unmapped stretch before them is at most `maxGap` registers or bits (read through, ignored).
std::vector<ModbusRequest> planRequests(const std::vector<ModbusPoint>& points, int maxGap);

// The raw value of a register point from its words (registerWidth(type) of them, in the order
// the device sent them); word order `little` means the low word comes first. Bytes within a
// word are always big-endian, as Modbus defines. nullopt for too few words or a non-finite float.
std::optional<double> decodeRegisters(ModbusType type, WordOrder order, std::span<const std::uint16_t> words);

}  // namespace parktwin::feed
