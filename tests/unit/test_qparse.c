/*
 * test_qparse.c — the query language: text → syntax tree, and every
 * malformed query → its message and the column of the caret.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zc_qparse.h"

/* criterion does not fail a test that leaks: ask LeakSanitizer. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define EXPECT_NO_LEAKS() \
	cr_expect_eq(__lsan_do_recoverable_leak_check(), 0, "memory leaked")
#else
#define EXPECT_NO_LEAKS() ((void)0)
#endif

struct good {
	const char *query;
	const char *tree;
};

struct bad {
	const char *query;
	const char *msg;
	size_t byte;
	size_t column;
};

static const struct good good[] = {
	{ "孵化器",
	    "(text \"孵化器\")" },
	{ "孵化器 补贴",
	    "(and (text \"孵化器\") (text \"补贴\"))" },
	{ "孵化器  补贴   政策",
	    "(and (text \"孵化器\") (text \"补贴\") (text \"政策\"))" },
	{ "\"科技企业孵化器\"",
	    "(exact \"科技企业孵化器\")" },
	{ "“科技企业孵化器”",
	    "(exact \"科技企业孵化器\")" },
	{ "＂科技企业孵化器＂",
	    "(exact \"科技企业孵化器\")" },
	{ "\"科技 创新\"",
	    "(exact \"科技 创新\")" },
	{ "“a “b” c”",
	    "(exact \"a “b” c\")" },
	{ "\"a “b\"",
	    "(exact \"a “b\")" },
	/* pasted text keeps its quotation marks: the other kind is text */
	{ "\"组织实施科技孵化服务“沃壤行动”\"",
	    "(exact \"组织实施科技孵化服务“沃壤行动”\")" },
	{ "“他说\"好\"”",
	    "(exact \"他说\\\"好\\\"\")" },
	{ "＂“引号”＂",
	    "(exact \"“引号”\")" },
	{ "”孵化器”",
	    "(exact \"孵化器\")" },
	{ "\"OR AND NOT\"",
	    "(exact \"OR AND NOT\")" },
	{ "a OR b",
	    "(or (text \"a\") (text \"b\"))" },
	{ "a AND b",
	    "(and (text \"a\") (text \"b\"))" },
	{ "a AND b OR c",
	    "(or (and (text \"a\") (text \"b\")) (text \"c\"))" },
	{ "a OR b AND c",
	    "(or (text \"a\") (and (text \"b\") (text \"c\")))" },
	{ "a OR b c",
	    "(or (text \"a\") (and (text \"b\") (text \"c\")))" },
	{ "a b OR c d",
	    "(or (and (text \"a\") (text \"b\")) (and (text \"c\") (text \"d\")))" },
	{ "NOT a",
	    "(not (text \"a\"))" },
	{ "NOT a b",
	    "(and (not (text \"a\")) (text \"b\"))" },
	{ "a NOT b",
	    "(and (text \"a\") (not (text \"b\")))" },
	{ "a AND NOT b",
	    "(and (text \"a\") (not (text \"b\")))" },
	{ "a OR NOT b",
	    "(or (text \"a\") (not (text \"b\")))" },
	{ "-a",
	    "(not (text \"a\"))" },
	{ "a -b",
	    "(and (text \"a\") (not (text \"b\")))" },
	{ "a -\"b c\"",
	    "(and (text \"a\") (not (exact \"b c\")))" },
	{ "a －b",
	    "(and (text \"a\") (not (text \"b\")))" },
	{ "+a +b",
	    "(and (text \"a\") (text \"b\"))" },
	{ "a +(b OR c)",
	    "(and (text \"a\") (or (text \"b\") (text \"c\")))" },
	{ "NOT NOT a",
	    "(not (not (text \"a\")))" },
	{ "--a",
	    "(not (not (text \"a\")))" },
	{ "(a)",
	    "(text \"a\")" },
	{ "((a))",
	    "(text \"a\")" },
	{ "(a OR b) c",
	    "(and (or (text \"a\") (text \"b\")) (text \"c\"))" },
	{ "a (b OR c)",
	    "(and (text \"a\") (or (text \"b\") (text \"c\")))" },
	{ "（a OR b）c",
	    "(and (or (text \"a\") (text \"b\")) (text \"c\"))" },
	{ "a (b (c d))",
	    "(and (text \"a\") (text \"b\") (text \"c\") (text \"d\"))" },
	{ "a OR b OR (c OR d)",
	    "(or (text \"a\") (text \"b\") (text \"c\") (text \"d\"))" },
	{ "(a OR b) (c OR d)",
	    "(and (or (text \"a\") (text \"b\")) (or (text \"c\") (text \"d\")))" },
	{ "NOT (a OR b)",
	    "(not (or (text \"a\") (text \"b\")))" },
	{ "-(a b)",
	    "(not (and (text \"a\") (text \"b\")))" },
	{ "a NEAR b",
	    "(near 10 (text \"a\") (text \"b\"))" },
	{ "a NEAR/5 b",
	    "(near 5 (text \"a\") (text \"b\"))" },
	{ "a NEAR/1 b",
	    "(near 1 (text \"a\") (text \"b\"))" },
	{ "a NEAR/1000 b",
	    "(near 1000 (text \"a\") (text \"b\"))" },
	{ "a NEAR/3 b NEAR/5 c",
	    "(near 5 (text \"a\") (text \"b\") (text \"c\"))" },
	{ "\"科技创新\" NEAR/8 孵化器",
	    "(near 8 (exact \"科技创新\") (text \"孵化器\"))" },
	{ "tech* NEAR/2 policy",
	    "(near 2 (wildcard \"tech\") (text \"policy\"))" },
	{ "a NEAR/5 b c",
	    "(and (near 5 (text \"a\") (text \"b\")) (text \"c\"))" },
	{ "a NEAR/5 b OR c",
	    "(or (near 5 (text \"a\") (text \"b\")) (text \"c\"))" },
	{ "NOT a NEAR/2 b",
	    "(not (near 2 (text \"a\") (text \"b\")))" },
	{ "title:孵化器",
	    "(text title \"孵化器\")" },
	{ "标题:孵化器",
	    "(text title \"孵化器\")" },
	{ "标题：孵化器",
	    "(text title \"孵化器\")" },
	{ "Title:x TITLE:\"y z\"",
	    "(and (text title \"x\") (exact title \"y z\"))" },
	{ "title:\"科技企业孵化器\"",
	    "(exact title \"科技企业孵化器\")" },
	{ "title:(孵化器 OR 众创空间)",
	    "(or (text title \"孵化器\") (text title \"众创空间\"))" },
	{ "title:(a -b)",
	    "(and (text title \"a\") (not (text title \"b\")))" },
	{ "issuer:湖北省科学技术厅",
	    "(text issuer \"湖北省科学技术厅\")" },
	{ "机构:科技厅",
	    "(text issuer \"科技厅\")" },
	{ "发布机构:湖北省人民政府办公厅",
	    "(text issuer \"湖北省人民政府办公厅\")" },
	{ "issuer:\"湖北省 科技厅\"",
	    "(exact issuer \"湖北省 科技厅\")" },
	{ "title:a NEAR/3 title:b",
	    "(near 3 (text title \"a\") (text title \"b\"))" },
	{ "index:011043145/2025-32703",
	    "(index \"011043145/2025-32703\")" },
	{ "索引号:011043145/2025-32703",
	    "(index \"011043145/2025-32703\")" },
	{ "docno:鄂州发〔2021〕13号",
	    "(docno \"鄂州发〔2021〕13号\")" },
	{ "文号:鄂州发（2021）13号",
	    "(docno \"鄂州发（2021）13号\")" },
	{ "文号:\"鄂州发 〔2021〕 13号\"",
	    "(docno \"鄂州发 〔2021〕 13号\")" },
	{ "(文号:鄂州发(2021)13号 OR x)",
	    "(or (docno \"鄂州发(2021)13号\") (text \"x\"))" },
	{ "category:科技",
	    "(category \"科技\")" },
	{ "分类：科技",
	    "(category \"科技\")" },
	{ "category:(科技 OR 教育)",
	    "(or (category \"科技\") (category \"教育\"))" },
	{ "validity:有效",
	    "(validity \"有效\")" },
	{ "有效性:失效",
	    "(validity \"失效\")" },
	{ "date:2024",
	    "(date 20240101 20241231)" },
	{ "written:2024-05",
	    "(written 20240501 20240531)" },
	{ "成文日期:2023..2024",
	    "(written 20230101 20241231)" },
	{ "published:..2022",
	    "(published * 20221231)" },
	{ "发布日期:2024年8月12日",
	    "(published 20240812 20240812)" },
	{ "日期:2024",
	    "(date 20240101 20241231)" },
	{ "type:通知",
	    "(type \"通知\")" },
	{ "文种:批复",
	    "(type \"批复\")" },
	{ "主题分类:中小企业",
	    "(category \"中小企业\")" },
	{ "时效性:现行有效",
	    "(validity \"现行有效\")" },
	{ "date:2024-08",
	    "(date 20240801 20240831)" },
	{ "date:2024-02",
	    "(date 20240201 20240229)" },
	{ "date:2023-02",
	    "(date 20230201 20230228)" },
	{ "date:2000-02",
	    "(date 20000201 20000229)" },
	{ "date:1900-02",
	    "(date 19000201 19000228)" },
	{ "date:2024-08-12",
	    "(date 20240812 20240812)" },
	{ "date:2023-01-01..2024-06-30",
	    "(date 20230101 20240630)" },
	{ "date:..2022",
	    "(date * 20221231)" },
	{ "发文日期:2024..",
	    "(written 20240101 *)" },
	{ "date:2024-08..2024-09",
	    "(date 20240801 20240930)" },
	{ "date:2024年",
	    "(date 20240101 20241231)" },
	{ "date:2024年8月",
	    "(date 20240801 20240831)" },
	{ "date:2024年8月12日",
	    "(date 20240812 20240812)" },
	{ "date:2024/8/1",
	    "(date 20240801 20240801)" },
	{ "date:2024.08.12",
	    "(date 20240812 20240812)" },
	{ "date:20240812",
	    "(date 20240812 20240812)" },
	{ "date:202408",
	    "(date 20240801 20240831)" },
	{ "date:２０２４",
	    "(date 20240101 20241231)" },
	{ "date:\"2024-08\"",
	    "(date 20240801 20240831)" },
	/* the one date grammar of documents (zc_dates.h) */
	{ "date:二〇二四年二月",
	    "(date 20240201 20240229)" },
	{ "date:二〇二四年",
	    "(date 20240101 20241231)" },
	{ "date:2024．08．12",
	    "(date 20240812 20240812)" },
	{ "date:\"2024 年 8 月\"",
	    "(date 20240801 20240831)" },
	{ "date:(2023 OR 2024)",
	    "(or (date 20230101 20231231) (date 20240101 20241231))" },
	{ "-date:2024 孵化器",
	    "(and (not (date 20240101 20241231)) (text \"孵化器\"))" },
	{ "path:corpus",
	    "(path \"corpus\")" },
	{ "path:/srv/政策/湖北",
	    "(path \"/srv/政策/湖北\")" },
	{ "path:\"/my docs/x\"",
	    "(path \"/my docs/x\")" },
	{ "path:./a/../b",
	    "(path \"./a/../b\")" },
	{ "tech*",
	    "(wildcard \"tech\")" },
	{ "TECH* Tech*",
	    "(and (wildcard \"TECH\") (wildcard \"Tech\"))" },
	{ "ｔｅｃｈ＊",
	    "(wildcard \"ｔｅｃｈ\")" },
	{ "data2024*",
	    "(wildcard \"data2024\")" },
	{ "tech* 孵化",
	    "(and (wildcard \"tech\") (text \"孵化\"))" },
	/* a colon after a letter, a number or Chinese is text; after a
	 * name of ASCII letters it makes a field (bad[] below) */
	{ "x:y \"http://a.b\" 10:30 联系人:张明",
	    "(and (text \"x:y\") (exact \"http://a.b\") (text \"10:30\") (text \"联系人:张明\"))" },
	{ "or and not near",
	    "(and (text \"or\") (text \"and\") (text \"not\") (text \"near\"))" },
	{ "NEARBY ORACLE ANDROID NOTE",
	    "(and (text \"NEARBY\") (text \"ORACLE\") (text \"ANDROID\") (text \"NOTE\"))" },
	{ "a　b",
	    "(and (text \"a\") (text \"b\"))" },
	{ "a\tb",
	    "(and (text \"a\") (text \"b\"))" },
	{ "孵化器，补贴",
	    "(text \"孵化器，补贴\")" },
	{ "科技創新",
	    "(text \"科技創新\")" },
	{ "鄂发〔2021〕1号",
	    "(text \"鄂发〔2021〕1号\")" },
	{ "2024年",
	    "(text \"2024年\")" },
	{ "70.3%",
	    "(text \"70.3%\")" },
	{ "(title:孵化器 OR issuer:科技厅) date:2024 -分类:教育",
	    "(and (or (text title \"孵化器\") (text issuer \"科技厅\")) (date 20240101 20241231) (not (category \"教育\")))" },
	{ "孵化器 补贴 date:2023..2024 path:corpus 文号:\"鄂发〔2021〕1号\"",
	    "(and (text \"孵化器\") (text \"补贴\") (date 20230101 20241231) (path \"corpus\") (docno \"鄂发〔2021〕1号\"))" },
};

