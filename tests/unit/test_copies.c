/*
 * test_copies.c — signatures of reposted copies and their groups: what a
 * signature ignores (punctuation, spaces, width, case, Traditional
 * forms), how its estimate follows the share of text two documents have
 * in common, and how zc_copies_join places documents in a temporary
 * database, incrementally, skipping a file's own previous document.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zc_copies.h"
#include "zc_fieldterm.h"
#include "zc_schema.h"

/* n pseudo-random Han characters from seed: texts that share nothing
 * unless made to. */
static void
han_text(unsigned seed, size_t n, zc_buf *out)
{
	uint32_t x = seed * 2654435761u + 1;

	for (size_t i = 0; i < n; i++) {
		char enc[4];

		x = x * 1664525u + 1013904223u;
		zc_buf_append(out, enc,
		    zc_utf8_encode(0x4e00 + (x >> 8) % 0x5000, enc));
	}
}

static void
sign_text(const char *s, zc_copysig *sig)
{
	zc_doc d = {0};

	zc_doc_add_passage(&d, s, strlen(s), 1);
	zc_copies_sign(&d, sig);
	zc_doc_free(&d);
}

/* Text a and then b, as one passage each. */
static void
sign_two(const char *a, const char *b, zc_copysig *sig)
{
	zc_doc d = {0};

	zc_doc_add_passage(&d, a, strlen(a), 1);
	zc_doc_add_passage(&d, b, strlen(b), 3);
	zc_copies_sign(&d, sig);
	zc_doc_free(&d);
}

Test(copies, same_text_same_signature)
{
	zc_buf t = {0};
	zc_copysig a, b;

	han_text(1, 400, &t);
	sign_text(t.data, &a);
	sign_text(t.data, &b);
	cr_assert(a.valid);
	cr_expect_eq(zc_copies_same(&a, &b), ZC_COPIES_HASHES);
	cr_expect_eq(memcmp(a.min, b.min, sizeof a.min), 0);
	zc_buf_free(&t);
}

Test(copies, ignores_what_a_repost_changes_in_form)
{
	zc_copysig a, b, c, d;

	sign_text("关于科技创新的通知。各区县：现将有关事项通知如下，"
	    "请认真贯彻执行2024年工作方案ABC。", &a);
	/* other punctuation, spaces and line wraps, full-width digits and
	 * letters, Traditional characters */
	sign_text("关于科技創新的通知 各区县 现将有关事项\n通知如下 "
	    "請认真贯彻執行２０２４年工作方案ａｂｃ", &b);
	cr_expect_eq(zc_copies_same(&a, &b), ZC_COPIES_HASHES);
	/* the same text cut into two passages elsewhere */
	sign_two("关于科技创新的通知。各区县：现将有关事项", "通知如下，"
	    "请认真贯彻执行2024年工作方案abc。", &c);
	cr_expect_eq(zc_copies_same(&a, &c), ZC_COPIES_HASHES);
	/* one character changed is another text, if a short one */
	sign_text("关于科技创新的通知。各区县：现将有关事项通知如下，"
	    "请认真贯彻执行2025年工作方案ABC。", &d);
	cr_expect_lt(zc_copies_same(&a, &d), ZC_COPIES_HASHES);
}

Test(copies, too_short_to_sign)
{
	zc_copysig s;
	zc_doc d = {0};

	sign_text("关于放假的通知附件下载", &s); /* 11 characters */
	cr_expect_not(s.valid);
	sign_text("，。、；：“”《》——……", &s); /* nothing but punctuation */
	cr_expect_not(s.valid);
	zc_copies_sign(&d, &s);
	cr_expect_not(s.valid);
	sign_text("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸", &s); /* 20 */
	cr_expect(s.valid);
	cr_expect_eq(zc_copies_same(&s, &(zc_copysig){ .valid = false }), 0);
}

/* A text of 2,000 characters and a copy with its last share of them
 * replaced: the estimate follows the Jaccard similarity of the two. */
static unsigned
same_after_replacing(size_t replaced)
{
	zc_buf a = {0}, b = {0}, tail = {0};
	zc_copysig sa, sb;
	size_t keep = 2000 - replaced;

	han_text(7, 2000, &a);
	han_text(8, replaced, &tail);
	zc_buf_append(&b, a.data, keep * 3); /* 3 bytes per character */
	zc_buf_append(&b, tail.data, tail.len);
	sign_text(a.data, &sa);
	sign_text(b.data, &sb);
	zc_buf_free(&a);
	zc_buf_free(&b);
	zc_buf_free(&tail);
	return zc_copies_same(&sa, &sb);
}

