/*
 * zc_qlist.h — a growing list of queries, combined into one: how the
 * term scheme (terms.c) and the query builder (qbuild.c) assemble the
 * operands of an operator.
 */
#ifndef ZC_QLIST_H
#define ZC_QLIST_H

#include <stddef.h>

#include "zc_util.h"
#include "zc_xapian.h"

typedef struct zc_qlist {
	zc_query **v; /* n owned queries */
	size_t n, cap;
} zc_qlist;

#define ZC_QLIST_INIT { NULL, 0, 0 }

/* Append q; the list owns it from now on. */
void zc_qlist_push(zc_qlist *l, zc_query *q);
/* Free every query and the list's memory; *l becomes empty. */
void zc_qlist_free(zc_qlist *l);
/* op over l's queries, within window positions for PHRASE and NEAR: one
 * query stands for itself, none is match-nothing.  *l becomes empty
 * either way; on failure *out is NULL. */
zc_status zc_qlist_combine(zc_qlist *l, zc_qop op, unsigned window,
    zc_query **out, zc_error *err);

#endif
