/*
 * docx.c — a Word document's text (zc_package.h).  Data flow: the
 * archive → word/document.xml → paragraphs and table rows, in document
 * order → lines numbered by block; docProps/core.xml → the title hint.
 *
 * Invariants: every w:t of the body is in exactly one line, in document
 * order, but deleted and moved-away text (w:delText, w:moveFrom), field
 * codes (w:instrText) and a text box's fallback copy (mc:Fallback),
 * which a reader does not see or sees once; each line is a block
 * (ZC_LINE_BREAK).
 */
#include "zc_package.h"

#include <string.h>

/* The lines being built: the text of the current block, and its
 * ordinal. */
typedef struct docx_walk {
	zc_lines *out;
	zc_buf cur;
	unsigned block;
	unsigned flags; /* of the next line added */
} docx_walk;

static void
emit(docx_walk *w)
{
	size_t s = 0, e = w->cur.len;

	zc_trim_spaces(w->cur.data, &s, &e);
	if (e > s) {
		zc_lines_add(w->out, w->cur.data + s, e - s, w->block, w->flags);
		w->flags = 0;
	}
	zc_buf_reset(&w->cur);
}

/* The visible text under n, appended to w->cur: w:t as it is, w:tab as
 * a space, w:br and w:cr ending a line of the block; a nested table's
 * cells separated by spaces. */
static void
runs_text(docx_walk *w, const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c != NULL && depth < 200;
	    c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (zc_package_is(c, "t")) {
			xmlChar *t = xmlNodeGetContent(c);

			if (t != NULL)
				zc_buf_puts(&w->cur, (const char *)t);
			xmlFree(t);
		} else if (zc_package_is(c, "tab")) {
			zc_buf_putc(&w->cur, ' ');
		} else if (zc_package_is(c, "br") || zc_package_is(c, "cr")) {
			emit(w);
		} else if (zc_package_is(c, "delText") ||
		    zc_package_is(c, "instrText") ||
		    zc_package_is(c, "rPr") || zc_package_is(c, "pPr") ||
		    zc_package_is(c, "Fallback") ||
		    zc_package_is(c, "moveFrom")) {
			/* deleted or moved-away text, field codes, and the
			 * copy of a text box that Word writes for readers
			 * without drawingML (mc:Fallback of mc:Choice) */
			continue;
		} else {
			if (zc_package_is(c, "tc") || zc_package_is(c, "p"))
				zc_buf_putc(&w->cur, ' ');
			runs_text(w, c, depth + 1);
		}
	}
}

/* A table row: its cells' text joined by " | ". */
static void
row_text(docx_walk *w, const xmlNode *tr)
{
	bool first = true;

	for (const xmlNode *tc = tr->children; tc != NULL; tc = tc->next) {
		if (!zc_package_is(tc, "tc"))
			continue;
		if (!first)
			zc_buf_puts(&w->cur, " | ");
		runs_text(w, tc, 0);
		first = false;
	}
}

/* The blocks of a body (or of a w:sdtContent inside it). */
static void
blocks(docx_walk *w, const xmlNode *body, int depth)
{
	for (const xmlNode *c = body->children; c != NULL && depth < 50;
	    c = c->next) {
		if (zc_package_is(c, "p")) {
			w->block++;
			w->flags = ZC_LINE_BREAK;
			runs_text(w, c, 0);
			emit(w);
		} else if (zc_package_is(c, "tbl")) {
			for (const xmlNode *tr = c->children; tr != NULL;
			    tr = tr->next) {
				if (!zc_package_is(tr, "tr"))
					continue;
				w->block++;
				w->flags = ZC_LINE_BREAK;
				row_text(w, tr);
				emit(w);
			}
		} else if (zc_package_is(c, "sdt")) {
			const xmlNode *content = zc_package_child(c,
			    "sdtContent");

			if (content != NULL)
				blocks(w, content, depth + 1);
		} else if (zc_package_is(c, "customXml") ||
		    zc_package_is(c, "ins") || zc_package_is(c, "moveTo")) {
			/* blocks wrapped in custom markup or a tracked
			 * insertion are blocks */
			blocks(w, c, depth + 1);
		}
	}
}

/* docProps/core.xml's dc:title and dcterms:created, when it has them. */
static void
read_properties(zc_zip *z, zc_lines *out)
{
	zc_error err = { 0 };
	xmlDoc *doc;
	xmlNode *title;
	xmlChar *t;

	if (!zc_zip_has(z, "docProps/core.xml") ||
	    zc_package_parse(z, "docProps/core.xml", 1 << 20, NULL, &doc,
	    &err) != ZC_OK)
		return;
	title = zc_package_child(xmlDocGetRootElement(doc), "title");
	t = title != NULL ? xmlNodeGetContent(title) : NULL;
	if (t != NULL && t[0] != '\0')
		out->hints.title_tag = zc_xstrdup((const char *)t);
	xmlFree(t);
	title = zc_package_child(xmlDocGetRootElement(doc), "created");
	t = title != NULL ? xmlNodeGetContent(title) : NULL;
	if (t != NULL && t[0] != '\0')
		out->hints.created = zc_xstrdup((const char *)t);
	xmlFree(t);
	xmlFreeDoc(doc);
}

zc_status
zc_docx_extract(zc_zip *z, zc_lines *out, zc_error *err)
{
	docx_walk w = { .out = out };
	xmlDoc *doc;
	xmlNode *body;
	zc_status st;

	st = zc_package_parse(z, "word/document.xml", ZC_PACKAGE_MAX_PART,
	    NULL, &doc, err);
	if (st != ZC_OK)
		return st;
	body = zc_package_child(xmlDocGetRootElement(doc), "body");
	if (body != NULL)
		blocks(&w, body, 0);
	zc_buf_free(&w.cur);
	xmlFreeDoc(doc);
	read_properties(z, out);
	return ZC_OK;
}
