#pragma once
// Collects what a feed client logs (from its network thread), for tests to read.
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/feed/broker.hpp"

namespace feedtest {

class Logs {
 public:
  parktwin::feed::LogCallback callback() {
    return [this](std::string_view m) {
      std::lock_guard lock(mutex_);
      lines_.emplace_back(m);
    };
  }
  std::vector<std::string> lines() const {
    std::lock_guard lock(mutex_);
    return lines_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

}  // namespace feedtest
