/*
 * test_record.c — the document record stored in the index: documents
 * come back from their record as they went in, whatever their bytes and
 * however many chunks their passages fill, the view gives the texts
 * decode gives, and no truncated or corrupt record, header or chunk, is
 * accepted or read out of bounds.
 */
#include <criterion/criterion.h>

#include <stdint.h>
#include <string.h>
#include <zlib.h>

#include "zc_record.h"

/* A document of the table: fields NULL are absent; passages end at the
 * first NULL text and take len bytes (NULs included) when len > 0. */
struct rec_case {
	const char *name;
	const char *path;
	const char *meta[ZC_FIELD_COUNT];
	struct { const char *text; size_t len; unsigned line, pos; } p[4];
};

static const struct rec_case rec_cases[] = {
	{ "every field absent, no passage", "/a", { NULL }, { { NULL } } },
	{ "every field present",
	  "/srv/政策/鄂政发〔2021〕1号.html",
	  { "关于科技企业孵化器的通知", "011043/2021-00012", "2021-03-04",
	    "湖北省人民政府", "鄂政发〔2021〕1号", "科技", "有效" },
	  { { "全省共建有省级以上科技企业孵化器250家", 0, 12, 1 },
	    { "第二段", 0, 14, 113 } } },
	{ "some fields present",
	  "/b", { "标题", NULL, "2024-08-12", NULL, NULL, NULL, "失效" },
	  { { "一", 0, 1, 1 } } },
	{ "field values that look like the encoding",
	  "/-", { "-", "12:", "0:", ":", "--", "1:a", "-1:x" },
	  { { "-", 0, 3, 7 }, { "5:abc", 0, 4, 8 } } },
	{ "empty passages",
	  "/c", { NULL },
	  { { "", 0, 1, 1 }, { "", 0, 2, 101 }, { "end", 0, 3, 201 } } },
	{ "binary bytes and NULs in passage text",
	  "/d\x01\x7f\xff", { "\xe5\xad", NULL, NULL, "\x1b[31m" },
	  { { "a\0b\0", 4, 1, 1 }, { "\0", 1, 2, 101 },
	    { "\xff\xfe\x80\n\t\r", 0, 4294967295u, 4294967295u } } },
	{ "large line and position numbers", "/e", { NULL },
	  { { "x", 0, 4294967295u, 0 } } },
	{ "multi-byte text", "/f", { "《职业病防治法》" },
	  { { "第一条　为了预防、控制职业病危害，𠀀", 0, 1, 1 },
	    { "（二）……", 0, 7, 2049 } } },
};

static void
doc_of(const struct rec_case *c, zc_doc *d)
{
	memset(d, 0, sizeof *d);
	d->path = zc_xstrdup(c->path);
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		zc_meta_set(&d->meta, (zc_field)f, c->meta[f]);
	for (size_t i = 0; i < 4 && c->p[i].text != NULL; i++) {
		size_t len = c->p[i].len ? c->p[i].len : strlen(c->p[i].text);

		zc_doc_add_passage(d, c->p[i].text, len, c->p[i].line);
		d->passages[i].pos = c->p[i].pos;
	}
}

static void
expect_same_doc(const zc_doc *got, const zc_doc *want, const char *name)
{
	cr_assert_str_eq(got->path, want->path, "%s: path", name);
	for (int f = 0; f < ZC_FIELD_COUNT; f++) {
		if (want->meta.value[f] == NULL)
			cr_expect_null(got->meta.value[f], "%s: field %d",
			    name, f);
		else
			cr_expect_str_eq(got->meta.value[f],
			    want->meta.value[f], "%s: field %d", name, f);
	}
	cr_assert_eq(got->n_passages, want->n_passages, "%s: passages", name);
	for (size_t i = 0; i < want->n_passages; i++) {
		const zc_passage *g = &got->passages[i], *w = &want->passages[i];

		cr_assert_eq(g->len, w->len, "%s: passage %zu", name, i);
		cr_expect(memcmp(g->text, w->text, w->len) == 0,
		    "%s: passage %zu text", name, i);
		cr_expect_eq(g->text[g->len], '\0');
		cr_expect_eq(g->line, w->line, "%s: passage %zu line", name, i);
		cr_expect_eq(g->pos, w->pos, "%s: passage %zu pos", name, i);
		cr_assert_eq(g->n_starts, w->n_starts, "%s: passage %zu starts",
		    name, i);
		for (size_t k = 0; k < w->n_starts; k++) {
			cr_expect_eq(g->starts[k].off, w->starts[k].off);
			cr_expect_eq(g->starts[k].line, w->starts[k].line);
		}
	}
}

