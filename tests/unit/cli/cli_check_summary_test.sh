#!/bin/sh
# parktwin-cli check: the summary counts the park's zones and roads beside its buildings, lines
# and the rest (QA: zones and roads went uncounted), in English and under --lang zh. Oracle: a
# park written here by hand, 2 zones, 3 roads (one without a name) and 1 building.
# Usage: cli_check_summary_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
. "$(dirname "$0")/../../cli_test_lib.sh"
cd "$dir" || exit 1

cat >counted.park.json <<'JSON'
{"format": "parktwin-park/1", "id": "counted", "name": {"zh": "计数园区", "en": "Counted park"},
 "latitude_deg": 28.97, "longitude_deg": 106.65, "land_area_mu": 100, "grid_emission_t_per_mwh": 0.57,
 "zones": [
  {"id": "works", "name": {"zh": "厂区", "en": "Works"}, "kind": "industrial",
   "outline": [{"x_m": -200, "y_m": -200}, {"x_m": 200, "y_m": -200}, {"x_m": 200, "y_m": 200}, {"x_m": -200, "y_m": 200}]},
  {"id": "lake", "name": {"zh": "湖", "en": "Lake"}, "kind": "water",
   "outline": [{"x_m": 300, "y_m": 0}, {"x_m": 400, "y_m": 0}, {"x_m": 350, "y_m": 80}]}],
 "roads": [
  {"id": "main", "name": {"zh": "主路", "en": "Main Road"}, "width_m": 16, "path": [{"x_m": -200, "y_m": 0}, {"x_m": 200, "y_m": 0}]},
  {"id": "side", "name": {"zh": "支路", "en": "Side Road"}, "width_m": 10, "path": [{"x_m": 0, "y_m": -200}, {"x_m": 0, "y_m": 200}]},
  {"id": "track", "width_m": 6, "path": [{"x_m": 100, "y_m": -200}, {"x_m": 100, "y_m": -50}, {"x_m": 150, "y_m": -20}]}],
 "buildings": [{"id": "hall", "name": {"zh": "车间", "en": "Hall"}, "kind": "workshop", "position": {"x_m": -100, "y_m": 100},
                "width_m": 60, "depth_m": 40, "height_m": 12}]}
JSON

"$cli" check counted.park.json >en.out 2>en.err
expect "check exit code" 0 $?
expect "no problems" "" "$(cat en.err)"
expect "English summary" "Counted park / 计数园区 (counted): ok
  zones 2, roads 3, buildings 1, enterprises 0, lines 0, machine groups 0, machines 0
  utilities 0, tags 0, material links 0, energy links 0, 3D models 0" "$(cat en.out)"

"$cli" check counted.park.json --lang zh >zh.out 2>zh.err
expect "check --lang zh exit code" 0 $?
expect "Chinese summary" "计数园区 / Counted park (counted)：检查通过
  区域 2，道路 3，建筑 1，企业 0，产线 0，设备组 0，设备 0
  公用设施 0，测点 0，物料连接 0，能源连接 0，三维模型 0" "$(cat zh.out)"

finish cli_check_summary
