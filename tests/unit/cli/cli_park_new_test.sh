#!/bin/sh
# parktwin-cli park new (QA: no command started a park; one had to write the whole file by hand):
# the file it writes passes `parktwin-cli check` and holds the flags' values (read back with
# Python's json module); an existing file is kept unless --force; a bad flag is refused, named
# as typed, in English or Chinese, and nothing is written.
# Usage: cli_park_new_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
. "$(dirname "$0")/../../cli_test_lib.sh"
cd "$dir" || exit 1
# "id|zh|en|latitude|longitude|format" of a park file, as Python reads it.
fields() {
  /usr/bin/python3 -c 'import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
print("|".join(str(v) for v in (p["id"], p["name"]["zh"], p["name"]["en"], p["latitude_deg"], p["longitude_deg"], p["format"])))' "$1"
}

"$cli" park new --id my-park --name-zh 园区 --name-en "My park" --latitude 29.0 --longitude 106.6 --out my.park.json >new.out 2>new.err
expect "new exit code" 0 $?
expect "new says what it wrote" "wrote my.park.json: My park / 园区 (my-park) at 29, 106.6" "$(cat new.out)"
expect "new is silent on stderr" "" "$(cat new.err)"
"$cli" check my.park.json >check.out 2>check.err
expect "the new park passes check" 0 $?
expect "check names it" "My park / 园区 (my-park): ok" "$(head -1 check.out)"
expect "the flags read back" "my-park|园区|My park|29|106.6|parktwin-park/1" "$(fields my.park.json)"

# No --out: named after the id, where the command runs. One name stands for both, and says so.
"$cli" park new --id solo --name-en Solo --latitude -33.9 --longitude 18.4 >solo.out 2>solo.err
expect "default file exit code" 0 $?
expect "the file named after the id" "solo|Solo|Solo|-33.9|18.4|parktwin-park/1" "$(fields solo.park.json 2>&1)"
expect "one name given: the note" 'note: no --name-zh; the Chinese name is "Solo" too' "$(cat solo.err)"
"$cli" check solo.park.json >/dev/null 2>&1
expect "the default file passes check" 0 $?

# An existing file is kept: exit 2, the reason, the file byte for byte; --force replaces it.
cp my.park.json before.json
"$cli" park new --id other --out my.park.json >keep.out 2>keep.err
expect "existing file exit code" 2 $?
expect "existing file message" "my.park.json exists; choose another --out, or add --force to replace it" "$(cat keep.err)"
expect "existing file unchanged" same "$(cmp -s before.json my.park.json && echo same || echo changed)"
"$cli" park new --id other --out my.park.json --lang zh >/dev/null 2>keep-zh.err
expect "existing file message in Chinese" "my.park.json 已存在：请用 --out 换一个文件，或加 --force 覆盖它" "$(cat keep-zh.err)"
"$cli" park new --id other --out my.park.json --force >/dev/null 2>&1
expect "--force exit code" 0 $?
expect "--force replaced it" "other|未命名园区|Untitled park|29.56|106.55|parktwin-park/1" "$(fields my.park.json)"

# Bad flags: each refused under its own name, every one at once, and no file written.
"$cli" park new --id "My Park" --latitude 95 --out bad.park.json >bad.out 2>bad.err
expect "bad flags exit code" 2 $?
expect "bad flags messages" '--id: expected an identifier of lower-case letters, digits, '"'"'_'"'"', '"'"'-'"'"' or '"'"'.'"'"', got "My Park"
--latitude: expected a number between -90.0 and 90.0, got 95' "$(cat bad.err)"
expect "nothing written for bad flags" no "$(test -e bad.park.json && echo yes || echo no)"
"$cli" park new --longitude 181 --name-en "" --lang zh --out bad.park.json >/dev/null 2>bad-zh.err
expect "bad flags in Chinese exit code" 2 $?
expect "bad flags in Chinese" '--name-en: 名称不能为空
--longitude: 应为介于 -180.0 到 180.0 之间的数字，实际为 181' "$(cat bad-zh.err)"
"$cli" park new --latitude north --out bad.park.json >/dev/null 2>&1
expect "a latitude that is no number exit code" 2 $?
expect "still nothing written" no "$(test -e bad.park.json && echo yes || echo no)"

finish cli_park_new
