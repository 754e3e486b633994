#pragma once
// The park definition: what a park file describes. Plain data, no behaviour; units are in
// the member names. Coordinates: metres in the park's local frame, x east, y north,
// origin at the park's reference point; rotations in degrees counter-clockwise from east.
#include <optional>
#include <string>
#include <vector>

#include "parktwin/common/time_zone.hpp"
#include "parktwin/model/kinds.hpp"

namespace parktwin::model {

// How far from its origin a park file's positions may lie: a park fits in 100 km.
inline constexpr double kCoordinateLimit_m = 100'000;

// A name shown to people, in both languages the product ships.
struct LocalizedText {
  std::string zh;
  std::string en;
  const std::string& in(const std::string& language) const { return language == "zh" ? zh : en; }
  bool operator==(const LocalizedText&) const = default;
};

struct Point {
  double x_m = 0;
  double y_m = 0;
  bool operator==(const Point&) const = default;
};

// A 3D model drawn in place of an object's box (docs/park-format.md, "model"). The file is
// glTF 2.0; `uri` is relative to the park file. The model is scaled, turned about the vertical
// by `rotation_deg` (on top of the object's own rotation), moved by `offset` in the object's
// axes and, for files exported z-up (CAD), turned so that its z points up.
struct ModelRef {
  std::string uri;
  double scale = 1;
  double rotation_deg = 0;
  Point offset;
  ModelUp up = ModelUp::y;
  bool operator==(const ModelRef&) const = default;
};

struct Zone {
  std::string id;
  LocalizedText name;
  ZoneKind kind{};
  std::vector<Point> outline;
  bool operator==(const Zone&) const = default;
};

struct Road {
  std::string id;
  LocalizedText name;
  double width_m = 0;
  std::vector<Point> path;
  bool operator==(const Road&) const = default;
};

struct Building {
  std::string id;
  LocalizedText name;
  BuildingKind kind{};
  std::string enterprise;  // owning enterprise id, may be empty (utility-owned)
  std::string zone;        // zone id, may be empty
  Point position;          // footprint centre
  double width_m = 0;      // footprint along the building's local x axis
  double depth_m = 0;      // footprint along the building's local y axis
  double rotation_deg = 0;
  double height_m = 0;
  double roof_pv_kwp = 0;  // rooftop photovoltaics, peak kW
  bool planned = false;    // signed or planned, not yet built
  std::optional<ModelRef> model;
  bool operator==(const Building&) const = default;
};

struct Enterprise {
  std::string id;
  LocalizedText name;
  double land_area_mu = 0;  // 1 mu = 666.7 m2; the per-mu ranking divides by this
  double output_yuan_per_year = 0;
  double tax_yuan_per_year = 0;
  bool above_designated_size = false;  // 规上: annual revenue over 20 M yuan
  bool operator==(const Enterprise&) const = default;
};

// Machines that repeat in a grid inside their line's building (pots, die bonders, presses).
struct MachineGroup {
  std::string id;
  LocalizedText name;
  MachineKind kind{};
  int count = 0;
  int rows = 1;       // layout: count machines in rows x columns (the last row may be short)
  double pitch_x_m = 0;
  double pitch_y_m = 0;
  Point offset;       // centre of the grid relative to the building centre, building axes
  double width_m = 0;  // size of one machine
  double depth_m = 0;
  double height_m = 0;
  double power_kw = 0;  // rated electrical power of one machine
  std::optional<ModelRef> model;  // one mesh drawn for every machine of the group
  bool operator==(const MachineGroup&) const = default;
};

struct ProductionLine {
  std::string id;
  LocalizedText name;
  LineKind kind{};
  std::string building;
  std::string enterprise;  // operating firm when it differs from the building's (multi-tenant halls)
  std::optional<Product> product;  // what the line makes, when the file says
  double capacity_t_per_year = 0;     // mass lines
  double capacity_units_per_hour = 0; // discrete lines (die bonders, cylinder heads)
  double cycle_time_s = 0;
  double energy_kwh_per_t = 0;        // specific energy use (kWh per tonne of output)
  double power_kw = 0;                // rated electrical power of the whole line
  std::vector<MachineGroup> machines;
  bool operator==(const ProductionLine&) const = default;
};

struct Utility {
  std::string id;
  LocalizedText name;
  UtilityKind kind{};
  std::string building;  // optional: the building it sits on or in
  Point position;
  double power_kw = 0;      // rated power (generation, charge/discharge or import limit)
  double energy_kwh = 0;    // storage capacity (battery, pumped storage)
  double annual_energy_kwh = 0;  // expected yearly generation (hydro, PV)
  // PV only: yearly yield per kWp (kWh/kWp/yr) when annual_energy_kwh is not given; 0: the
  // default for the park's latitude (sim::defaultPvYieldKwhPerKwp, docs/park-format.md).
  double annual_yield_kwh_per_kwp = 0;
  int count = 1;            // chargers: number of charge points
  bool planned = false;
  std::optional<ModelRef> model;
  bool operator==(const Utility&) const = default;
};

struct Tag {
  std::string id;    // unique, also the MQTT topic suffix: parktwin/<park>/<tag id>
  LocalizedText name;
  std::string unit;  // SI or trade unit: kA, V, degC, t, kW, kWh, %, state, units/h
  TagKind kind{};
  std::string object;  // id of the building, line, machine group or utility it measures
  // Digits after the decimal point the instrument reports (a meter's resolution); -1: the
  // default for the unit (defaultDecimals). The simulator publishes values rounded to it.
  int decimals = -1;
  bool operator==(const Tag&) const = default;
};

// Material moves between nodes (buildings, lines, utilities, external nodes).
struct MaterialLink {
  std::string id;
  std::string from;
  std::string to;
  Product product{};
  double capacity_t_per_hour = 0;
  double cost_yuan_per_t = 0;
  double loss_pct = 0;
  double distance_m = 0;
  bool operator==(const MaterialLink&) const = default;
};

struct EnergyLink {
  std::string id;
  std::string from;
  std::string to;
  Carrier carrier{};
  double capacity_kw = 0;
  double cost_yuan_per_kwh = 0;
  double emission_t_per_mwh = 0;
  double loss_pct = 0;  // power lost in the line or transformer, % of what it carries (0..50)
  bool operator==(const EnergyLink&) const = default;
};

// A node outside the park that flows start or end at (the market, the port's ships).
struct ExternalNode {
  std::string id;
  LocalizedText name;
  ExternalKind kind{};
  Point position;
  std::optional<ModelRef> model;
  bool operator==(const ExternalNode&) const = default;
};

struct AlarmRule {
  std::string id;
  std::string tag;
  std::optional<double> above;  // fires while value > above
  std::optional<double> below;  // fires while value < below
  Severity severity{};
  LocalizedText message;
  bool operator==(const AlarmRule&) const = default;
};

struct Park {
  std::string id;
  LocalizedText name;
  LocalizedText description;
  double latitude_deg = 0;
  double longitude_deg = 0;
  std::string time_zone = kDefaultParkTimeZone;  // IANA name: the park's civil time (shifts, tariffs, reports)
  double land_area_mu = 0;
  double grid_emission_t_per_mwh = 0;  // grid CO2 factor for the carbon KPI
  std::vector<Zone> zones;
  std::vector<Road> roads;
  std::vector<Building> buildings;
  std::vector<Enterprise> enterprises;
  std::vector<ProductionLine> lines;
  std::vector<Utility> utilities;
  std::vector<ExternalNode> externals;
  std::vector<Tag> tags;
  std::vector<MaterialLink> material_links;
  std::vector<EnergyLink> energy_links;
  std::vector<AlarmRule> alarm_rules;
  bool operator==(const Park&) const = default;

