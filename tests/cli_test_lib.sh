# Sourced by the CLI end-to-end tests (tests/unit/*/cli_*_test.sh): a temp folder removed on
# exit, `expect DESCRIPTION EXPECTED ACTUAL`, and `finish NAME` for the summary and exit code.
# Without --lang the CLI speaks Chinese where the locale is Chinese: these checks expect English
# unless they ask (a test of that default sets LANG itself).
unset LC_ALL LC_MESSAGES
case "${LANG:-}" in zh*) LANG=C.UTF-8; export LANG ;; esac
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
expect() {
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1: expected [$2], got [$3]"
    failures=$((failures + 1))
  fi
}
finish() {
  [ "$failures" -eq 0 ] && echo "all $1 checks passed"
  exit "$failures"
}
