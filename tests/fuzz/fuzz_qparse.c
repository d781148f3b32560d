/*
 * fuzz_qparse.c — libFuzzer target: arbitrary bytes as a query, parsed,
 * dumped, formatted as an error if malformed, else prepared as zcsearch
 * prepares it (texts analysed, Xapian query built through the term
 * scheme, highlighter and anchors made), and a passage highlighted.
 */
#include <stdint.h>
#include <stdlib.h>

#include "zc_prepared.h"
#include "zc_qparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static zc_analyzer *an;
	zc_qtree *t = NULL;
	zc_qerror err = {0};
	zc_error xerr = {0};
	zc_prepared *p = NULL;
	const zc_picker *pk;
	zc_spans spans = ZC_SPANS_INIT;
	zc_buf b = {0};

	if (an == NULL && zc_analyzer_new(NULL, &an, &xerr) != ZC_OK)
		abort();
	if (zc_qparse((const char *)data, size, &t, &err) == ZC_OK) {
		zc_qparse_dump(t->root, &b);
		zc_qtree_free(t);
		zc_buf_reset(&b);
		if (zc_prepared_new(an, (const char *)data, size, 0, &p, &b) ==
		    ZC_OK && zc_prepared_picker(p, &pk, &xerr) == ZC_OK)
			zc_highlight(pk->hl, (const char *)data, size, &spans,
			    &xerr);
		zc_spans_free(&spans);
		zc_prepared_free(p);
		p = NULL;
	} else {
		zc_qparse_format_error((const char *)data, size, &err, &b);
	}
	/* every input is also a literal string (zcsearch -F) */
	zc_buf_reset(&b);
	if (zc_prepared_new(an, (const char *)data, size, ZC_PREPARE_LITERAL,
	    &p, &b) == ZC_OK && zc_prepared_picker(p, &pk, &xerr) == ZC_OK)
		zc_highlight(pk->hl, (const char *)data, size, &spans, &xerr);
	zc_spans_free(&spans);
	zc_prepared_free(p);
	zc_buf_free(&b);
	return 0;
}
