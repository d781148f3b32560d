#!/bin/sh
# make check-kill: kill -9 zcindex at 20 random moments of an index run of
# the laws corpus.  After every kill the database must open, answer, and
# hold each file's passages whole or not at all (the record of every
# document carries exactly the passages --dump gives); a final re-run
# must converge to the counts and results of a clean run.
#   tests/kill/kill-run.sh BUILD [KILLS]
set -u
build=$(cd "${1:?usage: kill-run.sh BUILD [KILLS]}" && pwd)
kills=${2:-20}
top=$(cd "$(dirname "$0")/../.." && pwd)
laws=${ZC_LAWS_TAR:-$top/../shared/data/laws.tar.xz}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zc-kill.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() {
	if [ "$1" = "$2" ]; then passed=$((passed + 1)); else
		failed=$((failed + 1)); printf 'FAIL %s\n  expected: %s\n  actual:   %s\n' "$3" "$2" "$1"; fi
}

mkdir -p "$tmp/docs"
tar -xJf "$laws" -C "$tmp/docs" || exit 2
rm -rf "$tmp/docs/.github"
queries='国务院 "行政处罚" 罚款 title:条例 date:2000..2010 环境保护'
results() {
	for q in $queries; do echo "== $q"; "$build/zcsearch" --db "$1" -l "$q"; done
}
counts() { "$build/zcindex" --db "$1" --status | grep -E '^(documents|passages):'; }

"$build/zcindex" --db "$tmp/clean" -q "$tmp/docs"
results "$tmp/clean" >"$tmp/clean.results"
counts "$tmp/clean" >"$tmp/clean.counts"
clean_s=$(( $(date +%s) ))

# seeded moments between 0.2 s and 12 s into a run
moments=$(python3 -c "
import random; r = random.Random(20261123)
print(' '.join('%.2f' % r.uniform(0.2, 12) for _ in range($kills)))")
k=0
for t in $moments; do
	k=$((k + 1))
	"$build/zcindex" --db "$tmp/killed" -q --batch 50 "$tmp/docs" &
	pid=$!
	sleep "$t"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ -d "$tmp/killed" ] || continue
	"$build/zcindex" --db "$tmp/killed" --status >/dev/null 2>&1
	check "$?" 0 "kill $k at ${t}s: database opens"
	"$build/zcsearch" --db "$tmp/killed" -c 条例 >/dev/null 2>&1
	rc=$?
	check "$([ "$rc" -le 1 ] && echo answers)" answers "kill $k at ${t}s: search answers ($rc)"
	# whole files: the per-file state says how many passages each
	# indexed file has; the documents' records must agree
	n=$("$build/zcindex" --db "$tmp/killed" --status | sed -n 's/^documents: *//p')
	m=$("$build/zcsearch" --db "$tmp/killed" -c 'path:/' 2>/dev/null)
	check "$n" "${m:-0}" "kill $k at ${t}s: every stored state has its document"
done
"$build/zcindex" --db "$tmp/killed" -q "$tmp/docs"
check "$?" 0 "re-run after $kills kills"
counts "$tmp/killed" >"$tmp/killed.counts"
check "$(cat "$tmp/killed.counts")" "$(cat "$tmp/clean.counts")" "same counts as a clean run"
results "$tmp/killed" >"$tmp/killed.results"
check "$(cmp -s "$tmp/clean.results" "$tmp/killed.results" && echo same)" same "same results as a clean run"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
