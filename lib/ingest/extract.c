/*
 * extract.c — the extract stage (zc_extract.h): UTF-8 text of one format
 * → visible lines with their source line numbers, plus markup metadata.
 *
 * Invariants: every zc_line carries the 1-based source line where its
 * first visible character is; no markup survives (tags, Markdown
 * markers, comments); the HTML and XML trees are walked iteratively, so
 * nesting depth costs no stack; libxml2 never touches the network, never
 * loads external entities or DTDs and never prints.
 */
#include "zc_extract.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "zc_chars.h"

void
zc_lines_add(zc_lines *l, const char *text, size_t len, unsigned line,
    unsigned flags)
{
	l->items = zc_xgrow(l->items, &l->cap, l->n + 1, sizeof *l->items);
	l->items[l->n++] = (zc_line){ .text = zc_xstrndup(text, len),
	    .len = len, .line = line, .flags = flags };
}

void
zc_lines_add_start(zc_lines *l, size_t off, unsigned line)
{
	zc_line *ln = &l->items[l->n - 1];

	ln->starts = zc_xrealloc(ln->starts, (ln->n_starts + 1) *
	    sizeof *ln->starts);
	ln->starts[ln->n_starts++] = (zc_line_start){ off, line };
}

/* The starts of ln, moved from its old text to text[0..len): each to the
 * visible character that as many visible ones precede.  One pass over
 * both texts, the starts being in order. */
static void
move_starts(zc_line *ln, const char *text, size_t len)
{
	size_t kept = 0, last = 0, i = 0, j = 0, seen_old = 0, seen_new = 0;
	size_t adv;

	for (size_t k = 0; k < ln->n_starts; k++) {
		size_t off = ln->starts[k].off;

		/* visible characters of the old text before the start */
		while (i < off && i < ln->len) {
			seen_old += !zc_chars_is_space(zc_utf8_decode(
			    ln->text + i, ln->len - i, &adv));
			i += adv;
		}
		/* the new text's visible character with as many before it */
		for (;;) {
			bool space;

			if (j >= len)
				break;
			space = zc_chars_is_space(zc_utf8_decode(text + j,
			    len - j, &adv));
			if (!space && seen_new == seen_old)
				break;
			seen_new += !space;
			j += adv;
		}
		if (j == 0 || j >= len || j <= last)
			continue;
		ln->starts[kept++] = (zc_line_start){ j, ln->starts[k].line };
		last = j;
	}
	ln->n_starts = kept;
}

void
zc_lines_set_text(zc_lines *l, size_t i, const char *text, size_t len,
    bool keep_raw)
{
	char *t = zc_xstrndup(text, len);

	move_starts(&l->items[i], text, len);
	if (keep_raw && l->items[i].raw == NULL)
		l->items[i].raw = l->items[i].text;
	else
		free(l->items[i].text);
	l->items[i].text = t;
	l->items[i].len = len;
}

void
zc_lines_free(zc_lines *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].text);
		free(l->items[i].raw);
		free(l->items[i].starts);
	}
	free(l->items);
	zc_meta_free(&l->hints.tags);
	free(l->hints.title_tag);
	free(l->hints.heading);
	free(l->hints.created);
	memset(l, 0, sizeof *l);
}

static bool
is_blank(const char *s, size_t len)
{
	size_t i = 0, adv;

	while (i < len) {
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);

		if (!zc_chars_is_space(cp))
			return false;
		i += adv;
	}
	return true;
}

/* ---- plain text ------------------------------------------------------ */

static void
extract_text(const char *s, size_t len, zc_lines *out)
{
	unsigned line = 1, flags = ZC_LINE_BREAK;
	size_t i = 0;

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - s) : len;
		size_t e = end;

		if (e > i && s[e - 1] == '\r')
			e--;
		if (is_blank(s + i, e - i)) {
			flags = ZC_LINE_BREAK;
		} else {
			zc_lines_add(out, s + i, e - i, line, flags);
			flags = 0;
		}
		i = end + 1;
		line++;
	}
}

/* ---- names that markup gives a field ---------------------------------- */

/* Names that markup gives a field besides its JSON key (title,
 * written, issuer, doc_no …) and its page labels: <meta name=…> of
 * government sites, front-matter keys, XML elements; without case. */
static const struct {
	const char *name;
	zc_field field;
} markup_names[] = {
	{ "ArticleTitle", ZC_FIELD_TITLE },
	{ "PubDate", ZC_FIELD_PUBLISHED },
	{ "publishdate", ZC_FIELD_PUBLISHED },
	{ "publish_date", ZC_FIELD_PUBLISHED },
	{ "firstpublishedtime", ZC_FIELD_PUBLISHED },
	{ "date", ZC_FIELD_PUBLISHED },
	{ "ContentSource", ZC_FIELD_ISSUER },
	{ "source", ZC_FIELD_ISSUER },
	{ "publisher", ZC_FIELD_ISSUER },
	{ "IndexNo", ZC_FIELD_INDEX_NO },
	{ "FileNo", ZC_FIELD_DOC_NO },
	{ "DocNo", ZC_FIELD_DOC_NO },
};

