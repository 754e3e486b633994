#pragma once
// Whether a live recording is keeping up. A historian keeps samples it could not commit (a full
// disk, a read-only file, an I/O error) in memory and retries them at the next commit, so a
// failed append is not yet a lost sample, but the user must be told at once that nothing is
// reaching the disk. The live feed (network thread) reports each append here; the window and
// the CLI read the status from their own thread.
#include <cstdint>
#include <mutex>
#include <string>

#include "parktwin/common/result.hpp"

namespace parktwin::store {

struct RecordingStatus {
  bool failing = false;             // the last append or flush failed
  std::string last_error;           // its message; kept after a recovery, for the log
  std::uint64_t failed_appends = 0; // appends that returned an error, over the whole session
};

class RecordingMonitor {
 public:
  void note(const Result<void>& outcome);
  [[nodiscard]] RecordingStatus status() const;

 private:
  mutable std::mutex mutex_;
  RecordingStatus status_;
};

}  // namespace parktwin::store
