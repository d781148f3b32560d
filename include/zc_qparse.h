/*
 * zc_qparse.h — the query language of zcquery(7), parsed into a small
 * syntax tree: query text → tokens → tree.  Nothing here knows Xapian;
 * zc_qbuild.h turns the tree into a query.
 *
 * Grammar (precedence NOT > NEAR > AND > OR, as usual):
 *
 *   query   := or
 *   or      := and ( "OR" and )*
 *   and     := unary ( [ "AND" ] unary )*        juxtaposition is AND
 *   unary   := ( "NOT" | "-" | "+" ) unary | near
 *   near    := primary ( "NEAR" [ "/" n ] primary )*
 *   primary := word | "text" | “text” | prefix* | field value | "(" or ")"
 *   value   := word | "text" | "(" or ")"       the field applies inside
 *
 * Keywords are upper-case ASCII (lower-case "or" is a word).  Full-width
 * ：（）“”－＋＂＊ and U+3000 work as their ASCII forms; other control
 * characters are separators.  "+a" is the same as "a" (every term is
 * required already).  A NEAR chain "a NEAR/3 b NEAR/5 c" is one NEAR of
 * all its words with the largest distance; plain NEAR means NEAR/10.
 *
 * Fields (the names and kinds of zc_fields.h):
 * title: 标题: / issuer: 机构: 发布机构: (text in that field);
 * index: 索引号: / docno: 文号: / type: 文种: / category: 分类: 主题分类: /
 * validity: 有效性: 时效性: (exact values); date: 日期: / written:
 * 成文日期: 发文日期: / published: 发布日期: (dates and ranges); path:.  English
 * names are case-insensitive.  A value of an exact field or path: may
 * contain balanced parentheses (文号:鄂州发（2021）13号).  Dates: a
 * year, a month or a day of the one date grammar (zc_dates.h: YYYY,
 * YYYY-MM, YYYY-MM-DD, also with '/', '.' or 年月日, in Chinese numerals
 * too), ranges A..B, ..B, A..; each end covers its whole year or month.
 *
 * Limits: ZC_QPARSE_MAX_LEN bytes, ZC_QPARSE_MAX_DEPTH levels of
 * parentheses and prefix operators, ZC_QPARSE_MAX_TERMS leaves.  The
 * parser recurses at most a fixed number of frames per level, so no
 * input can exhaust the stack.
 */
#ifndef ZC_QPARSE_H
#define ZC_QPARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_fields.h"
#include "zc_util.h"

#define ZC_QPARSE_MAX_LEN 65536
#define ZC_QPARSE_MAX_DEPTH 100
#define ZC_QPARSE_MAX_TERMS 256
#define ZC_QPARSE_MAX_NEAR 1000     /* largest n of NEAR/n */
#define ZC_QPARSE_DEFAULT_NEAR 10   /* plain NEAR */

typedef enum zc_qkind {
	ZC_QN_AND,      /* kids[0..nkids): all of them (nkids >= 2) */
	ZC_QN_OR,       /* any of them (nkids >= 2) */
	ZC_QN_NOT,      /* kids[0] must not match; as an AND child it
	                 * subtracts, alone it means "everything but" */
	ZC_QN_NEAR,     /* kids (TEXT or WILDCARD, >= 2) within window words */
	ZC_QN_TEXT,     /* text in field (of kind ZC_FK_TEXT); exact when
	                 * quoted */
	ZC_QN_WILDCARD, /* Latin word starting with text (no '*'), in field
	                 * (of kind ZC_FK_TEXT) */
	ZC_QN_DATE,     /* the date field in [lo, hi], "YYYYMMDD", "" =
	                 * open */
	ZC_QN_FIELD,    /* exact value text of field (of kind ZC_FK_EXACT),
	                 * as typed */
	ZC_QN_PATH      /* documents below the path text, as typed */
} zc_qkind;

typedef struct zc_qnode {
	zc_qkind kind;
	zc_field field;         /* TEXT, WILDCARD, NEAR, FIELD, PATH, DATE;
	                         * ZC_FIELD_BODY in the others */
	bool exact;             /* TEXT: quoted */
	unsigned window;        /* NEAR: the n of NEAR/n */
	struct zc_qnode **kids; /* AND, OR, NOT, NEAR */
	size_t nkids;
	const char *text;       /* TEXT, WILDCARD, FIELD, PATH: UTF-8 bytes
	                         * of the query (NUL-terminated copy) */
	size_t len;
	char lo[9], hi[9];      /* DATE: inclusive ends, "" when open */
	size_t start_byte;      /* where the node starts in the query */
	struct zc_qnode *next_alloc; /* private: the tree's allocation list */
} zc_qnode;

/* A parsed query; root is never NULL.  Every node belongs to the tree. */
typedef struct zc_qtree {
	zc_qnode *root;
	zc_qnode *nodes; /* private */
} zc_qtree;

/* What went wrong and where: status (ZC_EINVAL for a malformed query,
 * ZC_ETOOBIG beyond a limit), one line without the word "query" (e.g.
 * "unclosed parenthesis"), and the position of the problem as a byte
 * offset into the query and as a 0-based display column (Han and other
 * wide characters take two columns; see zc_qparse_width). */
typedef struct zc_qerror {
	zc_status status;
	char msg[160];
	size_t byte;
	size_t column;
} zc_qerror;

/* Parse q[0..len).  On ZC_OK *out is yours (zc_qtree_free); on failure
 * *out is NULL and err (if not NULL) says what and where.  Statuses:
 * ZC_OK, ZC_EINVAL, ZC_ETOOBIG. */
zc_status zc_qparse(const char *q, size_t len, zc_qtree **out,
    zc_qerror *err);
void zc_qtree_free(zc_qtree *t); /* NULL is fine */

/* The whole of q[0..len) as one exact text of the body, as grep -F
 * takes its pattern: no operator, field or quotation mark has a meaning
 * (zcsearch -F).  Statuses and errors as zc_qparse: too long, invalid
 * UTF-8, or "empty query" when q is only query space. */
zc_status zc_qparse_literal(const char *q, size_t len, zc_qtree **out,
    zc_qerror *err);

/* Append the canonical S-expression of the tree at n to out, e.g.
 *   (and (text "孵化器") (not (exact title "补贴")) (date 20240101 *))
 *   (near 5 (text "a") (wildcard "tech")) (docno "鄂发〔2021〕1号")
 *   (text issuer "x") (path "corpus") (or ...)
 * Strings escape '"' and '\' with '\' and bytes below 0x20 as \xNN;
 * an open date end is '*'. */
void zc_qparse_dump(const zc_qnode *n, zc_buf *out);

/* Display width of s[0..len): 2 for East Asian wide and full-width
 * characters, 1 for everything else (control characters and invalid
 * bytes included, as zc_qparse_format_error shows them as one column). */
size_t zc_qparse_width(const char *s, size_t len);

/* Append the message for err to out (docs/design.md, "Messages"),
 * without the program name and without a final newline:
 *   query: unclosed parenthesis
 *     科技创新 AND (孵化 OR
 *                 ^
 * Control characters are shown as spaces and invalid bytes as U+FFFD;
 * a query wider than about 100 columns is shown as a window around the
 * problem, cut with "...". */
void zc_qparse_format_error(const char *q, size_t len, const zc_qerror *err,
    zc_buf *out);

#endif
