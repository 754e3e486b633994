// Tour files are written by hand for each presentation: any text must give a tour or an error.
// Tours refer to a park's objects, so the Beidu demo park is loaded once; a tour that parses is
// also flown through (poseAt) at its start, middle and end, where NaN or division by zero
// would show up under UBSan.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "parktwin/model/park_file.hpp"
#include "parktwin/model/tour.hpp"

namespace {
const parktwin::model::Park& demoPark() {
  static const parktwin::model::Park park = [] {
    auto loaded = parktwin::model::loadPark(PARKTWIN_FUZZ_PARK);
    if (!loaded) std::abort();  // the fuzz build needs the demo park
    return *loaded;
  }();
  return park;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto& park = demoPark();
  auto tour = parktwin::model::parseTour(text, "fuzz.json", park);
  if (!tour) return 0;
  const double duration = tour->duration_s();
  // Crashes and undefined behaviour are what the fuzzer looks for; any result will do.
  for (double t : {0.0, duration / 2, duration}) (void)parktwin::model::poseAt(*tour, park, t);
  return 0;
}