#define FIELDS "(fields: title: index: date: written: published: issuer: " \
    "docno: type: category: validity: path:; quote text that holds a colon)"

static const struct bad bad[] = {
	{ "   ", "empty query", 3, 3 },
	{ "isuer:湖北省科学技术厅", "unknown field 'isuer' " FIELDS, 0, 0 },
	{ "孵化器 titel:答复", "unknown field 'titel' " FIELDS, 10, 7 },
	{ "foo:bar", "unknown field 'foo' " FIELDS, 0, 0 },
	{ "http://a.b", "unknown field 'http' " FIELDS, 0, 0 },
	{ "isuer :x", "unknown field 'isuer' " FIELDS, 0, 0 },
	{ "title :答复", "a space between 'title' and ':' (a field name "
	    "takes its colon at once)", 5, 5 },
	{ "标题 ：答复", "a space between '标题' and ':' (a field name "
	    "takes its colon at once)", 6, 4 },
	{ "a \"b", "unbalanced quote", 2, 2 },
	{ "\"abc", "unbalanced quote", 0, 0 },
	{ "“abc", "unbalanced quote", 0, 0 },
	{ "“a ” b”", "unbalanced quote", 10, 6 },
	{ "“a\"", "unbalanced quote", 0, 0 },
	{ "\"a”", "unbalanced quote", 0, 0 },
	{ "\"\"", "empty quotes", 0, 0 },
	{ "“”", "empty quotes", 0, 0 },
	{ "(", "unclosed parenthesis", 0, 0 },
	{ "()", "empty parentheses", 0, 0 },
	{ "(a", "unclosed parenthesis", 0, 0 },
	{ "(a OR b", "unclosed parenthesis", 0, 0 },
	{ "科技创新 AND (孵化 OR", "unclosed parenthesis", 17, 13 },
	{ ")", "unbalanced parenthesis", 0, 0 },
	{ "a)", "unbalanced parenthesis", 1, 1 },
	{ "a OR", "OR needs a term on each side", 2, 2 },
	{ "OR a", "OR needs a term on each side", 0, 0 },
	{ "a OR OR b", "OR needs a term on each side", 2, 2 },
	{ "a AND", "AND needs a term on each side", 2, 2 },
	{ "AND a", "AND needs a term on each side", 0, 0 },
	{ "a AND AND b", "AND needs a term on each side", 2, 2 },
	{ "NOT", "NOT needs a term after it", 0, 0 },
	{ "a NOT", "NOT needs a term after it", 2, 2 },
	{ "- a", "'-' needs a term after it", 0, 0 },
	{ "a -", "'-' needs a term after it", 2, 2 },
	{ "(a -)", "'-' needs a term after it", 3, 3 },
	{ "+", "'+' needs a term after it", 0, 0 },
	{ "a NEAR", "NEAR needs a word on each side", 2, 2 },
	{ "NEAR a", "NEAR needs a word on each side", 0, 0 },
	{ "a NEAR/5", "NEAR needs a word on each side", 2, 2 },
	{ "(a b) NEAR c", "NEAR needs a word on each side", 6, 6 },
	{ "a NEAR (b c)", "NEAR needs a word on each side", 2, 2 },
	{ "a NEAR -b", "NEAR needs a word on each side", 2, 2 },
	{ "title:a NEAR b", "NEAR needs words of one field", 8, 8 },
	{ "NEAR/0 a", "bad NEAR distance (use NEAR/1 to NEAR/1000)", 0, 0 },
	{ "a NEAR/1001 b", "bad NEAR distance (use NEAR/1 to NEAR/1000)", 2, 2 },
	{ "a NEAR/x b", "bad NEAR distance (use NEAR/1 to NEAR/1000)", 2, 2 },
	{ "a NEAR/ b", "bad NEAR distance (use NEAR/1 to NEAR/1000)", 2, 2 },
	{ "title:", "empty field value", 6, 6 },
	{ "title: x", "empty field value", 6, 6 },
	{ "标题：", "empty field value", 9, 6 },
	{ "docno:", "empty field value", 6, 6 },
	{ "date:", "empty field value", 5, 5 },
	{ "date:()", "empty parentheses", 5, 5 },
	{ "path:)", "empty field value", 5, 5 },
	{ "title:\"\"", "empty quotes", 0, 0 },
	{ "date:2024-02-30", "impossible date 2024-02-30", 5, 5 },
	{ "date:2023-02-29", "impossible date 2023-02-29", 5, 5 },
	{ "date:2024-13", "impossible date 2024-13", 5, 5 },
	{ "date:2024-00", "impossible date 2024-00", 5, 5 },
	{ "date:2024-04-31", "impossible date 2024-04-31", 5, 5 },
	{ "date:0000", "impossible date 0000", 5, 5 },
	{ "date:2024-02-30..2024-03-01", "impossible date 2024-02-30", 5, 5 },
	{ "date:2024..2024-13", "impossible date 2024-13", 11, 11 },
	{ "date:24", "bad date 24 (use YYYY, YYYY-MM or YYYY-MM-DD)", 5, 5 },
	{ "date:2024-08-", "bad date 2024-08- (use YYYY, YYYY-MM or YYYY-MM-DD)", 5, 5 },
	{ "date:abc", "bad date abc (use YYYY, YYYY-MM or YYYY-MM-DD)", 5, 5 },
	{ "date:..", "date range needs a date on at least one side", 5, 5 },
	{ "date:2025..2024", "date range ends before it starts", 5, 5 },
	{ "date:2024-08-12..2024-08-11", "date range ends before it starts", 5, 5 },
	{ "date:2024-1-5-6", "bad date 2024-1-5-6 (use YYYY, YYYY-MM or YYYY-MM-DD)", 5, 5 },
	{ "date:2024/08-12", "bad date 2024/08-12 (use YYYY, YYYY-MM or YYYY-MM-DD)", 5, 5 },
	{ "date:2024年8月12", "bad date 2024年8月12 (use YYYY, YYYY-MM or YYYY-MM-DD)", 5, 5 },
	{ "date:2024年8", "bad date 2024年8 (use YYYY, YYYY-MM or YYYY-MM-DD)", 5, 5 },
	{ "date:2024-08-12日", "bad date 2024-08-12日 (use YYYY, YYYY-MM or YYYY-MM-DD)", 5, 5 },
	{ "科技*", "'*' only ends a Latin word, as in tech*", 6, 4 },
	{ "*", "'*' only ends a Latin word, as in tech*", 0, 0 },
	{ "a*b", "'*' only ends a Latin word, as in tech*", 1, 1 },
	{ "tech**", "'*' only ends a Latin word, as in tech*", 4, 4 },
	{ "标题：孵化器 AND (科技 OR date:2024-02-30)", "impossible date 2024-02-30", 39, 31 },
};

