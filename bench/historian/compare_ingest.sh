#!/bin/sh
# Ingest of two historian_bench builds on the same data, in alternating rounds (new, old, new,
# old, ...), each round with the host's load beside it, then the md5 of the blocks both files
# store (they must be equal: the codec and the block boundaries are not to change).
# "ingest CPU" is printed by builds that measure it (getrusage around ingest); for one that
# does not, it is derived: its whole process's CPU (/usr/bin/time) minus what the other phases
# (generation, reads) cost the measuring build in the same round, the same code in both.
# Usage: bench/historian/compare_ingest.sh NEW_BENCH OLD_BENCH [ROUNDS] [historian_bench options]
# e.g.   bench/historian/compare_ingest.sh build/core/bench/historian/historian_bench \
#          /tmp/baseb45/bench/historian/historian_bench 2 --tags 10000 --seconds 3600 --queries 200
set -eu
new=$1 old=$2 rounds=${3:-2}
shift 2; [ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- --tags 10000 --seconds 3600 --queries 200
here=$(dirname "$0")
dir=${TMPDIR:-/tmp}/parktwin-compare-ingest.$$
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir"
field() {  # rate | bytes | cpu | reads, from one run's output (cpu: builds that print it)
  awk -v want="$1" '$1 == "historian" && $2 == "(blocks)" && want == "rate" {print $3}
                    $1 == "historian" && $2 == "ingest" && $3 == "took" && want == "cpu" {print $7}
                    $1 == "historian" && $2 == "(blocks)" && want == "bytes" {print $4}
                    $1 == "historian" && $2 == "(snapshot" && want == "reads" {printf "stateAt %s/%s ms, ", $6, $9}
                    $1 == "historian" && $2 == "p50" && want == "reads" {printf "downsample %s ms", $3}' "$2"
}
printf '%-5s %-4s %14s %8s %9s %9s  %-46s %s\n' round run samples/s B/sample "CPU s" "process" "stateAt p50/p99, downsample p50" "load (1/5/15 min) before"
r=1
while [ "$r" -le "$rounds" ]; do
  for which in new old; do
    bench=$new; [ "$which" = old ] && bench=$old
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    /usr/bin/time -f '%U %S' -o "$dir/$which.time" "$bench" "$@" --baselines none --dir "$dir/$which" >"$dir/$which.out"
    eval "process_$which=$(awk '{print $1 + $2}' "$dir/$which.time")"
    printf '%-5s %-4s %14s %8s %9s %9s  %-46s %s\n' "$r" "$which" "$(field rate "$dir/$which.out")" "$(field bytes "$dir/$which.out")" \
      "$(field cpu "$dir/$which.out" | grep . || echo -)" "$(eval echo "\$process_$which")" \
      "$(field reads "$dir/$which.out")" "$load"
    eval "rate_$which=$(field rate "$dir/$which.out")"
    eval "cpu_$which=$(field cpu "$dir/$which.out" | grep . || echo 0)"
  done
  awk -v a="$rate_new" -v b="$rate_old" -v cn="$cpu_new" -v co="$cpu_old" -v pn="$process_new" -v po="$process_old" 'BEGIN {
    if (co == 0) co = po - (pn - cn)  # the old build does not print its ingest CPU
    if (cn == 0) cn = pn - (po - co)
    printf "      new/old ingest: %.2fx the samples/s (wall); CPU new %.2f s, old %.2f s: %.2fx less\n", a / b, cn, co, co / cn }'
  r=$((r + 1))
done
python3 "$here/blocks_md5.py" "$dir/new/historian.db"
python3 "$here/blocks_md5.py" "$dir/old/historian.db"
