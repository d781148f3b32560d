/*
 * fuzz_package.c — libFuzzer target: arbitrary bytes as a ZIP package
 * (a DOCX, an OFD).  Extraction either fails with one of its statuses or
 * gives lines, each non-empty, without a line feed, numbered from 1.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_lines.h"

#include "zc_package.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	zc_lines l;
	zc_format fmt = ZC_FORMAT_TEXT;
	zc_error err = {0};
	zc_status st = zc_package_extract((const char *)data, size, &fmt, &l,
	    &err);

	if (st != ZC_OK && st != ZC_EINVAL && st != ZC_EBINARY &&
	    st != ZC_ENOENT && st != ZC_ETOOBIG)
		abort();
	if (st == ZC_OK && fmt != ZC_FORMAT_DOCX && fmt != ZC_FORMAT_OFD)
		abort();
	if (st == ZC_OK)
		check_lines(&l);
	zc_lines_free(&l);
	return 0;
}
