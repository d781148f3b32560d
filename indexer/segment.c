/*
 * segment.c — zcindex --segment: each line of input printed as its words
 * separated by two spaces (the SIGHAN bakeoff format), to inspect and
 * benchmark the segmenter (scripts/bench-seg.sh).  The original text is
 * segmented, not the normalised one, so characters come out unchanged;
 * whitespace only separates words.
 *
 * ZHENGCE_SEGMENT_ICU=1 in the environment turns the rules and the
 * lexicon off (ICU's iterator alone), for the benchmark's baseline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zc_segment.h"
#include "commands.h"

int
zcindex_segment(FILE *in, FILE *out, const char *lexicon)
{
	const char *icu = getenv("ZHENGCE_SEGMENT_ICU");
	zc_segmenter *seg;
	zc_error err;
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	int status = 0;

	if (zc_segmenter_new(lexicon, &seg, &err) != ZC_OK) {
		zc_warn("%s", err.msg);
		return 2;
	}
	zc_segmenter_set_icu_only(seg, icu != NULL && strcmp(icu, "1") == 0);
	while ((got = getline(&line, &cap, in)) > 0) {
		size_t len = (size_t)got, n;
		const zc_word *w;

		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			len--;
		if (zc_segment(seg, line, len, &w, &n, &err) != ZC_OK) {
			zc_warn("segment: %s", err.msg);
			status = 2;
			break;
		}
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				fputs("  ", out);
			fwrite(line + w[i].start, 1, w[i].end - w[i].start, out);
		}
		fputc('\n', out);
	}
	if (ferror(in)) {
		zc_warn("stdin: read error");
		status = 2;
	}
	if (fflush(out) != 0 || ferror(out)) {
		zc_warn("stdout: write error");
		status = 2;
	}
	free(line);
	zc_segmenter_free(seg);
	return status;
}
