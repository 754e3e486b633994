#include "parktwin/model/tour.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include "parktwin/model/json_reader.hpp"
#include "parktwin/model/object_index.hpp"

namespace parktwin::model {
namespace {

using detail::json;
using detail::ObjectReader;
using detail::Problems;

LocalizedText readText(ObjectReader& parent, const std::string& key, Problems& problems) {
  const json* value = parent.object(key, true);
  if (!value) return {};
  ObjectReader r(*value, parent.pathOf(key), problems);
  LocalizedText text{r.string("zh"), r.string("en")};
  if (r.valid() && (text.zh.empty() || text.en.empty())) {
    problems.add(r.path(), "expected non-empty zh and en texts", "应有非空的 zh 与 en 文字");
  }
  return text;
}

TourStop readStop(const json& v, const std::string& path, const Park& park, Problems& p) {
  ObjectReader r(v, path, p);
  TourStop s;
  s.focus = r.string("focus", false);
  if (const json* pos = r.object("position")) {
    ObjectReader pr(*pos, r.pathOf("position"), p);
    s.position = {pr.number("x_m", -1e5, 1e5, true), pr.number("y_m", -1e5, 1e5, true)};
  }
  if (r.valid() && s.focus.empty() && !v.contains("position")) p.add(path, "expected \"focus\" or \"position\"", "应有“focus”或“position”");
  if (!s.focus.empty() && !park.hasObject(s.focus)) {
    p.add(r.pathOf("focus"), "refers to object \"" + s.focus + "\", which does not exist in park \"" + park.id + "\"",
          "引用的对象“" + s.focus + "”在园区“" + park.id + "”中不存在");
  }
  s.distance_m = r.number("distance_m", 10, 50'000, true);
  s.yaw_deg = r.number("yaw_deg", -720, 720);
  s.pitch_deg = r.number("pitch_deg", 5, 89, false, 45);
  s.fly_s = r.number("fly_s", 0, 600);
  s.hold_s = r.number("hold_s", 0, 600, true);
  s.caption = readText(r, "caption", p);
  if (const json* kpis = r.array("kpis")) {
    for (std::size_t i = 0; i < kpis->size(); ++i) {
      ObjectReader kr((*kpis)[i], r.pathOf("kpis") + "/" + std::to_string(i), p);
      KpiCallout k;
      k.label = readText(kr, "label", p);
      k.value = readText(kr, "value", p);
      s.kpis.push_back(std::move(k));
    }
  }
  return s;
}

double smoothstep(double x) { return x * x * (3 - 2 * x); }

}  // namespace

double Tour::duration_s() const {
  double total = 0;
  for (const auto& s : stops) total += s.fly_s + s.hold_s;
  return total;
}

Result<Tour> parseTour(const std::string& jsonText, const std::string& source, const Park& park, std::string_view language) {
  auto parsed = detail::parseJson(jsonText, source, language);
  if (!parsed) return std::unexpected(parsed.error());
  const json& root = *parsed;
  Problems p;
  Tour tour;
  {
    ObjectReader r(root, "", p);
    const std::string format = r.string("format");
    if (r.valid() && !format.empty() && format != "parktwin-tour/1") {
      p.add("/format", "expected \"parktwin-tour/1\", got \"" + format + "\"", "应为“parktwin-tour/1”，实际为“" + format + "”");
    }
    tour.park = r.string("park");
    if (r.valid() && !tour.park.empty() && tour.park != park.id) {
      p.add("/park", "this tour is written for the park \"" + tour.park + "\", not the open park \"" + park.id + "\"",
            "此导览是为园区“" + tour.park + "”编写的，不是打开的园区“" + park.id + "”");
    }
    tour.name = readText(r, "name", p);
    if (const json* stops = r.array("stops", true)) {
      for (std::size_t i = 0; i < stops->size(); ++i) {
        tour.stops.push_back(readStop((*stops)[i], "/stops/" + std::to_string(i), park, p));
      }
      if (stops->empty()) p.add("/stops", "expected at least one stop", "应至少有一站");
    }
  }
  if (!p.empty()) return p.failure(source, language);
  return tour;
}

Result<Tour> loadTour(const std::filesystem::path& file, const Park& park, std::string_view language) {
  auto text = detail::readTextFile(file, "tour file", "导览文件", language);
  if (!text) return std::unexpected(text.error());
  return parseTour(*text, file.string(), park, language);
}

CameraPose poseAt(const Tour& tour, const Park& park, double t_s) { return poseAt(tour, ObjectIndex(park), t_s); }

CameraPose poseAt(const Tour& tour, const ObjectIndex& objects, double t_s) {
  const auto poseOf = [&](const TourStop& s, int index) {
    Point target = s.position;
    if (!s.focus.empty()) target = objects.position(s.focus).value_or(target);
    return CameraPose{target, s.distance_m, s.yaw_deg, s.pitch_deg, index};
  };
  if (tour.stops.empty()) return {};
  t_s = std::clamp(t_s, 0.0, tour.duration_s());
  CameraPose previous = poseOf(tour.stops.front(), 0);
  double start = 0;
  for (std::size_t i = 0; i < tour.stops.size(); ++i) {
    const TourStop& s = tour.stops[i];
    const CameraPose here = poseOf(s, int(i));
    if (t_s <= start + s.fly_s && s.fly_s > 0) {
      const double f = smoothstep((t_s - start) / s.fly_s);
      double dyaw = std::fmod(here.yaw_deg - previous.yaw_deg, 360.0);
      if (dyaw > 180) dyaw -= 360;
      if (dyaw < -180) dyaw += 360;
      return {{previous.target.x_m + f * (here.target.x_m - previous.target.x_m),
               previous.target.y_m + f * (here.target.y_m - previous.target.y_m)},
              previous.distance_m * std::pow(here.distance_m / previous.distance_m, f),  // zoom evenly
              previous.yaw_deg + f * dyaw,
              previous.pitch_deg + f * (here.pitch_deg - previous.pitch_deg),
              int(i)};
    }
    start += s.fly_s;
    if (t_s <= start + s.hold_s || i + 1 == tour.stops.size()) return here;
    start += s.hold_s;
    previous = here;
  }
  return previous;
}

}  // namespace parktwin::model
