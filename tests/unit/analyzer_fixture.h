/*
 * analyzer_fixture.h — what the unit tests of the query side share: one
 * analyzer (shipped lexicon) per suite, and a query text prepared with
 * it.  Included by test files only, after criterion.h.
 */
#ifndef ANALYZER_FIXTURE_H
#define ANALYZER_FIXTURE_H

#include <string.h>

#include "zc_prepared.h"
#include "zc_terms.h"

static zc_analyzer *an;

static inline void
open_analyzer(void)
{
	zc_error err = { 0 };

	cr_assert_eq(zc_analyzer_new(NULL, &an, &err), ZC_OK, "%s", err.msg);
}

static inline void
close_analyzer(void)
{
	zc_analyzer_free(an);
	an = NULL;
}

/* text prepared as zcsearch prepares a query; the test fails if it
 * cannot be. */
static inline zc_prepared *
prepare(const char *text)
{
	zc_prepared *p = NULL;
	zc_buf msg = { 0 };

	cr_assert_eq(zc_prepared_new(an, text, strlen(text), 0, &p, &msg),
	    ZC_OK, "%s: %s", text, msg.data);
	zc_buf_free(&msg);
	return p;
}

#endif