Test(copies, estimate_follows_the_text_in_common)
{
	/* Jaccard of the shingle sets: 0.9 for a tenth replaced, 0.82 for
	 * a fifth, 0.43 for a half, 0 for all; 80 hashes estimate it within
	 * about 0.05 (one standard deviation) */
	unsigned tenth = same_after_replacing(100);
	unsigned fifth = same_after_replacing(200);
	unsigned half = same_after_replacing(1000);
	unsigned all = same_after_replacing(2000);

	cr_expect_geq(tenth, ZC_COPIES_SAME, "a tenth replaced: %u", tenth);
	cr_expect_geq(fifth, ZC_COPIES_SAME, "a fifth replaced: %u", fifth);
	cr_expect_lt(half, ZC_COPIES_SAME, "half replaced: %u", half);
	cr_expect_lt(all, 8, "all replaced: %u", all);
	cr_expect_geq(tenth, fifth);
	cr_expect_gt(fifth, half);
}

/* ---- groups in a database --------------------------------------------- */

static char dir[64];
static zc_wdb *w;
static zc_copies_stats stats;

static void
setup(void)
{
	zc_error err = {0};

	strcpy(dir, "/tmp/zc-test-copies-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(zc_wdb_open(dir, ZC_WDB_CREATE, &w, &err), ZC_OK, "%s",
	    err.msg);
	memset(&stats, 0, sizeof stats);
}

static void
teardown(void)
{
	char cmd[128];
	zc_error err = {0};

	zc_wdb_close(w, &err);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
}

/* The document of the text of date iso and title (either NULL) at path
 * as zcindex's workers build it: signed (*sig), its file id term (*id),
 * path and date values, band terms. */
static zc_xdoc *
signed_doc(const char *path, const char *text, const char *iso,
    const char *title, zc_copysig *sig, zc_buf *id)
{
	zc_error err = {0};
	zc_xdoc *x = zc_xdoc_new();
	zc_doc d = {0};

	zc_doc_add_passage(&d, text, strlen(text), 1);
	zc_meta_set(&d.meta, ZC_FIELD_DATE, iso);
	zc_meta_set(&d.meta, ZC_FIELD_TITLE, title);
	zc_copies_sign(&d, sig);
	zc_doc_free(&d);
	if (iso != NULL) {
		char day[9];

		snprintf(day, sizeof day, "%.4s%.2s%.2s", iso, iso + 5, iso + 8);
		cr_assert_eq(zc_xdoc_set_value(x, ZC_SLOT_DATE, day, 8, &err),
		    ZC_OK);
	}
	zc_fieldterm_file_id(path, id);
	cr_assert_eq(zc_xdoc_add_boolean_term(x, id->data, id->len, &err),
	    ZC_OK);
	cr_assert_eq(zc_xdoc_set_value(x, ZC_SLOT_PATH, path, strlen(path),
	    &err), ZC_OK);
	cr_assert_eq(zc_copies_add_terms(sig, x, &err), ZC_OK, "%s", err.msg);
	return x;
}

/* Index the text of date iso and title (either NULL) at path as
 * zcindex's writer does: sign, join, write.  Returns the group key
 * (static until the next call), "" for none. */
static const char *
add_doc(const char *path, const char *text, const char *iso,
    const char *title)
{
	static char group[ZC_COPIES_GROUP_LEN + 1];
	zc_error err = {0};
	zc_copysig sig;
	zc_buf id = {0};
	zc_xdoc *x = signed_doc(path, text, iso, title, &sig, &id);
	zc_docid docid;
	char *v = NULL;
	size_t len = 0;

	cr_assert_eq(zc_copies_join(w, id.data, &sig, x, &stats, &err), ZC_OK,
	    "%s", err.msg);
	cr_assert_eq(zc_wdb_replace(w, id.data, x, &docid, &err), ZC_OK, "%s",
	    err.msg);
	cr_assert_eq(zc_wdb_value(w, docid, ZC_SLOT_COPY_GROUP, &v, &len,
	    &err), ZC_OK, "%s", err.msg);
	snprintf(group, sizeof group, "%s", v != NULL ? v : "");
	free(v);
	zc_xdoc_free(x);
	zc_buf_free(&id);
	return group;
}