Test(record, every_document_of_the_table_comes_back_as_it_went_in)
{
	for (size_t k = 0; k < sizeof rec_cases / sizeof rec_cases[0]; k++) {
		const struct rec_case *c = &rec_cases[k];
		zc_error err = {0};
		zc_doc d, back;
		zc_buf b = {0};

		doc_of(c, &d);
		zc_record_encode(&d, &b);
		cr_assert_eq(zc_record_decode(b.data, b.len, &back, &err),
		    ZC_OK, "%s: %s", c->name, err.msg);
		expect_same_doc(&back, &d, c->name);
		cr_expect_null(back.format);
		cr_expect_null(back.encoding);
		zc_doc_free(&back);
		zc_doc_free(&d);
		zc_buf_free(&b);
	}
}

/* Every passage of the view v, text included, against d's. */
static void
expect_view_texts(zc_record_view *v, const zc_doc *d, const char *name)
{
	zc_record_passage *ps = zc_xcalloc(d->n_passages + 1, sizeof *ps);
	zc_error err = {0};

	cr_assert_eq(v->n_passages, d->n_passages, "%s", name);
	zc_record_view_passages(v, ps);
	/* last first: a chunk is inflated for whichever passage asks */
	for (size_t k = d->n_passages; k-- > 0;) {
		const char *text, *again;
		size_t len, again_len;

		cr_assert_eq(zc_record_view_text(v, k, &text, &len, &err),
		    ZC_OK, "%s: passage %zu: %s", name, k, err.msg);
		cr_assert_eq(len, d->passages[k].len, "%s: passage %zu", name,
		    k);
		cr_assert_eq(ps[k].len, len);
		cr_expect(memcmp(text, d->passages[k].text, len) == 0,
		    "%s: passage %zu text", name, k);
		cr_expect_eq(ps[k].line, d->passages[k].line);
		cr_expect_eq(ps[k].pos, d->passages[k].pos);
		cr_assert_eq(zc_record_view_text(v, k, &again, &again_len,
		    &err), ZC_OK);
		cr_expect(again == text && again_len == len,
		    "%s: passage %zu inflated twice", name, k);
	}
	free(ps);
}

Test(record, the_view_gives_what_decode_gives)
{
	for (size_t k = 0; k < sizeof rec_cases / sizeof rec_cases[0]; k++) {
		const struct rec_case *c = &rec_cases[k];
		zc_record_view v;
		zc_error err = {0};
		zc_doc d, back;
		zc_buf b = {0};

		doc_of(c, &d);
		zc_record_encode(&d, &b);
		cr_assert_eq(zc_record_decode(b.data, b.len, &back, &err),
		    ZC_OK, "%s: %s", c->name, err.msg);
		cr_assert_eq(zc_record_view_open(b.data, b.len, &v, &err),
		    ZC_OK, "%s: %s", c->name, err.msg);
		cr_assert_eq(v.path_len, strlen(back.path));
		cr_expect(memcmp(v.path, back.path, v.path_len) == 0);
		for (int f = 0; f < ZC_FIELD_COUNT; f++) {
			if (back.meta.value[f] == NULL) {
				cr_expect_null(v.meta[f]);
				continue;
			}
			cr_assert_eq(v.meta_len[f], strlen(back.meta.value[f]));
			cr_expect(memcmp(v.meta[f], back.meta.value[f],
			    v.meta_len[f]) == 0, "%s: field %d", c->name, f);
		}
		expect_view_texts(&v, &back, c->name);
		zc_record_view_close(&v);
		cr_expect_null(v.parts, "a closed view is zeroed");
		zc_record_view_close(&v); /* and closing it again is fine */
		zc_doc_free(&back);
		zc_doc_free(&d);
		zc_buf_free(&b);
	}
}

/* A document of n passages of Han text drawn from a small alphabet (so
 * it deflates, as policy text does), of 0 to about 600 bytes, every
 * seventh empty. */
