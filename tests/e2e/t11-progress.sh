#!/bin/sh
# Progress on a terminal only: under a pseudo-terminal (script(1)) zcindex
# draws one updating line (files, MB/s, elapsed, ETA) and clears it
# before the summary; with stderr a file there is no progress, only the
# summary; --quiet prints nothing at all.
. "$(dirname "$0")/lib.sh"

fill_docs "$tmp/docs" 50
script -qec "$zcindex --db $tmp/db1 $tmp/docs" /dev/null >"$tmp/tty.out" 2>&1
check "$?" 0 "zcindex under a terminal"
check "$(grep -c 'files .* MB/s .* elapsed .* ETA' "$tmp/tty.out")" 1 "a progress line on a terminal"
esc=$(printf '\033')
check "$(tr '\r' '\n' <"$tmp/tty.out" | sed "s/$esc\[K//g" | grep -c '^zcindex: indexed 50, ')" 1 "the summary after it"
check "$(grep -c "$(printf '\033\\[K')" "$tmp/tty.out")" 1 "the progress line is cleared"

"$zcindex" --db "$tmp/db2" "$tmp/docs" 2>"$tmp/file.err"
check "$(grep -c 'MB/s' "$tmp/file.err")" 0 "no progress when stderr is not a terminal"
check "$(grep -c '^zcindex: indexed 50, unchanged 0, removed 0, failed 0; ' "$tmp/file.err")" 1 "summary when stderr is not a terminal"

script -qec "$zcindex --quiet --db $tmp/db3 $tmp/docs" /dev/null >"$tmp/quiet.out" 2>&1
check "$(wc -c <"$tmp/quiet.out" | tr -d ' ')" 0 "--quiet prints nothing, even on a terminal"

finish
