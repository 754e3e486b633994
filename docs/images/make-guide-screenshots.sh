#!/usr/bin/env bash
# Takes the pictures of README.md and docs/user-guide*.md from the real app: docs/images/*.png.
# Usage: docs/images/make-guide-screenshots.sh [BUILD_DIR]   (default build/dev)
# Needs xvfb-run and mosquitto (the dialogs are opened by --show-menu, not by clicking at
# header coordinates that move whenever the header changes).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/dev}
app=$build/bin/parktwin cli=$build/bin/parktwin-cli
out=docs/images
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
write_shapes_park() {
  cat >"$1" <<'JSON'
{
  "format": "parktwin-park/1", "id": "new-park", "name": {"zh": "新园区", "en": "New park"},
  "latitude_deg": 29.5, "longitude_deg": 106.5, "land_area_mu": 100, "grid_emission_t_per_mwh": 0.57,
  "zones": [{"id": "zone-1", "name": {"zh": "区域 1", "en": "Zone 1"}, "kind": "industrial",
             "outline": [{"x_m": -60, "y_m": -40}, {"x_m": 80, "y_m": -40}, {"x_m": 80, "y_m": 40}, {"x_m": -60, "y_m": 40}]}],
  "roads": [{"id": "road-1", "width_m": 6, "path": [{"x_m": -70, "y_m": -50}, {"x_m": 90, "y_m": -50}]}],
  "buildings": [
    {"id": "plant-1", "name": {"zh": "工厂", "en": "Plant"}, "kind": "plant",
     "position": {"x_m": -25, "y_m": 0}, "width_m": 30, "depth_m": 20, "height_m": 8},
    {"id": "warehouse-1", "name": {"zh": "仓库", "en": "Warehouse"}, "kind": "warehouse",
     "position": {"x_m": 45, "y_m": 10}, "width_m": 24, "depth_m": 18, "height_m": 7}
  ],
  "lines": [
    {"id": "line-1", "name": {"zh": "压铸线", "en": "Die casting"}, "kind": "die_casting", "building": "plant-1",
     "product": "ingot", "capacity_t_per_year": 5000},
    {"id": "line-2", "name": {"zh": "仓储", "en": "Storage"}, "kind": "storage", "building": "warehouse-1",
     "product": "ingot", "capacity_t_per_year": 5000}
  ],
  "material_links": [{"id": "link-1", "from": "line-1", "to": "line-2", "product": "ingot", "capacity_t_per_hour": 1}]
}
JSON
}
xvfb() { xvfb-run -a -s "-screen 0 1600x900x24" "$@"; }
shot() { local name=$1; shift; xvfb "$app" --size 1280x720 --screenshot "$out/$name.png" "$@"; echo "$out/$name.png"; }
shot1600() { local name=$1; shift; xvfb "$app" --size 1600x900 --screenshot "$out/$name.png" "$@"; echo "$out/$name.png"; }

# The park pictures of README.md and docs/: both parks, en and zh, day and night, presenting.
for park in beidu jiulong; do
  for lang in en zh; do
    shot "$park-$lang" --park "$park" --lang "$lang"
    shot "$park-night-$lang" --park "$park" --lang "$lang" --night
    shot "$park-present-$lang" --park "$park" --lang "$lang" --present
  done
done
shot beidu-flows-en --park beidu --flows
# Pictures the Chinese guide shows have a -zh twin (the English name has no suffix).
for lang in en zh; do
  suffix=$([ $lang = zh ] && echo -zh || true)
  shot guide-open-park$suffix --park jiulong --lang $lang
  shot guide-flows$suffix --park beidu --flows --lang $lang
