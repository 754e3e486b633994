#!/bin/sh
# parktwin-cli under --lang zh: a park file's and a scenario file's problems in Chinese, worded
# by twin/model (problem_wording.cpp) and the scenario reader, as the window words them.
# Oracle: the Chinese lines written here by hand (the same words as the window's, tst_park_document.qml).
# Usage: cli_lang_test.sh PATH/TO/parktwin-cli SOURCE_DIR
set -u
cli=$1
src=$2
. "$(dirname "$0")/../../cli_test_lib.sh"
cd "$dir" || exit 1

# The bundled Beidu park with two defects: a height that is no number and a key nobody reads.
python3 -c 'import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
p["buildings"][0]["height_m"] = "tall"
p["colour"] = 1
json.dump(p, open("bad.park.json", "w", encoding="utf-8"), ensure_ascii=False)' "$src/assets/parks/beidu.json"

"$cli" check bad.park.json --lang zh >check.out 2>check.err
expect "check --lang zh exit code" 2 $?
expect "check --lang zh problems" 'bad.park.json: /buildings/0/height_m: 应为正数，实际为 "tall"
bad.park.json: /colour: 未知的键' "$(cat check.err)"
"$cli" check bad.park.json >/dev/null 2>check-en.err
expect "check in English by default" 'bad.park.json: /buildings/0/height_m: expected a positive number, got "tall"
bad.park.json: /colour: unknown key' "$(cat check-en.err)"
"$cli" check beidu --lang zh >ok.out 2>&1
expect "check --lang zh summary" 1 "$(grep -c '^  区域 [0-9]*，道路 [0-9]*，建筑 [0-9]*，企业 [0-9]*，产线 [0-9]*' ok.out)"

# A park file that is no JSON (QA: said in English under --lang zh).
printf 'name: park\n' >park.yaml
"$cli" check park.yaml --lang zh >yaml.out 2>yaml.err
expect "check --lang zh: no JSON" 'park.yaml: 不是有效的 JSON：第 1 行第 1 列出现意外的“name”' "$(cat yaml.err)"

# A machine group of 1e9 machines (QA): its JSON path and the allowed range, once, in either language.
python3 -c 'import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
p["lines"][0]["machines"][0]["count"] = 1e9
json.dump(p, open("big.park.json", "w", encoding="utf-8"), ensure_ascii=False)' "$src/assets/parks/beidu.json"
"$cli" check big.park.json --lang zh >big.out 2>big.err
expect "check --lang zh: count of 1e9" 'big.park.json: /lines/0/machines/0/count: 应为介于 1 到 100000 之间的整数，实际为 1000000000.0' "$(cat big.err)"
"$cli" check big.park.json >big.out 2>big-en.err
expect "check: count of 1e9" 'big.park.json: /lines/0/machines/0/count: expected an integer between 1 and 100000, got 1000000000.0' "$(cat big-en.err)"

# Numbers written as text with a unit (QA F14): the unit the key's name states, and where the
# unit written is a power of ten from it, the number in the key's unit. Oracle by hand:
# 1.8 MW = 1,800 kW; 170 kt = 170,000 t; 1 kg/kWh = 1,000 kg / 1,000 kWh = 1 t/MWh; "18 m" is
# already metres; "hp" is no power of ten of kW, so nothing is offered.
python3 -c 'import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
p["utilities"][0]["power_kw"] = "1.8MW"
p["lines"][0]["capacity_t_per_year"] = "170kt/a"
p["lines"][0]["power_kw"] = "262 hp"
p["buildings"][0]["height_m"] = "18 m"
p["grid_emission_t_per_mwh"] = "0.57 kg/kWh"
json.dump(p, open("units.park.json", "w", encoding="utf-8"), ensure_ascii=False)' "$src/assets/parks/beidu.json"
"$cli" check units.park.json >/dev/null 2>units.err
expect "check: numbers with units" 'units.park.json: /buildings/0/height_m: expected a number in m, got "18 m" (write 18?)
units.park.json: /grid_emission_t_per_mwh: expected a number in t/MWh, got "0.57 kg/kWh" (0.57 kg/kWh = 0.57 t/MWh?)
units.park.json: /lines/0/capacity_t_per_year: expected a number in t/yr, got "170kt/a" (170 kt/a = 170000 t/yr?)
units.park.json: /lines/0/power_kw: expected a number in kW, got "262 hp"
units.park.json: /utilities/0/power_kw: expected a number in kW, got "1.8MW" (1.8 MW = 1800 kW?)' "$(cat units.err)"
"$cli" check units.park.json --lang zh >/dev/null 2>units-zh.err
expect "check --lang zh: a number with a unit" \
  'units.park.json: /utilities/0/power_kw: 应为以千瓦（kW）为单位的数字，实际为 "1.8MW"（1.8 MW = 1800 kW？）' \
  "$(grep /utilities/0/power_kw units-zh.err)"

