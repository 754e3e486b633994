#!/bin/bash
# QA4 Q1: under --lang zh and LANG=zh_CN.UTF-8, `flows`, `simulate`, `ingest` and `info` print
# their summaries in Chinese (they were mostly English), with objects by their Chinese names;
# the numbers are those of the English run, and the English run is as before.
# Oracles: the Chinese words written here by hand; the Chinese names from the park file itself
# (assets/parks/beidu.json, read with python); the numbers from the English run of the same
# command; the tags the simulator cannot drive from tests/unit/scenario/data (their own file).
# Usage: cli_zh_summaries_test.sh PATH/TO/parktwin-cli SOURCE_DIR [nofeed]
# (nofeed: a build without twin/feed, whose ingest cannot record; its part is left out.)
set -u
cli=$1
src=$2
feed=${3:-feed}
here=$(dirname "$0")
. "$here/../../cli_test_lib.sh"
. "$here/../../loopback_lib.sh"
cd "$dir" || exit 1
beidu=$src/assets/parks/beidu.json
# The name the park file gives object $1 in language $2 (buildings, lines, utilities, externals, firms).
name_of() {
  python3 -c 'import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
for key in ("buildings", "lines", "utilities", "externals", "enterprises"):
    for o in p.get(key, []):
        if o["id"] == sys.argv[2]: print(o["name"][sys.argv[3]]); sys.exit(0)
sys.exit(1)' "$beidu" "$1" "$2"
}
# Every number in the text on stdin, one a line (thousands separators dropped), after the names
# the park file gives its objects in either language are taken out (names have digits of their
# own: "1号电解系列", "Potline 1"), and "CO2" as a word.
numbers() {
  python3 -c 'import json, re, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
names = set()
def walk(v):
    if isinstance(v, dict):
        n = v.get("name")
        if isinstance(n, dict): names.update(x for x in (n.get("zh"), n.get("en")) if x)
        for x in v.values(): walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
walk(p)
text = sys.stdin.read()
for name in sorted(names, key=len, reverse=True): text = text.replace(name, " ")
text = text.replace("CO2", "CO")  # a word, not a number
print("\n".join(n.replace(",", "") for n in re.findall(r"[0-9][0-9,]*(?:\.[0-9]+)?", text)))' "$beidu"
}
# `absent WHAT FILE PHRASE...`: none of the English phrases is in FILE.
absent() {
  local what=$1 file=$2
  shift 2
  for phrase in "$@"; do expect "$what: no \"$phrase\"" 0 "$(grep -cF -- "$phrase" "$file")"; done
}

# ---- flows: both ways of asking for Chinese.
"$cli" flows --park beidu --fail casthouse >flows-en.out 2>flows-en.err
expect "flows in English: exit code" 0 $?
"$cli" flows --park beidu --fail casthouse --lang zh >flows-zh.out 2>flows-zh.err
expect "flows --lang zh: exit code" 0 $?
LANG=zh_CN.UTF-8 "$cli" flows --park beidu --fail casthouse >flows-lang.out 2>&1
expect "flows under LANG=zh_CN.UTF-8: the same as --lang zh" "$(cat flows-zh.out)" "$(cat flows-lang.out)"
park_zh=$(python3 -c 'import json, sys; p = json.load(open(sys.argv[1], encoding="utf-8")); print(p["name"]["zh"] + " / " + p["name"]["en"])' "$beidu")
expect "flows --lang zh: the title, Chinese name first" "$park_zh (beidu)：流量，按设计产能，全年的平均小时" "$(head -1 flows-zh.out)"
expect "flows --lang zh: the material network" 1 "$(grep -cE '^物料网络：[0-9]+ 个节点，[0-9]+ 条弧$' flows-zh.out)"
expect "flows --lang zh: maximum flow and objective" 1 "$(grep -cE '^  最大流量 [0-9.]+ 吨/时；调度目标 [0-9.]+ 元/时（连接费用和重熔溢价）$' flows-zh.out)"
expect "flows --lang zh: the bottleneck" 1 "$(grep -cE '^  瓶颈（最小割，[0-9.]+ 吨/时）：$' flows-zh.out)"
casthouse=$(name_of casthouse zh)
potline=$(name_of potline-1 zh)
ingot=$(name_of ingot-casting zh)
market=$(name_of market zh)
expect "flows --lang zh: a supply row names the potline in Chinese" 1 \
  "$(grep -cE "^    supply:potline-1 +[0-9.]+ / +[0-9.]+ 吨/时  @ 0 元/吨  供应：$potline\$" flows-zh.out)"