/* Parse q (len bytes) and return the dump, or NULL with *e filled. */
static char *
parse_dump(const char *q, size_t len, zc_qerror *e, zc_status *st)
{
	zc_qtree *t = NULL;
	zc_buf b = { 0 };

	*st = zc_qparse(q, len, &t, e);
	if (*st != ZC_OK) {
		cr_expect_null(t);
		return NULL;
	}
	cr_assert_not_null(t);
	zc_qparse_dump(t->root, &b);
	zc_qtree_free(t);
	return zc_buf_steal(&b);
}

Test(qparse, every_query_of_the_table_gives_its_tree)
{
	size_t i;
	zc_qerror e;
	zc_status st;
	char *dump;

	cr_assert_geq(sizeof good / sizeof good[0], 80);
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		dump = parse_dump(good[i].query, strlen(good[i].query), &e,
		    &st);
		cr_expect_eq(st, ZC_OK, "%s: %s", good[i].query, e.msg);
		if (dump == NULL)
			continue;
		cr_expect_str_eq(dump, good[i].tree, "query: %s",
		    good[i].query);
		free(dump);
	}
	EXPECT_NO_LEAKS();
}

Test(qparse, every_malformed_query_names_its_problem_and_place)
{
	size_t i;
	zc_qerror e;
	zc_status st;
	char *dump;

	cr_assert_geq(sizeof bad / sizeof bad[0], 20);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		dump = parse_dump(bad[i].query, strlen(bad[i].query), &e, &st);
		cr_expect_null(dump, "%s: accepted as %s", bad[i].query,
		    dump ? dump : "");
		free(dump);
		if (st == ZC_OK)
			continue;
		cr_expect_eq(st, ZC_EINVAL, "%s", bad[i].query);
		cr_expect_eq(e.status, st, "%s", bad[i].query);
		cr_expect_str_eq(e.msg, bad[i].msg, "query: %s", bad[i].query);
		cr_expect_eq(e.byte, bad[i].byte, "%s: byte %zu", bad[i].query,
		    e.byte);
		cr_expect_eq(e.column, bad[i].column, "%s: column %zu",
		    bad[i].query, e.column);
	}
	EXPECT_NO_LEAKS();
}

