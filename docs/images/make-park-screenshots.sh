#!/usr/bin/env bash
# Takes the park pictures of README.md and docs/: both parks, en and zh, day and night, the
# presentation view and a replay. Usage: docs/images/make-park-screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/dev}
app=$build/bin/parktwin cli=$build/bin/parktwin-cli
out=docs/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shot() { local name=$1; shift; xvfb-run -a -s "-screen 0 1600x900x24" "$app" --size 1280x720 --screenshot "$out/$name.png" "$@" 2>/dev/null | tail -1; }

for park in beidu jiulong; do
  for lang in en zh; do
    shot "$park-$lang" --park "$park" --lang "$lang"
    shot "$park-night-$lang" --park "$park" --lang "$lang" --night
    shot "$park-present-$lang" --park "$park" --lang "$lang" --present
  done
done
shot beidu-flows-en --park beidu --flows
"$cli" simulate --park beidu --from 2026-06-01T00:00:00+08:00 --duration 1d --step 10s --db "$tmp/day.db" >/dev/null
shot beidu-replay-en --replay "$tmp/day.db" --at 10h --select potline-1
