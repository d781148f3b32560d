/*
 * zc_meta.h — the metadata stage: cleaned lines (and markup hints) →
 * the fields of docs/design.md, "Metadata".
 *
 * Sources, strongest first: labelled values (plain lines, | tables,
 * spaced labels such as 索 引 号, 发布时间: lines, labels in Traditional
 * characters), a law's history lines (zc_history.h), HTML <meta> tags,
 * Markdown front matter and XML elements (zc_extract.h), the header
 * block under the title (a date line, a standalone 文号, the head of an
 * order, a speech's dateline), the title line itself (joined to the next when it was
 * wrapped), then the 落款 signature (issuer above a date).
 *
 * Two dates: 成文日期 (written: 成文日期, 发文日期 and 印发日期 labels,
 * a dateline, the 落款; a law's first adoption) and 发布日期 (published:
 * 发布日期 and 发布时间 labels, the date line under a page's title, the
 * PubDate tag; a law's latest 公布).  The document's date is a law's
 * version date (its latest history event), else 成文日期, else 发布日期.
 * 文种 is read from a 文种 label, else from the end of the title.
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

/* The 文种 a title ends with (通知, 意见, 办法, 条例, 法 …; 实施细则 is a
 * 细则), notes such as （试行） or (2024年修订) after it ignored; NULL
 * when it ends with none.  Static storage. */
const char *zc_meta_title_type(const char *title, size_t len);

/* Fill *out (fields already set are replaced) from lines and their
 * hints as zc_clean left them; lines that only carry metadata get
 * ZC_LINE_META. */
void zc_meta_extract(zc_lines *lines, zc_meta *out);

#endif
