/*
 * zc_record.h — the data stored with each document in the index: what a
 * search prints, so that no hit needs its source file.
 *
 * Encoding: the path, each metadata field, the number of passages, then
 * each passage's line, first position and text; every item as
 * "<len>:<bytes>" with len in decimal, an absent value as "-".
 * Binary-safe and versionless on purpose: the schema version in
 * zc_schema.h covers it.
 */
#ifndef ZC_RECORD_H
#define ZC_RECORD_H

#include "zc_doc.h"
#include "zc_util.h"

/* Append the record of doc (path, metadata, passages) to out. */
void zc_record_encode(const zc_doc *doc, zc_buf *out);
/* Parse data into *out (zeroed first; free with zc_doc_free, also on
 * failure): path, metadata and passages; format and encoding stay NULL.
 * ZC_EINVAL if malformed. */
zc_status zc_record_decode(const char *data, size_t len, zc_doc *out,
    zc_error *err);

/* One passage of a search result, with its document's path and
 * metadata: what a printer prints.  All strings owned. */
typedef struct zc_record {
	char *path;
	unsigned line;
	char *passage;
	zc_meta meta;
} zc_record;

void zc_record_free(zc_record *r);

#endif
