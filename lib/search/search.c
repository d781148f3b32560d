/*
 * search.c — running a prepared query (zc_search.h).  Data flow: query
 * text → prepared query (prepared.c) → here → hits with their spans →
 * zcsearch's printers.
 *
 * Invariants: a result list is a list of documents (one Xapian document
 * per file), each shown by its best passages; a passage is chosen from
 * the positions of the query's anchor terms in the document, mapped to
 * passages by their first positions (read from the record's header),
 * and kept when the highlighter confirms a match there; no passage is
 * highlighted twice, and only the texts of the passages highlighted or
 * shown are read (inflated by their chunks: zc_record.h).
 * Every public call is one attempt function run again from scratch,
 * after zc_db_reopen, when the database changed under it or was
 * compacted into a new generation while it read (zc_db_verify).
 */
#include "zc_search.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zc_record.h"
#include "zc_schema.h"
#include "zc_strset.h"

/* Attempts before giving up on a database that keeps changing: zcindex
 * commits every few seconds at most, a search takes milliseconds. */
#define MAX_ATTEMPTS 5

/* Xapian clamps maxitems and check_at_least to the database size. */
#define ALL UINT_MAX

/* One leg of a result list.  Sorting by date ascending needs two: the
 * dated documents, oldest first, then the undated ones; Xapian sorts an
 * absent value before every other. */
typedef struct leg {
	zc_query *q;    /* owned */
	int sort_slot;
	bool descending;
} leg;

static void
free_legs(leg *legs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		zc_query_free(legs[i].q);
}

static zc_status
make_legs(const zc_query *q, zc_sort sort, leg legs[2], size_t *n,
    zc_error *err)
{
	zc_query *dated = NULL, *pair[2];
	zc_status st;

	*n = 0;
	memset(legs, 0, 2 * sizeof *legs);
	if (sort != ZC_SORT_DATE) {
		st = zc_query_scale(q, 1.0, &legs[0].q, err);
		if (st != ZC_OK)
			return st;
		legs[0].sort_slot = sort == ZC_SORT_RELEVANCE ? -1 :
		    ZC_SLOT_DATE;
		legs[0].descending = true;
		*n = 1;
		return ZC_OK;
	}
	/* "0" sorts below every "YYYYMMDD" and above the absent value. */
	st = zc_query_value_range(ZC_SLOT_DATE, "0", NULL, &dated, err);
	if (st != ZC_OK)
		return st;
	pair[0] = (zc_query *)q;
	pair[1] = dated;
	st = zc_query_combine(ZC_Q_FILTER, pair, 2, 0, &legs[0].q, err);
	if (st == ZC_OK)
		st = zc_query_combine(ZC_Q_AND_NOT, pair, 2, 0, &legs[1].q,
		    err);
	zc_query_free(dated);
	if (st != ZC_OK) {
		free_legs(legs, 2);
		return st;
	}
	legs[0].sort_slot = ZC_SLOT_DATE;
	legs[0].descending = false;
	legs[1].sort_slot = -1;
	*n = 2;
	return ZC_OK;
}

/* ---- choosing passages ------------------------------------------------ */

/* Passages the highlighter finds nothing in before giving up on a
 * document whose anchors scatter (those it confirms do not count, so
 * that --per-doc and --vimgrep show every match of a long document). */
#define MAX_CHECKS 64

_Static_assert(ZC_PICKER_MAX_ANCHORS <= 32,
    "the anchors of a passage are the bits of a uint32_t");

typedef struct candidate {
	size_t passage;
	unsigned texts;  /* distinct anchors in the passage */
	unsigned hits;   /* anchor occurrences */
} candidate;

static int
cmp_candidate(const void *x, const void *y)
{
	const candidate *a = x, *b = y;

	if (a->texts != b->texts)
		return a->texts > b->texts ? -1 : 1;
	if (a->hits != b->hits)
		return a->hits > b->hits ? -1 : 1;
	return a->passage < b->passage ? -1 : a->passage > b->passage;
}

/* The passage whose positions hold pos: the last one starting at or
 * before it. */
