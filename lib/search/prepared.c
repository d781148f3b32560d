/*
 * prepared.c — query text → prepared query (zc_prepared.h).  Data flow:
 * text → parse (qparse.c) → analyse (qbuild.c, terms.c) → build
 * (qbuild.c) → here; the same analyses → highlight texts, anchors,
 * highlighter → the search's picker (search.c).
 *
 * Invariants: every text of the query is normalised and segmented once,
 * in its analysis (zc_qtexts), which lives as long as the prepared
 * query, as does the tree the texts point into.
 */
#include "zc_prepared.h"

#include <stdlib.h>
#include <string.h>

#include "zc_qbuild.h"
#include "zc_qparse.h"

struct zc_prepared {
	zc_analyzer *a;      /* borrowed */
	zc_qtree *tree;
	zc_qtexts *texts;    /* analyses of the tree's texts */
	zc_query *q;
	zc_hl_text *hl_text; /* n_hl texts to highlight */
	size_t n_hl, cap_hl;
	zc_picker picker;
	bool has_picker;
	bool words;          /* bare texts match by their words (fallback) */
};

static void
add_hl_text(zc_prepared *p, const zc_qnode *n, zc_hl_kind kind)
{
	p->hl_text = zc_xgrow(p->hl_text, &p->cap_hl, p->n_hl + 1,
	    sizeof *p->hl_text);
	p->hl_text[p->n_hl++] = (zc_hl_text){ zc_qtexts_find(p->texts, n),
	    kind };
}

/* Depth is bounded by the parser (ZC_QPARSE_MAX_DEPTH). */
static void
collect_hl_texts(zc_prepared *p, const zc_qnode *n)
{
	switch (n->kind) {
	case ZC_QN_NOT:
		return;
	case ZC_QN_TEXT:
		/* bare text shows where it occurs as typed, unless the
		 * search took its words apart */
		if (n->field == ZC_FIELD_BODY)
			add_hl_text(p, n, !n->exact && p->words ?
			    ZC_HL_WORDS : ZC_HL_EXACT);
		return;
	case ZC_QN_WILDCARD:
		if (n->field == ZC_FIELD_BODY)
			add_hl_text(p, n, ZC_HL_PREFIX);
		return;
	case ZC_QN_AND:
	case ZC_QN_OR:
	case ZC_QN_NEAR:
		for (size_t i = 0; i < n->nkids; i++)
			collect_hl_texts(p, n->kids[i]);
		return;
	default:
		return;
	}
}

zc_status
zc_prepared_new(zc_analyzer *a, const char *text, size_t len,
    unsigned flags, zc_prepared **out, zc_buf *msg)
{
	zc_prepared *p;
	zc_qerror qerr;
	zc_error err = {0};
	zc_qtree *tree = NULL;
	zc_qbuild_opts opts = ZC_QBUILD_OPTS_INIT;
	zc_status st;

	*out = NULL;
	memset(&qerr, 0, sizeof qerr);
	st = flags & ZC_PREPARE_LITERAL ?
	    zc_qparse_literal(text, len, &tree, &qerr) :
	    zc_qparse(text, len, &tree, &qerr);
	if (st != ZC_OK) {
		zc_qparse_format_error(text, len, &qerr, msg);
		return st;
	}
	p = zc_xcalloc(1, sizeof *p);
	p->a = a;
	p->tree = tree;
	p->words = (flags & ZC_PREPARE_WORDS) != 0;
	st = zc_qbuild_analyse(a, tree->root, &p->texts, &err);
	opts.words = p->words;
	if (st == ZC_OK)
		st = zc_qbuild(a, tree->root, p->texts, &opts, &p->q, &err);
	if (st != ZC_OK) {
		zc_buf_printf(msg, "query: %s", err.msg);
		zc_prepared_free(p);
		return st == ZC_EINVAL ? ZC_EXAPIAN : st;
	}
	collect_hl_texts(p, tree->root);
	*out = p;
	return ZC_OK;
}

