#!/bin/sh
# Shards and remote databases (issue 20): zcindex --shards 3 splits 300
# laws (corpus/ variants without the data) and corpus/ into three
# shards; one of them is served by xapian-tcpsrv on 127.0.0.1, started
# and stopped here; 100 random queries (shards.py) give the same answers
# from the shards, the remote one among them, as from one database.  Then
# incremental runs, --status, refusals, a remote server that is down or
# killed in the middle of a search (ssh:// through a stand-in for ssh
# that runs xapian-progsrv here), and --partial.
. "$(dirname "$0")/lib.sh"

command -v xapian-tcpsrv >/dev/null 2>&1 || {
	check "missing" "xapian-tcpsrv" "xapian-tcpsrv installed (xapian-tools)"
	finish
}
mkdir -p "$tmp/docs"
# 300 laws; in make check-laws (ZC_LAWS=full) all 3,475, flat-named as
# t23-laws.sh names them
if [ "${ZC_LAWS:-}" = full ]; then
	mkdir -p "$tmp/unpack" "$tmp/docs/laws"
	xz -dc "${ZC_LAWS_TAR:-$top/../shared/data/laws.tar.xz}" |
	    tar -x -C "$tmp/unpack" -f - || exit 2
	i=0
	find "$tmp/unpack" -name '*.md' ! -name 'README*' ! -path '*/.*' |
	    LC_ALL=C sort | while IFS= read -r f; do
		i=$((i + 1))
		cp "$f" "$tmp/docs/laws/$(printf '%04d' "$i").md"
	done
	rm -rf "$tmp/unpack"
else
	fill_docs "$tmp/docs/laws" 300
fi
cp -R "$top/corpus" "$tmp/docs/corpus"
# reposts of corpus/000 (t38-copies.sh), to be grouped across shards: one
# renamed until its path hashes to another shard than the reply's
# (shard_of: FNV-1a of the absolute path, modulo 3, plus 1)
cp -R "$top/tests/data/copies" "$tmp/docs/copies"
python3 - "$tmp/docs" <<'EOF'
import os, sys
def shard(p, n=3):
    h = 0xcbf29ce484222325
    for b in os.path.realpath(p).encode():
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h % n + 1
d = sys.argv[1]
orig = shard(os.path.join(d, "corpus/000_7e851b9a99e99ef3.txt"))
f, i = os.path.join(d, "copies/forwarded.txt"), 0
while shard(f) == orig:
    i += 1
    g = os.path.join(d, "copies/forwarded-%d.txt" % i)
    os.rename(f, g)
    f = g
EOF
zs() { "$zcsearch" --color=never "$@"; }

# ---- one database and three shards of the same files --------------------
"$zcindex" --db "$tmp/one" -q "$tmp/docs"
check "$?" 0 "zcindex: one database"
"$zcindex" --db "$tmp/sh" --shards 3 "$tmp/docs" 2>"$tmp/sh.err"
check "$?" 0 "zcindex --shards 3"
n_files=$(find "$tmp/docs" -type f | wc -l | tr -d ' ')
check "$(sed -n 's/^zcindex: \(indexed [0-9]*\), .*/\1/p' "$tmp/sh.err")" \
    "indexed $n_files" "one summary for the three shards"
check "$(cat "$tmp/sh/XAPIANDB")" "auto shard-1
auto shard-2
auto shard-3" "the stub lists the shards, as Xapian reads stubs"
docs_in() { "$zcindex" --db "$1" --status | sed -n 's/^documents: *//p'; }
a=$(docs_in "$tmp/sh/shard-1") b=$(docs_in "$tmp/sh/shard-2") c=$(docs_in "$tmp/sh/shard-3")
check "$((a + b + c)):$([ "$a" -gt 0 ] && [ "$b" -gt 0 ] && [ "$c" -gt 0 ] && echo all)" \
    "$n_files:all" "every file in one shard, every shard used ($a $b $c)"
out=$("$zcindex" --db "$tmp/sh" --status)
check "$(echo "$out" | sed -n 's/^documents: *//p'):$(echo "$out" | sed -n 's/^shards: *//p')" \
    "$n_files:3" "--status: all the documents, three shards"
check "$(echo "$out" | grep -c '^shard: *shard-[123]: [0-9]* documents, [0-9]* passages, ')" 3 \
    "--status: a line per shard"

# the reply and its reposts lie in more than one shard, and are one group
# there as in one database
groups() { zs "$@" --json --all-copies '"沃壤行动"' | jq -r .group | sort -u; }
spread=$(for k in 1 2 3; do zs --db "$tmp/sh/shard-$k" -c '"沃壤行动"'; done | grep -vc '^0$')
check "$([ "$spread" -ge 2 ] && echo spread)" spread "the copies lie in $spread shards"
check "$(groups --db "$tmp/sh" | wc -l | tr -d ' '):$(groups --db "$tmp/sh")" \
    "1:$(groups --db "$tmp/one")" "copies across shards: one group, the one of one database"
