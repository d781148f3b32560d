/*
 * terms.c — the term scheme (zc_terms.h, documented in zc_schema.h).
 * Data flow: passage/title/issuer text → norm → units and words → Xapian
 * postings; query text → norm → units and words → Xapian query.
 *
 * Normalised text is cut into units, one position each: every character
 * that is not whitespace (a Han character, a letter, a digit, a mark of
 * punctuation or a symbol), and every run of whitespace between two of
 * them (whitespace between two Han characters is gone already: zc_norm.h).
 * Each unit is a positional term, the field's character prefix + the
 * character (+ " " for whitespace), so that an exact string is the
 * phrase of its units' terms and matches wherever grep finds it after
 * normalisation: inside a number or a Latin word, with its %, its dots
 * and its quotation marks.  Single characters rather than bigrams take
 * the positions: documents are whole files (zc_schema.h), where a
 * character's position list is long and compresses well, while every
 * distinct bigram of a file would cost a position list of its own.
 * Every two units at consecutive positions of one paragraph are also a
 * pair term, boolean and without a position: the filter that spares a
 * phrase reading positions in files that cannot hold it (exact_query).
 * Words of the segmenter that are more than one unit (Han words of two
 * or more characters, covid, 2024年, 70.3%) are added with the word
 * prefix and without a position: they rank, and wildcards expand them.
 *
 * Invariant: index and query build units with the same function, so an
 * exact query is the phrase of the terms its units must have produced
 * in any text that contains it.
 */
#include <stdlib.h>
#include <string.h>

#include "zc_chars.h"
#include "zc_norm.h"
#include "zc_qlist.h"
#include "zc_schema.h"
#include "zc_segment.h"
#include "zc_terms.h"

/* Positions between two paragraphs: more than the widest NEAR window a
 * query is built with (zc_terms.h), so that NEAR never joins two
 * paragraphs. */
#define PARAGRAPH_GAP (ZC_TERMS_MAX_WINDOW + 1)

/* Positions beyond which paragraphs are one position apart instead: a
 * file of millions of tiny paragraphs must not run out of Xapian's 32-bit
 * positions (exact text still never spans two of them). */
#define GAP_BUDGET 0xC0000000u

typedef enum unit_kind { UNIT_CHAR, UNIT_SPACE } unit_kind;

typedef struct unit {
	size_t start, end; /* bytes of the normalised text */
	unit_kind kind;    /* unit i takes relative position i */
} unit;

/* The longest unit: one UTF-8 character. */
#define MAX_UNIT 4

struct zc_analyzer {
	zc_join pending;  /* the join owed to the next text with characters */
	uint32_t last_cp; /* the last normalised character indexed */
	char prev[MAX_UNIT]; /* the text of the unit indexed last */
	size_t prev_len;  /* 0: none, or a paragraph began since */
	unsigned prev_pos; /* its position */
	zc_segmenter *seg;
	zc_norm norm;
	unit *units;
	size_t nunits, units_cap;
	zc_buf term;
};

/* Normalised text cut into units: the analyzer's scratch while indexing,
 * a zc_qtext's own copy for a query. */
typedef struct cut {
	const char *text;
	const unit *units;
	size_t n;
} cut;

struct zc_qtext {
	char *norm;         /* NUL-terminated; owned */
	size_t len;
	unit *units;        /* n_units; owned */
	size_t n_units;
	zc_word *words;     /* n_words, once segmented; owned */
	size_t n_words;
	bool segmented;
};

void
zc_analyzer_free(zc_analyzer *a)
{
	if (a == NULL)
		return;
	zc_segmenter_free(a->seg);
	zc_norm_free(&a->norm);
	free(a->units);
	zc_buf_free(&a->term);
	free(a);
}

zc_status
zc_analyzer_new(const char *lexicon_path, zc_analyzer **out, zc_error *err)
{
	zc_analyzer *a = zc_xcalloc(1, sizeof *a);
	zc_status rc;

	*out = NULL;
	rc = zc_segmenter_new(lexicon_path, &a->seg, err);
	if (rc != ZC_OK) {
		free(a);
		return rc;
	}
	*out = a;
	return ZC_OK;
}

