/*
 * test_xapian.c — one test per capability of the C API over Xapian,
 * each against a fresh temporary database.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zc_xapian.h"

static char dir[64];

static void
make_dir(void)
{
	strcpy(dir, "/tmp/zc-test-xapian-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void
remove_dir(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(xapian, .init = make_dir, .fini = remove_dir);

/* Add a passage-like document: positional terms from a space-separated
 * list, a date value, a collapse key, and data. */
static void
add_doc(zc_wdb *w, const char *id, const char *terms, const char *date,
    const char *key, const char *data)
{
	zc_error err = {0};
	zc_xdoc *d = zc_xdoc_new();
	char buf[256], *tok, *save = NULL;
	unsigned pos = 1;

	strcpy(buf, terms);
	for (tok = strtok_r(buf, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save))
		cr_assert_eq(zc_xdoc_add_posting(d, tok, strlen(tok), pos++, 1,
		    &err), ZC_OK, "%s", err.msg);
	cr_assert_eq(zc_xdoc_add_boolean_term(d, id, strlen(id), &err), ZC_OK);
	cr_assert_eq(zc_xdoc_set_value(d, 0, date, strlen(date), &err), ZC_OK);
	cr_assert_eq(zc_xdoc_set_value(d, 1, key, strlen(key), &err), ZC_OK);
	cr_assert_eq(zc_xdoc_set_data(d, data, strlen(data), &err), ZC_OK);
	cr_assert_eq(zc_wdb_replace(w, id, d, NULL, &err), ZC_OK, "%s",
	    err.msg);
	zc_xdoc_free(d);
}

static void
build_sample(void)
{
	zc_error err = {0};
	zc_wdb *w;

	cr_assert_eq(zc_wdb_open(dir, ZC_WDB_CREATE, &w, &err), ZC_OK, "%s",
	    err.msg);
	add_doc(w, "Qa:1", "科技 创新 孵化 器", "20240812", "a", "a1");
	add_doc(w, "Qa:2", "孵化 服务 能力", "20240812", "a", "a2");
	add_doc(w, "Qb:1", "创新 科技 政策", "20210101", "b", "b1");
	add_doc(w, "Qc:1", "tech technology 创新", "20250730", "c", "c1");
	cr_assert_eq(zc_wdb_set_metadata(w, "file:/x", "state", 5, &err),
	    ZC_OK);
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK, "%s", err.msg);
}

static zc_db *
open_sample(void)
{
	zc_error err = {0};
	zc_db *db;

	build_sample();
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK, "%s", err.msg);
	return db;
}

static zc_query *
term(const char *t)
{
	zc_query *q;
	zc_error err = {0};

	cr_assert_eq(zc_query_term(t, strlen(t), 1, 0, &q, &err), ZC_OK);
	return q;
}

static zc_query *
combine2(zc_qop op, zc_query *a, zc_query *b, unsigned window)
{
	zc_query *subs[2] = { a, b }, *q;
	zc_error err = {0};

	cr_assert_eq(zc_query_combine(op, subs, 2, window, &q, &err), ZC_OK,
	    "%s", err.msg);
	zc_query_free(a);
	zc_query_free(b);
	return q;
}

/* The data strings of all hits, in rank order, joined by spaces. */
static char *
hits(zc_db *db, zc_query *q, const zc_search_opts *opts)
{
	static char out[256];
	zc_search_opts def = ZC_SEARCH_OPTS_INIT;
	zc_error err = {0};
	zc_mset *ms;

	out[0] = '\0';
	cr_assert_eq(zc_db_search(db, q, opts ? opts : &def, &ms, &err), ZC_OK,
	    "%s", err.msg);
	for (size_t i = 0; i < zc_mset_size(ms); i++) {
		char *data;
		size_t len;
		cr_assert_eq(zc_mset_data(ms, i, &data, &len, &err), ZC_OK);
		if (i > 0)
			strcat(out, " ");
		strcat(out, data);
		free(data);
	}
	zc_mset_free(ms);
	zc_query_free(q);
	return out;
}

Test(xapian, opening_a_missing_database_is_enoent)
{
	zc_error err = {0};
	zc_db *db = (zc_db *)1;

	cr_assert_eq(zc_db_open("/nonexistent/zc-db", &db, &err), ZC_ENOENT);
	cr_assert_null(db);
	cr_assert_neq(err.msg[0], '\0');
}

