// Features → park objects (geojson_import.hpp says the mapping).
#include "parktwin/geo/geojson_import.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>

#include "feature_mapping.hpp"
#include "geojson_features.hpp"
#include "parktwin/common/number_text.hpp"
#include "parktwin/geo/oriented_rectangle.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/model/validate.hpp"

namespace parktwin::geo {
namespace {

using detail::Feature;

constexpr double kSquareMetresPerMu = 10000.0 / 15;  // 1 mu = 666.7 m²
// A feature this far from the middle of the others is most likely a slip: another site's
// polygon, a digitising error, coordinates swapped. The largest Chinese parks are some 20 km
// across, so it is imported but named.
constexpr double kStrayFeature_m = 20'000;

// The middle of the features' box, to 1e-7 degrees (about a centimetre, the footprints' own
// precision): the park file says 106.651, not 106.65100000000001.
LonLat centreOf(const std::vector<LonLat>& positions) {
  auto [west, east] = std::ranges::minmax(positions, {}, &LonLat::lon_deg);
  auto [south, north] = std::ranges::minmax(positions, {}, &LonLat::lat_deg);
  const auto rounded = [](double deg) { return std::round(deg * 1e7) / 1e7; };
  return {rounded((west.lon_deg + east.lon_deg) / 2), rounded((south.lat_deg + north.lat_deg) / 2)};
}

class Importer {
 public:
  Importer(const LocalProjection& projection, const ImportOptions& options)
      : projection_(projection), options_(options), zh_(options.language == "zh") {}

  void add(const Feature& f, model::Park& park) {
    const std::string at = "/features/" + std::to_string(f.index);
    if (f.shape == detail::Shape::unsupported) {
      if (f.geometry_type.empty()) warn(at + "/geometry", "no geometry; nothing imported", "没有几何形状；未导入");
      else warn(at + "/geometry", f.geometry_type + " is not imported (only Polygon, MultiPolygon and LineString)",
                f.geometry_type + " 不导入（只导入 Polygon、MultiPolygon 和 LineString）");
    } else if (f.shape == detail::Shape::line) {
      park.roads.push_back(road(f, at));
    } else if (detail::isZone(f.properties)) {
      park.zones.push_back(zone(f, at));
    } else {
      park.buildings.push_back(building(f, at));
    }
  }
  std::vector<std::string> warnings;

  // One line for all the buildings and zones named in one language only, not one each: a
  // survey's 300 halls named "1号厂房" would otherwise bury every other warning.
  void warnOfNamesInOneLanguage() {
    if (namedOnce_.empty()) return;
    std::string which;
    for (std::size_t i = 0; i < namedOnce_.size() && i < 5; ++i) which += (i ? ", " : "") + namedOnce_[i];
    const std::string count = std::to_string(namedOnce_.size()), more = std::to_string(namedOnce_.size() - 5);
    if (namedOnce_.size() > 5) which += zh_ ? " 等另外 " + more + " 处" : " and " + more + " more";
    warn("/features",
         count + (namedOnce_.size() == 1 ? " building, zone or road" : " buildings, zones or roads") +
             " named in one language only, shown alike in Chinese and English: " + which +
             "; give \"name:zh\" and \"name:en\", or edit name.zh and name.en in the park file",
         count + " 个建筑、区域或道路只有一种语言的名称，中英文显示相同：" + which +
             "；请给出“name:zh”和“name:en”，或在园区文件中编辑 name.zh 和 name.en");
  }

 private:
  std::vector<std::string> namedOnce_;  // "JSON path (name)" of features named in one language

  void warn(const std::string& path, const std::string& en, const std::string& zh) {
    warnings.push_back(path + ": " + (zh_ ? zh : en));
  }