static void
long_doc(zc_doc *d, size_t n)
{
	static const char *const han[] = { "的", "条", "第", "应当",
		"国家", "规定", "职业病", "，", "。", "　", "𠀀", "\n" };
	uint32_t seed = 12345;
	zc_buf t = {0};

	memset(d, 0, sizeof *d);
	d->path = zc_xstrdup("/srv/法律/职业病防治法.txt");
	zc_meta_set(&d->meta, 0, "中华人民共和国职业病防治法");
	for (size_t i = 0; i < n; i++) {
		size_t words = i % 7 == 0 ? 0 : (i * 37) % 200;

		zc_buf_reset(&t);
		for (size_t w = 0; w < words; w++) {
			seed = seed * 1103515245u + 12345u;
			zc_buf_puts(&t, han[(seed >> 16) % 12]);
		}
		zc_doc_add_passage(d, t.data ? t.data : "", t.len,
		    (unsigned)(2 * i + 1));
		d->passages[i].pos = (unsigned)(i * 2048 + 1);
	}
	zc_buf_free(&t);
}

static size_t
text_bytes(const zc_doc *d)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n_passages; i++)
		n += d->passages[i].len;
	return n;
}

Test(record, a_long_document_fills_several_chunks_and_comes_back)
{
	zc_record_view v;
	zc_error err = {0};
	zc_doc d, back;
	zc_buf b = {0};

	long_doc(&d, 400);
	cr_assert_gt(text_bytes(&d), 100000, "the text spans many chunks");
	zc_record_encode(&d, &b);
	cr_expect_lt(b.len, text_bytes(&d) / 2, "%zu bytes of %zu: deflated",
	    b.len, text_bytes(&d));
	cr_assert_eq(zc_record_decode(b.data, b.len, &back, &err), ZC_OK,
	    "%s", err.msg);
	expect_same_doc(&back, &d, "long document");
	cr_assert_eq(zc_record_view_open(b.data, b.len, &v, &err), ZC_OK);
	expect_view_texts(&v, &back, "long document");
	zc_record_view_close(&v);
	zc_doc_free(&back);
	zc_doc_free(&d);
	zc_buf_free(&b);
}

Test(record, a_short_record_is_stored_as_it_is)
{
	static const char path[] = "/srv/政策/短.txt";
	zc_doc d = {0};
	zc_buf b = {0};

	d.path = zc_xstrdup(path);
	zc_doc_add_passage(&d, "通知", strlen("通知"), 1);
	zc_record_encode(&d, &b);
	/* deflate would only lengthen it */
	cr_expect_not_null(memmem(b.data, b.len, path, strlen(path)));
	cr_expect_not_null(memmem(b.data, b.len, "通知", strlen("通知")));
	zc_doc_free(&d);
	zc_buf_free(&b);
}

/* Whether data[0..len) is refused, by decode and by the view (at open,
 * or when a text is asked for); the two must agree. */
static bool
is_refused(const char *data, size_t len, const char *name)
{
	char *copy = zc_xstrndup(data, len); /* ASan sees overreads */
	zc_record_view v;
	zc_error err = {0};
	zc_doc d;
	zc_status st, view_st;

	st = zc_record_decode(copy, len, &d, &err);
	cr_expect(st == ZC_OK || (st == ZC_EINVAL &&
	    strcmp(err.msg, "malformed document record") == 0), "%s: %s",
	    name, err.msg);
	zc_doc_free(&d);
	view_st = zc_record_view_open(copy, len, &v, &err);
	for (size_t i = 0; view_st == ZC_OK && i < v.n_passages; i++) {
		const char *text;
		size_t text_len;

		view_st = zc_record_view_text(&v, i, &text, &text_len, &err);
	}
	zc_record_view_close(&v);
	cr_expect_eq(view_st, st, "%s: the view and decode disagree", name);
	free(copy);
	return st == ZC_EINVAL;
}

/* Every proper prefix of data[0..len) that step picks is refused. */
static void
expect_prefixes_refused(const char *data, size_t len, size_t step,
    const char *name)
{
	for (size_t cut = 0; cut < len; cut += cut < 64 ||
	    cut + 64 > len ? 1 : step)
		cr_expect(is_refused(data, cut, name), "%s cut at %zu of %zu",
		    name, cut, len);
}

Test(record, a_record_cut_at_any_byte_is_refused)
{
	zc_doc d;
	zc_buf b = {0};

	for (size_t k = 0; k < sizeof rec_cases / sizeof rec_cases[0]; k++) {
		doc_of(&rec_cases[k], &d);
		zc_record_encode(&d, &b);
		expect_prefixes_refused(b.data, b.len, 1, rec_cases[k].name);
		zc_doc_free(&d);
		zc_buf_reset(&b);
	}
	long_doc(&d, 400);
	zc_record_encode(&d, &b);
	expect_prefixes_refused(b.data, b.len, 61, "long document");
	zc_doc_free(&d);
	zc_buf_free(&b);
}