static char *
format(const char *q, size_t len)
{
	zc_qtree *t = NULL;
	zc_qerror e;
	zc_buf b = { 0 };

	cr_assert_neq(zc_qparse(q, len, &t, &e), ZC_OK, "%s", q);
	zc_qparse_format_error(q, len, &e, &b);
	return zc_buf_steal(&b);
}

Test(qparse, the_caret_sits_under_the_open_parenthesis_by_display_width)
{
	char *s = format("科技创新 AND (孵化 OR",
	    strlen("科技创新 AND (孵化 OR"));

	cr_expect_str_eq(s, "query: unclosed parenthesis\n"
	    "  科技创新 AND (孵化 OR\n"
	    "               ^");
	free(s);
}

Test(qparse, the_caret_counts_full_width_characters_as_two_columns)
{
	char *s = format("标题：孵化器 AND date:2024-02-30",
	    strlen("标题：孵化器 AND date:2024-02-30"));

	cr_expect_str_eq(s, "query: impossible date 2024-02-30\n"
	    "  标题：孵化器 AND date:2024-02-30\n"
	    "  " "                      ^");
	free(s);
}

Test(qparse, the_caret_can_point_past_the_end)
{
	char *s = format("title:", 6);

	cr_expect_str_eq(s, "query: empty field value\n  title:\n        ^");
	free(s);
}

