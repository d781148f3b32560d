/*
 * fuzz_lines.h — what the fuzz targets of the readers check of the lines
 * an extract stage gives (zc_extract.h): each non-empty, numbered from
 * 1, without a line feed.
 */
#ifndef FUZZ_LINES_H
#define FUZZ_LINES_H

#include <stdlib.h>
#include <string.h>

#include "zc_extract.h"

static void
check_lines(const zc_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].len == 0 || l->items[i].line == 0 ||
		    memchr(l->items[i].text, '\n', l->items[i].len) != NULL)
			abort();
}

#endif
