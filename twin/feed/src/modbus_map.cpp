#include "parktwin/feed/modbus_map.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>

namespace parktwin::feed {

namespace {

bool isBitTable(ModbusTable table) { return table == ModbusTable::coil || table == ModbusTable::discrete_input; }

// The words most significant first, whatever order the device sent them in.
std::uint64_t combine(std::span<const std::uint16_t> words, WordOrder order) {
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::size_t at = order == WordOrder::big ? i : words.size() - 1 - i;
    bits = (bits << 16) | words[at];
  }
  return bits;
}

}  // namespace

int registerWidth(ModbusType type) {
  switch (type) {
    case ModbusType::int32:
    case ModbusType::uint32:
    case ModbusType::float32: return 2;
    case ModbusType::float64: return 4;
    default: return 1;
  }
}

std::vector<ModbusRequest> planRequests(const std::vector<ModbusPoint>& points, int maxGap) {
  std::map<ModbusTable, std::vector<std::size_t>> byTable;
  for (std::size_t i = 0; i < points.size(); ++i) byTable[points[i].table].push_back(i);
  std::vector<ModbusRequest> requests;
  for (auto& [table, indices] : byTable) {
    std::ranges::stable_sort(indices, {}, [&](std::size_t i) { return points[i].address; });
    const int limit = isBitTable(table) ? kMaxBitsPerRead : kMaxRegistersPerRead;
    ModbusRequest* current = nullptr;
    for (std::size_t i : indices) {
      const int start = points[i].address;
      const int end = start + (isBitTable(table) ? 1 : registerWidth(points[i].type));  // one past
      const bool joins = current && start - (current->address + current->count) <= maxGap &&
                         std::max(end, current->address + current->count) - current->address <= limit;
      if (!joins) current = &requests.emplace_back(ModbusRequest{table, start, 0, {}});
      current->count = std::max(current->count, end - current->address);
      current->points.push_back(i);
    }
  }
  return requests;
}

std::optional<double> decodeRegisters(ModbusType type, WordOrder order, std::span<const std::uint16_t> words) {
  const auto width = static_cast<std::size_t>(registerWidth(type));
  if (words.size() < width) return std::nullopt;
  const std::uint64_t bits = combine(words.first(width), order);
  switch (type) {
    case ModbusType::int16: return static_cast<double>(static_cast<std::int16_t>(bits));
    case ModbusType::uint16: return static_cast<double>(static_cast<std::uint16_t>(bits));
    case ModbusType::boolean: return bits != 0 ? 1.0 : 0.0;
    case ModbusType::int32: return static_cast<double>(static_cast<std::int32_t>(static_cast<std::uint32_t>(bits)));
    case ModbusType::uint32: return static_cast<double>(static_cast<std::uint32_t>(bits));
    case ModbusType::float32: {
      const float f = std::bit_cast<float>(static_cast<std::uint32_t>(bits));
      return std::isfinite(f) ? std::optional<double>(f) : std::nullopt;
    }
    case ModbusType::float64: {
      const double d = std::bit_cast<double>(bits);
      return std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace parktwin::feed