Test(record, a_corrupt_chunk_fails_its_passages_and_no_other)
{
	const char *text;
	size_t len;
	zc_record_view v;
	zc_error err = {0};
	zc_doc d;
	zc_buf b = {0};

	long_doc(&d, 400);
	zc_record_encode(&d, &b);
	b.data[b.len - 1] ^= 0x01; /* the checksum of the last chunk */
	cr_assert_eq(zc_record_view_open(b.data, b.len, &v, &err), ZC_OK);
	cr_expect_eq(zc_record_view_text(&v, d.n_passages - 1, &text, &len,
	    &err), ZC_EINVAL);
	cr_expect_str_eq(err.msg, "malformed document record");
	cr_expect_eq(zc_record_view_text(&v, d.n_passages - 1, &text, &len,
	    &err), ZC_EINVAL, "refused again, not read as inflated");
	cr_expect_eq(zc_record_view_text(&v, 1, &text, &len, &err), ZC_OK,
	    "the first chunk is another: %s", err.msg);
	cr_expect(len == d.passages[1].len &&
	    memcmp(text, d.passages[1].text, len) == 0);
	zc_record_view_close(&v);
	cr_expect(is_refused(b.data, b.len, "corrupt last chunk"));
	/* any byte of the record changed: refused, or read as it says */
	b.data[b.len - 1] ^= 0x01;
	for (size_t k = 0; k < b.len; k += 61) {
		b.data[k] ^= 0x5a;
		is_refused(b.data, b.len, "a byte changed");
		b.data[k] ^= 0x5a;
	}
	zc_doc_free(&d);
	zc_buf_free(&b);
}

/* ---- records written byte by byte ------------------------------------- */

static void
put_varint(zc_buf *b, uint64_t n)
{
	for (; n >= 0x80; n >>= 7)
		zc_buf_putc(b, (char)(0x80 | (n & 0x7f)));
	zc_buf_putc(b, (char)n);
}

/* The record of header head (stored as it is) and chunks body, in the
 * layout of first byte layout. */
static void
record_in(zc_buf *b, char layout, const char *head, size_t head_len,
    const char *body, size_t body_len)
{
	zc_buf_reset(b);
	zc_buf_putc(b, layout);
	put_varint(b, head_len);
	put_varint(b, head_len);
	zc_buf_append(b, head, head_len);
	zc_buf_append(b, body, body_len);
}

/* Schema 4's layout (first byte 0): its seven fields in a fixed order,
 * each 0 when absent. */
static void
record_of(zc_buf *b, const char *head, size_t head_len, const char *body,
    size_t body_len)
{
	record_in(b, '\0', head, head_len, body, body_len);
}

#define NO_FIELDS "\0\0\0\0\0\0\0"
#define PATH_A "\x02/a" NO_FIELDS
#define B(s) s, sizeof s - 1

/* Each is the header and chunks of a record that holds path /a and no
 * field, broken in one place. */