Test(qparse, control_characters_are_separators_and_shown_as_spaces)
{
	zc_qerror e;
	zc_status st;
	char *dump, *s;

	dump = parse_dump("a\x01" "b\nc\0d", 7, &e, &st);
	cr_assert_eq(st, ZC_OK);
	cr_expect_str_eq(dump, "(and (text \"a\") (text \"b\") (text \"c\") "
	    "(text \"d\"))");
	free(dump);
	s = format("a\tb \"c", 6);
	cr_expect_str_eq(s, "query: unbalanced quote\n  a b \"c\n      ^");
	free(s);
}

Test(qparse, invalid_utf8_is_an_error_at_its_byte)
{
	zc_qerror e;
	zc_status st;
	char *s;

	cr_expect_null(parse_dump("ab \xff", 4, &e, &st));
	cr_expect_eq(st, ZC_EINVAL);
	cr_expect_str_eq(e.msg, "invalid UTF-8");
	cr_expect_eq(e.byte, 3);
	cr_expect_eq(e.column, 3);
	/* a lone surrogate and a truncated sequence */
	cr_expect_null(parse_dump("\xed\xa0\x80", 3, &e, &st));
	cr_expect_null(parse_dump("孵\xe5\xad", 5, &e, &st));
	cr_expect_eq(e.byte, 3);
	cr_expect_eq(e.column, 2);
	s = format("孵\xff", 4);
	cr_expect_str_eq(s, "query: invalid UTF-8\n  孵\xEF\xBF\xBD\n    ^");
	free(s);
}

