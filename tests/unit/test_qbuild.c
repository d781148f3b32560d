/*
 * test_qbuild.c — syntax tree → Xapian query: the shape of representative
 * queries (zc_query_describe), the exact field and path terms the
 * indexer must share, and the documents that queries find in a
 * temporary database indexed the way the indexer does it.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zc_fieldterm.h"
#include "zc_indexdoc.h"
#include "zc_qbuild.h"
#include "zc_qparse.h"
#include "zc_schema.h"
#include "zc_terms.h"

#include "analyzer_fixture.h"

/* criterion does not fail a test that leaks: ask LeakSanitizer. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define EXPECT_NO_LEAKS() \
	cr_expect_eq(__lsan_do_recoverable_leak_check(), 0, "memory leaked")
#else
#define EXPECT_NO_LEAKS() ((void)0)
#endif

static char dir[64];

/* The Xapian description of query q as qbuild makes it. */
static char *
describe(const char *q, const zc_qbuild_opts *opts)
{
	zc_qtree *t = NULL;
	zc_qtexts *texts = NULL;
	zc_qerror qe;
	zc_error err = { 0 };
	zc_query *x = NULL;
	char *s;

	cr_assert_eq(zc_qparse(q, strlen(q), &t, &qe), ZC_OK, "%s: %s", q,
	    qe.msg);
	cr_assert_eq(zc_qbuild_analyse(an, t->root, &texts, &err), ZC_OK,
	    "%s: %s", q, err.msg);
	cr_assert_eq(zc_qbuild(an, t->root, texts, opts, &x, &err), ZC_OK,
	    "%s: %s", q, err.msg);
	s = zc_query_describe(x);
	zc_query_free(x);
	zc_qtexts_free(texts);
	zc_qtree_free(t);
	return s;
}

TestSuite(qbuild_shape, .init = open_analyzer, .fini = close_analyzer);

static void
expect_in(const char *query, const char *part)
{
	char *s = describe(query, NULL);

	cr_expect(strstr(s, part) != NULL, "%s: %s lacks %s", query, s, part);
	free(s);
}

static void
expect_not_in(const char *query, const char *part)
{
	char *s = describe(query, NULL);

	cr_expect(strstr(s, part) == NULL, "%s: %s has %s", query, s, part);
	free(s);
}

Test(qbuild_shape, a_bare_word_is_its_terms_query_or_its_title_match)
{
	zc_error err = { 0 };
	zc_query *body, *title, *scaled, *both[2], *either, *whole, *boost;
	zc_query *want;
	zc_qtext *text;
	char *got, *exp;

	cr_assert_eq(zc_terms_analyse(an, "孵化器", 9, &text, &err), ZC_OK);
	cr_assert_eq(zc_terms_query(an, ZC_FIELD_BODY, text, ZC_MATCH_TYPED,
	    &body, &err), ZC_OK);
	cr_assert_eq(zc_terms_query(an, ZC_FIELD_TITLE, text, ZC_MATCH_TYPED,
	    &title, &err), ZC_OK);
	cr_assert_eq(zc_query_scale(title, 2.0, &scaled, &err), ZC_OK);
	both[0] = body;
	both[1] = scaled;
	cr_assert_eq(zc_query_combine(ZC_Q_OR, both, 2, 0, &either,
	    &err), ZC_OK);
	/* and the title typed whole (zc_fieldterm_title) ranks first */
	cr_assert_eq(zc_query_term("U孵化器", strlen("U孵化器"), 1, 0, &whole,
	    &err), ZC_OK);
	cr_assert_eq(zc_query_scale(whole, 10.0, &boost, &err), ZC_OK);
	both[0] = either;
	both[1] = boost;
	cr_assert_eq(zc_query_combine(ZC_Q_AND_MAYBE, both, 2, 0, &want,
	    &err), ZC_OK);
	exp = zc_query_describe(want);
	got = describe("孵化器", NULL);
	cr_expect_str_eq(got, exp);
	free(got);
	free(exp);
	zc_query_free(body);
	zc_query_free(title);
	zc_query_free(scaled);
	zc_query_free(either);
	zc_query_free(whole);
	zc_query_free(boost);
	zc_query_free(want);
	zc_qtext_free(text);
}

