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
xvfb() { xvfb-run -a -s "-screen 0 1600x900x24" "$@"; }
shot() { local name=$1; shift; xvfb "$app" --size 1280x720 --screenshot "$out/$name.png" "$@"; echo "$out/$name.png"; }

# The park pictures of README.md and docs/: both parks, en and zh, day and night, presenting.
for park in beidu jiulong; do
  for lang in en zh; do
    shot "$park-$lang" --park "$park" --lang "$lang"
    shot "$park-night-$lang" --park "$park" --lang "$lang" --night
    shot "$park-present-$lang" --park "$park" --lang "$lang" --present
  done
done
shot beidu-flows-en --park beidu --flows
shot guide-open-park --park jiulong --lang en
shot guide-flows --park beidu --flows
"$cli" simulate --park beidu --from 2026-06-01T00:00:00+08:00 --duration 1d --step 10s --db "$tmp/day.db" >/dev/null
shot guide-replay --replay "$tmp/day.db" --at 10h --select potline-1
shot beidu-replay-en --replay "$tmp/day.db" --at 10h --select potline-1
"$cli" scenario run smelter-outage --from 2026-07-15T00:00:00+08:00 --duration 2d --store "$tmp/runs" \
  --report "$tmp/outage.html" >/dev/null
shot guide-scenario --scenario smelter-outage --quick
shot guide-present-zh --present --lang zh
# The JSON block under the guide's "file mini.park.json" marker (the guide has other JSON blocks).
awk '/<!-- guide-test: file mini.park.json -->/{m=1; next} m && /^```json$/{p=1; next} p && /^```$/{exit} p' docs/user-guide.md >"$tmp/mini.park.json"
"$cli" check "$tmp/mini.park.json"
shot guide-own-park --park "$tmp/mini.park.json"
# Files in the window: a copy of the small park with two mistakes opened over it (--open, as
# File > Open... does), and the File menu.
sed -e 's/"kind": "plant"/"kind": "castle"/' -e '0,/"height_m": 12/s//"height_m": "tall"/' \
  "$tmp/mini.park.json" >"$tmp/mini-edited.park.json"
for lang in en zh; do
  shot guide-problems-$lang --park "$tmp/mini.park.json" --open "$tmp/mini-edited.park.json" --lang $lang
  shot guide-file-menu-$lang --park "$tmp/mini.park.json" --show-menu file --lang $lang
done
# Edit mode's object forms: Potline 1 with its machine group, its tags and their alarm rule.
for lang in en zh; do
  xvfb "$app" --park beidu --lang $lang --size 1600x900 --edit --select potline-1 --screenshot "$out/guide-object-forms-$lang.png"
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
# The Data dialog's Connections part with a running source: the pictures of e2e.connections_dialog.
xvfb tests/e2e/connections_picture.sh "$app" "$tmp"
cp "$tmp/connections_dialog_en.png" "$out/guide-connections-dialog.png"
cp "$tmp/connections_dialog_zh.png" "$out/guide-connections-dialog-zh.png"
