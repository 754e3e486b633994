// GeoJSON text → features. Foreign members (RFC 7946 §6.1: "id", "bbox", "crs", anything else)
// are allowed, so unlike park files there is no "unknown key" problem.
#include <cmath>

#include "geojson_features.hpp"
#include "parktwin/common/number_text.hpp"
#include "parktwin/model/json_reader.hpp"

namespace parktwin::geo::detail {
namespace {

using model::detail::describe;
using model::detail::json;
using model::detail::Problems;

// A value as a problem names it, in Chinese: arrays and objects by their kind (describe's
// English words), anything else as written.
std::string describeZh(const json& value) {
  if (value.is_array()) return "数组";
  if (value.is_object()) return "对象";
  return describe(value);
}

struct Reader {
  Problems& problems;
  std::vector<LonLat>& all;

  bool position(const json& v, const std::string& path, LonLat& out) {
    const bool numbers = v.is_array() && v.size() >= 2 && v[0].is_number() && v[1].is_number();
    if (!numbers) {
      problems.add(path, "expected a position [longitude, latitude] in degrees (-180..180, -90..90), got " + describe(v),
                   "应为位置 [经度, 纬度]，单位为度（-180..180, -90..90），实际为 " + describeZh(v));
      return false;
    }
    const double lon = v[0].get<double>(), lat = v[1].get<double>();
    if (std::abs(lon) > 180 || std::abs(lat) > 90) {
      // The numbers, and the likely slip: [latitude, longitude], as maps and GPS write it.
      const bool swapped = std::abs(lat) <= 180 && std::abs(lon) <= 90;
      const std::string got = "[" + shortestText(lon) + ", " + shortestText(lat) + "]";
      problems.add(path, "expected [longitude, latitude] in degrees (-180..180, -90..90), got " + got +
                             (swapped ? ": latitude first? GeoJSON puts longitude first" : ""),
                   "应为 [经度, 纬度]，单位为度（-180..180, -90..90），实际为 " + got +
                       (swapped ? "：是否把纬度写在了前面？GeoJSON 先写经度" : ""));
      return false;
    }
    out = {v[0].get<double>(), v[1].get<double>()};
    all.push_back(out);
    return true;
  }

  std::vector<LonLat> positions(const json& v, const std::string& path, std::size_t minCount) {
    std::vector<LonLat> out;
    if (!v.is_array()) return problems.add(path, "expected an array of positions, got " + describe(v), "应为位置数组，实际为 " + describeZh(v)), out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      LonLat p;
      if (position(v[i], path + "/" + std::to_string(i), p)) out.push_back(p);
    }
    if (v.size() < minCount) {
      problems.add(path, "expected at least " + std::to_string(minCount) + " positions, got " + std::to_string(v.size()),
                   "应至少有 " + std::to_string(minCount) + " 个位置，实际为 " + std::to_string(v.size()) + " 个");
    }
    return out;
  }

  // A linear ring: four or more positions, the last equal to the first (RFC 7946 §3.1.6).
  std::vector<LonLat> ring(const json& v, const std::string& path) {
    std::vector<LonLat> out = positions(v, path, 4);
    if (out.size() != v.size() || out.size() < 4) return {};
    if (out.front().lon_deg != out.back().lon_deg || out.front().lat_deg != out.back().lat_deg) {
      problems.add(path, "expected a closed ring (the last position equal to the first)", "应为闭合环（最后一个位置与第一个相同）");
      return {};
    }
    out.pop_back();
    return out;
  }

  // A Polygon's coordinates: rings; the first is the outline (holes are checked, not kept).
  std::vector<LonLat> polygon(const json& v, const std::string& path) {
    if (!v.is_array() || v.empty()) {
      return problems.add(path, "expected an array of linear rings, got " + describe(v), "应为线性环数组，实际为 " + describeZh(v)), std::vector<LonLat>{};
    }
    std::vector<LonLat> outline = ring(v[0], path + "/0");
    for (std::size_t i = 1; i < v.size(); ++i) ring(v[i], path + "/" + std::to_string(i));
    return outline;
  }

