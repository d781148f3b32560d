#!/bin/sh
# make bench: zhengce side by side with ripgrep, Xapian's omega and SQLite
# FTS5 (trigram) on the laws corpus (plus corpus/), in the same run.  BENCH_SCALE=10 indexes a
# ten-fold copy.  Needs root or the peers already installed.
set -eu
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
laws=${ZC_LAWS:-$top/../shared/data/laws.tar.xz}
missing=""
command -v rg >/dev/null 2>&1 || missing="$missing ripgrep"
command -v omindex >/dev/null 2>&1 || missing="$missing xapian-omega"
command -v quest >/dev/null 2>&1 || missing="$missing xapian-tools"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "bench: missing packages:$missing" >&2
		echo "bench: install them with: sudo apt-get install -y$missing" >&2
		exit 1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
fi
if [ ! -f "$laws" ]; then
	echo "bench: $laws: laws corpus not found (set ZC_LAWS)" >&2
	exit 1
fi
exec python3 "$top/scripts/bench.py" --build "$build" --laws "$laws" \
    --scale "${BENCH_SCALE:-1}" --out "$top/bench/results"
