/*
 * test_record.c — the document record stored in the index: documents
 * come back from their record as they went in, whatever their bytes,
 * the view reads the same record in place, and no truncated or corrupt
 * record is accepted.
 */
#include <criterion/criterion.h>

#include <stdint.h>
#include <string.h>

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

Test(record, the_view_reads_the_record_in_place)
{
	for (size_t k = 0; k < sizeof rec_cases / sizeof rec_cases[0]; k++) {
		const struct rec_case *c = &rec_cases[k];
		zc_record_passage ps[4];
		zc_record_view v;
		zc_error err = {0};
		zc_doc d;
		zc_buf b = {0};

		doc_of(c, &d);
		zc_record_encode(&d, &b);
		cr_assert_eq(zc_record_view_open(b.data, b.len, &v, &err),
		    ZC_OK, "%s: %s", c->name, err.msg);
		cr_assert_eq(v.path_len, strlen(d.path));
		cr_expect(memcmp(v.path, d.path, v.path_len) == 0);
		cr_expect(v.path > b.data && v.path < b.data + b.len,
		    "%s: the path is not read in place", c->name);
		for (int f = 0; f < ZC_FIELD_COUNT; f++) {
			if (d.meta.value[f] == NULL) {
				cr_expect_null(v.meta[f]);
				continue;
			}
			cr_assert_eq(v.meta_len[f], strlen(d.meta.value[f]));
			cr_expect(memcmp(v.meta[f], d.meta.value[f],
			    v.meta_len[f]) == 0, "%s: field %d", c->name, f);
		}
		cr_assert_eq(v.n_passages, d.n_passages, "%s", c->name);
		cr_assert_eq(zc_record_view_passages(&v, ps, &err), ZC_OK,
		    "%s: %s", c->name, err.msg);
		for (size_t i = 0; i < d.n_passages; i++) {
			cr_assert_eq(ps[i].len, d.passages[i].len);
			cr_expect(memcmp(ps[i].text, d.passages[i].text,
			    ps[i].len) == 0, "%s: passage %zu", c->name, i);
			cr_expect(ps[i].text > b.data &&
			    ps[i].text <= b.data + b.len);
			cr_expect_eq(ps[i].line, d.passages[i].line);
			cr_expect_eq(ps[i].pos, d.passages[i].pos);
		}
		zc_doc_free(&d);
		zc_buf_free(&b);
	}
}

/* Every proper prefix of data[0..len) is refused, by decode and by the
 * view (open, or else its passages). */
static void
expect_every_prefix_refused(const char *data, size_t len, const char *name)
{
	for (size_t cut = 0; cut < len; cut++) {
		char *copy = zc_xstrndup(data, cut); /* ASan sees overreads */
		zc_record_passage *ps;
		zc_record_view v;
		zc_error err = {0};
		zc_doc d;
		zc_status st;

		cr_expect_eq(zc_record_decode(copy, cut, &d, &err), ZC_EINVAL,
		    "%s cut at %zu of %zu", name, cut, len);
		zc_doc_free(&d);
		st = zc_record_view_open(copy, cut, &v, &err);
		if (st == ZC_OK) {
			ps = zc_xcalloc(v.n_passages + 1, sizeof *ps);
			st = zc_record_view_passages(&v, ps, &err);
			free(ps);
		}
		cr_expect_eq(st, ZC_EINVAL, "%s: view cut at %zu", name, cut);
		free(copy);
	}
}

Test(record, a_record_cut_at_any_byte_is_refused)
{
	for (size_t k = 0; k < sizeof rec_cases / sizeof rec_cases[0]; k++) {
		zc_doc d;
		zc_buf b = {0};

		doc_of(&rec_cases[k], &d);
		zc_record_encode(&d, &b);
		expect_every_prefix_refused(b.data, b.len, rec_cases[k].name);
		zc_doc_free(&d);
		zc_buf_free(&b);
	}
}

/* Each is "1:a-------1:0" (path a, no field, no passage) or
 * "1:a-------1:1" + one passage, broken in one place. */
static const struct { const char *name, *data; } corrupt[] = {
	{ "valid, for reference", NULL },
	{ "empty", "" },
	{ "absent path", "--------1:0" },
	{ "path length beyond the end", "9:a-------1:0" },
	{ "huge path length", "99999999999999999999999999:a-------1:0" },
	{ "path length of 2^64 + 1 (1 if it wrapped)",
	  "18446744073709551617:a-------1:0" },
	{ "negative path length", "-1:a-------1:0" },
	{ "signed path length", "+1:a-------1:0" },
	{ "path length with a space", " 1:a-------1:0" },
	{ "hexadecimal path length", "0x1:a-------1:0" },
	{ "no colon", "1a-------1:0" },
	{ "no length", ":a-------1:0" },
	{ "a field cut short", "1:a------" },
	{ "a field length beyond the end", "1:a-----99:x1:0" },
	{ "absent count", "1:a--------" },
	{ "empty count", "1:a-------0:" },
	{ "count not a number", "1:a-------1:x" },
	{ "negative count", "1:a-------2:-1" },
	{ "count of 19 digits", "1:a-------19:0000000000000000001" },
	{ "count beyond the passages there", "1:a-------1:2" "1:11:00:" },
	{ "huge count", "1:a-------18:999999999999999999" },
	{ "line not a number", "1:a-------1:1" "1:x1:00:" },
	{ "line absent", "1:a-------1:1" "-1:00:" },
	{ "line of 2^32", "1:a-------1:1" "10:42949672961:00:" },
	{ "position of 2^32", "1:a-------1:1" "1:110:42949672960:" },
	{ "negative position", "1:a-------1:1" "1:12:-10:" },
	{ "passage text absent", "1:a-------1:1" "1:11:0-" },
	{ "passage length beyond the end", "1:a-------1:1" "1:11:09:abc" },
	{ "negative passage length", "1:a-------1:1" "1:11:0-3:abc" },
	{ "bytes after the last passage", "1:a-------1:1" "1:11:03:abcx" },
	{ "bytes after a record without passages", "1:a-------1:0-" },
};

Test(record, corrupt_lengths_and_numbers_are_refused)
{
	zc_error err = {0};
	zc_doc d;

	/* the reference records are valid, so each case breaks one thing */
	cr_assert_eq(zc_record_decode("1:a-------1:0", 13, &d, &err), ZC_OK);
	zc_doc_free(&d);
	cr_assert_eq(zc_record_decode("1:a-------1:11:11:03:abc", 24, &d,
	    &err), ZC_OK, "%s", err.msg);
	cr_assert_eq(d.n_passages, 1);
	cr_expect_str_eq(d.passages[0].text, "abc");
	zc_doc_free(&d);
	for (size_t k = 1; k < sizeof corrupt / sizeof corrupt[0]; k++) {
		const char *s = corrupt[k].data;
		char *copy = zc_xstrndup(s, strlen(s));

		memset(&err, 0, sizeof err);
		cr_expect_eq(zc_record_decode(copy, strlen(s), &d, &err),
		    ZC_EINVAL, "%s: %s", corrupt[k].name, s);
		cr_expect_eq(err.status, ZC_EINVAL);
		cr_expect_str_eq(err.msg, "malformed document record");
		zc_doc_free(&d);
		free(copy);
	}
}