/* ---- units ---------------------------------------------------------- */

static void
add_unit(unit **units, size_t *n, size_t *cap, size_t start, size_t end,
    unit_kind kind)
{
	*units = zc_xgrow(*units, cap, *n + 1, sizeof **units);
	(*units)[*n].start = start;
	(*units)[*n].end = end;
	(*units)[*n].kind = kind;
	(*n)++;
}

/* Cut t[0..len) (normalised) into *units (n of them, the array grown as
 * cap says), one position each.  Whitespace before the first and after
 * the last character takes none. */
static void
cut_units(const char *t, size_t len, unit **units, size_t *n, size_t *cap)
{
	size_t i = 0, space = 0;
	bool in_space = false;

	*n = 0;
	while (i < len) {
		size_t adv, start = i;
		uint32_t cp = zc_utf8_decode(t + i, len - i, &adv);

		i += adv;
		if (zc_chars_is_space(cp)) {
			if (!in_space && *n > 0) {
				space = start;
				in_space = true;
			}
			continue;
		}
		if (in_space)
			add_unit(units, n, cap, space, start, UNIT_SPACE);
		in_space = false;
		add_unit(units, n, cap, start, i, UNIT_CHAR);
	}
}

/* Append prefix + text to out, cut at a character boundary to
 * ZC_MAX_TERM. */
static void
append_term(zc_buf *out, const char *prefix, const char *s, size_t len)
{
	zc_buf_puts(out, prefix);
	zc_buf_append(out, s, zc_utf8_clip(s, len,
	    ZC_MAX_TERM - strlen(prefix)));
}

/* a->term = prefix + text. */
static void
make_term(zc_analyzer *a, const char *prefix, const char *s, size_t len)
{
	zc_buf_reset(&a->term);
	append_term(&a->term, prefix, s, len);
}

/* The text of unit i of c, *len bytes: every whitespace run is one
 * space, as the highlighter and grep on squeezed text see it. */
static const char *
unit_text(const cut *c, size_t i, size_t *len)
{
	const unit *u = &c->units[i];

	if (u->kind == UNIT_SPACE) {
		*len = 1;
		return " ";
	}
	*len = u->end - u->start;
	return c->text + u->start;
}

/* Append prefix + the text of unit i of c to out. */
static void
append_unit_term(zc_buf *out, zc_field field, const cut *c, size_t i)
{
	size_t len;
	const char *s = unit_text(c, i, &len);

	append_term(out, zc_fields[field].char_prefix, s, len);
}

/* Append the pair term of two units at consecutive positions, x then y,
 * to out: the same on both sides, so that a phrase's pairs are terms of
 * every text that holds it. */
static void
append_pair_term(zc_buf *out, zc_field field, const char *x, size_t xlen,
    const char *y, size_t ylen)
{
	zc_buf_puts(out, zc_fields[field].pair_prefix);
	zc_buf_append(out, x, xlen);
	zc_buf_append(out, y, ylen);
}

/* a->term = prefix + the text of unit i of c. */
static void
unit_term(zc_analyzer *a, zc_field field, const cut *c, size_t i)
{
	zc_buf_reset(&a->term);
	append_unit_term(&a->term, field, c, i);
}

/* Index of the first unit of c starting at or after byte b (binary
 * search). */
static size_t
unit_at(const cut *c, size_t b)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->units[mid].start < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A segmenter word worth a ranking term: not punctuation, not one unit
 * (that term exists already), not a single Han character (too common to
 * rank by, and its character term covers it). */
static bool
is_ranking_word(const cut *c, const zc_word *w, size_t *first)
{
	size_t u = unit_at(c, w->start);

	*first = u;
	if (w->kind == ZC_WORD_PUNCT || u >= c->n ||
	    c->units[u].start >= w->end)
		return false;
	if (c->units[u].end >= w->end)
		return false; /* the word is one unit */
	return true;
}

