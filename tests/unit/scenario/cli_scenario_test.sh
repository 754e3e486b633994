#!/bin/sh
# parktwin-cli scenario list / run end to end: the bundled list, reports by extension in both
# languages, historian files, and exit codes with JSON paths for bad files.
# Usage: cli_scenario_test.sh PATH/TO/parktwin-cli SOURCE_DIR
set -u
cli=$1
src=$2
. "$(dirname "$0")/../../cli_test_lib.sh"

"$cli" scenario list >"$dir/list.txt" 2>&1
expect "list exit code" 0 $?
expect "list has five scenarios" 5 "$(wc -l <"$dir/list.txt" | tr -d ' ')"
expect "list names the outage" 1 "$(grep -c '^smelter-outage .*beidu' "$dir/list.txt")"

"$cli" scenario run "$src/assets/scenarios/smelter-outage.json" --from 2026-07-15T00:00:00+08:00 --duration 1d \
  --report "$dir/out.html" --report "$dir/out.csv" --report "$dir/out.json" --store "$dir/runs" >"$dir/run.txt" 2>&1
expect "run exit code" 0 $?
expect "html written" 1 "$(grep -c '<h1>Beidu smelter: both potlines down for 8 hours</h1>' "$dir/out.html")"
expect "csv has the remelt cost row" 1 "$(grep -c '^remelt_cost_yuan,yuan,' "$dir/out.csv")"
expect "json names the scenario" 1 "$(grep -c '"scenario": "smelter-outage"' "$dir/out.json")"
expect "KPI table printed without exponents" 0 "$(grep -c '[0-9]e[+-][0-9]' "$dir/run.txt")"
expect "KPI table labels say what they divide by" 1 \
  "$(grep -c '^Electricity per tonne of aluminium made (park load / primary + recycled; parks with potlines) \[kWh/t\]' "$dir/run.txt")"
expect "csv without exponents" 0 "$(grep -c '[0-9]e[+-][0-9]' "$dir/out.csv")"
expect "json KPI numbers are the shortest text of each double" "[]" \
  "$(python3 -c 'import json,sys; k=json.load(open(sys.argv[1]), parse_float=str)["kpis"]; print([t for r in k for t in (r["baseline"], r["scenario"], r["delta"]) if isinstance(t, str) and t != repr(float(t))])' "$dir/out.json")"
expect "baseline historian" yes "$([ -s "$dir/runs/smelter-outage-baseline.db" ] && echo yes || echo no)"
expect "scenario historian" yes "$([ -s "$dir/runs/smelter-outage-scenario.db" ] && echo yes || echo no)"
# A clean exit leaves no empty lock files beside them (the runs are written as *.partial, each
# with its own writer lock, then renamed).
expect "no writer locks left" "" "$(ls "$dir/runs" | grep -e 'writer.lock' -e '\.partial')"

"$cli" scenario run "$src/assets/scenarios/smelter-outage.json" --from 2026-07-15T00:00:00+08:00 --duration 1d \
  --report "$dir/zh.html" --lang zh >"$dir/run-zh.txt" 2>/dev/null
expect "zh report" 1 "$(grep -c 'lang="zh-CN"' "$dir/zh.html")"
# The generation time in Beidu's civil time (Asia/Shanghai, UTC+8 all year), offset written.
expect "zh report generated in park time" 1 "$(grep -c '生成时间：20[0-9-]*T[0-9:]*+08:00</p>' "$dir/zh.html")"
expect "en report generated in park time" 1 "$(grep -c 'Generated: 20[0-9-]*T[0-9:]*+08:00</p>' "$dir/out.html")"
expect "csv generated in park time" 1 "$(grep -c '^# generated 20[0-9-]*T[0-9:]*+08:00$' "$dir/out.csv")"
# Every row of the KPI table as wide on a terminal as its header, by Python's Unicode width
# table (wide and fullwidth: two columns), rows of "–" (no figure) and Chinese labels too.
table_widths() {
  python3 -c 'import sys, unicodedata
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")
start = next(i for i, r in enumerate(rows) if r.startswith(sys.argv[2]))
end = next(i for i, r in enumerate(rows) if i > start and (r.startswith(sys.argv[3]) or r == ""))
width = lambda r: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in r)
print(sorted({width(r) for r in rows[start:end]}), "dashes" if any("\u2013" in r for r in rows[start:end]) else "")' "$@"
}
expect "en KPI table aligned" 1 "$(table_widths "$dir/run.txt" "KPI, simulated" "historian:" | grep -c '^\[[0-9]*\] $')"
expect "zh KPI table aligned" 1 "$(table_widths "$dir/run-zh.txt" "指标（仿真）" "用时" | grep -c '^\[[0-9]*\] $')"
# Only the 8 hours of the outage: no aluminium in the scenario run, its per-tonne figure a dash
# (shown: the baseline has it), still aligned.
"$cli" scenario run "$src/assets/scenarios/smelter-outage.json" --from 2026-07-15T08:00:00+08:00 --duration 8h \
  --lang zh >"$dir/run-dash.txt" 2>/dev/null
expect "zh KPI table aligned with dashes" 1 "$(table_widths "$dir/run-dash.txt" "指标（仿真）" "用时" | grep -c '^\[[0-9]*\] dashes$')"
expect "zh time line" 1 "$(grep -c '^用时：' "$dir/run-zh.txt")"
expect "zh KPI label" 1 "$(grep -c '铝锭重熔</td>' "$dir/zh.html")"