Test(qparse, a_literal_replacement_character_is_text)
{
	zc_qerror e;
	zc_status st;
	char *dump = parse_dump("\xEF\xBF\xBD" "x", 4, &e, &st);

	cr_assert_eq(st, ZC_OK);
	cr_expect_str_eq(dump, "(text \"\xEF\xBF\xBD" "x\")");
	free(dump);
}

Test(qparse, punctuation_alone_is_an_empty_query_unless_quoted)
{
	zc_qerror e;
	zc_status st;
	char *dump = parse_dump("，。！ !!!", strlen("，。！ !!!"), &e, &st);

	cr_expect_null(dump);
	cr_expect_eq(st, ZC_EINVAL);
	cr_expect_str_eq(e.msg, "empty query (only punctuation; quote it to "
	    "search for it)");
	dump = parse_dump("\"，\"", strlen("\"，\""), &e, &st);
	cr_expect_str_eq(dump, "(exact \"，\")");
	free(dump);
	dump = parse_dump("% 孵化器", strlen("% 孵化器"), &e, &st);
	cr_expect_str_eq(dump, "(and (text \"%\") (text \"孵化器\"))");
	free(dump);
}

Test(qparse, display_width_counts_wide_characters_twice)
{
	cr_expect_eq(zc_qparse_width("abc", 3), 3);
	cr_expect_eq(zc_qparse_width("孵化器", 9), 6);
	cr_expect_eq(zc_qparse_width("：（）", 9), 6);
	cr_expect_eq(zc_qparse_width("〔〕　", 9), 6);
	cr_expect_eq(zc_qparse_width("“”", 6), 2);
	cr_expect_eq(zc_qparse_width("\xff\x01", 2), 2);
}

/* "(((...a...)))" with depth levels */
static char *
nested(size_t depth, const char *open, const char *inner, const char *close)
{
	zc_buf b = { 0 };
	size_t i;

	for (i = 0; i < depth; i++)
		zc_buf_puts(&b, open);
	zc_buf_puts(&b, inner);
	for (i = 0; i < depth; i++)
		zc_buf_puts(&b, close);
	return zc_buf_steal(&b);
}

