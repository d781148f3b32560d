/*
 * record.c — the document record stored as Xapian document data
 * (zc_record.h).  Data flow: zc_doc → encode → the index (indexdoc.c);
 * the index → view → the passages a hit shows (search.c).
 *
 * Invariants: one parser (the view) reads every record; a record is
 * accepted only when its header ends exactly where its last item does
 * and its chunks fill the rest exactly; no length is trusted before the
 * bytes it claims are known to be there, and no buffer is allocated for
 * an inflated size before the stored bytes could hold it.
 */
#include "zc_record.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Passages are grouped in chunks of at least this much text (the last
 * one may be shorter), each deflated on its own, so that a hit inflates
 * only the chunks of the passages it highlights or shows.  Measured on
 * 3,480 policy files (57 MB of text) and 280 ranked queries (-n 10) on
 * them: a query inflates 92 KB of text at 8 KB, 64 KB at 4 KB, 127 KB at
 * 16 KB, and 209 KB when every record was inflated whole; the records
 * take 22.2 MB at 8 KB, 24.3 at 4 KB, 20.7 at 16 KB, and 23.1 when glass
 * deflated each whole.  8 KB halves the text inflated at the same size;
 * 4 KB would save about 0.07 ms more a query for 9% more bytes. */
#define CHUNK_BYTES 8192

/* The first byte of a record in this layout.  A record of schema 3 and
 * before starts with the decimal length of its path, never a 0 byte,
 * and is still read (open_v3): a database re-read for a new schema
 * holds both until every file has been walked again (indexer/run.c). */
#define RECORD_CHUNKED '\0'
/* The first byte of a record of schema 5 on: the layout of
 * RECORD_CHUNKED with every metadata value named by its key, so that
 * fields may be added and reordered (zc_fields.h). */
#define RECORD_NAMED '\1'
/* The first byte of a record of schema 8 on: the layout of RECORD_NAMED
 * with the format after the path and the line starts of each passage
 * (zc_doc.h) after its length. */
#define RECORD_LINES '\2'

/* The metadata fields of records of schemas 3 and 4, in their order. */
static const zc_field legacy_fields[] = {
	ZC_FIELD_TITLE, ZC_FIELD_INDEX_NO, ZC_FIELD_DATE, ZC_FIELD_ISSUER,
	ZC_FIELD_DOC_NO, ZC_FIELD_CATEGORY, ZC_FIELD_VALIDITY
};
#define N_LEGACY (sizeof legacy_fields / sizeof legacy_fields[0])

/* Deflate shrinks data at most 1032 times (a 258-byte match in one bit
 * or so), so a stored part claiming to inflate to more is malformed, and
 * no claim makes the reader allocate more than that ratio of the bytes
 * it was given. */
#define MAX_INFLATE_RATIO 1032

static void
put_varint(zc_buf *out, uint64_t n)
{
	while (n >= 0x80) {
		zc_buf_putc(out, (char)(0x80 | (n & 0x7f)));
		n >>= 7;
	}
	zc_buf_putc(out, (char)n);
}

/* Append data[0..len) to out deflated when that makes it smaller, else
 * as it is; return the bytes appended.  A reader tells the two apart by
 * that size alone: the same as the data's means stored as it is. */
static size_t
put_stored(zc_buf *out, const char *data, size_t len)
{
	uLongf z_len = compressBound((uLong)len);

	out->data = zc_xgrow(out->data, &out->cap, out->len + z_len + 1, 1);
	if (len > 0 && compress2((Bytef *)out->data + out->len, &z_len,
	    (const Bytef *)data, (uLong)len, Z_DEFAULT_COMPRESSION) == Z_OK &&
	    z_len < len) {
		out->len += z_len;
		out->data[out->len] = '\0';
		return z_len;
	}
	zc_buf_append(out, data, len);
	return len;
}

static void
put_string(zc_buf *out, const char *s, size_t len)
{
	put_varint(out, len);
	zc_buf_append(out, s, len);
}

/* Their number, then each as the difference of its offset from the one
 * before (the first from 0) and of its line from the line before. */
static void
put_line_starts(zc_buf *out, const zc_passage *p)
{
	size_t off = 0;
	unsigned line = p->line;

	put_varint(out, p->n_starts);
	for (size_t k = 0; k < p->n_starts; k++) {
		put_varint(out, p->starts[k].off - off);
		put_varint(out, (uint32_t)(p->starts[k].line - line));
		off = p->starts[k].off;
		line = p->starts[k].line;
	}
}

