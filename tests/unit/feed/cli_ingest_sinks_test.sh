#!/bin/bash
# parktwin-cli ingest at QoS 1 tells the broker a sample is stored only once it is (QA, 6 Dec):
#  - with nowhere to store (no --db, --store or --csv) it refuses to start, before subscribing:
#    it used to acknowledge the session's queued samples and drop them, and the broker never
#    sent them again;
#  - with --csv alone, a kill -9 after the acknowledgement keeps every acknowledged sample: the
#    CSV's buffer goes to the kernel before each acknowledgement.
# The oracle is the publisher's numbering: every number 1..N must end up stored once. Against a
# real mosquitto on a free loopback port.
# Usage: cli_ingest_sinks_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
. "$(dirname "$0")/../../cli_test_lib.sh"
. "$(dirname "$0")/../../loopback_lib.sh"

start_mosquitto "$dir" || exit 1
trap 'kill $broker ${ingest:-} 2>/dev/null; rm -rf "$dir"' EXIT

# Waits (up to 20 s) until COMMAND prints TEXT; polling an observable, not a sleep standing in for an event.
wait_until() {
  for _ in $(seq 200); do [ "$(eval "$1")" = "$2" ] && return 0; sleep 0.1; done
  echo "timed out waiting for [$1] to give [$2], it gives [$(eval "$1")]"; return 1
}
publish() {  # N numbered samples of potline-1.current at QoS 1, acknowledged by the broker when this returns
  seq "$1" | awk '{ printf "{\"ts\":%.0f,\"v\":%d}\n", 1780000000000 + $1 * 1000, $1 }' \
    | mosquitto_pub -p "$port" -q 1 -l -t parktwin/beidu/potline-1.current
}
session() {  # makes the persistent session CLIENT-ID exist, subscribed, then leaves it
  "$cli" ingest --park beidu --mqtt "127.0.0.1:$port" --client-id "$1" --duration 0s --db "$dir/$1-session.db" \
    >/dev/null 2>"$dir/$1-session.err" || { cat "$dir/$1-session.err"; exit 1; }
}

# A broker that is not there: both clients say why, naming the address once. Port 1 on
# loopback refuses at once; each gives up after its 10 s of waiting to connect. At QoS 1 (QA)
# each retry and the error name the broker as every other MQTT source does, in English or Chinese
# ("cannot reach the broker HOST:PORT: reason", the words of tests/unit/feed/cli_connections_test.sh).
closed=1
timeout 60 "$cli" ingest --park beidu --mqtt "127.0.0.1:$closed" --qos 0 --csv "$dir/closed0.csv" >/dev/null 2>"$dir/closed0.err" &
qos0=$!
timeout 60 "$cli" ingest --park beidu --mqtt "127.0.0.1:$closed" --qos 1 --csv "$dir/closed1.csv" >/dev/null 2>"$dir/closed1.err" &
qos1=$!
timeout 60 "$cli" ingest --park beidu --mqtt "127.0.0.1:$closed" --qos 1 --csv "$dir/closed1zh.csv" --lang zh >/dev/null \
  2>"$dir/closed1zh.err" &
qos1zh=$!
"$cli" ingest --park beidu --mqtt "127.0.0.1:$port" --client-id "" --csv "$dir/empty.csv" >/dev/null 2>"$dir/empty.err"
expect "an empty client id: exit code" 2 $?
expect "an empty client id: the reason" 1 "$(grep -c 'an empty client id has no persistent session' "$dir/empty.err")"

# Nowhere to store: refused, and the queued samples are still there for a run that stores them.
session nowhere
publish 500
timeout 30 "$cli" ingest --park beidu --mqtt "127.0.0.1:$port" --client-id nowhere --duration 2s >/dev/null 2>"$dir/nowhere.err"
expect "no store: exit code" 2 $?
expect "no store: the reason" 1 "$(grep -c 'ingest: nothing to store into: give --db FILE (or --store URI), or --csv FILE' "$dir/nowhere.err")"
expect "no store: never subscribed" 0 "$(grep -c 'subscribed to' "$dir/nowhere.err")"
timeout 60 "$cli" ingest --park beidu --mqtt "127.0.0.1:$port" --client-id nowhere --count 500 --duration 30s \
  --db "$dir/nowhere.db" >/dev/null 2>"$dir/nowhere-after.err"
expect "the queued samples reach the next run" "$(seq 500 | tr '\n' ' ')" \
  "$("$cli" export --db "$dir/nowhere.db" --tags potline-1.current | tail -n +2 | cut -d, -f3 | tr '\n' ' ')"

# CSV alone, killed once everything is acknowledged: the second run (same session) gets what was
# not acknowledged, the first run's file must hold the rest.
total=2000
session csv
"$cli" ingest --park beidu --mqtt "127.0.0.1:$port" --client-id csv --csv "$dir/first.csv" >/dev/null 2>"$dir/first.err" &
ingest=$!
wait_until "grep -c 'subscribed to' '$dir/first.err'" 1 || exit 1
publish $total
# The file holds them all once the last acknowledgement batch went out (100 ms by default).
wait_until "tail -n +2 '$dir/first.csv' | wc -l" $total || exit 1
kill -9 $ingest
wait $ingest 2>/dev/null
timeout 30 "$cli" ingest --park beidu --mqtt "127.0.0.1:$port" --client-id csv --csv "$dir/second.csv" --duration 2s \
  >/dev/null 2>"$dir/second.err"
expect "every number once across both runs" "$(seq $total | tr '\n' ' ')" \
  "$(tail -q -n +2 "$dir/first.csv" "$dir/second.csv" | cut -d, -f3 | sort -n | tr '\n' ' ')"
wait $qos0
expect "QoS 0, no broker: exit code" 1 $?
expect "QoS 0, no broker: the reason" 1 "$(grep -c "^MQTT 127.0.0.1:$closed: cannot connect: Connection refused$" "$dir/closed0.err")"
wait $qos1
expect "QoS 1, no broker: exit code" 1 $?
expect "QoS 1, no broker: retries name it with the reason" yes \
  "$(grep -q "^parktwin feed: cannot reach the broker 127.0.0.1:$closed: Connection refused$" "$dir/closed1.err" && echo yes || echo no)"
expect "QoS 1, no broker: the error names it" 1 "$(grep -c "^cannot reach the broker 127.0.0.1:$closed: Connection refused$" "$dir/closed1.err")"
expect "QoS 1, no broker: the address once a line" 0 "$(grep -c "127.0.0.1:$closed.*127.0.0.1:$closed" "$dir/closed1.err")"
wait $qos1zh
expect "QoS 1, no broker, zh: exit code" 1 $?
expect "QoS 1, no broker, zh: retries name it" yes \
  "$(grep -q "^parktwin feed: 无法连接代理 127.0.0.1:$closed：Connection refused$" "$dir/closed1zh.err" && echo yes || echo no)"
expect "QoS 1, no broker, zh: the error names it" 1 "$(grep -c "^无法连接代理 127.0.0.1:$closed：Connection refused$" "$dir/closed1zh.err")"
finish cli_ingest_sinks