/* Has a bare text of the body under n, not negated, words to look for
 * apart?  Depth is bounded by the parser. */
static zc_status
bare_has_words(zc_prepared *p, const zc_qnode *n, bool *out, zc_error *err)
{
	zc_status st = ZC_OK;

	switch (n->kind) {
	case ZC_QN_TEXT:
		if (n->field == ZC_FIELD_BODY && !n->exact)
			st = zc_terms_has_words(p->a, zc_qtexts_find(p->texts,
			    n), out, err);
		return st;
	case ZC_QN_AND:
	case ZC_QN_OR:
	case ZC_QN_NEAR:
		for (size_t i = 0; i < n->nkids && st == ZC_OK && !*out; i++)
			st = bare_has_words(p, n->kids[i], out, err);
		return st;
	default:
		return ZC_OK;
	}
}

zc_status
zc_prepared_has_fallback(zc_prepared *p, bool *out, zc_error *err)
{
	*out = false;
	return bare_has_words(p, p->tree->root, out, err);
}

static void
free_picker(zc_picker *pk)
{
	for (size_t i = 0; i < pk->n; i++) {
		free(pk->anchor[i]);
		for (size_t k = 0; k < pk->n_followers[i]; k++)
			free(pk->follower[i][k]);
	}
	free(pk->anchor);
	zc_highlighter_free(pk->hl);
	memset(pk, 0, sizeof *pk);
}

void
zc_prepared_free(zc_prepared *p)
{
	if (p == NULL)
		return;
	free_picker(&p->picker);
	free(p->hl_text);
	zc_query_free(p->q);
	zc_qtexts_free(p->texts);
	zc_qtree_free(p->tree);
	free(p);
}

const zc_query *
zc_prepared_query(const zc_prepared *p)
{
	return p->q;
}

zc_status
zc_prepared_picker(zc_prepared *p, const zc_picker **out, zc_error *err)
{
	zc_picker *pk = &p->picker;
	zc_status st;

	*out = NULL;
	if (!p->has_picker) {
		/* Highlights split bare text into the words the search
		 * looked for: the analyzer's own segmenter, same lexicon. */
		st = zc_highlighter_new(p->a, p->hl_text, p->n_hl, &pk->hl,
		    err);
		if (st != ZC_OK)
			return st;
		pk->anchor = zc_xcalloc(p->n_hl ? p->n_hl : 1,
		    sizeof *pk->anchor);
		pk->in_a_row = p->n_hl <= ZC_PICKER_MAX_ANCHORS;
		for (size_t i = 0; i < p->n_hl &&
		    pk->n < ZC_PICKER_MAX_ANCHORS; i++) {
			const zc_qtext *text = p->hl_text[i].text;
			zc_buf t = {0};
			unsigned width;

			if (p->hl_text[i].kind == ZC_HL_PREFIX) {
				pk->unanchored = true;
				continue;
			}
			/* words apart match anywhere, not in a row */
			pk->in_a_row &= p->hl_text[i].kind == ZC_HL_EXACT;
			zc_terms_anchor(text, ZC_FIELD_BODY, &t, &width);
			if (t.len == 0) {
				pk->in_a_row = false;
				zc_buf_free(&t);
				continue;
			}
			for (size_t k = 1; k < zc_terms_units(text) &&
			    k <= ZC_PICKER_MAX_FOLLOWERS; k++) {
				zc_buf f = {0};

				zc_terms_unit(text, ZC_FIELD_BODY, k, &f);
				pk->follower[pk->n][k - 1] = zc_buf_steal(&f);
				pk->n_followers[pk->n] = k;
			}
			pk->anchor[pk->n++] = zc_buf_steal(&t);
		}
		pk->in_a_row &= !pk->unanchored;
		p->has_picker = true;
	}
	*out = pk;
	return ZC_OK;
}
