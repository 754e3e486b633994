#!/bin/bash
# A window showing live data from a connections file exits cleanly after its --screenshot
# (QA4 Q9: SIGSEGV on exit about one run in five). The sources are real peers: mosquitto holds
# a retained bath temperature of 990 degC, above beidu.json's rule "potline-1-bath-hot" (above
# 975), so one alarm is raised at potline 1 before the picture; pymodbus serves a meter
# (modbus_test_server.py: input register 0 = 400.25). A pin with a single alarm hides its count;
# under Qt 6.4.2 that hidden 2D text crashed the render thread when the window closed
# (qml/scene/AlarmPins.qml). Each of RUNS screenshots must exit 0.
# Usage: live_exit.sh PATH/TO/parktwin WORK_DIR [RUNS, default 4]
set -u
app=$1 work=$2 runs=${3:-4}
here=$(dirname "$0")
dir=$(mktemp -d)
. "$here/../loopback_lib.sh"
meter=
trap 'kill $broker $meter 2>/dev/null; rm -rf "$dir"' EXIT
start_mosquitto "$dir" || exit 1
modbus_port=$(free_port)
/usr/bin/python3 "$here/../unit/feed/modbus_test_server.py" "$modbus_port" >"$dir/modbus.log" 2>&1 &
meter=$!
wait_port "$modbus_port" || exit 1
mosquitto_pub -p "$port" -q 1 -r -t plant/potline-1/telemetry -m '{"bath": 990}' || exit 1
cat > "$dir/plant.json" <<JSON
{"format": "parktwin-connections/1", "park": "beidu", "sources": [
  {"id": "potroom-gateway", "kind": "mqtt", "broker": {"host": "127.0.0.1", "port": $port},
   "subscriptions": [{"topic": "plant/{line}/telemetry", "payload": "json",
                      "values": [{"pointer": "/bath", "tag": "{line}.bath_temp", "unit": "degC"}]}]},
  {"id": "potline-meter", "kind": "modbus", "host": "127.0.0.1", "port": $modbus_port, "poll_interval_ms": 200,
   "points": [{"table": "input_register", "address": 0, "type": "float32", "tag": "potline-1.voltage", "unit": "V"}]}]}
JSON
mkdir -p "$work"
failures=0
for run in $(seq "$runs"); do
  png="$work/live_exit_$run.png"
  rm -f "$png"
  timeout 90 "$app" --park beidu --size 1600x900 --connections "$dir/plant.json" --screenshot "$png" \
    --screenshot-info "$work/live_exit_$run.json" 2>"$dir/run.err"
  status=$?
  # Both sources were heard from before the picture (the window waits for them): the live
  # values are in it, the alarm raised.
  values=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["data_values"])' \
             "$work/live_exit_$run.json" 2>/dev/null)
  echo "run $run: exit status $status, live values in the picture: ${values:-none}"
  if [ "$status" -ne 0 ] || [ ! -s "$png" ] || [ "${values:-0}" -lt 2 ]; then
    cat "$dir/run.err"; failures=$((failures + 1))
  fi
done
[ "$failures" -eq 0 ] || { echo "FAIL: $failures of $runs live screenshots did not exit cleanly"; exit 1; }