Test(xapian, a_second_writer_gets_elocked)
{
	zc_error err = {0};
	zc_wdb *w1, *w2 = (zc_wdb *)1;

	cr_assert_eq(zc_wdb_open(dir, ZC_WDB_CREATE, &w1, &err), ZC_OK);
	cr_assert_eq(zc_wdb_open(dir, ZC_WDB_CREATE, &w2, &err), ZC_ELOCKED);
	cr_assert_null(w2);
	cr_assert_eq(zc_wdb_close(w1, &err), ZC_OK);
}

Test(xapian, a_term_finds_its_documents)
{
	zc_db *db = open_sample();

	cr_assert_str_eq(hits(db, term("孵化"), NULL), "a2 a1"); /* shorter first */
	zc_db_close(db);
}

Test(xapian, and_or_and_not)
{
	zc_db *db = open_sample();
	zc_search_opts o = ZC_SEARCH_OPTS_INIT;

	o.sort_slot = 0; /* stable order: by date, then relevance */
	cr_assert_str_eq(hits(db, combine2(ZC_Q_AND, term("科技"),
	    term("创新"), 0), &o), "b1 a1");
	cr_assert_str_eq(hits(db, combine2(ZC_Q_OR, term("政策"),
	    term("服务"), 0), &o), "b1 a2");
	cr_assert_str_eq(hits(db, combine2(ZC_Q_AND_NOT, term("创新"),
	    term("科技"), 0), &o), "c1");
	zc_db_close(db);
}

Test(xapian, and_maybe_keeps_the_first_operand_set)
{
	zc_db *db = open_sample();

	cr_assert_str_eq(hits(db, combine2(ZC_Q_AND_MAYBE, term("孵化"),
	    term("科技"), 0), NULL), "a1 a2");
	zc_db_close(db);
}

Test(xapian, phrase_needs_order_and_adjacency)
{
	zc_db *db = open_sample();

	cr_assert_str_eq(hits(db, combine2(ZC_Q_PHRASE, term("科技"),
	    term("创新"), 2), NULL), "a1");
	cr_assert_str_eq(hits(db, combine2(ZC_Q_PHRASE, term("孵化"),
	    term("器"), 2), NULL), "a1");
	cr_assert_str_eq(hits(db, combine2(ZC_Q_PHRASE, term("科技"),
	    term("孵化"), 2), NULL), "");
	zc_db_close(db);
}

/* ZC_Q_PHRASE_AND is the AND of the terms with the phrase as a
 * weightless condition: the phrase's matches, each weighing what it
 * weighs as a phrase (and as the AND of its terms). */
static void
expect_same_hits(zc_db *db, const char *t1, const char *t2)
{
	zc_query *plain = combine2(ZC_Q_PHRASE, term(t1), term(t2), 2);
	zc_query *and = combine2(ZC_Q_PHRASE_AND, term(t1), term(t2), 2);
	zc_search_opts o = ZC_SEARCH_OPTS_INIT;
	zc_error err = {0};
	zc_mset *p, *a;

	cr_assert_eq(zc_db_search(db, plain, &o, &p, &err), ZC_OK);
	cr_assert_eq(zc_db_search(db, and, &o, &a, &err), ZC_OK);
	cr_assert_eq(zc_mset_size(a), zc_mset_size(p), "%s %s", t1, t2);
	for (size_t i = 0; i < zc_mset_size(p); i++) {
		cr_assert_eq(zc_mset_docid(a, i), zc_mset_docid(p, i));
		cr_assert_gt(zc_mset_weight(p, i), 0.0);
		cr_assert_float_eq(zc_mset_weight(a, i), zc_mset_weight(p, i),
		    1e-9);
	}
	zc_mset_free(p);
	zc_mset_free(a);
	zc_query_free(plain);
	zc_query_free(and);
}

