#!/bin/sh
# bench-seg.sh BUILD_DIR — segmentation quality and speed on the PKU test
# set of the SIGHAN 2005 bakeoff: zhengce (ICU + rules + shipped lexicon)
# next to ICU's word break iterator alone (ZHENGCE_SEGMENT_ICU=1).
# Scores come from scripts/segscore.py; throughput is characters of the
# test file per second of `zcindex --segment` (whole process).
set -eu
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
data=${ZHENGCE_PKU:-$top/../shared/data/pku}
seg=${ZHENGCE_SEGMENTER:-$build/zcindex --segment}
test_file=$data/pku_test.utf8
gold=$data/pku_test_gold.utf8
words=$data/pku_training_words.utf8

for f in "$test_file" "$gold" "$words"; do
	if [ ! -r "$f" ]; then
		echo "bench-seg: $f: not found (set ZHENGCE_PKU)" >&2
		exit 2
	fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
chars=$(python3 -c 'import sys; print(sum(len("".join(l.split())) for l in open(sys.argv[1], encoding="utf-8")))' "$test_file")

run() { # name, env value
	start=$(date +%s.%N)
	ZHENGCE_SEGMENT_ICU=$2 $seg < "$test_file" > "$tmp/$1.out"
	end=$(date +%s.%N)
	score=$(python3 "$top/scripts/segscore.py" "$gold" "$tmp/$1.out" "$words")
	rate=$(python3 -c 'import sys; print("%.0f" % (int(sys.argv[1]) / max(float(sys.argv[3]) - float(sys.argv[2]), 1e-9)))' "$chars" "$start" "$end")
	printf '%-9s %s  %s chars/s\n' "$1" "$score" "$rate"
}
echo "PKU test set: $(wc -l < "$test_file") lines, $chars characters"
run zhengce 0
run icu 1