static const char *
add(const char *path, const char *text)
{
	return add_doc(path, text, NULL, NULL);
}

static const char *
add_dated(const char *path, const char *text, const char *iso)
{
	return add_doc(path, text, iso, NULL);
}

static const char *
add_titled(const char *path, const char *text, const char *title)
{
	return add_doc(path, text, NULL, title);
}

/* text with its first `changed` characters (of 600) from another seed */
static void
variant(unsigned seed, size_t changed, zc_buf *out)
{
	zc_buf t = {0};

	han_text(seed + 100, changed, out);
	han_text(seed, 600, &t);
	zc_buf_puts(out, t.data + changed * 3);
	zc_buf_free(&t);
}

Test(copies, groups_form_as_documents_arrive, .init = setup,
    .fini = teardown)
{
	zc_buf orig = {0}, repost = {0}, edited = {0}, other = {0};
	char first[ZC_COPIES_GROUP_LEN + 1];

	variant(1, 0, &orig);
	variant(1, 30, &repost);   /* 5% other: a preamble */
	variant(1, 60, &edited);   /* 10% other: a paragraph */
	variant(2, 0, &other);
	snprintf(first, sizeof first, "%s", add("/d/orig", orig.data));
	cr_expect_eq(strlen(first), ZC_COPIES_GROUP_LEN);
	cr_expect_eq(stats.started, 1);
	cr_expect_str_eq(add("/d/repost", repost.data), first);
	cr_expect_str_eq(add("/d/edited", edited.data), first);
	cr_expect_str_neq(add("/d/other", other.data), first);
	cr_expect_eq(stats.joined, 2);
	cr_expect_eq(stats.started, 2);
	/* before a commit, and after: the writer sees its own changes */
	cr_assert_eq(zc_wdb_commit(w, &(zc_error){0}), ZC_OK);
	cr_expect_str_eq(add("/d/later", repost.data), first);
	zc_buf_free(&orig);
	zc_buf_free(&repost);
	zc_buf_free(&edited);
	zc_buf_free(&other);
}

Test(copies, a_file_is_not_its_own_copy, .init = setup, .fini = teardown)
{
	zc_buf a = {0}, b = {0};
	char first[ZC_COPIES_GROUP_LEN + 1];
	const char *again;

	variant(3, 0, &a);
	variant(4, 0, &b);
	snprintf(first, sizeof first, "%s", add("/d/a", a.data));
	/* indexed again unchanged: its own old document is skipped, so it
	 * starts a group of the same key (the key is its signature's) */
	cr_expect_str_eq(add("/d/a", a.data), first);
	cr_expect_eq(stats.joined, 0);
	/* rewritten into another text: another group */
	again = add("/d/a", b.data);
	cr_expect_str_neq(again, first);
	cr_expect_eq(stats.joined, 0);
	zc_buf_free(&a);
	zc_buf_free(&b);
}

Test(copies, short_texts_join_no_group, .init = setup, .fini = teardown)
{
	cr_expect_str_eq(add("/d/s1", "关于放假的通知"), "");
	cr_expect_str_eq(add("/d/s2", "关于放假的通知"), "");
	cr_expect_eq(stats.joined + stats.started, 0);
}

Test(copies, a_text_reposted_often_keeps_one_group, .init = setup,
    .fini = teardown)
{
	zc_buf text = {0};
	char first[ZC_COPIES_GROUP_LEN + 1], path[32];

	/* more copies than a band's documents read (ZC_COPIES_MAX_BUCKET):
	 * the first copies, read first, are in the group */
	for (int i = 0; i < ZC_COPIES_MAX_BUCKET + 8; i++) {
		zc_buf_reset(&text);
		variant(5, (size_t)(i % 4) * 10, &text);
		snprintf(path, sizeof path, "/d/copy%d", i);
		if (i == 0)
			snprintf(first, sizeof first, "%s", add(path, text.data));
		else
			cr_expect_str_eq(add(path, text.data), first, "copy %d", i);
	}
	cr_expect_eq(stats.started, 1);
	cr_expect_eq(stats.joined, ZC_COPIES_MAX_BUCKET + 7);
	zc_buf_free(&text);
}

