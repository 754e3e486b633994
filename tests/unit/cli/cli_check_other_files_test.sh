#!/bin/sh
# parktwin-cli check on a scenario or tour file checks it as what it is, against its park (QA: a
# tour file got a wall of park errors, and a tour could be checked only by starting the window).
# Oracles: the bundled tour's stops and duration counted here by python3 from the file; a tour of
# a park that is not bundled, written here by hand (2 stops, 3 + 4 + 2 + 6 s).
# Usage: cli_check_other_files_test.sh PATH/TO/parktwin-cli SOURCE_DIR
set -u
cli=$1
src=$2
. "$(dirname "$0")/../../cli_test_lib.sh"
cd "$dir" || exit 1

tour="$src/assets/tours/beidu.json"
counted=$(/usr/bin/python3 -c "import json,sys; t=json.load(open(sys.argv[1]))
print(len(t['stops']), '%g' % sum(s['fly_s'] + s['hold_s'] for s in t['stops']))" "$tour")
stops=${counted% *}
seconds=${counted#* }
"$cli" check "$tour" >tour.out 2>tour.err
expect "bundled tour: exit code" 0 $?
expect "bundled tour: summary" "Beidu: molten aluminium next door: ok, park beidu, stops $stops, $seconds s" "$(cat tour.out)"

cat >own.tour.json <<'JSON'
{"format": "parktwin-tour/1", "park": "mini", "name": {"zh": "小园区导览", "en": "Mini tour"},
 "stops": [
  {"focus": "smelter", "distance_m": 300, "fly_s": 3, "hold_s": 4, "caption": {"zh": "电解车间", "en": "Smelter"}},
  {"focus": "rod_plant", "distance_m": 300, "fly_s": 2, "hold_s": 6, "caption": {"zh": "铝棒厂", "en": "Rod plant"}}]}
JSON
"$cli" check own.tour.json --lang zh >own.out 2>own.err
expect "own park's tour without --park: exit code" 2 $?
expect "own park's tour without --park: says what to give" \
  "own.tour.json：导览要对照其园区检查：请用 --park 给出园区文件（此导览是为园区“mini”写的）" "$(cat own.err)"
"$cli" check own.tour.json --park "$src/tests/unit/flow/data/mini_park.json" >own.out 2>own.err
expect "own park's tour: exit code" 0 $?
expect "own park's tour: summary" "Mini tour: ok, park mini, stops 2, 15 s" "$(cat own.out)"
sed 's/"rod_plant"/"no_such_plant"/' own.tour.json >bad.tour.json
"$cli" check bad.tour.json --park "$src/tests/unit/flow/data/mini_park.json" >bad.out 2>bad.err
expect "a tour's unknown focus: exit code" 2 $?
said=$(cat bad.err)
case "$said" in *"bad.tour.json: /stops/1/focus: "*no_such_plant*) said=named ;; esac
expect "a tour's unknown focus: named with its JSON path" named "$said"

scenario="$src/assets/scenarios/heat-wave.json"
changes=$(/usr/bin/python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['changes']))" "$scenario")
"$cli" check "$scenario" --lang zh >scenario.out 2>scenario.err
expect "bundled scenario: exit code" 0 $?
said="$(cat scenario.out) $(cat scenario.err)"
case "$said" in *"(heat-wave)：检查通过，园区 "*"/parks/beidu.json，变化 $changes ") said=summary ;; esac
expect "bundled scenario: summary" summary "$said"

printf '{"format": "parktwin-connections/1", "park": "beidu", "sources": []}\n' >c.json
"$cli" check c.json >c.out 2>c.err
expect "connections file: exit code" 2 $?
expect "connections file: which command" "c.json: this is a connections file: check it with parktwin-cli connections check" "$(cat c.err)"

finish cli_check_other_files
