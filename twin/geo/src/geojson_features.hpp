#pragma once
// The GeoJSON file read into features, before any mapping to park objects: every shape rule
// (types, positions, closed rings) is checked here, with the JSON path of each problem.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/geo/projection.hpp"

namespace parktwin::geo::detail {

enum class Shape { area, line, unsupported };

struct Feature {
  std::size_t index = 0;
  Shape shape = Shape::unsupported;
  std::string geometry_type;                 // "Polygon", "Point", "" (null geometry)...
  std::vector<std::vector<LonLat>> parts;    // areas: each outer ring without its closing position; lines: the path
  nlohmann::json properties = nlohmann::json::object();
};

struct FeatureFile {
  std::vector<Feature> features;
  std::vector<LonLat> all_positions;  // for the centre
};

// Problems worded in `language` ("zh" or "en").
Result<FeatureFile> readFeatures(const std::string& text, const std::string& source, std::string_view language);

}  // namespace parktwin::geo::detail
