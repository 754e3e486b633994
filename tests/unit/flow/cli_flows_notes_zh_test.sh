#!/bin/sh
# parktwin-cli flows words its notes and warnings in the reader's language: the state's notes
# under --db --at (a battery charging, a PV no tag measures), the network builder's notes (a
# hydro plant without a yearly figure, a roof's PV with no pv utility, link prices that do not
# count), the solver's warnings (a load short of power, a consumer no link reaches), a network
# that cannot be built (no load) and a park neither network can be built for (no links; no
# supplier and no load). Under --lang zh each is Chinese, with the objects by the
# Chinese names this park file gives them and their ids; under --lang en each is the English
# the CLI has always printed, byte for byte.
# Usage: cli_flows_notes_zh_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
. "$(dirname "$0")/../../cli_test_lib.sh"

cat > "$dir/notes.park.json" <<'JSON'
{
  "format": "parktwin-park/1",
  "id": "notes",
  "name": {"zh": "说明园区", "en": "Notes park"},
  "latitude_deg": 29.5, "longitude_deg": 106.5, "land_area_mu": 100, "time_zone": "Asia/Shanghai",
  "grid_emission_t_per_mwh": 0.57,
  "zones": [{"id": "z1", "name": {"zh": "工业区", "en": "Industrial zone"}, "kind": "industrial",
             "outline": [{"x_m": 0, "y_m": 0}, {"x_m": 200, "y_m": 0}, {"x_m": 200, "y_m": 100}, {"x_m": 0, "y_m": 100}]}],
  "buildings": [
    {"id": "hall", "name": {"zh": "压铸车间", "en": "Die-casting hall"}, "kind": "plant",
     "enterprise": "acme", "position": {"x_m": 50, "y_m": 50},
     "width_m": 60, "depth_m": 30, "height_m": 12},
    {"id": "annex", "name": {"zh": "附楼", "en": "Annex"}, "kind": "office",
     "position": {"x_m": 150, "y_m": 50}, "width_m": 20, "depth_m": 20, "height_m": 8, "roof_pv_kwp": 300}
  ],
  "enterprises": [{"id": "acme", "name": {"zh": "艾克米", "en": "Acme"}, "land_area_mu": 30,
                   "output_yuan_per_year": 3e8, "tax_yuan_per_year": 1e7}],
  "lines": [{"id": "cast", "name": {"zh": "压铸线", "en": "Die-casting line"}, "kind": "die_casting",
             "building": "hall", "product": "parts", "capacity_t_per_year": 5000, "power_kw": 400}],
  "utilities": [{"id": "grid", "name": {"zh": "电网", "en": "Grid"}, "kind": "grid_tie",
                 "position": {"x_m": -20, "y_m": 0}, "power_kw": 10000},
                {"id": "sub", "name": {"zh": "变电站", "en": "Substation"}, "kind": "substation",
                 "position": {"x_m": 10, "y_m": 0}, "power_kw": 5000},
                {"id": "roof-pv", "name": {"zh": "屋顶光伏", "en": "Rooftop PV"}, "kind": "pv",
                 "building": "hall", "position": {"x_m": 50, "y_m": 50}, "power_kw": 500},
                {"id": "store", "name": {"zh": "储能电站", "en": "Battery store"}, "kind": "battery",
                 "position": {"x_m": 20, "y_m": 20}, "power_kw": 500, "energy_kwh": 1000},
                {"id": "creek", "name": {"zh": "小溪水电站", "en": "Creek hydro"}, "kind": "reservoir_hydro",
                 "position": {"x_m": 20, "y_m": 80}, "power_kw": 50},
                {"id": "ev", "name": {"zh": "充电站", "en": "EV chargers"}, "kind": "charger",
                 "position": {"x_m": 180, "y_m": 90}, "power_kw": 100}],
  "externals": [
    {"id": "ingots", "name": {"zh": "铝锭供应商", "en": "Ingot supplier"}, "kind": "supplier",
     "position": {"x_m": -100, "y_m": 50}},
    {"id": "market", "name": {"zh": "市场", "en": "Market"}, "kind": "market",
     "position": {"x_m": 300, "y_m": 50}}
  ],
  "tags": [{"id": "cast.power", "name": {"zh": "压铸线功率", "en": "Casting power"},
            "unit": "kW", "kind": "analog", "object": "cast"},
           {"id": "store.power", "name": {"zh": "储能功率", "en": "Store power"},
            "unit": "kW", "kind": "analog", "object": "store"}],
  "material_links": [
    {"id": "m-in", "from": "ingots", "to": "cast", "product": "ingot", "capacity_t_per_hour": 1},
    {"id": "m-out", "from": "cast", "to": "market", "product": "parts", "capacity_t_per_hour": 1}
  ],
  "energy_links": [{"id": "e1", "from": "grid", "to": "sub", "carrier": "electricity",
                    "capacity_kw": 5000, "cost_yuan_per_kwh": 0.62, "emission_t_per_mwh": 0.57},
                   {"id": "e2", "from": "sub", "to": "hall", "carrier": "electricity",
                    "capacity_kw": 200, "cost_yuan_per_kwh": 0.62},
                   {"id": "e-bat", "from": "sub", "to": "store", "carrier": "electricity", "capacity_kw": 500},
                   {"id": "e-creek", "from": "creek", "to": "hall", "carrier": "electricity", "capacity_kw": 50},
                   {"id": "e-pv", "from": "roof-pv", "to": "hall", "carrier": "electricity", "capacity_kw": 500}]
}
JSON
# 05:09 Chongqing time: the PV no tag measures gives nothing; the battery charges at 120 kW.
printf 'ts,tag,value\n2026-12-07T21:00:00Z,cast.power,250\n2026-12-07T21:00:00Z,store.power,-120\n' > "$dir/notes.csv"
"$cli" import "$dir/notes.csv" --db "$dir/notes.db" >/dev/null 2>&1
expect "import" 0 $?
# The same park whose only energy link feeds the annex, which holds no line: no load; that and
# no link from the supplier: neither network; no links at all.
python3 -c 'import json,sys
p=json.load(open(sys.argv[1])); p["energy_links"]=[l for l in p["energy_links"] if l["id"]=="e-creek"]
p["energy_links"][0]["to"]="annex"; json.dump(p,open(sys.argv[2],"w"),ensure_ascii=False)
p["material_links"]=p["material_links"][1:]; json.dump(p,open(sys.argv[3],"w"),ensure_ascii=False)
p["material_links"]=[]; p["energy_links"]=[]; json.dump(p,open(sys.argv[4],"w"),ensure_ascii=False)' \
  "$dir/notes.park.json" "$dir/noload.park.json" "$dir/nosupplier.park.json" "$dir/nolinks.park.json"

