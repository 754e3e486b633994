// Park files come from users and from other tools: any text must give a park or an error.
// Property: a park that loads serialises to text that loads back to the same serialisation.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "parktwin/model/park_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto park = parktwin::model::parsePark(text, "fuzz.json");
  if (!park) return 0;
  const std::string canonical = parktwin::model::serializePark(*park);
  auto again = parktwin::model::parsePark(canonical, "canonical.json");
  if (!again) std::abort();  // we wrote a file we cannot read
  if (parktwin::model::serializePark(*again) != canonical) std::abort();
  return 0;
}