void
zc_record_encode(const zc_doc *doc, zc_buf *out)
{
	zc_buf head = {0}, table = {0}, text = {0}, chunks = {0}, stored = {0};
	unsigned line = 0, pos = 0;
	size_t first = 0, n_chunks = 0, n_fields = 0;

	put_string(&head, doc->path, strlen(doc->path));
	put_string(&head, doc->format != NULL ? doc->format : "",
	    doc->format != NULL ? strlen(doc->format) : 0);
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		n_fields += doc->meta.value[f] != NULL;
	put_varint(&head, n_fields);
	for (int f = 0; f < ZC_FIELD_COUNT; f++) {
		const char *v = doc->meta.value[f];

		if (v == NULL)
			continue;
		put_string(&head, zc_fields[f].key, strlen(zc_fields[f].key));
		put_string(&head, v, strlen(v));
	}
	put_varint(&head, doc->n_passages);
	for (size_t i = 0; i < doc->n_passages; i++) {
		const zc_passage *p = &doc->passages[i];

		/* lines and positions grow, so their differences are short;
		 * modulo 2^32, so that any order still encodes */
		put_varint(&head, (uint32_t)(p->line - line));
		put_varint(&head, (uint32_t)(p->pos - pos));
		put_varint(&head, p->len);
		put_line_starts(&head, p);
		line = p->line;
		pos = p->pos;
		zc_buf_append(&text, p->text, p->len);
		if (text.len >= CHUNK_BYTES || i + 1 == doc->n_passages) {
			put_varint(&table, i + 1 - first);
			put_varint(&table, put_stored(&chunks, text.data,
			    text.len));
			zc_buf_reset(&text);
			first = i + 1;
			n_chunks++;
		}
	}
	put_varint(&head, n_chunks);
	zc_buf_append(&head, table.data, table.len);
	/* The header is deflated too: glass deflates a tag again, keeps the
	 * result whenever it is smaller, and then inflates the whole record
	 * on every read.  With the header stored as it is, it did so for
	 * 3,321 of the 3,480 records above (to save 0.4 of 22 MB); with it
	 * deflated, for none. */
	zc_buf_putc(out, RECORD_LINES);
	put_varint(out, head.len);
	put_varint(out, put_stored(&stored, head.data, head.len));
	zc_buf_append(out, stored.data, stored.len);
	zc_buf_append(out, chunks.data, chunks.len);
	zc_buf_free(&head);
	zc_buf_free(&table);
	zc_buf_free(&text);
	zc_buf_free(&chunks);
	zc_buf_free(&stored);
}

/* ---- reading ---------------------------------------------------------- */

typedef struct chunk {
	const char *stored; /* in the record's bytes */
	size_t stored_len;
	size_t len;         /* of its passages' text */
	const char *text;   /* NULL until known */
	char *inflated;     /* owned, or NULL when read in place */
} chunk;

struct zc_record_parts {
	char *header;              /* owned when it was deflated */
	zc_record_passage *passages;
	size_t *chunk_of;          /* of each passage */
	size_t *offset;            /* of each passage's text in its chunk */
	zc_line_start *starts;     /* of every passage, in order */
	size_t n_starts, cap_starts;
	chunk *chunks;
	size_t n_chunks;
};

/* Read one LEB128 number at *p, at most max.  False if malformed. */
static bool
get_varint(const unsigned char **p, const unsigned char *end, uint64_t max,
    uint64_t *out)
{
	uint64_t n = 0;

	for (unsigned shift = 0; *p < end && shift < 64; shift += 7) {
		uint64_t b = *(*p)++;

		if (shift == 63 && (b & 0x7e) != 0)
			return false;
		n |= (b & 0x7f) << shift;
		if ((b & 0x80) == 0) {
			*out = n;
			return n <= max;
		}
	}
	return false;
}

/* A length at *p of bytes that follow it, and those bytes. */
static bool
get_bytes(const unsigned char **p, const unsigned char *end, size_t *len,
    const char **s)
{
	uint64_t n;

	if (!get_varint(p, end, (uint64_t)(end - *p), &n) ||
	    n > (uint64_t)(end - *p))
		return false;
	*s = (const char *)*p;
	*len = (size_t)n;
	*p += n;
	return true;
}

/* Whether len bytes could have been stored in stored_len by put_stored. */
static bool
could_hold(size_t stored_len, size_t len)
{
	return stored_len == len ||
	    (stored_len < len && len / MAX_INFLATE_RATIO <= stored_len);
}

/* Set *out to the len bytes that put_stored stored as s[0..stored_len):
 * s itself when stored as it is, else inflated into *owned (allocated).
 * False, *out and *owned untouched, unless they inflate to exactly len
 * bytes using every stored byte. */