/* The field that markup name[0..len) gives: a name above, a JSON key
 * of the field table, or a page label (<发布日期>, 文号: in front
 * matter). */
static bool
markup_field(const char *name, size_t len, zc_field *out)
{
	/* first, so that a page's date: is its 发布日期 */
	for (size_t i = 0; i < sizeof markup_names / sizeof markup_names[0];
	    i++)
		if (strlen(markup_names[i].name) == len &&
		    strncasecmp(markup_names[i].name, name, len) == 0) {
			*out = markup_names[i].field;
			return true;
		}
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		if (strlen(zc_fields[f].key) == len &&
		    strncasecmp(zc_fields[f].key, name, len) == 0) {
			*out = (zc_field)f;
			return true;
		}
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		for (const zc_field_label *l = zc_fields[f].labels;
		    l->word != NULL; l++)
			if (strlen(l->word) == len &&
			    memcmp(l->word, name, len) == 0) {
				*out = (zc_field)f;
				return true;
			}
	return false;
}

/* Keep value[0..len) as the markup's candidate for the field of name,
 * unless the markup gave that field already. */
static void
hint_field(zc_hints *h, const char *name, size_t name_len,
    const char *value, size_t len)
{
	zc_field f;
	char *v;

	while (len > 0 && (*value == ' ' || *value == '"' || *value == '\''))
		value++, len--;
	while (len > 0 && (value[len - 1] == ' ' || value[len - 1] == '"' ||
	    value[len - 1] == '\''))
		len--;
	/* <source>http://…</source> is where a page was found, not who
	 * issued it */
	if (len == 0 || is_blank(value, len) ||
	    memmem(value, len, "://", 3) != NULL ||
	    !markup_field(name, name_len, &f) || h->tags.value[f] != NULL)
		return;
	v = zc_xstrndup(value, len);
	zc_meta_set(&h->tags, f, v);
	free(v);
}

/* ---- Markdown -------------------------------------------------------- */

/* A front-matter key: letters, digits, _ and -, or a Chinese label. */
static bool
is_key(const char *s, size_t len)
{
	size_t i = 0, adv;

	if (len == 0 || len > 40)
		return false;
	while (i < len) {
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);

		if (!(cp < 0x80 && (isalnum((int)cp) || cp == '_' ||
		    cp == '-')) && !zc_chars_is_han(cp))
			return false;
		i += adv;
	}
	return true;
}

/* Front matter (--- at the top, key: value lines, --- or ...): its
 * known keys are markup hints, and its lines stay text, flagged as
 * metadata so that none becomes the title.  The offset after it, and
 * *line the source line after it; 0 when s has none. */
static size_t
front_matter(const char *s, size_t len, zc_lines *out, unsigned *line)
{
	const char *first_nl = memchr(s, '\n', len);
	bool keys = false;
	unsigned n;
	size_t i;

	if (len < 4 || memcmp(s, "---", 3) != 0 ||
	    (s[3] != '\n' && s[3] != '\r') || first_nl == NULL)
		return 0;
	i = (size_t)(first_nl - s) + 1;
	n = 2;
	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - s) : len, e = end;
		const char *colon;

		if (e > i && s[e - 1] == '\r')
			e--;
		if (e - i == 3 && (memcmp(s + i, "---", 3) == 0 ||
		    memcmp(s + i, "...", 3) == 0)) {
			if (!keys)
				break; /* a rule, then text, then a rule */
			*line = n + 1;
			return end + 1 < len ? end + 1 : len;
		}
		colon = memchr(s + i, ':', e - i);
		keys |= colon != NULL && is_key(s + i, (size_t)(colon - s) - i);
		if (colon != NULL)
			hint_field(&out->hints, s + i, (size_t)(colon - s) - i,
			    colon + 1, e - (size_t)(colon - s) - 1);
		if (!is_blank(s + i, e - i))
			zc_lines_add(out, s + i, e - i, n,
			    ZC_LINE_BREAK | ZC_LINE_META);
		i = end + 1;
		n++;
	}
	/* never closed, or no key in it: not front matter after all */
	for (size_t k = 0; k < out->n; k++)
		free(out->items[k].text), free(out->items[k].raw);
	out->n = 0;
	zc_meta_free(&out->hints.tags);
	return 0;
}


