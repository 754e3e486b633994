#pragma once
// Kept only for app/cli/command_ingest.cpp, which calls sim::parseDurationMs: time text lives
// in twin/common (parktwin/common/time_text.hpp). Remove once ingest includes that instead.
#include "parktwin/common/time_text.hpp"

namespace parktwin::sim {
using parktwin::parseDurationMs;
}  // namespace parktwin::sim