Test(xapian, phrase_and_matches_and_weighs_as_the_phrase)
{
	zc_db *db = open_sample();

	expect_same_hits(db, "科技", "创新"); /* a1 only: b1 has them apart */
	expect_same_hits(db, "孵化", "器");
	cr_assert_str_eq(hits(db, combine2(ZC_Q_PHRASE_AND, term("科技"),
	    term("创新"), 2), NULL), "a1");
	cr_assert_str_eq(hits(db, combine2(ZC_Q_PHRASE_AND, term("科技"),
	    term("孵化"), 2), NULL), "");
	zc_db_close(db);
}

Test(xapian, near_ignores_order_within_the_window)
{
	zc_db *db = open_sample();
	zc_search_opts o = ZC_SEARCH_OPTS_INIT;

	o.sort_slot = 0;
	cr_assert_str_eq(hits(db, combine2(ZC_Q_NEAR, term("创新"),
	    term("科技"), 2), &o), "b1 a1");
	cr_assert_str_eq(hits(db, combine2(ZC_Q_NEAR, term("科技"),
	    term("器"), 2), &o), "");
	cr_assert_str_eq(hits(db, combine2(ZC_Q_NEAR, term("科技"),
	    term("器"), 4), &o), "a1");
	zc_db_close(db);
}

Test(xapian, value_ranges_open_and_closed)
{
	zc_db *db = open_sample();
	zc_search_opts o = ZC_SEARCH_OPTS_INIT;
	zc_error err = {0};
	zc_query *q;

	o.sort_slot = 0;
	cr_assert_eq(zc_query_value_range(0, "20240101", "20241231", &q, &err),
	    ZC_OK);
	cr_assert_str_eq(hits(db, q, &o), "a1 a2");
	cr_assert_eq(zc_query_value_range(0, NULL, "20231231", &q, &err),
	    ZC_OK);
	cr_assert_str_eq(hits(db, q, &o), "b1");
	cr_assert_eq(zc_query_value_range(0, "20250101", NULL, &q, &err),
	    ZC_OK);
	cr_assert_str_eq(hits(db, q, &o), "c1");
	zc_db_close(db);
}

Test(xapian, filter_restricts_without_weight)
{
	zc_db *db = open_sample();
	zc_error err = {0};
	zc_query *range, *q, *scaled;
	zc_search_opts o = ZC_SEARCH_OPTS_INIT;
	zc_mset *a, *b;

	cr_assert_eq(zc_query_value_range(0, "20240101", "20241231", &range,
	    &err), ZC_OK);
	q = combine2(ZC_Q_FILTER, term("孵化"), range, 0);
	cr_assert_eq(zc_db_search(db, q, &o, &a, &err), ZC_OK);
	zc_query_free(q);
	q = term("孵化");
	cr_assert_eq(zc_db_search(db, q, &o, &b, &err), ZC_OK);
	cr_assert_eq(zc_mset_size(a), zc_mset_size(b));
	cr_assert_float_eq(zc_mset_weight(a, 0), zc_mset_weight(b, 0), 1e-9);
	cr_assert_eq(zc_query_scale(q, 3.0, &scaled, &err), ZC_OK);
	zc_mset_free(b);
	cr_assert_eq(zc_db_search(db, scaled, &o, &b, &err), ZC_OK);
	cr_assert_float_eq(zc_mset_weight(b, 0), 3.0 * zc_mset_weight(a, 0),
	    1e-9);
	zc_mset_free(a);
	zc_mset_free(b);
	zc_query_free(q);
	zc_query_free(scaled);
	zc_db_close(db);
}

Test(xapian, collapse_keeps_one_hit_per_key)
{
	zc_db *db = open_sample();
	zc_search_opts o = ZC_SEARCH_OPTS_INIT;

	o.collapse_slot = 1;
	o.collapse_max = 1;
	o.sort_slot = 0;
	cr_assert_str_eq(hits(db, combine2(ZC_Q_OR, term("孵化"),
	    term("创新"), 0), &o), "b1 a1 c1");
	zc_db_close(db);
}

Test(xapian, sort_by_value_both_ways)
{
	zc_db *db = open_sample();
	zc_search_opts o = ZC_SEARCH_OPTS_INIT;

	o.sort_slot = 0;
	o.sort_descending = true;
	cr_assert_str_eq(hits(db, term("创新"), &o), "c1 a1 b1");
	o.sort_descending = false;
	cr_assert_str_eq(hits(db, term("创新"), &o), "b1 a1 c1");
	zc_db_close(db);
}