static size_t
passage_at(const zc_record_passage *ps, size_t np, unsigned pos)
{
	size_t lo = 0, hi = np;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (ps[mid].pos <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The anchors found in one passage. */
typedef struct tally {
	uint32_t mask; /* bit a: anchor a occurs */
	unsigned hits; /* occurrences of all anchors */
	bool in_a_row; /* an anchor is followed by its followers here */
} tally;

/* Mark the passages where anchor a of p, at one of its positions
 * at[0..n), is followed by each of its followers, position after
 * position: where the text of a can begin. */
static zc_status
mark_rows(const zc_picker *p, size_t a, const zc_mset *ms, size_t i,
    const unsigned *at, size_t n, const zc_record_passage *ps, size_t np,
    tally *t, zc_error *err)
{
	unsigned *pos[ZC_PICKER_MAX_FOLLOWERS] = { NULL };
	size_t n_pos[ZC_PICKER_MAX_FOLLOWERS] = { 0 };
	size_t nf = p->n_followers[a];
	zc_status st = ZC_OK;

	for (size_t f = 0; f < nf && st == ZC_OK; f++)
		st = zc_mset_positions(ms, i, p->follower[a][f],
		    strlen(p->follower[a][f]), &pos[f], &n_pos[f], err);
	for (size_t k = 0; k < n && st == ZC_OK; k++) {
		size_t f = 0;

		while (f < nf && zc_u32_sorted_has(pos[f], n_pos[f],
		    (uint32_t)(at[k] + 1 + f)))
			f++;
		if (f == nf)
			t[passage_at(ps, np, at[k])].in_a_row = true;
	}
	for (size_t f = 0; f < nf; f++)
		free(pos[f]);
	return st;
}

/* Count the anchors of p in each passage of hit i's document. */
static zc_status
count_anchors(const zc_picker *p, const zc_mset *ms, size_t i,
    const zc_record_passage *ps, size_t np, tally *t, zc_error *err)
{
	for (size_t a = 0; a < p->n; a++) {
		unsigned *pos;
		size_t n;
		zc_status st = zc_mset_positions(ms, i, p->anchor[a],
		    strlen(p->anchor[a]), &pos, &n, err);

		if (st != ZC_OK)
			return st;
		for (size_t k = 0; k < n; k++) {
			size_t j = passage_at(ps, np, pos[k]);
			t[j].mask |= (uint32_t)1 << a;
			t[j].hits++;
		}
		if (p->in_a_row)
			st = mark_rows(p, a, ms, i, pos, n, ps, np, t, err);
		free(pos);
		if (st != ZC_OK)
			return st;
	}
	return ZC_OK;
}

/* A passage chosen to be shown, with its spans once they are known. */
typedef struct shown {
	size_t passage;
	zc_spans spans; /* owned */
	bool known;     /* spans computed already */
} shown;

/* Add passage to chosen unless it is there; spans, if not NULL, are its
 * highlights, handed over (*spans becomes empty). */
static void
take(shown *chosen, size_t *n, size_t passage, zc_spans *spans)
{
	static const zc_spans empty = ZC_SPANS_INIT;

	for (size_t k = 0; k < *n; k++)
		if (chosen[k].passage == passage)
			return;
	chosen[*n].passage = passage;
	chosen[*n].spans = empty;
	chosen[*n].known = spans != NULL;
	if (spans != NULL) {
		chosen[*n].spans = *spans;
		*spans = empty;
	}
	(*n)++;
}

/* The best want passages of the document v, best first, into chosen. */
static zc_status
choose(const zc_picker *p, const zc_mset *ms, size_t i, zc_record_view *v,
    const zc_record_passage *ps, size_t want, shown *chosen,
    size_t *n_chosen, zc_error *err)
{
	size_t np = v->n_passages;
	size_t nc = 0, checks = 0;
	tally *t = zc_xcalloc(np ? np : 1, sizeof *t);
	candidate *c = zc_xcalloc(np ? np : 1, sizeof *c);
	zc_spans spans = ZC_SPANS_INIT, none = ZC_SPANS_INIT;
	zc_status st = ZC_OK;
	bool opening_checked = false;

	*n_chosen = 0;
	if (np > 0)
		st = count_anchors(p, ms, i, ps, np, t, err);
	for (size_t j = 0; st == ZC_OK && j < np; j++)
		if (t[j].hits > 0 || p->unanchored)
			c[nc++] = (candidate){ j,
			    (unsigned)__builtin_popcount(t[j].mask), t[j].hits };
	qsort(c, nc, sizeof *c, cmp_candidate);
	/* passages where the highlighter confirms a match, most query texts
	 * first; else the likeliest unconfirmed one; the opening only when
	 * no passage holds an anchor (the title or a field matched) */
	for (size_t k = 0; st == ZC_OK && k < nc && *n_chosen < want &&
	    (checks < MAX_CHECKS || p->unanchored); k++) {
		const char *text;
		size_t len;

		/* no text of the query can begin here: the highlighter
		 * would find nothing (the order and the count of checks
		 * stay what they are, and so does the passage chosen) */
		if (p->in_a_row && !t[c[k].passage].in_a_row) {
			opening_checked |= c[k].passage == 0;
			continue;
		}
		st = zc_record_view_text(v, c[k].passage, &text, &len, err);
		if (st == ZC_OK)
			st = zc_highlight(p->hl, text, len, &spans, err);
		if (st == ZC_OK && spans.n > 0)
			take(chosen, n_chosen, c[k].passage, &spans);
		else
			checks++;
		opening_checked |= c[k].passage == 0;
	}
	/* c[0] was highlighted above, and matched nothing */
	if (st == ZC_OK && *n_chosen == 0 && nc > 0 && c[0].hits > 0)
		take(chosen, n_chosen, c[0].passage, &none);
	if (st == ZC_OK && *n_chosen == 0 && np > 0)
		take(chosen, n_chosen, 0, opening_checked ? &none : NULL);
	zc_spans_free(&spans);
	free(c);
	free(t);
	return st;
}

/* How a document stands in the result list: its rank, the weight it
 * ranks by (its group's best, zc_copies.h) and its group of copies. */
typedef struct standing {
	unsigned rank;
	double score;
	const char *group;    /* its group's key, or NULL */
	unsigned long copies; /* other matching documents of the group */
} standing;

/* Append the hit of passage j of the document v, whose passages are ps
 * (NULL: it has none), with its text (copied) and its spans (handed
 * over). */
static void
push_hit(zc_hits *h, const zc_record_view *v, const zc_record_passage *ps,
    size_t j, const char *text, size_t len, zc_spans *spans,
    const standing *at, zc_docid id)
{
	static const zc_spans empty = ZC_SPANS_INIT;
	const zc_record_passage *p = ps != NULL ? &ps[j] : NULL;
	zc_hit *hit;

	h->hit = zc_xgrow(h->hit, &h->cap, h->n + 1, sizeof *h->hit);
	hit = &h->hit[h->n++];
	memset(hit, 0, sizeof *hit);
	hit->rank = at->rank;
	hit->score = at->score;
	hit->docid = id;
	hit->copies = at->copies;
	hit->group = at->group != NULL ? zc_xstrdup(at->group) : NULL;
	hit->path = zc_xstrndup(v->path, v->path_len);
	hit->line = p != NULL ? p->line : 1;
	hit->passage_no = j;
	hit->paged = zc_doc_format_paged(v->format, v->format_len);
	if (p != NULL && p->n_starts > 0) {
		hit->starts = zc_xmalloc(p->n_starts * sizeof *hit->starts);
		memcpy(hit->starts, p->starts, p->n_starts *
		    sizeof *hit->starts);
		hit->n_starts = p->n_starts;
	}
	hit->passage = zc_xstrndup(text, len);
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		if (v->meta[f] != NULL)
			hit->meta.value[f] = zc_xstrndup(v->meta[f],
			    v->meta_len[f]);
	hit->spans = *spans;
	*spans = empty;
}

/* The best per_doc passages of hit i of ms, as hits that stand at. */
static zc_status
add_doc_hits(const zc_mset *ms, size_t i, const standing *at,
    unsigned per_doc, const zc_picker *picker, zc_hits *h, zc_error *err)
{
	char *data = NULL;
	size_t len = 0, n = 0;
	zc_record_view v = { 0 };
	zc_record_passage *ps = NULL;
	shown *chosen = NULL;
	zc_spans none = ZC_SPANS_INIT;
	zc_status st;

	st = zc_mset_data(ms, i, &data, &len, err);
	if (st == ZC_OK)
		st = zc_record_view_open(data, len, &v, err);
	if (st == ZC_OK) {
		ps = zc_xcalloc(v.n_passages ? v.n_passages : 1, sizeof *ps);
		zc_record_view_passages(&v, ps);
		/* --per-doc may ask for far more passages than there are */
		chosen = zc_xcalloc(per_doc < v.n_passages ? per_doc :
		    v.n_passages + 1, sizeof *chosen);
		st = choose(picker, ms, i, &v, ps, per_doc, chosen, &n, err);
	}
	for (size_t k = 0; st == ZC_OK && k < n; k++) {
		const char *text;
		size_t text_len;

		st = zc_record_view_text(&v, chosen[k].passage, &text,
		    &text_len, err);
		if (st == ZC_OK && !chosen[k].known)
			st = zc_highlight(picker->hl, text, text_len,
			    &chosen[k].spans, err);
		if (st == ZC_OK)
			push_hit(h, &v, ps, chosen[k].passage, text,
			    text_len, &chosen[k].spans, at,
			    zc_mset_docid(ms, i));
	}
	if (st == ZC_OK && n == 0) /* a document without passages */
		push_hit(h, &v, NULL, 0, "", 0, &none, at,
		    zc_mset_docid(ms, i));
	for (size_t k = 0; k < n; k++)
		zc_spans_free(&chosen[k].spans);
	free(chosen);
	free(ps);
	zc_record_view_close(&v);
	free(data);
	return st;
}

/* ---- copies ------------------------------------------------------------ */

#define NO_GROUP SIZE_MAX

/* A group of copies among a page's documents: how many documents of it
 * match, and which one is shown for it. */
typedef struct page_group {
	char *key;          /* owned */
	unsigned long n;    /* matching documents of the group */
	size_t shown;       /* the one shown: its index in page_groups.ms */
	char *shown_when;   /* its 发布日期, else its date; NULL: none */
	char *shown_path;   /* its path, once a tie needed it; owned */
	bool chosen;        /* shown, shown_when and shown_path are set */
	bool alone;         /* the only document of its group in the
	                     * database: nothing to count or choose */
} page_group;

typedef struct page_groups {
	page_group *g;
	size_t n, cap;
	size_t *of_hit;     /* per hit of the mset: its group, or NO_GROUP
	                     * (also for a hit not on the page) */
	zc_mset *ms;        /* the matching documents of these groups */
} page_groups;

static void
page_groups_free(page_groups *pg)
{
	for (size_t k = 0; k < pg->n; k++) {
		free(pg->g[k].key);
		free(pg->g[k].shown_when);
		free(pg->g[k].shown_path);
	}
	free(pg->g);
	free(pg->of_hit);
	zc_mset_free(pg->ms);
	memset(pg, 0, sizeof *pg);
}

static size_t
group_index(const page_groups *pg, const char *key)
{
	for (size_t k = 0; k < pg->n; k++)
		if (strcmp(pg->g[k].key, key) == 0)
			return k;
	return NO_GROUP;
}

/* The value of hit j of ms in slot, NULL when it has none. */
static zc_status
value_or_null(const zc_mset *ms, size_t j, unsigned slot, char **out,
    zc_error *err)
{
	size_t len = 0;
	zc_status st = zc_mset_value(ms, j, slot, out, &len, err);

	if (st == ZC_OK && len == 0) {
		free(*out);
		*out = NULL;
	}
	return st;
}

/* Whether the group key has one document in the database (the term
 * frequency of its H term): most have, and need no search. */
static zc_status
group_alone(zc_db *db, const char *key, bool *out, zc_error *err)
{
	zc_buf t = {0};
	unsigned long freq = 0;
	zc_status st;

	zc_buf_printf(&t, "%s%s", ZC_PREFIX_COPY_GROUP, key);
	st = zc_db_term_freq(db, t.data, t.len, &freq, err);
	*out = freq <= 1;
	zc_buf_free(&t);
	return st;
}

/* The group of each hit of ms on the page (pick[0..n)), into pg, and
 * whether it is alone. */
static zc_status
read_groups(zc_db *db, const zc_mset *ms, const size_t *pick, size_t n,
    page_groups *pg, zc_error *err)
{
	size_t size = zc_mset_size(ms);
	zc_strset *seen = zc_strset_new();
	zc_status st = ZC_OK;

	pg->of_hit = zc_xcalloc(size ? size : 1, sizeof *pg->of_hit);
	for (size_t i = 0; i < size; i++)
		pg->of_hit[i] = NO_GROUP;
	for (size_t p = 0; p < n && st == ZC_OK; p++) {
		size_t i = pick[p];
		char *key = NULL;

		st = value_or_null(ms, i, ZC_SLOT_COPY_GROUP, &key, err);
		if (st != ZC_OK || key == NULL)
			continue;
		if (!zc_strset_add(seen, key, strlen(key))) {
			/* --all-copies: a group twice on the page */
			pg->of_hit[i] = group_index(pg, key);
			free(key);
			continue;
		}
		pg->g = zc_xgrow(pg->g, &pg->cap, pg->n + 1, sizeof *pg->g);
		memset(&pg->g[pg->n], 0, sizeof *pg->g);
		pg->g[pg->n].key = key;
		pg->of_hit[i] = pg->n;
		st = group_alone(db, key, &pg->g[pg->n].alone, err);
		pg->n++;
	}
	zc_strset_free(seen);
	return st;
}

/* q restricted to the documents of pg's groups that are not alone; NULL
 * when every group is. */
static zc_status
groups_query(const zc_query *q, const page_groups *pg, zc_query **out,
    zc_error *err)
{
	zc_query **terms = zc_xcalloc(pg->n, sizeof *terms);
	zc_query *any = NULL, *pair[2];
	zc_buf t = {0};
	zc_status st = ZC_OK;
	size_t n = 0;

	*out = NULL;
	for (size_t k = 0; k < pg->n && st == ZC_OK; k++) {
		if (pg->g[k].alone)
			continue;
		zc_buf_reset(&t);
		zc_buf_printf(&t, "%s%s", ZC_PREFIX_COPY_GROUP, pg->g[k].key);
		st = zc_query_term(t.data, t.len, 1, 0, &terms[n++], err);
	}
	if (n == 0) {
		free(terms);
		zc_buf_free(&t);
		return st;
	}
	if (st == ZC_OK)
		st = zc_query_combine(ZC_Q_OR, terms, n, 0, &any, err);
	pair[0] = (zc_query *)q;
	pair[1] = any;
	if (st == ZC_OK)
		st = zc_query_combine(ZC_Q_FILTER, pair, 2, 0, out, err);
	for (size_t k = 0; k < n; k++)
		zc_query_free(terms[k]);
	free(terms);
	zc_query_free(any);
	zc_buf_free(&t);
	return st;
}

/* How a document published or dated when (NULL: neither) compares
 * with the one g shows: below 0 it shows better (published first, a
 * date before none), above 0 worse, 0 a tie. */
static int
compare_when(const page_group *g, const char *when)
{
	if ((when == NULL) != (g->shown_when == NULL))
		return when != NULL ? -1 : 1;
	return when != NULL ? strcmp(when, g->shown_when) : 0;
}

/* Whether document j of ms (published or dated when) is shown for its
 * group rather than the one chosen so far: the one published first,
 * else the one whose path sorts first.  Not the one indexed first:
 * docids interleave across shards, and a path is what the user sees. */
static zc_status
shows_better(const zc_mset *ms, page_group *g, size_t j, const char *when,
    bool *out, zc_error *err)
{
	int c = !g->chosen ? -1 : compare_when(g, when);
	char *path = NULL;
	zc_status st = ZC_OK;

	if (c != 0) {
		*out = c < 0;
		if (*out) { /* the path read for a tie was another's */
			free(g->shown_path);
			g->shown_path = NULL;
		}
		return ZC_OK;
	}
	if (g->shown_path == NULL)
		st = value_or_null(ms, g->shown, ZC_SLOT_PATH, &g->shown_path,
		    err);
	if (st == ZC_OK)
		st = value_or_null(ms, j, ZC_SLOT_PATH, &path, err);
	*out = st == ZC_OK && path != NULL && (g->shown_path == NULL ||
	    strcmp(path, g->shown_path) < 0);
	if (*out) {
		free(g->shown_path);
		g->shown_path = path;
	} else {
		free(path);
	}
	return st;
}

/* The 发布日期 of document j of ms, else its date; NULL: neither. */
static zc_status
read_when(const zc_mset *ms, size_t j, char **out, zc_error *err)
{
	zc_status st = value_or_null(ms, j, ZC_SLOT_PUBLISHED, out, err);

	if (st == ZC_OK && *out == NULL)
		st = value_or_null(ms, j, ZC_SLOT_DATE, out, err);
	return st;
}

/* Count the matching documents of each group of pg and choose the one
 * shown for it. */
static zc_status
tally_groups(const zc_mset *ms, page_groups *pg, zc_error *err)
{
	zc_status st = ZC_OK;

	for (size_t j = 0; j < zc_mset_size(ms) && st == ZC_OK; j++) {
		char *key = NULL, *when = NULL;
		size_t k;
		bool better = false;

		st = value_or_null(ms, j, ZC_SLOT_COPY_GROUP, &key, err);
		k = st == ZC_OK && key != NULL ? group_index(pg, key) : NO_GROUP;
		free(key);
		if (k == NO_GROUP)
			continue;
		pg->g[k].n++;
		st = read_when(ms, j, &when, err);
		if (st == ZC_OK)
			st = shows_better(ms, &pg->g[k], j, when, &better, err);
		if (st == ZC_OK && better) {
			free(pg->g[k].shown_when);
			pg->g[k].shown_when = when;
			pg->g[k].shown = j;
			pg->g[k].chosen = true;
		} else {
			free(when);
		}
	}
	return st;
}

/* The groups of copies of the hits pick[0..n) of ms, a page of q's
 * documents: for each, its matching documents and the one shown
 * (zc_copies.h). */
static zc_status
find_groups(zc_db *db, const zc_query *q, const zc_mset *ms,
    const size_t *pick, size_t n, page_groups *pg, zc_error *err)
{
	zc_search_opts opts = ZC_SEARCH_OPTS_INIT;
	zc_query *gq = NULL;
	zc_status st;

	memset(pg, 0, sizeof *pg);
	st = read_groups(db, ms, pick, n, pg, err);
	if (st != ZC_OK || pg->n == 0)
		return st;
	st = groups_query(q, pg, &gq, err);
	opts.limit = ALL;
	opts.check_at_least = ALL;
	if (st == ZC_OK && gq != NULL)
		st = zc_db_search(db, gq, &opts, &pg->ms, err);
	if (st == ZC_OK && pg->ms != NULL)
		st = tally_groups(pg->ms, pg, err);
	zc_query_free(gq);
	return st;
}

/* Hit i of ms, as it stands in the result list, and the document shown
 * for it: the one its group shows, unless keep (every copy is listed,
 * or the list is sorted by date, where the copy that sorts first must
 * be the one shown, or the dates would be out of order). */
static void
place_hit(const zc_mset *ms, size_t i, unsigned rank, const page_groups *pg,
    bool keep, standing *at, const zc_mset **from, size_t *j)
{
	size_t k = pg->of_hit != NULL ? pg->of_hit[i] : NO_GROUP;

	at->rank = rank;
	at->score = zc_mset_weight(ms, i);
	at->group = NULL;
	at->copies = 0;
	*from = ms;
	*j = i;
	if (k == NO_GROUP)
		return;
	at->group = pg->g[k].key;
	at->copies = pg->g[k].n > 1 ? pg->g[k].n - 1 : 0;
	if (!keep && pg->g[k].chosen) {
		*from = pg->ms;
		*j = pg->g[k].shown;
	}
}

static zc_status
match_leg(zc_db *db, const leg *lg, unsigned offset, unsigned limit,
    bool collapse, zc_mset **out, zc_error *err)
{
	zc_search_opts opts = ZC_SEARCH_OPTS_INIT;

	opts.offset = offset;
	opts.limit = limit;
	opts.sort_slot = lg->sort_slot;
	opts.sort_descending = lg->descending;
	if (collapse)
		opts.collapse_slot = ZC_SLOT_COPY_GROUP;
	/* Every match is weighed: with phrases under AND_MAYBE, Xapian
	 * 1.4.22's pruning for a short top-k returned a lower-weighted
	 * document first (孵化器 -n 1 on corpus/, tests/e2e/t20).  It also
	 * makes the count exact, which a later leg needs. */
	opts.check_at_least = ALL;
	return zc_db_search(db, lg->q, &opts, out, err);
}

/* One leg's page: the hits pick[0..n) of ms, in rank order, with their
 * groups; total is how many documents (one per group unless every copy
 * is listed) the whole leg has, exact when the page ends before the
 * leg does. */
typedef struct leg_page {
	zc_mset *ms;
	size_t *pick;
	size_t n;
	unsigned long total;
	page_groups pg;
} leg_page;

static void
leg_page_free(leg_page *p)
{
	page_groups_free(&p->pg);
	zc_mset_free(p->ms);
	free(p->pick);
	memset(p, 0, sizeof *p);
}

/* The first hit of each group among ms's, in rank order, into *pick
 * (malloc'd) of *n: what a collapse on the group slot keeps. */
static zc_status
first_of_groups(const zc_mset *ms, size_t **pick, size_t *n, zc_error *err)
{
	size_t size = zc_mset_size(ms);
	zc_strset *seen = zc_strset_new();
	zc_status st = ZC_OK;

	*pick = zc_xcalloc(size ? size : 1, sizeof **pick);
	*n = 0;
	for (size_t i = 0; i < size && st == ZC_OK; i++) {
		char *key = NULL;

		st = value_or_null(ms, i, ZC_SLOT_COPY_GROUP, &key, err);
		if (st == ZC_OK && (key == NULL ||
		    zc_strset_add(seen, key, strlen(key))))
			(*pick)[(*n)++] = i;
		free(key);
	}
	zc_strset_free(seen);
	return st;
}

/* Every hit of ms, as the page. */
static void
pick_all(leg_page *p)
{
	size_t size = zc_mset_size(p->ms);

	p->pick = zc_xcalloc(size ? size : 1, sizeof *p->pick);
	for (size_t i = 0; i < size; i++)
		p->pick[i] = i;
	p->n = size;
	p->total = zc_mset_matches_estimated(p->ms);
}

/* Documents [skip, upto) of leg lg, one per group of copies, from the
 * uncollapsed match of its first m documents: true when those hold
 * enough groups or are the whole leg. */
static zc_status
collapse_first(zc_db *db, const leg *lg, unsigned skip, unsigned upto,
    unsigned m, leg_page *p, bool *enough, zc_error *err)
{
	size_t *kept = NULL, n_kept = 0;
	zc_status st = match_leg(db, lg, 0, m, false, &p->ms, err);

	*enough = false;
	if (st == ZC_OK)
		st = first_of_groups(p->ms, &kept, &n_kept, err);
	if (st == ZC_OK && (n_kept >= upto || zc_mset_size(p->ms) < m)) {
		size_t end = n_kept < upto ? n_kept : upto;

		*enough = true;
		p->total = n_kept;
		p->n = end > skip ? end - skip : 0;
		p->pick = zc_xcalloc(p->n ? p->n : 1, sizeof *p->pick);
		memcpy(p->pick, kept + (end > skip ? skip : end),
		    p->n * sizeof *p->pick);
	}
	free(kept);
	if (st != ZC_OK || !*enough)
		leg_page_free(p);
	return st;
}

static unsigned
capped(unsigned long long n)
{
	return n >= ALL ? ALL : (unsigned)n;
}

/* Documents [skip, skip + want) of leg lg, one per group of copies
 * unless all_copies.  Xapian's collapse reads the group of every match
 * (8 ms over the 2,290 laws that say 发展, where the page takes 4), so
 * the page is first cut from the uncollapsed match of about twice as
 * many documents, then of sixteen times as many, each group kept at its
 * first document as the collapse keeps it; only when copies fill even
 * those does Xapian collapse. */
static zc_status
page_of_leg(zc_db *db, const leg *lg, unsigned skip, unsigned want,
    bool all_copies, leg_page *p, zc_error *err)
{
	unsigned upto = capped((unsigned long long)skip + want);
	unsigned tries[2] = { capped(2ULL * upto + 8), capped(16ULL * upto +
	    64) };
	bool enough = false;
	zc_status st = ZC_OK;

	memset(p, 0, sizeof *p);
	for (int t = 0; t < 2 && !all_copies && !enough && st == ZC_OK; t++)
		st = collapse_first(db, lg, skip, upto, tries[t], p, &enough,
		    err);
	if (st == ZC_OK && !enough) {
		st = match_leg(db, lg, skip, want, !all_copies, &p->ms, err);
		if (st == ZC_OK)
			pick_all(p);
	}
	if (st == ZC_OK)
		st = find_groups(db, lg->q, p->ms, p->pick, p->n, &p->pg, err);
	return st;
}

static zc_status
run_once(zc_db *db, const zc_query *q, const zc_picker *picker,
    const zc_search_req *req, zc_hits *out, zc_error *err)
{
	unsigned per_doc = req->per_doc ? req->per_doc : 1;
	unsigned skip = req->offset;
	unsigned want = req->limit ? req->limit : ALL;
	unsigned rank = req->offset;
	leg legs[2];
	size_t n_legs;
	zc_status st;

	st = make_legs(q, req->sort, legs, &n_legs, err);
	for (size_t l = 0; st == ZC_OK && l < n_legs && want > 0; l++) {
		leg_page p;

		st = page_of_leg(db, &legs[l], skip, want, req->all_copies, &p,
		    err);
		for (size_t k = 0; st == ZC_OK && k < p.n; k++) {
			standing at;
			const zc_mset *from;
			size_t j;

			place_hit(p.ms, p.pick[k], ++rank, &p.pg,
			    req->all_copies || req->sort != ZC_SORT_RELEVANCE,
			    &at, &from, &j);
			out->n_docs++;
			st = add_doc_hits(from, j, &at, per_doc, picker, out,
			    err);
		}
		want -= (unsigned)p.n;
		skip = skip > p.total ? skip - (unsigned)p.total : 0;
		leg_page_free(&p);
	}
	free_legs(legs, n_legs);
	return st;
}

unsigned
zc_hit_line_at(const zc_hit *hit, size_t off)
{
	return zc_line_at(hit->line, hit->starts, hit->n_starts, off);
}

unsigned
zc_hit_first_line(const zc_hit *hit)
{
	return zc_hit_line_at(hit, hit->spans.n > 0 ?
	    hit->spans.span[0].start_byte : 0);
}

void
zc_hits_free(zc_hits *h)
{
	for (size_t i = 0; i < h->n; i++) {
		free(h->hit[i].path);
		free(h->hit[i].passage);
		free(h->hit[i].starts);
		free(h->hit[i].group);
		zc_meta_free(&h->hit[i].meta);
		zc_spans_free(&h->hit[i].spans);
	}
	free(h->hit);
	memset(h, 0, sizeof *h);
}

/* Reopen after ZC_EMODIFIED, or after ZC_ENET open the databases again
 * (leaving out, with --partial, a remote one that stopped answering);
 * true when another attempt makes sense. */
static bool
should_retry(zc_db *db, zc_status st, int attempt, zc_error *err)
{
	if (attempt + 1 >= MAX_ATTEMPTS)
		return false;
	if (st == ZC_ENET)
		return zc_db_recover(db, err) == ZC_OK;
	return st == ZC_EMODIFIED && zc_db_reopen(db, err) == ZC_OK;
}

zc_status
zc_search_run(zc_db *db, zc_prepared *p, const zc_search_req *req,
    zc_hits *out, zc_error *err)
{
	const zc_picker *picker;
	zc_status st;

	memset(out, 0, sizeof *out);
	st = zc_prepared_picker(p, &picker, err);
	if (st != ZC_OK)
		return st;
	for (int attempt = 0;; attempt++) {
		memset(out, 0, sizeof *out);
		st = run_once(db, zc_prepared_query(p), picker, req, out, err);
		if (st == ZC_OK)
			st = zc_db_verify(db, err);
		if (st == ZC_OK)
			return ZC_OK;
		zc_hits_free(out);
		if (!should_retry(db, st, attempt, err))
			return st;
	}
}

static zc_status
count_once(zc_db *db, const zc_query *q, unsigned long *out, zc_error *err)
{
	zc_search_opts opts = ZC_SEARCH_OPTS_INIT;
	zc_mset *ms = NULL;
	zc_status st;

	opts.limit = 0;
	opts.check_at_least = ALL;
	st = zc_db_search(db, q, &opts, &ms, err);
	if (st != ZC_OK)
		return st;
	*out = zc_mset_matches_estimated(ms);
	zc_mset_free(ms);
	return ZC_OK;
}

zc_status
zc_search_count(zc_db *db, const zc_prepared *p, unsigned long *out,
    zc_error *err)
{
	const zc_query *q = zc_prepared_query(p);
	zc_status st;

	for (int attempt = 0;; attempt++) {
		*out = 0;
		st = count_once(db, q, out, err);
		if (st == ZC_OK)
			st = zc_db_verify(db, err);
		if (st == ZC_OK || !should_retry(db, st, attempt, err))
			return st;
	}
}

void
zc_search_paths_free(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

/* Every matching path, read from ZC_SLOT_PATH (no document data). */
static zc_status
paths_once(zc_db *db, const zc_query *q, zc_sort sort, char ***out,
    size_t *n, zc_error *err)
{
	leg legs[2];
	size_t n_legs, cap = 0;
	zc_status st;

	st = make_legs(q, sort, legs, &n_legs, err);
	for (size_t l = 0; st == ZC_OK && l < n_legs; l++) {
		zc_search_opts opts = ZC_SEARCH_OPTS_INIT;
		zc_mset *ms = NULL;

		opts.limit = ALL;
		opts.sort_slot = legs[l].sort_slot;
		opts.sort_descending = legs[l].descending;
		st = zc_db_search(db, legs[l].q, &opts, &ms, err);
		for (size_t i = 0; st == ZC_OK && i < zc_mset_size(ms); i++) {
			char *path;
			size_t len;

			st = zc_mset_value(ms, i, ZC_SLOT_PATH, &path, &len,
			    err);
			if (st != ZC_OK)
				break;
			*out = zc_xgrow(*out, &cap, *n + 1, sizeof **out);
			(*out)[(*n)++] = path;
		}
		zc_mset_free(ms);
	}
	free_legs(legs, n_legs);
	return st;
}

zc_status
zc_search_paths(zc_db *db, const zc_prepared *p, zc_sort sort,
    char ***out, size_t *n, zc_error *err)
{
	const zc_query *q = zc_prepared_query(p);
	zc_status st;

	for (int attempt = 0;; attempt++) {
		*out = NULL;
		*n = 0;
		st = paths_once(db, q, sort, out, n, err);
		if (st == ZC_OK)
			st = zc_db_verify(db, err);
		if (st == ZC_OK)
			return ZC_OK;
		zc_search_paths_free(*out, *n);
		*out = NULL;
		*n = 0;
		if (!should_retry(db, st, attempt, err))
			return st;
	}
}

/* ---- counts by field -------------------------------------------------- */

static const struct {
	const char *name;
	int field;        /* the field counted, or -1 for the date's parts */
	size_t date_len;  /* year 4, month 6: how much of YYYYMMDD */
} facets[ZC_FACET_END] = {
	[ZC_FACET_YEAR] = { "year", -1, 4 },
	[ZC_FACET_MONTH] = { "month", -1, 6 },
	[ZC_FACET_ISSUER] = { "issuer", ZC_FIELD_ISSUER, 0 },
	[ZC_FACET_TYPE] = { "type", ZC_FIELD_TYPE, 0 },
	[ZC_FACET_CATEGORY] = { "category", ZC_FIELD_CATEGORY, 0 },
	[ZC_FACET_VALIDITY] = { "validity", ZC_FIELD_VALIDITY, 0 },
};

bool
zc_facet_find(const char *name, zc_facet *out)
{
	for (int f = 0; f < ZC_FACET_END; f++)
		if (strcmp(facets[f].name, name) == 0) {
			*out = (zc_facet)f;
			return true;
		}
	return false;
}

const char *
zc_facet_name(zc_facet f)
{
	return facets[f].name;
}

static unsigned
facet_slot(zc_facet f)
{
	return facets[f].field < 0 ? ZC_SLOT_DATE :
	    (unsigned)zc_fields[facets[f].field].count_slot;
}

static int
by_value(const void *x, const void *y)
{
	return strcmp(((const zc_facet_count *)x)->value,
	    ((const zc_facet_count *)y)->value);
}

static int
by_count(const void *x, const void *y)
{
	const zc_facet_count *a = x, *b = y;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->value, b->value);
}

/* The counts of one facet from its slot's: days summed into years or
 * months ("2024", "2024-08"), then in the facet's order. */
static void
facet_counts(zc_facet f, const zc_value_count *vc, size_t n,
    zc_facet_counts *out)
{
	size_t cap = 0, date_len = facets[f].date_len;

	out->facet = f;
	out->v = NULL;
	out->n = 0;
	for (size_t i = 0; i < n; i++) {
		char key[16];
		const char *value = vc[i].value;

		if (date_len > 0) {
			if (vc[i].len < date_len)
				continue;
			if (date_len == 4)
				snprintf(key, sizeof key, "%.4s", value);
			else
				snprintf(key, sizeof key, "%.4s-%.2s", value,
				    value + 4);
			value = key;
		}
		if (out->n > 0 && date_len > 0 &&
		    strcmp(out->v[out->n - 1].value, value) == 0) {
			out->v[out->n - 1].count += vc[i].count;
			continue;
		}
		out->v = zc_xgrow(out->v, &cap, out->n + 1, sizeof *out->v);
		out->v[out->n++] = (zc_facet_count){ zc_xstrdup(value),
		    vc[i].count };
	}
	if (out->n > 0)
		qsort(out->v, out->n, sizeof *out->v, date_len > 0 ?
		    by_value : by_count);
}

static int
cmp_value_count(const void *x, const void *y)
{
	const zc_value_count *a = x, *b = y;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->value, b->value, n);

	return c != 0 ? c : (a->len > b->len) - (a->len < b->len);
}

static zc_status
count_by_once(zc_db *db, const zc_query *q, const zc_facet *want, size_t n,
    zc_facet_counts *out, zc_error *err)
{
	unsigned slots[ZC_FACET_END];
	zc_value_count *vc[ZC_FACET_END];
	size_t n_vc[ZC_FACET_END];
	zc_status st;

	for (size_t k = 0; k < n; k++)
		slots[k] = facet_slot(want[k]);
	st = zc_db_count_values(db, q, slots, n, vc, n_vc, err);
	if (st != ZC_OK)
		return st;
	for (size_t k = 0; k < n; k++) {
		/* sorted, so that the days of a year or a month are
		 * adjacent */
		if (n_vc[k] > 0)
			qsort(vc[k], n_vc[k], sizeof *vc[k], cmp_value_count);
		facet_counts(want[k], vc[k], n_vc[k], &out[k]);
		zc_value_counts_free(vc[k], n_vc[k]);
	}
	return ZC_OK;
}

zc_status
zc_search_count_by(zc_db *db, const zc_prepared *p, const zc_facet *want,
    size_t n, zc_facet_counts *out, zc_error *err)
{
	zc_status st;

	if (n > ZC_FACET_END)
		return zc_fail(err, ZC_EINVAL, "too many facets");
	for (int attempt = 0;; attempt++) {
		memset(out, 0, n * sizeof *out);
		st = count_by_once(db, zc_prepared_query(p), want, n, out, err);
		if (st == ZC_OK)
			st = zc_db_verify(db, err);
		if (st == ZC_OK)
			return ZC_OK;
		zc_facet_counts_free(out, n);
		if (!should_retry(db, st, attempt, err))
			return st;
	}
}

void
zc_facet_counts_free(zc_facet_counts *c, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		for (size_t i = 0; i < c[k].n; i++)
			free(c[k].v[i].value);
		free(c[k].v);
		c[k].v = NULL;
		c[k].n = 0;
	}
}