expect "flows --lang zh: a capacity row names the casthouse in Chinese" 1 \
  "$(grep -cE "^    throughput:casthouse +[0-9.]+ / +[0-9.]+ 吨/时  @ 0 元/吨  产能：$casthouse\$" flows-zh.out)"
expect "flows --lang zh: a link row, its ends and its material in Chinese" 1 \
  "$(grep -cF "  连接 m-casthouse-ingot：$casthouse -> $ingot（铝液）" flows-zh.out)"
expect "flows --lang zh: the market's demand" 1 "$(grep -cF "  需求：$market" flows-zh.out)"
expect "flows --lang zh: the failure" 2 "$(grep -cF "  $casthouse (casthouse) 故障：最大流量 " flows-zh.out)"
expect "flows --lang zh: the KPIs' basis" 1 "$(grep -cE '^KPI（设计产能下的一年：平均小时 × 8,760 小时；`scenario run` 仿真一整年），共 8760 小时：$' flows-zh.out)"
expect "flows --lang zh: the firms' table header" 1 "$(grep -cE '^  企业 +物料 吨 +收料电耗 kWh/吨 +二氧化碳 吨 +成本 元 +节约 元 +OEE %$' flows-zh.out)"
qineng=$(name_of qineng zh)
expect "flows --lang zh: a firm by its Chinese name alone" 1 "$(grep -cE "^  $qineng +[0-9,]+ " flows-zh.out)"
expect "flows --lang zh: the ranking's heading" 1 "$(grep -cx '亩均论英雄（亩均效益排名，每年）：' flows-zh.out)"
expect "flows --lang zh: a ranking row in 元/亩" 1 \
  "$(grep -cE "^ +[0-9]+\. $qineng +税收 +[0-9,]+ 元/亩，产值 +[0-9,]+ 元/亩（2100 亩）\$" flows-zh.out)"
absent "flows --lang zh" flows-zh.out "flows at design capacity" "Material network" "nodes," "maximum flow" \
  "dispatch objective" "bottleneck (minimum cut" "capacity of " "supply of " "demand of " "link m-" "yuan" \
  "KPIs for a year" "By enterprise" "enterprise " "material t" "Per-mu ranking" "tax " "output " "/mu" \
  "failure of" "islanded" "$(name_of casthouse en)" "(molten_aluminium)"
# The same flows, the same numbers: every number of the English report, in order, is in the
# Chinese one, and no other.
expect "flows --lang zh: the English run's numbers" "$(numbers <flows-en.out)" "$(numbers <flows-zh.out)"
"$cli" flows --park beidu --fail nosuch --lang zh >/dev/null 2>fail.err
expect "flows --lang zh: a --fail of nothing, said in Chinese" "--fail：两个网络中都没有节点或连接“nosuch”" "$(cat fail.err)"
"$cli" flows --park beidu --json --lang zh >flows-zh.json
"$cli" flows --park beidu --json >flows-en.json
expect "flows --json: the same under --lang zh" "$(cat flows-en.json)" "$(cat flows-zh.json)"

# ---- simulate: a park with two tags the simulator has no quantity for.
meters=$src/tests/unit/scenario/data/electronics_meters_park.json
"$cli" simulate --park "$meters" --duration 1h --csv m.csv --lang zh >sim-refused.out 2>sim-refused.err
expect "simulate --lang zh, tags it cannot drive: exit code" 2 $?
fab=$(python3 -c 'import json, sys; p = json.load(open(sys.argv[1], encoding="utf-8")); print([b for b in p["buildings"] if b["id"] == "led-fab"][0]["name"]["zh"])' "$meters")
expect "simulate --lang zh: the refusal in Chinese" "cq-electronics-meters：无法仿真这些测点：
  测点 led-fab.temp（对象 $fab led-fab，单位 degC）：仿真器没有这个对象的这种量" "$(head -2 sim-refused.err)"
expect "simulate --lang zh: the hint" "simulate：加 --skip-unknown-tags 可仿真其余测点" "$(tail -1 sim-refused.err)"
absent "simulate --lang zh refusal" sim-refused.err "cannot simulate" "no such quantity" "simulates the other tags"
"$cli" simulate --park beidu --duration 1h --db sim-en.db >sim-en.out 2>sim-en.err
LANG=zh_CN.UTF-8 "$cli" simulate --park beidu --duration 1h --db sim-zh.db >sim-zh.out 2>sim-zh.err
expect "simulate under LANG=zh_CN.UTF-8: exit code" 0 $?
summary_en=$(grep '^simulated ' sim-en.err)
summary_zh=$(grep '^已仿真 ' sim-zh.err)
expect "simulate under LANG=zh_CN: the summary's words" 1 \
  "$(grep -cE '^已仿真 [0-9TZ:.-]+ \.\. [0-9TZ:.-]+：60 步，[0-9]+ 个样本，[0-9]+ 个事件，用时 [0-9.]+ 秒（实时的 [0-9]+ 倍）$' sim-zh.err)"
