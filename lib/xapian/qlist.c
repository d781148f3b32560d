/*
 * qlist.c — lists of queries (zc_qlist.h).
 */
#include "zc_qlist.h"

#include <stdlib.h>
#include <string.h>

void
zc_qlist_push(zc_qlist *l, zc_query *q)
{
	l->v = zc_xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = q;
}

void
zc_qlist_free(zc_qlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		zc_query_free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

zc_status
zc_qlist_combine(zc_qlist *l, zc_qop op, unsigned window, zc_query **out,
    zc_error *err)
{
	zc_status rc;

	*out = NULL;
	if (l->n == 0) {
		zc_qlist_free(l);
		return zc_query_match_nothing(out, err);
	}
	if (l->n == 1) {
		*out = l->v[0];
		l->n = 0;
		zc_qlist_free(l);
		return ZC_OK;
	}
	rc = zc_query_combine(op, l->v, l->n, window, out, err);
	zc_qlist_free(l);
	return rc;
}
