/*
 * doc.c — the document model handed from the pipeline to the indexer
 * (zc_doc.h).
 */
#include "zc_doc.h"

#include <stdlib.h>
#include <string.h>

#include "zc_json.h"
#include "zc_util.h"

void
zc_doc_add_passage(zc_doc *doc, const char *text, size_t len, unsigned line)
{
	zc_passage *p;

	doc->passages = zc_xgrow(doc->passages, &doc->cap_passages,
	    doc->n_passages + 1, sizeof *doc->passages);
	p = &doc->passages[doc->n_passages++];
	p->text = zc_xstrndup(text, len);
	p->len = len;
	p->line = line;
	p->pos = 0;
	p->join = ZC_JOIN_PARAGRAPH;
	p->starts = NULL;
	p->n_starts = 0;
}

void
zc_doc_add_line_start(zc_doc *doc, size_t off, unsigned line)
{
	zc_passage *p = &doc->passages[doc->n_passages - 1];

	p->starts = zc_xrealloc(p->starts, (p->n_starts + 1) *
	    sizeof *p->starts);
	p->starts[p->n_starts++] = (zc_line_start){ off, line };
}

unsigned
zc_line_at(unsigned line, const zc_line_start *starts, size_t n, size_t off)
{
	for (size_t i = 0; i < n && starts[i].off <= off; i++)
		line = starts[i].line;
	return line;
}

bool
zc_doc_format_paged(const char *name, size_t len)
{
	return len == 3 && (memcmp(name, "pdf", 3) == 0 ||
	    memcmp(name, "ofd", 3) == 0);
}

void
zc_meta_set(zc_meta *meta, zc_field f, const char *value)
{
	free(meta->value[f]);
	meta->value[f] = value != NULL ? zc_xstrdup(value) : NULL;
}

void
zc_meta_free(zc_meta *meta)
{
	for (int f = 0; f < ZC_FIELD_COUNT; f++) {
		free(meta->value[f]);
		meta->value[f] = NULL;
	}
}

void
zc_doc_free(zc_doc *doc)
{
	for (size_t i = 0; i < doc->n_passages; i++) {
		free(doc->passages[i].text);
		free(doc->passages[i].starts);
	}
	free(doc->passages);
	free(doc->path);
	zc_meta_free(&doc->meta);
	memset(doc, 0, sizeof *doc);
}

void
zc_meta_json(zc_buf *out, const zc_meta *meta)
{
	for (int f = 0; f < ZC_FIELD_COUNT; f++) {
		if (f > 0)
			zc_buf_putc(out, ',');
		zc_json_string_or_null(out, zc_fields[f].key);
		zc_buf_putc(out, ':');
		zc_json_string_or_null(out, meta->value[f]);
	}
}
