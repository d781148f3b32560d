/*
 * qbuild.c — syntax tree → Xapian query (zc_qbuild.h).  Data flow:
 * query → parse (qparse.c) → here → search → hits → print.
 *
 * Invariants: every zc_query made here is freed on every path (the
 * combinators copy their arguments); recursion follows the tree, whose
 * depth the parser bounds; filters never add weight.  Exact field and
 * path terms, and the paths themselves, come from the functions the
 * indexer uses (zc_fieldterm.h, zc_path.h), so both sides agree by
 * construction.
 */
#include "zc_qbuild.h"

#include <stdlib.h>
#include <string.h>

#include "zc_fieldterm.h"
#include "zc_norm.h"
#include "zc_path.h"
#include "zc_qlist.h"
#include "zc_schema.h"

/* What every builder function reads: the analyzer and the analyses of
 * the tree's texts. */
typedef struct build_ctx {
	zc_analyzer *a;
	const zc_qtexts *texts;
} build_ctx;

/* a op b, freeing both. */
static zc_status
combine2(zc_qop op, zc_query *a, zc_query *b, zc_query **out, zc_error *err)
{
	zc_qlist l = { NULL, 0, 0 };

	zc_qlist_push(&l, a);
	zc_qlist_push(&l, b);
	return zc_qlist_combine(&l, op, 0, out, err);
}

/* ---- exact field values and paths ------------------------------------- */

static zc_status
term_query(const zc_buf *t, zc_query **out, zc_error *err)
{
	return zc_query_term(t->data, t->len, 1, 0, out, err);
}

static zc_status
field_query(const zc_qnode *n, zc_query **out, zc_error *err)
{
	zc_buf t = { 0 };
	zc_status rc;

	zc_fieldterm_exact(n->field, n->text, n->len, &t);
	rc = term_query(&t, out, err);
	zc_buf_free(&t);
	return rc;
}

static zc_status
path_query(const zc_qnode *n, const zc_qbuild_opts *o, zc_query **out,
    zc_error *err)
{
	zc_buf path = { 0 }, t = { 0 };
	zc_query *a = NULL, *b = NULL;
	zc_path_kind kind;
	zc_error why = { 0 };
	zc_status rc;

	rc = zc_path_resolve(n->text, n->len, o->cwd, &path, &kind, &why);
	if (rc != ZC_OK) {
		rc = zc_fail(err, rc, "path:%.*s: %s", (int)n->len, n->text,
		    why.msg);
	} else if (kind != ZC_PATH_FILE) {
		zc_fieldterm_dir(path.data, path.len, &t);
		rc = term_query(&t, out, err);
	} else {
		zc_fieldterm_file_path(path.data, path.len, &t);
		rc = term_query(&t, &a, err);
		zc_buf_reset(&t);
		zc_fieldterm_file_id(path.data, &t);
		if (rc == ZC_OK)
			rc = term_query(&t, &b, err);
		if (rc == ZC_OK)
			rc = combine2(ZC_Q_OR, a, b, out, err);
		else
			zc_query_free(a);
	}
	zc_buf_free(&path);
	zc_buf_free(&t);
	return rc;
}

/* ---- text, wildcards, NEAR ---------------------------------------------- */

/* Weight of a title typed whole (the U term, zc_fieldterm_title) over
 * its BM25 weight: a known-item search for a title must put the document
 * of that title before the many that cite it. */
#define WHOLE_TITLE_BOOST 10.0

/* The U term of text t, scaled, or NULL when t has none. */
static zc_status
whole_title_query(const zc_qnode *n, zc_query **out, zc_error *err)
{
	zc_buf t[2] = { { 0 }, { 0 } };
	zc_query *q = NULL;
	size_t nt;
	zc_status rc;

	*out = NULL;
	rc = zc_fieldterm_title(n->text, n->len, false, t, &nt, err);
	if (rc == ZC_OK && nt > 0)
		rc = zc_query_term(t[0].data, t[0].len, 1, 0, &q, err);
	if (rc == ZC_OK && q != NULL) {
		rc = zc_query_scale(q, WHOLE_TITLE_BOOST, out, err);
		zc_query_free(q);
	}
	zc_buf_free(&t[0]);
	zc_buf_free(&t[1]);
	return rc;
}

