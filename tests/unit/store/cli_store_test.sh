#!/bin/sh
# parktwin-cli import / export / info end to end: exit codes, bad-line reports, --strict,
# and that exported CSV equals what was imported. Usage: cli_store_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
. "$(dirname "$0")/../../cli_test_lib.sh"

cat > "$dir/long.csv" <<'CSV'
ts,tag,value
2026-05-01T08:00:00Z,press.force,1.5
2026-05-01T08:00:01.250Z,press.force,2
2026-05-01T16:00:02+08:00,press.state,true
bad-time,press.force,1
2026-05-01T08:00:03Z,press.force,xyz
1777622404,press.force,4
CSV

"$cli" import "$dir/long.csv" --db "$dir/strict.db" --strict >/dev/null 2>"$dir/strict.err"
expect "strict exit code" 2 $?
expect "strict lists line 5" 1 "$(grep -c 'long.csv:5: timestamp' "$dir/strict.err")"
expect "strict lists line 6" 1 "$(grep -c "long.csv:6: tag 'press.force': value 'xyz'" "$dir/strict.err")"
expect "strict stored nothing (no file created)" no "$([ -e "$dir/strict.db" ] && echo yes || echo no)"

# A file without the header (QA, 6 Dec): refused on its first line, no database left behind.
printf '1,2,3\n4,5,6\n' > "$dir/headless.csv"
"$cli" import "$dir/headless.csv" --db "$dir/headless.db" >/dev/null 2>"$dir/headless.err"
expect "headless exit code" 2 $?
expect "headless names its header" 1 "$(grep -c "headless.csv: line 1: header must start with ts, time or timestamp (or 时间, 时间戳, 日期时间), got '1'" "$dir/headless.err")"
expect "headless: no file created" no "$(ls "$dir"/headless.db* >/dev/null 2>&1 && echo yes || echo no)"

"$cli" import "$dir/long.csv" --db "$dir/park.db" >/dev/null 2>"$dir/import.err"
expect "default exit code with bad lines" 1 $?
expect "two bad lines reported" 2 "$(grep -c '^.*long.csv:[56]:' "$dir/import.err")"

"$cli" export --db "$dir/park.db" --tags press.force,press.state --from 2026-05-01T08:00:01Z >"$dir/out.csv"
expect "export exit code" 0 $?
expect "export content" "ts,tag,value
2026-05-01T08:00:01.250Z,press.force,2
2026-05-01T08:00:04.000Z,press.force,4
2026-05-01T08:00:02.000Z,press.state,1" "$(cat "$dir/out.csv")"

# Importing the same file again adds nothing (first value wins, duplicates are not stored).
"$cli" import "$dir/long.csv" --db "$dir/park.db" >/dev/null 2>&1
expect "re-import sample count" 4 "$("$cli" info --db "$dir/park.db" | sed -n 's/.* tags, \([0-9]*\) samples.*/\1/p')"

"$cli" export --db "$dir/park.db" --tags press.state --format json >"$dir/out.json"
expect "json export" 1 "$(grep -c '"ts":"2026-05-01T08:00:02.000Z","ts_ms":1777622402000,"tag":"press.state","value":1}' "$dir/out.json")"

"$cli" info --db "$dir/long.csv" >/dev/null 2>"$dir/info.err"
expect "info on a non-database exit code" 2 $?
expect "info on a non-database says why" 1 "$(grep -c 'not a ParkTwin historian' "$dir/info.err")"

# Exports print the shortest text that reads back to the same double: 389.71 (printf's %.17g
# gave 389.70999999999998) and 28.353.
printf 'ts,tag,value\n2026-05-01T08:00:00Z,meter.kw,389.71\n2026-05-01T08:00:01Z,meter.kw,28.353\n' >"$dir/short.csv"
"$cli" import "$dir/short.csv" --db "$dir/short.db" >/dev/null 2>&1
expect "shortest numbers in CSV" "389.71 28.353" "$("$cli" export --db "$dir/short.db" | awk -F, 'NR > 1 { printf "%s%s", sep, $3; sep = " " }')"
expect "shortest numbers in JSON" 1 "$("$cli" export --db "$dir/short.db" --format json | grep -c '"value":389.71}')"

