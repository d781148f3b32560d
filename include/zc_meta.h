/*
 * zc_meta.h — the metadata stage: cleaned lines (and markup hints) →
 * the fields of docs/design.md, "Metadata".
 *
 * Sources, strongest first: labelled values (plain lines, | tables,
 * spaced labels such as 索 引 号, 发布时间: lines), HTML <meta> tags, the
 * header block under the title (a date line, a standalone 文号), the
 * title line itself, then the 落款 signature (issuer above a date).
 * 来源 is weaker than a signature: it often names a section of the site.
 * A number cited in the running text is never the document's 文号; a
 * labelled "无" means none.  A field that is not found stays NULL.
 * Dates are read by the one date grammar (zc_dates.h, zc_dates_scan_day).
 */
#ifndef ZC_META_H
#define ZC_META_H

#include <stddef.h>

#include "zc_doc.h"
#include "zc_extract.h"
#include "zc_util.h"

/* Is s[0..len) exactly a document number such as 鄂州发〔2021〕13号
 * (spaces allowed)? */
bool zc_meta_is_doc_no(const char *s, size_t len);

/* Fill *out (fields already set are replaced) from lines and their
 * hints as zc_clean left them; lines that only carry metadata get
 * ZC_LINE_META. */
void zc_meta_extract(zc_lines *lines, zc_meta *out);

#endif