Test(qbuild_shape, without_title_boost_a_word_is_only_its_terms_query)
{
	zc_qbuild_opts o = ZC_QBUILD_OPTS_INIT;
	zc_error err = { 0 };
	zc_query *body;
	zc_qtext *text;
	char *got, *exp;

	o.title_boost = 0;
	cr_assert_eq(zc_terms_analyse(an, "科技创新", 12, &text, &err), ZC_OK);
	cr_assert_eq(zc_terms_query(an, ZC_FIELD_BODY, text, ZC_MATCH_EXACT,
	    &body, &err), ZC_OK);
	zc_qtext_free(text);
	exp = zc_query_describe(body);
	got = describe("\"科技创新\"", &o);
	cr_expect_str_eq(got, exp);
	free(got);
	free(exp);
	zc_query_free(body);
}

Test(qbuild_shape, fields_search_their_own_prefixes)
{
	expect_in("title:孵化器", "S孵@1 PHRASE 3 S化@2");
	expect_not_in("title:孵化器", "2 *");
	expect_in("issuer:科技厅", "A科@1 PHRASE 3 A技@2");
	expect_in("孵化器", "S孵@1 PHRASE 3 S化@2"); /* the title boost */
	expect_in("孵化器", "2 * ");
}

/* A phrase is filtered by the pair terms of its units (zc_schema.h),
 * and two units are their pair and their AND: no positions. */
Test(qbuild_shape, phrases_are_filtered_by_their_pairs)
{
	expect_in("\"孵化器\"", "(孵@1 PHRASE 3 化@2 PHRASE 3 器@3) FILTER "
	    "D孵化 FILTER D化器");
	expect_in("\"孵化\"", "(孵@1 AND 化@2) FILTER D孵化");
	expect_not_in("\"孵化\"", "PHRASE");
	expect_in("title:孵化器", "FILTER E孵化 FILTER E化器");
	expect_in("issuer:科技厅", "FILTER G科技 FILTER G技厅");
	expect_in("\"ai test\"", "FILTER Dai FILTER Di  FILTER D t FILTER "
	    "Dte FILTER Des FILTER Dst");
	expect_not_in("\"孵\"", "FILTER");
}

Test(qbuild_shape, filters_restrict_with_filter_and_add_no_weight)
{
	expect_in("孵化器 date:2024", "FILTER VALUE_RANGE 0 20240101 20241231");
	expect_in("孵化器 date:..2022", "FILTER VALUE_LE 0 20221231");
	expect_in("孵化器 date:2024..", "FILTER VALUE_GE 0 20240101");
	expect_in("date:2024-02", "Query(VALUE_RANGE 0 20240201 20240229)");
	expect_in("孵化器 分类:科技", "FILTER C科技");
	expect_in("孵化器 有效性:有效", "FILTER V有效");
	expect_in("孵化器 索引号:011043145/2025-32703",
	    "FILTER K011043145/2025-32703");
	expect_in("孵化器 (分类:科技 OR 分类:教育)", "FILTER (C科技 OR C教育)");
	expect_in("孵化器 path:/srv/corpus", "FILTER P/srv/corpus/");
}

Test(qbuild_shape, doc_numbers_fold_their_brackets)
{
	expect_in("文号:鄂科发[2024]3号", "N鄂科发〔2024〕3号");
	expect_in("文号:鄂科发【2024】3号", "N鄂科发〔2024〕3号");
	expect_in("文号:鄂科发（2024）3号", "N鄂科发〔2024〕3号");
	expect_in("文号:鄂科发﹝2024﹞3号", "N鄂科发〔2024〕3号");
	expect_in("文号:\"鄂科发 〔2024〕 3号\"", "N鄂科发〔2024〕3号");
}

Test(qbuild_shape, negation_subtracts_and_stands_alone_on_everything)
{
	expect_in("孵化器 -补贴", "AND_NOT");
	expect_in("NOT 孵化器", "<alldocuments> AND_NOT");
	expect_in("-date:2024", "<alldocuments> AND_NOT VALUE_RANGE");
	expect_in("a OR NOT b", "<alldocuments> AND_NOT");
}

Test(qbuild_shape, wildcards_are_lower_cased_on_the_word_prefix)
{
	expect_in("TECH*", "WILDCARD SYNONYM Wtech");
	expect_in("ｔｅｃｈ＊", "WILDCARD SYNONYM Wtech");
	expect_in("title:tech*", "WILDCARD SYNONYM Ttech");
}

