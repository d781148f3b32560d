/*
 * search.c — running a query (zc_search.h).  Data flow: query → Xapian
 * query (qbuild.c) → here → hits → zcsearch's printers.
 *
 * Invariants: a result list is a list of documents, each shown by its
 * best passages; documents come from one search collapsed on the file
 * key (ZC_SLOT_FILE), so offset and limit count documents; the extra
 * passages of a document (--per-doc) come from the same query restricted
 * to that file, which keeps their weights (a filter adds none).  Every
 * public call is one attempt function run again from scratch, after
 * zc_db_reopen, when the database changed under it.
 */
#include "zc_search.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "zc_schema.h"

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

static zc_status
add_hit(zc_hits *h, const zc_mset *ms, size_t i, unsigned rank,
    zc_error *err)
{
	char *data = NULL;
	size_t len = 0;
	zc_status st;
	zc_hit *hit;

	st = zc_mset_data(ms, i, &data, &len, err);
	if (st != ZC_OK)
		return st;
	h->hit = zc_xgrow(h->hit, &h->cap, h->n + 1, sizeof *h->hit);
	hit = &h->hit[h->n];
	memset(hit, 0, sizeof *hit);
	st = zc_record_decode(data, len, &hit->rec, err);
	free(data);
	if (st != ZC_OK)
		return st;
	hit->rank = rank;
	hit->score = zc_mset_weight(ms, i);
	hit->docid = zc_mset_docid(ms, i);
	h->n++;
	return ZC_OK;
}

/* The best per_doc passages of the document of hit i of ms. */
static zc_status
add_doc_passages(zc_db *db, const zc_query *q, const zc_mset *ms, size_t i,
    unsigned per_doc, unsigned rank, zc_hits *h, zc_error *err)
{
	zc_search_opts opts = ZC_SEARCH_OPTS_INIT;
	zc_query *in_file = NULL, *both = NULL, *pair[2];
	zc_mset *doc_ms = NULL;
	char *key = NULL;
	size_t key_len = 0;
	zc_status st;

	st = zc_mset_value(ms, i, ZC_SLOT_FILE, &key, &key_len, err);
	if (st != ZC_OK)
		return st;
	if (key_len == 0 || memchr(key, '\0', key_len) != NULL) {
		/* No usable file key: the passage stands alone. */
		free(key);
		return add_hit(h, ms, i, rank, err);
	}
	st = zc_query_value_range(ZC_SLOT_FILE, key, key, &in_file, err);
	free(key);
	if (st != ZC_OK)
		return st;
	pair[0] = (zc_query *)q;
	pair[1] = in_file;
	st = zc_query_combine(ZC_Q_FILTER, pair, 2, 0, &both, err);
	zc_query_free(in_file);
	if (st != ZC_OK)
		return st;
	opts.limit = per_doc;
	st = zc_db_search(db, both, &opts, &doc_ms, err);
	zc_query_free(both);
	for (size_t j = 0; st == ZC_OK && j < zc_mset_size(doc_ms); j++)
		st = add_hit(h, doc_ms, j, rank, err);
	zc_mset_free(doc_ms);
	return st;
}

static zc_status
run_once(zc_db *db, const zc_query *q, const zc_search_req *req,
    zc_hits *out, zc_error *err)
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
		zc_search_opts opts = ZC_SEARCH_OPTS_INIT;
		zc_mset *ms = NULL;
		size_t got;

		opts.offset = skip;
		opts.limit = want;
		opts.collapse_slot = ZC_SLOT_FILE;
		opts.collapse_max = 1;
		opts.sort_slot = legs[l].sort_slot;
		opts.sort_descending = legs[l].descending;
		/* A later leg starts where this one ends: count it exactly. */
		opts.check_at_least = l + 1 < n_legs ? ALL : 0;
		st = zc_db_search(db, legs[l].q, &opts, &ms, err);
		if (st != ZC_OK)
			break;
		got = zc_mset_size(ms);
		for (size_t i = 0; st == ZC_OK && i < got; i++) {
			rank++;
			out->n_docs++;
			if (per_doc == 1)
				st = add_hit(out, ms, i, rank, err);
			else
				st = add_doc_passages(db, legs[l].q, ms, i,
				    per_doc, rank, out, err);
		}
		want -= (unsigned)got;
		if (l + 1 < n_legs) {
			unsigned long total = zc_mset_matches_estimated(ms);

			skip = skip > total ? skip - (unsigned)total : 0;
		}
		zc_mset_free(ms);
	}
	free_legs(legs, n_legs);
	return st;
}

void
zc_hits_free(zc_hits *h)
{
	for (size_t i = 0; i < h->n; i++)
		zc_record_free(&h->hit[i].rec);
	free(h->hit);
	memset(h, 0, sizeof *h);
}

/* Reopen after ZC_EMODIFIED; true when another attempt makes sense. */
static bool
should_retry(zc_db *db, zc_status st, int attempt, zc_error *err)
{
	if (st != ZC_EMODIFIED || attempt + 1 >= MAX_ATTEMPTS)
		return false;
	return zc_db_reopen(db, err) == ZC_OK;
}

zc_status
zc_search_run(zc_db *db, const zc_query *q, const zc_search_req *req,
    zc_hits *out, zc_error *err)
{
	zc_status st;

	for (int attempt = 0;; attempt++) {
		memset(out, 0, sizeof *out);
		st = run_once(db, q, req, out, err);
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
	opts.collapse_slot = ZC_SLOT_FILE;
	opts.collapse_max = 1;
	opts.check_at_least = ALL;
	st = zc_db_search(db, q, &opts, &ms, err);
	if (st != ZC_OK)
		return st;
	*out = zc_mset_matches_estimated(ms);
	zc_mset_free(ms);
	return ZC_OK;
}

zc_status
zc_search_count(zc_db *db, const zc_query *q, unsigned long *out,
    zc_error *err)
{
	zc_status st;

	for (int attempt = 0;; attempt++) {
		*out = 0;
		st = count_once(db, q, out, err);
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

zc_status
zc_search_paths(zc_db *db, const zc_query *q, zc_sort sort, char ***out,
    size_t *n, zc_error *err)
{
	zc_search_req req = ZC_SEARCH_REQ_INIT;
	zc_hits hits = ZC_HITS_INIT;
	zc_status st;

	*out = NULL;
	*n = 0;
	req.limit = 0;
	req.sort = sort;
	st = zc_search_run(db, q, &req, &hits, err);
	if (st != ZC_OK)
		return st;
	*out = zc_xcalloc(hits.n ? hits.n : 1, sizeof **out);
	for (size_t i = 0; i < hits.n; i++) {
		(*out)[i] = hits.hit[i].rec.path;
		hits.hit[i].rec.path = NULL;
	}
	*n = hits.n;
	zc_hits_free(&hits);
	return ZC_OK;
}
