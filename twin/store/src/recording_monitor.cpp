#include "parktwin/store/recording_monitor.hpp"

namespace parktwin::store {

void RecordingMonitor::note(const Result<void>& outcome) {
  std::lock_guard lock(mutex_);
  status_.failing = !outcome.has_value();
  if (outcome) return;
  status_.last_error = outcome.error().message;
  ++status_.failed_appends;
}

RecordingStatus RecordingMonitor::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

}  // namespace parktwin::store
