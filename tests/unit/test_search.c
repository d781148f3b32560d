/*
 * test_search.c — documents ranked by their best passage, pages of
 * documents, passages per document, sorting by date, exact counts and
 * paths, against a temporary database laid out as zc_schema.h says.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zc_record.h"
#include "zc_schema.h"
#include "zc_search.h"

static char dir[64];
static zc_db *db;

/* A passage of file path whose text is label: ten positions, `x`
 * repeated wdf times (all lengths equal, so BM25 ranks by wdf). */
static void
add_passage(zc_wdb *w, const char *path, const char *label, int wdf,
    const char *date)
{
	zc_error err = {0};
	zc_xdoc *d = zc_xdoc_new();
	zc_meta meta = {{0}};
	zc_buf data = {0};
	char id[64];

	for (unsigned pos = 1; pos <= 10; pos++)
		cr_assert_eq(zc_xdoc_add_posting(d, (int)pos <= wdf ? "x" : "f",
		    1, pos, 1, &err), ZC_OK);
	snprintf(id, sizeof id, "%s%s", ZC_PREFIX_ID, label);
	cr_assert_eq(zc_xdoc_add_boolean_term(d, id, strlen(id), &err), ZC_OK);
	if (date != NULL)
		cr_assert_eq(zc_xdoc_set_value(d, ZC_SLOT_DATE, date,
		    strlen(date), &err), ZC_OK);
	cr_assert_eq(zc_xdoc_set_value(d, ZC_SLOT_FILE, path, strlen(path),
	    &err), ZC_OK);
	zc_meta_set(&meta, ZC_FIELD_TITLE, path + 3);
	zc_record_encode(path, 7, label, strlen(label), &meta, &data);
	cr_assert_eq(zc_xdoc_set_data(d, data.data, data.len, &err), ZC_OK);
	cr_assert_eq(zc_wdb_replace(w, id, d, NULL, &err),
	    ZC_OK, "%s", err.msg);
	zc_buf_free(&data);
	zc_meta_free(&meta);
	zc_xdoc_free(d);
}

static void
setup(void)
{
	zc_error err = {0};
	zc_wdb *w;

	strcpy(dir, "/tmp/zc-test-search-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(zc_wdb_open(dir, ZC_WDB_CREATE, &w, &err), ZC_OK, "%s",
	    err.msg);
	/* By passage: c2 a1 b1 a2 c1 a3 e1; by document: c a b e. */
	add_passage(w, "/d/a", "a1", 5, "20240812");
	add_passage(w, "/d/a", "a2", 3, "20240812");
	add_passage(w, "/d/a", "a3", 1, "20240812");
	add_passage(w, "/d/b", "b1", 4, "20210101");
	add_passage(w, "/d/c", "c1", 2, NULL);
	add_passage(w, "/d/c", "c2", 6, NULL);
	add_passage(w, "/d/e", "e1", 1, "20250730");
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK, "%s", err.msg);
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK, "%s", err.msg);
}

static void
teardown(void)
{
	char cmd[128];

	zc_db_close(db);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(search, .init = setup, .fini = teardown);

static zc_query *
term(const char *t)
{
	zc_query *q;
	zc_error err = {0};

	cr_assert_eq(zc_query_term(t, strlen(t), 1, 0, &q, &err), ZC_OK);
	return q;
}

/* "rank:passage ..." of the hits of term t under req. */
static const char *
run(const char *t, unsigned offset, unsigned limit, unsigned per_doc,
    zc_sort sort)
{
	static char out[256];
	zc_search_req req = { offset, limit, per_doc, sort };
	zc_hits hits = ZC_HITS_INIT;
	zc_error err = {0};
	zc_query *q = term(t);
	size_t o = 0;

	cr_assert_eq(zc_search_run(db, q, &req, &hits, &err), ZC_OK, "%s",
	    err.msg);
	out[0] = '\0';
	for (size_t i = 0; i < hits.n; i++) {
		cr_assert_str_eq(hits.hit[i].rec.meta.value[ZC_FIELD_TITLE],
		    hits.hit[i].rec.path + 3);
		cr_assert_eq(hits.hit[i].rec.line, 7);
		cr_assert_gt(hits.hit[i].score, 0.0);
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%u:%s",
		    i ? " " : "", hits.hit[i].rank, hits.hit[i].rec.passage);
	}
	zc_hits_free(&hits);
	zc_query_free(q);
	return out;
}

Test(search, documents_rank_by_their_best_passage)
{
	cr_expect_str_eq(run("x", 0, 10, 1, ZC_SORT_RELEVANCE),
	    "1:c2 2:a1 3:b1 4:e1");
}

Test(search, per_doc_shows_a_documents_best_passages_together)
{
	cr_expect_str_eq(run("x", 0, 10, 2, ZC_SORT_RELEVANCE),
	    "1:c2 1:c1 2:a1 2:a2 3:b1 4:e1");
	cr_expect_str_eq(run("x", 1, 1, 5, ZC_SORT_RELEVANCE),
	    "2:a1 2:a2 2:a3");
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

Test(search, count_is_the_exact_number_of_documents)
{
	zc_error err = {0};
	unsigned long n = 99;
	zc_query *q = term("x");

	cr_assert_eq(zc_search_count(db, q, &n, &err), ZC_OK, "%s", err.msg);
	cr_expect_eq(n, 4);
	zc_query_free(q);
	q = term("f");
	cr_assert_eq(zc_search_count(db, q, &n, &err), ZC_OK);
	cr_expect_eq(n, 4);
	zc_query_free(q);
	q = term("nothing");
	cr_assert_eq(zc_search_count(db, q, &n, &err), ZC_OK);
	cr_expect_eq(n, 0);
	zc_query_free(q);
}

Test(search, paths_lists_every_matching_document_once)
{
	zc_error err = {0};
	char **paths = NULL;
	size_t n = 0;
	zc_query *q = term("x");

	cr_assert_eq(zc_search_paths(db, q, ZC_SORT_RELEVANCE, &paths, &n,
	    &err), ZC_OK, "%s", err.msg);
	cr_assert_eq(n, 4);
	cr_expect_str_eq(paths[0], "/d/c");
	cr_expect_str_eq(paths[1], "/d/a");
	cr_expect_str_eq(paths[2], "/d/b");
	cr_expect_str_eq(paths[3], "/d/e");
	zc_search_paths_free(paths, n);
	zc_query_free(q);
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
		add_passage(w, "/d/g", "g1", 7, "20200101");
		cr_assert_eq(zc_wdb_commit(w, &err), ZC_OK, "%s", err.msg);
	}
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK, "%s", err.msg);
	got = run("x", 0, 10, 1, ZC_SORT_RELEVANCE);
	cr_expect(strcmp(got, "1:g1 2:c2 3:a1 4:b1 5:e1") == 0 ||
	    strcmp(got, "1:c2 2:a1 3:b1 4:e1") == 0, "got %s", got);
}
