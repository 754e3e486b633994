#pragma once
// What a running source says went wrong, worded in English and Chinese at once: the counters keep
// both and the window, the status line or the CLI shows the one of its language
// (SourceCounters::lastError). A reason from the system or a library (strerror's "Connection
// refused", node-opcua's text) stays as it is given.
#include <string>
#include <utility>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed::detail {

struct SourceError {
  std::string en;
  std::string zh;
};

inline void noteError(SourceCounters& counters, SourceError error) {
  counters.noteError(std::move(error.en), std::move(error.zh));
}

}  // namespace parktwin::feed::detail