  model::LocalizedText name(const Feature& f, const std::string& at, const char* en, const char* zh) {
    model::LocalizedText n = detail::nameOf(f.properties);
    if (n.en.empty() && n.zh.empty()) {
      n = {std::string(zh) + " " + std::to_string(f.index), std::string(en) + " " + std::to_string(f.index)};
      warn(at + "/properties", "no name, name:zh or name:en; \"" + n.en + "\" used", "没有 name、name:zh 或 name:en；使用“" + n.zh + "”");
    }
    if (n.en.empty()) n.en = n.zh;
    if (n.zh.empty()) n.zh = n.en;
    if (!detail::namedInBothLanguages(n)) namedOnce_.push_back(at + " (" + n.en + ")");
    return n;
  }

  // A footprint's figures to the centimetre and hundredth of a degree: what a survey holds,
  // and what a person reads in the park file ("rotation_deg": 0, not -0.00086 of an
  // axis-aligned hall, nor 17 digits of a corner).
  static double hundredths(double v) { return std::round(v * 100) / 100 + 0.0; }  // + 0.0: no "-0"
  static model::Point centimetres(model::Point p) { return {hundredths(p.x_m), hundredths(p.y_m)}; }
  std::vector<model::Point> parkPoints(const std::vector<LonLat>& part) const {
    std::vector<model::Point> out;
    for (const auto& p : projection_.toPark(part)) out.push_back(centimetres(p));
    return out;
  }

  model::Building building(const Feature& f, const std::string& at) {
    std::vector<model::Point> points;
    for (const auto& part : f.parts) {
      for (const auto& p : projection_.toPark(part)) points.push_back(p);
    }
    const OrientedRectangle rect = minimumAreaRectangle(points);
    model::Building b;
    b.id = "building-" + std::to_string(f.index);
    b.name = name(f, at, "Building", "建筑");
    b.kind = detail::buildingKindOf(f.properties);
    b.position = centimetres(rect.centre);
    b.width_m = hundredths(rect.width_m);
    b.depth_m = hundredths(rect.depth_m);
    b.rotation_deg = hundredths(rect.rotation_deg);
    auto height = detail::heightOf(f.properties, options_.storey_height_m);
    if (!height) {
      const std::string given = detail::unusableSize(f.properties, {"height", "height_m", "building:levels"});
      const std::string assumed = quantityText(options_.default_height_m, "m");
      warn(at + "/properties", (given.empty() ? "no height, height_m or building:levels" : given + " is not a positive number") + "; " + assumed + " assumed",
           (given.empty() ? "没有 height、height_m 或 building:levels" : given + " 不是正数") + "；按 " + assumed + " 计");
    }
    b.height_m = height.value_or(options_.default_height_m);
    return b;
  }

  model::Zone zone(const Feature& f, const std::string& at) {
    model::Zone z;
    z.id = "zone-" + std::to_string(f.index);
    z.name = name(f, at, "Zone", "区域");
    auto kind = detail::zoneKindOf(f.properties);
    if (!kind) warn(at + "/properties", "a landuse or zone we do not know; the zone is industrial", "无法识别的 landuse 或 zone；按工业区计");
    z.kind = kind.value_or(model::ZoneKind::industrial);
    if (f.parts.size() > 1) {
      warn(at + "/geometry", "a MultiPolygon zone: only its first polygon is the outline", "MultiPolygon 区域：只以第一个多边形为轮廓");
    }
    z.outline = parkPoints(f.parts.front());
    return z;
  }

  model::Road road(const Feature& f, const std::string& at) {
    model::Road r;
    r.id = "road-" + std::to_string(f.index);
    const model::LocalizedText n = detail::nameOf(f.properties);
    if (!n.en.empty() || !n.zh.empty()) r.name = {n.zh.empty() ? n.en : n.zh, n.en.empty() ? n.zh : n.en};
    if (!r.name.zh.empty() && !detail::namedInBothLanguages(r.name)) namedOnce_.push_back(at + " (" + r.name.en + ")");
    auto width = detail::numberProperty(f.properties, "width");
    if (!width || *width <= 0) {
      const std::string given = detail::unusableSize(f.properties, {"width"});
      const std::string assumed = quantityText(options_.default_road_width_m, "m");
      warn(at + "/properties", (given.empty() ? "no width" : given + " is not a positive number") + "; " + assumed + " assumed",
           (given.empty() ? "没有 width" : given + " 不是正数") + "；按 " + assumed + " 计");
    }
    r.width_m = width && *width > 0 ? *width : options_.default_road_width_m;
    r.path = parkPoints(f.parts.front());
    return r;
  }