Test(xapian, wildcard_expands_a_prefix_with_a_limit)
{
	zc_db *db = open_sample();
	zc_error err = {0};
	zc_search_opts o = ZC_SEARCH_OPTS_INIT;
	zc_query *q;
	zc_mset *ms;

	cr_assert_eq(zc_query_wildcard("tech", 0, &q, &err), ZC_OK);
	cr_assert_str_eq(hits(db, q, NULL), "c1");
	cr_assert_eq(zc_query_wildcard("tech", 1, &q, &err), ZC_OK);
	cr_assert_eq(zc_db_search(db, q, &o, &ms, &err), ZC_ETOOBIG);
	cr_assert_null(ms);
	zc_query_free(q);
	zc_db_close(db);
}

Test(xapian, metadata_round_trips_and_lists_by_prefix)
{
	zc_db *db = open_sample();
	zc_error err = {0};
	char *v;
	size_t len;

	cr_assert_eq(zc_db_get_metadata(db, "file:/x", &v, &len, &err), ZC_OK);
	cr_assert_str_eq(v, "state");
	cr_assert_eq(len, 5);
	free(v);
	cr_assert_eq(zc_db_get_metadata(db, "file:/y", &v, &len, &err), ZC_OK);
	cr_assert_null(v);
	zc_db_close(db);
}

static bool
count_cb(void *ctx, const char *s, size_t len)
{
	(void)s;
	(void)len;
	(*(int *)ctx)++;
	return true;
}

Test(xapian, all_terms_and_metadata_keys_by_prefix)
{
	zc_db *db = open_sample();
	zc_error err = {0};
	int n = 0;

	cr_assert_eq(zc_db_all_terms(db, "Q", count_cb, &n, &err), ZC_OK);
	cr_assert_eq(n, 4);
	n = 0;
	cr_assert_eq(zc_db_metadata_keys(db, "file:", count_cb, &n, &err),
	    ZC_OK);
	cr_assert_eq(n, 1);
	zc_db_close(db);
}

Test(xapian, replace_on_the_id_term_is_idempotent)
{
	zc_error err = {0};
	zc_wdb *w;
	unsigned long n;

	build_sample();
	cr_assert_eq(zc_wdb_open(dir, 0, &w, &err), ZC_OK);
	add_doc(w, "Qa:1", "新 文本", "20240812", "a", "a1bis");
	cr_assert_eq(zc_wdb_doc_count(w, &n, &err), ZC_OK);
	cr_assert_eq(n, 4);
	cr_assert_eq(zc_wdb_delete_term(w, "Qa:2", &err), ZC_OK);
	cr_assert_eq(zc_wdb_doc_count(w, &n, &err), ZC_OK);
	cr_assert_eq(n, 3);
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK);
}

Test(xapian, a_cancelled_group_leaves_no_trace)
{
	zc_error err = {0};
	zc_wdb *w;
	zc_db *db;
	zc_db_stats st;

	build_sample();
	cr_assert_eq(zc_wdb_open(dir, 0, &w, &err), ZC_OK);
	cr_assert_eq(zc_wdb_begin(w, &err), ZC_OK);
	cr_assert_eq(zc_wdb_delete_term(w, "Qa:1", &err), ZC_OK);
	cr_assert_eq(zc_wdb_cancel(w, &err), ZC_OK);
	cr_assert_eq(zc_wdb_begin(w, &err), ZC_OK);
	add_doc(w, "Qd:1", "新", "20200101", "d", "d1");
	cr_assert_eq(zc_wdb_end(w, &err), ZC_OK);
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK);
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK);
	cr_assert_eq(zc_db_get_stats(db, &st, &err), ZC_OK);
	cr_assert_eq(st.doc_count, 5);
	zc_db_close(db);
}

