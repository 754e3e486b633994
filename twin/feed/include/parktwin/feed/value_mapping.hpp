#pragma once
// From a raw reading to a tag value, shared by every source kind: scale and offset, then the
// deadband that drops changes too small to matter.
#include <map>
#include <string>
#include <string_view>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

inline double mappedValue(const ValueMapping& mapping, double raw) { return raw * mapping.scale + mapping.offset; }

// Remembers the last value passed on per tag. Not thread-safe: one per source thread.
class DeadbandFilter {
 public:
  // True when `value` should be passed on: the tag's first value, or one that differs from the
  // last passed-on value by at least `deadband` (0: every value passes).
  bool pass(std::string_view tag, double value, double deadband);

 private:
  std::map<std::string, double, std::less<>> last_;
};

}  // namespace parktwin::feed
