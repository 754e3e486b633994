#!/bin/bash
# parktwin-cli's --help and parse errors as a user meets them (QA F4/F13): Chinese under
# LANG=zh_CN.UTF-8 or --lang zh, English unchanged otherwise (the man page is read from it).
# Oracles: the English texts as parktwin-cli printed them before the Chinese was added, and the
# Chinese lines written here by hand.
# Usage: cli_help_lang_test.sh PATH/TO/parktwin-cli
set -u
cli=$1
. "$(dirname "$0")/../../cli_test_lib.sh"
cd "$dir" || exit 1
zh() { LANG=zh_CN.UTF-8 "$cli" "$@"; }

# --- export --help: the manager's example --------------------------------------------------
zh export --help >zh-help.out 2>&1
expect "LANG=zh_CN export --help: exit code" 0 $?
expect "export --help under zh: the description" "把历史库文件中的样本导出为 CSV（ts,tag,value）或 JSON" "$(sed -n 1p zh-help.out)"
expect "export --help under zh: the usage line" "用法: $cli export [选项]" "$(sed -n 2p zh-help.out)"
for line in "选项:" \
  "  -h,--help                   显示本帮助并退出" \
  "  --tags 文本 ...             以逗号分隔的测点（默认：全部测点）" \
  "  --format 文本:{csv,json}    csv 或 json"; do
  expect "export --help under zh has the line [$line]" 1 "$(grep -cxF -- "$line" zh-help.out)"
done
expect "export --help under zh: --db is the historian file" 1 "$(grep -cxF '                              历史库文件' zh-help.out)"
expect "export --help under zh: no English heading" 0 "$(grep -cE 'Usage|Options|OPTIONS|Print this help|TEXT' zh-help.out)"
"$cli" export --help --lang zh >lang-zh.out 2>&1
expect "--lang zh: the same help as LANG=zh_CN" "$(cat zh-help.out)" "$(cat lang-zh.out)"
"$cli" export --lang=zh --help >lang-eq-zh.out 2>&1
expect "--lang=zh: the same help as LANG=zh_CN" "$(cat zh-help.out)" "$(cat lang-eq-zh.out)"

# The list of commands under zh.
zh --help >zh-root.out 2>&1
expect "--help under zh: the usage line" "用法: $cli [选项] 命令" "$(sed -n 2p zh-root.out)"
expect "--help under zh: the commands' heading" 1 "$(grep -cx '命令:' zh-root.out)"
expect "--help under zh: export's line" 1 \
  "$(grep -cxF '  export                      把历史库文件中的样本导出为 CSV（ts,tag,value）或 JSON' zh-root.out)"

# Every command's help names the same options in both languages (nothing lost in translation).
options() { "$@" --help | grep -oE -- '--[a-z0-9][a-z0-9-]*' | sort -u | tr '\n' ' '; }
for command in check connections "connections check" "connections test" export flows import info ingest model \
               "model info" "model convert" park "park new" "park edit" "park import-geojson" scenario \
               "scenario run" "scenario list" simulate; do
  # shellcheck disable=SC2086 # the command's words
  expect "$command --help: the same options under zh" "$(options "$cli" $command)" "$(options zh $command)"
done

# --- English (the man page is read from it) ---------------------------------------------------
"$cli" export --help >en-help.out 2>&1
expect "export --help in English, unchanged" "Export samples from a historian file as CSV (ts,tag,value) or JSON
Usage: $cli export [OPTIONS]

Options:
  -h,--help                   Print this help message and exit
  --db TEXT:FILE Excludes: --store
                              Historian file
  --store TEXT Excludes: --db Store URI instead of --db: FILE, sqlite:FILE or clickhouse://HOST:PORT/DB[?park=NAME] (docs/server.md)
  --tags TEXT ...             Comma-separated tags (default: all)
  --from TEXT                 Start, inclusive (ISO-8601 or epoch s/ms; default: beginning). Without a zone (2026-06-01 08:00): the --park's civil time, or UTC without --park
  --to TEXT                   End, inclusive (as --from; default: end)
  --format TEXT:{csv,json}    csv or json
  --park TEXT                 Park file, or the name of a bundled park (beidu, jiulong), whose clock --from/--to without a zone and --times park are on (its time_zone)
  --times TEXT:{utc,park}     utc (default): 2026-06-01T00:00:00.000Z; park: the --park's civil time with its offset, 2026-06-01T08:00:00.000+08:00 (import reads both back)
  --lang TEXT:{zh,en}         Language of messages, problems and summaries: zh or en (default: zh where LC_ALL, LC_MESSAGES or LANG starts with zh, else en)" \
  "$(cat en-help.out)"
zh export --help --lang en >lang-en.out 2>&1
expect "--lang en over LANG=zh_CN: the English help" "$(cat en-help.out)" "$(cat lang-en.out)"
expect "--help in English is ASCII (the man page)" 0 "$(LC_ALL=C grep -c '[^ -~]' en-help.out)"

# --- parse errors ----------------------------------------------------------------------------
zh flows >/dev/null 2>err.out
expect "zh: a missing required option: exit code" 2 $?
expect "zh: a missing required option" "缺少必填选项 --park
加 --help 查看用法。" "$(cat err.out)"
zh export --bogus >/dev/null 2>err.out
expect "zh: an unknown option: exit code" 2 $?
expect "zh: an unknown option" "无法识别的参数：--bogus
加 --help 查看用法。" "$(cat err.out)"
"$cli" export --format xml --lang zh >/dev/null 2>err.out
expect "--lang zh: a value not allowed" "--format：取值 xml 无效，应为 {csv,json} 之一
加 --help 查看用法。" "$(cat err.out)"
zh info >/dev/null 2>err.out
expect "zh: neither --db nor --store" "info：需要给出 --db 文件 或 --store URI" "$(cat err.out)"
zh chek >/dev/null 2>err.out
expect "zh: a mistyped command" "parktwin-cli：没有“chek”这个命令；是不是要用 check？" "$(cat err.out)"

"$cli" flows >/dev/null 2>err.out
expect "en: a missing required option, unchanged" "--park is required
Run with --help for more information." "$(cat err.out)"
"$cli" export --bogus >/dev/null 2>err.out
expect "en: an unknown option, unchanged" "The following argument was not expected: --bogus
Run with --help for more information." "$(cat err.out)"
zh export --bogus --lang en >/dev/null 2>err.out
expect "--lang en over LANG=zh_CN: the English error" "The following argument was not expected: --bogus
Run with --help for more information." "$(cat err.out)"
"$cli" chek >/dev/null 2>err.out
expect "en: a mistyped command, unchanged" 'parktwin-cli: unknown command "chek"; did you mean check?' "$(cat err.out)"

finish cli_help_lang
