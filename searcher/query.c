/*
 * query.c — command-line query → Xapian query and highlight texts
 * (query.h).  Data flow: query text → zc_qparse → tree → zc_qbuild →
 * Xapian query; the same tree gives the texts to highlight.
 *
 * Invariants: the texts point into the tree, which lives as long as the
 * search_query; a negated text is never highlighted (it matched nothing
 * in the passage shown), nor a text of another field than the body.
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "zc_qbuild.h"
#include "zc_qparse.h"

static void
add_text(search_query *sq, const zc_qnode *n, zc_hl_kind kind)
{
	sq->texts = zc_xgrow(sq->texts, &sq->cap_texts, sq->n_texts + 1,
	    sizeof *sq->texts);
	sq->texts[sq->n_texts++] = (zc_hl_text){ n->text, n->len, kind };
}

/* Depth is bounded by the parser (ZC_QPARSE_MAX_DEPTH). */
static void
collect_texts(search_query *sq, const zc_qnode *n)
{
	switch (n->kind) {
	case ZC_QN_NOT:
		return;
	case ZC_QN_TEXT:
		if (n->field == ZC_FIELD_BODY)
			add_text(sq, n, n->exact ? ZC_HL_EXACT : ZC_HL_WORDS);
		return;
	case ZC_QN_WILDCARD:
		if (n->field == ZC_FIELD_BODY)
			add_text(sq, n, ZC_HL_PREFIX);
		return;
	case ZC_QN_AND:
	case ZC_QN_OR:
	case ZC_QN_NEAR:
		for (size_t i = 0; i < n->nkids; i++)
			collect_texts(sq, n->kids[i]);
		return;
	default:
		return;
	}
}

zc_status
query_build(zc_analyzer *a, const char *text, size_t len,
    search_query *out, zc_buf *msg)
{
	zc_qerror qerr;
	zc_error err = {0};
	zc_qtree *tree = NULL;
	zc_status st;

	memset(out, 0, sizeof *out);
	memset(&qerr, 0, sizeof qerr);
	st = zc_qparse(text, len, &tree, &qerr);
	if (st != ZC_OK) {
		zc_qparse_format_error(text, len, &qerr, msg);
		return st;
	}
	out->tree = tree;
	collect_texts(out, tree->root);
	st = zc_qbuild(a, tree->root, NULL, &out->q, &err);
	if (st != ZC_OK) {
		zc_buf_printf(msg, "query: %s", err.msg);
		query_free(out);
		return st == ZC_EINVAL ? ZC_EXAPIAN : st;
	}
	return ZC_OK;
}

void
query_free(search_query *sq)
{
	zc_query_free(sq->q);
	free(sq->texts);
	zc_qtree_free(sq->tree);
	memset(sq, 0, sizeof *sq);
}