/* A line of only -, *, _ (a rule) or only |, -, : and spaces with at
 * least one - (a table's separator row). */
static bool
is_md_rule(const char *s, size_t len)
{
	size_t dashes = 0, other = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '-' || s[i] == '*' || s[i] == '_' || s[i] == '=')
			dashes++;
		else if (s[i] != ' ' && s[i] != '\t' && s[i] != '|' &&
		    s[i] != ':')
			other++;
	}
	return other == 0 && dashes >= 3;
}

/* Inline markup: images and links keep their text, emphasis and code
 * markers go, backslash escapes keep the escaped character. */
static void
md_inline(const char *s, size_t len, zc_buf *out)
{
	size_t i = 0;

	while (i < len) {
		char c = s[i];

		if (c == '\\' && i + 1 < len &&
		    strchr("\\`*_{}[]()#+-.!|>~", s[i + 1]) != NULL) {
			zc_buf_putc(out, s[i + 1]);
			i += 2;
		} else if ((c == '*' || c == '_' || c == '~') && i + 1 < len &&
		    s[i + 1] == c) {
			i += 2;
		} else if (c == '`') {
			i++;
		} else if ((c == '[' || (c == '!' && i + 1 < len &&
		    s[i + 1] == '['))) {
			size_t open = c == '!' ? i + 1 : i, close, paren;
			const char *rb = memchr(s + open, ']', len - open);

			close = rb != NULL ? (size_t)(rb - s) : len;
			if (close + 1 < len && s[close + 1] == '(' &&
			    (rb = memchr(s + close, ')', len - close)) != NULL) {
				paren = (size_t)(rb - s);
				md_inline(s + open + 1, close - open - 1, out);
				i = paren + 1;
			} else {
				zc_buf_putc(out, c);
				i++;
			}
		} else {
			zc_buf_putc(out, c);
			i++;
		}
	}
}

static void
extract_markdown(const char *s, size_t len, zc_lines *out)
{
	unsigned line = 1, flags = ZC_LINE_BREAK;
	bool in_code = false, in_comment = false;
	zc_buf b = { 0 };
	size_t i = front_matter(s, len, out, &line);

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - s) : len, p = i, e = end;
		unsigned lflags = flags;

		if (e > p && s[e - 1] == '\r')
			e--;
		while (p < e && (s[p] == ' ' || s[p] == '\t'))
			p++;
		if (in_comment) {
			const char *c = memmem(s + p, e - p, "-->", 3);

			if (c != NULL)
				in_comment = false;
			goto next;
		}
		if (e - p >= 3 && (strncmp(s + p, "```", 3) == 0 ||
		    strncmp(s + p, "~~~", 3) == 0)) {
			in_code = !in_code;
			flags = ZC_LINE_BREAK;
			goto next;
		}
		if (!in_code && e - p >= 4 && strncmp(s + p, "<!--", 4) == 0) {
			if (memmem(s + p, e - p, "-->", 3) == NULL)
				in_comment = true;
			flags = ZC_LINE_BREAK;
			goto next;
		}
		if (is_blank(s + p, e - p) || (!in_code &&
		    is_md_rule(s + p, e - p))) {
			flags = ZC_LINE_BREAK;
			goto next;
		}
		if (!in_code) {
			size_t h = 0;

			while (p + h < e && s[p + h] == '#')
				h++;
			if (h >= 1 && h <= 6 && (p + h == e ||
			    s[p + h] == ' ' || s[p + h] == '\t')) {
				p += h;
				while (e > p && (s[e - 1] == '#' ||
				    s[e - 1] == ' '))
					e--;
				lflags |= ZC_LINE_HEADING | ZC_LINE_BREAK;
			}
			while (p < e && s[p] == '>') {
				p++;
				while (p < e && s[p] == ' ')
					p++;
			}
			if (p + 1 < e && (s[p] == '-' || s[p] == '*' ||
			    s[p] == '+') && (s[p + 1] == ' ' || s[p + 1] == '\t'))
				p += 2;
			while (p < e && (s[p] == ' ' || s[p] == '\t'))
				p++;
		}
		zc_buf_reset(&b);
		if (in_code)
			zc_buf_append(&b, s + p, e - p);
		else
			md_inline(s + p, e - p, &b);
		if (b.len == 0 || is_blank(b.data, b.len)) {
			flags = ZC_LINE_BREAK;
			goto next;
		}
		if ((lflags & ZC_LINE_HEADING) && out->hints.heading == NULL)
			out->hints.heading = zc_xstrndup(b.data, b.len);
		zc_lines_add(out, b.data, b.len, line, lflags);
		flags = (lflags & ZC_LINE_HEADING) ? ZC_LINE_BREAK : 0;