done
"$cli" simulate --park beidu --from 2026-06-01T00:00:00+08:00 --duration 1d --step 10s --db "$tmp/day.db" >/dev/null
shot guide-replay --replay "$tmp/day.db" --at 10h --select potline-1
shot guide-replay-zh --replay "$tmp/day.db" --at 10h --select potline-1 --lang zh
shot beidu-replay-en --replay "$tmp/day.db" --at 10h --select potline-1
for lang in en zh; do
  suffix=$([ $lang = zh ] && echo -zh || true)
  shot guide-scenario$suffix --scenario smelter-outage --quick --lang $lang
  # The scenario panel and the Sankey diagram at the guide's larger size, their panels whole.
  shot1600 scenario-panel-$lang --scenario smelter-outage --quick --lang $lang
  shot1600 sankey-material-$lang --park beidu --balance material --lang $lang
done
shot1600 sankey-energy-en --park beidu --balance energy
shot guide-present-zh --present --lang zh
# The JSON block under the guide's "file mini.park.json" marker (the guide has other JSON blocks).
awk '/<!-- guide-test: file mini.park.json -->/{m=1; next} m && /^```json$/{p=1; next} p && /^```$/{exit} p' docs/user-guide.md >"$tmp/mini.park.json"
"$cli" check "$tmp/mini.park.json"
shot guide-own-park --park "$tmp/mini.park.json"
shot guide-own-park-zh --park "$tmp/mini.park.json" --lang zh
# Files in the window: a copy of the small park with two mistakes opened over it (--open, as
# File > Open... does), and the File menu.
# The Problems panel shows the file's path: the copy sits in a folder with a plain name, as a
# person's own would, not in mktemp's /tmp/tmp.XXXXXXXXXX (removed again on exit).
parks=/tmp/my-parks
mkdir -p "$parks"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"; rm -f "$parks/mini-edited.park.json"; rmdir "$parks" 2>/dev/null || true' EXIT
sed -e 's/"kind": "plant"/"kind": "castle"/' -e '0,/"height_m": 12/s//"height_m": "tall"/' \
  "$tmp/mini.park.json" >"$parks/mini-edited.park.json"
for lang in en zh; do
  shot guide-problems-$lang --park "$tmp/mini.park.json" --open "$parks/mini-edited.park.json" --lang $lang
  shot guide-file-menu-$lang --park "$tmp/mini.park.json" --show-menu file --lang $lang
done
# Edit mode: the cast house (as e2e.edit_pictures takes it), Potline 1 with its machine group,
# its tags and their alarm rule, and a small park of shapes (a zone, a road, two buildings with a
# line each and the material link between them) for the shape tools. The cast line makes ingot,
# so the park's material flow has an origin and the link is drawn with its flow (a park whose
# material has no origin has no flows to draw: `parktwin-cli flows` says why).
write_shapes_park "$tmp/shapes.park.json"
"$cli" check "$tmp/shapes.park.json"
for lang in en zh; do
  shot1600 guide-edit-mode-$lang --park beidu --lang $lang --edit --select casthouse
  shot1600 guide-object-forms-$lang --park beidu --lang $lang --edit --select potline-1
  shot1600 guide-shapes-$lang --park "$tmp/shapes.park.json" --lang $lang --edit --flows
done

# Live: a broker on a free port and the simulator publishing in real time.
port=$((20000 + RANDOM % 20000))
mosquitto -p "$port" >/dev/null 2>&1 &
sleep 1
"$cli" simulate --park beidu --mqtt "localhost:$port" --speed 1 --duration 10m >/dev/null 2>&1 &
sleep 3
shot guide-live --mqtt "localhost:$port" --select potline-1
shot guide-live-zh --mqtt "localhost:$port" --select potline-1 --lang zh

# Dialogs, opened by a launch option once the window is up.
shot guide-about --show-menu about
shot guide-about-zh --show-menu about --lang zh
shot guide-data-dialog --show-menu data
shot guide-data-dialog-zh --show-menu data --lang zh
# The Data dialog's Connections part with a running source: the pictures of e2e.connections_dialog.
xvfb tests/e2e/connections_picture.sh "$app" "$tmp"
cp "$tmp/connections_dialog_en_1280x720.png" "$out/guide-connections-dialog.png"
cp "$tmp/connections_dialog_zh_1280x720.png" "$out/guide-connections-dialog-zh.png"
