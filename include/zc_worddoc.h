/*
 * zc_worddoc.h — the read stage for the binary Word formats (.doc, and
 * Kingsoft's .wps, both OLE2 compound files), which no Debian library
 * reads: their text comes from antiword, else catdoc, when one is
 * installed.
 *
 * A converter is looked for on PATH and run without a shell, on a copy
 * of the bytes already read (in $TMPDIR, else /tmp, removed after; the
 * file itself may have changed since), its output (UTF-8) read up to
 * ZC_MAX_INPUT and for at most ZHENGCE_TOOL_TIMEOUT seconds (30 by
 * default), then killed.  The text it gives goes through the text
 * pipeline as a .txt file's would.
 */
#ifndef ZC_WORDDOC_H
#define ZC_WORDDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_util.h"

/* Whether bytes[0..len) are an OLE2 compound file (D0 CF 11 E0 ...). */
bool zc_worddoc_sniff(const char *bytes, size_t len);

/* The text of the binary Word file bytes[0..len), appended to out
 * (UTF-8, not yet checked), and the converter that gave it in *tool
 * ("antiword", "catdoc").  ZC_EBINARY "needs antiword or catdoc" when neither is on
 * PATH; ZC_EINVAL when each one found failed (err names the last:
 * "catdoc failed (exit 1)", "antiword gave no text", "antiword took
 * more than 30 s"); ZC_ETOOBIG when one printed more than ZC_MAX_INPUT;
 * ZC_EIO when it could not be started. */
zc_status zc_worddoc_text(const char *bytes, size_t len, zc_buf *out,
    const char **tool, zc_error *err);

#endif
