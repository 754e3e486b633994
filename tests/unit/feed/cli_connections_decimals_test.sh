#!/bin/bash
# parktwin-cli connections test prints a value as people compare it with the meter (QA: a
# float32 register's 229.7 V showed as 229.699996948 V): with the decimals the park gives the
# tag, else the shortest text that reads back as the value, as a float32's where it is one.
# The values are sent with mosquitto_pub (retained): 229.6999969482421875 is float32(229.7)
# exactly, 229.699996948 is no float32. Usage: cli_connections_decimals_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
here=$(dirname "$0")
. "$here/../../cli_test_lib.sh"
. "$here/../../loopback_lib.sh"
start_mosquitto "$dir" || exit 1
trap 'kill $broker 2>/dev/null; rm -rf "$dir"' EXIT
mosquitto_pub -p "$port" -q 1 -r -t plant/voltage -m '{"v": 229.6999969482421875}'
mosquitto_pub -p "$port" -q 1 -r -t plant/current -m '{"v": 401.699996948}'

cat > "$dir/conn.json" <<JSON
{"format": "parktwin-connections/1", "park": "beidu", "sources": [
  {"id": "gateway", "kind": "mqtt", "broker": {"host": "127.0.0.1", "port": $port},
   "subscriptions": [{"topic": "plant/voltage", "payload": "json", "values": [{"pointer": "/v", "tag": "potline-1.voltage", "unit": "V"}]},
                     {"topic": "plant/current", "payload": "json", "values": [{"pointer": "/v", "tag": "potline-1.current", "unit": "kA"}]}]}]}
JSON

"$cli" connections check "$dir/conn.json" >"$dir/out" 2>"$dir/err"
expect "check: one source, in the singular" "$dir/conn.json: ok, park beidu, 1 source" "$(head -1 "$dir/out")"

"$cli" connections test "$dir/conn.json" --timeout 10 >"$dir/out" 2>"$dir/err"
expect "without a park: exit code" 0 $?
expect "without a park: a float32 in its shortest form" "potline-1.voltage            229.7 V  (gateway)" "$(grep '^potline-1.voltage' "$dir/out")"
expect "without a park: a double as sent" "potline-1.current            401.699996948 kA  (gateway)" "$(grep '^potline-1.current' "$dir/out")"

# Beidu with decimals 1 for the current (tags/0) and 2 for the voltage (tags/1).
"$cli" park edit beidu --out "$dir/park.json" --set /tags/0/decimals=1 --set /tags/1/decimals=2 >/dev/null 2>"$dir/edit.err" ||
  { echo "park edit failed: $(cat "$dir/edit.err")"; exit 1; }
"$cli" connections test "$dir/conn.json" --park "$dir/park.json" --timeout 10 >"$dir/out" 2>"$dir/err"
expect "with the park: exit code" 0 $?
expect "with the park: the voltage with 2 decimals" "potline-1.voltage            229.70 V  (gateway)" "$(grep '^potline-1.voltage' "$dir/out")"
expect "with the park: the current with 1 decimal" "potline-1.current            401.7 kA  (gateway)" "$(grep '^potline-1.current' "$dir/out")"

finish "connections test decimals"
