#!/bin/bash
# parktwin-cli connections check|test and ingest --connections, against a real mosquitto (a
# retained message sent with mosquitto_pub) and the pymodbus server of modbus_test_server.py,
# both on free loopback ports. Expected values are those the peers were given.
# Usage: cli_connections_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
here=$(dirname "$0")
. "$here/../../cli_test_lib.sh"

. "$here/../../loopback_lib.sh"
mqtt_port=$(free_port)
modbus_port=$(free_port)
printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$mqtt_port" > "$dir/mosquitto.conf"
/usr/sbin/mosquitto -c "$dir/mosquitto.conf" >"$dir/mosquitto.log" 2>&1 &
broker=$!
/usr/bin/python3 "$here/modbus_test_server.py" "$modbus_port" >"$dir/modbus.log" 2>&1 &
modbus=$!
trap 'kill $broker ${modbus:-} 2>/dev/null; rm -rf "$dir"' EXIT
wait_port "$mqtt_port" && wait_port "$modbus_port" || exit 1
mosquitto_pub -p "$mqtt_port" -q 1 -r -t plant/potline-1/current -m '{"v": 401.5}'

cat > "$dir/good.json" <<JSON
{"format": "parktwin-connections/1", "park": "beidu", "sources": [
  {"id": "gateway", "kind": "mqtt", "broker": {"host": "127.0.0.1", "port": $mqtt_port},
   "subscriptions": [{"topic": "plant/{line}/current", "payload": "json",
                      "values": [{"pointer": "/v", "tag": "{line}.current", "unit": "kA"}]}]},
  {"id": "meter", "kind": "modbus", "host": "127.0.0.1", "port": $modbus_port, "poll_interval_ms": 100,
   "timeout_ms": 500, "points": [
     {"table": "holding_register", "address": 10, "type": "float32", "tag": "potline-1.voltage", "unit": "V"},
     {"table": "input_register", "address": 0, "type": "float32", "tag": "potline-2.bath_temp", "scale": 2}]}]}
JSON

"$cli" connections check "$dir/good.json" --park beidu >"$dir/out" 2>"$dir/err"
expect "check of a good file: exit code" 0 $?
expect "check of a good file: summary" "$dir/good.json: ok, park beidu, 2 sources" "$(head -1 "$dir/out")"

sed -e 's/"scale": 2/"scael": 2/' -e 's/"float32", "tag": "potline-1/"float128", "tag": "potline-1/' "$dir/good.json" >"$dir/bad.json"
"$cli" connections check "$dir/bad.json" >"$dir/out" 2>"$dir/err"
expect "check of a bad file: exit code" 1 $?
expect "check of a bad file: every problem with its path" \
  "$dir/bad.json: /sources/1/points/0/type: expected one of int16, uint16, int32, uint32, float32, float64, boolean, got \"float128\"
$dir/bad.json: /sources/1/points/1/scael: unknown key; did you mean \"scale\"?" "$(cat "$dir/err")"

sed -e 's/potline-2.bath_temp/potline-9.bath_temp/' -e 's/"unit": "V"/"unit": "kV"/' "$dir/good.json" >"$dir/park.json"
"$cli" connections check "$dir/park.json" --park beidu >"$dir/out" 2>"$dir/err"
expect "check against the park: exit code" 1 $?
expect "check against the park: tag and unit" \
  "$dir/park.json: /sources/1/points/0/unit: \"kV\" differs from the tag's unit \"V\"
$dir/park.json: /sources/1/points/1/tag: the park has no tag \"potline-9.bath_temp\"" "$(cat "$dir/err")"

# The same checks under --lang zh, in Chinese: the rules only a connections file has (QA: they
# stayed English), the park's tags and units, and the summary.
sed -e 's/"address": 10,/"address": 65535,/' "$dir/good.json" >"$dir/rule.json"
"$cli" connections check --lang zh "$dir/rule.json" >"$dir/out" 2>"$dir/err"
expect "check --lang zh: a connections-only rule"   "$dir/rule.json: /sources/1/points/0/address: 该值超出了寄存器 65535" "$(cat "$dir/err")"
"$cli" connections check --lang zh "$dir/park.json" --park beidu >"$dir/out" 2>"$dir/err"
expect "check --lang zh against the park"   "$dir/park.json: /sources/1/points/0/unit: “kV”与测点的单位“V”不同
$dir/park.json: /sources/1/points/1/tag: 园区没有测点“potline-9.bath_temp”" "$(cat "$dir/err")"
"$cli" connections check --lang zh "$dir/good.json" --park beidu >"$dir/out" 2>"$dir/err"
expect "check --lang zh of a good file: summary" "$dir/good.json: 正常，园区 beidu，2 个数据源" "$(head -1 "$dir/out")"

