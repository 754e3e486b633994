// CSV import reads files from other historians: any bytes give a report or a file-level error.
// Validation only (no historian), so a run needs no disk and stays fast.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "parktwin/store/csv_import.hpp"
#include "parktwin/common/time_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::istringstream in(text);
  auto report = parktwin::store::importCsv(in, nullptr);
  if (report && report->bad_lines.size() > report->lines) std::abort();
  // The timestamp parser on its own, with the whole input as one cell; any result will do.
  (void)parktwin::parseTimestamp(text);
  return 0;
}
