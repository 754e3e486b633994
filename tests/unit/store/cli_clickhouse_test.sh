#!/bin/sh
# parktwin-cli import / info / export / simulate / flows --at / ingest with --store clickhouse://... against a real two-shard
# cluster (scripts/cluster, its own folder and ports, always stopped after). The oracle is the
# CSV itself and clickhouse-client on each shard. Skips (exit 77) without clickhouse-server.
# Usage: cli_clickhouse_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
root=$(cd "$(dirname "$0")/../../.." && pwd)
. "$root/tests/cli_test_lib.sh"
if [ ! -x /usr/sbin/clickhouse-server ] && ! command -v clickhouse-server >/dev/null; then
  echo "SKIP: clickhouse-server is not installed"
  exit 77
fi
export PARKTWIN_CLUSTER_DIR="$dir/cluster"
trap '"$root/scripts/cluster" down >/dev/null 2>&1; rm -rf "$dir"' EXIT
uri=$("$root/scripts/cluster" up) || { echo "FAIL: scripts/cluster up"; exit 1; }
store="$uri?park=cli&spool=$dir/spool"

# 6 tags x 50 samples, whole-second times in two months.
/usr/bin/python3 - "$dir/data.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("ts,tag,value\n")
    for i in range(50):
        for t in range(6):
            f.write(f"{1767225600 + i * 86400 + t},tag{t},{i * 0.5 + t}\n")
PY
"$cli" import "$dir/data.csv" --store "$store" >/dev/null 2>"$dir/import.err"
expect "import exit code" 0 $?


"$cli" info --store "$store" >"$dir/info.txt" 2>&1
expect "info exit code" 0 $?
expect "info counts" 1 "$(grep -c '^6 tags, 300 samples' "$dir/info.txt")"

"$cli" export --store "$store" --format csv >"$dir/out.csv"
expect "export exit code" 0 $?
expect "export rows" 300 "$(tail -n +2 "$dir/out.csv" | wc -l | tr -d ' ')"
# Same values as the CSV: compare tag,value pairs sorted.
expect "export values" "$(tail -n +2 "$dir/data.csv" | awk -F, '{print $2","$3+0}' | sort)" \
  "$(tail -n +2 "$dir/out.csv" | awk -F, '{print $2","$3+0}' | sort)"

total=0
for n in 1 2; do
  c=$(clickhouse-client --host 127.0.0.1 --port "$(cat "$dir/cluster/shard$n/tcp_port")" \
      --query "SELECT count() FROM parktwin.samples_local WHERE park = 'cli'")
  expect "shard $n holds data" 1 "$([ "$c" -gt 0 ] && echo 1 || echo 0)"
  total=$((total + c))
done
expect "both shards together" 300 "$total"

# simulate: the same seeded run into SQLite and into the cluster exports the same samples.
"$cli" simulate --park beidu --from 2026-06-01T00:00:00+08:00 --duration 2h --step 1m --db "$dir/sim.db" >/dev/null 2>&1
expect "simulate --db exit code" 0 $?
"$cli" simulate --park beidu --from 2026-06-01T00:00:00+08:00 --duration 2h --step 1m \
  --store "$uri?park=sim&spool=$dir/spool-sim" >/dev/null 2>"$dir/sim.err"
expect "simulate --store exit code" 0 $?
"$cli" export --db "$dir/sim.db" | sort >"$dir/sim-sqlite.csv"
"$cli" export --store "$uri?park=sim" | sort >"$dir/sim-cluster.csv"
expect "simulate: samples exported" 1 "$([ "$(wc -l <"$dir/sim-sqlite.csv")" -gt 100 ] && echo 1 || echo 0)"
expect "simulate: same export from SQLite and the cluster" "" "$(diff "$dir/sim-sqlite.csv" "$dir/sim-cluster.csv" | head -5)"

# flows --at: the same solution from the state in SQLite and in the cluster (the heading names the source).
at=2026-06-01T01:00:00+08:00
"$cli" flows --park beidu --db "$dir/sim.db" --at $at 2>&1 | tail -n +2 >"$dir/flows-sqlite.txt"
"$cli" flows --park beidu --store "$uri?park=sim" --at $at 2>&1 | tail -n +2 >"$dir/flows-cluster.txt"
expect "flows --at: a solution" 1 "$(grep -c '^Material network' "$dir/flows-cluster.txt")"
expect "flows --at: same from SQLite and the cluster" "" "$(diff "$dir/flows-sqlite.txt" "$dir/flows-cluster.txt" | head -5)"

