/*
 * passage.c — the passage stage (zc_passage.h): cleaned lines → passages.
 *
 * Invariants: passages hold the cleaned text in document order, nothing
 * dropped and nothing repeated; a passage never holds text of two
 * paragraphs, and its join says how it follows the one before; every
 * passage's line is the source line of its first character, and its
 * line starts say where each later source line begins; no passage
 * contains a newline or tab, so that --dump prints one per line.
 */
#include "zc_passage.h"

#include <stdlib.h>
#include <string.h>

#include "zc_chars.h"

/* A paragraph's source lines: where each begins in it (zc_doc.h). */
typedef zc_line_start segment;

typedef struct piece {
	char *text;
	size_t len;
	size_t cps;
	unsigned line;
	bool whole;    /* a whole paragraph, not a cut part of one */
	bool alone;    /* a metadata line: never merged with a neighbour,
	                * whose text it would run into */
	zc_join join;  /* how it follows the piece before */
	zc_line_start *starts; /* the source lines after the first */
	size_t n_starts;
} piece;

typedef struct pieces {
	piece *items;
	size_t n, cap;
} pieces;

static unsigned
line_at(const segment *seg, size_t nseg, size_t off)
{
	return zc_line_at(seg[0].line, seg, nseg, off);
}

static void
add_start(piece *p, size_t off, unsigned line)
{
	if (zc_line_at(p->line, p->starts, p->n_starts, off) == line)
		return;
	p->starts = zc_xrealloc(p->starts, (p->n_starts + 1) *
	    sizeof *p->starts);
	p->starts[p->n_starts++] = (zc_line_start){ off, line };
}

/* A piece of the paragraph para[a..b), whose source lines begin where
 * seg[0..nseg) says. */
static void
push_piece(pieces *p, const char *para, size_t a, size_t b,
    const segment *seg, size_t nseg, bool whole, bool alone, zc_join join)
{
	piece *pc;

	p->items = zc_xgrow(p->items, &p->cap, p->n + 1, sizeof *p->items);
	pc = &p->items[p->n++];
	*pc = (piece){ .text = zc_xstrndup(para + a, b - a), .len = b - a,
	    .cps = zc_utf8_count(para + a, b - a),
	    .line = line_at(seg, nseg, a), .whole = whole, .alone = alone,
	    .join = join };
	for (size_t i = 0; i < nseg; i++)
		if (seg[i].off > a && seg[i].off < b)
			add_start(pc, seg[i].off - a, seg[i].line);
}

/* How the part of a paragraph after a cut follows the part before it:
 * directly, or with whitespace between (cut away from both parts), which
 * the term scheme keeps or drops as normalisation would (zc_terms.h). */
static zc_join
cut_join(size_t end_before, size_t start_after)
{
	return end_before == start_after ? ZC_JOIN_DIRECT : ZC_JOIN_SPACE;
}

static bool
is_sentence_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B ||
	    cp == '!' || cp == '?' || cp == ';';
}

static bool
is_closer(uint32_t cp)
{
	return cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F ||
	    cp == 0xFF09 || cp == ')' || cp == 0x3011 || cp == 0x300B ||
	    cp == '"';
}

static bool
is_comma(uint32_t cp)
{
	return cp == 0xFF0C || cp == ',' || cp == 0x3001 || cp == 0xFF1A ||
	    cp == ':';
}

/* Byte offset after which text[from..) should be cut so that the piece
 * has at most max code points: after the last sentence end that fits,
 * else after the last comma, else at max. */
static size_t
cut_point(const char *s, size_t len, size_t from, size_t max)
{
	size_t i = from, adv, cps = 0, sentence = 0, comma = 0;

	while (i < len && cps < max) {
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);

		i += adv;
		cps++;
		if (is_sentence_end(cp) || is_comma(cp)) {
			while (i < len) {
				uint32_t n = zc_utf8_decode(s + i, len - i,
				    &adv);

				if (!is_closer(n) && !(is_sentence_end(cp) &&
				    is_sentence_end(n)))
					break;
				i += adv;
				cps++;
			}
			if (is_sentence_end(cp))
				sentence = i;
			else
				comma = i;
		}
	}
	if (i >= len)
		return len;
	if (sentence > from)
		return sentence;
	if (comma > from)
		return comma;
	return i;
}

/* The pieces of one paragraph; the first follows the text before as
 * join says, the others follow each other as the cuts say. */
static void
cut_paragraph(const char *s, size_t len, const segment *seg, size_t nseg,
    bool alone, zc_join join, pieces *out)
{
	size_t from = 0, last_end = 0;
	bool whole = zc_utf8_count(s, len) <= ZC_PASSAGE_MAX, first = true;

	while (from < len) {
		size_t to = whole ? len : cut_point(s, len, from,
		    ZC_PASSAGE_MAX);
		size_t a = from, b = to;

		zc_trim_spaces(s, &a, &b);
		if (b > a) {
			push_piece(out, s, a, b, seg, nseg, whole, alone,
			    first ? join : cut_join(last_end, a));
			first = false;
			last_end = b;
		}
		from = to;
	}
}

/* How a line that starts a passage of its own follows the line shown
 * before it: after a blank line (ZC_LINE_BREAK) or a line dropped as
 * chrome, as a new paragraph; right after a line, as text of the same
 * block, the line break between them whitespace like any other. */
