/*
 * pages.c — a paged document's lines (zc_pages.h).  Data flow: the text
 * of each page (pdf.c, ofd.c) → lines by page → running headers and
 * footers out of the flow → zc_lines, for clean.
 *
 * Invariants: every line's number is its page (1-based); only lines of a
 * page's first or last place are ever moved, and each moved text is
 * kept once.
 */
#include "zc_pages.h"

#include <stdlib.h>
#include <string.h>

#include "zc_chars.h"

zc_status
zc_pages_init(zc_pages *p, size_t n, zc_error *err)
{
	memset(p, 0, sizeof *p);
	if (n > ZC_MAX_PAGES)
		return zc_fail(err, ZC_ETOOBIG, "%zu pages (at most %d)", n,
		    ZC_MAX_PAGES);
	p->page = zc_xcalloc(n ? n : 1, sizeof *p->page);
	p->n = n;
	return ZC_OK;
}

void
zc_pages_add_line(zc_pages *p, size_t k, const char *text, size_t len)
{
	zc_page *pg = &p->page[k];

	while (len > 0 && (text[len - 1] == '\r' || text[len - 1] == ' '))
		len--;
	if (len == 0)
		return;
	pg->line = zc_xgrow(pg->line, &pg->cap, pg->n + 1, sizeof *pg->line);
	pg->line[pg->n++] = zc_xstrndup(text, len);
}

void
zc_pages_add_text(zc_pages *p, size_t k, const char *text, size_t len)
{
	size_t i = 0;

	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t n = nl != NULL ? (size_t)(nl - (text + i)) : len - i;

		zc_pages_add_line(p, k, text + i, n);
		i += n + 1;
	}
}

/* What a running line is known by: its text without whitespace, every
 * run of digits one '#' (page numbers differ from page to page). */
static char *
running_key(const char *s)
{
	zc_buf b = { 0 };
	size_t len = strlen(s), i = 0, adv;

	while (i < len) {
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);

		if (cp >= '0' && cp <= '9') {
			if (b.len == 0 || b.data[b.len - 1] != '#')
				zc_buf_putc(&b, '#');
		} else if (!zc_chars_is_space(cp)) {
			zc_buf_append(&b, s + i, adv);
		}
		i += adv;
	}
	return b.len > 0 ? zc_buf_steal(&b) : zc_xstrdup("");
}

/* The keys of the first (last false) or last line of every page; NULL
 * for a page without one (a footer needs a second line). */
static char **
place_keys(const zc_pages *p, bool last)
{
	char **keys = zc_xcalloc(p->n ? p->n : 1, sizeof *keys);

	for (size_t k = 0; k < p->n; k++)
		if (p->page[k].n > (last ? 1u : 0u))
			keys[k] = running_key(p->page[k].line[last ?
			    p->page[k].n - 1 : 0]);
	return keys;
}

/* A page's key at one place, for sorting. */
typedef struct keyed {
	const char *key;
	size_t page;
} keyed;

static int
cmp_keyed(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : (x->page > y->page) - (x->page < y->page);
}

/* Which pages' line at that place runs: its key on two pages and half
 * of them at least (an empty key never), and which of them is the first
 * page with it.  The keys sorted with their pages: each run of equal
 * keys is the pages that share one, the first page of the run first. */
static void
running_places(char *const *keys, size_t n, bool *runs, bool *first)
{
	keyed *v = zc_xcalloc(n ? n : 1, sizeof *v);
	size_t m = 0;

	for (size_t k = 0; k < n; k++)
		if (keys[k] != NULL && keys[k][0] != '\0')
			v[m++] = (keyed){ keys[k], k };
	qsort(v, m, sizeof *v, cmp_keyed);
	for (size_t i = 0, same; i < m; i += same) {
		bool running;

		for (same = 1; i + same < m &&
		    strcmp(v[i + same].key, v[i].key) == 0; same++)
			;
		running = n >= 2 && same >= 2 && 2 * same >= n;
		for (size_t j = i; j < i + same; j++) {
			runs[v[j].page] = running;
			first[v[j].page] = running && j == i;
		}
	}
	free(v);
}

static void
free_keys(char **keys, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(keys[k]);
	free(keys);
}

void
zc_pages_to_lines(const zc_pages *p, zc_lines *out)
{
	char **head = place_keys(p, false), **foot = place_keys(p, true);
	size_t n = p->n ? p->n : 1;
	bool *head_runs = zc_xcalloc(n, sizeof *head_runs);
	bool *head_first = zc_xcalloc(n, sizeof *head_first);
	bool *foot_runs = zc_xcalloc(n, sizeof *foot_runs);
	bool *foot_first = zc_xcalloc(n, sizeof *foot_first);
	zc_lines moved = { 0 };

	running_places(head, p->n, head_runs, head_first);
	running_places(foot, p->n, foot_runs, foot_first);
	for (size_t k = 0; k < p->n; k++) {
		const zc_page *pg = &p->page[k];

		for (size_t i = 0; i < pg->n; i++) {
			bool first = i == 0, last = !first && i + 1 == pg->n;

			if ((first && head_runs[k]) || (last && foot_runs[k])) {
				/* kept once: on the first page it runs on */
				if (first ? head_first[k] : foot_first[k])
					zc_lines_add(&moved, pg->line[i],
					    strlen(pg->line[i]),
					    (unsigned)k + 1, ZC_LINE_BREAK);
				continue;
			}
			zc_lines_add(out, pg->line[i], strlen(pg->line[i]),
			    (unsigned)k + 1, out->n == 0 ? ZC_LINE_BREAK : 0);
		}
	}
	for (size_t i = 0; i < moved.n; i++)
		zc_lines_add(out, moved.items[i].text, moved.items[i].len,
		    moved.items[i].line, ZC_LINE_BREAK);
	zc_lines_free(&moved);
	free(head_runs);
	free(head_first);
	free(foot_runs);
	free(foot_first);
	free_keys(head, p->n);
	free_keys(foot, p->n);
}

void
zc_pages_free(zc_pages *p)
{
	for (size_t k = 0; k < p->n; k++) {
		for (size_t i = 0; i < p->page[k].n; i++)
			free(p->page[k].line[i]);
		free(p->page[k].line);
	}
	free(p->page);
	memset(p, 0, sizeof *p);
}
