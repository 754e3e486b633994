#!/bin/sh
# Starts a private mosquitto on a free loopback port and runs feed_bench against it.
#   bench/sim/feed_bench.sh build/bench/bench/sim/feed_bench [--messages 200000 --rate 10000 --seconds 5]
set -eu
bench=${1:?path to feed_bench}; shift
dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
{
  [ "$(id -u)" = 0 ] && echo "user root"
  echo "listener $port 127.0.0.1"
  echo "allow_anonymous true"
  echo "persistence false"
  echo "sys_interval 1"
  echo "max_queued_messages 0"
} > "$dir/mosquitto.conf"
mosquitto -c "$dir/mosquitto.conf" > "$dir/mosquitto.log" 2>&1 &
broker=$!
trap 'kill $broker 2>/dev/null; wait $broker 2>/dev/null; rm -rf "$dir"' EXIT
i=0
until python3 -c "import socket; socket.create_connection(('127.0.0.1',$port),0.2)" 2>/dev/null; do
  i=$((i+1)); [ $i -gt 100 ] && { cat "$dir/mosquitto.log"; exit 1; }
  sleep 0.05
done
echo "mosquitto $(mosquitto -h 2>/dev/null | head -1 | sed 's/.*version //') on 127.0.0.1:$port, $(nproc) CPU cores"
# The OPC UA bench reports the broker's CPU beside the other stages'.
PARKTWIN_BENCH_BROKER_PID=$broker "$bench" --port "$port" "$@"