static bool
get_stored(const char *s, size_t stored_len, size_t len, const char **out,
    char **owned)
{
	uLongf got = (uLongf)len;
	uLong used = (uLong)stored_len;
	char *buf;

	if (!could_hold(stored_len, len))
		return false;
	if (stored_len == len) {
		*out = s;
		return true;
	}
	buf = zc_xmalloc(len);
	if (uncompress2((Bytef *)buf, &got, (const Bytef *)s, &used) != Z_OK ||
	    got != len || used != stored_len) {
		free(buf);
		return false;
	}
	*out = *owned = buf;
	return true;
}

/* The per-passage tables of parts, for n passages. */
static void
alloc_passages(struct zc_record_parts *parts, size_t n)
{
	parts->passages = zc_xcalloc(n ? n : 1, sizeof *parts->passages);
	parts->chunk_of = zc_xcalloc(n ? n : 1, sizeof *parts->chunk_of);
	parts->offset = zc_xcalloc(n ? n : 1, sizeof *parts->offset);
}

/* The passages and the chunk table of the header p[0..end), into v, the
 * chunks being chunks[0..chunks_end). */
/* The line starts of passage k (RECORD_LINES), appended to
 * parts->starts: each inside the passage's text, in order. */
static bool
get_line_starts(const unsigned char **p, const unsigned char *end,
    struct zc_record_parts *parts, size_t k)
{
	zc_record_passage *ps = &parts->passages[k];
	uint64_t n, off = 0, line = ps->line;

	/* every start takes 2 bytes at least */
	if (!get_varint(p, end, (uint64_t)(end - *p) / 2, &n))
		return false;
	ps->n_starts = (size_t)n;
	ps->first_start = parts->n_starts;
	for (uint64_t j = 0; j < n; j++) {
		uint64_t doff, dline;

		if (!get_varint(p, end, ps->len, &doff) || doff == 0 ||
		    !get_varint(p, end, UINT32_MAX, &dline) ||
		    off + doff >= ps->len)
			return false;
		off += doff;
		line = (uint32_t)(line + dline);
		parts->starts = zc_xgrow(parts->starts, &parts->cap_starts,
		    parts->n_starts + 1, sizeof *parts->starts);
		parts->starts[parts->n_starts++] = (zc_line_start){
		    (size_t)off, (unsigned)line };
	}
	return true;
}

static bool
get_passages(const unsigned char *p, const unsigned char *end,
    const char *chunks, const char *chunks_end, bool lines,
    zc_record_view *v)
{
	struct zc_record_parts *parts = v->parts;
	uint64_t n, n_chunks, line = 0, pos = 0;
	size_t i = 0;

	/* every passage takes 3 bytes at least, so that an entry per
	 * passage may be allocated before they are read */
	if (!get_varint(&p, end, (uint64_t)(end - p) / 3, &n))
		return false;
	v->n_passages = (size_t)n;
	alloc_passages(parts, n);
	for (size_t k = 0; k < n; k++) {
		uint64_t dline, dpos, len;

		if (!get_varint(&p, end, UINT32_MAX, &dline) ||
		    !get_varint(&p, end, UINT32_MAX, &dpos) ||
		    !get_varint(&p, end, SIZE_MAX, &len))
			return false;
		line = (uint32_t)(line + dline);
		pos = (uint32_t)(pos + dpos);
		parts->passages[k] = (zc_record_passage){ .len = (size_t)len,
		    .line = (unsigned)line, .pos = (unsigned)pos };
		if (lines && !get_line_starts(&p, end, parts, k))
			return false;
	}
	for (size_t k = 0; k < n; k++)
		parts->passages[k].starts = parts->n_starts > 0 ?
		    parts->starts + parts->passages[k].first_start : NULL;
	/* every chunk holds one passage at least and takes 2 bytes */
	if (!get_varint(&p, end, n, &n_chunks) ||
	    n_chunks > (uint64_t)(end - p) / 2)
		return false;
	parts->chunks = zc_xcalloc(n_chunks ? n_chunks : 1,
	    sizeof *parts->chunks);
	parts->n_chunks = (size_t)n_chunks;
	for (size_t c = 0; c < n_chunks; c++) {
		chunk *ch = &parts->chunks[c];
		uint64_t count, stored;
		size_t total = 0;

		if (!get_varint(&p, end, n - i, &count) || count == 0 ||
		    !get_varint(&p, end, (uint64_t)(chunks_end - chunks),
		    &stored))
			return false;
		for (size_t k = i; k < i + count; k++) {
			size_t len = parts->passages[k].len;

			if (len > SIZE_MAX - total)
				return false;
			parts->chunk_of[k] = c;
			parts->offset[k] = total;
			total += len;
		}
		i += (size_t)count;
		/* checked now, inflated when a passage of it is asked for */
		if (!could_hold((size_t)stored, total))
			return false;
		ch->stored = chunks;
		ch->stored_len = (size_t)stored;
		ch->len = total;
		chunks += stored;
	}
	return i == n && p == end && chunks == chunks_end;
}

