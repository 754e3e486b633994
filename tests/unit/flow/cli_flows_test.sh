#!/bin/sh
# parktwin-cli flows --db --at end to end: a historian made by `import` from a hand-written CSV
# (potline-1 down, potline-2 running), solved at that moment; the molten supply halves
# (170 kt/yr of 340 kt/yr: 170000 / 8760 = 19.406 t/h) and potline-1 is listed as down.
# Usage: cli_flows_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
. "$(dirname "$0")/../../cli_test_lib.sh"

cat > "$dir/state.csv" <<'CSV'
ts,tag,value
2026-07-15T08:00:00Z,potline-1.state,3
2026-07-15T08:00:00Z,potline-2.state,0
2026-07-15T08:00:00Z,potline-2.power,262000
CSV
"$cli" import "$dir/state.csv" --db "$dir/park.db" >/dev/null 2>&1
expect "import" 0 $?

"$cli" flows --park beidu --db "$dir/park.db" --at 2026-07-15T09:00:00Z --json >"$dir/at.json" 2>"$dir/at.err"
expect "flows --at exit code" 0 $?
expect "molten supply with one potline down" "19.406" \
  "$(python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["kpis"]["direct_molten_t"])' "$dir/at.json")"
expect "potline-1 listed as down" "['potline-1']" \
  "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["down"])' "$dir/at.json")"

"$cli" flows --park beidu --db "$dir/park.db" --at 2026-07-15T07:00:00Z >/dev/null 2>"$dir/before.err"
expect "before any sample: exit code" 2 $?
expect "before any sample: says so" 1 "$(grep -c 'no sample at or before' "$dir/before.err")"

# --at without a zone is the park's civil time, as the window's --at and `import --park` read it
# (QA: a planner in Chongqing got 08:00 Beijing time in the window, 16:00 in flows). Beidu is
# Asia/Shanghai, UTC+8: "2026-07-15 17:00" is 09:00Z, when potline-1 was down (08:00Z); it came
# back at 12:00Z, so 17:00 read as UTC would list nothing down.
cat > "$dir/back.csv" <<'CSV'
ts,tag,value
2026-07-15T08:00:00Z,potline-1.state,3
2026-07-15T08:00:00Z,potline-2.state,0
2026-07-15T08:00:00Z,potline-2.power,262000
2026-07-15T12:00:00Z,potline-1.state,0
2026-07-15T12:00:00Z,potline-1.power,262000
CSV
"$cli" import "$dir/back.csv" --db "$dir/back.db" >/dev/null 2>&1
expect "import (potline-1 back at 12:00Z)" 0 $?
for at in "2026-07-15 17:00" "2026-07-15T17:00:00" "2026-07-15T09:00:00Z" 1784106000000; do
  "$cli" flows --park beidu --db "$dir/back.db" --at "$at" --json >"$dir/park-time.json" 2>"$dir/park-time.err"
  expect "flows --at $at: exit code" 0 $?
  expect "flows --at $at: potline-1 down at 09:00Z" "['potline-1']" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["down"])' "$dir/park-time.json")"
  expect "flows --at $at: on the park's clock" "at 2026-07-15T17:00:00.000+08:00 from $dir/back.db (one hour at that state)" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["basis"])' "$dir/park-time.json")"
done
"$cli" flows --park beidu --db "$dir/back.db" --at "2026-07-15 15:59" >/dev/null 2>"$dir/early.err"
expect "07:59Z, before any sample: exit code" 2 $?
expect "07:59Z, before any sample: on the park's clock" "$dir/back.db: no sample at or before 2026-07-15T15:59:00.000+08:00" \
  "$(cat "$dir/early.err")"
"$cli" flows --help | grep -q "civil time" ; expect "flows --help: zone-less --at is park time" 0 $?

"$cli" flows --park beidu --db "$dir/park.db" >/dev/null 2>"$dir/noat.err"
expect "--db without --at" 2 $?
"$cli" flows --park beidu --db "$dir/park.db" --at yesterday >/dev/null 2>"$dir/badat.err"
expect "a bad time: exit code" 2 $?
expect "a bad time: names the option" 1 "$(grep -c '^--at:' "$dir/badat.err")"
"$cli" flows --park beidu --db "$dir/state.csv" --at 2026-07-15T09:00:00Z >/dev/null 2>"$dir/notdb.err"
expect "not a historian: exit code" 2 $?

