/*
 * highlight.c — the spans of a passage that a query's texts match
 * (zc_highlight.h).  Data flow: hits (search.c) → here → printers.
 *
 * Invariants: matching compares normalised code points only (zc_norm.h
 * on the passage and on every text), so what is highlighted is what the
 * search matched, 科技創新 included; marks are set on the normalised
 * passage, joined into runs, and each run goes back through the
 * normaliser's map to the original text, where runs are merged again
 * (two normalised runs may come from one original character).  Space
 * is the index's own class (zc_chars.h), a run of it matched by one
 * space; exact text may start and end inside a word, as the search
 * finds it there; a prefix starts a word.
 */
#include "zc_highlight.h"

#include <stdlib.h>
#include <string.h>

#include "zc_chars.h"
#include "zc_norm.h"

typedef enum pat_kind {
	PAT_EXACT,   /* contiguous, whitespace runs equal */
	PAT_PREFIX   /* contiguous, starting a word */
} pat_kind;

typedef struct pattern {
	uint32_t *cp; /* normalised code points; owned */
	size_t n;
	pat_kind kind;
} pattern;

struct zc_highlighter {
	pattern *pat;
	size_t n, cap;
	zc_norm norm;     /* scratch: the normalised passage */
	uint32_t *pcp;    /* scratch: its code points */
	size_t pcp_cap;
	bool *mark;       /* scratch: one per normalised code point */
	size_t mark_cap;
};


static void
add_pattern(zc_highlighter *h, const uint32_t *cp, size_t n, pat_kind kind)
{
	pattern *p;

	if (n == 0)
		return;
	h->pat = zc_xgrow(h->pat, &h->cap, h->n + 1, sizeof *h->pat);
	p = &h->pat[h->n++];
	p->cp = zc_xmalloc(n * sizeof *cp);
	memcpy(p->cp, cp, n * sizeof *cp);
	p->n = n;
	p->kind = kind;
}

/* Code points of a normalised string, whitespace runs squeezed to one
 * space and trimmed at both ends. */
static uint32_t *
decode_squeezed(const char *s, size_t len, size_t *n)
{
	uint32_t *cp = zc_xmalloc((len + 1) * sizeof *cp), c;
	size_t i = 0, adv, k = 0;

	while (i < len) {
		c = zc_utf8_decode(s + i, len - i, &adv);
		i += adv;
		if (zc_chars_is_space(c)) {
			if (k > 0 && cp[k - 1] != ' ')
				cp[k++] = ' ';
			continue;
		}
		cp[k++] = c;
	}
	if (k > 0 && cp[k - 1] == ' ')
		k--;
	*n = k;
	return cp;
}

/* Bare text as the search ranks it (zc_terms_query): the words of its
 * analysis that are more than one character, each matched exactly
 * wherever it is; the text as typed is one more pattern. */
static void
add_segmented(zc_highlighter *h, const char *norm, const zc_word *w,
    size_t nw)
{
	size_t ncp;

	for (size_t i = 0; i < nw; i++) {
		uint32_t *cp;

		if (w[i].kind == ZC_WORD_PUNCT)
			continue;
		cp = decode_squeezed(norm + w[i].start, w[i].end - w[i].start,
		    &ncp);
		if (ncp > 1)
			add_pattern(h, cp, ncp, PAT_EXACT);
		free(cp);
	}
}

void
zc_highlighter_free(zc_highlighter *h)
{
	if (h == NULL)
		return;
	for (size_t i = 0; i < h->n; i++)
		free(h->pat[i].cp);
	free(h->pat);
	zc_norm_free(&h->norm);
	free(h->pcp);
	free(h->mark);
	free(h);
}

zc_status
zc_highlighter_new(zc_analyzer *a, const zc_hl_text *texts, size_t n,
    zc_highlighter **out, zc_error *err)
{
	zc_highlighter *h = zc_xcalloc(1, sizeof *h);
	zc_status st = ZC_OK;

	*out = NULL;
	for (size_t t = 0; t < n; t++) {
		size_t norm_len, ncp;
		const char *norm = zc_qtext_norm(texts[t].text, &norm_len);
		uint32_t *cp;

		if (texts[t].kind == ZC_HL_WORDS && a != NULL) {
			const zc_word *w;
			size_t nw;

			st = zc_terms_words(a, texts[t].text, &w, &nw, err);
			if (st != ZC_OK)
				break;
			add_segmented(h, norm, w, nw);
		}
		cp = decode_squeezed(norm, norm_len, &ncp);
		add_pattern(h, cp, ncp, texts[t].kind == ZC_HL_PREFIX ?
		    PAT_PREFIX : PAT_EXACT);
		free(cp);
	}
	if (st != ZC_OK) {
		zc_highlighter_free(h);
		return st;
	}
	*out = h;
	return ZC_OK;
}