# A scenario file with a key nobody reads and a change after its one-day period.
cat >late.json <<'JSON'
{"format": "parktwin-scenario/1", "id": "late", "name": {"zh": "晚", "en": "Late"},
 "explanation": {"zh": "说明", "en": "Explanation"}, "park": "beidu",
 "start": "2026-01-01T00:00:00+08:00", "duration": "1d", "colour": 1,
 "changes": [{"type": "outage", "target": "potline-1", "at": "2026-03-01T08:00:00+08:00", "duration": "8h"}]}
JSON
"$cli" scenario run late.json --lang zh >run.out 2>run.err
expect "scenario run --lang zh exit code" 2 $?
expect "scenario run --lang zh problems" 'late.json: /changes/0/at: 变更不在情景时段 2026-01-01 00:00 .. 2026-01-02 00:00 (UTC+08:00) 之内
late.json: /colour: 未知的键' "$(cat run.err)"
# The scenario's park with the defects above: its problems in Chinese too.
sed 's/"park": "beidu"/"park": "bad.park.json"/; s/, "colour": 1//; s/2026-03-01/2026-01-01/' late.json >badpark.json
"$cli" scenario run badpark.json --lang zh --duration 1h >run2.out 2>run2.err
expect "scenario's park problems in Chinese" 1 "$(grep -c '/bad.park.json: /colour: 未知的键$' run2.err)"

# A wrong target and a change after the period: both at once, in file order, each named by the
# file and its JSON path (the target used to be named by the scenario's id, and only once the
# period was right).
sed 's/, "colour": 1//; s/"potline-1"/"potline-9"}, {"type": "outage", "target": "potline-1"/' late.json >both.json
"$cli" scenario run both.json --lang zh >both.out 2>both.err
expect "scenario run: target and period problems together" 'both.json: /changes/0/target: 园区 beidu 中没有产线“potline-9”，也没有含产线的建筑“potline-9”
both.json: /changes/1/at: 变更不在情景时段 2026-01-01 00:00 .. 2026-01-02 00:00 (UTC+08:00) 之内' "$(cat both.err)"

# A change outside a shorter period asked for on the command line (the runner's own refusal).
sed 's/, "colour": 1//; s/2026-03-01/2026-01-01/; s/"duration": "1d"/"duration": "2d"/; s/T08:00:00+08:00", "duration": "8h"/T20:00:00+08:00", "duration": "8h"/' \
  late.json >short.json
"$cli" scenario run short.json --lang zh --duration 6h >short.out 2>short.err
expect "scenario run --lang zh: change outside the period run" \
  'short.json: /changes/0: 变更不在本次运行的时段 2026-01-01 00:00 .. 2026-01-01 06:00 (UTC+08:00) 之内' "$(cat short.err)"

# Beidu without its models, the second potroom moved onto the first (QA: the overlap warning and
# the summary's first line in English under --lang zh).
python3 -c 'import json, sys
def strip(v):
    if isinstance(v, dict): return {k: strip(x) for k, x in v.items() if k != "model"}
    if isinstance(v, list): return [strip(x) for x in v]
    return v
p = strip(json.load(open(sys.argv[1], encoding="utf-8")))
p["buildings"][1]["position"] = p["buildings"][0]["position"]
json.dump(p, open("overlap.park.json", "w", encoding="utf-8"), ensure_ascii=False)' "$src/assets/parks/beidu.json"
"$cli" check overlap.park.json --lang zh >overlap.out 2>overlap.err
expect "check --lang zh: an overlap is a warning" 0 $?
expect "check --lang zh: the overlap" 'overlap.park.json: 警告：/buildings/1 (potroom-2) 与 /buildings/0 (potroom-1) 重叠 44 米' "$(cat overlap.err)"
expect "check --lang zh: the summary's first line" '綦江北渡铝产业园 / Qijiang Beidu Aluminium Industrial Park (beidu)：检查通过' "$(head -1 overlap.out)"
"$cli" check overlap.park.json >overlap-en.out 2>overlap-en.err
expect "check: the overlap" 'overlap.park.json: warning: /buildings/1 (potroom-2) and /buildings/0 (potroom-1) overlap by 44 m' "$(cat overlap-en.err)"
expect "check: the summary's first line" 'Qijiang Beidu Aluminium Industrial Park / 綦江北渡铝产业园 (beidu): ok' "$(head -1 overlap-en.out)"