at="--db $dir/notes.db --at 2026-12-07T21:09:20Z"
for lang in en zh; do
  "$cli" flows --park "$dir/notes.park.json" $at --lang $lang >"$dir/at-$lang.out" 2>"$dir/at-$lang.err"
  expect "flows --at --lang $lang: exit code" 0 $?
  "$cli" flows --park "$dir/notes.park.json" --lang $lang >/dev/null 2>"$dir/design-$lang.err"
  expect "flows (design) --lang $lang: exit code" 0 $?
  "$cli" flows --park "$dir/noload.park.json" --lang $lang >/dev/null 2>"$dir/noload-$lang.err"
  expect "flows (no load) --lang $lang: exit code" 0 $?
  "$cli" flows --park "$dir/nosupplier.park.json" --lang $lang >/dev/null 2>"$dir/nosupplier-$lang.err"
  expect "flows (no supplier, no load) --lang $lang: exit code" 1 $?
  "$cli" flows --park "$dir/nolinks.park.json" --lang $lang >/dev/null 2>"$dir/nolinks-$lang.err"
  expect "flows (no links) --lang $lang: exit code" 1 $?
done
has() { grep -cF -- "$2" "$1"; }

# English: the words scripts and users have read so far, unchanged.
expect "en: charging" 1 "$(has "$dir/at-en.out" '  note: store is charging at 120 kW')"
expect "en: untagged PV" 1 "$(has "$dir/at-en.out" '  note: roof-pv: no measured power, so what the sun gives at that time under an average sky (0 kW)')"
expect "en: unsupplied" 1 "$(has "$dir/design-en.err" 'warning: energy network: unsupplied nodes:')"
expect "en: short of power" 1 "$(has "$dir/design-en.err" '  hall (Die-casting hall): needs 400.000 kW, gets ')"
expect "en: unlinked" 1 "$(has "$dir/design-en.err" '  ev: no link reaches it; add one to "energy_links" with "to": "ev" (or its building)')"
expect "en: hydro" 1 "$(has "$dir/design-en.err" 'warning: energy network: creek: no annual_energy_kwh, so its rated 50 kW is taken as its yearly average; add "annual_energy_kwh" to /utilities/4 (creek)')"
expect "en: prices" 1 "$(has "$dir/design-en.err" 'warning: energy network: energy links e2: their cost_yuan_per_kwh / emission_t_per_mwh are not counted: ')"
expect "en: roof" 1 "$(has "$dir/design-en.err" 'warning: energy network: annex: its rooftop PV (roof_pv_kwp 300 kWp) is drawn only; for its energy add a utility of kind "pv" with "building": "annex" and its power_kw, linked in "energy_links" (/buildings/1)')"
expect "en: no load" 1 "$(has "$dir/noload-en.err" 'warning: notes: energy network: no load: add an energy link ("energy_links") from the grid or substation to a line, to the building it is in, or to a charger; and no energy link reaches /lines/0 (cast) in building "hall", which draws power: link it or its building')"
expect "en: no supplier" 1 "$(has "$dir/nosupplier-en.err" 'notes: material network: no origin: add an external of kind "supplier" to "externals" and a material link from it into line /lines/0 (cast); or a line making molten_aluminium, ingot or recycled_aluminium that no link feeds')"
expect "en: no supplier, no load: two lines" 2 "$(wc -l <"$dir/nosupplier-en.err")"
expect "en: no links" 'notes: material network: the park has no material links; add "material_links" (top level): one into each line from a supplier external or another line, one out of it to a market external (docs/park-format.md, material_links)
notes: energy network: the park has no energy links; add "energy_links" (top level) from a grid_tie utility (or a grid external) to each line or to its building' "$(cat "$dir/nolinks-en.err")"

