/*
 * query.h — the query text of the command line turned into what a search
 * needs: the Xapian query (zc_qparse.h, then zc_qbuild.h) and the texts
 * a passage highlights (the words, quoted strings and prefixes of the
 * query that are not negated, and that search the body).
 */
#ifndef ZCSEARCH_QUERY_H
#define ZCSEARCH_QUERY_H

#include <stddef.h>

#include "zc_highlight.h"
#include "zc_terms.h"
#include "zc_util.h"
#include "zc_xapian.h"

typedef struct search_query {
	zc_query *q;         /* owned */
	zc_hl_text *texts;   /* n_texts entries, pointing into the tree */
	size_t n_texts, cap_texts;
	void *tree;          /* private: the parsed query */
} search_query;

/* Parse and build text[0..len).  On failure, msg holds the whole
 * message without the program name ("query: unbalanced quote\n  ...
 * \n  ^" for a syntax error) and the status says which kind it was:
 * ZC_EINVAL or ZC_ETOOBIG for the user's query, anything else for the
 * library. */
zc_status query_build(zc_analyzer *a, const char *text, size_t len,
    search_query *out, zc_buf *msg);
void query_free(search_query *sq);

#endif