# park new under --lang zh (QA): the Chinese name first, and a file that cannot be written says
# why, in Chinese.
"$cli" park new --lang zh --out new.park.json >new.out 2>new.err
expect "park new --lang zh: the Chinese name first" '已写入 new.park.json: 未命名园区 / Untitled park (new-park) 位于 29.56, 106.55' "$(cat new.out)"
"$cli" park new --lang zh --out nothere/x.json >nowhere.out 2>nowhere.err
expect "park new --lang zh: exit code when it cannot write" 1 $?
expect "park new --lang zh: why it cannot write" 'nothere/x.json: 无法写入园区文件：所在文件夹不存在' "$(cat nowhere.err)"
"$cli" park new --out nothere/x.json >/dev/null 2>nowhere-en.err
expect "park new: why it cannot write" 'nothere/x.json: cannot write the park file: No such file or directory' "$(cat nowhere-en.err)"

# QA: only 5 of 16 commands took --lang; flows, simulate, import, ingest, connections test,
# park edit and park import-geojson answered "The following arguments were not expected".
# Every command takes it now, and says what twin/ words in Chinese in Chinese.
nopark='没有名为“nosuch”的园区：内置园区有 beidu、jiulong；也可给出园区文件的路径'
for command in "flows --park nosuch" "simulate --park nosuch --csv x.csv" "import x.csv --park nosuch --db x.db" \
               "ingest --park nosuch --mqtt 127.0.0.1:1" "park edit nosuch --out y.park.json"; do
  # shellcheck disable=SC2086 # the command's words
  "$cli" $command --lang zh >/dev/null 2>lang.err
  expect "$command --lang zh: exit code" 2 $?
  expect "$command --lang zh: in Chinese" "$nopark" "$(cat lang.err)"
done
"$cli" connections test nosuch.json --lang zh >/dev/null 2>lang.err
expect "connections test --lang zh" "nosuch.json: 无法打开连接文件：没有这个文件" "$(cat lang.err)"
"$cli" park new --out taken.park.json >/dev/null 2>&1
printf '{"type": "FeatureCollection", "features": []}' >empty.geojson
"$cli" park import-geojson empty.geojson --id taken --out taken.park.json --lang zh >/dev/null 2>lang.err
expect "park import-geojson --lang zh" "taken.park.json 已存在：请用 --out 换一个文件，或加 --force 覆盖它" "$(cat lang.err)"
"$cli" scenario list --lang zh >/dev/null 2>lang.err
expect "scenario list takes --lang too" 0 $?

# Without --lang, a Chinese locale (LC_ALL, else LC_MESSAGES, else LANG) means Chinese.
LANG=zh_CN.UTF-8 "$cli" flows --park nosuch >/dev/null 2>lang.err
expect "LANG=zh_CN: Chinese" "$nopark" "$(cat lang.err)"
LC_MESSAGES=zh_CN.UTF-8 LANG=en_US.UTF-8 "$cli" flows --park nosuch >/dev/null 2>lang.err
expect "LC_MESSAGES=zh_CN over LANG: Chinese" "$nopark" "$(cat lang.err)"
LC_ALL=C LANG=zh_CN.UTF-8 "$cli" flows --park nosuch >/dev/null 2>lang.err
expect "LC_ALL=C over LANG=zh_CN: English" 'no park named "nosuch": bundled parks are beidu, jiulong; or give a park file'"'"'s path' "$(cat lang.err)"
LANG=zh_CN.UTF-8 "$cli" flows --park nosuch --lang en >/dev/null 2>lang.err
expect "--lang en over LANG=zh_CN" 'no park named "nosuch": bundled parks are beidu, jiulong; or give a park file'"'"'s path' "$(cat lang.err)"

finish cli_lang