Test(xapian, readers_see_only_committed_changes)
{
	zc_error err = {0};
	zc_wdb *w;
	zc_db *db;
	zc_db_stats st;

	build_sample();
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK);
	cr_assert_eq(zc_wdb_open(dir, 0, &w, &err), ZC_OK);
	add_doc(w, "Qe:1", "新", "20200101", "e", "e1");
	cr_assert_eq(zc_db_reopen(db, &err), ZC_OK);
	cr_assert_eq(zc_db_get_stats(db, &st, &err), ZC_OK);
	cr_assert_eq(st.doc_count, 4);
	cr_assert_eq(zc_wdb_commit(w, &err), ZC_OK);
	cr_assert_eq(zc_db_reopen(db, &err), ZC_OK);
	cr_assert_eq(zc_db_get_stats(db, &st, &err), ZC_OK);
	cr_assert_eq(st.doc_count, 5);
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK);
	zc_db_close(db);
}

Test(xapian, positions_of_a_term_in_a_hit)
{
	zc_db *db = open_sample();
	zc_error err = {0};
	zc_search_opts o = ZC_SEARCH_OPTS_INIT;
	zc_query *q = term("孵化");
	zc_mset *ms;
	unsigned *pos;
	size_t n;

	o.sort_slot = 1;
	cr_assert_eq(zc_db_search(db, q, &o, &ms, &err), ZC_OK);
	cr_assert_eq(zc_mset_positions(ms, 0, "孵化", strlen("孵化"), &pos, &n,
	    &err), ZC_OK);
	cr_assert_eq(n, 1);
	cr_assert(pos[0] == 3 || pos[0] == 1);
	free(pos);
	zc_mset_free(ms);
	zc_query_free(q);
	zc_db_close(db);
}

Test(xapian, shards_search_as_one_database)
{
	char dir2[64], cmd[128];
	zc_error err = {0};
	zc_wdb *w;
	zc_db *db;
	zc_search_opts o = ZC_SEARCH_OPTS_INIT;

	build_sample();
	strcpy(dir2, "/tmp/zc-test-shard-XXXXXX");
	cr_assert_not_null(mkdtemp(dir2));
	cr_assert_eq(zc_wdb_open(dir2, ZC_WDB_CREATE, &w, &err), ZC_OK);
	add_doc(w, "Qz:1", "孵化 基地", "20190101", "z", "z1");
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK);
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK);
	cr_assert_eq(zc_db_add(db, dir2, &err), ZC_OK);
	o.sort_slot = 0;
	cr_assert_str_eq(hits(db, term("孵化"), &o), "z1 a2 a1");
	zc_db_close(db);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir2);
	cr_assert_eq(system(cmd), 0);
}

Test(xapian, describe_names_the_operators)
{
	zc_query *q = combine2(ZC_Q_PHRASE, term("科技"), term("创新"), 2);
	char *d = zc_query_describe(q);

	cr_assert(strstr(d, "PHRASE") != NULL, "%s", d);
	free(d);
	zc_query_free(q);
}

/* What zc_wdb_abandon keeps is what Xapian's close() keeps, measured on
 * 1.4.22: inside an unflushed group nothing since the last commit,
 * outside one everything pending. */
Test(xapian, abandoning_inside_a_group_keeps_only_the_last_commit)
{
	zc_error err = {0};
	zc_wdb *w;
	zc_db *db;
	zc_db_stats st;

	build_sample();
	cr_assert_eq(zc_wdb_open(dir, 0, &w, &err), ZC_OK);
	add_doc(w, "Qd:1", "新", "20200101", "d", "d1"); /* before the group */
	cr_assert_eq(zc_wdb_begin(w, &err), ZC_OK);
	add_doc(w, "Qe:1", "新", "20200101", "e", "e1");
	zc_wdb_abandon(w);
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK);
	cr_assert_eq(zc_db_get_stats(db, &st, &err), ZC_OK);
	cr_expect_eq(st.doc_count, 4);
	zc_db_close(db);
}

Test(xapian, abandoning_outside_a_group_commits_what_is_pending)
{
	zc_error err = {0};
	zc_wdb *w;
	zc_db *db;
	zc_db_stats st;

	build_sample();
	cr_assert_eq(zc_wdb_open(dir, 0, &w, &err), ZC_OK);
	cr_assert_eq(zc_wdb_begin(w, &err), ZC_OK);
	add_doc(w, "Qd:1", "新", "20200101", "d", "d1");
	cr_assert_eq(zc_wdb_end(w, &err), ZC_OK);
	zc_wdb_abandon(w);
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK);
	cr_assert_eq(zc_db_get_stats(db, &st, &err), ZC_OK);
	cr_expect_eq(st.doc_count, 5);
	zc_db_close(db);
}