static const struct {
	const char *name, *head;
	size_t head_len;
	const char *body;
	size_t body_len;
} corrupt[] = {
	{ "valid, for reference: no passage", B(PATH_A "\0\0"), B("") },
	{ "valid, for reference: one passage abc, line 1, position 1",
	  B(PATH_A "\x01" "\x01\x01\x03" "\x01" "\x01\x03"), B("abc") },
	{ "empty header", B(""), B("") },
	{ "path length beyond the header", B("\x0c/a" NO_FIELDS "\0\0"),
	  B("") },
	{ "a field length beyond the header",
	  B("\x02/a" "\x7fx" "\0\0\0\0\0\0" "\0\0"), B("") },
	{ "a number of 11 bytes",
	  B("\x82\x80\x80\x80\x80\x80\x80\x80\x80\x80\x00/a" NO_FIELDS "\0\0"),
	  B("") },
	{ "a number above 2^64",
	  B("\x82\x80\x80\x80\x80\x80\x80\x80\x80\x02/a" NO_FIELDS "\0\0"),
	  B("") },
	{ "a number cut short", B(PATH_A "\x80"), B("") },
	{ "no number of passages", B(PATH_A), B("") },
	{ "more passages than the header could hold",
	  B(PATH_A "\x03" "\x01\x01\x03" "\x01" "\x01\x03"), B("abc") },
	{ "a line 2^32 after the one before",
	  B(PATH_A "\x01" "\x80\x80\x80\x80\x10\x01\x03" "\x01" "\x01\x03"),
	  B("abc") },
	{ "a position 2^32 after the one before",
	  B(PATH_A "\x01" "\x01\x80\x80\x80\x80\x10\x03" "\x01" "\x01\x03"),
	  B("abc") },
	{ "no chunk table", B(PATH_A "\x01" "\x01\x01\x03"), B("abc") },
	{ "more chunks than passages",
	  B(PATH_A "\x01" "\x01\x01\x03" "\x02" "\x01\x03" "\x01\x00"),
	  B("abc") },
	{ "a chunk of no passage",
	  B(PATH_A "\x02" "\x01\x01\x03" "\x01\x01\x00" "\x02" "\x00\x00"
	    "\x02\x03"), B("abc") },
	{ "a chunk of more passages than there are",
	  B(PATH_A "\x01" "\x01\x01\x03" "\x01" "\x02\x03"), B("abc") },
	{ "chunks that leave a passage out",
	  B(PATH_A "\x02" "\x01\x01\x03" "\x01\x01\x00" "\x01" "\x01\x03"),
	  B("abc") },
	{ "a chunk beyond the end",
	  B(PATH_A "\x01" "\x01\x01\x03" "\x01" "\x01\x04"), B("abc") },
	{ "bytes after the last chunk",
	  B(PATH_A "\x01" "\x01\x01\x03" "\x01" "\x01\x03"), B("abcx") },
	{ "bytes after a record without passages", B(PATH_A "\0\0"),
	  B("x") },
	{ "bytes after the chunk table",
	  B(PATH_A "\x01" "\x01\x01\x03" "\x01" "\x01\x03" "\x00"),
	  B("abc") },
	{ "a chunk stored in more bytes than its text",
	  B(PATH_A "\x01" "\x01\x01\x03" "\x01" "\x01\x04"), B("abcd") },
	{ "passage lengths adding up beyond 2^64",
	  B(PATH_A "\x02" "\x01\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"
	    "\x01\x01\x02" "\x01" "\x02\x03"), B("abc") },
	{ "a chunk claiming more text than deflate can give",
	  B(PATH_A "\x01" "\x01\x01\xa0\x8d\x06" "\x01" "\x01\x03"),
	  B("abc") },
	{ "a chunk that is no deflate stream",
	  B(PATH_A "\x01" "\x01\x01\x04" "\x01" "\x01\x03"), B("abc") },
};

Test(record, corrupt_headers_and_chunks_are_refused)
{
	zc_buf b = {0};

	/* the reference records are valid, so each case breaks one thing */
	for (size_t k = 0; k < 2; k++) {
		zc_error err = {0};
		zc_doc d;

		record_of(&b, corrupt[k].head, corrupt[k].head_len,
		    corrupt[k].body, corrupt[k].body_len);
		cr_assert_eq(zc_record_decode(b.data, b.len, &d, &err), ZC_OK,
		    "%s: %s", corrupt[k].name, err.msg);
		cr_assert_str_eq(d.path, "/a");
		cr_assert_eq(d.n_passages, k);
		zc_doc_free(&d);
	}
	for (size_t k = 2; k < sizeof corrupt / sizeof corrupt[0]; k++) {
		record_of(&b, corrupt[k].head, corrupt[k].head_len,
		    corrupt[k].body, corrupt[k].body_len);
		cr_expect(is_refused(b.data, b.len, corrupt[k].name), "%s",
		    corrupt[k].name);
	}
	zc_buf_free(&b);
}

/* A record of the two sizes given, then stored[0..stored_len). */
static void
sized_record(zc_buf *b, uint64_t len, uint64_t stored_len,
    const char *stored, size_t n)
{
	zc_buf_reset(b);
	zc_buf_putc(b, '\0');
	put_varint(b, len);
	put_varint(b, stored_len);
	zc_buf_append(b, stored, n);
}

static size_t
deflated(const char *s, size_t len, char *out, size_t cap)
{
	uLongf n = cap;

	cr_assert_eq(compress2((Bytef *)out, &n, (const Bytef *)s, len, 9),
	    Z_OK);
	return n;
}

