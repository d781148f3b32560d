/*
 * fuzz_qparse.c — libFuzzer target: arbitrary bytes as a query, parsed,
 * dumped, formatted as an error if malformed, else turned into a Xapian
 * query (qbuild, through the term scheme).
 */
#include <stdint.h>
#include <stdlib.h>

#include "zc_qbuild.h"
#include "zc_qparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static zc_analyzer *an;
	zc_qtree *t = NULL;
	zc_qerror err = {0};
	zc_error xerr = {0};
	zc_query *q = NULL;
	zc_buf b = {0};

	if (an == NULL && zc_analyzer_new(NULL, &an, &xerr) != ZC_OK)
		abort();
	if (zc_qparse((const char *)data, size, &t, &err) == ZC_OK) {
		zc_qparse_dump(t->root, &b);
		if (zc_qbuild(an, t->root, NULL, &q, &xerr) == ZC_OK)
			zc_query_free(q);
		zc_qtree_free(t);
	} else {
		zc_qparse_format_error((const char *)data, size, &err, &b);
	}
	zc_buf_free(&b);
	return 0;
}
