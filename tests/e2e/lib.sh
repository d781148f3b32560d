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

# How many documents corpus/ has (text pages and attachments).
n_corpus=$(ls "$top/corpus" | wc -l | tr -d ' ')

# read_text FILE [LINE]: the text a reader sees in FILE (at LINE, or in a
# PDF's or an OFD's page pN), read by tests/e2e/rawtext.py: a text file
# as it is, an attachment by a reader of its own, never lib/'s.
read_text() { python3 "$top/tests/e2e/rawtext.py" "$@"; }

# raw_grep_l -F|-E|-G PATTERN FILE...: the files whose text (read_text)
# grep matches, as grep -l lists them.
raw_grep_l() {
	_how=$1 _pattern=$2
	shift 2
	for _f; do
		# (grep reads it all: -q would close the pipe on python)
		read_text "$_f" | grep "$_how" -e "$_pattern" >/dev/null &&
		    echo "$_f"
	done
}

# A fresh copy of corpus/ and its index in $tmp.
index_corpus() {
	cp -R "$top/corpus" "$tmp/corpus"
	"$zcindex" --db "$tmp/db" -q "$tmp/corpus"
}

# The laws corpus of the benchmarks, when this machine has it.
laws=${ZC_LAWS:-$top/../shared/data/laws.tar.xz}

# fill_docs DIR N: N documents in DIR — laws from the laws corpus when
# present, else numbered variants of corpus/ (so CI without the data
# still exercises the same paths).
fill_docs() {
	mkdir -p "$1"
	if [ -f "$laws" ]; then
		mkdir -p "$tmp/laws-unpacked"
		tar -xJf "$laws" -C "$tmp/laws-unpacked" ./行政法规
		ls "$tmp/laws-unpacked/行政法规" | head -n "$2" | while read -r f; do
			cp "$tmp/laws-unpacked/行政法规/$f" "$1/"
		done
		rm -rf "$tmp/laws-unpacked"
	else
		i=0
		while [ "$i" -lt "$2" ]; do
			for f in "$top"/corpus/*.txt; do
				[ "$i" -lt "$2" ] || break
				{ cat "$f"; printf '\n附件编号第%d号\n' "$i"; } \
				    >"$1/v$i-$(basename "$f")"
				i=$((i + 1))
			done
		done
	fi
}

# build_helper NAME: tests/e2e/NAME.c, a test helper, built against
# libzhengce.a as the programs are (with the sanitizers when it has them:
# make check-asan) into $tmp/NAME; checks that it compiles.
build_helper() {
	_san=
	nm "$ZC_BUILD/libzhengce.a" 2>/dev/null | grep -q __asan_init &&
	    _san='-fsanitize=address,undefined'
	# shellcheck disable=SC2046,SC2086
	cc -std=c11 -I"$top/include" $_san -o "$tmp/$1" "$top/tests/e2e/$1.c" \
	    "$ZC_BUILD/libzhengce.a" \
	    $(pkg-config --libs xapian-core icu-i18n icu-uc libxml-2.0) \
	    -lstdc++ -lm -pthread 2>"$tmp/cc.err"
	check "$?" 0 "$1 compiles: $(head -n 3 "$tmp/cc.err")"
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}