# test --park checks the file against the park first, as check --park does, and connects to
# nothing when it does not fit (no reading, no source line).
"$cli" connections test "$dir/park.json" --park beidu --timeout 10 >"$dir/out" 2>"$dir/err"
expect "test --park of a file that does not fit: exit code" 1 $?
expect "test --park of a file that does not fit: tag and unit" \
  "$dir/park.json: /sources/1/points/0/unit: \"kV\" differs from the tag's unit \"V\"
$dir/park.json: /sources/1/points/1/tag: the park has no tag \"potline-9.bath_temp\"" "$(cat "$dir/err")"
expect "test --park of a file that does not fit: nothing read" "" "$(cat "$dir/out")"

"$cli" connections test "$dir/good.json" --park beidu --timeout 10 >"$dir/out" 2>"$dir/err"
expect "test: exit code" 0 $?
expect "test: the MQTT value" "potline-1.current            401.5 kA  (gateway)" "$(grep '^potline-1.current' "$dir/out")"
expect "test: the Modbus float32" "potline-1.voltage            230.5 V  (meter)" "$(grep '^potline-1.voltage' "$dir/out")"
expect "test: the Modbus input register, scaled" "potline-2.bath_temp          800.5  (meter)" \
  "$(grep '^potline-2.bath_temp' "$dir/out")"
expect "test: the sources as the test ended, connected" 2 "$(grep -cE '^(gateway \(mqtt\)|meter \(modbus\)): connected, ' "$dir/out")"
# The counter of requests for Modbus, which polls, of messages received for MQTT, which is sent
# its values (QA: an MQTT source said "10 polls" / "10 次轮询").
expect "test: the MQTT source counts messages" 1 "$(grep -cE '^gateway \(mqtt\): connected, [0-9]+ values, [0-9]+ messages, ' "$dir/out")"
expect "test: the Modbus source counts polls" 1 "$(grep -cE '^meter \(modbus\): connected, [0-9]+ values, [0-9]+ polls, ' "$dir/out")"
"$cli" connections test --lang zh "$dir/good.json" --park beidu --timeout 10 >"$dir/out" 2>"$dir/err"
expect "test --lang zh: the MQTT source counts messages" 1 "$(grep -cE '^gateway \(mqtt\): 已连接，[0-9]+ 个值，[0-9]+ 条消息，' "$dir/out")"
expect "test --lang zh: the Modbus source counts polls" 1 "$(grep -cE '^meter \(modbus\): 已连接，[0-9]+ 个值，[0-9]+ 次轮询，' "$dir/out")"

"$cli" ingest --park beidu --connections "$dir/good.json" --db "$dir/live.db" --count 6 >/dev/null 2>"$dir/ingest.err"
expect "ingest --connections: exit code" 0 $?
expect "ingest --connections: the Modbus value stored" "230.5" \
  "$("$cli" export --db "$dir/live.db" --tags potline-1.voltage | tail -1 | cut -d, -f3)"
expect "ingest --connections: the MQTT value stored" "401.5" \
  "$("$cli" export --db "$dir/live.db" --tags potline-1.current | tail -1 | cut -d, -f3)"

# QA: a meter's float32 1850109 W × scale 0.001 was stored as 1850.1090000000002 kW, its float32
# 228.58367919921875 V as it came. Stored to the tags' decimals (beidu gives none: kW 1, V 3,
# docs/park-format.md), as the simulator rounds: 1850.109 -> 1850.1, 228.5836... -> 228.584.
# Also with --all-tags, which keeps tags the park lacks but rounds the park's.
cat > "$dir/meter.json" <<JSON
{"format": "parktwin-connections/1", "park": "beidu", "sources": [
  {"id": "meter", "kind": "modbus", "host": "127.0.0.1", "port": $modbus_port, "poll_interval_ms": 100, "points": [
     {"table": "input_register", "address": 52, "type": "float32", "tag": "potline-1.power", "scale": 0.001},
     {"table": "input_register", "address": 54, "type": "float32", "tag": "potline-1.voltage"}]}]}
JSON
for all in "" --all-tags; do
  rm -f "$dir/meter.db"
  "$cli" ingest --park beidu --connections "$dir/meter.json" --db "$dir/meter.db" --count 4 $all >/dev/null 2>"$dir/ingest.err"
  expect "ingest ${all:-of park tags}: exit code" 0 $?
  expect "ingest ${all:-of park tags}: kW to 0.1 kW" "potline-1.power,1850.1" \
    "$("$cli" export --db "$dir/meter.db" --format csv | grep -o 'potline-1.power,.*' | sort -u)"
  expect "ingest ${all:-of park tags}: V to 1 mV" "potline-1.voltage,228.584" \
    "$("$cli" export --db "$dir/meter.db" --format csv | grep -o 'potline-1.voltage,.*' | sort -u)"
