/*
 * pdf.c — the text layer of a PDF as lines (zc_pdf.h).  Data flow: file
 * bytes → poppler, page by page → the lines of each page (pages.c) →
 * zc_lines, for clean.
 *
 * Invariants: poppler reads the caller's bytes in place and never a
 * file, a font or the network.  Poppler's global state is not known to
 * be safe from several threads (its GlobalParams), so one document is
 * open at a time.
 */
#include "zc_pdf.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "zc_pages.h"

bool
zc_pdf_sniff(const char *bytes, size_t len)
{
	return len >= 5 && memcmp(bytes, "%PDF-", 5) == 0;
}

static pthread_mutex_t poppler_lock = PTHREAD_MUTEX_INITIALIZER;

/* Every page of d, its lines into pages; ZC_ETOOBIG once their text
 * passes ZC_MAX_INPUT (a content stream inflates to any size). */
static zc_status
read_pages(PopplerDocument *d, zc_pages *pages, zc_error *err)
{
	size_t total = 0;

	for (size_t k = 0; k < pages->n; k++) {
		PopplerPage *page = poppler_document_get_page(d, (int)k);
		char *text;

		if (page == NULL)
			continue;
		text = poppler_page_get_text(page);
		g_object_unref(page);
		if (text == NULL)
			continue;
		total += strlen(text);
		if (total > ZC_MAX_INPUT) {
			g_free(text);
			return zc_fail(err, ZC_ETOOBIG, "text larger than %zu MB",
			    ZC_MAX_INPUT >> 20);
		}
		zc_pages_add_text(pages, k, text, strlen(text));
		g_free(text);
	}
	return ZC_OK;
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
	zc_pages pages;
	zc_status st = ZC_OK;
	GDateTime *created;
	char *title;
	int n_pages;

	memset(out, 0, sizeof *out);
	pthread_mutex_lock(&poppler_lock);
	d = poppler_document_new_from_bytes(b, NULL, &gerr);
	if (d == NULL) {
		pthread_mutex_unlock(&poppler_lock);
		g_bytes_unref(b);
		return open_failed(gerr, err);
	}
	n_pages = poppler_document_get_n_pages(d);
	st = zc_pages_init(&pages, n_pages > 0 ? (size_t)n_pages : 0, err);
	if (st == ZC_OK)
		st = read_pages(d, &pages, err);
	title = poppler_document_get_title(d);
	if (title != NULL && title[0] != '\0')
		out->hints.title_tag = zc_xstrdup(title);
	g_free(title);
	created = poppler_document_get_creation_date_time(d);
	if (created != NULL) {
		gchar *day = g_date_time_format(created, "%Y-%m-%d");

		if (day != NULL)
			out->hints.created = zc_xstrdup(day);
		g_free(day);
		g_date_time_unref(created);
	}
	g_object_unref(d);
	pthread_mutex_unlock(&poppler_lock);
	g_bytes_unref(b);
	if (st == ZC_OK)
		zc_pages_to_lines(&pages, out);
	zc_pages_free(&pages);
	if (st == ZC_OK && out->n == 0)
		st = zc_fail(err, ZC_EBINARY, "no text layer (scanned?)");
	return st;
}