next:
		i = end + 1;
		line++;
	}
	zc_buf_free(&b);
}

/* ---- HTML and XML ---------------------------------------------------- */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

void
zc_extract_init(void)
{
	pthread_once(&xml_once, xmlInitParser);
}

/* NOERROR does not silence encoding errors (docs/pitfalls.md, libxml2):
 * catch every report ourselves and drop it. */
static void
silent_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
silent_structured(void *ctx, xmlErrorPtr error)
{
	(void)ctx;
	(void)error;
}

void
zc_extract_silence(void)
{
	/* libxml2's error handlers are per thread. */
	xmlSetGenericErrorFunc(NULL, silent_generic);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
}

/* ---- the source line of each character of a text node ------------------
 *
 * libxml2 gives a text node one line, that of the end of the first chunk
 * of text the parser handed over for it, which is not where its text
 * starts when an entity, a comment or a long run cut it into chunks, and
 * which stops at 65535 in the HTML parser (pitfalls.md).  So the parse
 * records, for every chunk, where it ends in the node's content and the
 * parser's line there (an int, not capped); node->_private points to a
 * node's chunks. */

typedef struct chunk_end {
	const xmlNode *node;
	size_t end; /* in the node's content */
	int line;   /* of the source right after it */
} chunk_end;

/* The chunks of every text node, in the order of the parse: a node's
 * chunks are consecutive (text is only ever added to the node built
 * last), and node->_private is 1 + the index of its first. */
typedef struct line_recorder {
	charactersSAXFunc characters, blanks;
	cdataBlockSAXFunc cdata;
	chunk_end *v;
	size_t n, cap;
} line_recorder;

/* A node's chunks, v[0..n); none when it has no record or, text having
 * been added to it after another node's, no consecutive one. */
typedef struct node_chunks {
	const chunk_end *v;
	size_t n;
} node_chunks;

#define SCATTERED ((void *)-1)

/* The parser's line right after chunk ch[0..len).  libxml2 2.9.14's
 * HTML parser hands over a full buffer (1000 bytes) before it steps past
 * the last character it copied: when that is a line feed, its line count
 * is one short. */
static int
line_after(const xmlParserCtxt *ctxt, const xmlChar *ch, int len)
{
	int line = ctxt->input->line;

	if (ctxt->html && len >= 1000 && ch[len - 1] == '\n' &&
	    ctxt->input->cur != NULL && ctxt->input->cur[0] == '\n')
		line++;
	return line;
}

/* Note where the chunk ch[0..len) just added to the last child of the
 * node being built ends: len bytes more than the chunk before, or the
 * content's length when it is the node's first. */
static void
record_chunk(xmlParserCtxt *ctxt, const xmlChar *ch, int len)
{
	line_recorder *r = ctxt->_private;
	xmlNode *t = ctxt->node != NULL ? ctxt->node->last : NULL;
	bool more;

	if (t == NULL || (t->type != XML_TEXT_NODE &&
	    t->type != XML_CDATA_SECTION_NODE) || t->content == NULL ||
	    ctxt->input == NULL || t->_private == SCATTERED)
		return;
	more = t->_private != NULL;
	if (more && r->v[r->n - 1].node != t) {
		t->_private = SCATTERED;
		return;
	}
	if (!more)
		t->_private = (void *)(uintptr_t)(r->n + 1);
	r->v = zc_xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
	r->v[r->n] = (chunk_end){ t, more ? r->v[r->n - 1].end +
	    (size_t)len : strlen((const char *)t->content),
	    line_after(ctxt, ch, len) };
	r->n++;
}

static void
on_characters(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxt *ctxt = ctx;

	((line_recorder *)ctxt->_private)->characters(ctx, ch, len);
	record_chunk(ctxt, ch, len);
}

static void
on_blanks(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxt *ctxt = ctx;

	((line_recorder *)ctxt->_private)->blanks(ctx, ch, len);
	record_chunk(ctxt, ch, len);
}

static void
on_cdata(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxt *ctxt = ctx;

	((line_recorder *)ctxt->_private)->cdata(ctx, ch, len);
	record_chunk(ctxt, ch, len);
}

/* Route ctxt's text through the recorder r. */
static void
record_lines(xmlParserCtxt *ctxt, line_recorder *r)
{
	memset(r, 0, sizeof *r);
	r->characters = ctxt->sax->characters;
	r->blanks = ctxt->sax->ignorableWhitespace;
	r->cdata = ctxt->sax->cdataBlock;
	ctxt->_private = r;
	if (r->characters != NULL)
		ctxt->sax->characters = on_characters;
	if (r->blanks != NULL)
		ctxt->sax->ignorableWhitespace = on_blanks;
	if (r->cdata != NULL)
		ctxt->sax->cdataBlock = on_cdata;
}