done

# OPC UA (the node-opcua server of opcua_test_server.js, through the gateway and the broker):
# a node the server has is printed with the unit the file gives; one it lacks fails the test,
# named, as a Modbus point that never delivers does.
opcua_port=$(free_port)
NODE_PATH="$here/../../../gateway/opcua/node_modules" node "$here/opcua_test_server.js" "$opcua_port" "$dir/pki" \
  >"$dir/opcua.log" 2>&1 &
opcua=$!
trap 'kill $broker ${modbus:-} ${opcua:-} 2>/dev/null; rm -rf "$dir"' EXIT
wait_port "$opcua_port" || exit 1
cat > "$dir/opcua.json" <<JSON
{"format": "parktwin-connections/1", "park": "beidu", "sources": [
  {"id": "scada", "kind": "opcua", "endpoint": "opc.tcp://127.0.0.1:$opcua_port/UA/ParkTwinTest", "nodes": [
     {"node_id": "ns=1;s=Line1.Count", "tag": "potline-1.count", "unit": "units"},
     {"node_id": "ns=1;s=Line1.Nothing", "tag": "potline-1.nothing"}]}]}
JSON
"$cli" connections test "$dir/opcua.json" --timeout 10 --gateway-mqtt "127.0.0.1:$mqtt_port" >"$dir/out" 2>"$dir/err"
expect "test with an OPC UA node the server lacks: exit code" 1 $?
expect "test with an OPC UA node the server lacks: the node it has, with its unit" 1 \
  "$(grep -cE '^potline-1.count +-?[0-9]+ units  \(scada\)$' "$dir/out")"
expect "test with an OPC UA node the server lacks: names it" 1 \
  "$(grep -c '^connections test: failed: scada: no value for potline-1.nothing within 10.0 s' "$dir/err")"
kill $opcua; wait $opcua 2>/dev/null; opcua=

kill $modbus; wait $modbus 2>/dev/null; modbus=
"$cli" connections test "$dir/good.json" --timeout 1 >"$dir/out" 2>"$dir/err"
expect "test with the Modbus server gone: exit code" 1 $?
expect "test with the Modbus server gone: names the source" 1 \
  "$(grep -c '^connections test: failed: meter: no value for potline-1.voltage, potline-2.bath_temp within 1.00 s (Modbus 127.0.0.1:'"$modbus_port"': connect: Connection refused)$' "$dir/err")"

# A Sparkplug source whose broker is not there (QA: it said "not connected" and nothing more, and
# only in English): it names the broker as the MQTT source does, and under --lang zh the counters,
# the error and the failure are Chinese; the system's reason stays as the system gives it.
kill $broker; wait $broker 2>/dev/null
cat > "$dir/sparkplug.json" <<JSON
{"format": "parktwin-connections/1", "park": "beidu", "sources": [
  {"id": "edge", "kind": "sparkplug", "broker": {"host": "127.0.0.1", "port": $mqtt_port},
   "group_id": "Plant", "edge_node_id": "Edge1", "metrics": [{"metric": "Line1/Current", "tag": "potline-1.current"}]}]}
JSON
"$cli" connections test "$dir/sparkplug.json" --timeout 1 >"$dir/out" 2>"$dir/err"
expect "test with the Sparkplug broker gone: exit code" 1 $?
expect "test with the Sparkplug broker gone: the counters name the broker" \
  "edge (sparkplug): not connected, 0 values, 0 messages, 0 errors, 0 timeouts, 0 reconnects, 0 gaps; last error: cannot reach the broker 127.0.0.1:$mqtt_port: Connection refused" \
  "$(cat "$dir/out")"
expect "test with the Sparkplug broker gone: the failure" \
  "connections test: failed: edge: no value for potline-1.current within 1.00 s (cannot reach the broker 127.0.0.1:$mqtt_port: Connection refused)" \
  "$(cat "$dir/err")"
"$cli" connections test --lang zh "$dir/sparkplug.json" --timeout 1 >"$dir/out" 2>"$dir/err"
expect "test --lang zh with the Sparkplug broker gone: exit code" 1 $?
expect "test --lang zh with the Sparkplug broker gone: the counters in Chinese" \
  "edge (sparkplug): 未连接，0 个值，0 条消息，0 个错误，0 次超时，0 次重连，0 次中断；最后错误：无法连接代理 127.0.0.1:$mqtt_port：Connection refused" \
  "$(cat "$dir/out")"
expect "test --lang zh with the Sparkplug broker gone: the failure in Chinese" \
  "connections test：失败：edge：1.00 秒内没有 potline-1.current 的值（无法连接代理 127.0.0.1:$mqtt_port：Connection refused）" \
  "$(cat "$dir/err")"
finish cli_connections
