// GeoJSON files come from GIS tools and from people: any text must give a park or an error.
// Property: an imported park is valid, and its saved text loads back to the same park.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "parktwin/geo/geojson_import.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto imported = parktwin::geo::importGeoJson(text, "fuzz.geojson", {"fuzz", {}});
  if (!imported) return 0;
  if (!parktwin::model::validatePark(imported->park).empty()) std::abort();  // we promised a valid park
  auto again = parktwin::model::parsePark(parktwin::model::serializePark(imported->park), "saved.json");
  if (!again || !(*again == imported->park)) std::abort();  // we wrote a park we cannot read back
  return 0;
}
