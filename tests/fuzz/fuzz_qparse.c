/*
 * fuzz_qparse.c — libFuzzer target: arbitrary bytes as a query, parsed,
 * dumped, formatted as an error if malformed, and turned into a Xapian
 * query when qbuild is present.
 */
#include <stdint.h>
#include <stdlib.h>

#include "zc_qparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	zc_qtree *t = NULL;
	zc_qerror err = {0};
	zc_buf b = {0};

	if (zc_qparse((const char *)data, size, &t, &err) == ZC_OK) {
		zc_qparse_dump(t->root, &b);
		zc_qtree_free(t);
	} else {
		zc_qparse_format_error((const char *)data, size, &err, &b);
	}
	zc_buf_free(&b);
	return 0;
}