static zc_status
text_query(const build_ctx *c, const zc_qnode *n, const zc_qbuild_opts *o,
    zc_query **out, zc_error *err)
{
	zc_query *body = NULL, *title = NULL, *scaled = NULL, *whole = NULL;
	zc_qtext *t = zc_qtexts_find(c->texts, n);
	zc_match how = n->exact ? ZC_MATCH_EXACT : o->words ?
	    ZC_MATCH_WORDS : ZC_MATCH_TYPED;
	zc_status rc;

	rc = zc_terms_query(c->a, n->field, t, how, &body, err);
	if (rc != ZC_OK || n->field != ZC_FIELD_BODY || o->title_boost <= 0) {
		*out = body;
		return rc;
	}
	rc = zc_terms_query(c->a, ZC_FIELD_TITLE, t, how, &title, err);
	if (rc == ZC_OK)
		rc = zc_query_scale(title, o->title_boost, &scaled, err);
	zc_query_free(title);
	if (rc == ZC_OK)
		rc = whole_title_query(n, &whole, err);
	if (rc != ZC_OK) {
		zc_query_free(body);
		zc_query_free(scaled);
		return rc;
	}
	/* The title is text of the document too, also when it is only in
	 * <title> or a <meta> tag: it matches as the body does, and ranks
	 * higher; the title typed whole ranks highest.  The whole title
	 * implies the title match, so it only adds weight. */
	rc = combine2(ZC_Q_OR, body, scaled, out, err);
	if (rc == ZC_OK && whole != NULL)
		rc = combine2(ZC_Q_AND_MAYBE, *out, whole, out, err);
	else
		zc_query_free(whole);
	return rc;
}

/* The prefix (Latin letters and digits, zc_qparse.h) in its analysed,
 * normalised form (zc_terms.h), as the words of the index are: ＴＥＣＨ*
 * and Tech* find technology. */
static zc_status
wildcard_query(const build_ctx *c, const zc_qnode *n,
    const zc_qbuild_opts *o, zc_query **out, zc_error *err)
{
	zc_buf t = { 0 };
	const char *prefix;
	size_t len;
	zc_status rc;

	prefix = zc_qtext_norm(zc_qtexts_find(c->texts, n), &len);
	zc_buf_puts(&t, zc_fields[n->field].word_prefix);
	zc_buf_append(&t, prefix, len);
	rc = zc_query_wildcard(t.data, o->wildcard_max, out, err);
	zc_buf_free(&t);
	return rc;
}

/* NEAR of the anchors of texts (wildcards and texts without an anchor
 * take no part), within window positions between them; *out NULL when
 * fewer than two texts have an anchor. */
static zc_status
near_of(const build_ctx *c, zc_qnode *const *kids, size_t nkids,
    unsigned window, zc_query **out, zc_error *err)
{
	zc_qlist l = { NULL, 0, 0 };
	zc_buf t = { 0 };
	unsigned width, total = 0;
	zc_query *q;
	zc_status rc = ZC_OK;
	size_t i;

	*out = NULL;
	for (i = 0; i < nkids && rc == ZC_OK; i++) {
		if (kids[i]->kind != ZC_QN_TEXT)
			continue;
		zc_buf_reset(&t);
		zc_terms_anchor(zc_qtexts_find(c->texts, kids[i]),
		    kids[i]->field, &t, &width);
		if (t.len == 0)
			continue;
		rc = term_query(&t, &q, err);
		if (rc == ZC_OK) {
			zc_qlist_push(&l, q);
			total += width;
		}
	}
	zc_buf_free(&t);
	/* never wider than a paragraph gap: NEAR/1000 of long texts stays
	 * inside one paragraph */
	if (window + total > ZC_TERMS_MAX_WINDOW)
		total = window > ZC_TERMS_MAX_WINDOW ? 0 :
		    ZC_TERMS_MAX_WINDOW - window;
	if (rc == ZC_OK && l.n >= 2)
		return zc_qlist_combine(&l, ZC_Q_NEAR, window + total, out, err);
	zc_qlist_free(&l);
	return rc;
}

/* ---- the tree ------------------------------------------------------------ */

static zc_status build(const build_ctx *c, const zc_qnode *n,
    const zc_qbuild_opts *o, zc_query **out, zc_error *err);