Test(record, a_header_is_refused_unless_it_inflates_to_its_size)
{
	static const char head[] = "\x28/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaa" NO_FIELDS "\0\0";
	char z[256], chunk[256];
	size_t n = deflated(head, sizeof head - 1, z, sizeof z);
	zc_buf b = {0};
	zc_error err = {0};
	zc_doc d;

	cr_assert_lt(n, sizeof head - 1, "the header deflates");
	/* on each side of its size, as deflated and as it is */
	cr_expect(is_refused("", 0, "empty"));
	cr_expect(is_refused("\0", 1, "the first byte alone"));
	cr_expect(is_refused("\0\x11", 2, "no stored size"));
	cr_expect(is_refused("\0\x11\x11" PATH_A, 13, "header cut short"));
	cr_expect(is_refused("\0\x01\x02" "ab", 5,
	    "stored in more than it is"));
	sized_record(&b, 3000, 1, "x", 1);
	cr_expect(is_refused(b.data, b.len, "3,000 times its stored size"));
	sized_record(&b, sizeof head - 1, n, z, n);
	cr_assert_eq(zc_record_decode(b.data, b.len, &d, &err), ZC_OK,
	    "deflated as it should be: %s", err.msg);
	cr_expect_eq(strlen(d.path), 40);
	zc_doc_free(&d);
	sized_record(&b, sizeof head, n, z, n);
	cr_expect(is_refused(b.data, b.len, "inflates to a byte less"));
	sized_record(&b, sizeof head - 2, n, z, n);
	cr_expect(is_refused(b.data, b.len, "inflates to a byte more"));
	memcpy(chunk, z, n);
	chunk[n] = 'x';
	sized_record(&b, sizeof head - 1, n + 1, chunk, n + 1);
	cr_expect(is_refused(b.data, b.len, "a byte after the stream"));
	chunk[n / 2] ^= 0x40;
	sized_record(&b, sizeof head - 1, n, chunk, n);
	cr_expect(is_refused(b.data, b.len, "a byte of the stream changed"));
	zc_buf_free(&b);
}

/* The record of one passage whose text is 100 'a' deflated, claiming
 * text_len bytes, then extra. */
static void
deflated_chunk_record(zc_buf *b, size_t text_len, const char *extra)
{
	char text[100], z[128];
	size_t n;
	zc_buf head = {0};

	memset(text, 'a', sizeof text);
	n = deflated(text, sizeof text, z, sizeof z);
	zc_buf_append(&head, B(PATH_A "\x01" "\x01\x01"));
	put_varint(&head, text_len);
	zc_buf_putc(&head, '\x01');
	zc_buf_putc(&head, '\x01');
	put_varint(&head, n + strlen(extra));
	zc_buf_reset(b);
	zc_buf_putc(b, '\0');
	put_varint(b, head.len);
	put_varint(b, head.len);
	zc_buf_append(b, head.data, head.len);
	zc_buf_append(b, z, n);
	zc_buf_puts(b, extra);
	zc_buf_free(&head);
}

Test(record, a_chunk_is_refused_unless_it_inflates_to_its_passages)
{
	zc_buf b = {0};
	zc_error err = {0};
	zc_doc d;

	deflated_chunk_record(&b, 100, "");
	cr_assert_eq(zc_record_decode(b.data, b.len, &d, &err), ZC_OK,
	    "%s", err.msg);
	cr_assert_eq(d.passages[0].len, 100);
	cr_expect_eq(d.passages[0].text[99], 'a');
	zc_doc_free(&d);
	deflated_chunk_record(&b, 101, "");
	cr_expect(is_refused(b.data, b.len, "a byte less than its passages"));
	deflated_chunk_record(&b, 99, "");
	cr_expect(is_refused(b.data, b.len, "a byte more than its passages"));
	deflated_chunk_record(&b, 100, "x");
	cr_expect(is_refused(b.data, b.len, "a byte after the stream"));
	zc_buf_free(&b);
}

/* A record of schema 3 ("<len>:<bytes>" items, no leading 0 byte) is
 * still read, in place: a database re-read for schema 4 holds both until
 * every file has been walked again. */
Test(record, a_schema_3_record_is_still_read)
{
	static const char old[] = "2:/a" "-" "5:title" "-----"
	    "1:2" "1:5" "2:10" "3:abc" "2:12" "2:30" "6:第二";
	zc_record_view v;
	zc_record_passage ps[2];
	zc_error err = {0};
	const char *text;
	size_t len;
	zc_doc d;

	cr_assert_eq(zc_record_view_open(old, sizeof old - 1, &v, &err), ZC_OK,
	    "%s", err.msg);
	cr_expect_eq(v.path_len, 2);
	cr_expect_eq(v.meta_len[1], 5);
	cr_assert_eq(v.n_passages, 2);
	zc_record_view_passages(&v, ps);
	cr_expect(ps[0].line == 5 && ps[0].pos == 10 && ps[0].len == 3);
	cr_expect(ps[1].line == 12 && ps[1].pos == 30 && ps[1].len == 6);
	cr_assert_eq(zc_record_view_text(&v, 1, &text, &len, &err), ZC_OK);
	cr_expect(len == 6 && memcmp(text, "第二", 6) == 0);
	zc_record_view_close(&v);
	cr_assert_eq(zc_record_decode(old, sizeof old - 1, &d, &err), ZC_OK);
	cr_expect_str_eq(d.passages[0].text, "abc");
	zc_doc_free(&d);
	for (size_t cut = 0; cut < sizeof old - 1; cut++)
		cr_expect(is_refused(old, cut, "a schema 3 record cut short"),
		    "cut at %zu", cut);
}