static node_chunks
chunks_of(const line_recorder *r, const xmlNode *n)
{
	node_chunks c = { NULL, 0 };
	size_t i;

	if (r == NULL || n->_private == NULL || n->_private == SCATTERED)
		return c;
	i = (size_t)(uintptr_t)n->_private - 1;
	if (i >= r->n || r->v[i].node != n)
		return c;
	c.v = r->v + i;
	while (i + c.n < r->n && r->v[i + c.n].node == n)
		c.n++;
	return c;
}

/* The source line of byte 0 of chunk k of c, whose content is t. */
static unsigned
chunk_first_line(const node_chunks *c, size_t k, const char *t)
{
	size_t from = k > 0 ? c->v[k - 1].end : 0;
	long line = c->v[k].line;

	for (size_t i = from; i < c->v[k].end; i++)
		line -= t[i] == '\n';
	return line > 0 ? (unsigned)line : 1;
}

typedef struct walker {
	zc_lines *out;
	zc_buf cur;        /* the line being built */
	unsigned cur_line; /* source line of its first character */
	zc_line_start *starts; /* later source lines in cur */
	size_t n_starts, cap_starts;
	unsigned flags;    /* flags of the next line */
	bool cell_open;    /* a table cell has text on this line */
	bool xml;
	const line_recorder *lines; /* of the parse, or NULL */
} walker;

static bool
name_in(const xmlChar *name, const char *const *set)
{
	for (int i = 0; set[i] != NULL; i++)
		if (strcasecmp((const char *)name, set[i]) == 0)
			return true;
	return false;
}

static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "body", "caption",
	"center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "hr", "html", "legend", "li", "main", "menu", "ol", "p",
	"pre", "section", "summary", "table", "tbody", "tfoot", "thead",
	"tr", "ul", NULL
};
static const char *const cell_tags[] = { "td", "th", NULL };
static const char *const dropped_tags[] = {
	"script", "style", "noscript", "nav", "header", "footer", "template",
	"iframe", "object", "embed", "svg", "canvas", "select", "button",
	"textarea", "map", "head", NULL
};
/* id or class tokens that mark site chrome on pages without HTML5
 * elements. */
static const char *const chrome_classes[] = {
	"nav", "navbar", "menu", "footer", "foot", "breadcrumb", "crumb",
	"crumbs", "sitemap", "copyright", "share", "topbar", NULL
};

static bool
has_chrome_class(xmlNode *n)
{
	static const char *const attrs[] = { "id", "class", NULL };

	for (int a = 0; attrs[a] != NULL; a++) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
		bool hit = false;
		char *save = NULL;

		if (v == NULL)
			continue;
		for (char *tok = strtok_r((char *)v, " \t\n", &save);
		    tok != NULL && !hit; tok = strtok_r(NULL, " \t\n", &save))
			hit = name_in((const xmlChar *)tok, chrome_classes);
		xmlFree(v);
		if (hit)
			return true;
	}
	return false;
}

static void
flush(walker *w)
{
	size_t s = 0, e = w->cur.len;

	zc_trim_spaces(w->cur.data, &s, &e);
	if (e > s && !is_blank(w->cur.data + s, e - s)) {
		zc_lines_add(w->out, w->cur.data + s, e - s, w->cur_line,
		    w->flags);
		for (size_t k = 0; k < w->n_starts; k++)
			if (w->starts[k].off > s && w->starts[k].off < e)
				zc_lines_add_start(w->out, w->starts[k].off - s,
				    w->starts[k].line);
		w->flags = 0;
	}
	w->n_starts = 0;
	zc_buf_reset(&w->cur);
	w->cell_open = false;
}

static void
block_boundary(walker *w)
{
	flush(w);
	w->flags |= ZC_LINE_BREAK;
}

/* The source line that the text in cur reached. */
static unsigned
line_reached(const walker *w)
{
	return w->n_starts > 0 ? w->starts[w->n_starts - 1].line : w->cur_line;
}

/* Visible text of source line line goes next into cur, after some: note
 * where the line begins if it is a new one. */
static void
reach_line(walker *w, unsigned line)
{
	if (line == line_reached(w))
		return;
	w->starts = zc_xgrow(w->starts, &w->cap_starts, w->n_starts + 1,
	    sizeof *w->starts);
	w->starts[w->n_starts++] = (zc_line_start){ w->cur.len, line };
}

/* The line of the first byte of the text node n, whose content t has
 * len bytes: from its recorded chunks, else from libxml2's line, taken
 * as that of its end. */
