/*
 * fuzz_segment.c — libFuzzer target: arbitrary bytes segmented, and
 * normalised, and turned into index terms of a document.
 */
#include <stdint.h>
#include <stdlib.h>

#include "zc_norm.h"
#include "zc_segment.h"
#include "zc_terms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static zc_segmenter *seg;
	static zc_analyzer *an;
	const zc_word *words;
	size_t n;
	zc_error err = {0};
	zc_norm norm = {0};
	zc_xdoc *doc;
	unsigned pos = 1;

	if (seg == NULL && (zc_segmenter_new(NULL, &seg, &err) != ZC_OK ||
	    zc_analyzer_new(NULL, &an, &err) != ZC_OK))
		abort();
	zc_segment(seg, (const char *)data, size, &words, &n, &err);
	for (size_t i = 0; i < n; i++)
		if (words[i].start > words[i].end || words[i].end > size)
			abort();
	if (zc_norm_text((const char *)data, size, &norm, &err) == ZC_OK)
		zc_norm_free(&norm);
	doc = zc_xdoc_new();
	/* twice: the second text joins the first, by the space rule */
	zc_terms_index(an, doc, ZC_FIELD_BODY, (const char *)data, size,
	    ZC_JOIN_PARAGRAPH, &pos, NULL, &err);
	zc_terms_index(an, doc, ZC_FIELD_BODY, (const char *)data, size,
	    ZC_JOIN_SPACE, &pos, NULL, &err);
	zc_xdoc_free(doc);
	return 0;
}
