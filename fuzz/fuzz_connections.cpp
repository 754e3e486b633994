// Connections files are written by hand and by other tools: any text must give connections or
// an error with paths, never a crash. Property: every source of an accepted file has an id, and
// each problem line of a refused one names the file.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "parktwin/feed/connections_reader.hpp"
#include "parktwin/feed/live_source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto connections = parktwin::feed::parseConnections(text, "fuzz.json");
  if (!connections) {
    if (!connections.error().message.starts_with("fuzz.json: ")) std::abort();
    return 0;
  }
  for (const auto& source : connections->sources) {
    if (source.id.empty()) std::abort();
    (void)parktwin::feed::tagPatternParts(source.id);
  }
  return 0;
}