static unsigned
first_line(const xmlNode *n, const node_chunks *c, const char *t,
    size_t len)
{
	long line = xmlGetLineNo(n);

	if (c->n > 0)
		return chunk_first_line(c, 0, t);
	for (size_t i = 0; i < len; i++)
		line -= t[i] == '\n';
	return line > 0 ? (unsigned)line : 1;
}

/* Append a text node, whitespace collapsed; the first visible character
 * fixes the line, and each visible character of a later source line
 * starts it in the line being built. */
static void
add_text(walker *w, xmlNode *n)
{
	const char *t = (const char *)n->content;
	node_chunks c = chunks_of(w->lines, n);
	size_t len, k = 0;
	unsigned line;
	bool fresh;

	if (t == NULL)
		return;
	len = strlen(t);
	line = first_line(n, &c, t, len);
	fresh = w->cur.len == 0 || is_blank(w->cur.data, w->cur.len);
	for (size_t i = 0; i < len; i++) {
		/* a chunk's end line is the parser's own: start each from it */
		if (k + 1 < c.n && i == c.v[k].end) {
			k++;
			line = chunk_first_line(&c, k, t);
		}
		if (isspace((unsigned char)t[i])) {
			line += t[i] == '\n';
			if (w->cur.len > 0 && w->cur.data[w->cur.len - 1] != ' ')
				zc_buf_putc(&w->cur, ' ');
			continue;
		}
		if (fresh) {
			w->cur_line = line;
			w->n_starts = 0;
			fresh = false;
		} else {
			reach_line(w, line);
		}
		zc_buf_putc(&w->cur, t[i]);
	}
}

static void
read_meta_tag(walker *w, xmlNode *n)
{
	xmlChar *name = xmlGetProp(n, (const xmlChar *)"name");
	xmlChar *content;

	if (name == NULL)
		return;
	content = xmlGetProp(n, (const xmlChar *)"content");
	if (content != NULL)
		hint_field(&w->out->hints, (char *)name, strlen((char *)name),
		    (char *)content, strlen((char *)content));
	xmlFree(name);
	xmlFree(content);
}

static void
read_title_tag(walker *w, xmlNode *n)
{
	xmlChar *t;

	if (w->out->hints.title_tag != NULL)
		return;
	t = xmlNodeGetContent(n);
	if (t != NULL && !is_blank((char *)t, strlen((char *)t)))
		w->out->hints.title_tag = zc_xstrdup((char *)t);
	xmlFree(t);
}

/* An XML element of text only, a child or grandchild of the root, whose
 * name gives a field (<title>, <date>, <publisher>, <文号>): a markup
 * hint.  Its text stays a line. */
static void
read_xml_field(walker *w, xmlNode *n)
{
	xmlChar *t;
	int depth = 0;

	/* <doc><title>, <doc><header><date>; not <meta><crawl><date>,
	 * the day a crawler fetched it */
	for (xmlNode *p = n->parent; p != NULL && p->type == XML_ELEMENT_NODE;
	    p = p->parent)
		depth++;
	if (depth > 2)
		return;
	for (xmlNode *k = n->children; k != NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE)
			return;
	t = xmlNodeGetContent(n);
	if (t != NULL)
		hint_field(&w->out->hints, (const char *)n->name,
		    strlen((const char *)n->name), (char *)t,
		    strlen((char *)t));
	xmlFree(t);
}

/* What to do on entering an element: false means skip its subtree. */
static bool
enter_element(walker *w, xmlNode *n)
{
	const xmlChar *name = n->name;

	if (w->xml) {
		block_boundary(w);
		read_xml_field(w, n);
		return true;
	}
	if (strcasecmp((const char *)name, "title") == 0) {
		read_title_tag(w, n);
		return false;
	}
	if (strcasecmp((const char *)name, "meta") == 0) {
		read_meta_tag(w, n);
		return false;
	}
	if (strcasecmp((const char *)name, "head") == 0)
		return true; /* for <title> and <meta>; no text inside */
	if (name_in(name, dropped_tags) || has_chrome_class(n)) {
		block_boundary(w);
		return false;
	}
	if (strcasecmp((const char *)name, "br") == 0) {
		flush(w);
		return false;
	}
	if (name_in(name, cell_tags)) {
		if (w->cur.len > 0 && !is_blank(w->cur.data, w->cur.len)) {
			size_t e = w->cur.len;

			while (e > 0 && w->cur.data[e - 1] == ' ')
				e--;
			w->cur.len = e;
			zc_buf_puts(&w->cur, " | ");
		}
		return true;
	}
	if (name_in(name, block_tags)) {
		block_boundary(w);
		if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
			w->flags |= ZC_LINE_HEADING;
	}
	return true;
}