/* Index the unit s[0..len) of field at pos, and the pair it makes with
 * the unit before when that one is at pos - 1. */
static zc_status
add_unit_posting(zc_analyzer *a, zc_xdoc *doc, zc_field field,
    const char *s, size_t len, unsigned pos, zc_error *err)
{
	zc_status rc;

	make_term(a, zc_fields[field].char_prefix, s, len);
	rc = zc_xdoc_add_posting(doc, a->term.data, a->term.len, pos, 1, err);
	if (rc == ZC_OK && a->prev_len > 0 && a->prev_pos + 1 == pos) {
		zc_buf_reset(&a->term);
		append_pair_term(&a->term, field, a->prev, a->prev_len, s,
		    len);
		/* boolean: the document length, and so every weight, stays
		 * what the character terms make it */
		rc = zc_xdoc_add_boolean_term(doc, a->term.data, a->term.len,
		    err);
	}
	if (len > MAX_UNIT)
		len = 0;
	memcpy(a->prev, s, len);
	a->prev_len = len;
	a->prev_pos = pos;
	return rc;
}

/* W + every run of word characters (zc_chars_is_word: a Latin word, a
 * number), without a position, whatever the segmenter made of it: a
 * wildcard expands these, so x* finds the x of x光机 and t* the t of
 * T恤. */
static zc_status
add_runs(zc_analyzer *a, zc_xdoc *doc, const char *wp, const cut *c,
    zc_error *err)
{
	size_t i = 0;

	while (i < c->n) {
		size_t j = i, adv;

		while (j < c->n && c->units[j].kind == UNIT_CHAR &&
		    zc_chars_is_word(zc_utf8_decode(c->text +
		    c->units[j].start, c->units[j].end - c->units[j].start,
		    &adv)))
			j++;
		if (j > i) {
			zc_status rc;

			make_term(a, wp, c->text + c->units[i].start,
			    c->units[j - 1].end - c->units[i].start);
			rc = zc_xdoc_add_term(doc, a->term.data, a->term.len,
			    1, err);
			if (rc != ZC_OK)
				return rc;
		}
		i = j > i ? j : i + 1;
	}
	return ZC_OK;
}

/* Advance *pos past the join between the text indexed last and the
 * next, whose first normalised character is first: a gap before a new
 * paragraph, a whitespace unit where the whitespace between them counts
 * (zc_chars_space_splits on the normalised characters, as zc_norm.h
 * drops it inside one text), nothing otherwise. */
static zc_status
join_texts(zc_analyzer *a, zc_xdoc *doc, zc_field field, zc_join join,
    uint32_t first, unsigned *pos, zc_error *err)
{
	switch (join) {
	case ZC_JOIN_PARAGRAPH:
		*pos += *pos < GAP_BUDGET ? PARAGRAPH_GAP : 1;
		a->prev_len = 0; /* no pair spans two paragraphs */
		return ZC_OK;
	case ZC_JOIN_SPACE:
		if (zc_chars_space_splits(a->last_cp, first))
			return ZC_OK;
		return add_unit_posting(a, doc, field, " ", 1, (*pos)++, err);
	case ZC_JOIN_DIRECT:
		return ZC_OK;
	}
	return ZC_OK;
}

/* The stronger of two joins: a text without characters passes its join
 * on to the next. */
static zc_join
stronger(zc_join x, zc_join y)
{
	if (x == ZC_JOIN_PARAGRAPH || y == ZC_JOIN_PARAGRAPH)
		return ZC_JOIN_PARAGRAPH;
	return x == ZC_JOIN_SPACE || y == ZC_JOIN_SPACE ? ZC_JOIN_SPACE :
	    ZC_JOIN_DIRECT;
}

