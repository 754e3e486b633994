#pragma once
// A small park with one of everything (zone, two buildings, enterprise, line with machines,
// utility, tag, links, alarm rule), for loader and editor tests to change one thing at a time.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "parktwin/model/park_file.hpp"

namespace parktwin::model::test_parks {

inline nlohmann::json minimalPark() {
  return nlohmann::json::parse(R"({
    "format": "parktwin-park/1",
    "id": "mini",
    "name": {"zh": "小园区", "en": "Mini park"},
    "latitude_deg": 29.5, "longitude_deg": 106.5, "land_area_mu": 100,
    "grid_emission_t_per_mwh": 0.57,
    "zones": [{"id": "z1", "name": {"zh": "区", "en": "Zone"}, "kind": "industrial",
               "outline": [{"x_m": 0, "y_m": 0}, {"x_m": 100, "y_m": 0}, {"x_m": 100, "y_m": 100}]}],
    "buildings": [
      {"id": "hall", "name": {"zh": "车间", "en": "Hall"}, "kind": "plant", "enterprise": "acme", "zone": "z1",
       "position": {"x_m": 50, "y_m": 50}, "width_m": 60, "depth_m": 30, "height_m": 12, "roof_pv_kwp": 500},
      {"id": "store", "name": {"zh": "仓库", "en": "Store"}, "kind": "warehouse",
       "position": {"x_m": 150, "y_m": 50}, "width_m": 40, "depth_m": 20, "height_m": 10}
    ],
    "enterprises": [{"id": "acme", "name": {"zh": "艾克米", "en": "Acme"}, "land_area_mu": 30,
                     "output_yuan_per_year": 3e8, "tax_yuan_per_year": 1e7}],
    "lines": [{"id": "cast", "name": {"zh": "铸造线", "en": "Casting"}, "kind": "die_casting", "building": "hall",
               "product": "parts", "capacity_t_per_year": 5000,
               "machines": [{"id": "cells", "name": {"zh": "压铸岛", "en": "Cells"}, "kind": "die_casting_cell",
                             "count": 6, "rows": 2, "pitch_x_m": 10, "pitch_y_m": 12,
                             "width_m": 5, "depth_m": 5, "height_m": 4}]}],
    "utilities": [{"id": "grid", "name": {"zh": "电网", "en": "Grid"}, "kind": "grid_tie",
                   "position": {"x_m": -20, "y_m": 0}, "power_kw": 10000}],
    "tags": [{"id": "cast.power", "name": {"zh": "功率", "en": "Power"}, "unit": "kW", "kind": "analog", "object": "cast"}],
    "material_links": [{"id": "m1", "from": "cast", "to": "store", "product": "parts", "capacity_t_per_hour": 2}],
    "energy_links": [{"id": "e1", "from": "grid", "to": "hall", "carrier": "electricity", "capacity_kw": 5000}],
    "alarm_rules": [{"id": "a1", "tag": "cast.power", "above": 900, "severity": "warning",
                     "message": {"zh": "功率高", "en": "Power high"}}]
  })");
}

// The same park read; a test that needs it fails if it does not load.
inline Park minimalParkRead() {
  auto park = parsePark(minimalPark().dump(), "mini.json");
  EXPECT_TRUE(park) << park.error().message;
  return park ? *park : Park{};
}

}  // namespace parktwin::model::test_parks
