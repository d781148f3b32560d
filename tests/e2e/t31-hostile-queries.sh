#!/bin/sh
# Hostile queries: a clear error (status 2) or a normal answer (0 or 1),
# never a crash, each within a second.
. "$(dirname "$0")/lib.sh"

index_corpus

# try NAME QUERY: status must be 0, 1 or 2 and the run under a second
try() {
	start=$(date +%s%N)
	"$zcsearch" --db "$tmp/db" -- "$2" >/dev/null 2>"$tmp/err"
	rc=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	check "$([ "$rc" -le 2 ] && echo ok)" ok "$1: exit status $rc"
	check "$([ "$ms" -lt 1000 ] && echo fast)" fast "$1: ${ms} ms"
	if [ "$rc" -eq 2 ]; then
		check "$(head -c 17 "$tmp/err")" "zcsearch: query: " "$1: error names the query"
	fi
}

# one argument holds at most 128 KB (MAX_ARG_STRLEN): 100,000 ASCII
# characters in one, 100,000 Han characters over several
try "100,000-character word" "$(python3 -c 'print("a" * 100000)')"
try "100,000 characters of words" "$(python3 -c 'print("ab " * 33334)')"
start=$(date +%s%N)
# shellcheck disable=SC2046
"$zcsearch" --db "$tmp/db" -- $(python3 -c 'print(" ".join(["科技" * 1000] * 50))') >/dev/null 2>&1
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "$([ "$rc" -le 2 ] && echo ok)" ok "100,000 Han characters in 50 arguments: exit status $rc"
check "$([ "$ms" -lt 1000 ] && echo fast)" fast "100,000 Han characters in 50 arguments: ${ms} ms"
try "10,000 nested parentheses" "$(python3 -c 'print("(" * 10000 + "孵化" + ")" * 10000)')"
try "10,000 open parentheses" "$(python3 -c 'print("(" * 10000)')"
try "unbalanced quote" '"科技创新'
try "unbalanced Chinese quote" '“科技创新'
try "closing parenthesis" '孵化)'
try "lone operator" 'OR'
try "NOT only" 'NOT'
try "empty field" 'title:'
try "impossible date" 'date:2024-02-30'
try "control characters" "$(printf '孵化\001\002\033[31m器\177')"
try "invalid UTF-8" "$(printf '\377\376孵化\300')"
try "only spaces" '   '
try "many ORs" "$(python3 -c 'print(" OR ".join(["孵化"] * 5000))')"
try "deep NOT" "$(python3 -c 'print("NOT " * 5000 + "孵化")')"
try "NEAR chain" "$(python3 -c 'print(" NEAR/5 ".join(["孵化"] * 2000))')"
try "huge NEAR distance" '孵化 NEAR/99999999999999999999 器'
try "wildcard alone" '*'
try "wildcard of everything" 'a*'

out=$("$zcsearch" --db "$tmp/db" '"科技创新' 2>&1); rc=$?
check "$rc" 2 "unbalanced quote exits 2"
check "$(echo "$out" | head -n 1)" "zcsearch: query: unbalanced quote" "unbalanced quote message"

finish