/* Schema 5 names each value: a key of a newer zcindex is skipped, a key
 * given twice is malformed, and the order is free. */
Test(record, named_fields_are_read_by_their_keys)
{
	static const char head[] = "\x02/a" "\x03" "\x06" "future" "\x01x"
	    "\x07written\x0a" "2024-01-02" "\x04type\x06" "通知" "\0\0";
	static const char twice[] = "\x02/a" "\x02" "\x04type\x06" "通知"
	    "\x04type\x06" "通知" "\0\0";
	zc_buf b = {0};
	zc_error err = {0};
	zc_doc d;

	record_in(&b, '\1', head, sizeof head - 1, "", 0);
	cr_assert_eq(zc_record_decode(b.data, b.len, &d, &err), ZC_OK, "%s",
	    err.msg);
	cr_expect_str_eq(d.meta.value[ZC_FIELD_WRITTEN], "2024-01-02");
	cr_expect_str_eq(d.meta.value[ZC_FIELD_TYPE], "通知");
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		if (f != ZC_FIELD_WRITTEN && f != ZC_FIELD_TYPE)
			cr_expect_null(d.meta.value[f], "%s", zc_fields[f].key);
	zc_doc_free(&d);
	record_in(&b, '\1', twice, sizeof twice - 1, "", 0);
	cr_expect(is_refused(b.data, b.len, "a key given twice"));
	zc_buf_free(&b);
}

/* Records of schema 4 keep their seven fields where they were. */
Test(record, a_schema_4_record_keeps_its_fields)
{
	/* title, 索引号, date, issuer, 文号, category, validity */
	static const char head[] = "\x02/a" "\0" "\0" "\x0b" "2024-01-02"
	    "\x0a" "湖北省" "\0\0\0" "\0\0";
	zc_buf b = {0};
	zc_error err = {0};
	zc_doc d;

	record_of(&b, head, sizeof head - 1, "", 0);
	cr_assert_eq(zc_record_decode(b.data, b.len, &d, &err), ZC_OK, "%s",
	    err.msg);
	cr_expect_str_eq(d.meta.value[ZC_FIELD_DATE], "2024-01-02");
	cr_expect_str_eq(d.meta.value[ZC_FIELD_ISSUER], "湖北省");
	cr_expect_null(d.meta.value[ZC_FIELD_WRITTEN]);
	cr_expect_null(d.meta.value[ZC_FIELD_TITLE]);
	zc_doc_free(&d);
	zc_buf_free(&b);
}

/* Where later source lines begin in a passage (schema 8) comes back from
 * decode and from the view, line numbers wrapping as positions do. */
