#!/bin/sh
# zcindex and zcsearch open the same database for every combination of
# --db (absent, empty, given), ZHENGCE_DB (unset, empty, set),
# XDG_DATA_HOME (unset, empty, absolute, relative) and HOME (unset,
# empty, absolute, relative).  Each combination runs in a sandbox of its
# own: before indexing both programs name the same missing database, zcindex then
# creates it where zc_config.h says and nowhere else, and zcsearch finds
# 沃壤行动 in it.  Where no database is named, both refuse alike.
. "$(dirname "$0")/lib.sh"

cp -R "$top/corpus" "$tmp/corpus"
doc=$tmp/corpus/000_7e851b9a99e99ef3.txt

# run D Z X H PROGRAM ARG...: PROGRAM with --db D, ZHENGCE_DB=Z,
# XDG_DATA_HOME=X and HOME=H, where "-" leaves the option out or the
# variable unset.  (Shell functions share variables: r_ names its own.)
run() {
	r_d=$1 r_z=$2 r_x=$3 r_h=$4
	shift 4
	r_cmd=$1
	shift
	[ "$r_d" = - ] || set -- --db "$r_d" "$@"
	set -- "$r_cmd" "$@"
	[ "$r_h" = - ] || set -- "HOME=$r_h" "$@"
	[ "$r_x" = - ] || set -- "XDG_DATA_HOME=$r_x" "$@"
	[ "$r_z" = - ] || set -- "ZHENGCE_DB=$r_z" "$@"
	env -u ZHENGCE_DB -u XDG_DATA_HOME -u HOME "$@"
}

# The database of zc_config.h for D Z X H, or "usage" / "none".
expected() {
	if [ "$1" != - ]; then
		if [ -n "$1" ]; then echo "$1"; else echo usage; fi
	elif [ "$2" != - ] && [ -n "$2" ]; then
		echo "$2"
	elif [ "${3#/}" != "$3" ]; then
		echo "$3/zhengce/db"
	elif [ "${4#/}" != "$4" ]; then
		echo "$4/.local/share/zhengce/db"
	else
		echo none
	fi
}

usage_msg="--db: empty path"
none_msg="database: HOME is not an absolute path, so there is no default (give --db or set ZHENGCE_DB)"

n=0
for d in - '' opt; do
for z in - '' env; do
for x in - '' xdg rel; do
for h in - '' home relh; do
	n=$((n + 1))
	s=$tmp/c$n
	mkdir -p "$s/cwd"
	# absolute values inside the sandbox; "rel" is relative to its cwd
	dv=$d zv=$z xv=$x hv=$h
	[ "$d" = opt ] && dv=$s/opt/db
	[ "$z" = env ] && zv=$s/env/db
	[ "$x" = xdg ] && xv=$s/xdg
	[ "$x" = rel ] && xv=xdg
	[ "$h" = home ] && hv=$s/home
	[ "$h" = relh ] && hv=home
	what="--db ${d:-''} ZHENGCE_DB ${z:-''} XDG_DATA_HOME ${x:-''} HOME ${h:-''}"
	want=$(expected "$dv" "$zv" "$xv" "$hv")
	cd "$s/cwd" || exit 2

	miss_s=$(run "$dv" "$zv" "$xv" "$hv" "$zcsearch" -l 沃壤行动 2>&1 >/dev/null)
	rc_s=$?
	miss_i=$(run "$dv" "$zv" "$xv" "$hv" "$zcindex" --status 2>&1 >/dev/null)
	rc_i=$?
	case $want in
	usage | none)
		[ "$want" = usage ] && msg=$usage_msg || msg=$none_msg
		check "$rc_s $rc_i" "2 2" "$what: both exit 2"
		check "$(echo "$miss_s" | head -n 1)" "zcsearch: $msg" "$what: zcsearch says why"
		check "$(echo "$miss_i" | head -n 1)" "zcindex: $msg" "$what: zcindex says why"
		run "$dv" "$zv" "$xv" "$hv" "$zcindex" -q "$tmp/corpus" 2>/dev/null
		check "$?:$(find "$s" -name 'iamglass' -o -name XAPIANDB | wc -l | tr -d ' ')" "2:0" "$what: zcindex writes no database"
		;;
	*)
		check "$miss_s" "zcsearch: $want: no index here (run zcindex first)" "$what: zcsearch looks in $want"
		check "${miss_i%% (*}" "zcindex: $want: no index here" "$what: zcindex --status looks in $want"
		run "$dv" "$zv" "$xv" "$hv" "$zcindex" -q "$tmp/corpus"
		check "$?" 0 "$what: zcindex"
		check "$(find "$s" -name XAPIANDB)" "$want/XAPIANDB" "$what: the only database is $want"
		check "$(run "$dv" "$zv" "$xv" "$hv" "$zcsearch" -l 沃壤行动)" "$doc" "$what: zcsearch finds what zcindex wrote"
		check "$(run "$dv" "$zv" "$xv" "$hv" "$zcindex" --status | sed -n 's/^database: *//p')" "$want" "$what: zcindex --status names it"
		;;
	esac
done
done
done
done
check "$n" 144 "combinations tried"

# The rule exists once: no other source reads these variables.
cd "$top" || exit 2
check "$(grep -rlE 'getenv\("(ZHENGCE_DB|XDG_DATA_HOME)"\)' indexer searcher lib include | sort)" \
    "lib/base/config.c" "ZHENGCE_DB and XDG_DATA_HOME are read in lib/base/config.c only"

finish
