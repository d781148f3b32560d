/*
 * test_search.c — documents ranked by relevance or date, pages of
 * documents, the best passages of each with their highlights, exact
 * counts and paths, for queries prepared as zcsearch prepares them,
 * against a temporary database built by zc_indexdoc_build as zcindex
 * builds it.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zc_fieldterm.h"
#include "zc_indexdoc.h"
#include "zc_prepared.h"
#include "zc_search.h"

#include "analyzer_fixture.h"

static char dir[64];
static zc_db *db;

/* A passage: its label, then x repeated nx times and f up to ten words,
 * so that every passage has the same length and BM25 ranks documents by
 * their number of x. */
static void
add_passage(zc_doc *d, const char *label, int nx, unsigned line)
{
	zc_buf t = {0};

	zc_buf_puts(&t, label);
	for (int i = 0; i < 10; i++)
		zc_buf_puts(&t, i < nx ? " x" : " f");
	zc_doc_add_passage(d, t.data, t.len, line);
	zc_buf_free(&t);
}

/* File path with two passages labelled path's last letter + 1 and + 2. */
static void
add_file(zc_wdb *w, const char *path, int nx1, int nx2, const char *date)
{
	zc_error err = {0};
	zc_xdoc *x = zc_xdoc_new();
	zc_doc d = {0};
	zc_buf id = {0};
	char label[8];

	d.path = zc_xstrdup(path);
	zc_meta_set(&d.meta, ZC_FIELD_TITLE, path + 3);
	zc_meta_set(&d.meta, ZC_FIELD_DATE, date);
	snprintf(label, sizeof label, "%s1", path + 3);
	add_passage(&d, label, nx1, 7);
	snprintf(label, sizeof label, "%s2", path + 3);
	add_passage(&d, label, nx2, 8);
	cr_assert_eq(zc_indexdoc_build(an, &d, NULL, x, &err), ZC_OK, "%s", err.msg);
	zc_fieldterm_file_id(path, &id);
	cr_assert_eq(zc_wdb_replace(w, id.data, x, NULL, &err), ZC_OK, "%s",
	    err.msg);
	zc_buf_free(&id);
	zc_doc_free(&d);
	zc_xdoc_free(x);
}

static void
setup(void)
{
	zc_error err = {0};
	zc_wdb *w;

	strcpy(dir, "/tmp/zc-test-search-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	open_analyzer();
	cr_assert_eq(zc_wdb_open(dir, ZC_WDB_CREATE, &w, &err), ZC_OK, "%s",
	    err.msg);
	/* By number of x: c (2+7) a (5+3) b (4+0) e (1+0). */
	add_file(w, "/d/a", 5, 3, "2024-08-12");
	add_file(w, "/d/b", 4, 0, "2021-01-01");
	add_file(w, "/d/c", 2, 7, NULL);
	add_file(w, "/d/e", 1, 0, "2025-07-30");
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK, "%s", err.msg);
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK, "%s", err.msg);
}

static void
teardown(void)
{
	char cmd[128];

	zc_db_close(db);
	close_analyzer();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(search, .init = setup, .fini = teardown);

/* "rank:label ..." of the hits of query t under req.  Every hit is
 * checked against the document it comes from, and its spans are those
 * of the highlighter on its passage. */
static const char *
run(const char *t, unsigned offset, unsigned limit, unsigned per_doc,
    zc_sort sort)
{
	static char out[256];
	zc_search_req req = { offset, limit, per_doc, sort, false };
	zc_hits hits = ZC_HITS_INIT;
	zc_error err = {0};
	zc_prepared *p = prepare(t);
	const zc_picker *pk;
	zc_spans spans = ZC_SPANS_INIT;
	size_t o = 0;

	cr_assert_eq(zc_search_run(db, p, &req, &hits, &err), ZC_OK, "%s",
	    err.msg);
	cr_assert_eq(zc_prepared_picker(p, &pk, &err), ZC_OK);
	out[0] = '\0';
	for (size_t i = 0; i < hits.n; i++) {
		const zc_hit *h = &hits.hit[i];

		cr_assert_str_eq(h->meta.value[ZC_FIELD_TITLE], h->path + 3);
		cr_assert_eq(h->line, h->passage[1] == '1' ? 7u : 8u);
		cr_assert_gt(h->score, 0.0);
		cr_assert_eq(zc_highlight(pk->hl, h->passage,
		    strlen(h->passage), &spans, &err), ZC_OK);
		cr_assert_eq(h->spans.n, spans.n);
		for (size_t k = 0; k < spans.n; k++)
			cr_assert_eq(h->spans.span[k].start_byte,
			    spans.span[k].start_byte);
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%u:%.2s",
		    i ? " " : "", h->rank, h->passage);
	}
	zc_spans_free(&spans);
	zc_hits_free(&hits);
	zc_prepared_free(p);
	return out;
}

Test(search, documents_rank_by_relevance_shown_by_their_best_passage)
{
	cr_expect_str_eq(run("x", 0, 10, 1, ZC_SORT_RELEVANCE),
	    "1:c2 2:a1 3:b1 4:e1");
}

Test(search, per_doc_shows_a_documents_matching_passages_best_first)
{
	cr_expect_str_eq(run("x", 0, 10, 2, ZC_SORT_RELEVANCE),
	    "1:c2 1:c1 2:a1 2:a2 3:b1 4:e1");
	cr_expect_str_eq(run("x", 1, 1, 5, ZC_SORT_RELEVANCE), "2:a1 2:a2");
}