zc_status
zc_terms_index(zc_analyzer *a, zc_xdoc *doc, zc_field field,
    const char *text, size_t len, zc_join join, unsigned *pos,
    unsigned *start, zc_error *err)
{
	const char *wp = zc_fields[field].word_prefix;
	unsigned base;
	const zc_word *w;
	size_t nw;
	zc_status rc;
	cut c;

	rc = zc_norm_text(text, len, &a->norm, err);
	if (rc != ZC_OK)
		return rc;
	cut_units(a->norm.text, a->norm.len, &a->units, &a->nunits,
	    &a->units_cap);
	c = (cut){ a->norm.text, a->units, a->nunits };
	if (*pos == 0) {
		/* the first text of the field */
		*pos = 1;
		a->pending = ZC_JOIN_DIRECT;
		a->prev_len = 0;
	} else if (a->nunits > 0) {
		rc = join_texts(a, doc, field, stronger(join, a->pending),
		    zc_utf8_first(a->norm.text, a->norm.len), pos, err);
		a->pending = ZC_JOIN_DIRECT;
		if (rc != ZC_OK)
			return rc;
	} else {
		a->pending = stronger(join, a->pending);
	}
	base = *pos;
	if (start != NULL)
		*start = base;
	for (size_t i = 0; i < a->nunits; i++) {
		size_t ulen;
		const char *u = unit_text(&c, i, &ulen);

		rc = add_unit_posting(a, doc, field, u, ulen,
		    base + (unsigned)i, err);
		if (rc != ZC_OK)
			return rc;
	}
	if (a->nunits == 0)
		return ZC_OK;
	a->last_cp = zc_utf8_last(a->norm.text, a->norm.len);
	rc = zc_segment(a->seg, a->norm.text, a->norm.len, &w, &nw, err);
	if (rc != ZC_OK)
		return rc;
	for (size_t i = 0; i < nw; i++) {
		size_t u;

		if (!is_ranking_word(&c, &w[i], &u))
			continue;
		/* Ranking only: exact matching and NEAR run on the
		 * character terms, so a position here would only grow
		 * the index. */
		make_term(a, wp, a->norm.text + w[i].start,
		    w[i].end - w[i].start);
		rc = zc_xdoc_add_term(doc, a->term.data, a->term.len, 1,
		    err);
		if (rc != ZC_OK)
			return rc;
	}
	rc = add_runs(a, doc, wp, &c, err);
	if (rc == ZC_OK)
		*pos = base + (unsigned)a->nunits;
	return rc;
}

/* ---- queries ---------------------------------------------------------- */

zc_status
zc_terms_analyse(zc_analyzer *a, const char *text, size_t len,
    zc_qtext **out, zc_error *err)
{
	zc_qtext *t;
	size_t cap = 0;
	zc_status rc;

	*out = NULL;
	rc = zc_norm_text(text, len, &a->norm, err);
	if (rc != ZC_OK)
		return rc;
	t = zc_xcalloc(1, sizeof *t);
	t->norm = zc_xstrndup(a->norm.text != NULL ? a->norm.text : "",
	    a->norm.len);
	t->len = a->norm.len;
	cut_units(t->norm, t->len, &t->units, &t->n_units, &cap);
	*out = t;
	return ZC_OK;
}

void
zc_qtext_free(zc_qtext *t)
{
	if (t == NULL)
		return;
	free(t->norm);
	free(t->units);
	free(t->words);
	free(t);
}

const char *
zc_qtext_norm(const zc_qtext *t, size_t *len)
{
	*len = t->len;
	return t->norm;
}

zc_status
zc_terms_words(zc_analyzer *a, zc_qtext *t, const zc_word **words,
    size_t *n, zc_error *err)
{
	const zc_word *w;
	size_t nw;
	zc_status rc;

	if (!t->segmented) {
		rc = zc_segment_query(a->seg, t->norm, t->len, &w, &nw, err);
		if (rc != ZC_OK)
			return rc;
		/* the segmenter's words live until its next call */
		t->words = zc_xmalloc((nw ? nw : 1) * sizeof *t->words);
		memcpy(t->words, w, nw * sizeof *w);
		t->n_words = nw;
		t->segmented = true;
	}
	*words = t->words;
	*n = t->n_words;
	return ZC_OK;
}

static cut
cut_of(const zc_qtext *t)
{
	return (cut){ t->norm, t->units, t->n_units };
}

