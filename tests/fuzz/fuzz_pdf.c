/*
 * fuzz_pdf.c — libFuzzer target: arbitrary bytes as a PDF.  Extraction
 * either fails with its statuses (ZC_EINVAL, ZC_EBINARY) or gives lines
 * whose numbers are pages of the file, each line non-empty and without
 * a line feed.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_lines.h"

#include "zc_pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	zc_lines l;
	zc_error err = {0};
	zc_status st = zc_pdf_extract((const char *)data, size, &l, &err);

	if (st != ZC_OK && st != ZC_EINVAL && st != ZC_EBINARY)
		abort();
	if (st == ZC_OK)
		check_lines(&l);
	zc_lines_free(&l);
	return 0;
}
