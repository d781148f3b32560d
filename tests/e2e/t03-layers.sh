#!/bin/sh
# The layers of lib/LAYERS hold: every file of lib/<layer>/, indexer/,
# searcher/ and every header in include/ includes only headers of its
# own layer or of the layers it names; no .c or .cc file sits directly
# in lib/; the one C++ file is lib/xapian/xapian.cc.
. "$(dirname "$0")/lib.sh"

python3 - "$top" >"$tmp/report" <<'PY'
import glob, os, re, sys
top = sys.argv[1]
allowed, layer_of = {}, {}
for line in open(top + "/lib/LAYERS", encoding="utf-8"):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, _, rest = line.partition(":")
    if name == "headers":
        for pair in rest.split():
            mod, _, layer = pair.partition("=")
            layer_of[mod] = layer
    else:
        allowed[name] = set(rest.split()) | {name}
for src in glob.glob(top + "/lib/*/*.c") + glob.glob(top + "/lib/*/*.cc"):
    layer = os.path.basename(os.path.dirname(src))
    mod = os.path.splitext(os.path.basename(src))[0]
    layer_of.setdefault(mod, layer)
def includes(path):
    for m in re.finditer(r'^#include "(?:zc_)?([a-z0-9_]+)\.h"',
                         open(path, encoding="utf-8").read(), re.M):
        yield m.group(1)
files = 0
def check(path, layer):
    global files
    files += 1
    if layer not in allowed:
        print("unknown layer %s of %s" % (layer, path))
        return
    for mod in includes(path):
        dep = layer_of.get(mod)
        if dep is None:
            if os.path.exists(os.path.join(os.path.dirname(path), mod + ".h")):
                continue  # a program's private header
            if mod in ("lexicon_data", "t2s_table"):
                continue  # lib/gen, reached as "gen/…"
            print("%s: zc_%s.h belongs to no layer" % (path, mod))
        elif dep not in allowed[layer]:
            print("%s (%s) includes zc_%s.h (%s)" % (
                os.path.relpath(path, top), layer, mod, dep))
for src in glob.glob(top + "/lib/*/*.c") + glob.glob(top + "/lib/*/*.cc"):
    check(src, os.path.basename(os.path.dirname(src)))
for prog in ("indexer", "searcher"):
    for src in glob.glob(top + "/%s/*.[ch]" % prog):
        check(src, prog)
for hdr in glob.glob(top + "/include/zc_*.h"):
    mod = os.path.basename(hdr)[3:-2]
    if mod not in layer_of:
        print("include/zc_%s.h belongs to no layer" % mod)
        continue
    check(hdr, layer_of[mod])
print("files %d" % files)
PY
check "$(grep -v '^files ' "$tmp/report" | head -n 5)" "" "every include points upstream"
check "$([ "$(sed -n 's/^files //p' "$tmp/report")" -gt 40 ] && echo yes)" yes "the sources were read"
check "$(ls "$top"/lib/*.c "$top"/lib/*.cc 2>/dev/null)" "" "no source file directly in lib/"
check "$(cd "$top" && find . -name '*.cc' -o -name '*.cpp' -o -name '*.cxx' | grep -v '^./tests/\|^./build' | sort)" \
    "./lib/xapian/xapian.cc" "one C++ file"

finish