  const Building* findBuilding(const std::string& objectId) const;
  const Enterprise* findEnterprise(const std::string& objectId) const;
  const ProductionLine* findLine(const std::string& objectId) const;
  const Utility* findUtility(const std::string& objectId) const;
  const Tag* findTag(const std::string& objectId) const;
  // Any object a link, tag or rule may name: building, line, machine group, utility, external.
  bool hasObject(const std::string& objectId) const;
  // The firm operating a line: its own enterprise, else its building's; empty if neither.
  std::string operatorOf(const ProductionLine& line) const;
};

// The park's civil time zone (checked when the file was read; should tzdata vanish since, UTC).
TimeZone parkTimeZone(const Park& park);

// The park as built, for the simulator and a baseline: without the lines (and machines) in
// planned buildings, nor the tags, links and alarm rules of those lines and of planned
// utilities. The planned buildings and utilities themselves stay (drawn as planned; the
// simulator skips planned utilities). A scenario's commission clears `planned` first.
Park withoutPlanned(const Park& park);

// Counts for summaries (`parktwin-cli check`).
struct ParkSummary {
  int buildings = 0, enterprises = 0, lines = 0, machine_groups = 0, machines = 0,
      utilities = 0, tags = 0, material_links = 0, energy_links = 0;
};
ParkSummary summarize(const Park& park);

// The tag's decimals, or the usual resolution of a meter in its unit: 0.1 kW, 1 kW for MW
// (3 decimals), 10 A for kA, 1 mV, 0.1 degC, 1 kg for t, 0.01 % and rates to 0.01; states 0.
int reportedDecimals(const Tag& tag);
// How many decimals people read a value of the tag with: the tag's own `decimals` when the park
// file gives them (a meter's resolution the user chose to show), none for states and flags, else
// one below 100 and none from 100 (a reading at a glance, not the meter's full resolution).
int displayDecimals(const Tag& tag, double value);

// The name of any object of the park (building, line, machine group, utility, external,
// enterprise, zone) in `language` ("zh" or "en"); empty when the park has no such object.
std::string objectName(const Park& park, const std::string& objectId, const std::string& language);

// A unit as people read it: "degC" -> "°C", "m3" -> "m³", "m3/h" -> "m³/h"; others unchanged.
// Park files keep ASCII units (they are typed by hand and used in MQTT payload checks).
std::string displayUnit(const std::string& unit);

}  // namespace parktwin::model