  const LocalProjection& projection_;
  const ImportOptions& options_;
  bool zh_;  // warnings in Chinese
};

// Where a feature lies in the park: its bounding box.
struct FeaturePlace {
  std::size_t index = 0;
  model::Point min, max;
  model::Point middle() const { return {(min.x_m + max.x_m) / 2, (min.y_m + max.y_m) / 2}; }
  // Within the park format's reach of its origin along both axes, as the validator checks
  // every position (validate.cpp, kCoordinateLimit_m).
  bool withinReach() const {
    const auto within = [](double v) { return std::abs(v) <= model::kCoordinateLimit_m; };
    return within(min.x_m) && within(max.x_m) && within(min.y_m) && within(max.y_m);
  }
};

std::vector<FeaturePlace> placesOf(const std::vector<Feature>& features, const LocalProjection& projection) {
  std::vector<FeaturePlace> places;
  for (const Feature& f : features) {
    std::vector<model::Point> points;
    for (const auto& part : f.parts) std::ranges::copy(projection.toPark(part), std::back_inserter(points));
    if (points.empty()) continue;
    auto [west, east] = std::ranges::minmax(points, {}, &model::Point::x_m);
    auto [south, north] = std::ranges::minmax(points, {}, &model::Point::y_m);
    places.push_back({f.index, {west.x_m, south.y_m}, {east.x_m, north.y_m}});
  }
  return places;
}

// The middle of the features, each axis's (lower) median: a stray feature does not move it.
model::Point medianMiddle(const std::vector<FeaturePlace>& places) {
  std::vector<double> xs, ys;
  for (const auto& p : places) xs.push_back(p.middle().x_m), ys.push_back(p.middle().y_m);
  const auto lower = [](std::vector<double>& v) {
    auto at = v.begin() + std::ptrdiff_t((v.size() - 1) / 2);
    std::ranges::nth_element(v, at);
    return *at;
  };
  return {lower(xs), lower(ys)};
}

// Features far from the rest: warnings (imported), or errors when the park could not hold
// them, named by their feature and not by the park path they would have had.
struct StrayFeatures {
  std::vector<std::string> warnings;
  std::string errors;
};

StrayFeatures strayFeatures(const std::vector<FeaturePlace>& places, const std::string& source, bool zh) {
  StrayFeatures out;
  if (places.size() < 2) return out;
  const model::Point middle = medianMiddle(places);
  // The park's origin is the middle of all the features' box: a stray one can put the rest
  // out of a park file's reach too, so the strays are what the error names.
  const bool outOfReach = !std::ranges::all_of(places, &FeaturePlace::withinReach);
  for (const auto& p : places) {
    const double away_m = std::hypot(p.middle().x_m - middle.x_m, p.middle().y_m - middle.y_m);
    if (away_m <= kStrayFeature_m) continue;
    const std::string feature = "/features/" + std::to_string(p.index) + ": ", away = quantityText(std::round(away_m / 1000), "km");
    const std::string what = zh ? feature + "距其他要素 " + away : feature + away + " from the rest of the features";
    const std::string reach = quantityText(model::kCoordinateLimit_m / 1000, "km");
    if (outOfReach) {
      out.errors += (out.errors.empty() ? "" : "\n") + source + ": " + what +
                    (zh ? "；园区文件只能容纳距中心 " + reach + " 以内的位置：它是否放错了地方，或坐标写成了 [纬度, 经度]？"
                        : "; a park file holds positions within " + reach +
                              " of its centre: is it in the wrong place, or are its coordinates [latitude, longitude]?");
    } else {
      out.warnings.push_back(what + (zh ? "；已导入，但它属于这个园区吗？" : "; imported, but is it part of this park?"));
    }
  }
  return out;
}

// "/buildings/1/width_m: ..." of the imported park as the feature it came from: objects are
// named after their feature ("building-5" is /features/5).
std::string problemOfFeature(const model::Park& park, const model::Problem& problem, std::string_view language) {
  const bool zh = language == "zh";
  const auto featureOf = [&](const auto& objects, std::string_view collection) -> std::string {
    const std::string prefix = "/" + std::string(collection) + "/";
    if (!problem.path.starts_with(prefix)) return {};
    const std::size_t k = std::strtoul(problem.path.c_str() + prefix.size(), nullptr, 10);
    if (k >= objects.size()) return {};
    const std::string& id = objects[k].id;
    return "/features/" + id.substr(id.rfind('-') + 1) + (zh ? "：导入后 " : ": imported as ");
  };
  std::string feature = featureOf(park.buildings, "buildings");
  if (feature.empty()) feature = featureOf(park.zones, "zones");
  if (feature.empty()) feature = featureOf(park.roads, "roads");
  return (feature.empty() ? (zh ? "导入的园区：" : "imported park: ") : feature) + problem.path + ": " +
         model::problemText(problem.wording, language);
}

// The box around the ground the park covers, as the scene and the flows place it (its
// buildings' turned corners, zones, roads, standalone utilities), in whole mu.
double landAreaMu(const model::Park& park) {
  const model::ParkExtent extent = model::ObjectIndex(park).extent();
  if (extent.empty()) return 1;
  const double area = (extent.max.x_m - extent.min.x_m) * (extent.max.y_m - extent.min.y_m);
  return std::max(1.0, std::round(area / kSquareMetresPerMu));
}

}  // namespace

Result<ImportedPark> importGeoJson(const std::string& text, const std::string& source, const ImportOptions& options) {
  const bool zh = options.language == "zh";
  auto file = detail::readFeatures(text, source, options.language);
  if (!file) return std::unexpected(file.error());
  if (file->all_positions.empty()) {
    return fail(ErrorCode::invalid_input, source + (zh ? ": /features: 没有任何要素带坐标；无可导入" : ": /features: no feature has coordinates; nothing to import"));
  }
  const LonLat centre = centreOf(file->all_positions);
  auto projection = LocalProjection::around(centre);
  if (!projection) return fail(ErrorCode::invalid_input, source + ": " + projection.error().message);

  StrayFeatures strays = strayFeatures(placesOf(file->features, *projection), source, zh);
  if (!strays.errors.empty()) return fail(ErrorCode::invalid_input, strays.errors);

  ImportedPark out;
  model::Park& park = out.park;
  park.id = options.park_id;
  park.name = options.name.en.empty() && options.name.zh.empty() ? model::LocalizedText{options.park_id, options.park_id} : options.name;
  park.latitude_deg = centre.lat_deg;
  park.longitude_deg = centre.lon_deg;
  park.grid_emission_t_per_mwh = options.grid_emission_t_per_mwh;
  Importer importer(*projection, options);
  for (const Feature& f : file->features) importer.add(f, park);
  importer.warnOfNamesInOneLanguage();
  park.land_area_mu = landAreaMu(park);
  out.warnings = std::move(importer.warnings);
  std::ranges::move(strays.warnings, std::back_inserter(out.warnings));

  std::string problems;
  for (const auto& p : model::validatePark(park)) {
    problems += (problems.empty() ? "" : "\n") + source + ": " + problemOfFeature(park, p, options.language);
  }
  if (!problems.empty()) return fail(ErrorCode::invalid_input, problems);
  return out;
}

}  // namespace parktwin::geo