/* Whether path exists. */
static bool
present(const char *name)
{
	char path[128];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return access(path, F_OK) == 0;
}

/* A folder is the database's generations and the stub that names the
 * current one; compaction writes the next, removes the old, and a reader
 * of the old one learns of it (zc_db_verify) and finds the new. */
Test(xapian, compaction_replaces_the_generation_and_readers_follow)
{
	zc_error err = {0};
	zc_wdb *w;
	zc_db *db;

	build_sample();
	cr_expect(present("XAPIANDB") && present("g1/iamglass"));
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK);
	cr_assert_eq(zc_db_verify(db, &err), ZC_OK);
	cr_assert_eq(zc_wdb_open(dir, 0, &w, &err), ZC_OK);
	cr_assert_eq(zc_wdb_compact(w, &err), ZC_OK, "%s", err.msg);
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK);
	cr_expect(present("g2/iamglass"));
	cr_expect(!present("g1"), "the old generation is removed");
	cr_expect_eq(zc_db_verify(db, &err), ZC_EMODIFIED);
	cr_assert_eq(zc_db_reopen(db, &err), ZC_OK, "%s", err.msg);
	cr_expect_eq(zc_db_verify(db, &err), ZC_OK);
	cr_expect_str_eq(hits(db, term("孵化"), NULL), "a2 a1");
	zc_db_close(db);
	/* the compacted generation is written to like any other */
	cr_assert_eq(zc_wdb_open(dir, 0, &w, &err), ZC_OK);
	add_doc(w, "Qe:1", "孵化", "20200101", "e", "e1");
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK);
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK);
	cr_expect_str_eq(hits(db, term("孵化"), NULL), "e1 a2 a1");
	zc_db_close(db);
}

/* What a killed compaction or creation leaves (a half-written
 * generation) goes with the next writer, and a folder that is itself a
 * glass database, as
 * zcindex wrote them before generations, is read and written in place
 * until its compaction moves it into a generation. */
Test(xapian, a_writer_clears_leftovers_and_moves_a_plain_database)
{
	zc_error err = {0};
	char cmd[512];
	zc_wdb *w;
	zc_db *db;

	build_sample();
	snprintf(cmd, sizeof cmd, "mkdir '%s/g7' && echo x > '%s/g7/iamglass'",
	    dir, dir);
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(zc_wdb_open(dir, 0, &w, &err), ZC_OK);
	cr_expect(!present("g7"), "a leftover generation is removed");
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK);

	/* a creation killed before its stub: glass files, no iamglass */
	snprintf(cmd, sizeof cmd, "rm -rf '%s'/* && mkdir '%s/g1' && "
	    ": > '%s/g1/postlist.glass' && : > '%s/g1/flintlock'", dir, dir,
	    dir, dir);
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(zc_wdb_open(dir, ZC_WDB_CREATE, &w, &err), ZC_OK, "%s",
	    err.msg);
	add_doc(w, "Qa:1", "科技 创新 孵化 器", "20240812", "a", "a1");
	add_doc(w, "Qa:2", "孵化 服务 能力", "20240812", "a", "a2");
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK);
	cr_expect(present("XAPIANDB") && present("g1/iamglass"));

	/* the layout before generations */
	snprintf(cmd, sizeof cmd, "cd '%s' && mv g1/* . && rmdir g1 && "
	    "rm XAPIANDB", dir);
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(zc_wdb_open(dir, 0, &w, &err), ZC_OK);
	add_doc(w, "Qe:1", "孵化", "20200101", "e", "e1");
	cr_assert_eq(zc_wdb_commit(w, &err), ZC_OK);
	cr_expect(present("iamglass") && !present("XAPIANDB"));
	cr_assert_eq(zc_wdb_compact(w, &err), ZC_OK, "%s", err.msg);
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK);
	cr_expect(present("XAPIANDB") && present("g1/iamglass"));
	cr_expect(!present("iamglass") && !present("postlist.glass"),
	    "the plain database's files are removed");
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK);
	cr_expect_str_eq(hits(db, term("孵化"), NULL), "e1 a2 a1");
	zc_db_close(db);
}