/* Schema 4: every legacy field in order, 0 when absent, else 1 + the
 * length of its value, then the value. */
static bool
get_legacy_fields(const unsigned char **h, const unsigned char *end,
    zc_record_view *v)
{
	for (size_t k = 0; k < N_LEGACY; k++) {
		zc_field f = legacy_fields[k];
		uint64_t n;

		if (!get_varint(h, end, (uint64_t)(end - *h) + 1, &n))
			return false;
		if (n == 0)
			continue;
		v->meta[f] = (const char *)*h;
		v->meta_len[f] = (size_t)n - 1;
		*h += n - 1;
	}
	return true;
}

/* The number of values, then each as key and value.  A key this build
 * does not know is a field of a newer zcindex, skipped; a key given
 * twice is malformed. */
static bool
get_named_fields(const unsigned char **h, const unsigned char *end,
    zc_record_view *v)
{
	uint64_t n;

	/* every entry takes two bytes at least */
	if (!get_varint(h, end, (uint64_t)(end - *h) / 2, &n))
		return false;
	for (uint64_t k = 0; k < n; k++) {
		const char *key, *value;
		size_t key_len, value_len;
		int f;

		if (!get_bytes(h, end, &key_len, &key) ||
		    !get_bytes(h, end, &value_len, &value))
			return false;
		for (f = 0; f < ZC_FIELD_COUNT; f++)
			if (strlen(zc_fields[f].key) == key_len &&
			    memcmp(zc_fields[f].key, key, key_len) == 0)
				break;
		if (f == ZC_FIELD_COUNT)
			continue;
		if (v->meta[f] != NULL)
			return false;
		v->meta[f] = value;
		v->meta_len[f] = value_len;
	}
	return true;
}

/* ---- schema 3 records: "<len>:<bytes>" items ------------------------- */

/* Read one item at *p into s and len (s NULL for "-").  False if
 * malformed. */
static bool
get_item(const char **p, const char *end, const char **s, size_t *len)
{
	const char *q = *p;
	size_t n = 0;

	*s = NULL;
	*len = 0;
	if (q < end && *q == '-') {
		*p = q + 1;
		return true;
	}
	while (q < end && *q >= '0' && *q <= '9') {
		if (n > (size_t)(end - q))
			return false;
		n = n * 10 + (size_t)(*q++ - '0');
	}
	if (q == *p || q >= end || *q != ':' || n > (size_t)(end - q - 1))
		return false;
	*s = q + 1;
	*len = n;
	*p = q + 1 + n;
	return true;
}

static bool
get_number(const char **p, const char *end, size_t max, size_t *out)
{
	const char *s;
	size_t len, n = 0;

	if (!get_item(p, end, &s, &len) || s == NULL || len == 0 || len > 18)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		n = n * 10 + (size_t)(s[i] - '0');
	}
	*out = n;
	return n <= max;
}

/* The path, the metadata, then per passage its line, first position and
 * text, read in place: each passage is a chunk of its own, stored as it
 * is. */
static bool
open_v3(const char *p, const char *end, zc_record_view *v)
{
	struct zc_record_parts *parts = v->parts;
	size_t n;

	if (!get_item(&p, end, &v->path, &v->path_len) || v->path == NULL)
		return false;
	for (size_t k = 0; k < N_LEGACY; k++)
		if (!get_item(&p, end, &v->meta[legacy_fields[k]],
		    &v->meta_len[legacy_fields[k]]))
			return false;
	/* the shortest passage is "1:1" "1:0" "0:" */
	if (!get_number(&p, end, (size_t)(end - p) / 8, &n))
		return false;
	v->n_passages = n;
	parts->n_chunks = n;
	alloc_passages(parts, n);
	parts->chunks = zc_xcalloc(n ? n : 1, sizeof *parts->chunks);
	for (size_t k = 0; k < n; k++) {
		size_t line, pos, len;
		const char *s;

		if (!get_number(&p, end, UINT32_MAX, &line) ||
		    !get_number(&p, end, UINT32_MAX, &pos) ||
		    !get_item(&p, end, &s, &len) || s == NULL)
			return false;
		parts->passages[k] = (zc_record_passage){ .len = len,
		    .line = (unsigned)line, .pos = (unsigned)pos };
		parts->chunk_of[k] = k;
		parts->chunks[k] = (chunk){ s, len, len, NULL, NULL };
	}
	return p == end;
}