Test(copies, a_text_adopted_again_years_later_is_a_version,
    .init = setup, .fini = teardown)
{
	zc_buf text = {0}, amended = {0};
	char first[ZC_COPIES_GROUP_LEN + 1];

	variant(6, 0, &text);
	variant(6, 30, &amended);
	snprintf(first, sizeof first, "%s",
	    add_dated("/d/2018", text.data, "2018-06-25"));
	/* reposted a month later, and undated: copies */
	cr_expect_str_eq(add_dated("/d/repost", text.data, "2018-07-30"), first);
	cr_expect_str_eq(add_dated("/d/undated", amended.data, NULL), first);
	/* amended five years later, and a copy of that: another group */
	cr_expect_str_neq(add_dated("/d/2023", amended.data, "2023-12-05"),
	    first);
	cr_expect_str_neq(add_dated("/d/2023b", amended.data, "2024-01-10"),
	    first);
	cr_expect_eq(stats.started, 2);
	/* the very same text again years later: its own group too */
	cr_expect_str_neq(add_dated("/d/2030", text.data, "2030-01-01"), first);
	zc_buf_free(&text);
	zc_buf_free(&amended);
}


Test(copies, a_repost_keeps_its_title, .init = setup, .fini = teardown)
{
	zc_buf text = {0};
	char first[ZC_COPIES_GROUP_LEN + 1], city[ZC_COPIES_GROUP_LEN + 1];

	variant(9, 0, &text);
	snprintf(first, sizeof first, "%s", add_titled("/d/orig", text.data,
	    "关于加强科技创新的通知"));
	/* forwarded, with a site's suffix, in other punctuation, untitled */
	cr_expect_str_eq(add_titled("/d/fwd", text.data,
	    "某市科技局关于转发《关于加强科技创新的通知》的通知"), first);
	cr_expect_str_eq(add_titled("/d/site", text.data,
	    "关于加强科技创新的通知_某省人民政府门户网站"), first);
	cr_expect_str_eq(add_titled("/d/punct", text.data,
	    "关于加强科技创新的通知。"), first);
	cr_expect_str_eq(add_titled("/d/untitled", text.data, NULL), first);
	/* a model text under another title is another document, even
	 * through the untitled copy, and so is a second city's */
	snprintf(city, sizeof city, "%s", add_titled("/d/rizhao", text.data,
	    "日照市制定地方性法规条例"));
	cr_expect_str_neq(city, first);
	cr_expect_str_neq(add_titled("/d/jining", text.data,
	    "济宁市制定地方性法规条例"), city);
	zc_buf_free(&text);
}

Test(copies, two_forwards_of_one_notice_are_copies, .init = setup,
    .fini = teardown)
{
	zc_buf text = {0};
	char first[ZC_COPIES_GROUP_LEN + 1];

	variant(10, 0, &text);
	/* indexed before the notice they forward: their own titles do not
	 * hold each other, the title they forward is one */
	snprintf(first, sizeof first, "%s", add_titled("/d/a", text.data,
	    "武汉市科学技术局关于转发《关于加强科技创新的通知》的通知"));
	cr_expect_str_eq(add_titled("/d/b", text.data,
	    "宜昌市科学技术局关于转发《关于加强科技创新的通知》的通知"), first);
	cr_expect_str_eq(add_titled("/d/orig", text.data,
	    "关于加强科技创新的通知"), first);
	/* a nested title is forwarded whole */
	cr_expect_str_eq(add_titled("/d/c", text.data,
	    "某县关于转发《省政府关于转发《关于加强科技创新的通知》的通知》的通知"),
	    first);
	zc_buf_free(&text);
}

Test(copies, a_draft_is_no_copy_of_what_it_became, .init = setup,
    .fini = teardown)
{
	zc_buf text = {0};
	char draft[ZC_COPIES_GROUP_LEN + 1];

	variant(11, 0, &text);
	snprintf(draft, sizeof draft, "%s", add_titled("/d/draft", text.data,
	    "关于《科技创新促进条例（征求意见稿）》公开征求意见的公告"));
	cr_expect_str_neq(add_titled("/d/final", text.data,
	    "科技创新促进条例"), draft);
	cr_expect_str_eq(add_titled("/d/draft2", text.data,
	    "关于《科技创新促进条例（征求意见稿）》公开征求意见的公告_某网"),
	    draft);
	cr_expect_str_neq(add_titled("/d/bill", text.data,
	    "科技创新促进条例（草案）"), draft);
	zc_buf_free(&text);
}