out=$(zs --db "$tmp/sh" --json -n 0 '"沃壤行动"' | jq -r '"\(.group) \(.copies)"')
check "$(echo "$out" | cut -d' ' -f1 | sort | uniq -d | wc -l | tr -d ' '):$(echo "$out" | grep -c ' [1-9][0-9]*$')" \
    "0:1" "the default list shows the group once, with its copies"

# ---- the third shard served by xapian-tcpsrv ----------------------------
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# its own session: on SIGTERM xapian-tcpsrv signals its process group
setsid xapian-tcpsrv --port "$port" --interface 127.0.0.1 "$tmp/sh/shard-3" \
    >"$tmp/srv.log" 2>&1 &
i=0
while ! grep -q Listening "$tmp/srv.log" 2>/dev/null && [ "$i" -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
srv=$(pgrep -f "xapian-tcpsrv --port $port" | head -n 1)
stop_server() { [ -n "${srv:-}" ] && kill -- "-$srv" 2>/dev/null; srv=; }
trap 'stop_server; rm -rf "$tmp"' EXIT
check "$(grep -c Listening "$tmp/srv.log")" 1 "xapian-tcpsrv listens on 127.0.0.1:$port"
remote="--db $tmp/sh/shard-1 --db $tmp/sh/shard-2 --db tcp://127.0.0.1:$port"

check "$(zs $remote -c 科技)" "$(zs --db "$tmp/one" -c 科技)" "-c 科技 with a remote shard"
find "$tmp/docs" -type f | sort >"$tmp/files"
out=$(python3 "$top/tests/e2e/shards.py" "$zcsearch" "--db $tmp/one" "$remote" 100 \
    $(cat "$tmp/files"))
echo "$out"
check "$(echo "$out" | sed -n 's/^SHARDS .* differ=\([0-9]*\)$/\1/p')" 0 \
    "100 random queries: shards with a remote one answer as one database"
out=$(python3 "$top/tests/e2e/shards.py" "$zcsearch" "--db $tmp/one" "--db $tmp/sh" 30 \
    $(cat "$tmp/files"))
check "$(echo "$out" | sed -n 's/^SHARDS .* differ=\([0-9]*\)$/\1/p')" 0 \
    "30 random queries: the sharded folder (its stub) answers as one database"

# ---- a remote server that is down ---------------------------------------
stop_server
sleep 0.2
out=$(zs $remote -c 科技 2>&1); rc=$?
check "$rc:$out" "2:zcsearch: tcp://127.0.0.1:$port: connection refused" \
    "server down: exit 2, the remote named"
want=$(zs --db "$tmp/sh/shard-1" --db "$tmp/sh/shard-2" -l 科技)
out=$(zs --partial $remote -l 科技 2>"$tmp/partial.err"); rc=$?
check "$rc:$out" "0:$want" "--partial: what the other shards hold"
check "$(cat "$tmp/partial.err")" \
    "zcsearch: tcp://127.0.0.1:$port: connection refused (left out: --partial)" \
    "--partial: a warning names the one left out"
out=$(ZHENGCE_REMOTE_TIMEOUT=0 zs $remote -c 科技 2>&1); rc=$?
check "$rc:$(echo "$out" | head -n 1)" \
    "2:zcsearch: ZHENGCE_REMOTE_TIMEOUT: not a number of seconds from 1 to 3600" \
    "ZHENGCE_REMOTE_TIMEOUT is checked"

# ---- ssh://: xapian-progsrv through a stand-in for ssh ------------------
# It runs the command here (ignoring the host); with KILL_AFTER=N it kills
# xapian-progsrv once N bytes of its answers went back and leaves a mark,
# after which it cannot connect, as a server that died.
mkdir -p "$tmp/bin"
cat >"$tmp/bin/ssh" <<'EOF'
#!/usr/bin/env python3
import os, subprocess, sys
args = sys.argv[1:]
while args and args[0] in ("-o", "-T"):
    args = args[2:] if args[0] == "-o" else args[1:]
host, cmd = args[0], args[1:]
dead = os.environ.get("DEAD_MARK")
if dead and os.path.exists(dead):
    sys.stderr.write("ssh: connect to host %s port 22: Connection refused\n" % host)
    sys.exit(255)
limit = int(os.environ.get("KILL_AFTER", "0"))
if not limit:
    os.execvp(cmd[0], cmd)
child = subprocess.Popen(cmd, stdout=subprocess.PIPE)
sent = 0
while True:
    data = os.read(child.stdout.fileno(), 65536)
    if not data:
        break
    if sent + len(data) > limit:
        os.write(1, data[:max(0, limit - sent)])
        child.kill()
        open(dead, "w").close()
        break
    os.write(1, data)
    sent += len(data)
child.wait()
EOF
chmod +x "$tmp/bin/ssh"
viassh="--db $tmp/sh/shard-1 --db $tmp/sh/shard-2 --db ssh://localhost$tmp/sh/shard-3"
all=$(zs --db "$tmp/sh" --json -n 0 --all-copies 科技 | wc -l | tr -d ' ')
check "$(PATH=$tmp/bin:$PATH zs $viassh --json -n 0 --all-copies 科技 | wc -l | tr -d ' ')" \
    "$all" "ssh://: the same hits as the sharded folder"
# killed after the opening exchange, in the middle of the hits
out=$(DEAD_MARK=$tmp/dead KILL_AFTER=20000 PATH=$tmp/bin:$PATH \
    zs $viassh --json -n 0 --all-copies 科技 2>&1 >/dev/null); rc=$?
check "$rc:$out" "2:zcsearch: ssh://localhost$tmp/sh/shard-3: connection closed" \
    "killed mid-search: exit 2, the remote named"
check "$([ -f "$tmp/dead" ] && echo killed)" killed "the stand-in did kill xapian-progsrv"
# a remote that never answers: ZHENGCE_REMOTE_TIMEOUT
printf '#!/bin/sh\nexec sleep 4\n' >"$tmp/hang-ssh"
mkdir -p "$tmp/hang" && mv "$tmp/hang-ssh" "$tmp/hang/ssh" && chmod +x "$tmp/hang/ssh"
start=$(date +%s)
out=$(ZHENGCE_REMOTE_TIMEOUT=1 PATH=$tmp/hang:$PATH zs --db "ssh://localhost$tmp/sh/shard-3" -c 科技 2>&1); rc=$?
took=$(($(date +%s) - start))
check "$rc:$out" "2:zcsearch: ssh://localhost$tmp/sh/shard-3: timed out" \
    "a remote that does not answer: timed out"
check "$([ "$took" -lt 10 ] && echo soon)" soon "ZHENGCE_REMOTE_TIMEOUT=1: given up soon (${took} s)"
rm -f "$tmp/dead"
want=$(zs --db "$tmp/sh/shard-1" --db "$tmp/sh/shard-2" -l 科技 | sort)
out=$(DEAD_MARK=$tmp/dead KILL_AFTER=20000 PATH=$tmp/bin:$PATH \
    zs --partial $viassh --json -n 0 --all-copies 科技 2>"$tmp/partial.err" |
    jq -r .path | sort); rc=$?
check "$out" "$want" "killed mid-search, --partial: the other shards' hits"
check "$(cat "$tmp/partial.err")" \
    "zcsearch: ssh://localhost$tmp/sh/shard-3: connection closed (left out: --partial)" \
    "killed mid-search, --partial: a warning"

# ---- incremental runs keep each file in its shard ------------------------
out=$("$zcindex" --db "$tmp/sh" "$tmp/docs" 2>&1)
check "$(echo "$out" | sed -n 's/^zcindex: \(indexed [0-9]*, unchanged [0-9]*, removed [0-9]*\),.*/\1/p')" \
    "indexed 0, unchanged $n_files, removed 0" "a re-run (its number of shards from the stub)"
mv "$tmp/docs/corpus/000_7e851b9a99e99ef3.txt" "$tmp/docs/renamed.txt"
rm "$tmp/docs/corpus/007_attachment_plan.ofd"
out=$("$zcindex" --db "$tmp/sh" --shards 3 "$tmp/docs" 2>&1)
check "$(echo "$out" | sed -n 's/^zcindex: \(indexed [0-9]*, unchanged [0-9]*, removed [0-9]*\),.*/\1/p')" \
    "indexed 1, unchanged $((n_files - 2)), removed 2" "a rename and a removal"
check "$(zs --db "$tmp/sh" -l 沃壤行动 | grep -c -e "^$tmp/docs/renamed.txt\$" -e "^$tmp/docs/corpus/000_7e851b9a99e99ef3.txt\$")" 1 \
    "the renamed file under its new path only"
check "$(zs --db "$tmp/sh" -c 'title:荆州经开区科技成果转化工作方案')" 0 \
    "the removed file is gone"

# ---- --compact OUT: the shards merged into one database -------------------
"$zcindex" --db "$tmp/sh" --compact "$tmp/merged"
check "$?" 0 "--compact OUT"
"$zcindex" --db "$tmp/one" -q "$tmp/docs"
out=$(python3 "$top/tests/e2e/shards.py" "$zcsearch" "--db $tmp/one" "--db $tmp/merged" 30 \
    $(find "$tmp/docs" -type f | sort))
echo "$out"
check "$(echo "$out" | sed -n 's/^SHARDS .* differ=\([0-9]*\)$/\1/p')" 0 \
    "30 random queries: the merged database answers as one built whole"
# counts by field read every posting: what Xapian's own merge got wrong
check "$(zs --db "$tmp/merged" --count-by year --count-by issuer 科技 2>&1)" \
    "$(zs --db "$tmp/one" --count-by year --count-by issuer 科技 2>&1)" \
    "--count-by over the merged database (docs/pitfalls.md)"
out=$("$zcindex" --db "$tmp/merged" "$tmp/docs" 2>&1)
check "$(echo "$out" | sed -n 's/^zcindex: \(indexed [0-9]*, unchanged [0-9]*, removed [0-9]*\),.*/\1/p')" \
    "indexed 0, unchanged $((n_files - 1)), removed 0" "the merged database is indexed on as any other"
out=$("$zcindex" --db "$tmp/sh" --compact "$tmp/merged" 2>&1); rc=$?
check "$rc:$out" "2:zcindex: --compact: $tmp/merged: exists (give a new folder)" \
    "--compact refuses an existing OUT"
out=$("$zcindex" --db "tcp://127.0.0.1:$port" --compact "$tmp/m2" 2>&1); rc=$?
check "$rc:$([ -e "$tmp/m2" ] || echo none)" "2:none" "--compact of a remote database: refused, nothing written"

# ---- killed: the next run completes the work -------------------------------
for at in 0.3 1.0; do
	rm -rf "$tmp/killed"
	setsid "$zcindex" --db "$tmp/killed" --shards 3 -q "$tmp/docs" &
	sleep "$at"
	kill -9 -- "-$!" 2>/dev/null
	wait 2>/dev/null
	"$zcindex" --db "$tmp/killed" --shards 3 -q "$tmp/docs"
	check "$?" 0 "killed after $at s: the re-run succeeds"
	out=$(python3 "$top/tests/e2e/shards.py" "$zcsearch" "--db $tmp/one" "--db $tmp/killed" 20 \
	    $(find "$tmp/docs" -type f | sort))
	check "$(echo "$out" | sed -n 's/^SHARDS .* differ=\([0-9]*\)$/\1/p')" 0 \
	    "killed after $at s: then 20 random queries answer as one database"
done

# ---- refusals -----------------------------------------------------------
out=$("$zcindex" --db "$tmp/sh" --shards 2 "$tmp/docs" 2>&1); rc=$?
check "$rc:$out" "2:zcindex: $tmp/sh: 3 shards, not 2 (--rebuild to change their number)" \
    "another number of shards is refused"
out=$("$zcindex" --db "$tmp/one" --shards 2 "$tmp/docs" 2>&1); rc=$?
check "$rc:$out" "2:zcindex: $tmp/one: one database, not shards (index the shards into another --db)" \
    "one database is not made shards"
for bad in 0 65 x -1; do
	out=$("$zcindex" --db "$tmp/x" --shards "$bad" "$tmp/docs" 2>&1 | head -n 1); rc=$?
	check "$out" "zcindex: --shards $bad: not a number from 1 to 64" "--shards $bad"
done
printf 'auto shard-1\nremote 127.0.0.1:1\n' >"$tmp/sh2"
mkdir -p "$tmp/odd" && cp "$tmp/sh2" "$tmp/odd/XAPIANDB"
out=$("$zcindex" --db "$tmp/odd" "$tmp/docs" 2>&1); rc=$?
check "$rc:$out" "2:zcindex: $tmp/odd/XAPIANDB: a stub zcindex did not write (line 2: not \"auto shard-2\")" \
    "a stub zcindex did not write is left alone"
# a stub file of one's own, naming a folder and a remote that is down
printf 'auto %s\nremote 127.0.0.1:%s\n' "$tmp/sh/shard-1" "$port" >"$tmp/mine.stub"
out=$(zs --db "$tmp/mine.stub" -c 科技 2>&1); rc=$?
check "$rc:$out" "2:zcsearch: $tmp/mine.stub: tcp://127.0.0.1:$port: connection refused" \
    "a stub's remote part that is down is named"
check "$(zs --partial --db "$tmp/mine.stub" -c 科技 2>/dev/null)" "$(zs --db "$tmp/sh/shard-1" -c 科技)" \
    "--partial: a stub's parts that answer"

finish
