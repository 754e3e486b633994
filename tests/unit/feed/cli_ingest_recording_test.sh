#!/bin/bash
# parktwin-cli ingest tells the user the moment its recording stops reaching the disk, and when
# it recovers, and loses no sample meanwhile. The disk is "full" through the running process's
# file-size limit (prlimit --fsize: write() past the limit fails with EFBIG, as on a full
# disk), against a real mosquitto on a free loopback port.
# Usage: cli_ingest_recording_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
. "$(dirname "$0")/../../cli_test_lib.sh"
. "$(dirname "$0")/../../loopback_lib.sh"

start_mosquitto "$dir" || exit 1
trap 'kill $broker ${ingest:-} 2>/dev/null; rm -rf "$dir"' EXIT

# Waits (up to 20 s) until FILE contains TEXT; polling a log, not a sleep standing in for an event.
wait_for() {
  for _ in $(seq 200); do grep -qF -- "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "timed out waiting for [$2] in $1:"; cat "$1"; return 1
}
sent=0
publish() {  # one sample of potline-1.current, numbered so that duplicates would show
  sent=$((sent + 1))
  mosquitto_pub -p "$port" -q 1 -t parktwin/beidu/potline-1.current -m "{\"ts\":$((1780000000000 + sent * 1000)),\"v\":$sent}"
}
publish_until() {  # publishes until FILE contains TEXT (the historian checks the disk on append)
  for _ in $(seq 200); do grep -qF -- "$2" "$1" && return 0; publish; sleep 0.1; done
  echo "timed out waiting for [$2] in $1:"; cat "$1"; return 1
}

total=100
# stderr goes through a pipe: the file-size limit would stop the messages to a file as well.
( trap '' XFSZ; exec "$cli" ingest --park beidu --mqtt "127.0.0.1:$port" --db "$dir/live.db" --count $total ) \
  >/dev/null 2> >(cat >"$dir/ingest.err") &
ingest=$!
wait_for "$dir/ingest.err" "subscribed to parktwin/beidu/#" || exit 1
publish
prlimit --pid $ingest --fsize=1: || exit 1
publish_until "$dir/ingest.err" "ingest: recording to $dir/live.db stopped:"
# Each change of state is reported once, not each retry: "stopped" and "resumed" alternate,
# ending (for now) on "stopped". A commit can still succeed under the limit when its pages fit in
# the files' existing space (a reused WAL), and then the recovery and the next stop are both
# reported, truthfully; so the count of stops is not fixed, their alternation is.
states=$(grep -oE 'recording to .* (stopped|resumed)' "$dir/ingest.err" | grep -oE '(stopped|resumed)$' | tr '\n' ' ')
expect "stops and recoveries alternate, from a stop to a stop" "" "$(echo "$states" | grep -vE '^stopped( resumed stopped)* $')"
expect "each stop says the samples are kept" "$(grep -c 'stopped:' "$dir/ingest.err")" \
  "$(grep -c 'samples are kept in memory and retried' "$dir/ingest.err")"
prlimit --pid $ingest --fsize=unlimited: || exit 1
publish_until "$dir/ingest.err" "ingest: recording to $dir/live.db resumed"
while [ $sent -lt $total ]; do publish; done
wait $ingest
expect "ingest exit code" 0 $?
expect "every sample is stored" "$total" \
  "$("$cli" export --db "$dir/live.db" --tags potline-1.current | tail -n +2 | wc -l)"
expect "each number once" "$(seq $total | tr '\n' ' ')" \
  "$("$cli" export --db "$dir/live.db" --tags potline-1.current | tail -n +2 | cut -d, -f3 | tr '\n' ' ')"
finish cli_ingest_recording