static void
leave_element(walker *w, xmlNode *n)
{
	bool heading;

	if (w->xml) {
		block_boundary(w);
		return;
	}
	if (!name_in(n->name, block_tags))
		return;
	heading = (n->name[0] == 'h' || n->name[0] == 'H') &&
	    n->name[1] >= '1' && n->name[1] <= '6' && n->name[2] == '\0';
	if (heading && w->cur.len > 0 && w->out->hints.heading == NULL &&
	    (n->name[1] == '1')) {
		size_t s = 0, e = w->cur.len;

		zc_trim_spaces(w->cur.data, &s, &e);
		if (e > s)
			w->out->hints.heading = zc_xstrndup(w->cur.data + s,
			    e - s);
	}
	block_boundary(w);
	w->flags &= ~(unsigned)ZC_LINE_HEADING;
}

static void
walk_tree(walker *w, xmlNode *root)
{
	xmlNode *n = root;

	while (n != NULL) {
		bool descend = false;

		switch (n->type) {
		case XML_ELEMENT_NODE:
			descend = enter_element(w, n);
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			add_text(w, n);
			break;
		default:
			/* comments, PIs and entity references (never
			 * expanded: they could multiply the text) */
			break;
		}
		if (descend && n->children != NULL) {
			n = n->children;
			continue;
		}
		if (n->type == XML_ELEMENT_NODE && descend)
			leave_element(w, n);
		while (n != NULL && n != root && n->next == NULL) {
			n = n->parent;
			if (n != NULL && n->type == XML_ELEMENT_NODE)
				leave_element(w, n);
		}
		if (n == NULL || n == root)
			break;
		n = n->next;
	}
	flush(w);
}

/* ---- a fallback for what libxml2 refuses -------------------------------
 *
 * libxml2 stops building the tree 256 levels deep (without
 * XML_PARSE_HUGE, which stays off), and the text below is lost.  When the
 * tree reaches that depth, the text is taken by a plain scan instead: text between tags, a line break at every block tag,
 * the head, title and dropped elements skipped, the common entities
 * decoded.  No entity is
 * ever expanded beyond those. */

/* libxml2's nesting limit (xmlParserMaxDepth) and a margin: a tree this
 * deep was cut off by the parser. */
#define TRUNCATED_DEPTH 250

/* Depth of the deepest element under root, iteratively. */
static unsigned
tree_depth(xmlNode *root)
{
	unsigned depth = 0, deepest = 0;
	xmlNode *n = root;

	while (n != NULL) {
		if (n->children != NULL) {
			n = n->children;
			if (++depth > deepest)
				deepest = depth;
			continue;
		}
		while (n != root && n->next == NULL) {
			n = n->parent;
			depth--;
		}
		if (n == root)
			break;
		n = n->next;
	}
	return deepest;
}

static size_t
tag_name(const char *s, size_t len, size_t i, char *name, size_t cap)
{
	size_t n = 0;

	if (i < len && s[i] == '/')
		i++;
	while (i < len && n + 1 < cap && (isalnum((unsigned char)s[i])))
		name[n++] = (char)tolower((unsigned char)s[i++]);
	name[n] = '\0';
	return n;
}

static void
put_entity(const char *s, size_t len, size_t *i, zc_buf *cur)
{
	static const struct { const char *name; const char *text; } ents[] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&quot;", "\"" }, { "&apos;", "'" }, { "&nbsp;", " " },
		{ NULL, NULL }
	};
	char enc[4];

	for (int k = 0; ents[k].name != NULL; k++) {
		size_t n = strlen(ents[k].name);
		if (*i + n <= len && strncmp(s + *i, ents[k].name, n) == 0) {
			zc_buf_puts(cur, ents[k].text);
			*i += n;
			return;
		}
	}
	if (*i + 2 < len && s[*i + 1] == '#') {
		char *end;
		bool hex = s[*i + 2] == 'x' || s[*i + 2] == 'X';
		unsigned long cp = strtoul(s + *i + 2 + hex, &end, hex ? 16 : 10);
		if (end < s + len && *end == ';' && cp > 0 && cp <= 0x10FFFF &&
		    !(cp >= 0xD800 && cp <= 0xDFFF)) {
			zc_buf_append(cur, enc, zc_utf8_encode((uint32_t)cp, enc));
			*i = (size_t)(end - s) + 1;
			return;
		}
	}
	zc_buf_putc(cur, '&');
	(*i)++;
}

static void
scan_flush(zc_lines *out, zc_buf *cur, unsigned line)
{
	size_t a = 0, b = cur->len;

	while (a < b && isspace((unsigned char)cur->data[a]))
		a++;
	while (b > a && isspace((unsigned char)cur->data[b - 1]))
		b--;
	if (b > a)
		zc_lines_add(out, cur->data + a, b - a, line, ZC_LINE_BREAK);
	zc_buf_reset(cur);
}