Test(search, a_document_matched_only_by_its_title_shows_its_opening)
{
	zc_search_req req = { 0, 10, 2, ZC_SORT_RELEVANCE, false };
	zc_hits hits = ZC_HITS_INIT;
	zc_error err = {0};
	zc_prepared *p = prepare("title:c");

	cr_assert_eq(zc_search_run(db, p, &req, &hits, &err), ZC_OK);
	cr_assert_eq(hits.n, 1);
	cr_expect_str_eq(hits.hit[0].path, "/d/c");
	cr_expect_eq(hits.hit[0].line, 7);
	cr_expect_eq(hits.hit[0].spans.n, 0);
	zc_hits_free(&hits);
	zc_prepared_free(p);
}

Test(search, a_hit_carries_the_highlights_of_its_passage)
{
	zc_search_req req = { 0, 1, 1, ZC_SORT_RELEVANCE, false };
	zc_hits hits = ZC_HITS_INIT;
	zc_error err = {0};
	zc_prepared *p = prepare("x");
	const zc_hit *h;

	cr_assert_eq(zc_search_run(db, p, &req, &hits, &err), ZC_OK);
	cr_assert_eq(hits.n, 1);
	h = &hits.hit[0];
	/* "c2 x x x x x x x f f f": seven x, each a span of its own */
	cr_expect_str_eq(h->passage, "c2 x x x x x x x f f f");
	cr_assert_eq(h->spans.n, 7);
	for (size_t k = 0; k < 7; k++) {
		cr_expect_eq(h->spans.span[k].start_cp, 3 + 2 * k);
		cr_expect_eq(h->spans.span[k].end_cp, 4 + 2 * k);
	}
	zc_hits_free(&hits);
	zc_prepared_free(p);
}

Test(search, offset_and_limit_count_documents)
{
	cr_expect_str_eq(run("x", 1, 2, 1, ZC_SORT_RELEVANCE), "2:a1 3:b1");
	cr_expect_str_eq(run("x", 3, 10, 1, ZC_SORT_RELEVANCE), "4:e1");
	cr_expect_str_eq(run("x", 4, 10, 1, ZC_SORT_RELEVANCE), "");
	cr_expect_str_eq(run("x", 0, 1, 1, ZC_SORT_RELEVANCE), "1:c2");
}

Test(search, limit_zero_means_all)
{
	cr_expect_str_eq(run("x", 1, 0, 1, ZC_SORT_RELEVANCE),
	    "2:a1 3:b1 4:e1");
}

Test(search, sorting_by_date_puts_undated_documents_last)
{
	cr_expect_str_eq(run("x", 0, 10, 1, ZC_SORT_DATE_DESC),
	    "1:e1 2:a1 3:b1 4:c2");
	cr_expect_str_eq(run("x", 0, 10, 1, ZC_SORT_DATE),
	    "1:b1 2:a1 3:e1 4:c2");
}

Test(search, pages_of_a_date_sort_cross_from_dated_to_undated)
{
	cr_expect_str_eq(run("x", 2, 2, 1, ZC_SORT_DATE), "3:e1 4:c2");
	cr_expect_str_eq(run("x", 3, 1, 1, ZC_SORT_DATE), "4:c2");
	cr_expect_str_eq(run("x", 4, 1, 1, ZC_SORT_DATE), "");
	cr_expect_str_eq(run("x", 1, 1, 2, ZC_SORT_DATE), "2:a1 2:a2");
}

Test(search, no_match_is_no_hit)
{
	cr_expect_str_eq(run("nothing", 0, 10, 1, ZC_SORT_RELEVANCE), "");
	cr_expect_str_eq(run("nothing", 0, 10, 1, ZC_SORT_DATE), "");
}

static unsigned long
count(const char *text)
{
	zc_error err = {0};
	unsigned long n = 99;
	zc_prepared *p = prepare(text);

	cr_assert_eq(zc_search_count(db, p, &n, &err), ZC_OK, "%s", err.msg);
	zc_prepared_free(p);
	return n;
}

Test(search, count_is_the_exact_number_of_documents)
{
	cr_expect_eq(count("x"), 4);
	cr_expect_eq(count("f"), 4);
	cr_expect_eq(count("nothing"), 0);
}

Test(search, paths_lists_every_matching_document_once)
{
	zc_error err = {0};
	char **paths = NULL;
	size_t n = 0;
	zc_prepared *p = prepare("x");

	cr_assert_eq(zc_search_paths(db, p, ZC_SORT_RELEVANCE, &paths, &n,
	    &err), ZC_OK, "%s", err.msg);
	cr_assert_eq(n, 4);
	cr_expect_str_eq(paths[0], "/d/c");
	cr_expect_str_eq(paths[1], "/d/a");
	cr_expect_str_eq(paths[2], "/d/b");
	cr_expect_str_eq(paths[3], "/d/e");
	zc_search_paths_free(paths, n);
	zc_prepared_free(p);
}

Test(search, searches_keep_working_while_a_writer_commits)
{
	zc_error err = {0};
	const char *got;
	zc_wdb *w;

	/* Overwrite the reader's revision several times: the search must
	 * reopen (ZC_EMODIFIED) or never notice, and see a whole state. */
	cr_assert_eq(zc_wdb_open(dir, 0, &w, &err), ZC_OK, "%s", err.msg);
	for (int i = 0; i < 4; i++) {
		add_file(w, "/d/g", 10, 10, "2020-01-01");
		cr_assert_eq(zc_wdb_commit(w, &err), ZC_OK, "%s", err.msg);
	}
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK, "%s", err.msg);
	got = run("x", 0, 10, 1, ZC_SORT_RELEVANCE);
	cr_expect(strcmp(got, "1:g1 2:c2 3:a1 4:b1 5:e1") == 0 ||
	    strcmp(got, "1:c2 2:a1 3:b1 4:e1") == 0, "got %s", got);
}
