#pragma once
// A raw reading becomes a tag value the same way for every protocol (connections.hpp,
// ValueMapping): value = raw * scale + offset, and a change smaller than the deadband since the
// last value passed on for that tag is dropped.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed::detail {

class MappedValues {
 public:
  // The tag's value for `raw`, or nullopt when the deadband drops it. Not thread-safe.
  std::optional<double> pass(const ValueMapping& mapping, double raw);
  // The tag went stale: its next value is passed on whatever the deadband says.
  void forget(std::string_view tag);

 private:
  std::map<std::string, double, std::less<>> lastPassed_;
};

}  // namespace parktwin::feed::detail