Test(qbuild_shape, near_keeps_single_terms_under_xapian_near)
{
	expect_in("孵化器 NEAR/5 补贴", "(孵 NEAR 10 补)");
	/* a text's anchor is its first character, Latin as Han; the
	 * window allows for the width of both texts */
	expect_in("tech NEAR/2 transfer", "(t NEAR 14 t)");
	expect_in("title:孵化器 NEAR/5 title:补贴", "(S孵 NEAR 10 S补)");
	/* a wildcard cannot sit under NEAR: the words are only ANDed */
	expect_not_in("tech* NEAR/2 transfer", " NEAR ");
}

Test(qbuild_shape, several_bare_words_rank_by_proximity)
{
	zc_qbuild_opts o = ZC_QBUILD_OPTS_INIT;
	char *s;

	expect_in("孵化器 补贴", "AND_MAYBE (孵 NEAR 15 补)");
	o.proximity = 0;
	s = describe("孵化器 补贴", &o);
	cr_expect(strstr(s, " NEAR ") == NULL, "%s", s);
	free(s);
	EXPECT_NO_LEAKS();
}

Test(qbuild_terms, field_terms_are_what_the_indexer_stores)
{
	zc_buf b = { 0 };

	zc_fieldterm_exact(ZC_FIELD_DOC_NO, "鄂政发 [2021] 13号",
	    strlen("鄂政发 [2021] 13号"), &b);
	cr_expect_str_eq(b.data, "N鄂政发〔2021〕13号");
	zc_buf_reset(&b);
	zc_fieldterm_exact(ZC_FIELD_INDEX_NO, "０１１０４３/２０２５",
	    strlen("０１１０４３/２０２５"), &b);
	cr_expect_str_eq(b.data, "K011043/2025");
	zc_buf_reset(&b);
	zc_fieldterm_exact(ZC_FIELD_CATEGORY, " 科技　", 10, &b);
	cr_expect_str_eq(b.data, "C科技");
	zc_buf_reset(&b);
	zc_fieldterm_exact(ZC_FIELD_VALIDITY, "有效", 6, &b);
	cr_expect_str_eq(b.data, "V有效");
	zc_buf_reset(&b);
	zc_fieldterm_exact(ZC_FIELD_TITLE, "x", 1, &b);
	cr_expect_eq(b.len, 0);
	zc_buf_reset(&b);
	zc_fieldterm_fold_doc_no("国发〖2024〗1号", strlen("国发〖2024〗1号"), &b);
	cr_expect_str_eq(b.data, "国发〔2024〕1号");
	zc_buf_reset(&b);
	zc_fieldterm_dir("/srv/a", 6, &b);
	cr_expect_str_eq(b.data, "P/srv/a/");
	zc_buf_reset(&b);
	zc_fieldterm_dir("/", 1, &b);
	cr_expect_str_eq(b.data, "P/");
	zc_buf_free(&b);
}

Test(qbuild_terms, a_file_is_p_and_its_path_without_a_final_slash)
{
	zc_buf b = { 0 }, v = { 0 };

	zc_fieldterm_file_path("/srv/a/x.txt", 12, &b);
	cr_expect_str_eq(b.data, "P/srv/a/x.txt");
	zc_buf_reset(&b);
	zc_fieldterm_dir("/srv/a/x.txt", 12, &b);
	cr_expect_str_eq(b.data, "P/srv/a/x.txt/", "unlike a directory");
	zc_buf_reset(&b);
	zc_buf_puts(&v, "/srv/");
	for (int i = 0; i < 100; i++)
		zc_buf_puts(&v, "文件");
	zc_fieldterm_file_path(v.data, v.len, &b);
	cr_expect_leq(b.len, ZC_MAX_TERM);
	cr_expect_geq(b.len, ZC_MAX_TERM - 2);
	cr_expect(zc_utf8_valid(b.data, b.len));
	zc_buf_free(&v);
	zc_buf_free(&b);
}

Test(qbuild_terms, long_values_are_cut_at_a_character_boundary)
{
	zc_buf v = { 0 }, t = { 0 };
	int i;

	for (i = 0; i < 200; i++)
		zc_buf_puts(&v, "号");
	zc_fieldterm_exact(ZC_FIELD_DOC_NO, v.data, v.len, &t);
	cr_expect_leq(t.len, ZC_MAX_TERM);
	cr_expect(zc_utf8_valid(t.data, t.len));
	zc_buf_free(&v);
	zc_buf_free(&t);
}

