/*
 * ofd.c — an OFD document's text (zc_package.h).  Data flow: the
 * archive → OFD.xml (DocRoot, DocInfo) → Document.xml (its pages) →
 * each page's TextObjects → lines by baseline → pages (pages.c) → lines.
 *
 * Invariants: every TextCode of every listed page is in one line, in
 * the order of its page; parts are named relative to the part that
 * names them, or from the root when they start with '/'; the parts read
 * add up to ZC_MAX_INPUT at most.
 */
#include "zc_package.h"

#include <stdlib.h>
#include <string.h>

#include "zc_pages.h"

/* The part called ref by the part at from (its folder, for a relative
 * name), as a name of the archive. */
static char *
resolve(const char *from, const char *ref)
{
	const char *slash = strrchr(from, '/');
	size_t dir = slash != NULL ? (size_t)(slash - from) + 1 : 0;
	zc_buf b = { 0 };

	while (ref[0] == '.' && ref[1] == '/')
		ref += 2;
	if (ref[0] == '/')
		zc_buf_puts(&b, ref + 1);
	else {
		zc_buf_append(&b, from, dir);
		zc_buf_puts(&b, ref);
	}
	return zc_buf_steal(&b);
}

/* The text of element n, trimmed, or NULL (free with free). */
static char *
text_of(const xmlNode *n)
{
	xmlChar *t = n != NULL ? xmlNodeGetContent(n) : NULL;
	char *s = NULL;
	size_t a = 0, e;

	if (t == NULL)
		return NULL;
	e = strlen((const char *)t);
	while (a < e && (t[a] == ' ' || t[a] == '\n' || t[a] == '\t' ||
	    t[a] == '\r'))
		a++;
	while (e > a && (t[e - 1] == ' ' || t[e - 1] == '\n' ||
	    t[e - 1] == '\t' || t[e - 1] == '\r'))
		e--;
	if (e > a)
		s = zc_xstrndup((const char *)t + a, e - a);
	xmlFree(t);
	return s;
}

static double
number_attr(const xmlNode *n, const char *name, int index, double dflt)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	double out = dflt;
	char *p, *end;

	if (v == NULL)
		return dflt;
	p = (char *)v;
	for (int i = 0; i <= index; i++) {
		double d = strtod(p, &end);

		if (end == p)
			break;
		if (i == index)
			out = d;
		p = end;
	}
	xmlFree(v);
	return out;
}

/* A page's lines being built: the current one and its baseline. */
typedef struct page_walk {
	zc_pages *pages;
	size_t k;
	zc_buf cur;
	double y;
	bool open;
} page_walk;

static void
end_line(page_walk *w)
{
	if (w->open)
		zc_pages_add_line(w->pages, w->k, w->cur.data, w->cur.len);
	zc_buf_reset(&w->cur);
	w->open = false;
}

/* A TextObject: each TextCode at its baseline, on the current line when
 * that is within half a character of it, else on a new one. */
static void
text_object(page_walk *w, const xmlNode *obj)
{
	double top = number_attr(obj, "Boundary", 1, 0);
	double size = number_attr(obj, "Size", 0, 3.5);

	for (const xmlNode *c = obj->children; c != NULL; c = c->next) {
		char *t;
		double y;

		if (!zc_package_is(c, "TextCode"))
			continue;
		y = top + number_attr(c, "Y", 0, size);
		if (w->open && (y - w->y > size / 2 || w->y - y > size / 2))
			end_line(w);
		t = text_of(c);
		if (t != NULL) {
			zc_buf_puts(&w->cur, t);
			w->open = true;
			w->y = y;
		}
		free(t);
	}
}

/* Every TextObject under n, in order (layers, page blocks). */
static void
page_objects(page_walk *w, const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c != NULL && depth < 50;
	    c = c->next) {
		if (zc_package_is(c, "TextObject"))
			text_object(w, c);
		else if (c->type == XML_ELEMENT_NODE)
			page_objects(w, c, depth + 1);
	}
}

static zc_status
read_page(zc_zip *z, const char *part, zc_pages *pages, size_t k,
    size_t *budget, zc_error *err)
{
	page_walk w = { .pages = pages, .k = k };
	xmlDoc *doc;
	zc_status st = zc_package_parse(z, part, ZC_PACKAGE_MAX_PART, budget,
	    &doc, err);

	if (st != ZC_OK)
		return st;
	page_objects(&w, xmlDocGetRootElement(doc), 0);
	end_line(&w);
	zc_buf_free(&w.cur);
	xmlFreeDoc(doc);
	return ZC_OK;
}

/* The pages listed by the document part doc_part. */
static zc_status
read_document(zc_zip *z, const char *doc_part, zc_lines *out,
    size_t *budget, zc_error *err)
{
	xmlDoc *doc;
	xmlNode *list;
	zc_pages pages;
	size_t n = 0, k = 0;
	zc_status st = zc_package_parse(z, doc_part, ZC_PACKAGE_MAX_PART,
	    budget, &doc, err);

	if (st != ZC_OK)
		return st;
	list = zc_package_child(xmlDocGetRootElement(doc), "Pages");
	for (xmlNode *p = list != NULL ? list->children : NULL; p != NULL;
	    p = p->next)
		n += zc_package_is(p, "Page");
	st = zc_pages_init(&pages, n, err);
	for (xmlNode *p = list != NULL ? list->children : NULL;
	    p != NULL && st == ZC_OK; p = p->next) {
		xmlChar *loc;
		char *part;

		if (!zc_package_is(p, "Page"))
			continue;
		loc = xmlGetProp(p, (const xmlChar *)"BaseLoc");
		if (loc == NULL) {
			st = zc_fail(err, ZC_EINVAL, "page %zu: no BaseLoc",
			    k + 1);
			break;
		}
		part = resolve(doc_part, (const char *)loc);
		xmlFree(loc);
		st = read_page(z, part, &pages, k++, budget, err);
		free(part);
	}
	if (st == ZC_OK)
		zc_pages_to_lines(&pages, out);
	zc_pages_free(&pages);
	xmlFreeDoc(doc);
	return st;
}

zc_status
zc_ofd_extract(zc_zip *z, zc_lines *out, zc_error *err)
{
	size_t budget = ZC_MAX_INPUT;
	xmlDoc *ofd;
	xmlNode *body, *info;
	char *root, *part, *title;
	zc_status st;

	st = zc_package_parse(z, "OFD.xml", 1 << 20, &budget, &ofd, err);
	if (st != ZC_OK)
		return st;
	body = zc_package_child(xmlDocGetRootElement(ofd), "DocBody");
	root = text_of(zc_package_child(body, "DocRoot"));
	info = zc_package_child(body, "DocInfo");
	title = text_of(zc_package_child(info, "Title"));
	out->hints.created = text_of(zc_package_child(info, "CreationDate"));
	xmlFreeDoc(ofd);
	if (root == NULL) {
		free(title);
		return zc_fail(err, ZC_EINVAL, "OFD.xml names no DocRoot");
	}
	part = resolve("OFD.xml", root);
	free(root);
	st = read_document(z, part, out, &budget, err);
	free(part);
	if (title != NULL)
		out->hints.title_tag = title;
	return st;
}