Test(qparse, the_deepest_nesting_is_accepted_and_one_more_is_not)
{
	zc_qerror e;
	zc_status st;
	char *q, *dump;

	q = nested(ZC_QPARSE_MAX_DEPTH, "(", "a", ")");
	dump = parse_dump(q, strlen(q), &e, &st);
	cr_expect_eq(st, ZC_OK);
	cr_expect_str_eq(dump, "(text \"a\")");
	free(dump);
	free(q);

	q = nested(ZC_QPARSE_MAX_DEPTH + 1, "(", "a", ")");
	cr_expect_null(parse_dump(q, strlen(q), &e, &st));
	cr_expect_eq(st, ZC_ETOOBIG);
	cr_expect_str_eq(e.msg, "query nested too deeply (more than 100 "
	    "levels)");
	cr_expect_eq(e.byte, ZC_QPARSE_MAX_DEPTH);
	cr_expect_eq(e.column, ZC_QPARSE_MAX_DEPTH);
	free(q);

	/* prefix operators count as levels too */
	q = nested(ZC_QPARSE_MAX_DEPTH, "-", "a", "");
	dump = parse_dump(q, strlen(q), &e, &st);
	cr_expect_eq(st, ZC_OK);
	free(dump);
	free(q);
	q = nested(ZC_QPARSE_MAX_DEPTH + 1, "NOT ", "a", "");
	cr_expect_null(parse_dump(q, strlen(q), &e, &st));
	cr_expect_eq(st, ZC_ETOOBIG);
	free(q);
	q = nested(ZC_QPARSE_MAX_DEPTH / 2, "(-", "a", ")");
	dump = parse_dump(q, strlen(q), &e, &st);
	cr_expect_eq(st, ZC_OK);
	free(dump);
	free(q);
	q = nested(ZC_QPARSE_MAX_DEPTH / 2 + 1, "(-", "a", ")");
	cr_expect_null(parse_dump(q, strlen(q), &e, &st));
	cr_expect_eq(st, ZC_ETOOBIG);
	free(q);
}

Test(qparse, the_longest_query_is_accepted_and_one_byte_more_is_not)
{
	char *q = zc_xmalloc(ZC_QPARSE_MAX_LEN + 2);
	zc_qerror e;
	zc_status st;
	char *dump, *msg;

	memset(q, 'x', ZC_QPARSE_MAX_LEN + 1);
	q[ZC_QPARSE_MAX_LEN + 1] = '\0';
	dump = parse_dump(q, ZC_QPARSE_MAX_LEN, &e, &st);
	cr_expect_eq(st, ZC_OK);
	cr_expect_eq(strlen(dump), ZC_QPARSE_MAX_LEN + strlen("(text \"\")"));
	free(dump);

	cr_expect_null(parse_dump(q, ZC_QPARSE_MAX_LEN + 1, &e, &st));
	cr_expect_eq(st, ZC_ETOOBIG);
	cr_expect_str_eq(e.msg, "query too long (more than 65536 bytes)");
	cr_expect_eq(e.byte, ZC_QPARSE_MAX_LEN);
	cr_expect_eq(e.column, ZC_QPARSE_MAX_LEN);
	/* the message shows a window around the problem, not 64 KB */
	msg = format(q, ZC_QPARSE_MAX_LEN + 1);
	cr_expect_lt(strlen(msg), 300);
	cr_expect(strstr(msg, "\n  ...xxx") != NULL, "%s", msg);
	cr_expect(strstr(msg, "\n  " "   " "                              "
	    "                              ^") != NULL, "%s", msg);
	free(msg);
	free(q);
}

Test(qparse, the_most_terms_are_accepted_and_one_more_is_not)
{
	zc_buf b = { 0 };
	zc_qerror e;
	zc_status st;
	char *dump;
	int i;

	for (i = 0; i < ZC_QPARSE_MAX_TERMS; i++)
		zc_buf_puts(&b, "a ");
	dump = parse_dump(b.data, b.len, &e, &st);
	cr_expect_eq(st, ZC_OK);
	free(dump);
	zc_buf_puts(&b, "b");
	cr_expect_null(parse_dump(b.data, b.len, &e, &st));
	cr_expect_eq(st, ZC_ETOOBIG);
	cr_expect_str_eq(e.msg, "too many terms (more than 256)");
	cr_expect_eq(e.byte, 2 * ZC_QPARSE_MAX_TERMS);
	zc_buf_free(&b);
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Hostile inputs: each must come back, quickly, with a tree or an error. */
Test(qparse, huge_and_hostile_queries_return_quickly)
{
	static const char *units[] = {
		"a", "(", ")", "\"", "“", "-", "NOT ", "a OR ", "(a ",
		"title:(", "date:", "a NEAR/5 ", "孵", "*", ":", "\xff",
	};
	size_t sizes[] = { 100000, 65537, 65536, 4096 };
	size_t i, j, k;
	zc_qerror e;
	zc_status st;
	zc_buf b = { 0 };
	double t0;
	char *dump;

	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		for (j = 0; j < sizeof sizes / sizeof sizes[0]; j++) {
			zc_buf_reset(&b);
			for (k = 0; b.len < sizes[j]; k++)
				zc_buf_puts(&b, units[i]);
			b.len = sizes[j];
			t0 = seconds();
			dump = parse_dump(b.data, b.len, &e, &st);
			cr_expect_lt(seconds() - t0, 0.5, "unit %s", units[i]);
			cr_expect(st == ZC_OK || e.msg[0] != '\0');
			free(dump);
		}
	}
	zc_buf_free(&b);
}

