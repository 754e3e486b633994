#!/bin/sh
# parktwin-cli flows --db --at on a park wired as the user guide's mini park (an energy link
# from the grid to the HALL, not to its line) with an untagged rooftop PV (QA4 Q2):
# - the line's measured power (its `cast.power` tag) is the hall's demand, not the line's
#   design 400 kW;
# - the PV, which no tag measures, gives what the sun gives at that moment: nothing before
#   dawn, and at noon kWp x 0.80 x Meinel's clear-sky irradiance x 0.51 (the simulator's mean
#   sky clearness), computed below from the formulas docs/flow.md gives, not by our code;
# - the title prints the park's civil time with its offset, and a moment after the recording
#   ends is solved with a warning (en and zh).
# Usage: cli_flows_measured_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
. "$(dirname "$0")/../../cli_test_lib.sh"

cat > "$dir/roof.park.json" <<'JSON'
{
  "format": "parktwin-park/1",
  "id": "roof",
  "name": {"zh": "屋顶园区", "en": "Roof park"},
  "latitude_deg": 29.5, "longitude_deg": 106.5, "land_area_mu": 100, "time_zone": "Asia/Shanghai",
  "grid_emission_t_per_mwh": 0.57,
  "zones": [{"id": "z1", "name": {"zh": "工业区", "en": "Industrial zone"}, "kind": "industrial",
             "outline": [{"x_m": 0, "y_m": 0}, {"x_m": 200, "y_m": 0}, {"x_m": 200, "y_m": 100}, {"x_m": 0, "y_m": 100}]}],
  "buildings": [
    {"id": "hall", "name": {"zh": "压铸车间", "en": "Die-casting hall"}, "kind": "plant",
     "enterprise": "acme", "position": {"x_m": 50, "y_m": 50},
     "width_m": 60, "depth_m": 30, "height_m": 12}
  ],
  "enterprises": [{"id": "acme", "name": {"zh": "艾克米", "en": "Acme"}, "land_area_mu": 30,
                   "output_yuan_per_year": 3e8, "tax_yuan_per_year": 1e7}],
  "lines": [{"id": "cast", "name": {"zh": "压铸线", "en": "Die-casting line"}, "kind": "die_casting",
             "building": "hall", "product": "parts", "capacity_t_per_year": 5000, "power_kw": 400}],
  "utilities": [{"id": "grid", "name": {"zh": "电网", "en": "Grid"}, "kind": "grid_tie",
                 "position": {"x_m": -20, "y_m": 0}, "power_kw": 10000},
                {"id": "roof-pv", "name": {"zh": "屋顶光伏", "en": "Rooftop PV"}, "kind": "pv",
                 "building": "hall", "position": {"x_m": 50, "y_m": 50}, "power_kw": 500}],
  "externals": [
    {"id": "ingots", "name": {"zh": "铝锭供应商", "en": "Ingot supplier"}, "kind": "supplier",
     "position": {"x_m": -100, "y_m": 50}},
    {"id": "market", "name": {"zh": "市场", "en": "Market"}, "kind": "market",
     "position": {"x_m": 300, "y_m": 50}}
  ],
  "tags": [{"id": "cast.power", "name": {"zh": "压铸线功率", "en": "Casting power"},
            "unit": "kW", "kind": "analog", "object": "cast"}],
  "material_links": [
    {"id": "m-in", "from": "ingots", "to": "cast", "product": "ingot", "capacity_t_per_hour": 1},
    {"id": "m-out", "from": "cast", "to": "market", "product": "parts", "capacity_t_per_hour": 1}
  ],
  "energy_links": [{"id": "e1", "from": "grid", "to": "hall", "carrier": "electricity",
                    "capacity_kw": 5000, "cost_yuan_per_kwh": 0.62, "emission_t_per_mwh": 0.57},
                   {"id": "e-pv", "from": "roof-pv", "to": "hall", "carrier": "electricity", "capacity_kw": 500}]
}
JSON
# 05:09 Chongqing time (night) and 12:46 (about solar noon at 106.5 E in December).
cat > "$dir/roof.csv" <<'CSV'
ts,tag,value
2026-12-07T21:00:00Z,cast.power,250
2026-12-08T04:46:00Z,cast.power,310
CSV
"$cli" import "$dir/roof.csv" --db "$dir/roof.db" >/dev/null 2>&1
expect "import" 0 $?

# arc id -> flow of the energy network, "%.3f"
arc() {
  python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
print("%.3f" % next(a["flow"] for a in d["energy"]["arcs"] if a["id"] == sys.argv[2]))' "$1" "$2"
}

"$cli" flows --park "$dir/roof.park.json" --db "$dir/roof.db" --at 2026-12-07T21:09:20Z --json >"$dir/night.json" 2>"$dir/night.err"
expect "flows at night: exit code" 0 $?
expect "the hall draws its line's measured 250 kW, not the design 400" "250.000" "$(arc "$dir/night.json" demand:hall)"
expect "the untagged PV gives nothing before dawn" "0.000" "$(arc "$dir/night.json" supply:roof-pv)"
expect "the grid supplies the whole 250 kW" "250.000" "$(arc "$dir/night.json" supply:grid)"