static void
scan_markup(const char *s, size_t len, zc_lines *out)
{
	zc_buf cur = {0};
	unsigned line = 1, start_line = 1;
	bool skipping = false;
	char name[16], skip[16] = "";
	size_t i = 0;

	while (i < len) {
		if (s[i] == '<') {
			size_t end = i + 1;
			bool closing = end < len && s[end] == '/';
			tag_name(s, len, end, name, sizeof name);
			while (end < len && s[end] != '>')
				line += s[end++] == '\n';
			if (skipping && closing && strcmp(name, skip) == 0)
				skipping = false;
			else if (!skipping && !closing && (name_in(
			    (const xmlChar *)name, dropped_tags) ||
			    strcmp(name, "title") == 0)) {
				skipping = true;
				strcpy(skip, name);
			} else if (name_in((const xmlChar *)name, block_tags) ||
			    strcmp(name, "br") == 0) {
				scan_flush(out, &cur, start_line);
			}
			i = end + 1;
			continue;
		}
		if (s[i] == '\n')
			line++;
		if (skipping) {
			i++;
			continue;
		}
		if (cur.len == 0)
			start_line = line;
		if (s[i] == '&')
			put_entity(s, len, &i, &cur);
		else
			zc_buf_putc(&cur, s[i++]);
	}
	scan_flush(out, &cur, start_line);
	zc_buf_free(&cur);
}

/* s[0..len) parsed as XML, else NULL; its text's lines recorded in r. */
static xmlDoc *
parse_xml(const char *s, size_t len, line_recorder *r)
{
	xmlParserCtxt *ctxt = xmlNewParserCtxt();
	xmlDoc *doc;

	if (ctxt == NULL)
		return NULL;
	record_lines(ctxt, r);
	doc = xmlCtxtReadMemory(ctxt, s, (int)len, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_IGNORE_ENC);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/* s[0..len) parsed as HTML, recovered, else NULL; lines recorded in r. */
static xmlDoc *
parse_html(const char *s, size_t len, line_recorder *r)
{
	htmlParserCtxt *ctxt = htmlNewParserCtxt();
	xmlDoc *doc;

	if (ctxt == NULL)
		return NULL;
	record_lines(ctxt, r);
	doc = htmlCtxtReadMemory(ctxt, s, (int)len, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
	htmlFreeParserCtxt(ctxt);
	return doc;
}

static zc_status
extract_markup(bool xml, const char *s, size_t len, zc_lines *out,
    zc_error *err)
{
	walker w = { .out = out, .flags = ZC_LINE_BREAK, .xml = xml };
	line_recorder rec_xml = { 0 }, rec_html = { 0 };
	xmlDoc *doc = NULL;
	xmlNode *root;
	bool truncated;

	zc_extract_init();
	zc_extract_silence();
	if (len > INT32_MAX)
		return zc_fail(err, ZC_ETOOBIG, "document too large to parse");
	if (xml)
		doc = parse_xml(s, len, &rec_xml);
	if (doc == NULL) {
		/* Malformed XML still has text: recover it as HTML does. */
		w.xml = false;
		doc = parse_html(s, len, &rec_html);
	}
	if (doc == NULL) {
		free(rec_xml.v);
		free(rec_html.v);
		return zc_fail(err, ZC_EINVAL, "cannot parse %s",
		    xml ? "XML" : "HTML");
	}
	w.lines = w.xml ? &rec_xml : &rec_html;
	root = xmlDocGetRootElement(doc);
	truncated = !w.xml && root != NULL &&
	    tree_depth(root) >= TRUNCATED_DEPTH;
	if (root != NULL)
		walk_tree(&w, root);
	zc_buf_free(&w.cur);
	free(w.starts);
	xmlFreeDoc(doc);
	free(rec_xml.v);
	free(rec_html.v);
	if (truncated) {
		/* keep the hints of the tree, take the text of the scan */
		zc_lines scanned = {0};

		scan_markup(s, len, &scanned);
		scanned.hints = out->hints;
		memset(&out->hints, 0, sizeof out->hints);
		zc_lines_free(out);
		*out = scanned;
	}
	return ZC_OK;
}

zc_status
zc_extract(zc_format fmt, const char *utf8, size_t len, zc_lines *out,
    zc_error *err)
{
	memset(out, 0, sizeof *out);
	switch (fmt) {
	case ZC_FORMAT_MARKDOWN:
		extract_markdown(utf8, len, out);
		return ZC_OK;
	case ZC_FORMAT_HTML:
		return extract_markup(false, utf8, len, out, err);
	case ZC_FORMAT_XML:
		return extract_markup(true, utf8, len, out, err);
	default:
		extract_text(utf8, len, out);
		return ZC_OK;
	}
}