/* Random queries over the syntax alphabet: never a crash, and every
 * error points inside the query or just past it. */
Test(qparse, random_queries_give_a_tree_or_a_placed_error)
{
	static const char *alphabet[] = {
		"a", "孵化", " ", "(", ")", "\"", "“", "”", "-", "+", "*",
		"OR", "AND", "NOT", "NEAR", "NEAR/3", ":", "title:", "date:",
		"文号:", "path:", "2024", "-08", "..", "（", "）", "：", "\t",
		"\xff", "\x01",
	};
	zc_buf b = { 0 }, out = { 0 };
	unsigned seed = 12345;
	zc_qtree *t;
	zc_qerror e;
	int i, k, n;

	for (i = 0; i < 20000; i++) {
		zc_buf_reset(&b);
		n = (int)(rand_r(&seed) % 12);
		for (k = 0; k < n; k++)
			zc_buf_puts(&b, alphabet[rand_r(&seed) %
			    (sizeof alphabet / sizeof alphabet[0])]);
		t = NULL;
		if (zc_qparse(b.data ? b.data : "", b.len, &t, &e) == ZC_OK) {
			zc_buf_reset(&out);
			zc_qparse_dump(t->root, &out);
			zc_qtree_free(t);
		} else {
			cr_assert(e.byte <= b.len, "%s", b.data);
			cr_assert(e.msg[0] != '\0');
			cr_assert_eq(e.column, zc_qparse_width(b.data, e.byte));
			zc_buf_reset(&out);
			zc_qparse_format_error(b.data ? b.data : "", b.len, &e,
			    &out);
		}
	}
	zc_buf_free(&b);
	zc_buf_free(&out);
	EXPECT_NO_LEAKS();
}

/* zcsearch -F: the whole text is one exact text of the body. */
Test(qparse, a_literal_query_is_one_exact_text_whatever_it_holds)
{
	static const char *const texts[] = {
		"a OR (b", "title:沃壤", "\"孵化器", "NOT -x NEAR/3 y*",
		"“a ” b”", "  两端的空格  ",
	};
	char *q = zc_xmalloc(ZC_QPARSE_MAX_LEN + 1);
	zc_qtree *t = NULL;
	zc_qerror e;

	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		zc_buf want = { 0 }, got = { 0 };
		zc_qnode n = { .kind = ZC_QN_TEXT, .field = ZC_FIELD_BODY,
		    .exact = true, .text = texts[i], .len = strlen(texts[i]) };

		cr_assert_eq(zc_qparse_literal(texts[i], strlen(texts[i]), &t,
		    &e), ZC_OK, "%s: %s", texts[i], e.msg);
		zc_qparse_dump(t->root, &got);
		zc_qparse_dump(&n, &want);
		cr_expect_str_eq(got.data, want.data);
		cr_expect_eq(t->root->nkids, 0);
		zc_qtree_free(t);
		zc_buf_free(&want);
		zc_buf_free(&got);
	}
	cr_expect_eq(zc_qparse_literal(" \t\xe3\x80\x80", 5, &t, &e),
	    ZC_EINVAL);
	cr_expect_str_eq(e.msg, "empty query");
	cr_expect_null(t);
	cr_expect_eq(zc_qparse_literal("a\xff", 2, &t, &e), ZC_EINVAL);
	cr_expect_str_eq(e.msg, "invalid UTF-8");
	memset(q, 'x', ZC_QPARSE_MAX_LEN + 1);
	cr_expect_eq(zc_qparse_literal(q, ZC_QPARSE_MAX_LEN, &t, &e), ZC_OK);
	zc_qtree_free(t);
	cr_expect_eq(zc_qparse_literal(q, ZC_QPARSE_MAX_LEN + 1, &t, &e),
	    ZC_ETOOBIG);
	free(q);
}
