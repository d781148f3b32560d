#!/bin/sh
# No dangerous libxml2 option or entry point anywhere in the sources
# (comments aside): no huge documents, no entity substitution, no DTD
# loading, no XInclude, nothing read by name or URL; and every parse
# from memory keeps the network off.
. "$(dirname "$0")/lib.sh"

python3 - "$top" >"$tmp/report" <<'PY'
import glob, re, sys
top = sys.argv[1]
bad = re.compile(r"XML_PARSE_HUGE|XML_PARSE_NOENT|XML_PARSE_DTDLOAD|"
                 r"XML_PARSE_DTDATTR|XML_PARSE_XINCLUDE|xmlXInclude\w*|"
                 r"\w+ReadFile|\w+ParseFile|\w+ReadIO|xmlReadDoc|xmlNanoHTTP\w*|"
                 r"xmlNanoFTP\w*|xmlSubstituteEntitiesDefault")
reads = re.compile(r"(htmlReadMemory|xmlReadMemory|htmlCtxtReadMemory|xmlCtxtReadMemory)\s*\((.*?)\);", re.S)
files = 0
for f in sorted(glob.glob(top + "/lib/*/*.[ch]*") + glob.glob(top + "/indexer/*.[ch]") +
                glob.glob(top + "/searcher/*.[ch]") + glob.glob(top + "/include/*.h")):
    files += 1
    src = open(f, encoding="utf-8").read()
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", src, flags=re.S)
    for m in bad.finditer(code):
        print("forbidden %s in %s" % (m.group(0), f))
    for m in reads.finditer(code):
        if "PARSE_NONET" not in m.group(2):
            print("%s without NONET in %s" % (m.group(1), f))
        else:
            print("ok %s" % m.group(1))
print("files %d" % files)
PY
check "$(grep -c '^forbidden\|without NONET' "$tmp/report")" 0 "no dangerous libxml2 option: $(grep -v '^ok\|^files' "$tmp/report" | head -n 3)"
check "$(grep -c '^ok ' "$tmp/report")" 3 "the three parses from memory (XML, HTML, package parts) keep the network off"
check "$([ "$(sed -n 's/^files //p' "$tmp/report")" -gt 20 ] && echo yes)" yes "the sources were read"

finish