sed 's/"factor_never_used"//; s/"duration": "8h"/"duration": "8h", "severity": 3/' \
  "$src/assets/scenarios/smelter-outage.json" >"$dir/bad.json"
"$cli" scenario run "$dir/bad.json" >/dev/null 2>"$dir/bad.err"
expect "bad file exit code" 2 $?
expect "bad file names the path" 2 "$(grep -c 'bad.json: /changes/[01]/severity: unknown key' "$dir/bad.err")"

"$cli" scenario run "$src/assets/scenarios/smelter-outage.json" --duration 1d >/dev/null 2>"$dir/outside.err"
expect "change outside the period run" 2 $?
expect "outside message" 1 "$(grep -c 'smelter-outage.json: /changes/0: the change lies outside the period run' "$dir/outside.err")"
"$cli" scenario run "$src/assets/scenarios/smelter-outage.json" --duration 1d --lang zh >/dev/null 2>"$dir/outside-zh.err"
expect "outside message in Chinese" 1 "$(grep -c 'smelter-outage.json: /changes/0: 变更不在本次运行的时段 .* 之内' "$dir/outside-zh.err")"

# A change aimed at what the park lacks: bad input, exit 2, its JSON path named.
sed 's/"target": "potline-1"/"target": "potline-9"/' "$src/assets/scenarios/smelter-outage.json" >"$dir/no-target.json"
"$cli" scenario run "$dir/no-target.json" >/dev/null 2>"$dir/no-target.err"
expect "target not in the park exit code" 2 $?
expect "target message" 1 "$(grep -c 'no-target.json: /changes/0/target: no line, or building with lines, "potline-9" in park beidu' "$dir/no-target.err")"

"$cli" scenario run "$src/assets/scenarios/smelter-outage.json" --report "$dir/out.pdf" >/dev/null 2>"$dir/pdf.err"
expect "unknown report format" 2 $?

# QA: a park with a real meter's tags (tests/unit/scenario/data/electronics_meters_park.json: a
# hall temperature in degC, a bus voltage in V)
# stopped every scenario, rc 1, in English even with --lang zh. Both runs leave them out and
# the summary names them in --lang; a park without potlines or casthouses (the electronics
# park) prints no aluminium rows (铝产量, 原铝, 铝液直供 ... at 0), as the window shows no such card.
"$cli" scenario run "$src/tests/unit/scenario/data/electronics-meters.json" --lang zh >"$dir/meters-zh.txt" 2>"$dir/meters-zh.err"
expect "a park with measured-only tags runs" 0 $?
expect "the tags left out, in Chinese" 1 \
  "$(grep -c '^未计入 2 个仿真器无法产生的标签.*：led-fab.temp（degC）、substation.voltage（V）$' "$dir/meters-zh.txt")"
expect "no aluminium rows for a park that makes none" 0 "$(grep -c '铝' "$dir/meters-zh.txt")"
expect "units made printed" 1 "$(grep -c '^产品件数' "$dir/meters-zh.txt")"
"$cli" scenario run "$src/tests/unit/scenario/data/electronics-meters.json" >"$dir/meters-en.txt" 2>&1
expect "the tags left out, in English" 1 \
  "$(grep -c '^Left out 2 tags the simulator has no quantity for .*: led-fab.temp (degC), substation.voltage (V)$' "$dir/meters-en.txt")"
expect "no aluminium rows in English" 0 "$(grep -ci 'alumin' "$dir/meters-en.txt")"
"$cli" scenario run "$src/tests/unit/scenario/data/electronics-retrofit.json" --duration 1d --lang zh >"$dir/electronics-zh.txt" 2>&1
expect "the electronics park runs" 0 $?
expect "no aluminium rows for the electronics park" 0 "$(grep -c '铝' "$dir/electronics-zh.txt")"
expect "its units made printed" 1 "$(grep -c '^产品件数' "$dir/electronics-zh.txt")"

# QA (F25): a report to a folder that does not exist was refused after the run, in English,
# without a reason and without the KPI table. Now refused before the run (exit 2, nothing
# printed on stdout), naming the folder, in the language asked for.
"$cli" scenario run "$src/assets/scenarios/smelter-outage.json" --from 2026-07-15T00:00:00+08:00 --duration 1d \
  --report "$dir/no-such-folder/r.html" --lang zh >"$dir/nofolder.txt" 2>"$dir/nofolder.err"
expect "report folder missing: exit code" 2 $?
expect "report folder missing: not run" "" "$(cat "$dir/nofolder.txt")"
expect "report folder missing: named, in Chinese" 1 \
  "$(grep -c "^--report $dir/no-such-folder/r.html：无法写入报告：文件夹 $dir/no-such-folder 不存在$" "$dir/nofolder.err")"
# A report that fails while written (a full disk: /dev/full takes the open, refuses the bytes):
# the table is printed all the same, then the reason, exit 1.
ln -s /dev/full "$dir/full.csv"
"$cli" scenario run "$src/assets/scenarios/smelter-outage.json" --from 2026-07-15T00:00:00+08:00 --duration 1d \
  --report "$dir/full.csv" --lang zh >"$dir/full.txt" 2>"$dir/full.err"
expect "report fails while written: exit code" 1 $?
expect "report fails while written: the table is printed" 1 "$(grep -c '^指标（仿真）' "$dir/full.txt")"
expect "report fails while written: the reason" 1 "$(grep -c "^$dir/full.csv：无法在文件夹 $dir 中写入报告：磁盘空间不足$" "$dir/full.err")"

finish "scenario CLI"
