#include "mapped_value.hpp"

#include <cmath>

namespace parktwin::feed::detail {

std::optional<double> MappedValues::pass(const ValueMapping& mapping, double raw) {
  const double value = raw * mapping.scale + mapping.offset;
  if (!std::isfinite(value)) return std::nullopt;
  auto last = lastPassed_.find(mapping.tag);
  if (last == lastPassed_.end()) {
    lastPassed_.emplace(mapping.tag, value);
    return value;
  }
  if (mapping.deadband > 0 && std::abs(value - last->second) < mapping.deadband) return std::nullopt;
  last->second = value;
  return value;
}

void MappedValues::forget(std::string_view tag) {
  if (auto it = lastPassed_.find(tag); it != lastPassed_.end()) lastPassed_.erase(it);
}

}  // namespace parktwin::feed::detail