void
zc_spans_free(zc_spans *s)
{
	free(s->span);
	memset(s, 0, sizeof *s);
}

/* End of a contiguous match of q at p[i], or 0 when there is none (a
 * match is never empty).  A space of q matches a whitespace run. */
static size_t
match_at(const uint32_t *p, size_t np, size_t i, const uint32_t *q,
    size_t nq)
{
	size_t k = 0;

	if (zc_chars_is_space(p[i]))
		return 0;
	while (k < nq) {
		if (i >= np)
			return 0;
		if (q[k] == ' ') {
			if (!zc_chars_is_space(p[i]))
				return 0;
			while (i < np && zc_chars_is_space(p[i]))
				i++;
			k++;
			continue;
		}
		if (p[i] != q[k])
			return 0;
		i++;
		k++;
	}
	return i;
}

static void
mark_range(bool *mark, size_t start, size_t end)
{
	for (size_t i = start; i < end; i++)
		mark[i] = true;
}

static void
mark_pattern(const pattern *pat, const uint32_t *p, size_t np, bool *mark)
{
	for (size_t i = 0; i < np; i++) {
		size_t end = match_at(p, np, i, pat->cp, pat->n);

		if (end == 0)
			continue;
		if (pat->kind == PAT_PREFIX) {
			/* a prefix starts a word, and the whole word shows */
			if (i > 0 && zc_chars_is_word(p[i - 1]))
				continue;
			while (end < np && zc_chars_is_word(p[end]))
				end++;
		}
		mark_range(mark, i, end);
	}
}

static void
push_span(zc_spans *out, size_t s_cp, size_t e_cp, size_t s_b, size_t e_b)
{
	out->span = zc_xgrow(out->span, &out->cap, out->n + 1,
	    sizeof *out->span);
	out->span[out->n++] = (zc_span){ s_cp, e_cp, s_b, e_b };
}

static int
cmp_span(const void *a, const void *b)
{
	const zc_span *x = a, *y = b;

	if (x->start_cp != y->start_cp)
		return x->start_cp < y->start_cp ? -1 : 1;
	return (x->end_cp > y->end_cp) - (x->end_cp < y->end_cp);
}

/* Two normalised runs may come from overlapping or touching original
 * text (one original character can yield several): sort and merge. */
static void
merge_spans(zc_spans *s)
{
	size_t k = 0;

	if (s->n < 2)
		return;
	qsort(s->span, s->n, sizeof *s->span, cmp_span);
	for (size_t i = 1; i < s->n; i++) {
		zc_span *last = &s->span[k];

		if (s->span[i].start_cp <= last->end_cp) {
			if (s->span[i].end_cp > last->end_cp) {
				last->end_cp = s->span[i].end_cp;
				last->end_byte = s->span[i].end_byte;
			}
		} else {
			s->span[++k] = s->span[i];
		}
	}
	s->n = k + 1;
}

zc_status
zc_highlight(zc_highlighter *h, const char *passage, size_t len,
    zc_spans *out, zc_error *err)
{
	zc_norm *nm = &h->norm;
	size_t np, adv, i, j;
	zc_status st;

	out->n = 0;
	if (h->n == 0 || len == 0)
		return ZC_OK;
	st = zc_norm_text(passage, len, nm, err);
	if (st != ZC_OK)
		return st;
	np = nm->ncp;
	if (np == 0)
		return ZC_OK;
	h->pcp = zc_xgrow(h->pcp, &h->pcp_cap, np, sizeof *h->pcp);
	h->mark = zc_xgrow(h->mark, &h->mark_cap, np, sizeof *h->mark);
	for (i = 0; i < np; i++)
		h->pcp[i] = zc_utf8_decode(nm->text + nm->cp_byte[i],
		    nm->len - nm->cp_byte[i], &adv);
	memset(h->mark, 0, np * sizeof *h->mark);
	for (size_t t = 0; t < h->n; t++)
		mark_pattern(&h->pat[t], h->pcp, np, h->mark);
	for (i = 0; i < np; i = j) {
		size_t s_cp, e_cp, s_b, e_b;

		if (!h->mark[i]) {
			j = i + 1;
			continue;
		}
		for (j = i; j < np && h->mark[j]; j++)
			;
		zc_norm_span_cp(nm, i, j, &s_cp, &e_cp);
		zc_norm_span_byte(nm, i, j, &s_b, &e_b);
		push_span(out, s_cp, e_cp, s_b, e_b);
	}
	merge_spans(out);
	return ZC_OK;
}
