/*
 * query.c — command-line query → Xapian query and highlight texts
 * (query.h).  Data flow: query text → parse → build → search; the same
 * parsed tree gives the texts to highlight.
 *
 * Placeholder until zc_qparse/zc_qbuild land: the whole query is one
 * bare text of the body.
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

zc_status
query_build(zc_analyzer *a, const char *text, size_t len,
    search_query *out, zc_buf *msg)
{
	zc_error err = {0};
	zc_status st;

	memset(out, 0, sizeof *out);
	st = zc_terms_query(a, ZC_TEXT_BODY, text, len, false, &out->q, &err);
	if (st != ZC_OK) {
		zc_buf_printf(msg, "query: %s", err.msg);
		return st;
	}
	out->texts = zc_xmalloc(sizeof *out->texts);
	out->texts[0] = (zc_hl_text){ text, len, ZC_HL_WORDS };
	out->n_texts = out->cap_texts = 1;
	return ZC_OK;
}

void
query_free(search_query *sq)
{
	zc_query_free(sq->q);
	free(sq->texts);
	memset(sq, 0, sizeof *sq);
}