# ingest: QoS 1 samples from a real mosquitto into the cluster, each once.
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port" >"$dir/mosquitto.conf"
/usr/sbin/mosquitto -c "$dir/mosquitto.conf" >"$dir/mosquitto.log" 2>&1 &
broker=$!
trap 'kill $broker ${ingest:-} 2>/dev/null; "$root/scripts/cluster" down >/dev/null 2>&1; rm -rf "$dir"' EXIT
total=50
"$cli" ingest --park beidu --mqtt "127.0.0.1:$port" --store "$uri?park=live&spool=$dir/spool-live" --count $total \
  >/dev/null 2>"$dir/ingest.err" &
ingest=$!
for _ in $(seq 200); do  # polling ingest's log for its subscription, with a deadline (20 s)
  grep -qF "subscribed to parktwin/beidu/#" "$dir/ingest.err" && break
  sleep 0.1
done
for i in $(seq $total); do
  mosquitto_pub -p "$port" -q 1 -t parktwin/beidu/potline-1.current -m "{\"ts\":$((1780000000000 + i * 1000)),\"v\":$i}"
done
wait $ingest
expect "ingest --store exit code" 0 $?
expect "ingest --store: each number once" "$(seq $total | tr '\n' ' ')" \
  "$("$cli" export --store "$uri?park=live" --tags potline-1.current | tail -n +2 | cut -d, -f3 | tr '\n' ' ')"

"$cli" info --store "clickhouse://127.0.0.1:1/parktwin" >/dev/null 2>"$dir/down.err"
expect "unreachable node: exit code" 2 $?
expect "unreachable node: message" 1 "$(grep -c 'does not answer' "$dir/down.err")"
"$cli" info --db "$dir/x.db" --store "$store" >/dev/null 2>&1
expect "--db and --store exclude each other" 1 "$([ $? -ne 0 ] && echo 1 || echo 0)"
# scenario run --store: the same seeded runs written as historian files (a folder) and into the
# cluster (two parks) export the same samples; clickhouse-client counts them on the shards.
"$cli" scenario run smelter-outage --from 2026-07-15T06:00:00+08:00 --duration 6h --store "$dir/runs" >/dev/null 2>"$dir/sc-files.err"
expect "scenario --store DIR exit code" 0 $?
"$cli" scenario run smelter-outage --from 2026-07-15T06:00:00+08:00 --duration 6h --store "$uri?park=sc&spool=$dir/spool-sc" >"$dir/sc.out" 2>"$dir/sc.err"
expect "scenario --store clickhouse exit code" 0 $?
expect "scenario: says where the runs are" 1 "$(grep -c 'park sc_smelter_outage_baseline' "$dir/sc.out")"
for run in baseline scenario; do
  "$cli" export --db "$dir/runs/smelter-outage-$run.db" | sort >"$dir/sc-$run-sqlite.csv"
  "$cli" export --store "$uri?park=sc_smelter_outage_$run" | sort >"$dir/sc-$run-cluster.csv"
  expect "scenario $run: samples exported" 1 "$([ "$(wc -l <"$dir/sc-$run-sqlite.csv")" -gt 100 ] && echo 1 || echo 0)"
  expect "scenario $run: same samples from the files and the cluster" "" \
    "$(diff "$dir/sc-$run-sqlite.csv" "$dir/sc-$run-cluster.csv" | head -5)"
  n=0
  for shard in 1 2; do
    c=$(clickhouse-client --host 127.0.0.1 --port "$(cat "$dir/cluster/shard$shard/tcp_port")" \
        --query "SELECT count(DISTINCT tag, ts) FROM parktwin.samples_local WHERE park = 'sc_smelter_outage_$run'")
    n=$((n + c))
  done
  expect "scenario $run: rows on the shards" "$(($(wc -l <"$dir/sc-$run-sqlite.csv") - 1))" "$n"
done

finish cli_clickhouse