/* The phrase of units [from, to) of c, one position each, of op. */
static zc_status
phrase_query(zc_analyzer *a, zc_field field, const cut *c, size_t from,
    size_t to, zc_qop op, zc_query **out, zc_error *err)
{
	zc_qlist l = ZC_QLIST_INIT;
	zc_status rc = ZC_OK;

	for (size_t i = from; i < to && rc == ZC_OK; i++) {
		zc_query *q;

		unit_term(a, field, c, i);
		rc = zc_query_term(a->term.data, a->term.len, 1,
		    (unsigned)(i - from + 1), &q, err);
		if (rc == ZC_OK)
			zc_qlist_push(&l, q);
	}
	if (rc == ZC_OK)
		return zc_qlist_combine(&l, op, op == ZC_Q_AND ? 0 :
		    (unsigned)(to - from), out, err);
	zc_qlist_free(&l);
	return rc;
}

/*
 * The query for units [from, to) of c as exact contiguous text: the
 * phrase of their terms, filtered by the pair terms of every two of
 * them.  The pairs fail first in the files without the text, before a
 * position is read: the characters of Chinese text are in nearly every
 * file, their position lists long, and a phrase of them was checked
 * position by position in each ("行政处罚" -c, 13 ms on the laws).  Two
 * units are their pair: the AND of their terms carries the weight (a
 * phrase weighs as the sum of its terms), no position is read at all.
 * Title phrases are mostly the title boost, tested on the right of
 * AND_MAYBE for every matching file: there the AND of their rare title
 * terms fails before positions are read (zc_xapian.h).
 */
static zc_status
exact_query(zc_analyzer *a, zc_field field, const cut *c, size_t from,
    size_t to, zc_query **out, zc_error *err)
{
	zc_qlist l = ZC_QLIST_INIT;
	zc_query *q = NULL;
	zc_qop op = to - from == 2 ? ZC_Q_AND : field == ZC_FIELD_TITLE ?
	    ZC_Q_PHRASE_AND : ZC_Q_PHRASE;
	zc_status rc;

	*out = NULL;
	rc = phrase_query(a, field, c, from, to, op, &q, err);
	if (rc != ZC_OK || to - from < 2) {
		*out = q;
		return rc;
	}
	zc_qlist_push(&l, q);
	for (size_t i = from; i + 1 < to && rc == ZC_OK; i++) {
		size_t xlen, ylen;
		const char *x = unit_text(c, i, &xlen);
		const char *y = unit_text(c, i + 1, &ylen);

		zc_buf_reset(&a->term);
		append_pair_term(&a->term, field, x, xlen, y, ylen);
		rc = zc_query_term(a->term.data, a->term.len, 1, 0, &q, err);
		if (rc == ZC_OK)
			zc_qlist_push(&l, q);
	}
	if (rc == ZC_OK)
		return zc_qlist_combine(&l, ZC_Q_FILTER, 0, out, err);
	zc_qlist_free(&l);
	return rc;
}

/* OR of the ranking words of the normalised query (NULL when none). */
static zc_status
ranking_query(zc_analyzer *a, zc_field field, const cut *c,
    const zc_word *w, size_t nw, zc_query **out, zc_error *err)
{
	const char *wp = zc_fields[field].word_prefix;
	zc_qlist l = { NULL, 0, 0 };
	zc_status rc = ZC_OK;

	*out = NULL;
	for (size_t i = 0; i < nw && rc == ZC_OK; i++) {
		size_t u;
		zc_query *q;

		if (!is_ranking_word(c, &w[i], &u))
			continue;
		make_term(a, wp, c->text + w[i].start, w[i].end - w[i].start);
		rc = zc_query_term(a->term.data, a->term.len, 1,
		    (unsigned)u + 1, &q, err);
		if (rc == ZC_OK)
			zc_qlist_push(&l, q);
	}
	if (rc == ZC_OK && l.n > 0)
		rc = zc_qlist_combine(&l, ZC_Q_OR, 0, out, err);
	zc_qlist_free(&l);
	return rc;
}