"$cli" flows --park "$dir/roof.park.json" --db "$dir/roof.db" --at 2026-12-08T04:46:00Z --json >"$dir/noon.json" 2>"$dir/noon.err"
expect "flows at noon: exit code" 0 $?
expect "the hall draws 310 kW at noon" "310.000" "$(arc "$dir/noon.json" demand:hall)"
# By hand: NOAA's low-precision sun position (fractional year g from the day of the year,
# declination and equation of time as series in g, hour angle from the UTC minutes + EoT +
# 4 x longitude), Meinel's clear-sky irradiance 1.353 x 0.7^(AM^0.678) x sin(elevation),
# then kWp x 0.80 x irradiance x 0.51, scaled so that the same rule's average year gives the
# yearly yield the flows count (docs/park-format.md: H0 by Duffie & Beckman eq. 1.10.3 summed
# day by day x 0.36 x 0.80; the rule's year: its value at every hour's middle of 2026).
noon=$(python3 - <<'PY'
import math
def irradiance(ms, lat_deg=29.5, lon_deg=106.5):
    g = 2 * math.pi / 365.2425 * math.fmod(ms / 86400000.0, 365.2425)
    eot = 229.18 * (0.000075 + 0.001868 * math.cos(g) - 0.032077 * math.sin(g) - 0.014615 * math.cos(2 * g) - 0.040849 * math.sin(2 * g))
    decl = (0.006918 - 0.399912 * math.cos(g) + 0.070257 * math.sin(g) - 0.006758 * math.cos(2 * g) + 0.000907 * math.sin(2 * g)
            - 0.002697 * math.cos(3 * g) + 0.00148 * math.sin(3 * g))
    hour_angle = math.radians((math.fmod(ms / 60000.0, 1440.0) + eot + 4 * lon_deg) / 4 - 180)
    lat = math.radians(lat_deg)
    s = math.sin(lat) * math.sin(decl) + math.cos(lat) * math.cos(decl) * math.cos(hour_angle)
    return 1.353 * 0.7 ** ((1 / s) ** 0.678) * s if s > 0.01 else 0.0
def h0(lat_deg=29.5):
    lat, total = math.radians(lat_deg), 0.0
    for n in range(1, 366):
        d = math.radians(23.45) * math.sin(2 * math.pi * (284 + n) / 365)
        ws = math.acos(max(-1.0, min(1.0, -math.tan(lat) * math.tan(d))))
        total += 24 * 3600 * 1367 / math.pi * (1 + 0.033 * math.cos(2 * math.pi * n / 365)) * (
            math.cos(lat) * math.cos(d) * math.sin(ws) + ws * math.sin(lat) * math.sin(d))
    return total / 3.6e6
year_start = 1767225600000  # 2026-01-01T00:00:00Z
modelled = sum(0.80 * irradiance(year_start + h * 3600000 + 1800000) * 0.51 for h in range(8760))
scale = h0() * 0.36 * 0.80 / modelled
print("%.3f" % min(500.0, 500 * 0.80 * irradiance(1796705160000) * 0.51 * scale))  # 2026-12-08T04:46:00Z
PY
)
expect "the untagged PV at noon: the solar rule by hand" "$noon" "$(arc "$dir/noon.json" supply:roof-pv)"

# The title is in the park's civil time (Asia/Shanghai, UTC+8): 21:09:20Z is 05:09:20 next day.
"$cli" flows --park "$dir/roof.park.json" --db "$dir/roof.db" --at 2026-12-07T21:09:20Z >"$dir/night.txt" 2>/dev/null
expect "the title in the park's time with its offset" 1 \
  "$(head -1 "$dir/night.txt" | grep -c 'flows at 2026-12-08T05:09:20.000+08:00 from ')"
expect "no warning inside the recording" "" "$(cat "$dir/night.err")"

# Three days after the last sample: solved from the last values, with a warning naming the span.
"$cli" flows --park "$dir/roof.park.json" --db "$dir/roof.db" --at 2026-12-10T21:09:20Z >/dev/null 2>"$dir/late.err"
expect "after the recording: still solved" 0 $?
expect "after the recording: warned in English" 1 "$(grep -c '^warning: --at 2026-12-11T05:09:20.000+08:00 is after the recording ends' "$dir/late.err")"
expect "after the recording: the span in the park's time" 1 "$(grep -c '2026-12-08T05:00:00.000+08:00 .. 2026-12-08T12:46:00.000+08:00' "$dir/late.err")"
"$cli" flows --park "$dir/roof.park.json" --db "$dir/roof.db" --at 2026-12-10T21:09:20Z --lang zh >/dev/null 2>"$dir/late-zh.err"
expect "after the recording: warned in Chinese" 1 "$(grep -c '^警告：--at 2026-12-11T05:09:20.000+08:00 晚于记录结束' "$dir/late-zh.err")"
finish cli_flows_measured
