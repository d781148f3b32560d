/*
 * passage.c — the passage stage (zc_passage.h): cleaned lines → passages.
 *
 * Invariants: passages hold the cleaned text in document order, nothing
 * dropped and nothing repeated (except the space that joins merged
 * pieces); every passage's line is the source line of its first
 * character; no passage contains a newline or tab, so that --dump
 * prints one per line.
 */
#include "zc_passage.h"

#include <stdlib.h>
#include <string.h>

#include "zc_chars.h"

typedef struct segment {
	size_t off;    /* byte offset of a source line in the paragraph */
	unsigned line;
} segment;

typedef struct piece {
	char *text;
	size_t len;
	size_t cps;
	unsigned line;
	bool whole;    /* a whole paragraph, not a cut part of one */
	bool alone;    /* a metadata line: never merged with a neighbour,
	                * whose text it would run into */
	zc_join join;  /* how it follows the piece before */
	zc_seam *seams; /* where merged pieces meet; owned */
	size_t n_seams, cap_seams;
} piece;

typedef struct pieces {
	piece *items;
	size_t n, cap;
} pieces;

static void
push_piece(pieces *p, const char *text, size_t len, unsigned line,
    bool whole, bool alone, zc_join join)
{
	p->items = zc_xgrow(p->items, &p->cap, p->n + 1, sizeof *p->items);
	p->items[p->n++] = (piece){ .text = zc_xstrndup(text, len),
	    .len = len, .cps = zc_utf8_count(text, len), .line = line,
	    .whole = whole, .alone = alone, .join = join };
}

/* How the part of a paragraph that starts at s[b] follows the part that
 * ends at s[a]: whitespace cut away between them counts, as it does in
 * the paragraph, unless the normaliser removes it (between two Han
 * characters, zc_norm.h). */
static zc_join
cut_join(const char *s, size_t len, size_t a, size_t b)
{
	if (a == b)
		return ZC_JOIN_DIRECT;
	if (zc_chars_is_han(zc_utf8_last(s, a)) &&
	    zc_chars_is_han(zc_utf8_first(s + b, len - b)))
		return ZC_JOIN_DIRECT;
	return ZC_JOIN_SPACE;
}

static unsigned
line_at(const segment *seg, size_t nseg, size_t off)
{
	unsigned line = seg[0].line;

	for (size_t i = 0; i < nseg && seg[i].off <= off; i++)
		line = seg[i].line;
	return line;
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

		while (a < b && s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		if (b > a) {
			push_piece(out, s + a, b - a, line_at(seg, nseg, a),
			    whole, alone, first ? join :
			    cut_join(s, len, last_end, a));
			first = false;
			last_end = b;
		}
		from = to;
	}
}

/* How a line that starts a paragraph of its own follows the line shown
 * before it: after a blank line (ZC_LINE_BREAK) or a line dropped as
 * chrome, as a new paragraph; right after a line, as text of the same
 * block, the line break between them whitespace like any other
 * (zc_norm.h drops it where it splits Chinese text). */
static zc_join
line_join(const zc_line *ln, bool after_gap, uint32_t last_cp)
{
	if (after_gap || last_cp == 0 || (ln->flags & ZC_LINE_BREAK))
		return ZC_JOIN_PARAGRAPH;
	return zc_chars_space_splits(last_cp, zc_utf8_first(ln->text,
	    ln->len)) ? ZC_JOIN_DIRECT : ZC_JOIN_SPACE;
}

