/*
 * zc_record.h — the data stored with each passage in the index: what a
 * search prints, so that no hit needs its source file.
 *
 * Encoding: fields in a fixed order, each as "<len>:<bytes>" with len in
 * decimal; an absent value is "-".  Binary-safe and versionless on
 * purpose: the schema version in zc_schema.h covers it.
 */
#ifndef ZC_RECORD_H
#define ZC_RECORD_H

#include "zc_doc.h"
#include "zc_util.h"

typedef struct zc_record {
	char *path;
	unsigned line;
	char *passage;
	zc_meta meta;
} zc_record;

/* Serialise; the result is appended to out. */
void zc_record_encode(const char *path, unsigned line, const char *passage,
    size_t passage_len, const zc_meta *meta, zc_buf *out);
/* Parse data into *out (zeroed first); ZC_EINVAL if malformed. */
zc_status zc_record_decode(const char *data, size_t len, zc_record *out,
    zc_error *err);
void zc_record_free(zc_record *r);

#endif
