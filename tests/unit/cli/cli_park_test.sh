#!/bin/sh
# parktwin-cli park import-geojson and park edit (issue 17): an imported park passes
# `parktwin-cli check`; a malformed GeoJSON file exits 1 and writes nothing; an edit through the
# CLI changes exactly the lines it should (diff is the oracle) and refuses a wrong value.
# Usage: cli_park_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
. "$(dirname "$0")/../../cli_test_lib.sh"
cd "$dir" || exit 1

# Two footprints (one with levels, one without a height), a zone and a road without a width,
# a point that is not imported. About 28.97 N, 106.65 E.
cat >site.geojson <<'JSON'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "Hall", "name:zh": "车间", "building:levels": 3},
  "geometry": {"type": "Polygon", "coordinates": [[[106.6500, 28.9700], [106.6506, 28.9700], [106.6506, 28.9703], [106.6500, 28.9703], [106.6500, 28.9700]]]}},
 {"type": "Feature", "properties": {"name": "Store"},
  "geometry": {"type": "Polygon", "coordinates": [[[106.6510, 28.9700], [106.6513, 28.9700], [106.6513, 28.9702], [106.6510, 28.9702], [106.6510, 28.9700]]]}},
 {"type": "Feature", "properties": {"landuse": "industrial", "name": "Works"},
  "geometry": {"type": "Polygon", "coordinates": [[[106.6495, 28.9695], [106.6520, 28.9695], [106.6520, 28.9710], [106.6495, 28.9710], [106.6495, 28.9695]]]}},
 {"type": "Feature", "properties": {},
  "geometry": {"type": "LineString", "coordinates": [[106.6495, 28.9698], [106.6520, 28.9698]]}},
 {"type": "Feature", "properties": {"name": "Gate"}, "geometry": {"type": "Point", "coordinates": [106.65, 28.97]}}
]}
JSON
"$cli" park import-geojson site.geojson --id my-site --name-en "My site" --out site.park.json >import.out 2>import.err
expect "import exit code" 0 $?
expect "import warnings" "site.geojson: warning: /features/1/properties: no height, height_m or building:levels; 10 m assumed
site.geojson: warning: /features/3/properties: no width; 6 m assumed
site.geojson: warning: /features/4/geometry: Point is not imported (only Polygon, MultiPolygon and LineString)
site.geojson: warning: /features: 2 buildings, zones or roads named in one language only, shown alike in Chinese and English: /features/1 (Store), /features/2 (Works); give \"name:zh\" and \"name:en\", or edit name.zh and name.en in the park file" "$(cat import.err)"
"$cli" check site.park.json >check.out 2>check.err
expect "imported park passes check" 0 $?
expect "check counts the buildings" 1 "$(grep -c 'buildings 2,' check.out)"
expect "3 levels are 10.5 m" 1 "$(grep -c '"height_m": 10.5' site.park.json)"

# Malformed: an open ring. Exit 1, the JSON path, and no file.
sed 's/\[106.6500, 28.9700\]\]\]/[106.6501, 28.9700]]]/' site.geojson >open.geojson
"$cli" park import-geojson open.geojson --id open --out open.park.json >/dev/null 2>open.err
expect "open ring exit code" 1 $?
expect "open ring message" "open.geojson: /features/0/geometry/coordinates/0: expected a closed ring (the last position equal to the first)" "$(cat open.err)"
expect "nothing written" no "$(test -e open.park.json && echo yes || echo no)"

# park edit: one building moved changes one line; diff counts it.
"$cli" park edit site.park.json --out moved.park.json --set '/buildings/0/position/x_m=120' >/dev/null 2>edit.err
expect "edit exit code" 0 $?
expect "one line changed" 1 "$(diff site.park.json moved.park.json | grep -c '^>')"
expect "the changed line" '      "position": {"x_m": 120,' "$(diff site.park.json moved.park.json | grep '^>' | cut -c3- | cut -c1-30)"
"$cli" check moved.park.json >/dev/null 2>&1
expect "edited park passes check" 0 $?