Test(record, line_starts_come_back)
{
	zc_doc d, back;
	zc_buf b = {0};
	zc_error err = {0};
	zc_record_view v;
	zc_record_passage ps[3];

	memset(&d, 0, sizeof d);
	d.path = zc_xstrdup("/wrapped.pdf");
	d.format = "pdf";
	zc_doc_add_passage(&d, "第一行第二行第三行", 27, 10);
	zc_doc_add_line_start(&d, 9, 11);
	zc_doc_add_line_start(&d, 18, 13);
	zc_doc_add_passage(&d, "一段", 6, 20);
	zc_doc_add_passage(&d, "ab", 2, 4294967295u);
	zc_doc_add_line_start(&d, 1, 0);
	zc_record_encode(&d, &b);
	cr_assert_eq(zc_record_decode(b.data, b.len, &back, &err), ZC_OK,
	    "%s", err.msg);
	expect_same_doc(&back, &d, "line starts");
	cr_assert_eq(back.passages[0].n_starts, 2);
	cr_expect_eq(back.passages[0].starts[0].off, 9);
	cr_expect_eq(back.passages[0].starts[0].line, 11);
	cr_expect_eq(back.passages[0].starts[1].off, 18);
	cr_expect_eq(back.passages[0].starts[1].line, 13);
	cr_expect_eq(back.passages[1].n_starts, 0);
	cr_assert_eq(back.passages[2].n_starts, 1);
	cr_expect_eq(back.passages[2].starts[0].line, 0);
	cr_assert_eq(zc_record_view_open(b.data, b.len, &v, &err), ZC_OK);
	cr_expect(v.format_len == 3 && memcmp(v.format, "pdf", 3) == 0,
	    "the format comes back");
	zc_record_view_passages(&v, ps);
	cr_assert_eq(ps[0].n_starts, 2);
	cr_expect_eq(ps[0].starts[1].off, 18);
	cr_expect_eq(ps[1].n_starts, 0);
	cr_expect_eq(ps[2].starts[0].off, 1);
	cr_expect_eq(zc_line_at(ps[0].line, ps[0].starts, ps[0].n_starts, 0),
	    10);
	cr_expect_eq(zc_line_at(ps[0].line, ps[0].starts, ps[0].n_starts, 9),
	    11);
	cr_expect_eq(zc_line_at(ps[0].line, ps[0].starts, ps[0].n_starts, 17),
	    11);
	cr_expect_eq(zc_line_at(ps[0].line, ps[0].starts, ps[0].n_starts, 26),
	    13);
	zc_record_view_close(&v);
	zc_doc_free(&back);
	zc_doc_free(&d);
	zc_buf_free(&b);
}

/* A record of schemas 5 to 7 has no line starts, and is still read. */
Test(record, a_schema_7_record_has_no_line_starts)
{
	static const char head[] = "\x02/a" "\0" "\x01" "\x03\x01\x03"
	    "\x01" "\x01\x03";
	zc_buf b = {0};
	zc_error err = {0};
	zc_doc d;

	record_in(&b, '\1', head, sizeof head - 1, "abc", 3);
	cr_assert_eq(zc_record_decode(b.data, b.len, &d, &err), ZC_OK, "%s",
	    err.msg);
	cr_assert_eq(d.n_passages, 1);
	cr_expect_eq(d.passages[0].line, 3);
	cr_expect_eq(d.passages[0].n_starts, 0);
	cr_expect_str_eq(d.passages[0].text, "abc");
	zc_doc_free(&d);
	{
		zc_record_view v;

		cr_assert_eq(zc_record_view_open(b.data, b.len, &v, &err),
		    ZC_OK);
		cr_expect_eq(v.format_len, 0, "a schema 7 record names none");
		cr_expect_not_null(v.format);
		zc_record_view_close(&v);
	}
	zc_buf_free(&b);
}

/* A line start is inside its passage, after the one before it. */
Test(record, line_starts_outside_their_passage_are_refused)
{
	/* path, no format, no field; one passage of 3 bytes from line 3;
	 * its starts; one chunk */
#define LINES_HEAD(starts) "\x02/a" "\0" "\0" "\x01" "\x03\x01\x03" starts \
	"\x01" "\x01\x03"
	static const char good[] = LINES_HEAD("\x02" "\x01\x01" "\x01\x01");
	static const struct { const char *name, *head; size_t len; } bad[] = {
		{ "a start at 0", B(LINES_HEAD("\x01" "\x00\x01")) },
		{ "a start at the end", B(LINES_HEAD("\x01" "\x03\x01")) },
		{ "a start past the end", B(LINES_HEAD("\x01" "\x09\x01")) },
		{ "two starts at one offset",
		  B(LINES_HEAD("\x02" "\x01\x01" "\x00\x01")) },
		{ "more starts than bytes", B(LINES_HEAD("\x7f" "\x01\x01")) },
		{ "a start cut short", B(LINES_HEAD("\x01" "\x01")) },
	};
#undef LINES_HEAD
	zc_buf b = {0};
	zc_error err = {0};
	zc_doc d;

	record_in(&b, '\2', good, sizeof good - 1, "abc", 3);
	cr_assert_eq(zc_record_decode(b.data, b.len, &d, &err), ZC_OK, "%s",
	    err.msg);
	cr_assert_eq(d.passages[0].n_starts, 2);
	cr_expect_eq(d.passages[0].starts[1].off, 2);
	cr_expect_eq(d.passages[0].starts[1].line, 5);
	zc_doc_free(&d);
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		record_in(&b, '\2', bad[k].head, bad[k].len, "abc", 3);
		cr_expect(is_refused(b.data, b.len, bad[k].name), "%s",
		    bad[k].name);
	}
	zc_buf_free(&b);
}