static zc_join
line_join(const zc_line *ln, bool after_gap, bool first)
{
	if (after_gap || first || (ln->flags & ZC_LINE_BREAK))
		return ZC_JOIN_PARAGRAPH;
	return ZC_JOIN_SPACE;
}

/* The source lines of ln, its text going at byte at of a paragraph. */
static void
add_segments(segment **seg, size_t *nseg, size_t *cap, size_t at,
    const zc_line *ln)
{
	*seg = zc_xgrow(*seg, cap, *nseg + ln->n_starts + 1, sizeof **seg);
	(*seg)[(*nseg)++] = (segment){ at, ln->line };
	for (size_t k = 0; k < ln->n_starts; k++)
		(*seg)[(*nseg)++] = (segment){ at + ln->starts[k].off,
		    ln->starts[k].line };
}

/* Paragraphs: a line and the ZC_LINE_CONT lines after it. */
static void
build_pieces(const zc_lines *l, pieces *out)
{
	zc_buf para = { 0 };
	segment *seg = NULL;
	size_t nseg = 0, cap = 0;
	bool gap = false, first = true; /* no line shown yet */
	zc_join join = ZC_JOIN_PARAGRAPH; /* of the paragraph in para */

	for (size_t i = 0; i <= l->n; i++) {
		const zc_line *ln = i < l->n ? &l->items[i] : NULL;

		if (ln != NULL && (ln->flags & ZC_LINE_DROP)) {
			gap = true;
			continue;
		}
		if (ln != NULL && (ln->flags & ZC_LINE_META)) {
			/* a line that carries metadata stays searchable text,
			 * a paragraph of its own */
			if (para.len > 0)
				cut_paragraph(para.data, para.len, seg, nseg,
				    false, join, out);
			zc_buf_reset(&para);
			nseg = 0;
			add_segments(&seg, &nseg, &cap, 0, ln);
			cut_paragraph(ln->text, ln->len, seg, nseg, true,
			    line_join(ln, gap, first), out);
			nseg = 0;
			gap = first = false;
			continue;
		}
		if (ln == NULL || !(ln->flags & ZC_LINE_CONT) || nseg == 0 ||
		    gap) {
			if (para.len > 0)
				cut_paragraph(para.data, para.len, seg, nseg,
				    false, join, out);
			zc_buf_reset(&para);
			nseg = 0;
			if (ln == NULL)
				break;
			join = line_join(ln, gap, first);
			gap = first = false;
		} else if (para.len > 0 && !zc_chars_space_splits(
		    zc_utf8_last(para.data, para.len),
		    zc_utf8_first(ln->text, ln->len))) {
			zc_buf_putc(&para, ' ');
		}
		add_segments(&seg, &nseg, &cap, para.len, ln);
		zc_buf_append(&para, ln->text, ln->len);
	}
	zc_buf_free(&para);
	free(seg);
}

/* src appended to dst, the part of a paragraph before it: with the
 * whitespace that was between them, as one space, or without. */
static void
append_piece(piece *dst, const piece *src)
{
	size_t sep = src->join == ZC_JOIN_SPACE ? 1 : 0;
	char *t = zc_xmalloc(dst->len + sep + src->len + 1);

	memcpy(t, dst->text, dst->len);
	if (sep)
		t[dst->len] = ' ';
	memcpy(t + dst->len + sep, src->text, src->len);
	t[dst->len + sep + src->len] = '\0';
	free(dst->text);
	dst->text = t;
	add_start(dst, dst->len + sep, src->line);
	for (size_t i = 0; i < src->n_starts; i++)
		add_start(dst, dst->len + sep + src->starts[i].off,
		    src->starts[i].line);
	dst->len += sep + src->len;
	dst->cps += sep + src->cps;
}

void
zc_passage_cut(const zc_lines *lines, zc_doc *doc)
{
	pieces in = { 0 }, out = { 0 };

	build_pieces(lines, &in);
	for (size_t i = 0; i < in.n; i++) {
		piece p = in.items[i];
		piece *last = out.n > 0 ? &out.items[out.n - 1] : NULL;

		/* a short tail of a cut paragraph goes back into the part
		 * before it; paragraphs are never merged */
		if (p.cps < ZC_PASSAGE_MIN && p.join != ZC_JOIN_PARAGRAPH &&
		    !p.alone && last != NULL && !last->alone &&
		    last->cps + p.cps <= ZC_PASSAGE_MAX + ZC_PASSAGE_MIN &&
		    !p.whole) {
			append_piece(last, &p);
			free(p.text);
			free(p.starts);
			continue;
		}
		out.items = zc_xgrow(out.items, &out.cap, out.n + 1,
		    sizeof *out.items);
		out.items[out.n++] = p;
	}
	for (size_t i = 0; i < out.n; i++) {
		zc_doc_add_passage(doc, out.items[i].text, out.items[i].len,
		    out.items[i].line);
		doc->passages[doc->n_passages - 1].join = out.items[i].join;
		for (size_t k = 0; k < out.items[i].n_starts; k++)
			zc_doc_add_line_start(doc, out.items[i].starts[k].off,
			    out.items[i].starts[k].line);
		free(out.items[i].text);
		free(out.items[i].starts);
	}
	free(in.items);
	free(out.items);
}
