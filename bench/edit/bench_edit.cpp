// parktwin-bench-edit: the editor's time budgets on the Beidu park, each printed with the
// ratio to a baseline measured in the same run. Medians of repeated runs (the machine is shared).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "parktwin/geo/geojson_import.hpp"
#include "parktwin/model/edit_history.hpp"
#include "parktwin/model/park_file.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace parktwin;

// Median milliseconds of `runs` calls.
double medianMs(int runs, const std::function<void()>& work) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::ranges::nth_element(ms, ms.begin() + static_cast<std::ptrdiff_t>(ms.size() / 2));
  return ms[ms.size() / 2];
}

bool report(const char* what, double ms, const char* baselineName, double baselineMs, double budgetMs) {
  const bool ok = ms < budgetMs;
  std::printf("%-44s %9.3f ms  (budget %6.0f ms: %s)  %-34s %9.3f ms  ratio %.3f\n", what, ms, budgetMs, ok ? "ok" : "MISSED",
              baselineName, baselineMs, ms / baselineMs);
  return ok;
}

// 5,000 footprints, 20 to 80 m, turned at random, on a 71 x 71 grid 100 m apart around Beidu.
std::string footprints(int count) {
  std::mt19937 random(17);
  std::uniform_real_distribution<double> size(20, 80), turn(0, std::numbers::pi);
  const double lon0 = 106.65, lat0 = 28.97, mPerDegLat = 110'800, mPerDegLon = 97'500;
  nlohmann::json features = nlohmann::json::array();
  for (int i = 0; i < count; ++i) {
    const double cx = (i % 71) * 100.0, cy = (i / 71) * 100.0, w = size(random), d = size(random) / 2, a = turn(random);
    nlohmann::json ring = nlohmann::json::array();
    for (auto [u, v] : {std::pair{-w / 2, -d / 2}, {w / 2, -d / 2}, {w / 2, d / 2}, {-w / 2, d / 2}, {-w / 2, -d / 2}}) {
      const double x = cx + u * std::cos(a) - v * std::sin(a), y = cy + u * std::sin(a) + v * std::cos(a);
      ring.push_back({lon0 + x / mPerDegLon, lat0 + y / mPerDegLat});
    }
    features.push_back({{"type", "Feature"},
                        {"properties", {{"name", "B" + std::to_string(i)}, {"building:levels", 1 + i % 6}}},
                        {"geometry", {{"type", "Polygon"}, {"coordinates", {ring}}}}});
  }
  return nlohmann::json{{"type", "FeatureCollection"}, {"features", features}}.dump();
}

// Every kind of edit once on Beidu; each timed for apply and for undo.
std::vector<model::EditCommand> oneOfEach(const model::Park& p) {
  const std::string b = p.buildings[p.buildings.size() / 2].id;
  return {model::MoveBuilding{b, {10, 20}}, model::RotateBuilding{b, 15}, model::ResizeBuilding{b, 50, 40, 20},
          model::DuplicateBuilding{b, {30, 0}}, model::RemoveBuilding{p.buildings.front().id},
          model::SetField{"/lines/3/capacity_t_per_year", 12345}, model::SetField{"/latitude_deg", 29},
          model::MoveZoneVertex{p.zones[0].id, 0, {1, 2}}, model::RemoveZone{p.zones.back().id},
          model::RemoveMaterialLink{p.material_links[0].id}, model::RemoveEnergyLink{p.energy_links[0].id}};
}

}  // namespace

int main() {
  const std::string file = std::string(PARKTWIN_SOURCE_DIR) + "/assets/parks/beidu.json";
  auto loaded = model::loadPark(file);
  if (!loaded) return std::fprintf(stderr, "%s\n", loaded.error().message.c_str()), 1;
  const model::Park beidu = *loaded;
  bool ok = true;

  model::Park moved = beidu;
  moved.buildings[3].position.x_m += 5;
  const double validate = medianMs(200, [&] { (void)model::validatePark(moved); });
  const double check = medianMs(50, [&] { (void)model::loadPark(file); });
  ok &= report("validate Beidu after an edit", validate, "load+check the file (as `check`)", check, 5);

  // Per kind of edit the median of 21 apply/undo pairs; the worst kind counts.
  double worstUndo = 0, worstApply = 0, slowestSingleUndo = 0;
  for (const auto& command : oneOfEach(beidu)) {
    model::EditHistory history(beidu);
    std::vector<double> applyMs, undoMs;
    for (int i = 0; i < 21; ++i) {
      const auto t0 = Clock::now();
      if (!history.apply(command)) return std::fprintf(stderr, "an edit failed\n"), 1;
      const auto t1 = Clock::now();
      if (!history.undo()) return 1;
      const auto t2 = Clock::now();
      applyMs.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      undoMs.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    }
    std::ranges::sort(applyMs), std::ranges::sort(undoMs);
    worstApply = std::max(worstApply, applyMs[10]), worstUndo = std::max(worstUndo, undoMs[10]);
    slowestSingleUndo = std::max(slowestSingleUndo, undoMs.back());
  }
  std::printf("(slowest single undo of all %d: %.3f ms)\n", 11 * 21, slowestSingleUndo);
  ok &= report("undo, slowest kind of 11 (with validation)", worstUndo, "apply, slowest kind (with validation)", worstApply, 16);

  const std::string geojson = footprints(5000);
  std::size_t parsedFeatures = 0;
  const double parse = medianMs(3, [&] { parsedFeatures = nlohmann::json::parse(geojson)["features"].size(); });
  std::size_t buildings = 0;
  const double import = medianMs(3, [&] {
    auto park = geo::importGeoJson(geojson, "bench.geojson", {"bench", {}});
    buildings = park ? park->park.buildings.size() : 0;
  });
  if (buildings != 5000 || parsedFeatures != 5000) return std::fprintf(stderr, "the import gave %zu buildings, not 5000\n", buildings), 1;
  ok &= report("import 5,000 GeoJSON footprints", import, "parse that GeoJSON only", parse, 2000);
  return ok ? 0 : 1;
}
