#pragma once
// Camera tours for presentations (assets/tours/*.json, docs/tour-format.md): stops that the
// camera flies to and holds, each with a caption and KPI call-outs in both languages.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::model {

struct KpiCallout {
  LocalizedText label;
  LocalizedText value;
  bool operator==(const KpiCallout&) const = default;
};

struct TourStop {
  std::string focus;   // object id to look at; empty: `position`
  Point position;      // used when focus is empty (park frame)
  double distance_m = 0;
  double yaw_deg = 0;    // camera heading around the target, 0 = looking north
  double pitch_deg = 45; // camera elevation above the horizon
  double fly_s = 0;      // flight from the previous stop
  double hold_s = 0;     // time spent at this stop
  LocalizedText caption;
  std::vector<KpiCallout> kpis;
  bool operator==(const TourStop&) const = default;
};

struct Tour {
  std::string park;  // park id the tour is written for
  LocalizedText name;
  std::vector<TourStop> stops;
  double duration_s() const;
  bool operator==(const Tour&) const = default;
};

// Where the camera is at a moment of the tour.
struct CameraPose {
  Point target;  // park frame
  double distance_m = 0;
  double yaw_deg = 0;
  double pitch_deg = 0;
  int stop = 0;  // the stop being flown to or held
};

// Parses a tour; focus ids must exist in `park`. Errors as for park files: "<source>: <json
// pointer>: <what was expected>", one per line, in `language` ("zh" or "en": problemText), as is
// a file that cannot be read or is no JSON.
Result<Tour> parseTour(const std::string& jsonText, const std::string& source, const Park& park,
                       std::string_view language = "en");
Result<Tour> loadTour(const std::filesystem::path& file, const Park& park, std::string_view language = "en");

// The camera at `t_s` seconds into the tour (clamped to [0, duration]); flights ease in and
// out, and turn the short way round. A stop's focus is where the object index puts it; a
// player keeps one index for the park instead of building one per frame.
CameraPose poseAt(const Tour& tour, const ObjectIndex& objects, double t_s);
CameraPose poseAt(const Tour& tour, const Park& park, double t_s);

}  // namespace parktwin::model