/* path: goes through zc_path_resolve (test_path.c covers its rule): an
 * existing file is its own P term or its F term, in its real directory. */
Test(qbuild_shape, a_path_of_an_existing_file_is_its_p_or_f_term)
{
	char tmpl[] = "/tmp/zc-qbuild-XXXXXX", real[4096], q[4200], want[4300];
	zc_buf id = { 0 };
	FILE *f;

	cr_assert_not_null(mkdtemp(tmpl));
	cr_assert_not_null(realpath(tmpl, real));
	strcat(real, "/a.txt");
	cr_assert_not_null(f = fopen(real, "w"));
	fclose(f);
	zc_fieldterm_file_id(real, &id);
	snprintf(q, sizeof q, "path:%s/./a.txt", tmpl);
	snprintf(want, sizeof want, "(P%s OR %s)", real, id.data);
	expect_in(q, want);
	unlink(real);
	rmdir(tmpl);
	zc_buf_free(&id);
}

Test(qbuild_shape, a_relative_path_without_a_working_directory_fails)
{
	zc_qbuild_opts o = ZC_QBUILD_OPTS_INIT;
	zc_qtree *t = NULL;
	zc_qtexts *texts = NULL;
	zc_qerror qe;
	zc_error err = { 0 };
	zc_query *x = NULL;

	o.cwd = "not/absolute";
	cr_assert_eq(zc_qparse("path:a/b", 8, &t, &qe), ZC_OK);
	cr_assert_eq(zc_qbuild_analyse(an, t->root, &texts, &err), ZC_OK);
	cr_expect_eq(zc_qbuild(an, t->root, texts, &o, &x, &err), ZC_EINVAL);
	cr_expect_str_eq(err.msg, "path:a/b: no working directory to start "
	    "from");
	cr_expect_null(x);
	zc_qtexts_free(texts);
	zc_qtree_free(t);
}

/* The P terms path: looks up are the ones zc_indexdoc_build stores, for
 * a path long enough to be cut: the file's own and its directory's. */
Test(qbuild_terms, the_indexer_stores_the_p_terms_path_looks_up,
    .init = open_analyzer, .fini = close_analyzer)
{
	char tmpl[] = "/tmp/zc-qbuild-XXXXXX", cmd[64];
	zc_buf path = { 0 }, t = { 0 };
	zc_error err = { 0 };
	zc_xdoc *x = zc_xdoc_new();
	zc_doc d = { 0 };
	zc_wdb *w;
	zc_db *db;
	unsigned long n = 0;

	cr_assert_not_null(mkdtemp(tmpl));
	zc_buf_puts(&path, "/srv/");
	for (int i = 0; i < 100; i++)
		zc_buf_puts(&path, "文件");
	zc_buf_puts(&path, "/a.txt");
	d.path = zc_xstrdup(path.data);
	cr_assert_eq(zc_indexdoc_build(an, &d, NULL, x, &err), ZC_OK, "%s", err.msg);
	cr_assert_eq(zc_wdb_open(tmpl, ZC_WDB_CREATE, &w, &err), ZC_OK, "%s",
	    err.msg);
	cr_assert_eq(zc_wdb_replace(w, "Q1", x, NULL, &err), ZC_OK, "%s",
	    err.msg);
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK, "%s", err.msg);
	cr_assert_eq(zc_db_open(tmpl, &db, &err), ZC_OK, "%s", err.msg);
	zc_fieldterm_file_path(path.data, path.len, &t);
	cr_assert_eq(zc_db_term_freq(db, t.data, t.len, &n, &err), ZC_OK);
	cr_expect_eq(n, 1, "the file's own P term, cut: %s", t.data);
	zc_buf_reset(&t);
	zc_fieldterm_dir("/srv", 4, &t);
	cr_assert_eq(zc_db_term_freq(db, t.data, t.len, &n, &err), ZC_OK);
	cr_expect_eq(n, 1, "the P term of an ancestor directory");
	zc_db_close(db);
	zc_doc_free(&d);
	zc_xdoc_free(x);
	zc_buf_free(&path);
	zc_buf_free(&t);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpl);
	cr_expect_eq(system(cmd), 0);
}

/* ---- against a database ----------------------------------------------- */

struct fixture {
	const char *body, *title, *date, *docno, *category, *dir;
};