# The same run (one seed): the same times, steps, samples and events; not the wall time.
expect "simulate under LANG=zh_CN: the English run's counts" "$(echo "$summary_en" | sed 's/ in [0-9.]* s.*//' | numbers)" \
  "$(echo "$summary_zh" | sed 's/，用时.*//' | numbers)"
absent "simulate under LANG=zh_CN" sim-zh.err "simulated" "steps" "samples" "events" "real time"

# ---- info, on what simulate wrote.
"$cli" info --db sim-en.db >info-en.out
"$cli" info --db sim-en.db --lang zh >info-zh.out
expect "info --lang zh: exit code" 0 $?
expect "info --lang zh: the header" 1 "$(grep -cE '^测点 +单位 +类型 +首个样本 +最后样本 +样本数 +块数 +字节/样本$' info-zh.out)"
expect "info --lang zh: the totals" 1 \
  "$(grep -cE '^[0-9]+ 个测点，[0-9]+ 个样本，块数据 [0-9]+ 字节，磁盘上 [0-9]+ 字节（含 -wal/-shm），磁盘上每个样本 [0-9.]+ 字节$' info-zh.out)"
expect "info --lang zh: the rows as in English" "$(sed -n '2,/^$/p' info-en.out)" "$(sed -n '2,/^$/p' info-zh.out)"
expect "info --lang zh: the English run's numbers" "$(numbers <info-en.out)" "$(numbers <info-zh.out)"
LANG=zh_CN.UTF-8 "$cli" info --db sim-en.db >info-lang.out
expect "info under LANG=zh_CN.UTF-8: the same as --lang zh" "$(cat info-zh.out)" "$(cat info-lang.out)"
absent "info --lang zh" info-zh.out "tag " "unit     kind" "first" "samples" "bytes/smp" " tags," "bytes of block payload" "on disk"

[ "$feed" = nofeed ] && finish cli_zh_summaries
# ---- ingest: a connections file's MQTT source (a retained value on a mosquitto of its own).
start_mosquitto "$dir" || exit 1
trap 'kill $broker 2>/dev/null; rm -rf "$dir"' EXIT
mosquitto_pub -p "$port" -q 1 -r -t plant/potline-1/current -m '{"v": 401.5}'
cat >conn.json <<JSON
{"format": "parktwin-connections/1", "park": "beidu", "sources": [
  {"id": "gateway", "kind": "mqtt", "broker": {"host": "127.0.0.1", "port": $port},
   "subscriptions": [{"topic": "plant/{line}/current", "payload": "json",
                      "values": [{"pointer": "/v", "tag": "{line}.current", "unit": "kA"}]}]}]}
JSON
"$cli" ingest --park beidu --connections conn.json --db live-en.db --count 1 >/dev/null 2>ingest-en.err
expect "ingest in English: exit code" 0 $?
LANG=zh_CN.UTF-8 "$cli" ingest --park beidu --connections conn.json --db live-zh.db --count 1 >/dev/null 2>ingest-zh.err
expect "ingest under LANG=zh_CN.UTF-8: exit code" 0 $?
expect "ingest under LANG=zh_CN: connected, in Chinese" 1 "$(grep -cx 'gateway：已连接' ingest-zh.err)"
expect "ingest under LANG=zh_CN: the source's counters" 1 "$(grep -cE '^gateway：(已连接|未连接)，1 个值，' ingest-zh.err)"
expect "ingest under LANG=zh_CN: the last line" "live-zh.db：已存下 1 个样本" "$(tail -1 ingest-zh.err)"
expect "ingest in English: the last line, as before" "live-en.db: 1 sample stored" "$(tail -1 ingest-en.err)"
expect "ingest in English: connected, as before" 1 "$(grep -cx 'gateway: connected' ingest-en.err)"
absent "ingest under LANG=zh_CN" ingest-zh.err ": connected" "disconnected" "stored" "sample" "values," "reconnects"
# The park's own feed (--mqtt): the subscription and the counters.
mosquitto_pub -p "$port" -q 1 -r -t parktwin/beidu/potline-1.current -m '{"v": 402.5}'
"$cli" ingest --park beidu --mqtt "127.0.0.1:$port" --db own-zh.db --count 1 --lang zh >/dev/null 2>own-zh.err
expect "ingest --mqtt --lang zh: exit code" 0 $?
expect "ingest --mqtt --lang zh: subscribed" 1 "$(grep -cE "^已订阅 127\.0\.0\.1:$port 上的 parktwin/beidu/#，客户端 id 为 .*（QoS 1，存下后才确认）\$" own-zh.err)"
expect "ingest --mqtt --lang zh: the counters" 1 \
  "$(grep -cE '^收到 1，接受 1，格式错误 0，未知测点 0，超出测点上限 0，重复 0，乱序 0，重连 0 次，中断 0 次$' own-zh.err)"