/* The queries of n's children, into l (left empty on failure). */
static zc_status
build_kids(const build_ctx *c, const zc_qnode *n, const zc_qbuild_opts *o,
    zc_qlist *l, zc_error *err)
{
	zc_status rc = ZC_OK;
	zc_query *q;

	for (size_t i = 0; i < n->nkids && rc == ZC_OK; i++) {
		rc = build(c, n->kids[i], o, &q, err);
		if (rc == ZC_OK)
			zc_qlist_push(l, q);
	}
	if (rc != ZC_OK)
		zc_qlist_free(l);
	return rc;
}

static zc_status
near_query(const build_ctx *c, const zc_qnode *n, const zc_qbuild_opts *o,
    zc_query **out, zc_error *err)
{
	zc_qlist l = ZC_QLIST_INIT;
	zc_query *all, *near;
	zc_status rc;

	rc = build_kids(c, n, o, &l, err);
	if (rc != ZC_OK)
		return rc;
	rc = zc_qlist_combine(&l, ZC_Q_AND, 0, &all, err);
	if (rc == ZC_OK)
		rc = near_of(c, n->kids, n->nkids, n->window, &near, err);
	if (rc != ZC_OK) {
		zc_query_free(all);
		return rc;
	}
	if (near == NULL) {
		*out = all;
		return ZC_OK;
	}
	return combine2(ZC_Q_FILTER, all, near, out, err);
}

static bool
is_filter(const zc_qnode *n)
{
	size_t i;

	switch (n->kind) {
	case ZC_QN_DATE:
	case ZC_QN_FIELD:
	case ZC_QN_PATH:
		return true;
	case ZC_QN_AND:
	case ZC_QN_OR:
	case ZC_QN_NOT:
		for (i = 0; i < n->nkids; i++)
			if (!is_filter(n->kids[i]))
				return false;
		return true;
	default:
		return false;
	}
}

static zc_status
and_query(const build_ctx *c, const zc_qnode *n, const zc_qbuild_opts *o,
    zc_query **out, zc_error *err)
{
	zc_qlist score = { NULL, 0, 0 }, filter = { NULL, 0, 0 };
	zc_qlist neg = { NULL, 0, 0 };
	zc_qnode **bare = zc_xcalloc(n->nkids, sizeof *bare);
	zc_query *q = NULL, *base = NULL, *f = NULL, *prox = NULL;
	size_t i, nbare = 0;
	zc_status rc = ZC_OK;

	for (i = 0; i < n->nkids && rc == ZC_OK; i++) {
		const zc_qnode *k = n->kids[i];

		if (k->kind == ZC_QN_NOT) {
			rc = build(c, k->kids[0], o, &q, err);
			if (rc == ZC_OK)
				zc_qlist_push(&neg, q);
			continue;
		}
		rc = build(c, k, o, &q, err);
		if (rc != ZC_OK)
			break;
		if (is_filter(k)) {
			zc_qlist_push(&filter, q);
		} else {
			zc_qlist_push(&score, q);
			if (k->kind == ZC_QN_TEXT && k->field == ZC_FIELD_BODY)
				bare[nbare++] = n->kids[i];
		}
	}
	if (rc == ZC_OK && score.n > 0 && o->proximity > 0 && nbare >= 2)
		rc = near_of(c, bare, nbare, o->proximity, &prox, err);
	free(bare);
	if (rc != ZC_OK)
		goto fail;
	if (score.n > 0) {
		rc = zc_qlist_combine(&score, ZC_Q_AND, 0, &base, err);
		if (rc == ZC_OK && prox != NULL) {
			rc = combine2(ZC_Q_AND_MAYBE, base, prox, &base, err);
			prox = NULL;
		}
		if (rc != ZC_OK)
			goto fail;
	}
	if (filter.n > 0) {
		rc = zc_qlist_combine(&filter, ZC_Q_AND, 0, &f, err);
		if (rc == ZC_OK && base != NULL) {
			rc = combine2(ZC_Q_FILTER, base, f, &base, err);
		} else if (rc == ZC_OK) {
			rc = zc_query_scale(f, 0, &base, err);
			zc_query_free(f);
		}
		if (rc != ZC_OK)
			goto fail;
	}
	if (neg.n > 0) {
		if (base == NULL)
			rc = zc_query_match_all(&base, err);
		if (rc == ZC_OK)
			rc = zc_qlist_combine(&neg, ZC_Q_OR, 0, &q, err);
		if (rc == ZC_OK)
			rc = combine2(ZC_Q_AND_NOT, base, q, &base, err);
		if (rc != ZC_OK)
			goto fail;
	}
	*out = base;
	return ZC_OK;
fail:
	zc_query_free(base);
	zc_query_free(prox);
	zc_qlist_free(&score);
	zc_qlist_free(&filter);
	zc_qlist_free(&neg);
	*out = NULL;
	return rc;
}

