#!/bin/sh
# A new user's first hour with parktwin-cli (issue 23): bundled names and paths resolve the same
# everywhere, a copied bundled scenario still runs, mistakes get a message to act on, and no
# message names the source or build folder the program was made in.
# Usage: cli_first_hour_test.sh PATH/TO/parktwin-cli SOURCE_DIR BUILD_DIR
set -u
cli=$1
src=$2
build=$3
. "$(dirname "$0")/../../cli_test_lib.sh"
cd "$dir" || exit 1

# A name that is no bundled park and no file: exactly this line, nothing about any folder.
"$cli" check nosuchpark >/dev/null 2>"$dir/nosuch.err"
expect "unknown park exit code" 2 $?
expect "unknown park message" \
  'no park named "nosuchpark": bundled parks are beidu, jiulong; or give a park file'"'"'s path' "$(cat "$dir/nosuch.err")"
"$cli" check beidu >"$dir/beidu.out" 2>&1
expect "bundled park by name" 0 $?
"$cli" flows --park nosuchpark >/dev/null 2>"$dir/flows.err"
expect "flows: the same rule" 1 "$(grep -c '^no park named "nosuchpark": bundled parks are beidu, jiulong' "$dir/flows.err")"

# Files that are no park file say what they are, in one line.
mkdir somedir
"$cli" check somedir >/dev/null 2>"$dir/dir.err"
expect "directory exit code" 2 $?
expect "directory message" "somedir: is a directory, not a park file" "$(cat "$dir/dir.err")"
: >empty.json
"$cli" check empty.json >/dev/null 2>"$dir/empty.err"
expect "empty file message" "empty.json: the file is empty; expected JSON" "$(cat "$dir/empty.err")"
printf 'name: Beidu\nbuildings: []\n' >park.yaml
"$cli" check park.yaml >/dev/null 2>"$dir/yaml.err"
expect "not JSON exit code" 2 $?
expect "not JSON message" "park.yaml: not valid JSON at line 1, column 1: unexpected 'name'" "$(cat "$dir/yaml.err")"

# The same mistakes under --lang zh are said in Chinese (QA: English under --lang zh).
"$cli" check --lang zh nosuchpark >/dev/null 2>"$dir/nosuch-zh.err"
expect "unknown park in Chinese" '没有名为“nosuchpark”的园区：内置园区有 beidu、jiulong；也可给出园区文件的路径' "$(cat "$dir/nosuch-zh.err")"
"$cli" check --lang zh /no/such.json >/dev/null 2>"$dir/missing-zh.err"
expect "missing file exit code" 2 $?
expect "missing file in Chinese" "/no/such.json: 无法打开园区文件：没有这个文件" "$(cat "$dir/missing-zh.err")"
"$cli" check --lang zh somedir >/dev/null 2>"$dir/dir-zh.err"
expect "directory in Chinese" "somedir: 是文件夹，不是园区文件" "$(cat "$dir/dir-zh.err")"

# A mistyped command is answered with the command meant.
"$cli" chek beidu >/dev/null 2>"$dir/chek.err"
expect "mistyped command exit code" 2 $?
expect "did you mean" 'parktwin-cli: unknown command "chek"; did you mean check?' "$(cat "$dir/chek.err")"

# A bundled scenario copied out of the data folder still finds its park by name.
cp "$src/assets/scenarios/smelter-outage.json" copied.json
"$cli" scenario run copied.json --from 2026-07-15T00:00:00+08:00 --duration 1d >"$dir/copied.out" 2>"$dir/copied.err"
expect "copied scenario exit code" 0 $?
expect "copied scenario stderr" "" "$(cat "$dir/copied.err")"
"$cli" scenario run smelter-outage --from 2026-07-15T00:00:00+08:00 --duration 1d >/dev/null 2>&1
expect "bundled scenario by name" 0 $?
sed 's/"park": "beidu"/"park": "beidou"/' copied.json >typo.json
"$cli" scenario run typo.json >/dev/null 2>"$dir/typo.err"
expect "scenario park typo exit code" 2 $?
expect "scenario park typo message" \
  'typo.json: /park: no park named "beidou": bundled parks are beidu, jiulong; or give a park file'"'"'s path' \
  "$(cat "$dir/typo.err")"
sed 's#"park": "beidu"#"park": "../parks/beidu.json"#' copied.json >oldstyle.json
"$cli" scenario run oldstyle.json >/dev/null 2>"$dir/oldstyle.err"
expect "scenario park path names the file tried" 1 \
  "$(grep -c "oldstyle.json: /park: no park file $(dirname "$dir")/parks/beidu.json" "$dir/oldstyle.err")"
"$cli" scenario run heatwave >/dev/null 2>"$dir/noscenario.err"
expect "unknown scenario" 1 "$(grep -c '^no scenario named "heatwave": bundled scenarios are heat-wave, ' "$dir/noscenario.err")"

# A CA file that is not there is named, not "Invalid function arguments".
if "$cli" --help | grep -q '^ *ingest'; then
  timeout 30 "$cli" ingest --park beidu --mqtt 127.0.0.1:1 --qos 0 --tls-ca "$dir/missing-ca.pem" --count 1 --csv "$dir/ca.csv" \
    >/dev/null 2>"$dir/ca.err"
  expect "missing CA exit code is a failure" yes "$([ $? -ne 0 ] && echo yes || echo no)"
  expect "missing CA message" 1 "$(grep -c "cannot read CA file $dir/missing-ca.pem" "$dir/ca.err")"
  # QoS 1 (the default) acknowledges only stored samples, with a client that has no TLS yet:
  # refused with the reason rather than losing samples.
  timeout 30 "$cli" ingest --park beidu --mqtt 127.0.0.1:1 --tls-ca "$dir/missing-ca.pem" --count 1 >/dev/null 2>"$dir/qos1tls.err"
  expect "QoS 1 over TLS exit code" 2 $?
  expect "QoS 1 over TLS message" 1 "$(grep -c -- "--qos 1 with --tls-ca is not supported" "$dir/qos1tls.err")"
fi

# No message above names the folders the program was built from.
expect "no source folder in messages" 0 "$(cat "$dir"/*.err | grep -c -F "$src")"
expect "no build folder in messages" 0 "$(cat "$dir"/*.err | grep -c -F "$build")"

finish "first-hour CLI"
