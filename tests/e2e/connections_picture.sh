#!/bin/bash
# The Data dialog's Connections part with a running source, pictured by the real app (en and
# zh): a real mosquitto on a free loopback port holds a retained message (mosquitto_pub), the
# window starts the connections file's MQTT source (--connections) and opens the dialog
# scrolled to that part (--show-menu data:connections: at 1280x720 the dialog scrolls).
# check_connections_picture.py then looks at the PNG apart from the app.
# Usage: connections_picture.sh PATH/TO/parktwin WORK_DIR
set -u
app=$1 work=$2
here=$(dirname "$0")
dir=$(mktemp -d)
. "$here/../loopback_lib.sh"
port=$(free_port)
printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port" > "$dir/mosquitto.conf"
/usr/sbin/mosquitto -c "$dir/mosquitto.conf" >"$dir/mosquitto.log" 2>&1 &
broker=$!
trap 'kill $broker 2>/dev/null; rm -rf "$dir"' EXIT
wait_port "$port" || exit 1
mosquitto_pub -p "$port" -q 1 -r -t plant/potline-1/amps -m '{"a": {"amps": 4015}}' || exit 1
cat > "$dir/plant.json" <<JSON
{"format": "parktwin-connections/1", "park": "beidu", "sources": [
  {"id": "potroom-gateway", "kind": "mqtt", "broker": {"host": "127.0.0.1", "port": $port},
   "subscriptions": [{"topic": "plant/{line}/amps", "payload": "json",
                      "values": [{"pointer": "/a/amps", "tag": "{line}.current", "scale": 0.1}]}]}]}
JSON
status=0
# 1280x720 is where the dialog must scroll; 1600x900 where it almost fits.
for size in 1280x720 1600x900; do
  for lang in en zh; do
    png="$work/connections_dialog_${lang}_$size.png"
    if ! timeout 90 "$app" --park beidu --lang $lang --size $size --connections "$dir/plant.json" \
         --show-menu data:connections --screenshot "$png"; then
      echo "FAIL: parktwin --connections --screenshot ($lang, $size)"; status=1; continue
    fi
    /usr/bin/python3 "$here/check_connections_picture.py" "$png" "$size" || status=1
  done
done
# A meter that never answers (a closed loopback port): the picture is still taken, after the
# window's wait for first values, not waited for until the timeout; the dialog names the
# source's error and the status line says why it is retrying.
dead_port=$(free_port)
cat > "$dir/dead.json" <<JSON
{"format": "parktwin-connections/1", "park": "beidu", "sources": [
  {"id": "meter-1", "kind": "modbus", "host": "127.0.0.1", "port": $dead_port, "poll_interval_ms": 200, "timeout_ms": 300,
   "points": [{"table": "input_register", "address": 0, "type": "float32", "tag": "potline-1.voltage"}]}]}
JSON
if ! timeout 60 "$app" --park beidu --size 1600x900 --connections "$dir/dead.json" --show-menu data:connections \
     --screenshot "$work/connections_dead_meter.png" 2>"$dir/dead.err"; then
  echo "FAIL: parktwin --screenshot with a meter that never answers did not finish"; cat "$dir/dead.err"; status=1
fi
test -s "$work/connections_dead_meter.png" || { echo "FAIL: no picture with a dead meter"; status=1; }
# A source connected to its broker but quiet (a topic nothing was published on, nothing
# retained): it is never heard from, yet the picture is taken after the window's wait for first
# values (10 s; QA4 Q9: the picture waited 65 s, and for ever on such a topic), with no values.
cat > "$dir/quiet.json" <<JSON
{"format": "parktwin-connections/1", "park": "beidu", "sources": [
  {"id": "quiet-gateway", "kind": "mqtt", "broker": {"host": "127.0.0.1", "port": $port},
   "subscriptions": [{"topic": "nobody/{line}/amps", "payload": "json",
                      "values": [{"pointer": "/a/amps", "tag": "{line}.current"}]}]}]}
JSON
if ! timeout 60 "$app" --park beidu --size 1600x900 --connections "$dir/quiet.json" \
     --screenshot "$work/connections_quiet.png" --screenshot-info "$work/connections_quiet.json" 2>"$dir/quiet.err"; then
  echo "FAIL: parktwin --screenshot with a quiet source did not finish in 60 s"; cat "$dir/quiet.err"; status=1
fi
quiet_values=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["data_values"])' \
                 "$work/connections_quiet.json" 2>/dev/null)
[ "$quiet_values" = 0 ] || { echo "FAIL: a quiet source's picture has values: '${quiet_values}'"; status=1; }
exit $status