# simulate --store writes a historian; a clean exit leaves no empty "<file>-writer.lock" beside
# it (the lock file is removed while still locked, store/src/writer_lock.hpp).
"$cli" simulate --park beidu --duration 10m --store "$dir/sim.db" >/dev/null 2>"$dir/sim.err"
expect "simulate --store exit code" 0 $?
expect "simulate --store wrote the historian" yes "$([ -s "$dir/sim.db" ] && echo yes || echo no)"
expect "no writer lock left after a clean exit" "" "$(ls "$dir" | grep 'writer.lock')"

# QA: a Chongqing park's export writes park time without a zone. With --park it is the park's
# civil time (UTC+8: 08:00 is 00:00Z), the output says so; a zoned time is kept; without --park
# it is UTC, and the output says that too.
printf 'ts,tag,value\n2026-06-01 08:00:00,meter.kw,1\n2026-06-01T00:00:10Z,meter.kw,2\n' >"$dir/local.csv"
"$cli" import "$dir/local.csv" --park beidu --db "$dir/local.db" >"$dir/local.out" 2>&1
expect "import --park exit code" 0 $?
expect "import --park says the zone" 1 "$(grep -c "^1 time written without a zone read as Asia/Shanghai (UTC+08:00), the park's time zone$" "$dir/local.out")"
expect "zone-less time in park time, zoned time kept" "2026-06-01T00:00:00.000Z 2026-06-01T00:00:10.000Z" \
  "$("$cli" export --db "$dir/local.db" | awk -F, 'NR > 1 { printf "%s%s", sep, $1; sep = " " }')"
"$cli" import "$dir/local.csv" --db "$dir/utc.db" >"$dir/utc.out" 2>&1
expect "import without --park says UTC" 1 "$(grep -c "^1 time written without a zone read as UTC; give --park" "$dir/utc.out")"
expect "without --park, UTC" "2026-06-01T00:00:10.000Z 2026-06-01T08:00:00.000Z" \
  "$("$cli" export --db "$dir/utc.db" | awk -F, 'NR > 1 { printf "%s%s", sep, $1; sep = " " }')"
"$cli" import --help | grep -q -- "--park" ; expect "--park in --help" 0 $?

# QA F19: export --park reads --from/--to without a zone as the park's civil time, and --times
# park writes the park's clock with its offset. local.db holds 2026-06-01T00:00:00Z and
# 00:00:10Z; 08:00 in Shanghai (UTC+8) is 00:00Z = 1780272000000 ms
# (`date -u -d "2026-06-01 08:00 +0800" +%s`).
expect "export --park: zone-less --from/--to are park time" "2026-06-01T00:00:10.000Z" \
  "$("$cli" export --db "$dir/local.db" --park beidu --from "2026-06-01 08:00:05" --to "2026-06-01T08:00:10" | awk -F, 'NR > 1 { print $1 }')"
expect "export without --park: zone-less --from is UTC, as before" "ts,tag,value" \
  "$("$cli" export --db "$dir/local.db" --from "2026-06-01 08:00:05")"
"$cli" export --db "$dir/local.db" --park beidu --times park >"$dir/park-times.csv"
expect "export --times park exit code" 0 $?
expect "export --times park: the park's clock with its offset" "ts,tag,value
2026-06-01T08:00:00.000+08:00,meter.kw,1
2026-06-01T08:00:10.000+08:00,meter.kw,2" "$(cat "$dir/park-times.csv")"
expect "export --times park: JSON, ts_ms unchanged" 1 \
  "$("$cli" export --db "$dir/local.db" --park beidu --times park --format json | grep -c '"ts":"2026-06-01T08:00:00.000+08:00","ts_ms":1780272000000,"tag":"meter.kw","value":1}')"
