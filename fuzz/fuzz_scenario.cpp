// Scenario files are shared between people: any text must give a scenario or an error. The
// park folder does not exist, so a scenario that parses fails at resolving its park; the JSON
// and field handling before that is what this target exercises.
#include <cstdint>
#include <string>

#include "parktwin/scenario/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // Crashes and undefined behaviour are what the fuzzer looks for; any result will do.
  (void)parktwin::scenario::parseScenario(text, "fuzz.json", "/nonexistent-parktwin-fuzz", "/nonexistent-parktwin-fuzz");
  return 0;
}