# A year at design capacity: the table prints no exponent (money, tonnes, kW), the KPI table's
# labels say what a ratio divides by, and JSON carries the table's ids.
"$cli" flows --park beidu >"$dir/year.txt" 2>"$dir/year.err"
expect "flows (a year) exit code" 0 $?
expect "flows text: no exponent" 0 "$(grep -c '[0-9]e[+-][0-9]' "$dir/year.txt")"
expect "flows text: per tonne delivered" 1 "$(grep -c '^  Electricity per tonne delivered .* kWh/t$' "$dir/year.txt")"
"$cli" flows --park beidu --json >"$dir/year.json" 2>/dev/null
expect "flows json: KPI table ids" "True False" \
  "$(python3 -c 'import json,sys; k=json.load(open(sys.argv[1]))["kpis"]; print("energy_kwh_per_t_delivered" in k, "energy_kwh_per_t" in k)' "$dir/year.json")"
# Every KPI number in the JSON is the shortest text of its double (Python's repr is).
expect "flows json: shortest numbers" "[]" \
  "$(python3 -c 'import json,sys; k=json.load(open(sys.argv[1]), parse_float=str)["kpis"]; print([t for t in k.values() if isinstance(t, str) and t != repr(float(t))])' "$dir/year.json")"
# Design capacity: Beidu's smelter 340,000 t/yr (DOMAIN.md), to the solver's 0.001 t/h x 8,760 h
# per potline; the planned 400 kt/yr recycling plant out until --commission builds it.
"$cli" flows --park beidu --json >"$dir/design.json" 2>"$dir/design.err"
expect "flows --json exit code" 0 $?
expect "no warnings on the bundled park" "" "$(cat "$dir/design.err")"
kpi() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(round(d["kpis"]["throughput_t_per_year"] / 1000), d["planned_not_built"], d["warnings"])' "$1"; }
expect "340 kt/yr, the recycling plant left out" "340 ['recycling-plant'] []" "$(kpi "$dir/design.json")"
"$cli" flows --park beidu --json --commission recycling-plant >"$dir/built.json" 2>&1
expect "--commission exit code" 0 $?
expect "340 + 400 kt/yr once built" "740 [] []" "$(kpi "$dir/built.json")"
"$cli" flows --park beidu --commission potline-1 >/dev/null 2>"$dir/notplanned.err"
expect "--commission of a built object: exit code" 2 $?
expect "--commission of a built object: says so" 1 "$(grep -c 'potline-1.*not a planned building or utility' "$dir/notplanned.err")"

# --fail names what it cuts and every load left short, not only the islanded ones (QA, 6 Dec:
# the grid tie's failure said "islanded: none" with every load short). By hand from the park
# file: potline-2 needs 261,986 kW; what is left is Zaodu's 45 GWh/yr (5,136.986 kW) plus PV,
# and the loads short get exactly the maximum flow after.
"$cli" flows --park beidu --fail grid-tie >"$dir/fail.out" 2>&1
expect "--fail exit code" 0 $?
expect "--fail names the tie" 1 "$(grep -c 'failure of State Grid 220 kV tie (grid-tie): maximum flow 574408.000 -> ' "$dir/fail.out")"
expect "--fail lists a load left short" 1 "$(grep -c 'short: Potline 2 (potline-2) gets 0.000 of 261986.000 kW' "$dir/fail.out")"
expect "the loads short get the maximum flow after" "True" "$(python3 -c '
import re, sys
text = open(sys.argv[1]).read()
after = float(re.search(r"failure of .*-> ([0-9.]+) kW", text).group(1))
gets = sum(float(g) for g in re.findall(r"short: .* gets ([0-9.]+) of", text))
print(abs(after - gets) < 0.01 and after > 5136.986)' "$dir/fail.out")"

# QA: the energy network's dispatch objective had no unit ("1336.14 per h"); it is yuan per
# hour, weighted by the sources' merit order. Under --lang zh the KPI table is Chinese, and the
# objectives in 元/时 (QA4 Q1: the rest of the report was English; tests/unit/cli/cli_zh_summaries).
"$cli" flows --park beidu >"$dir/en.out" 2>&1
expect "both objectives in yuan/h" 2 "$(grep -cE 'dispatch objective [0-9.]+ yuan/h' "$dir/en.out")"
expect "no objective without a unit" 0 "$(grep -cE 'objective [0-9.]+ per h' "$dir/en.out")"
"$cli" flows --park beidu --lang zh >"$dir/zh.out" 2>&1
expect "flows --lang zh: both objectives in 元/时" 2 "$(grep -cE '调度目标 [0-9.]+ 元/时' "$dir/zh.out")"
expect "flows --lang zh: the KPI table in Chinese" 1 "$(grep -cE '^  用电量 +[0-9,]+ kWh$' "$dir/zh.out")"

finish "flows CLI"
