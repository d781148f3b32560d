/*
 * lexicon.c — the segmenter's terms (zc_lexicon.h).  Data flow:
 * data/lexicon.txt → scripts/gen-lexicon.sh → lib/gen/lexicon_data.h →
 * here (and a user's lexicon file → here) → the lexicon rule of
 * segrules.c, which asks about runs of Han pieces.
 *
 * Invariants: the shipped terms are found in place, sorted, once per
 * process, at the first zc_lexicon_new, and never change; a lexicon's
 * own terms belong to it alone; both are read by the same line rule.
 */
#include "zc_lexicon.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zc_strset.h"
#include "gen/lexicon_data.h"

/* A set of terms and its longest term, which bounds the lexicon rule's
 * look-ahead. */
typedef struct terms {
	zc_strset *set;
	size_t max_cp;
} terms;

struct zc_lexicon {
	terms own;
};

/* The shipped terms, in place in lexicon_data and sorted by bytes as
 * scripts/gen-lexicon.sh writes them: a binary search costs nothing at
 * start-up, where hashing 1,300 terms cost zcsearch 0.2 ms a query. */
typedef struct span {
	const char *s;
	size_t len;
} span;

static pthread_once_t shipped_once = PTHREAD_ONCE_INIT;
static span *shipped;
static size_t n_shipped, shipped_max_cp;

/* A term longer than this is a stray paragraph rather than a term, and
 * would make the lexicon rule look that far ahead at every Han piece. */
#define MAX_TERM_BYTES 255

/* The next term of text (zc_lexicon.h has the format) from *i on, into
 * *s and *len; false at the end.  A term may be empty or too long: the
 * caller skips it. */
static bool
next_line_term(const char *text, size_t len, size_t *i, const char **s,
    size_t *n)
{
	size_t start = *i, end;
	const char *hash;

	if (*i >= len)
		return false;
	while (*i < len && text[*i] != '\n')
		(*i)++;
	end = (*i)++;
	hash = memchr(text + start, '#', end - start);
	if (hash != NULL)
		end = (size_t)(hash - text);
	while (start < end && (text[start] == ' ' || text[start] == '\t'))
		start++;
	while (end > start && (text[end - 1] == ' ' ||
	    text[end - 1] == '\t' || text[end - 1] == '\r'))
		end--;
	*s = text + start;
	*n = end - start;
	return true;
}

static bool
usable(size_t len)
{
	return len > 0 && len <= MAX_TERM_BYTES;
}

static void
terms_add(terms *t, const char *s, size_t len)
{
	size_t ncp;

	if (!usable(len) || !zc_strset_add(t->set, s, len))
		return;
	ncp = zc_utf8_count(s, len);
	if (ncp > t->max_cp)
		t->max_cp = ncp;
}

/* Add every line of text as a term. */
static void
terms_add_lines(terms *t, const char *text, size_t len)
{
	size_t i = 0, n;
	const char *s;

	while (next_line_term(text, len, &i, &s, &n))
		terms_add(t, s, n);
}

static int
cmp_span(const void *x, const void *y)
{
	const span *a = x, *b = y;
	int c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);

	if (c != 0)
		return c;
	return a->len < b->len ? -1 : a->len > b->len;
}

/* At exit, so that leak checkers see a clean process. */
static void
free_shipped(void)
{
	free(shipped);
	shipped = NULL;
	n_shipped = 0;
}

static void
init_shipped(void)
{
	size_t i = 0, n, cap = 0;
	const char *s;
	bool sorted = true;

	while (next_line_term(lexicon_data, sizeof lexicon_data - 1, &i, &s,
	    &n)) {
		if (!usable(n))
			continue;
		shipped = zc_xgrow(shipped, &cap, n_shipped + 1,
		    sizeof *shipped);
		shipped[n_shipped] = (span){ s, n };
		if (n_shipped > 0 && cmp_span(&shipped[n_shipped - 1],
		    &shipped[n_shipped]) > 0)
			sorted = false;
		n_shipped++;
		if (zc_utf8_count(s, n) > shipped_max_cp)
			shipped_max_cp = zc_utf8_count(s, n);
	}
	/* a hand-edited table still works, only slower to open */
	if (!sorted)
		qsort(shipped, n_shipped, sizeof *shipped, cmp_span);
	atexit(free_shipped);
}

static bool
shipped_has(const char *term, size_t len)
{
	span key = { term, len };

	return n_shipped > 0 && bsearch(&key, shipped, n_shipped,
	    sizeof *shipped, cmp_span) != NULL;
}

/* Add the lines of the file at path to t. */
static zc_status
read_file(terms *t, const char *path, zc_error *err)
{
	FILE *f = fopen(path, "r");
	zc_buf b = { NULL, 0, 0 };
	char chunk[8192];
	size_t n;
	int saved;

	if (f == NULL) {
		saved = errno;
		return zc_fail(err, saved == ENOENT ? ZC_ENOENT : ZC_EIO,
		    "%s: %s", path, strerror(saved));
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		zc_buf_append(&b, chunk, n);
	saved = ferror(f) ? errno : 0;
	fclose(f);
	if (saved != 0) {
		zc_buf_free(&b);
		return zc_fail(err, ZC_EIO, "%s: %s", path, strerror(saved));
	}
	terms_add_lines(t, b.data ? b.data : "", b.len);
	zc_buf_free(&b);
	return ZC_OK;
}

void
zc_lexicon_free(zc_lexicon *lx)
{
	if (lx == NULL)
		return;
	zc_strset_free(lx->own.set);
	free(lx);
}

zc_status
zc_lexicon_new(const char *path, zc_lexicon **out, zc_error *err)
{
	zc_lexicon *lx;
	zc_status rc;

	*out = NULL;
	pthread_once(&shipped_once, init_shipped);
	lx = zc_xcalloc(1, sizeof *lx);
	lx->own.set = zc_strset_new();
	if (path != NULL && (rc = read_file(&lx->own, path, err)) != ZC_OK) {
		zc_lexicon_free(lx);
		return rc;
	}
	*out = lx;
	return ZC_OK;
}

void
zc_lexicon_add(zc_lexicon *lx, const char *term, size_t len)
{
	terms_add(&lx->own, term, len);
}

bool
zc_lexicon_has(const zc_lexicon *lx, const char *term, size_t len)
{
	return shipped_has(term, len) ||
	    zc_strset_has(lx->own.set, term, len);
}

size_t
zc_lexicon_max_cp(const zc_lexicon *lx)
{
	return shipped_max_cp > lx->own.max_cp ? shipped_max_cp :
	    lx->own.max_cp;
}
