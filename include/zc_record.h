/*
 * zc_record.h — the document record: the data stored with each document
 * in the index, what a search prints, so that no hit needs its source
 * file.
 *
 * Layout: every number a LEB128 varint (7 bits a byte, low first); a
 * part "stored" is deflated (zlib format) when that made it smaller, else
 * kept as it is, which its stored size then says (equal to its size).
 *
 *   record = 0x02, header size, stored header size, stored header,
 *            chunks
 *   header = path (length, bytes), format (length, bytes: zc_doc's,
 *            empty when unknown), number of metadata values, each as
 *            its key (zc_fields.h: length, bytes) and value (length,
 *            bytes), number of passages, per passage
 *            its line and first position (each the difference from the
 *            passage before, modulo 2^32), text length and line starts
 *            (their number, then each as the difference of its offset
 *            from the one before and of its line from the line before),
 *            number of chunks, per chunk its number of passages and
 *            stored size
 *   chunks = each chunk stored: the texts of its passages, in order
 *
 * A chunk is consecutive passages, closed once their text reaches a
 * fixed size (CHUNK_BYTES, record.c says why), so that a hit inflates
 * only the chunks of the passages it looks at; the header is deflated
 * too, or glass would deflate the whole record again and inflate it on
 * every read.
 * The first byte tells this layout from those of schemas 3 to 7, which
 * are still read (record.c); otherwise the schema version in zc_schema.h
 * covers it.
 */
#ifndef ZC_RECORD_H
#define ZC_RECORD_H

#include "zc_doc.h"
#include "zc_util.h"

/* Append the record of doc (path, metadata, passages) to out. */
void zc_record_encode(const zc_doc *doc, zc_buf *out);

/* Parse data into *out (zeroed first; free with zc_doc_free, also on
 * failure): path, metadata and passages with their texts, lines and
 * positions; format and encoding stay NULL.  ZC_EINVAL if malformed,
 * header or any chunk. */
zc_status zc_record_decode(const char *data, size_t len, zc_doc *out,
    zc_error *err);

/* A record opened for a search that shows a few passages of a document
 * holding hundreds: the header is read at open, a passage's text when it
 * is asked for, inflating its chunk once.  Strings are not
 * NUL-terminated and are borrowed until zc_record_view_close; the bytes
 * given to zc_record_view_open must outlive the view. */
typedef struct zc_record_view {
	const char *path;                 /* never NULL */
	size_t path_len;
	const char *format;               /* "pdf"...; "" when the record
	                                   * does not say (before schema 8) */
	size_t format_len;
	const char *meta[ZC_FIELD_COUNT]; /* NULL when absent */
	size_t meta_len[ZC_FIELD_COUNT];
	size_t n_passages;
	struct zc_record_parts *parts;    /* private (record.c) */
} zc_record_view;

typedef struct zc_record_passage {
	size_t len;    /* bytes of its text (zc_record_view_text) */
	unsigned line; /* as zc_passage */
	unsigned pos;
	const zc_line_start *starts; /* n_starts, borrowed from the view */
	size_t n_starts;
	size_t first_start;          /* private (record.c) */
} zc_record_passage;

/* Read the header of data[0..len) into *out: path, metadata, every
 * passage's line, position and length, and where each chunk lies.
 * ZC_EINVAL if any of it is malformed (*out is then closed already);
 * on ZC_OK release *out with zc_record_view_close. */
zc_status zc_record_view_open(const char *data, size_t len,
    zc_record_view *out, zc_error *err);

/* Every passage of v, into out[0..v->n_passages). */
void zc_record_view_passages(const zc_record_view *v,
    zc_record_passage *out);

/* The text of passage i < v->n_passages, borrowed from v: its chunk is
 * inflated on first use and kept.  ZC_EINVAL if that chunk is malformed
 * (it does not inflate to exactly its passages' lengths). */
zc_status zc_record_view_text(zc_record_view *v, size_t i,
    const char **text, size_t *len, zc_error *err);

/* Release what v owns and zero it; a zeroed view is fine. */
void zc_record_view_close(zc_record_view *v);

#endif