/* AND of the exact queries of the words of c that are more than one
 * unit: bare text matched by its words, anywhere in the field, never by
 * single characters (match-nothing when it has no such word). */
static zc_status
words_query(zc_analyzer *a, zc_field field, const cut *c,
    const zc_word *w, size_t nw, zc_query **out, zc_error *err)
{
	zc_qlist l = { NULL, 0, 0 };
	zc_status rc = ZC_OK;

	*out = NULL;
	for (size_t i = 0; i < nw && rc == ZC_OK; i++) {
		size_t from, to;
		zc_query *q;

		if (!is_ranking_word(c, &w[i], &from))
			continue;
		to = from;
		while (to < c->n && c->units[to].start < w[i].end)
			to++;
		rc = exact_query(a, field, c, from, to, &q, err);
		if (rc == ZC_OK)
			zc_qlist_push(&l, q);
	}
	if (rc == ZC_OK && l.n == 0)
		rc = zc_query_match_nothing(out, err);
	else if (rc == ZC_OK)
		rc = zc_qlist_combine(&l, ZC_Q_AND, 0, out, err);
	zc_qlist_free(&l);
	return rc;
}

zc_status
zc_terms_query(zc_analyzer *a, zc_field field, zc_qtext *t,
    zc_match how, zc_query **out, zc_error *err)
{
	zc_query *match = NULL, *rank = NULL;
	const zc_word *w = NULL;
	size_t nw = 0;
	cut c = cut_of(t);
	zc_status rc = ZC_OK;

	*out = NULL;
	if (c.n == 0)
		return zc_query_match_nothing(out, err);
	/* Quoted text needs no words, nor does one unit: its term is all
	 * there is to rank by. */
	if (how != ZC_MATCH_EXACT && c.n > 1) {
		rc = zc_terms_words(a, t, &w, &nw, err);
		if (rc != ZC_OK)
			return rc;
	}
	if (how == ZC_MATCH_WORDS && c.n > 1)
		rc = words_query(a, field, &c, w, nw, &match, err);
	else
		rc = exact_query(a, field, &c, 0, c.n, &match, err);
	if (rc == ZC_OK)
		rc = ranking_query(a, field, &c, w, nw, &rank, err);
	if (rc == ZC_OK && rank != NULL) {
		zc_query *both[2] = { match, rank };

		rc = zc_query_combine(ZC_Q_AND_MAYBE, both, 2, 0, out, err);
	} else if (rc == ZC_OK) {
		*out = match;
		match = NULL;
	}
	zc_query_free(match);
	zc_query_free(rank);
	return rc;
}

zc_status
zc_terms_has_words(zc_analyzer *a, zc_qtext *t, bool *out, zc_error *err)
{
	const zc_word *w;
	size_t nw, n = 0, first = 0;
	cut c = cut_of(t);
	zc_status rc;

	*out = false;
	if (c.n < 2)
		return ZC_OK;
	rc = zc_terms_words(a, t, &w, &nw, err);
	if (rc != ZC_OK)
		return rc;
	for (size_t i = 0; i < nw; i++) {
		size_t u;

		if (is_ranking_word(&c, &w[i], &u)) {
			first = n == 0 ? i : first;
			n++;
		}
	}
	/* one word that is the whole text falls back to itself */
	*out = n > 1 || (n == 1 && (unit_at(&c, w[first].start) > 0 ||
	    w[first].end < c.units[c.n - 1].end));
	return ZC_OK;
}

void
zc_terms_anchor(const zc_qtext *t, zc_field field, zc_buf *term,
    unsigned *width)
{
	*width = (unsigned)t->n_units;
	if (t->n_units > 0)
		zc_terms_unit(t, field, 0, term);
}

size_t
zc_terms_units(const zc_qtext *t)
{
	return t->n_units;
}

void
zc_terms_unit(const zc_qtext *t, zc_field field, size_t i, zc_buf *term)
{
	cut c = cut_of(t);

	append_unit_term(term, field, &c, i);
}
