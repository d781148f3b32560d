/*
 * zc_qbuild.h — a parsed query (zc_qparse.h) turned into a Xapian query
 * (zc_xapian.h) through the term scheme (zc_terms.h), from the texts of
 * the tree analysed once (zc_qbuild_analyse).  The prepared query
 * (zc_prepared.h) runs it: query → parse → analyse → build → hits →
 * print.
 *
 * What a tree becomes:
 *   TEXT body       zc_terms_query(BODY) OR the same text in the title
 *                   scaled by title_boost (the title is text of the
 *                   document, and its matches rank higher); quoted
 *                   text ZC_MATCH_EXACT, bare text ZC_MATCH_TYPED (or
 *                   ZC_MATCH_WORDS with opts.words), AND_MAYBE the U
 *                   term of the text as a whole title
 *                   (zc_fieldterm_title), scaled up: a title typed
 *                   whole ranks its document first; several bare texts
 *                   side by side in an AND also AND_MAYBE a NEAR of them
 *                   (proximity ranks)
 *   TEXT title/issuer  zc_terms_query(TITLE / ISSUER)
 *   NEAR            AND of the operands, restricted to the places where
 *                   they are near: Xapian 1.4 accepts only single terms
 *                   under NEAR, so each operand is represented there by
 *                   its first term (zc_terms_anchor); the window counts
 *                   positions (a Han character, a Latin word or number)
 *   WILDCARD        OP_WILDCARD on W/T/B + the normalised prefix, at
 *                   most wildcard_max words (beyond: the search fails
 *                   with ZC_ETOOBIG, see zc_query_wildcard)
 *   DATE            value range on the field's slot (date, written,
 *                   published), "YYYYMMDD" inclusive
 *   FIELD, PATH     boolean terms (below)
 *   AND             scoring children ANDed; date, field and path
 *                   children applied with ZC_Q_FILTER (they restrict
 *                   without changing scores); NOT children subtracted
 *                   with ZC_Q_AND_NOT
 *   NOT elsewhere   match-all AND_NOT the child (so "NOT a" alone works)
 *   OR              OR
 * A query of filters only matches with weight 0.
 *
 * FIELD and PATH look up the terms of zc_fieldterm.h, which the indexer
 * stores through the same functions: K/N/C/V + the folded value, P + each
 * ancestor directory with a final '/', and P + the file's own path.
 *
 * path: values are resolved by zc_path_resolve (zc_path.h), the function
 * zcindex resolves its roots and files with, so a path: names the string
 * the indexer stored.  A directory (or a path that does not exist)
 * becomes P + dir + '/'; an existing file becomes P + path OR the F term
 * of the file (zc_fieldterm.h), which the indexer stores already.
 */
#ifndef ZC_QBUILD_H
#define ZC_QBUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_qparse.h"
#include "zc_terms.h"
#include "zc_util.h"
#include "zc_xapian.h"

typedef struct zc_qbuild_opts {
	double title_boost;        /* factor on a bare text's title match;
	                            * 0: no title ranking */
	unsigned proximity;        /* proximity ranking of bare texts within
	                            * this many positions; 0: none */
	unsigned wildcard_max;     /* most words one wildcard expands to */
	const char *cwd;           /* for relative path: values; NULL:
	                            * getcwd() */
	bool words;                /* bare texts match by their words
	                            * (ZC_MATCH_WORDS), not as typed: the
	                            * fallback of ranked output */
} zc_qbuild_opts;

#define ZC_QBUILD_OPTS_INIT { 2.0, 10, 1000, NULL, false }

/* The texts of the tree at root (its TEXT and WILDCARD nodes), each
 * analysed once (zc_terms_analyse): the builder reads them, and so do
 * the passage picker and the highlighter of the search (zc_prepared.h),
 * so a query text is normalised and segmented once however many times
 * it is used.  On ZC_OK *out is yours (zc_qtexts_free); it refers to the
 * nodes of the tree, which must outlive it.  Statuses: those of
 * zc_terms_analyse. */
typedef struct zc_qtexts zc_qtexts;
zc_status zc_qbuild_analyse(zc_analyzer *a, const zc_qnode *root,
    zc_qtexts **out, zc_error *err);
/* The analysis of TEXT or WILDCARD node n, owned by t; NULL for a node
 * that is not one of t's. */
zc_qtext *zc_qtexts_find(const zc_qtexts *t, const zc_qnode *n);
void zc_qtexts_free(zc_qtexts *t); /* NULL is fine */

/* Build the query of the tree at root, whose texts are analysed in
 * texts (zc_qbuild_analyse of the same root).  On ZC_OK *out is yours
 * (zc_query_free); on failure *out is NULL.  opts NULL means
 * ZC_QBUILD_OPTS_INIT.  Statuses: those of zc_terms_query and of the
 * zc_query_* constructors (ZC_EICU, ZC_ENOMEM, ZC_EXAPIAN), ZC_EINVAL
 * when a relative path: has no working directory to start from. */
zc_status zc_qbuild(zc_analyzer *a, const zc_qnode *root,
    const zc_qtexts *texts, const zc_qbuild_opts *opts, zc_query **out,
    zc_error *err);

#endif