/* ---- groups across shards ---------------------------------------------- */

/* Write text at path into shard writer sw as a shard's process does:
 * grouped within the shard, the file marked pending.  Its docid. */
static zc_docid
add_pending(zc_wdb *sw, const char *path, const char *text)
{
	zc_error err = {0};
	zc_copysig sig;
	zc_buf id = {0};
	zc_xdoc *x = signed_doc(path, text, NULL, NULL, &sig, &id);
	zc_docid docid;

	cr_assert_eq(zc_copies_join(sw, id.data, &sig, x, &stats, &err), ZC_OK);
	cr_assert_eq(zc_copies_mark_pending(sw, id.data, path, &err), ZC_OK);
	cr_assert_eq(zc_wdb_replace(sw, id.data, x, &docid, &err), ZC_OK);
	zc_xdoc_free(x);
	zc_buf_free(&id);
	return docid;
}

static char *
group_of(zc_wdb *sw, zc_docid id)
{
	char *v = NULL;
	size_t len;

	cr_assert_eq(zc_wdb_value(sw, id, ZC_SLOT_COPY_GROUP, &v, &len,
	    &(zc_error){0}), ZC_OK);
	return v;
}

static bool
no_key(void *ctx, const char *key, size_t len)
{
	(void)ctx;
	cr_expect_fail("still pending: %.*s", (int)len, key);
	return true;
}

static bool
regroup(zc_wdb *const *both, size_t k, const char *path)
{
	zc_error err = {0};
	zc_buf id = {0};
	bool rewritten;

	zc_fieldterm_file_id(path, &id);
	cr_assert_eq(zc_copies_regroup(both, 2, k, id.data, &stats, &rewritten,
	    &err), ZC_OK, "%s", err.msg);
	zc_buf_free(&id);
	return rewritten;
}

Test(copies, pending_documents_join_groups_across_shards, .init = setup,
    .fini = teardown)
{
	char dir2[64] = "/tmp/zc-test-copies2-XXXXXX", cmd[128];
	zc_buf orig = {0}, repost = {0}, other = {0};
	zc_error err = {0};
	zc_wdb *w2, *both[2];
	zc_docid a, b, c;
	char *ga, *gb, *gc, *local_b;

	cr_assert_not_null(mkdtemp(dir2));
	cr_assert_eq(zc_wdb_open(dir2, ZC_WDB_CREATE, &w2, &err), ZC_OK);
	both[0] = w;
	both[1] = w2;
	variant(7, 0, &orig);
	variant(7, 30, &repost);
	variant(8, 0, &other);
	/* the original in one shard, its repost and another text in the
	 * other, each grouped within its shard; then the pass, in path
	 * order: /a, /b, /c */
	a = add_pending(w, "/a", orig.data);
	b = add_pending(w2, "/b", repost.data);
	c = add_pending(w2, "/c", other.data);
	local_b = group_of(w2, b);
	memset(&stats, 0, sizeof stats);
	cr_expect_not(regroup(both, 0, "/a"), "the first keeps its group");
	cr_expect(regroup(both, 1, "/b"), "the repost is rewritten");
	cr_expect_not(regroup(both, 1, "/c"), "another text keeps its own");
	ga = group_of(w, a);
	gb = group_of(w2, b);
	gc = group_of(w2, c);
	cr_assert_not_null(ga);
	cr_expect_str_neq(local_b, ga, "its shard alone gave it its own");
	cr_expect_str_eq(gb, ga, "the repost in the other shard joins");
	cr_expect_str_neq(gc, ga, "another text starts its own group");
	cr_expect_eq(stats.joined, 1);
	cr_expect_eq(stats.started, 2);
	/* a file written later, the ordinary way, joins it too */
	cr_expect_str_eq(add("/a2", orig.data), ga);
	/* no file is left pending */
	cr_assert_eq(zc_wdb_metadata_keys(w, ZC_META_COPY_PENDING, no_key,
	    NULL, &err), ZC_OK);
	cr_assert_eq(zc_wdb_metadata_keys(w2, ZC_META_COPY_PENDING, no_key,
	    NULL, &err), ZC_OK);
	free(ga);
	free(gb);
	free(gc);
	free(local_b);
	zc_buf_free(&orig);
	zc_buf_free(&repost);
	zc_buf_free(&other);
	zc_wdb_close(w2, &err);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir2);
	cr_expect_eq(system(cmd), 0);
}