expect "ingest --mqtt --lang zh: the last line" "own-zh.db：已存下 1 个样本" "$(tail -1 own-zh.err)"
absent "ingest --mqtt --lang zh" own-zh.err "subscribed to" "received" "accepted" "stored"
expect "both recordings hold the value published" "401.5 402.5" \
  "$("$cli" export --db live-zh.db --tags potline-1.current | tail -1 | cut -d, -f3) $("$cli" export --db own-zh.db --tags potline-1.current | tail -1 | cut -d, -f3)"
# A broker that goes and comes back while ingest --mqtt records: the lost connection and the
# reconnect in Chinese (QA: "connection lost (...), reconnecting", "MQTT reconnected after ...").
# `seen FILE PATTERN`: polls FILE for PATTERN (a deadline of 30 s, not a sleep standing in for it).
seen() {
  for _ in $(seq 1500); do grep -q -- "$2" "$1" 2>/dev/null && return 0; sleep 0.02; done
  echo "never seen in $1: $2"; cat "$1"; return 1
}
"$cli" ingest --park beidu --mqtt "127.0.0.1:$port" --db gap.db --duration 120s --lang zh >/dev/null 2>gap.err &
ingest=$!
trap 'kill $broker $ingest 2>/dev/null; rm -rf "$dir"' EXIT
seen gap.err '^已订阅 ' || exit 1
kill "$broker"
wait "$broker" 2>/dev/null
seen gap.err '^parktwin feed: MQTT 127\.0\.0\.1:'"$port"'：连接中断' || exit 1
/usr/sbin/mosquitto -c "$dir/mosquitto.conf" >>"$dir/mosquitto.log" 2>&1 &
broker=$!
seen gap.err '^parktwin feed: MQTT 中断 [0-9]* 毫秒后已重连：代理会重发未确认的消息$' || exit 1
kill -INT "$ingest"
wait "$ingest"
expect "ingest --mqtt --lang zh through a broker restart: exit code" 0 $?
expect "ingest --mqtt --lang zh: the lost connection, in Chinese" 1 "$(grep -cE '：连接中断.*，正在重连$' gap.err)"
expect "ingest --mqtt --lang zh: the counters count the reconnect" 1 "$(grep -cE '，重连 1 次，中断 1 次$' gap.err)"
absent "ingest --mqtt --lang zh through a broker restart" gap.err "connection lost" "reconnecting" "reconnected after" \
  "resent by the broker"
# The same through a connections file's MQTT source (QA's line-gateway: QoS 1 and a client id of
# its own, so acknowledged after the commit): its connection lines were English under zh.
cat >durable.json <<JSON
{"format": "parktwin-connections/1", "park": "beidu", "sources": [
  {"id": "line-gateway", "kind": "mqtt", "broker": {"host": "127.0.0.1", "port": $port, "client_id": "zh-gateway"},
   "subscriptions": [{"topic": "plant/{line}/current", "payload": "json", "qos": 1,
                      "values": [{"pointer": "/v", "tag": "{line}.current", "unit": "kA"}]}]}]}
JSON
# `restart_broker LOG LOST BACK CONNECTED`: stops the broker once LOG has CONNECTED (the source's
# announcement), waits for LOST in LOG, starts the broker again and waits for BACK.
restart_broker() {
  seen "$1" "$4" || return 1
  kill "$broker"
  wait "$broker" 2>/dev/null
  seen "$1" "$2" || return 1
  /usr/sbin/mosquitto -c "$dir/mosquitto.conf" >>"$dir/mosquitto.log" 2>&1 &
  broker=$!
  seen "$1" "$3"
}
where_zh='^parktwin feed: MQTT 127\.0\.0\.1:'"$port"'：连接中断.*，正在重连$'
back_zh='^parktwin feed: MQTT 中断 [0-9]* 毫秒后已重连：代理会重发未确认的消息$'
"$cli" ingest --park beidu --connections durable.json --db durable-zh.db --duration 120s --lang zh >/dev/null 2>durable-zh.err &
ingest=$!
restart_broker durable-zh.err "$where_zh" "$back_zh" '^line-gateway：已连接$' || exit 1
kill -INT "$ingest"
wait "$ingest"
expect "ingest --connections --lang zh through a broker restart: exit code" 0 $?
expect "ingest --connections --lang zh: the lost connection, in Chinese" 1 "$(grep -cE "$where_zh" durable-zh.err)"
expect "ingest --connections --lang zh: the reconnect, in Chinese" 1 "$(grep -cE "$back_zh" durable-zh.err)"
expect "ingest --connections --lang zh: the counters count the reconnect" 1 \
  "$(grep -cE '^line-gateway：(已连接|未连接)，.*，1 次重连，1 次中断；' durable-zh.err)"