static zc_status
build(const build_ctx *c, const zc_qnode *n, const zc_qbuild_opts *o,
    zc_query **out, zc_error *err)
{
	zc_qlist l = ZC_QLIST_INIT;
	zc_query *q, *all;
	zc_status rc = ZC_OK;

	*out = NULL;
	switch (n->kind) {
	case ZC_QN_AND:
		return and_query(c, n, o, out, err);
	case ZC_QN_OR:
		rc = build_kids(c, n, o, &l, err);
		if (rc != ZC_OK)
			return rc;
		return zc_qlist_combine(&l, ZC_Q_OR, 0, out, err);
	case ZC_QN_NOT:
		rc = build(c, n->kids[0], o, &q, err);
		if (rc != ZC_OK)
			return rc;
		rc = zc_query_match_all(&all, err);
		if (rc != ZC_OK) {
			zc_query_free(q);
			return rc;
		}
		return combine2(ZC_Q_AND_NOT, all, q, out, err);
	case ZC_QN_NEAR:
		return near_query(c, n, o, out, err);
	case ZC_QN_TEXT:
		return text_query(c, n, o, out, err);
	case ZC_QN_WILDCARD:
		return wildcard_query(c, n, o, out, err);
	case ZC_QN_DATE:
		return zc_query_value_range(zc_fields[n->field].slot,
		    n->lo[0] ? n->lo : NULL, n->hi[0] ? n->hi : NULL, out, err);
	case ZC_QN_FIELD:
		return field_query(n, out, err);
	case ZC_QN_PATH:
		return path_query(n, o, out, err);
	}
	return zc_fail(err, ZC_EINVAL, "unknown query node");
}

zc_status
zc_qbuild(zc_analyzer *a, const zc_qnode *root, const zc_qtexts *texts,
    const zc_qbuild_opts *opts, zc_query **out, zc_error *err)
{
	static const zc_qbuild_opts defaults = ZC_QBUILD_OPTS_INIT;
	build_ctx c = { a, texts };

	*out = NULL;
	return build(&c, root, opts != NULL ? opts : &defaults, out, err);
}

/* ---- the texts, analysed once ------------------------------------------ */

typedef struct text_of {
	const zc_qnode *node;
	zc_qtext *text; /* owned */
} text_of;

struct zc_qtexts {
	text_of *of;
	size_t n, cap;
};

/* Depth is bounded by the parser (ZC_QPARSE_MAX_DEPTH). */
static zc_status
analyse(zc_analyzer *a, const zc_qnode *n, zc_qtexts *t, zc_error *err)
{
	zc_qtext *q;
	zc_status rc = ZC_OK;

	if (n->kind != ZC_QN_TEXT && n->kind != ZC_QN_WILDCARD) {
		for (size_t i = 0; i < n->nkids && rc == ZC_OK; i++)
			rc = analyse(a, n->kids[i], t, err);
		return rc;
	}
	rc = zc_terms_analyse(a, n->text, n->len, &q, err);
	if (rc != ZC_OK)
		return rc;
	t->of = zc_xgrow(t->of, &t->cap, t->n + 1, sizeof *t->of);
	t->of[t->n++] = (text_of){ n, q };
	return ZC_OK;
}

zc_status
zc_qbuild_analyse(zc_analyzer *a, const zc_qnode *root, zc_qtexts **out,
    zc_error *err)
{
	zc_qtexts *t = zc_xcalloc(1, sizeof *t);
	zc_status rc = analyse(a, root, t, err);

	if (rc != ZC_OK) {
		zc_qtexts_free(t);
		t = NULL;
	}
	*out = t;
	return rc;
}

/* A tree has at most ZC_QPARSE_MAX_TERMS texts: a linear search costs
 * less than the query it serves. */
zc_qtext *
zc_qtexts_find(const zc_qtexts *t, const zc_qnode *n)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->of[i].node == n)
			return t->of[i].text;
	return NULL;
}

void
zc_qtexts_free(zc_qtexts *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->n; i++)
		zc_qtext_free(t->of[i].text);
	free(t->of);
	free(t);
}
