/*
 * pdf.c — the text layer of a PDF as lines (zc_pdf.h).  Data flow: file
 * bytes → poppler, page by page → lines of each page → running headers
 * and footers moved out of the flow → zc_lines, for clean.
 *
 * Invariants: poppler reads the caller's bytes in place and never a
 * file, a font or the network; every line's number is its page (1-based);
 * only lines of a page's first or last place are ever moved, each kept
 * once.  Poppler's global state is not known to be safe from several
 * threads (its GlobalParams), so one document is open at a time.
 */
#include "zc_pdf.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "zc_chars.h"

bool
zc_pdf_sniff(const char *bytes, size_t len)
{
	return len >= 5 && memcmp(bytes, "%PDF-", 5) == 0;
}

/* The lines of one page: poppler's text split at line feeds, blank
 * lines left out. */
typedef struct page_lines {
	char **line;
	size_t n, cap;
} page_lines;

static void
split_page(const char *text, page_lines *p)
{
	const char *s = text;

	while (*s != '\0') {
		size_t n = strcspn(s, "\n");
		size_t e = n;

		while (e > 0 && (s[e - 1] == '\r' || s[e - 1] == ' '))
			e--;
		if (e > 0) {
			p->line = zc_xgrow(p->line, &p->cap, p->n + 1,
			    sizeof *p->line);
			p->line[p->n++] = zc_xstrndup(s, e);
		}
		s += n + (s[n] == '\n');
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

/* Whether the key of the line at place (0 first, 1 last) of page k is on
 * that place of at least two pages and half of them. */
static bool
is_running(char *const *keys, size_t n_pages, size_t k)
{
	size_t same = 0;

	if (keys[k] == NULL || keys[k][0] == '\0')
		return false;
	for (size_t j = 0; j < n_pages; j++)
		same += keys[j] != NULL && strcmp(keys[j], keys[k]) == 0;
	return same >= 2 && 2 * same >= n_pages;
}

/* The keys of the first (place 0) or last line of every page. */
static char **
place_keys(const page_lines *pages, size_t n_pages, int place)
{
	char **keys = zc_xcalloc(n_pages ? n_pages : 1, sizeof *keys);

	for (size_t k = 0; k < n_pages; k++)
		if (pages[k].n > (place == 0 ? 0 : 1))
			keys[k] = running_key(pages[k].line[place == 0 ? 0 :
			    pages[k].n - 1]);
	return keys;
}

static void
free_keys(char **keys, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(keys[k]);
	free(keys);
}

/* The pages as lines, the running ones moved to the end once each. */
static void
pages_to_lines(page_lines *pages, size_t n_pages, zc_lines *out)
{
	char **head = place_keys(pages, n_pages, 0);
	char **foot = place_keys(pages, n_pages, 1);
	zc_lines moved = { 0 };

	for (size_t k = 0; k < n_pages; k++) {
		bool drop_head = n_pages > 1 && is_running(head, n_pages, k);
		bool drop_foot = n_pages > 1 && is_running(foot, n_pages, k);

		for (size_t i = 0; i < pages[k].n; i++) {
			bool first = i == 0, last = i + 1 == pages[k].n;
			char **keys = first ? head : foot;
			bool seen = false;

			if ((first && drop_head) || (last && !first &&
			    drop_foot)) {
				/* kept once: where its key is first seen */
				for (size_t j = 0; j < k && !seen; j++)
					seen = keys[j] != NULL &&
					    strcmp(keys[j], keys[k]) == 0;
				if (!seen)
					zc_lines_add(&moved, pages[k].line[i],
					    strlen(pages[k].line[i]),
					    (unsigned)k + 1, ZC_LINE_BREAK);
				continue;
			}
			zc_lines_add(out, pages[k].line[i],
			    strlen(pages[k].line[i]), (unsigned)k + 1,
			    out->n == 0 ? ZC_LINE_BREAK : 0);
		}
	}
	for (size_t i = 0; i < moved.n; i++)
		zc_lines_add(out, moved.items[i].text, moved.items[i].len,
		    moved.items[i].line, ZC_LINE_BREAK);
	zc_lines_free(&moved);
	free_keys(head, n_pages);
	free_keys(foot, n_pages);
}

static pthread_mutex_t poppler_lock = PTHREAD_MUTEX_INITIALIZER;

/* Every page of d, its lines into pages[0..n). */
static void
read_pages(PopplerDocument *d, page_lines *pages, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		PopplerPage *page = poppler_document_get_page(d, (int)k);
		char *text;

		if (page == NULL)
			continue;
		text = poppler_page_get_text(page);
		if (text != NULL)
			split_page(text, &pages[k]);
		g_free(text);
		g_object_unref(page);
	}
}

static zc_status
open_failed(GError *gerr, zc_error *err)
{
	zc_status st;

	if (gerr != NULL && gerr->domain == POPPLER_ERROR &&
	    gerr->code == POPPLER_ERROR_ENCRYPTED)
		st = zc_fail(err, ZC_EINVAL, "encrypted (needs a password)");
	else
		st = zc_fail(err, ZC_EINVAL, "not a readable PDF (%s)",
		    gerr != NULL ? gerr->message : "no reason given");
	if (gerr != NULL)
		g_error_free(gerr);
	return st;
}

zc_status
zc_pdf_extract(const char *bytes, size_t len, zc_lines *out, zc_error *err)
{
	GBytes *b = g_bytes_new_static(bytes, len);
	GError *gerr = NULL;
	PopplerDocument *d;
	page_lines *pages = NULL;
	size_t n = 0;
	zc_status st = ZC_OK;
	char *title;

	memset(out, 0, sizeof *out);
	pthread_mutex_lock(&poppler_lock);
	d = poppler_document_new_from_bytes(b, NULL, &gerr);
	if (d == NULL) {
		pthread_mutex_unlock(&poppler_lock);
		g_bytes_unref(b);
		return open_failed(gerr, err);
	}
	n = (size_t)poppler_document_get_n_pages(d);
	pages = zc_xcalloc(n ? n : 1, sizeof *pages);
	read_pages(d, pages, n);
	title = poppler_document_get_title(d);
	if (title != NULL && title[0] != '\0')
		out->hints.title_tag = zc_xstrdup(title);
	g_free(title);
	g_object_unref(d);
	pthread_mutex_unlock(&poppler_lock);
	g_bytes_unref(b);
	pages_to_lines(pages, n, out);
	if (out->n == 0)
		st = zc_fail(err, ZC_EBINARY, "no text layer (scanned?)");
	for (size_t k = 0; k < n; k++) {
		for (size_t i = 0; i < pages[k].n; i++)
			free(pages[k].line[i]);
		free(pages[k].line);
	}
	free(pages);
	return st;
}
