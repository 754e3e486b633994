#!/usr/bin/env bash
# installer.man_pages: the man pages list every option the programs accept, for parktwin and
# for every command of parktwin-cli and for parktwin-server (read from their own --help), and render without warnings.
# Usage: man_pages_test.sh PARKTWIN PARKTWIN_CLI PARKTWIN.1 PARKTWIN_CLI.1 PARKTWIN_SERVER PARKTWIN_SERVER.1
set -u
# The man pages are English, made from the English help (make-man-page); parktwin-cli prints
# its help in Chinese where the locale is Chinese.
export LC_ALL=C.UTF-8
parktwin=$1 cli=$2 page=$3 cli_page=$4 server=$5 server_page=$6
failures=0
options() { "$@" --help | grep -oE -- '--[a-z0-9][a-z0-9-]*' | sort -u; }
listed() { sed 's/\\-/-/g' "$1" | grep -qF -- "$2"; }
check_all() {  # PAGE WHAT COMMAND...
  local page=$1 what=$2; shift 2
  for option in $(options "$@"); do
    listed "$page" "$option" || { echo "FAIL: $(basename "$page") lacks $what $option"; failures=$((failures + 1)); }
  done
}
check_all "$page" "parktwin" "$parktwin"
check_all "$server_page" "parktwin-server" "$server"
commands=$("$cli" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF {print $1}')
[ -n "$commands" ] || { echo "FAIL: parktwin-cli --help lists no commands"; failures=$((failures + 1)); }
for command in $commands; do
  check_all "$cli_page" "parktwin-cli $command" "$cli" "$command"
  for sub in $("$cli" "$command" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF {print $1}'); do
    check_all "$cli_page" "parktwin-cli $command $sub" "$cli" "$command" "$sub"
  done
done
for p in "$page" "$cli_page" "$server_page"; do
  warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z "$p" 2>&1)
  [ -z "$warnings" ] || { echo "FAIL: $(basename "$p") renders with warnings: $warnings"; failures=$((failures + 1)); }
done
[ $failures -eq 0 ] && echo "every option is in the man pages"
exit $failures