# The store moved onto the hall's centre: check still passes (an overlap is a warning, not an
# error) and names both, with the depth by hand: both unturned at one centre, so the smaller of
# the half sums of their widths and of their depths.
hall_at=$(/usr/bin/python3 -c "import json; b = json.load(open('site.park.json'))['buildings'][0]; print(b['position']['x_m'], b['position']['y_m'])")
"$cli" park edit site.park.json --out onto.park.json --set "/buildings/1/position/x_m=${hall_at% *}" --set "/buildings/1/position/y_m=${hall_at#* }" >/dev/null 2>&1
expect "overlap edit exit code" 0 $?
expected_overlap=$(/usr/bin/python3 -c "
import json
a, b = json.load(open('onto.park.json'))['buildings']
assert a.get('rotation_deg', 0) == 0 and b.get('rotation_deg', 0) == 0
depth = format(min(a['width_m'] + b['width_m'], a['depth_m'] + b['depth_m']) / 2, '.1f').removesuffix('.0')
print(f\"onto.park.json: warning: /buildings/1 ({b['id']}) and /buildings/0 ({a['id']}) overlap by {depth} m\")")
"$cli" check onto.park.json >/dev/null 2>onto.err
expect "a park with an overlap passes check" 0 $?
expect "the overlap named" "$expected_overlap" "$(cat onto.err)"
expect "no overlap in the imported park" "" "$(cat check.err)"

# A value of the wrong type is refused with its path; a value out of range is a problem and
# nothing is written unless asked.
"$cli" park edit site.park.json --out bad.park.json --set '/buildings/0/height_m="tall"' >/dev/null 2>tall.err
expect "wrong type exit code" 1 $?
expect "wrong type message" 'site.park.json: edit: /buildings/0/height_m: expected a positive number, got "tall"' "$(cat tall.err)"
"$cli" park edit site.park.json --out bad.park.json --set '/buildings/0/height_m=-2' >range.out 2>range.err
expect "out of range exit code" 1 $?
expect "a refused edit is not said to be applied" 0 "$(grep -c '^applied:' range.out)"
expect "out of range message" "site.park.json: /buildings/0/height_m: expected a positive number, got -2" "$(head -1 range.err)"
expect "nothing written for problems" no "$(test -e bad.park.json && echo yes || echo no)"

# --remove takes any id (a new user could delete only buildings from the CLI): the road goes,
# the rest stays; an id nothing has is refused by name and nothing is written.
"$cli" park edit site.park.json --out noroad.park.json --remove road-3 >remove.out 2>remove.err
expect "remove exit code" 0 $?
expect "the road removed, the buildings kept" "0 2" "$(/usr/bin/python3 -c "import json; p = json.load(open('noroad.park.json')); print(len(p.get('roads', [])), len(p['buildings']))")"
"$cli" park edit site.park.json --out ghost.park.json --remove ghost >/dev/null 2>ghost.err
expect "remove of nothing exit code" 1 $?
expect "remove of nothing message" 'site.park.json: --remove "ghost": no object, tag, alarm rule or link has this id' "$(cat ghost.err)"
expect "nothing written for a missing id" no "$(test -e ghost.park.json && echo yes || echo no)"

# QA: import-geojson replaced an existing park file without a word (rc 0 both times). Refused
# now, as `park new` refuses, and the file stays as it was; --force replaces it.
cp site.park.json kept.park.json
"$cli" park import-geojson site.geojson --id other --out site.park.json >again.out 2>again.err
expect "import over an existing file: exit code" 2 $?
expect "import over an existing file: why" "site.park.json exists; choose another --out, or add --force to replace it" "$(cat again.err)"
expect "import over an existing file: left as it was" same "$(cmp -s site.park.json kept.park.json && echo same || echo changed)"
"$cli" park import-geojson site.geojson --id other --out site.park.json --force >/dev/null 2>&1
expect "import --force: exit code" 0 $?
expect "import --force: replaced" 1 "$(grep -c '"id": "other"' site.park.json)"
cp kept.park.json site.park.json

# QA: park edit wrote a park that `check` refuses (a model file that does not exist). The same
# check before writing: nothing written, unless --allow-problems.
"$cli" park edit site.park.json --out truck.park.json --set '/buildings/0/model={"uri":"models/missing-truck.glb"}' >truck.out 2>truck.err
expect "edit naming a missing model: exit code" 1 $?
expect "edit naming a missing model: nothing written" no "$(test -e truck.park.json && echo yes || echo no)"
expect "edit naming a missing model: the same error as check" 1 "$(grep -c '^truck.park.json: /buildings/0/model/uri: .*missing-truck.glb' truck.err)"
expect "edit naming a missing model: not written, said" 1 "$(grep -c '^not written: the park has model files that cannot be read (check would refuse it); --allow-problems writes it anyway$' truck.err)"
"$cli" park edit site.park.json --out truck.park.json --allow-problems --set '/buildings/0/model={"uri":"models/missing-truck.glb"}' >/dev/null 2>&1
expect "edit --allow-problems: written" 0 $?
"$cli" check truck.park.json >/dev/null 2>check-truck.err
expect "what --allow-problems wrote, check refuses" 2 $?
expect "check's error is the one edit gave" "$(grep '^truck.park.json: /buildings/0/model' truck.err)" "$(grep '^truck.park.json: /buildings/0/model' check-truck.err)"

finish "park CLI"