static const struct fixture docs[] = {
	/* 1 */ { "全市科技企业孵化器达到12家，众创空间达到20家。",
	    "关于科技企业孵化器的通知", "20240812", "鄂科发〔2024〕3号", "科技",
	    "/srv/a/" },
	/* 2 */ { "加快建设科技创新治理体系，提升孵化能力。", "科技创新规划",
	    "20230105", "鄂政发[2023]1号", "教育", "/srv/b/" },
	/* 3 */ { "支持5G基站和COVID-19疫苗研发，研发投入70.3%。"
	    "Technology transfer.", "研发投入", "20220301", NULL, NULL,
	    "/srv/a/sub/" },
	/* 4 */ { "孵化器建设持续推进，各地区各部门认真落实工作部署，"
	    "全面加强组织领导和统筹协调，确保各项任务落到实处，"
	    "同时完善补贴政策。", "其他", NULL, NULL, NULL, "/srv/c/" },
	/* 5 */ { "落实孵化器补贴政策。", "其他", "20240101", NULL, NULL,
	    "/srv/c/" },
	/* 6 */ { "推动科技创新发展，提升孵化器服务。", "其他", "20240301",
	    NULL, NULL, "/srv/c/" },
};
#define NDOCS (sizeof docs / sizeof docs[0])

static void
add_bool(zc_xdoc *d, const zc_buf *t)
{
	zc_error err = { 0 };

	cr_assert_eq(zc_xdoc_add_boolean_term(d, t->data, t->len, &err), ZC_OK);
}

static void
make_db(void)
{
	zc_error err = { 0 };
	zc_wdb *w;
	size_t i;
	const char *s;

	open_analyzer();
	strcpy(dir, "/tmp/zc-test-qbuild-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(zc_wdb_open(dir, ZC_WDB_CREATE, &w, &err), ZC_OK, "%s",
	    err.msg);
	for (i = 0; i < NDOCS; i++) {
		const struct fixture *f = &docs[i];
		zc_xdoc *d = zc_xdoc_new();
		unsigned pos = 0, tpos = 0;
		zc_buf t = { 0 };

		cr_assert_eq(zc_terms_index(an, d, ZC_FIELD_BODY, f->body,
		    strlen(f->body), ZC_JOIN_PARAGRAPH, &pos, NULL, &err), ZC_OK,
		    "%s", err.msg);
		cr_assert_eq(zc_terms_index(an, d, ZC_FIELD_TITLE, f->title,
		    strlen(f->title), ZC_JOIN_PARAGRAPH, &tpos, NULL, &err),
		    ZC_OK, "%s", err.msg);
		if (f->date != NULL)
			cr_assert_eq(zc_xdoc_set_value(d, ZC_SLOT_DATE, f->date,
			    8, &err), ZC_OK);
		if (f->docno != NULL) {
			zc_fieldterm_exact(ZC_FIELD_DOC_NO, f->docno,
			    strlen(f->docno), &t);
			add_bool(d, &t);
			zc_buf_reset(&t);
		}
		if (f->category != NULL) {
			zc_fieldterm_exact(ZC_FIELD_CATEGORY, f->category,
			    strlen(f->category), &t);
			add_bool(d, &t);
			zc_buf_reset(&t);
		}
		for (s = strchr(f->dir, '/'); s != NULL; s = strchr(s + 1, '/')) {
			zc_fieldterm_dir(f->dir, (size_t)(s - f->dir) + 1, &t);
			add_bool(d, &t);
			zc_buf_reset(&t);
		}
		zc_buf_printf(&t, "Q%zu", i + 1);
		cr_assert_eq(zc_wdb_replace(w, t.data, d, NULL, &err), ZC_OK,
		    "%s", err.msg);
		zc_buf_free(&t);
		zc_xdoc_free(d);
	}
	cr_assert_eq(zc_wdb_close(w, &err), ZC_OK, "%s", err.msg);
}

static void
drop_db(void)
{
	char cmd[128];

	close_analyzer();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
}

TestSuite(qbuild_search, .init = make_db, .fini = drop_db);

/* The sorted document numbers that query finds, as "1 3 5", and the
 * weight of each document in weights (when not NULL). */