zc_status
zc_record_view_open(const char *data, size_t len, zc_record_view *out,
    zc_error *err)
{
	const unsigned char *p = (const unsigned char *)data, *end = p + len;
	const unsigned char *h, *h_end;
	const char *stored, *head;
	uint64_t head_len;
	size_t stored_len;

	memset(out, 0, sizeof *out);
	out->parts = zc_xcalloc(1, sizeof *out->parts);
	out->format = "";
	if (len == 0 || (data[0] != RECORD_CHUNKED &&
	    data[0] != RECORD_NAMED && data[0] != RECORD_LINES)) {
		if (!open_v3(data, data + len, out))
			goto malformed;
		return ZC_OK;
	}
	p++;
	if (!get_varint(&p, end, SIZE_MAX, &head_len) ||
	    !get_bytes(&p, end, &stored_len, &stored) ||
	    !get_stored(stored, stored_len, (size_t)head_len, &head,
	    &out->parts->header))
		goto malformed;
	h = (const unsigned char *)head;
	h_end = h + head_len;
	if (!get_bytes(&h, h_end, &out->path_len, &out->path) ||
	    (data[0] == RECORD_LINES && !get_bytes(&h, h_end,
	    &out->format_len, &out->format)))
		goto malformed;
	if (!(data[0] != RECORD_CHUNKED ? get_named_fields(&h, h_end, out) :
	    get_legacy_fields(&h, h_end, out)))
		goto malformed;
	if (!get_passages(h, h_end, (const char *)p, data + len,
	    data[0] == RECORD_LINES, out))
		goto malformed;
	return ZC_OK;
malformed:
	zc_record_view_close(out);
	return zc_fail(err, ZC_EINVAL, "malformed document record");
}

void
zc_record_view_passages(const zc_record_view *v, zc_record_passage *out)
{
	if (v->n_passages > 0)
		memcpy(out, v->parts->passages, v->n_passages * sizeof *out);
}

zc_status
zc_record_view_text(zc_record_view *v, size_t i, const char **text,
    size_t *len, zc_error *err)
{
	struct zc_record_parts *parts = v->parts;
	chunk *ch;

	assert(i < v->n_passages);
	*text = NULL;
	*len = 0;
	ch = &parts->chunks[parts->chunk_of[i]];
	if (ch->text == NULL && !get_stored(ch->stored, ch->stored_len,
	    ch->len, &ch->text, &ch->inflated))
		return zc_fail(err, ZC_EINVAL, "malformed document record");
	*text = ch->text + parts->offset[i];
	*len = parts->passages[i].len;
	return ZC_OK;
}

void
zc_record_view_close(zc_record_view *v)
{
	struct zc_record_parts *parts = v->parts;

	if (parts != NULL) {
		for (size_t c = 0; c < parts->n_chunks; c++)
			free(parts->chunks[c].inflated);
		free(parts->chunks);
		free(parts->offset);
		free(parts->chunk_of);
		free(parts->passages);
		free(parts->starts);
		free(parts->header);
		free(parts);
	}
	memset(v, 0, sizeof *v);
}

zc_status
zc_record_decode(const char *data, size_t len, zc_doc *out, zc_error *err)
{
	zc_record_view v;
	zc_status st;

	memset(out, 0, sizeof *out);
	st = zc_record_view_open(data, len, &v, err);
	if (st != ZC_OK)
		return st;
	out->path = zc_xstrndup(v.path, v.path_len);
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		if (v.meta[f] != NULL)
			out->meta.value[f] = zc_xstrndup(v.meta[f],
			    v.meta_len[f]);
	for (size_t i = 0; i < v.n_passages; i++) {
		const zc_record_passage *p = &v.parts->passages[i];
		const char *text;
		size_t text_len;

		st = zc_record_view_text(&v, i, &text, &text_len, err);
		if (st != ZC_OK)
			break;
		zc_doc_add_passage(out, text, text_len, p->line);
		out->passages[i].pos = p->pos;
		for (size_t k = 0; k < p->n_starts; k++)
			zc_doc_add_line_start(out, p->starts[k].off,
			    p->starts[k].line);
	}
	zc_record_view_close(&v);
	return st;
}
