#!/bin/sh
# The layers of lib/LAYERS hold: each layer needs only layers defined
# above it, and the layers are the folders of lib/ plus the programs;
# every file of lib/<layer>/, indexer/, searcher/ and every header in
# include/ includes only headers of its own layer or of the layers it
# names; no .c or .cc file sits directly in lib/; the one C++ file is
# lib/xapian/xapian.cc.  ZC_TOP checks another tree (a scratch copy).
. "$(dirname "$0")/lib.sh"
top=${ZC_TOP:-$top}

# layers TREE: one line per violation in TREE, then "files N", the
# number of files whose includes it read.
layers() {
	python3 - "$1" <<'PY'
import glob, os, re, sys
os.chdir(sys.argv[1])
programs = ("indexer", "searcher")
folders = [d for d in os.listdir("lib") if os.path.isdir("lib/" + d)]
sources = sorted(glob.glob("lib/*/*.c") + glob.glob("lib/*/*.cc"))
allowed, layer_of = {}, {}
def defined(n, name, deps):
    for dep in deps:
        if dep not in allowed:
            print("lib/LAYERS:%d: %s needs %s, which no earlier line defines"
                  % (n, name, dep))
for n, line in enumerate(open("lib/LAYERS", encoding="utf-8"), 1):
    name, _, rest = line.split("#")[0].strip().partition(":")
    if name == "headers":
        for mod, _, layer in (pair.partition("=") for pair in rest.split()):
            defined(n, "zc_%s.h" % mod, [layer])
            if (not os.path.isfile("include/zc_%s.h" % mod)
                    or glob.glob("lib/*/%s.c*" % mod)):
                print("lib/LAYERS:%d: zc_%s.h is no header without a .c file"
                      % (n, mod))
            layer_of[mod] = layer
    elif name:
        defined(n, name, rest.split())
        allowed[name] = set(rest.split()) | {name}
for name in sorted(set(folders) - set(allowed)):
    print("lib/%s/ is no layer of lib/LAYERS" % name)
for name in programs:
    if name not in allowed:
        print("%s/ is no layer of lib/LAYERS" % name)
for name in sorted(set(allowed) - set(folders) - set(programs)):
    print("lib/LAYERS: %s is no folder of lib/" % name)
for src in sources:
    layer_of.setdefault(os.path.basename(src).split(".")[0],
                        src.split("/")[1])
# "zc_x.h" is in include/, "gen/x.h" in lib/ (-Ilib), "x.h" next to the
# file; <x.h> is a system header unless it is one of those first two.
include = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^">]*)', re.M)
files = 0
def check(path, layer):
    global files
    files += 1
    for quote, name in include.findall(open(path, encoding="utf-8").read()):
        folder = os.path.dirname(name)
        mod = re.fullmatch(r"zc_(\w+)\.h", name)
        if quote == "<" and not (mod or os.path.isfile("lib/" + name)):
            continue
        if mod:
            dep = layer_of.get(mod.group(1))
        elif folder:
            dep = folder if folder in folders else None
        else:
            near = os.path.join(os.path.dirname(path), name)
            dep = layer if os.path.isfile(near) else None
        if dep is None:
            print("%s: %s belongs to no layer" % (path, name))
        elif dep not in allowed.get(layer, ()):
            print("%s (%s) includes %s (%s)" % (path, layer, name, dep))
for path in sources + sorted(glob.glob("lib/*/*.h")):
    check(path, path.split("/")[1])
for prog in programs:
    for path in sorted(glob.glob(prog + "/*.[ch]")):
        check(path, prog)
for hdr in sorted(glob.glob("include/*")):
    mod = re.fullmatch(r"include/zc_(\w+)\.h", hdr)
    if mod and mod.group(1) in layer_of:
        check(hdr, layer_of[mod.group(1)])
    else:
        print("%s belongs to no layer" % hdr)
print("files %d" % files)
PY
}

layers "$top" >"$tmp/report"
check "$(grep -v '^files ' "$tmp/report" | head -n 5)" "" "lib/LAYERS holds and every include points upstream"
check "$([ "$(sed -n 's/^files //p' "$tmp/report")" -gt 40 ] && echo yes)" yes "the sources were read"
check "$(ls "$top"/lib/*.c "$top"/lib/*.cc 2>/dev/null)" "" "no source file directly in lib/"
check "$(cd "$top" && find . -name '*.cc' -o -name '*.cpp' -o -name '*.cxx' | grep -v '^./tests/\|^./build' | sort)" \
    "./lib/xapian/xapian.cc" "one C++ file"

# A tree with one violation of each kind, and allowed includes of each
# kind: the checker reports exactly the violations.
bad=$tmp/bad
put() {	# put FILE LINE...: FILE in the bad tree, made of the LINEs
	f=$bad/$1; shift
	mkdir -p "$(dirname "$f")"
	printf '%s\n' "$@" >"$f"
}
put lib/LAYERS 'base: late' 'gen:' 'mid: base gen # comment' 'late:' \
    'indexer: base mid' 'ghost:' \
    'headers: hdr=mid a=base far=nowhere'
put lib/base/a.c '#include <stdio.h>' '#include <sys/types.h>' \
    '#include "zc_a.h"' '#include "priv.h"' \
    '#  include "zc_m.h"' '#include "gen/table.h"' '#include "missing.h"'
put lib/base/priv.h '#include "zc_m.h"'
put lib/mid/m.c '#include "zc_a.h"' '#include "zc_hdr.h"' \
    '#include "gen/table.h"' '#include <gen/table.h>'
put lib/late/l.c ''
put lib/gen/table.h ''
put lib/stray/s.c ''
put include/zc_a.h '#include "zc_m.h"'
put include/zc_m.h '#include <zc_l.h>'
put include/zc_l.h ''
put include/zc_hdr.h ''
put include/zc_far.h ''
put include/zc_orphan.h ''
put include/README ''
put indexer/main.c '#include "p.h"'
put indexer/p.h '#include "zc_l.h"'
put searcher/main.c '#include "../indexer/p.h"'
layers "$bad" | grep -v '^files ' | sort >"$tmp/bad-report"
sort >"$tmp/bad-expected" <<'EOF'
lib/LAYERS:1: base needs late, which no earlier line defines
lib/LAYERS:7: zc_far.h needs nowhere, which no earlier line defines
lib/LAYERS:7: zc_a.h is no header without a .c file
lib/stray/ is no layer of lib/LAYERS
searcher/ is no layer of lib/LAYERS
lib/LAYERS: ghost is no folder of lib/
lib/base/a.c (base) includes zc_m.h (mid)
lib/base/a.c (base) includes gen/table.h (gen)
lib/base/a.c: missing.h belongs to no layer
lib/base/priv.h (base) includes zc_m.h (mid)
include/zc_a.h (base) includes zc_m.h (mid)
include/zc_m.h (mid) includes zc_l.h (late)
indexer/p.h (indexer) includes zc_l.h (late)
searcher/main.c: ../indexer/p.h belongs to no layer
include/zc_orphan.h belongs to no layer
include/README belongs to no layer
EOF
check "$(cat "$tmp/bad-report")" "$(cat "$tmp/bad-expected")" \
    "the checker reports each kind of violation"

finish