/* Paragraphs: a line and the ZC_LINE_CONT lines after it. */
static void
build_pieces(const zc_lines *l, pieces *out)
{
	zc_buf para = { 0 };
	segment *seg = NULL;
	size_t nseg = 0, cap = 0;
	bool gap = false;
	uint32_t last_cp = 0;  /* the last character of the line before */
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
			segment one = { 0, ln->line };

			if (para.len > 0)
				cut_paragraph(para.data, para.len, seg, nseg,
				    false, join, out);
			zc_buf_reset(&para);
			nseg = 0;
			cut_paragraph(ln->text, ln->len, &one, 1, true,
			    line_join(ln, gap, last_cp), out);
			gap = false;
			last_cp = zc_utf8_last(ln->text, ln->len);
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
			join = line_join(ln, gap, last_cp);
			gap = false;
		} else if (para.len > 0 && !zc_chars_space_splits(
		    zc_utf8_last(para.data, para.len),
		    zc_utf8_first(ln->text, ln->len))) {
			zc_buf_putc(&para, ' ');
		}
		seg = zc_xgrow(seg, &cap, nseg + 1, sizeof *seg);
		seg[nseg].off = para.len;
		seg[nseg].line = ln->line;
		nseg++;
		zc_buf_append(&para, ln->text, ln->len);
		last_cp = zc_utf8_last(ln->text, ln->len);
	}
	zc_buf_free(&para);
	free(seg);
}

/* dst and a space and src, with a seam where src starts (and src's own
 * seams after it). */
static void
append_piece(piece *dst, const piece *src)
{
	char *t = zc_xmalloc(dst->len + 1 + src->len + 1);
	size_t shift = dst->len + 1;

	dst->seams = zc_xgrow(dst->seams, &dst->cap_seams,
	    dst->n_seams + 1 + src->n_seams, sizeof *dst->seams);
	dst->seams[dst->n_seams++] = (zc_seam){ shift, src->join };
	for (size_t i = 0; i < src->n_seams; i++)
		dst->seams[dst->n_seams++] = (zc_seam){
		    src->seams[i].off + shift, src->seams[i].join };

	memcpy(t, dst->text, dst->len);
	t[dst->len] = ' ';
	memcpy(t + dst->len + 1, src->text, src->len);
	t[dst->len + 1 + src->len] = '\0';
	free(dst->text);
	dst->text = t;
	dst->len += 1 + src->len;
	dst->cps += 1 + src->cps;
}

void
zc_passage_cut(const zc_lines *lines, zc_doc *doc)
{
	pieces in = { 0 }, out = { 0 };
	piece pending = { 0 };
	bool have_pending = false;

	build_pieces(lines, &in);
	for (size_t i = 0; i < in.n; i++) {
		piece p = in.items[i];

		if (have_pending) {
			append_piece(&pending, &p);
			free(p.text);
			free(p.seams);
			p = pending;
			have_pending = false;
		}
		if (p.cps < ZC_PASSAGE_MIN && p.whole && !p.alone &&
		    i + 1 < in.n && !in.items[i + 1].alone &&
		    p.cps + in.items[i + 1].cps <= ZC_PASSAGE_MAX +
		    ZC_PASSAGE_MIN) {
			/* a heading or a short line leads what follows */
			pending = p;
			have_pending = true;
			continue;
		}
		if (p.cps < ZC_PASSAGE_MIN && !p.alone && out.n > 0 &&
		    !out.items[out.n - 1].alone &&
		    out.items[out.n - 1].cps + p.cps <= ZC_PASSAGE_MAX +
		    ZC_PASSAGE_MIN) {
			append_piece(&out.items[out.n - 1], &p);
			free(p.text);
			free(p.seams);
			continue;
		}
		out.items = zc_xgrow(out.items, &out.cap, out.n + 1,
		    sizeof *out.items);
		out.items[out.n++] = p;
	}
	for (size_t i = 0; i < out.n; i++) {
		zc_passage *dp;

		zc_doc_add_passage(doc, out.items[i].text, out.items[i].len,
		    out.items[i].line);
		free(out.items[i].text);
		dp = &doc->passages[doc->n_passages - 1];
		dp->join = out.items[i].join;
		dp->seams = out.items[i].seams;
		dp->n_seams = out.items[i].n_seams;
	}
	free(in.items);
	free(out.items);
}