# Chinese: the objects by the names above (储能电站, 屋顶光伏, ...), the figures by the park file
# and the CSV (120 kW charging, 400 kW design, 50 kW hydro, 300 kWp roof).
expect "zh: charging" 1 "$(has "$dir/at-zh.out" '  说明：储能电站（store）正在充电，功率 120 kW')"
expect "zh: untagged PV" 1 "$(has "$dir/at-zh.out" '  说明：屋顶光伏（roof-pv）：没有实测功率，按该时刻平均天气下的日照发电计（0 kW）')"
expect "zh: unsupplied" 1 "$(has "$dir/design-zh.err" '警告：能源网络：供应不足的节点：')"
expect "zh: short of power" 1 "$(has "$dir/design-zh.err" '  压铸车间（hall）：需要 400.000 kW，得到 ')"
expect "zh: unlinked" 1 "$(has "$dir/design-zh.err" '  充电站（ev）：没有连接到达它；请在 "energy_links" 中加一条 "to": "ev" 的连接')"
expect "zh: hydro" 1 "$(has "$dir/design-zh.err" '警告：能源网络：小溪水电站（creek）：没有 annual_energy_kwh，按额定功率 50 kW 作为全年平均')"
expect "zh: prices" 1 "$(has "$dir/design-zh.err" '警告：能源网络：能源连接 e2：其 cost_yuan_per_kwh / emission_t_per_mwh 不计入')"
expect "zh: roof" 1 "$(has "$dir/design-zh.err" '警告：能源网络：附楼（annex）：屋顶光伏（roof_pv_kwp 300 kWp）只画出，不计发电')"
expect "zh: no load" 1 "$(has "$dir/noload-zh.err" '警告：说明园区：能源网络：没有用电负荷：')"
expect "zh: no load names the line" 1 "$(has "$dir/noload-zh.err" '另外没有能源连接到达 /lines/0 (cast)（在建筑 "hall" 中）')"
expect "zh: no supplier" 1 "$(has "$dir/nosupplier-zh.err" '说明园区：物料网络：没有物料来源：请在 "externals" 中加一个 kind 为 "supplier" 的外部对象，并加一条从它进入产线 /lines/0 (cast) 的物料连接')"
expect "zh: no supplier, then no load" 1 "$(has "$dir/nosupplier-zh.err" '说明园区：能源网络：没有用电负荷：')"
expect "zh: no links" 1 "$(has "$dir/nolinks-zh.err" '说明园区：物料网络：园区没有物料连接；请在顶层加上 "material_links"')"
expect "zh: no energy links" 1 "$(has "$dir/nolinks-zh.err" '说明园区：能源网络：园区没有能源连接；请在顶层加上 "energy_links"')"

# No English sentence left under zh: after dropping quoted keys, JSON paths, ids, file keys and
# units, no English word remains in any note or warning.
english=$(python3 - "$dir/at-zh.out" "$dir/design-zh.err" "$dir/noload-zh.err" "$dir/nosupplier-zh.err" "$dir/nolinks-zh.err" <<'PY'
import re, sys
words = re.compile(r"\b(the|a|an|is|at|so|of|and|or|to|add|its|it|no|network|warning|note|nodes|needs|gets|reaches|"
                   r"charging|measured|power|sun|sky|drawn|only|counted|raise|from|with|which|load|links|link|line|"
                   r"taken|yearly|average|rated|unsupplied|building|energy|material)\b", re.I)
bad = []
for path in sys.argv[1:]:
    notes = False
    for line in open(path, encoding="utf-8"):
        if line.startswith(("警告：", "  说明：", "说明园区：")): notes = True
        elif not line.startswith("    ") and line.startswith("  ") and notes: pass  # a warning's next line
        else: notes = False
        if not notes: continue
        text = re.sub(r'"[^"]*"', "", line)  # "energy_links", "to": "ev"
        text = re.sub(r"/[a-z_]+/\d+( \([^)]*\))?", "", text)  # JSON paths
        text = re.sub(r"docs/[a-z-]+\.md", "", text)
        text = re.sub(r"\b[a-z0-9]+(?:[_-][a-z0-9]+)+\b", "", text)  # keys and ids with _ or -
        if words.search(text): bad.append(line.rstrip())
print("\n".join(bad))
PY
)
expect "zh: no English words in the notes and warnings" "" "$english"
finish cli_flows_notes_zh
