#!/bin/sh
# Run every unit test program (criterion) and every end-to-end script
# against the programs in BUILD, then print one summary line,
# "N passed, N failed", counted in individual tests.
#
#   scripts/run-tests.sh BUILD [--sanitize]
#
# --sanitize: the programs were built with ASan/UBSan/LSan; every report
# goes to a log file, and any report fails the run, because criterion
# does not fail a test that only leaks.
set -u
build=${1:?usage: run-tests.sh BUILD [--sanitize]}
sanitize=${2:-}
ZC_BUILD=$(cd "$build" && pwd) || exit 2
export ZC_BUILD
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2

logs=$(mktemp -d "${TMPDIR:-/tmp}/zc-tests.XXXXXX")
trap 'rm -rf "$logs"' EXIT
if [ "$sanitize" = "--sanitize" ]; then
	mkdir -p "$logs/san"
	export ASAN_OPTIONS="detect_leaks=1:log_path=$logs/san/asan"
	export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/san/ubsan"
	export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
fi

passed=0
failed=0
add() { passed=$((passed + $1)); failed=$((failed + $2)); }

for t in "$ZC_BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	"$t" --jobs 1 >"$logs/$name.log" 2>&1
	rc=$?
	line=$(grep 'Synthesis:' "$logs/$name.log" | tail -n 1)
	# [====] Synthesis: Tested: 20 | Passing: 20 | Failing: 0 | Crashing: 0
	p=$(echo "$line" | sed -n 's/.*Passing: \([0-9]*\).*/\1/p')
	f=$(echo "$line" | sed -n 's/.*Failing: \([0-9]*\).*/\1/p')
	if [ -z "$p" ]; then
		p=0 f=1
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	add "$p" "$f"
	if [ "$f" -ne 0 ]; then
		echo "FAIL $name"
		grep -v '^\[----\] *$' "$logs/$name.log" | tail -n 40
	else
		echo "ok   $name ($p tests)"
	fi
done

for t in tests/e2e/t*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t")
	sh "$t" >"$logs/$name.log" 2>&1
	rc=$?
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/$name.log" |
	    tail -n 1)
	p=${line%% passed*}
	f=${line#*passed, }
	f=${f%% failed}
	if [ -z "$line" ]; then
		p=0 f=1
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	add "$p" "$f"
	if [ "$f" -ne 0 ]; then
		echo "FAIL $name"
		tail -n 40 "$logs/$name.log"
	else
		echo "ok   $name ($p tests)"
	fi
done

if [ "$sanitize" = "--sanitize" ] && [ -n "$(ls "$logs/san" 2>/dev/null)" ]; then
	echo "FAIL sanitizer reports:"
	cat "$logs"/san/* | head -n 200
	add 0 "$(ls "$logs/san" | wc -l)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
