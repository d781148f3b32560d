# Helpers for the end-to-end scripts: source it, call check, end with
# finish.  ZC_BUILD is the absolute build folder (scripts/run-tests.sh).
: "${ZC_BUILD:?run through scripts/run-tests.sh or set ZC_BUILD}"
zcindex=$ZC_BUILD/zcindex
zcsearch=$ZC_BUILD/zcsearch
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zc-e2e.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# check ACTUAL EXPECTED [what]
check() {
	if [ "$1" = "$2" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		printf 'FAIL %s\n  expected: %s\n  actual:   %s\n' \
		    "${3:-line $(caller 2>/dev/null || echo ?)}" "$2" "$1"
	fi
}

# A fresh copy of corpus/ and its index in $tmp.
index_corpus() {
	cp -R "$top/corpus" "$tmp/corpus"
	"$zcindex" --db "$tmp/db" -q "$tmp/corpus"
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}