absent "ingest --connections --lang zh through a broker restart" durable-zh.err "connection lost" "reconnecting" "cannot reach" \
  "reconnected after" "resent by the broker"
# English as before: the --mqtt path's English lines, no Chinese.
"$cli" ingest --park beidu --connections durable.json --db durable-en.db --duration 120s >/dev/null 2>durable-en.err &
ingest=$!
restart_broker durable-en.err '^parktwin feed: MQTT 127\.0\.0\.1:'"$port"': connection lost.*, reconnecting$' \
  '^parktwin feed: MQTT reconnected after [0-9]* ms: unacknowledged messages are resent by the broker$' \
  '^line-gateway: connected$' || exit 1
kill -INT "$ingest"
wait "$ingest"
expect "ingest --connections in English through a broker restart: exit code" 0 $?
expect "ingest --connections in English: no Chinese" 0 \
  "$(python3 -c 'import sys; print(sum(1 for line in open(sys.argv[1], encoding="utf-8") if any(ord(c) > 0x2e7f for c in line)))' durable-en.err)"
# A broker that refuses us (no anonymous clients): the refusal, said by the MQTT source's
# subscriber and by the Sparkplug B source's own client, in Chinese (it was "MQTT …: broker
# refused the connection: …" and "Sparkplug source edge (MQTT …): broker refused …").
refusing_port=$(free_port)
printf 'listener %s 127.0.0.1\nallow_anonymous false\n' "$refusing_port" >refusing.conf
/usr/sbin/mosquitto -c refusing.conf >refusing.log 2>&1 &
refusing=$!
trap 'kill $broker $refusing $ingest 2>/dev/null; rm -rf "$dir"' EXIT
wait_port "$refusing_port" || exit 1
cat >refusing.json <<JSON
{"format": "parktwin-connections/1", "park": "beidu", "sources": [
  {"id": "line-gateway", "kind": "mqtt", "broker": {"host": "127.0.0.1", "port": $refusing_port, "client_id": "zh-refused"},
   "subscriptions": [{"topic": "plant/{line}/current", "payload": "json", "qos": 1,
                      "values": [{"pointer": "/v", "tag": "{line}.current", "unit": "kA"}]}]},
  {"id": "edge", "kind": "sparkplug", "broker": {"host": "127.0.0.1", "port": $refusing_port},
   "group_id": "Plant", "edge_node_id": "Edge1", "metrics": [{"metric": "Line1/Temperature", "tag": "potline-1.bath_temp"}]}]}
JSON
mqtt_refused='^parktwin feed: MQTT 127\.0\.0\.1:'"$refusing_port"'：代理拒绝了连接：'
sparkplug_refused='^parktwin feed: Sparkplug 数据源 edge（MQTT 127\.0\.0\.1:'"$refusing_port"'）：代理拒绝了连接：'
"$cli" ingest --park beidu --connections refusing.json --db refused-zh.db --duration 120s --lang zh >/dev/null 2>refused-zh.err &
ingest=$!
seen refused-zh.err "$mqtt_refused" && seen refused-zh.err "$sparkplug_refused" || { kill "$ingest"; exit 1; }
kill -INT "$ingest"
wait "$ingest"
absent "ingest --connections --lang zh, a broker that refuses" refused-zh.err "refused the connection" "Sparkplug source" \
  "cannot connect"
"$cli" ingest --park beidu --connections refusing.json --db refused-en.db --duration 120s >/dev/null 2>refused-en.err &
ingest=$!
seen refused-en.err '^parktwin feed: MQTT 127\.0\.0\.1:'"$refusing_port"': broker refused the connection: ' &&
  seen refused-en.err '^parktwin feed: Sparkplug source edge (MQTT 127\.0\.0\.1:'"$refusing_port"'): broker refused the connection: ' ||
  { kill "$ingest"; exit 1; }
kill -INT "$ingest"
wait "$ingest"

finish cli_zh_summaries
