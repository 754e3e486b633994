#include "parktwin/feed/value_mapping.hpp"

#include <cmath>

namespace parktwin::feed {

bool DeadbandFilter::pass(std::string_view tag, double value, double deadband) {
  if (deadband <= 0) return true;
  auto it = last_.find(tag);
  if (it == last_.end()) {
    last_.emplace(std::string(tag), value);
    return true;
  }
  if (std::fabs(value - it->second) < deadband) return false;
  it->second = value;
  return true;
}

}  // namespace parktwin::feed