"$cli" import "$dir/park-times.csv" --db "$dir/round-trip.db" >/dev/null 2>&1
expect "import of an export --times park exit code" 0 $?
expect "round trip: the same instants" "$("$cli" export --db "$dir/local.db")" "$("$cli" export --db "$dir/round-trip.db")"
"$cli" import "$dir/park-times.csv" --park jiulong --db "$dir/round-trip-park.db" >/dev/null 2>&1
expect "round trip with import --park: the same instants" "$("$cli" export --db "$dir/local.db")" \
  "$("$cli" export --db "$dir/round-trip-park.db")"
"$cli" export --db "$dir/local.db" --times park >/dev/null 2>"$dir/times-alone.err"
expect "--times park without --park: exit code" 2 $?
expect "--times park without --park: says why" "export: --times park needs --park (the park whose clock to write)" \
  "$(cat "$dir/times-alone.err")"
"$cli" export --db "$dir/local.db" --park beidu --from "2026-06-01 25:00" >/dev/null 2>"$dir/bad-from.err"
expect "a bad --from: exit code" 2 $?
expect "a bad --from: names the option" 1 "$(grep -c '^--from: ' "$dir/bad-from.err")"


# Beidu's simulated history solved as Jiulong's: warned, with how many of Jiulong's tags it holds
# (counted here from the exported samples and jiulong.json).
counts=$("$cli" export --db "$dir/sim.db" | /usr/bin/python3 -c '
import csv, json, sys
held = {row["tag"] for row in csv.DictReader(sys.stdin)}
park = {t["id"] for t in json.load(open(sys.argv[1]))["tags"]}
print(len(held & park), len(park), len(held - park))' "$(dirname "$0")/../../../assets/parks/jiulong.json")
set -- $counts
"$cli" flows --park jiulong --db "$dir/sim.db" --at 2026-01-01T00:05:00+08:00 >/dev/null 2>"$dir/flows.err"
expect "flows on another park's history warns" 1 "$(grep -c "^warning: $dir/sim.db holds $1 of the $2 tags of Jiulong New City / Huanglin Port Park, and $3 tags this park does not have: it looks like another park's history" "$dir/flows.err")"
"$cli" flows --park beidu --db "$dir/sim.db" --at 2026-01-01T00:05:00+08:00 >/dev/null 2>"$dir/flows-own.err"
expect "flows on its own park's history does not" 0 "$(grep -c "another park's history" "$dir/flows-own.err")"

# QA (a Chinese park's own Excel export): "CSV UTF-8" starts with a BOM, the time column is
# 时间, dates have slashes, lines end in CRLF. With --park beidu (Asia/Shanghai) 2026-03-01
# 09:00 is 01:00 UTC. The park's tag
# potline-1.current is stored with its unit kA; unknown.tag, which beidu lacks, is named in a
# warning and stored (or left out with --skip-unknown-tags). Tags read back with sqlite3.
printf '\357\273\277时间,potline-1.current,unknown.tag\r\n2026-03-01 09:00:00,401.5,1\r\n2026/03/01 09:01:00,402,\r\n2026/3/1 9:02,403,3\r\n' >"$dir/excel.csv"
"$cli" import "$dir/excel.csv" --park beidu --db "$dir/excel.db" >"$dir/excel.out" 2>"$dir/excel.err"
expect "Excel export: exit code" 0 $?
expect "Excel export: the summary" "$dir/excel.csv: 5 samples from 3 of 3 lines (wide format) into $dir/excel.db" "$(head -1 "$dir/excel.out")"
expect "Excel export: the unknown tag named" "$dir/excel.csv: warning: 1 tag the park does not define (2 samples): unknown.tag; stored without a unit (--skip-unknown-tags leaves it out)" "$(cat "$dir/excel.err")"
expect "Excel export: tags with the park's units" "potline-1.current|kA|analog
unknown.tag||" "$(sqlite3 "$dir/excel.db" 'SELECT name, unit, kind FROM tags ORDER BY name')"
expect "Excel export: times in park time" "ts,tag,value
2026-03-01T01:00:00.000Z,potline-1.current,401.5
2026-03-01T01:01:00.000Z,potline-1.current,402
2026-03-01T01:02:00.000Z,potline-1.current,403" "$("$cli" export --db "$dir/excel.db" --tags potline-1.current)"
"$cli" info --db "$dir/excel.db" >"$dir/excel-info.out"
expect "info shows the park's unit" 1 "$(grep -cE '^potline-1.current +kA +analog ' "$dir/excel-info.out")"
expect "info does not print a hash nobody recorded" 0 "$(grep -c 'park file hash' "$dir/excel-info.out")"
"$cli" import "$dir/excel.csv" --park beidu --skip-unknown-tags --db "$dir/skip.db" >"$dir/skip.out" 2>"$dir/skip.err"
expect "--skip-unknown-tags: exit code" 0 $?
expect "--skip-unknown-tags: said" "$dir/excel.csv: warning: 1 tag the park does not define (2 samples): unknown.tag; left out" "$(cat "$dir/skip.err")"
expect "--skip-unknown-tags: only the park's tag stored" "potline-1.current" "$(sqlite3 "$dir/skip.db" 'SELECT name FROM tags')"
"$cli" import "$dir/excel.csv" --park beidu --lang zh --db "$dir/zh.db" >"$dir/zh.out" 2>"$dir/zh.err"
expect "import --lang zh: the summary" "$dir/excel.csv：从 3 行中的 3 行导入 5 个样本（宽格式）到 $dir/zh.db" "$(head -1 "$dir/zh.out")"
expect "import --lang zh: the warning" "$dir/excel.csv：警告：园区未定义的测点 1 个（2 个样本）：unknown.tag；已导入（没有单位），加 --skip-unknown-tags 可略过它们" "$(cat "$dir/zh.err")"

# The same file saved as GBK ("时间" is CA B1 BC E4 there): refused as not UTF-8, no database.
printf '\312\261\274\344,potline-1.current\r\n2026-03-01 09:00:00,401.5\r\n' >"$dir/gbk.csv"
"$cli" import "$dir/gbk.csv" --db "$dir/gbk.db" >/dev/null 2>"$dir/gbk.err"
expect "GBK file: exit code" 2 $?
expect "GBK file: says so" "$dir/gbk.csv: line 1: the file is not UTF-8 (save it as CSV UTF-8)" "$(cat "$dir/gbk.err")"
expect "GBK file: no database" no "$(ls "$dir"/gbk.db* >/dev/null 2>&1 && echo yes || echo no)"
LANG=zh_CN.UTF-8 "$cli" import "$dir/gbk.csv" --db "$dir/gbk.db" >/dev/null 2>"$dir/gbk-zh.err"
expect "GBK file under LANG=zh_CN: says so in Chinese" "$dir/gbk.csv: 第 1 行：文件不是 UTF-8 编码（请在 Excel 中另存为“CSV UTF-8”）" "$(cat "$dir/gbk-zh.err")"

# One of each is said in the singular (QA: "1 sources", "left out 1 tags").
printf 'ts,tag,value\n2026-06-01T00:00:00Z,a,1\n' >"$dir/one.csv"
"$cli" import "$dir/one.csv" --db "$dir/one.db" >"$dir/one.out" 2>&1
expect "one sample, one line" "$dir/one.csv: 1 sample from 1 of 1 line (long format) into $dir/one.db" "$(cat "$dir/one.out")"
"$cli" info --db "$dir/one.db" >"$dir/one-info.out"
expect "info: one tag, one sample" 1 "$(grep -c '^1 tag, 1 sample,' "$dir/one-info.out")"

# QA (渝西 park): a sheet headed with the park's own names for its tags, in Chinese or English,
# with or without the unit, is stored under the tags' ids with their units (beidu.json: 1号系列电流
# is potline-1.current in kA, 1号系列电解质温度 potline-1.bath_temp in degC, "Potline 1 voltage"
# potline-1.voltage in V); a header that names nothing stays an unknown tag, as before.
printf '\357\273\277时间,1号系列电流,1号系列电解质温度(℃),Potline 1 voltage (V),未知测点\r\n2026/3/1 9:00,401.5,960,4.2,1\r\n' >"$dir/names.csv"
"$cli" import "$dir/names.csv" --park beidu --db "$dir/names.db" >"$dir/names.out" 2>"$dir/names.err"
expect "names: exit code" 0 $?
expect "names: said which" 1 "$(grep -c "^3 tags given by the park's names for them, stored under their ids: 1号系列电流 → potline-1.current, 1号系列电解质温度(℃) → potline-1.bath_temp, Potline 1 voltage (V) → potline-1.voltage$" "$dir/names.out")"
expect "names: the one naming nothing is unknown" "$dir/names.csv: warning: 1 tag the park does not define (1 sample): 未知测点; stored without a unit (--skip-unknown-tags leaves it out)" "$(cat "$dir/names.err")"
expect "names: stored under the ids with their units" "potline-1.bath_temp|degC|analog
potline-1.current|kA|analog
potline-1.voltage|V|analog
未知测点||" "$(sqlite3 "$dir/names.db" 'SELECT name, unit, kind FROM tags ORDER BY name')"
"$cli" import "$dir/names.csv" --park beidu --lang zh --db "$dir/names-zh.db" >"$dir/names-zh.out" 2>&1
expect "names --lang zh: said which" 1 "$(grep -c "^3 个测点按园区中的名称识别：1号系列电流 → potline-1.current、1号系列电解质温度(℃) → potline-1.bath_temp、Potline 1 voltage (V) → potline-1.voltage$" "$dir/names-zh.out")"

# QA: a long-format sheet headed 时间,测点,数值 was read as a wide file with a tag "测点": every line
# refused, and an empty historian left behind. It is the long format; and a file of which no
# line is good creates no historian (an existing one is kept).
printf '\357\273\277时间,测点,数值\r\n2026/7/1 8:00,potline-1.current,"1,520.0"\r\n' >"$dir/long-zh.csv"
"$cli" import "$dir/long-zh.csv" --park beidu --db "$dir/long-zh.db" >"$dir/long-zh.out" 2>&1
expect "时间,测点,数值: exit code" 0 $?
expect "时间,测点,数值: the long format" 1 "$(grep -c "^$dir/long-zh.csv: 1 sample from 1 of 1 line (long format) into" "$dir/long-zh.out")"
expect "时间,测点,数值: the sample, 08:00 Shanghai" "2026-07-01T00:00:00.000Z,potline-1.current,1520" "$("$cli" export --db "$dir/long-zh.db" | tail -1)"
printf 'ts,a\n2026-07-01T00:00:00Z,x\n' >"$dir/nothing.csv"
"$cli" import "$dir/nothing.csv" --db "$dir/nothing.db" >/dev/null 2>"$dir/nothing.err"
expect "nothing good: exit code" 1 $?
expect "nothing good: no historian" no "$(ls "$dir"/nothing.db* >/dev/null 2>&1 && echo yes || echo no)"
expect "nothing good: said" 1 "$(grep -c "^$dir/nothing.csv: no sample imported; $dir/nothing.db not created$" "$dir/nothing.err")"
"$cli" import "$dir/nothing.csv" --db "$dir/nothing.db" --lang zh >/dev/null 2>"$dir/nothing-zh.err"
expect "nothing good, zh: said" 1 "$(grep -c "^$dir/nothing.csv：未导入任何样本，未创建 $dir/nothing.db$" "$dir/nothing-zh.err")"
"$cli" import "$dir/nothing.csv" --db "$dir/one.db" >/dev/null 2>&1
expect "nothing good into an existing historian: kept" 1 "$("$cli" info --db "$dir/one.db" | grep -c '^1 tag, 1 sample,')"

# QA: an Excel date column formatted as a number (45839.375) was stored in 1970. It is Excel's
# date number: 2025-07-01 09:00 (20,270 days after 1970-01-01 plus 25,569 from 1899-12-30 =
# 45,839; .375 = 9 h), park time in Shanghai = 01:00 UTC.
printf '\357\273\277时间,potline-1.current\r\n45839.375,401\r\n' >"$dir/serial.csv"
"$cli" import "$dir/serial.csv" --park beidu --db "$dir/serial.db" >"$dir/serial.out" 2>&1
expect "Excel date number: exit code" 0 $?
expect "Excel date number: stored as a date" "2025-07-01T01:00:00.000Z,potline-1.current,401" "$("$cli" export --db "$dir/serial.db" | tail -1)"
expect "Excel date number: said" 1 "$(grep -c "^1 time written as an Excel date number read as a date: 45839.375 is 2025-07-01 09:00$" "$dir/serial.out")"
"$cli" import "$dir/serial.csv" --park beidu --lang zh --db "$dir/serial-zh.db" >"$dir/serial-zh.out" 2>&1
expect "Excel date number, zh: said" 1 "$(grep -c "^1 个时间是 Excel 日期序号，已按日期读入：45839.375 即 2025-07-01 09:00$" "$dir/serial-zh.out")"

# QA: one bad cell dropped its line's good values, and #N/A was a bad cell. The good values are
# kept (3 of the 4 cells), #N/A is no reading, the bad cell is named by line and column.
printf 'ts,a,b\n2026-07-01T00:00:00Z,1,#N/A\n2026-07-01T00:01:00Z,abc,2\n' >"$dir/cells.csv"
"$cli" import "$dir/cells.csv" --db "$dir/cells.db" >"$dir/cells.out" 2>"$dir/cells.err"
expect "bad cell: exit code" 1 $?
expect "bad cell: named, and counted" "$dir/cells.csv:3:2: column 'a': value 'abc' is not a number
$dir/cells.csv: 1 bad cell left out (the other values of its line imported)" "$(cat "$dir/cells.err")"
expect "bad cell: the good values kept" 1 "$(grep -c "^$dir/cells.csv: 2 samples from 2 of 2 lines (wide format)" "$dir/cells.out")"
expect "bad cell: #N/A counted as no reading" 1 "$(grep -c "^1 cell marked as no reading (#N/A, #DIV/0!, -, --): no sample$" "$dir/cells.out")"
"$cli" import "$dir/cells.csv" --db "$dir/cells-zh.db" --lang zh >/dev/null 2>"$dir/cells-zh.err"
expect "bad cell, zh" "$dir/cells.csv:3:2: “a”列：值“abc”不是数字
$dir/cells.csv：略过了 1 个有误的单元格（所在行的其他值已导入）" "$(cat "$dir/cells-zh.err")"
"$cli" import "$dir/cells.csv" --db "$dir/cells-strict.db" --strict >/dev/null 2>"$dir/cells-strict.err"
expect "bad cell, --strict: exit code" 2 $?
expect "bad cell, --strict: nothing" "$dir/cells.csv:3:2: column 'a': value 'abc' is not a number
$dir/cells.csv: 1 bad cell; --strict: nothing imported" "$(cat "$dir/cells-strict.err")"

# QA: Excel's accounting format writes zero as a dash padded with spaces and a negative in
# parentheses; both were lost. By hand: a is 0 then -1234.5; the bare "-" of b stays no reading.
printf 'ts,a,b\r\n2026-07-01T00:00:00Z, -   ,-\r\n2026-07-01T00:01:00Z," (1,234.50)",2\r\n' >"$dir/accounting.csv"
"$cli" import "$dir/accounting.csv" --db "$dir/accounting.db" >"$dir/accounting.out" 2>&1
expect "accounting: exit code" 0 $?
expect "accounting: the values" "2026-07-01T00:00:00.000Z,a,0
2026-07-01T00:01:00.000Z,a,-1234.5
2026-07-01T00:01:00.000Z,b,2" "$("$cli" export --db "$dir/accounting.db" | tail -n +2 | sort)"
expect "accounting: the zero said" 1 "$(grep -c "^1 cell with Excel's accounting zero (\" -   \"): stored as 0$" "$dir/accounting.out")"
expect "accounting: the bare dash said" 1 "$(grep -c "^1 cell marked as no reading (#N/A, #DIV/0!, -, --): no sample$" "$dir/accounting.out")"
"$cli" import "$dir/accounting.csv" --db "$dir/accounting-zh.db" --lang zh >"$dir/accounting-zh.out" 2>&1
expect "accounting, zh: the zero said" 1 "$(grep -c "^1 个单元格是 Excel 会计格式的零（“ -   ”），按 0 存入$" "$dir/accounting-zh.out")"

finish "CLI store"