  void geometry(const json& g, const std::string& path, Feature& f);
  Feature feature(const json& v, std::size_t index);
};

void Reader::geometry(const json& g, const std::string& path, Feature& f) {
  if (g.is_null()) return;  // a feature without a place: a warning later
  if (!g.is_object() || !g.contains("type") || !g["type"].is_string()) {
    return problems.add(path, "expected a geometry object with a \"type\", got " + describe(g), "应为带“type”的几何对象，实际为 " + describeZh(g));
  }
  f.geometry_type = g["type"].get<std::string>();
  static const std::vector<std::string> kTypes{"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"};
  if (std::ranges::find(kTypes, f.geometry_type) == kTypes.end()) {
    return problems.add(path + "/type", "expected a GeoJSON geometry type (Polygon, MultiPolygon, LineString...), got " + describe(g["type"]),
                        "应为 GeoJSON 几何类型（Polygon、MultiPolygon、LineString 等），实际为 " + describeZh(g["type"]));
  }
  if (f.geometry_type == "GeometryCollection") return;
  if (!g.contains("coordinates")) return problems.add(path + "/coordinates", "missing; expected an array", "缺失；应为数组");
  const json& c = g["coordinates"];
  const std::string at = path + "/coordinates";
  if (f.geometry_type == "Polygon") {
    f.shape = Shape::area;
    f.parts.push_back(polygon(c, at));
  } else if (f.geometry_type == "MultiPolygon") {
    f.shape = Shape::area;
    if (!c.is_array()) return problems.add(at, "expected an array of polygons, got " + describe(c), "应为多边形数组，实际为 " + describeZh(c));
    for (std::size_t i = 0; i < c.size(); ++i) f.parts.push_back(polygon(c[i], at + "/" + std::to_string(i)));
  } else if (f.geometry_type == "LineString") {
    f.shape = Shape::line;
    f.parts.push_back(positions(c, at, 2));
  }
}

Feature Reader::feature(const json& v, std::size_t index) {
  const std::string path = "/features/" + std::to_string(index);
  Feature f;
  f.index = index;
  if (!v.is_object()) return problems.add(path, "expected a Feature object, got " + describe(v), "应为 Feature 对象，实际为 " + describeZh(v)), f;
  if (!v.contains("type") || v["type"] != "Feature") {
    const bool typed = v.contains("type");
    problems.add(path + "/type", "expected \"Feature\", got " + (typed ? describe(v["type"]) : std::string("nothing")),
                 "应为“Feature”，实际为" + (typed ? " " + describeZh(v["type"]) : std::string("空")));
  }
  if (v.contains("properties") && !v["properties"].is_null()) {
    if (v["properties"].is_object()) f.properties = v["properties"];
    else problems.add(path + "/properties", "expected an object or null, got " + describe(v["properties"]), "应为对象或 null，实际为 " + describeZh(v["properties"]));
  }
  if (!v.contains("geometry")) problems.add(path + "/geometry", "missing; expected a geometry object or null", "缺失；应为几何对象或 null");
  else geometry(v["geometry"], path + "/geometry", f);
  return f;
}

}  // namespace

Result<FeatureFile> readFeatures(const std::string& text, const std::string& source, std::string_view language) {
  auto parsed = model::detail::parseJson(text, source, language);
  if (!parsed) return std::unexpected(parsed.error());
  const json& root = *parsed;
  Problems problems;
  FeatureFile file;
  Reader reader{problems, file.all_positions};
  if (!root.is_object() || !root.contains("type") || root["type"] != "FeatureCollection") {
    problems.add("/type", "expected a GeoJSON \"FeatureCollection\"", "应为 GeoJSON“FeatureCollection”");
  } else if (!root.contains("features") || !root["features"].is_array()) {
    problems.add("/features", "expected an array of features", "应为要素（feature）数组");
  } else {
    const json& features = root["features"];
    for (std::size_t i = 0; i < features.size(); ++i) file.features.push_back(reader.feature(features[i], i));
  }
  if (!problems.empty()) return problems.failure(source, language);
  return file;
}

}  // namespace parktwin::geo::detail
