/*
 * zc_record.h — the document record: the data stored with each document
 * in the index, what a search prints, so that no hit needs its source
 * file.
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
 * failure): path, metadata and passages with their lines and positions;
 * format and encoding stay NULL.  ZC_EINVAL if malformed. */
zc_status zc_record_decode(const char *data, size_t len, zc_doc *out,
    zc_error *err);

/* A record read in place, for a search that shows a few passages of a
 * document holding hundreds: nothing is copied, every pointer points
 * into the bytes given (which must outlive the view), and strings are
 * not NUL-terminated. */
typedef struct zc_record_view {
	const char *path;                 /* never NULL */
	size_t path_len;
	const char *meta[ZC_FIELD_COUNT]; /* NULL when absent */
	size_t meta_len[ZC_FIELD_COUNT];
	size_t n_passages;
	const char *passages, *end;       /* private: the passages' bytes */
} zc_record_view;

typedef struct zc_record_passage {
	const char *text; /* borrowed from the record's bytes */
	size_t len;
	unsigned line;    /* as zc_passage */
	unsigned pos;
} zc_record_passage;

/* Read the path, the metadata and the number of passages of data[0..len)
 * into *out.  ZC_EINVAL if they are malformed. */
zc_status zc_record_view_open(const char *data, size_t len,
    zc_record_view *out, zc_error *err);

/* Every passage of v, into out[0..v->n_passages), read up to the end of
 * the record: ZC_EINVAL if the rest of the record is malformed, as
 * zc_record_decode would say of it. */
zc_status zc_record_view_passages(const zc_record_view *v,
    zc_record_passage *out, zc_error *err);

#endif