static char *
found(const char *query, double weights[NDOCS + 1])
{
	zc_search_opts so = ZC_SEARCH_OPTS_INIT;
	zc_error err = { 0 };
	zc_qtree *t = NULL;
	zc_qtexts *texts = NULL;
	zc_qerror qe;
	zc_query *q = NULL;
	zc_mset *ms = NULL;
	zc_db *db = NULL;
	bool hit[NDOCS + 1] = { false };
	zc_buf b = { 0 };
	size_t i;

	cr_assert_eq(zc_qparse(query, strlen(query), &t, &qe), ZC_OK, "%s: %s",
	    query, qe.msg);
	cr_assert_eq(zc_qbuild_analyse(an, t->root, &texts, &err), ZC_OK,
	    "%s: %s", query, err.msg);
	cr_assert_eq(zc_qbuild(an, t->root, texts, NULL, &q, &err), ZC_OK,
	    "%s: %s", query, err.msg);
	cr_assert_eq(zc_db_open(dir, &db, &err), ZC_OK, "%s", err.msg);
	so.limit = 100;
	cr_assert_eq(zc_db_search(db, q, &so, &ms, &err), ZC_OK, "%s: %s",
	    query, err.msg);
	for (i = 0; i < zc_mset_size(ms); i++) {
		zc_docid id = zc_mset_docid(ms, i);

		cr_assert(id >= 1 && id <= NDOCS);
		hit[id] = true;
		if (weights != NULL)
			weights[id] = zc_mset_weight(ms, i);
	}
	for (i = 1; i <= NDOCS; i++)
		if (hit[i])
			zc_buf_printf(&b, "%s%zu", b.len ? " " : "", i);
	zc_mset_free(ms);
	zc_db_close(db);
	zc_query_free(q);
	zc_qtexts_free(texts);
	zc_qtree_free(t);
	return zc_buf_steal(&b);
}

static void
expect_found(const char *query, const char *ids)
{
	char *s = found(query, NULL);

	cr_expect_str_eq(s, ids, "query %s", query);
	free(s);
}

Test(qbuild_search, words_phrases_and_boolean_logic_find_the_right_passages)
{
	expect_found("孵化器", "1 4 5 6");
	expect_found("孵化", "1 2 4 5 6");
	expect_found("孵化器 补贴", "4 5");
	expect_found("孵化器 -补贴", "1 6");
	expect_found("NOT 孵化", "3");
	expect_found("科技创新 OR 研发", "2 3 6");
	expect_found("\"科技创新治理\"", "2");
	expect_found("(孵化器 OR 研发) -date:2024", "3 4");
	expect_found("title:规划", "2");
	expect_found("title:(孵化器 OR 投入)", "1 3");
}

Test(qbuild_search, dates_fields_and_paths_filter)
{
	expect_found("date:2024", "1 5 6");
	expect_found("date:..2023", "2 3");
	expect_found("date:2023-01-05", "2");
	expect_found("date:2024-03..", "1 6");
	expect_found("文号:鄂政发〔2023〕1号", "2");
	expect_found("文号:鄂科发[2024]3号", "1");
	expect_found("分类:科技", "1");
	expect_found("孵化 分类:(科技 OR 教育)", "1 2");
	expect_found("path:/srv/a", "1 3");
	expect_found("path:/srv/a/sub/", "3");
	expect_found("path:/srv/a/../b", "2");
	expect_found("path:/srv", "1 2 3 4 5 6");
}

Test(qbuild_search, wildcards_and_near)
{
	expect_found("tech*", "3");
	expect_found("TECHNO*", "3");
	expect_found("technology NEAR/1 transfer", "3");
	expect_found("孵化器 NEAR/3 补贴", "5");
	expect_found("孵化器 NEAR/80 补贴", "4 5");
	EXPECT_NO_LEAKS();
}

Test(qbuild_search, filters_do_not_change_scores)
{
	double plain[NDOCS + 1] = { 0 }, filtered[NDOCS + 1] = { 0 };
	char *s;

	s = found("孵化", plain);
	free(s);
	s = found("孵化 date:2024 path:/srv", filtered);
	cr_expect_str_eq(s, "1 5 6");
	free(s);
	cr_expect_float_eq(filtered[1], plain[1], 1e-9);
	cr_expect_float_eq(filtered[5], plain[5], 1e-9);
	cr_expect_float_eq(filtered[6], plain[6], 1e-9);
}

Test(qbuild_search, a_title_match_ranks_higher)
{
	double w[NDOCS + 1] = { 0 };
	char *s = found("科技创新", w);

	cr_expect_str_eq(s, "2 6");
	cr_expect_gt(w[2], w[6]);
	free(s);
}
