/*
 * fuzz_pipeline.c — libFuzzer target: arbitrary bytes through the whole
 * document pipeline (encoding detection, extraction, cleaning, metadata,
 * passages) and the copy signature of the document it gives.  The first
 * byte picks the file name, hence the format.  Every passage's line
 * starts lie inside it, in order, and name a line each (not always a
 * later one: recovered markup may move text).
 */
#include <stdint.h>
#include <stdlib.h>

#include "zc_copies.h"
#include "zc_pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {
	"f.txt", "f.md", "f.html", "f.xml", "f.htm", "f"
};

static void
check_line_starts(const zc_doc *doc)
{
	for (size_t i = 0; i < doc->n_passages; i++) {
		const zc_passage *p = &doc->passages[i];

		for (size_t k = 0; k < p->n_starts; k++)
			if (p->starts[k].off == 0 || p->starts[k].off >= p->len ||
			    (k > 0 && p->starts[k].off <= p->starts[k - 1].off) ||
			    p->starts[k].line == 0)
				abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	zc_doc doc = {0};
	zc_error err = {0};
	zc_copysig sig;

	if (!ready) {
		zc_pipeline_init();
		/* no converter for binary Word: nothing is spawned here */
		setenv("PATH", "/nonexistent", 1);
		ready = 1;
	}
	if (size == 0)
		return 0;
	if (zc_pipeline_load_bytes(names[data[0] % 6], (const char *)data + 1,
	    size - 1, &doc, &err) == ZC_OK) {
		check_line_starts(&doc);
		zc_copies_sign(&doc, &sig);
		/* a signature is its own copy, whatever the text */
		if (sig.valid && zc_copies_same(&sig, &sig) != ZC_COPIES_HASHES)
			abort();
	}
	zc_doc_free(&doc);
	return 0;
}
