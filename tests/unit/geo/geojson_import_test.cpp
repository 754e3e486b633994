// GeoJSON → park: the turned rectangle, a file of mixed features against expectations written
// by hand, and malformed files refused with the JSON path of each problem.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <numbers>

#include "parktwin/geo/geojson_import.hpp"
#include "parktwin/model/validate.hpp"
#include "wgs84_by_hand.hpp"

namespace parktwin::geo {
namespace {

using nlohmann::json;
constexpr double kLon0 = 106.65, kLat0 = 28.97;

// [lon, lat] of a point `east_m`, `north_m` from the centre, by hand (wgs84_by_hand.hpp).
json at(double east_m, double north_m) {
  return json::array({by_hand::longitudeAt(kLon0, kLat0, east_m), by_hand::latitudeAt(kLat0, north_m)});
}

json feature(json geometry, json properties = json::object()) {
  return {{"type", "Feature"}, {"properties", properties}, {"geometry", geometry}};
}

json polygon(std::vector<std::pair<double, double>> corners) {
  json ring = json::array();
  for (auto [x, y] : corners) ring.push_back(at(x, y));
  ring.push_back(ring[0]);
  return {{"type", "Polygon"}, {"coordinates", json::array({ring})}};
}

json line(std::vector<std::pair<double, double>> points) {
  json path = json::array();
  for (auto [x, y] : points) path.push_back(at(x, y));
  return {{"type", "LineString"}, {"coordinates", path}};
}

// A diagonal road from (-500, -500) to (500, 500): the features' centre is then the centre.
json anchorRoad() { return feature(line({{-500, -500}, {500, 500}}), {{"width", 8}}); }

json collection(json features) { return {{"type", "FeatureCollection"}, {"features", features}}; }

Result<ImportedPark> import(const json& file) { return importGeoJson(file.dump(), "site.geojson", ImportOptions{"site", {}}); }

TEST(GeoJsonImport, AFortyByTwentyRectangleTurnedThirtyDegreesComesBackAsDrawn) {
  std::vector<std::pair<double, double>> corners;
  const double a = 30 * std::numbers::pi / 180;
  for (auto [u, v] : {std::pair{-20.0, -10.0}, {20.0, -10.0}, {20.0, 10.0}, {-20.0, 10.0}}) {
    corners.emplace_back(120 + u * std::cos(a) - v * std::sin(a), -80 + u * std::sin(a) + v * std::cos(a));
  }
  auto park = import(collection({anchorRoad(), feature(polygon(corners), {{"height", 12}, {"name", "Hall"}})}));
  ASSERT_TRUE(park) << park.error().message;
  ASSERT_EQ(park->park.buildings.size(), 1u);
  const auto& b = park->park.buildings[0];
  EXPECT_NEAR(b.width_m, 40, 0.1);
  EXPECT_NEAR(b.depth_m, 20, 0.1);
  EXPECT_NEAR(b.rotation_deg, 30, 0.5);
  EXPECT_NEAR(b.position.x_m, 120, 0.1);
  EXPECT_NEAR(b.position.y_m, -80, 0.1);
  EXPECT_EQ(b.height_m, 12);
  EXPECT_NEAR(park->park.latitude_deg, kLat0, 1e-9);
  EXPECT_NEAR(park->park.longitude_deg, kLon0, 1e-9);
}

// QA, 6 Dec: an axis-aligned hall came back turned -0.00086 degrees, its corners in 17 digits.
TEST(GeoJsonImport, AnAxisAlignedHallIsWrittenToTheCentimetreAndUnturned) {
  auto park = import(collection({anchorRoad(), feature(polygon({{10.004, 20.0}, {70.004, 20.0}, {70.004, 50.0}, {10.004, 50.0}}))}));
  ASSERT_TRUE(park) << park.error().message;
  const auto& b = park->park.buildings.at(0);
  const auto centimetres = [](double v) { return std::abs(v * 100 - std::round(v * 100)) < 1e-6; };
  EXPECT_TRUE(centimetres(b.position.x_m) && centimetres(b.position.y_m) && centimetres(b.width_m) && centimetres(b.depth_m))
      << b.position.x_m << " " << b.position.y_m << " " << b.width_m << " " << b.depth_m;
  EXPECT_NEAR(b.position.x_m, 40.0, 0.011);
  EXPECT_NEAR(b.position.y_m, 35.0, 0.011);
  EXPECT_EQ(std::abs(b.rotation_deg), 0.0) << b.rotation_deg;  // or a quarter turn with width and depth swapped
  EXPECT_FALSE(std::signbit(b.rotation_deg));
  for (const auto& p : park->park.roads.at(0).path) EXPECT_TRUE(centimetres(p.x_m) && centimetres(p.y_m)) << p.x_m << " " << p.y_m;
}

// A size that is given but unusable is not "no height" (a user looked for a typo that was not
// there): the warning quotes it as written, and the default is still taken.
TEST(GeoJsonImport, AnUnusableSizeIsQuotedInItsWarning) {
  auto park = import(collection({
      anchorRoad(),                                                                           // 0
      feature(polygon({{0, 0}, {60, 0}, {60, 30}, {0, 30}}), {{"name", "Flat"}, {"height", 0}}),   // 1
      feature(polygon({{100, 0}, {160, 0}, {160, 30}, {100, 30}}), {{"name", "Sunk"}, {"height", "-4 m"}}),  // 2
      feature(line({{0, -50}, {100, -50}}), {{"name", "Lane"}, {"width", -3}}),               // 3
  }));
  ASSERT_TRUE(park) << park.error().message;
  EXPECT_EQ(park->park.buildings.at(0).height_m, 10);
  EXPECT_EQ(park->park.buildings.at(1).height_m, 10);
  EXPECT_EQ(park->park.roads.at(1).width_m, 6);
  std::vector<std::string> sizes;
  for (const auto& w : park->warnings) {
    if (w.find("assumed") != std::string::npos) sizes.push_back(w);
  }
  EXPECT_EQ(sizes, (std::vector<std::string>{"/features/1/properties: height 0 is not a positive number; 10 m assumed",
                                             "/features/2/properties: height \"-4 m\" is not a positive number; 10 m assumed",
                                             "/features/3/properties: width -3 is not a positive number; 6 m assumed"}));
}

TEST(GeoJsonImport, MixedFeaturesBecomeWhatTheirPropertiesSay) {
  json multi = {{"type", "MultiPolygon"},
                {"coordinates", json::array({polygon({{300, 0}, {310, 0}, {310, 10}, {300, 10}})["coordinates"],
                                             polygon({{330, 0}, {340, 0}, {340, 10}, {330, 10}})["coordinates"]})}};
  auto park = import(collection({
      anchorRoad(),                                                                                          // 0
      feature(polygon({{0, 0}, {60, 0}, {60, 30}, {0, 30}}),
              {{"name:zh", "仓库"}, {"name:en", "Store"}, {"building", "warehouse"}, {"building:levels", "4"}}),  // 1
      feature(polygon({{-400, -400}, {400, -400}, {400, 400}, {-400, 400}}), {{"landuse", "industrial"}, {"name", "Works"}}),  // 2
      feature(line({{0, -50}, {100, -50}, {100, -150}})),                                                   // 3
      feature({{"type", "Point"}, {"coordinates", at(5, 5)}}),                                              // 4
      feature(polygon({{-100, 0}, {-80, 0}, {-80, 20}, {-100, 20}})),                                       // 5
      feature(nullptr),                                                                                      // 6
      feature(multi, {{"height_m", 7.5}, {"name", "Twins"}}),                                               // 7
  }));
  ASSERT_TRUE(park) << park.error().message;
  const model::Park& p = park->park;
  ASSERT_EQ(p.buildings.size(), 3u);
  EXPECT_EQ(p.buildings[0].id, "building-1");
  EXPECT_EQ(p.buildings[0].name.zh, "仓库");
  EXPECT_EQ(p.buildings[0].name.en, "Store");
  EXPECT_EQ(p.buildings[0].kind, model::BuildingKind::warehouse);
  EXPECT_EQ(p.buildings[0].height_m, 14);  // 4 levels x 3.5 m
  EXPECT_NEAR(p.buildings[0].width_m, 60, 0.1);
  EXPECT_NEAR(p.buildings[0].depth_m, 30, 0.1);
  EXPECT_NEAR(p.buildings[0].position.x_m, 30, 0.1);
  EXPECT_NEAR(p.buildings[0].position.y_m, 15, 0.1);
  EXPECT_EQ(p.buildings[1].height_m, 10);  // the default, reported below
  EXPECT_EQ(p.buildings[1].name.en, "Building 5");
  EXPECT_EQ(p.buildings[1].kind, model::BuildingKind::workshop);
  EXPECT_NEAR(p.buildings[2].width_m, 40, 0.1);  // both parts of the MultiPolygon: 300..340 by 0..10
  EXPECT_NEAR(p.buildings[2].depth_m, 10, 0.1);
  EXPECT_NEAR(p.buildings[2].position.x_m, 320, 0.1);
  EXPECT_EQ(p.buildings[2].height_m, 7.5);
  ASSERT_EQ(p.zones.size(), 1u);
  EXPECT_EQ(p.zones[0].kind, model::ZoneKind::industrial);
  EXPECT_EQ(p.zones[0].name.en, "Works");
  EXPECT_EQ(p.zones[0].outline.size(), 4u);
  ASSERT_EQ(p.roads.size(), 2u);
  EXPECT_EQ(p.roads[0].width_m, 8);
  EXPECT_EQ(p.roads[1].width_m, 6);
  EXPECT_EQ(p.roads[1].path.size(), 3u);
  EXPECT_NEAR(p.roads[1].path[2].y_m, -150, 0.1);
  EXPECT_EQ(park->warnings, (std::vector<std::string>{
                                "/features/3/properties: no width; 6 m assumed",
                                "/features/4/geometry: Point is not imported (only Polygon, MultiPolygon and LineString)",
                                "/features/5/properties: no name, name:zh or name:en; \"Building 5\" used",
                                "/features/5/properties: no height, height_m or building:levels; 10 m assumed",
                                "/features/6/geometry: no geometry; nothing imported",
                                "/features: 2 buildings, zones or roads named in one language only, shown alike in Chinese "
                                "and English: /features/2 (Works), /features/7 (Twins); give \"name:zh\" and \"name:en\", or "
                                "edit name.zh and name.en in the park file",
                            }));
  EXPECT_TRUE(model::validatePark(p).empty());
}

struct Malformed {
  const char* name;
  const char* pointer;  // changed in a good one-building file
  json value;
  const char* expected;
};
void PrintTo(const Malformed& m, std::ostream* os) { *os << m.name; }
class GeoJsonMalformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(GeoJsonMalformed, IsAnErrorWithTheJsonPath) {
  json file = collection({feature(polygon({{0, 0}, {60, 0}, {60, 30}, {0, 30}}), {{"height", 9}, {"name", "Hall"}})});
  ASSERT_TRUE(import(file)) << "the unbroken file must import";
  file[json::json_pointer(GetParam().pointer)] = GetParam().value;
  auto park = import(file);
  ASSERT_FALSE(park) << "a malformed file gave a park";
  EXPECT_NE(park.error().message.find(std::string("site.geojson: ") + GetParam().expected), std::string::npos)
      << park.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Files, GeoJsonMalformed,
    ::testing::Values(
        Malformed{"OpenRing", "/features/0/geometry/coordinates/0/4", json::array({106.7, 28.9}),
                  "/features/0/geometry/coordinates/0: expected a closed ring (the last position equal to the first)"},
        Malformed{"LongitudeOutOfRange", "/features/0/geometry/coordinates/0/1", json::array({200, 28.9}),
                  "/features/0/geometry/coordinates/0/1: expected [longitude, latitude] in degrees (-180..180, -90..90), got [200, 28.9]"},
        Malformed{"LatitudeFirst", "/features/0/geometry/coordinates/0/1", json::array({28.9, 106.6}),
                  "/features/0/geometry/coordinates/0/1: expected [longitude, latitude] in degrees (-180..180, -90..90), got [28.9, "
                  "106.6]: latitude first? GeoJSON puts longitude first"},
        Malformed{"PositionAsText", "/features/0/geometry/coordinates/0/2", "106.6,28.9",
                  "/features/0/geometry/coordinates/0/2: expected a position [longitude, latitude]"},
        Malformed{"CoordinatesNotArray", "/features/0/geometry/coordinates", "abc",
                  "/features/0/geometry/coordinates: expected an array of linear rings, got \"abc\""},
        Malformed{"UnknownGeometryType", "/features/0/geometry/type", "Blob",
                  "/features/0/geometry/type: expected a GeoJSON geometry type (Polygon, MultiPolygon, LineString...), got \"Blob\""},
        Malformed{"FeatureTypeWrong", "/features/0/type", "Thing", "/features/0/type: expected \"Feature\", got \"Thing\""},
        Malformed{"PropertiesArray", "/features/0/properties", json::array(), "/features/0/properties: expected an object or null, got an array"},
        Malformed{"NotACollection", "/type", "Topology", "/type: expected a GeoJSON \"FeatureCollection\""},
        Malformed{"FeaturesNotArray", "/features", json::object(), "/features: expected an array of features"},
        Malformed{"RingTooShort", "/features/0/geometry/coordinates/0", json::array({json::array({106.6, 28.9}), json::array({106.6, 28.9})}),
                  "/features/0/geometry/coordinates/0: expected at least 4 positions, got 2"}),
    [](const ::testing::TestParamInfo<Malformed>& p) { return p.param.name; });

// Chinese OpenStreetMap data names a hall in Chinese under `name`: with `name:zh` beside it the
// English view would still show Chinese. Such names, and one name for both, get one warning
// listing them (the first five); a name given in both languages gets none.
TEST(GeoJsonImport, NamesInOneLanguageAreListedInOneWarning) {
  std::vector<json> features{anchorRoad(),
                             feature(polygon({{0, 0}, {40, 0}, {40, 20}, {0, 20}}), {{"name:zh", "仓库"}, {"name:en", "Store"}, {"height", 9}})};
  features.push_back(feature(line({{0, 100}, {400, 100}}), {{"name", "支路"}, {"width", 6}}));  // a road too
  for (int i = 0; i < 6; ++i) {
    const double x = 100 + 60 * i;
    features.push_back(feature(polygon({{x, 0}, {x + 40, 0}, {x + 40, 20}, {x, 20}}),
                               {{"name", "北渡" + std::to_string(i) + "号厂房"}, {"name:zh", "北渡厂房"}, {"height", 9}}));
  }
  auto park = import(collection(features));
  ASSERT_TRUE(park) << park.error().message;
  EXPECT_EQ(park->warnings, (std::vector<std::string>{
                                "/features: 7 buildings, zones or roads named in one language only, shown alike in Chinese "
                                "and English: /features/2 (支路), /features/3 (北渡0号厂房), /features/4 (北渡1号厂房), "
                                "/features/5 (北渡2号厂房), /features/6 (北渡3号厂房) and 2 more; give \"name:zh\" and "
                                "\"name:en\", or edit name.zh and name.en in the park file"}));
}

// A hall 60 km east of the rest (the road and a hall round the centre): imported, and the
// warning names it with its distance from the others' middle, by hand 60 km.
TEST(GeoJsonImport, AFeatureFarFromTheRestIsImportedAndNamed) {
  const json hall = feature(polygon({{0, 0}, {40, 0}, {40, 20}, {0, 20}}), {{"name:zh", "厂房"}, {"name:en", "Hall"}, {"height", 12}});
  const json stray = feature(polygon({{60'000, 0}, {60'040, 0}, {60'040, 20}, {60'000, 20}}),
                             {{"name:zh", "远处厂房"}, {"name:en", "Far hall"}, {"height", 12}});
  auto park = import(collection({anchorRoad(), hall, stray}));
  ASSERT_TRUE(park) << park.error().message;
  EXPECT_EQ(park->park.buildings.size(), 2u);
  ASSERT_EQ(park->warnings.size(), 1u);
  EXPECT_EQ(park->warnings[0], "/features/2: 60 km from the rest of the features; imported, but is it part of this park?");
}

// 250 km away, the park's origin (the middle of every feature's box) would leave the rest out
// of a park file's 100 km too: the import fails naming the stray feature, not the park objects.
TEST(GeoJsonImport, AFeatureBeyondAParksReachIsAnErrorNamingIt) {
  const json hall = feature(polygon({{0, 0}, {40, 0}, {40, 20}, {0, 20}}), {{"name", "Hall"}, {"height", 12}});
  const json stray = feature(polygon({{250'000, 0}, {250'040, 0}, {250'040, 20}, {250'000, 20}}), {{"name", "Far"}, {"height", 12}});
  auto park = import(collection({anchorRoad(), hall, stray}));
  ASSERT_FALSE(park);
  EXPECT_EQ(park.error().message,
            "site.geojson: /features/2: 250 km from the rest of the features; a park file holds positions within 100 km of its "
            "centre: is it in the wrong place, or are its coordinates [latitude, longitude]?");
}

// QA, 6 Dec: one 100 x 97 m hall gave 29 mu, the box around its diagonal on both axes. The
// land is the box of what was imported: by hand 100 x 97 / 666.7 = 14.55 mu -> 15; turned 30
// degrees, a 60 x 20 hall's corners span 61.96 x 47.32 m (60 cos 30 + 20 sin 30 by 60 sin 30 +
// 20 cos 30), 4.40 mu -> 4 (its diagonal's box would give 6).
TEST(GeoJsonImport, LandAreaIsTheBoxOfWhatWasImported) {
  auto square = importGeoJson(collection({feature(polygon({{0, 0}, {100, 0}, {100, 97}, {0, 97}}), {{"height", 10}})}).dump(),
                              "sq.geojson", ImportOptions{"sq", {}});
  ASSERT_TRUE(square) << square.error().message;
  EXPECT_EQ(square->park.land_area_mu, 15);
  std::vector<std::pair<double, double>> corners;
  const double a = 30 * std::numbers::pi / 180;
  for (auto [u, v] : {std::pair{-30.0, -10.0}, {30.0, -10.0}, {30.0, 10.0}, {-30.0, 10.0}}) {
    corners.emplace_back(u * std::cos(a) - v * std::sin(a), u * std::sin(a) + v * std::cos(a));
  }
  auto turned = importGeoJson(collection({feature(polygon(corners), {{"height", 10}})}).dump(), "t.geojson", ImportOptions{"t", {}});
  ASSERT_TRUE(turned) << turned.error().message;
  EXPECT_EQ(turned->park.land_area_mu, 4);
}

// A footprint with no area breaks a park rule: the error names the feature and the park path.
TEST(GeoJsonImport, AParkRuleBrokenNamesTheFeature) {
  const json flat = feature(polygon({{0, 0}, {40, 0}, {80, 0}}), {{"name", "Flat"}, {"height", 12}});
  auto park = import(collection({anchorRoad(), flat}));
  ASSERT_FALSE(park);
  EXPECT_EQ(park.error().message, "site.geojson: /features/1: imported as /buildings/0/depth_m: expected a positive number, got 0");
}

TEST(GeoJsonImport, NotJsonSaysWhere) {
  auto park = importGeoJson("{\"type\": ", "cut.geojson", {});
  ASSERT_FALSE(park);
  EXPECT_EQ(park.error().message, "cut.geojson: not valid JSON at line 1, column 10: the text ends before the JSON does");
}

// QA4: a Chinese park manager's import reads Chinese: warnings and a malformed file's problems.
TEST(GeoJsonImport, WarningsAndProblemsAreInTheChosenLanguage) {
  ImportOptions zh{"site", {}};
  zh.language = "zh";
  const json good = collection({anchorRoad(), feature(polygon({{0, 0}, {40, 0}, {40, 20}, {0, 20}}), {{"name", "仓库"}})});
  auto park = importGeoJson(good.dump(), "site.geojson", zh);
  ASSERT_TRUE(park) << park.error().message;
  // The hall has no height (10 m assumed) and a name in one language only.
  ASSERT_EQ(park->warnings.size(), 2u);
  EXPECT_EQ(park->warnings[0], "/features/1/properties: 没有 height、height_m 或 building:levels；按 10 m 计");
  EXPECT_EQ(park->warnings[1].rfind("/features: 1 个建筑、区域或道路只有一种语言的名称", 0), 0u) << park->warnings[1];
  json open = polygon({{0, 0}, {40, 0}, {40, 20}, {0, 20}});
  open["coordinates"][0].erase(open["coordinates"][0].size() - 1);
  auto bad = importGeoJson(collection({feature(open)}).dump(), "site.geojson", zh);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("/features/0/geometry/coordinates/0: 应为闭合环（最后一个位置与第一个相同）"), std::string::npos)
      << bad.error().message;
}

// QA4: OpenStreetMap's building=substation (and the park format's own kinds) keep their kind.
TEST(GeoJsonImport, ABuildingKindOfTheParkFormatOrAMappedSubstationIsKept) {
  auto park = import(collection({anchorRoad(),
                                 feature(polygon({{0, 0}, {20, 0}, {20, 20}, {0, 20}}), {{"building", "substation"}, {"height", 8}}),
                                 feature(polygon({{50, 0}, {70, 0}, {70, 20}, {50, 20}}), {{"power", "substation"}, {"height", 8}}),
                                 feature(polygon({{100, 0}, {120, 0}, {120, 20}, {100, 20}}), {{"building", "lab"}, {"height", 8}}),
                                 feature(polygon({{150, 0}, {170, 0}, {170, 20}, {150, 20}}), {{"building", "yes"}, {"height", 8}})}));
  ASSERT_TRUE(park) << park.error().message;
  ASSERT_EQ(park->park.buildings.size(), 4u);
  EXPECT_EQ(park->park.buildings[0].kind, model::BuildingKind::substation);
  EXPECT_EQ(park->park.buildings[1].kind, model::BuildingKind::substation);
  EXPECT_EQ(park->park.buildings[2].kind, model::BuildingKind::lab);
  EXPECT_EQ(park->park.buildings[3].kind, model::BuildingKind::workshop);
}

// QA4: the park's origin is written as a person reads it (106.651, not 106.65100000000001).
TEST(GeoJsonImport, TheOriginIsRoundedToATenMillionthOfADegree) {
  const json square = {{"type", "Polygon"},
                       {"coordinates", json::array({json::array({json::array({106.650, 28.980}), json::array({106.652, 28.980}),
                                                                 json::array({106.652, 28.981}), json::array({106.650, 28.981}),
                                                                 json::array({106.650, 28.980})})})}};
  auto park = import(collection({feature(square, {{"height", 8}})}));
  ASSERT_TRUE(park) << park.error().message;
  // (106.650 + 106.652) / 2 in doubles is 106.65100000000001; 1e-7 degrees is ~1 cm.
  EXPECT_EQ(park->park.longitude_deg, 106.651);
  EXPECT_EQ(park->park.latitude_deg, 28.9805);
}

}  // namespace
}  // namespace parktwin::geo
