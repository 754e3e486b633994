#pragma once
// A park from a GeoJSON FeatureCollection (RFC 7946, WGS84 longitude/latitude):
// - Polygon / MultiPolygon features become buildings: the minimum-area rectangle around the
//   footprint gives position, width, depth and rotation; height from `height`, `height_m` or
//   `building:levels` x 3.5 m, else a default that is reported;
// - features with a `landuse` or `zone` property become zones (their outer ring);
// - LineStrings become roads, `width` metres wide or a default;
// - names from `name`, `name:zh`, `name:en`.
// The park's origin is the centre of the features' bounding box, which becomes its
// latitude_deg / longitude_deg (geo::LocalProjection). Unsupported geometry and missing
// properties are warnings naming the feature; a malformed file is an error with the JSON path
// of every problem, and then there is no park.
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::geo {

struct ImportOptions {
  std::string park_id = "imported";
  model::LocalizedText name;       // empty: the park id in both languages
  double default_height_m = 10;    // a building with no height property
  double storey_height_m = 3.5;    // building:levels x this
  double default_road_width_m = 6; // a road with no width property
  double grid_emission_t_per_mwh = 0.57;  // the park format requires one; China's grid average
  std::string language = "en";             // of warnings and problems: "zh" or "en"
};

struct ImportedPark {
  model::Park park;
  std::vector<std::string> warnings;  // "/features/3: no height, height_m or building:levels; 10 m assumed", in options' language
};

Result<ImportedPark> importGeoJson(const std::string& text, const std::string& source, const ImportOptions& options);

}  // namespace parktwin::geo
