/*
 * print.c — the three output formats of zcsearch (print.h).  Data flow:
 * hits and their spans (search.c) → here → stdout.
 *
 * Invariants: JSON Lines carry every documented key in a fixed order,
 * null when absent, valid UTF-8 (zc_json.h); TSV fields never contain a
 * raw tab or newline; text output never sends the terminal a control
 * character from a document (an ESC in a scraped page could otherwise
 * rewrite the screen).
 */
#include "print.h"

#include <string.h>

#include "zc_json.h"
#include "zc_qparse.h"

#define C_PATH "\033[35m"
#define C_LINE "\033[32m"
#define C_TITLE "\033[1m"
#define C_MATCH "\033[1;31m"
#define C_OFF "\033[0m"

/* Append s[0..len) for a terminal: C0 controls other than tab and line
 * feed, DEL and C1 controls become spaces; invalid UTF-8 becomes U+FFFD. */
static void
put_display(zc_buf *out, const char *s, size_t len)
{
	size_t i = 0, adv;
	uint32_t cp;
	char enc[4];

	while (i < len) {
		cp = zc_utf8_decode(s + i, len - i, &adv);
		i += adv;
		if ((cp < 0x20 && cp != '\t' && cp != '\n') ||
		    (cp >= 0x7F && cp < 0xA0))
			cp = ' ';
		zc_buf_append(out, enc, zc_utf8_encode(cp, enc));
	}
}

static void
put_text(zc_buf *out, const char *s)
{
	put_display(out, s, strlen(s));
}

/* Whether hit is another passage of the document printed before. */
static bool
same_document(const zc_hit *hit, const hit_style *st)
{
	return st->prev != NULL && st->prev->docid == hit->docid &&
	    st->prev->rank == hit->rank;
}

/* A line, or in a paged document (a PDF) a page: p3. */
static void
put_line_number(zc_buf *out, const zc_hit *hit, unsigned line, bool colour)
{
	zc_buf_printf(out, colour ? C_LINE "%s%u" C_OFF ":" : "%s%u:",
	    hit->paged ? "p" : "", line);
}

/* path:line: title （另有 N 份转载）, then [索引号 · date · 文号 · 发布机构]. */
static void
text_header(zc_buf *out, const zc_hit *hit, bool colour)
{
	static const zc_field shown[] = {
		ZC_FIELD_INDEX_NO, ZC_FIELD_DATE, ZC_FIELD_DOC_NO,
		ZC_FIELD_ISSUER
	};
	size_t n_meta = 0;

	if (colour)
		zc_buf_puts(out, C_PATH);
	put_text(out, hit->path);
	zc_buf_puts(out, colour ? C_OFF ":" : ":");
	put_line_number(out, hit, zc_hit_first_line(hit), colour);
	if (hit->meta.value[ZC_FIELD_TITLE] != NULL) {
		zc_buf_puts(out, colour ? " " C_TITLE : " ");
		put_text(out, hit->meta.value[ZC_FIELD_TITLE]);
		if (colour)
			zc_buf_puts(out, C_OFF);
	}
	if (hit->copies > 0)
		zc_buf_printf(out, " （另有 %lu 份转载）", hit->copies);
	zc_buf_putc(out, '\n');
	for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
		const char *v = hit->meta.value[shown[i]];

		if (v == NULL)
			continue;
		zc_buf_puts(out, n_meta++ ? " · " : "[");
		put_text(out, v);
	}
	if (n_meta > 0)
		zc_buf_puts(out, "]\n");
}

/* passage[from..to) with the spans inside it highlighted. */
static void
put_marked(zc_buf *out, const char *passage, size_t from, size_t to,
    const zc_spans *spans, bool colour)
{
	size_t at = from;

	for (size_t i = 0; i < spans->n; i++) {
		const zc_span *sp = &spans->span[i];

		if (sp->end_byte <= from || sp->start_byte >= to)
			continue;
		put_display(out, passage + at, sp->start_byte - at);
		zc_buf_puts(out, colour ? C_MATCH : MARK_OPEN);
		put_display(out, passage + sp->start_byte,
		    sp->end_byte - sp->start_byte);
		zc_buf_puts(out, colour ? C_OFF : MARK_CLOSE);
		at = sp->end_byte;
	}
	put_display(out, passage + at, to - at);
}

/* Past the end of a window of text shown, a word or number in Latin
 * letters and digits is not cut, up to this many more characters. */
#define WORD_SLACK 16

static bool
is_word_byte(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* The byte offset of code point cp of s[0..len), len if it has fewer. */
static size_t
byte_of(const char *s, size_t len, size_t cp)
{
	size_t i = 0, adv;

	while (i < len && cp-- > 0) {
		zc_utf8_decode(s + i, len - i, &adv);
		i += adv;
	}
	return i;
}

/* A window [*a, *b) of s[0..len) widened so as not to cut a Latin word
 * or a number, and narrowed of the spaces at its ends. */
static void
tidy_window(const char *s, size_t len, size_t *a, size_t *b)
{
	for (int k = 0; *a > 0 && k < WORD_SLACK && is_word_byte(s[*a]) &&
	    is_word_byte(s[*a - 1]); k++)
		(*a)--;
	for (int k = 0; *b < len && k < WORD_SLACK && is_word_byte(s[*b]) &&
	    is_word_byte(s[*b - 1]); k++)
		(*b)++;
	zc_trim_spaces(s, a, b);
}

/* The passage of hit, whole, or in windows of context characters each
 * side of its matches (of its opening when it has none), windows that
 * meet merged, and … where text is left out. */
static void
put_passage(zc_buf *out, const zc_hit *hit, const hit_style *st)
{
	const char *s = hit->passage;
	size_t len = strlen(s), shown_to = 0;
	const zc_spans *spans = &hit->spans;
	size_t c = st->context;

	if (c == 0 || spans->n == 0) {
		size_t b = c == 0 ? len : byte_of(s, len, 2 * c), a = 0;

		if (b < len)
			tidy_window(s, len, &a, &b);
		put_marked(out, s, 0, b, spans, st->colour);
		zc_buf_puts(out, b < len ? "…\n" : "\n");
		return;
	}
	for (size_t i = 0; i < spans->n; ) {
		size_t from_cp = spans->span[i].start_cp > c ?
		    spans->span[i].start_cp - c : 0;
		size_t to_cp = spans->span[i].end_cp + c, a, b;

		/* the windows of the next matches, while they meet this one */
		while (++i < spans->n && spans->span[i].start_cp <= to_cp + c)
			to_cp = spans->span[i].end_cp + c;
		a = byte_of(s, len, from_cp);
		b = a + byte_of(s + a, len - a, to_cp - from_cp);
		tidy_window(s, len, &a, &b);
		if (a < shown_to)
			a = shown_to;
		if (a > shown_to)
			zc_buf_puts(out, "…");
		put_marked(out, s, a, b, spans, st->colour);
		shown_to = b;
	}
	zc_buf_puts(out, shown_to < len ? "…\n" : "\n");
}

static void
text_hit(zc_buf *out, const zc_hit *hit, const hit_style *st)
{
	if (same_document(hit, st)) {
		put_line_number(out, hit, zc_hit_first_line(hit), st->colour);
		zc_buf_putc(out, ' ');
	} else {
		if (st->prev != NULL)
			zc_buf_putc(out, '\n');
		text_header(out, hit, st->colour);
	}
	put_passage(out, hit, st);
}

const printer text_printer = { NULL, text_hit };

/* The part of hit's passage that is from the source line of byte off:
 * [*from, *to), without the space that joined it to the line before. */
static void
source_line_of(const zc_hit *hit, size_t len, size_t off, size_t *from,
    size_t *to)
{
	*from = 0;
	*to = len;
	for (size_t k = 0; k < hit->n_starts; k++) {
		if (hit->starts[k].off <= off)
			*from = hit->starts[k].off;
		else {
			*to = hit->starts[k].off;
			break;
		}
	}
	while (*from < *to && hit->passage[*from] == ' ' && *from < off)
		(*from)++;
	while (*to > *from && hit->passage[*to - 1] == ' ')
		(*to)--;
}

/* path:line:column:text for each match, as ripgrep --vimgrep prints
 * it: the column counts bytes of the line as it is shown (cleaned), 1
 * for a passage without a match, shown so that its document is listed. */
static void
vimgrep_hit(zc_buf *out, const zc_hit *hit, const hit_style *st)
{
	size_t len = strlen(hit->passage), n = hit->spans.n ? hit->spans.n : 1;

	for (size_t i = 0; i < n; i++) {
		size_t at = hit->spans.n ? hit->spans.span[i].start_byte : 0;
		size_t from, to;

		source_line_of(hit, len, at, &from, &to);
		if (st->colour)
			zc_buf_puts(out, C_PATH);
		put_text(out, hit->path);
		zc_buf_puts(out, st->colour ? C_OFF ":" : ":");
		put_line_number(out, hit, zc_hit_line_at(hit, at), st->colour);
		zc_buf_printf(out, "%zu:", at - from + 1);
		if (st->colour)
			put_marked(out, hit->passage, from, to, &hit->spans,
			    true);
		else
			put_display(out, hit->passage + from, to - from);
		zc_buf_putc(out, '\n');
	}
}

const printer vimgrep_printer = { NULL, vimgrep_hit };

static void
json_hit(zc_buf *out, const zc_hit *hit, const hit_style *st)
{
	const zc_spans *spans = &hit->spans;

	zc_buf_printf(out, "{\"rank\":%u,\"score\":%.6g,\"path\":", hit->rank,
	    hit->score);
	zc_json_string(out, hit->path, strlen(hit->path));
	if (hit->paged)
		zc_buf_printf(out, ",\"line\":null,\"passage_line\":null,"
		    "\"page\":%u,", zc_hit_first_line(hit));
	else
		zc_buf_printf(out, ",\"line\":%u,\"passage_line\":%u,"
		    "\"page\":null,", zc_hit_first_line(hit), hit->line);
	zc_meta_json(out, &hit->meta);
	zc_buf_puts(out, ",\"passage\":");
	zc_json_string(out, hit->passage, strlen(hit->passage));
	zc_buf_puts(out, ",\"highlights\":[");
	for (size_t i = 0; i < spans->n; i++)
		zc_buf_printf(out, "%s[%zu,%zu]", i ? "," : "",
		    spans->span[i].start_cp, spans->span[i].end_cp);
	zc_buf_printf(out, "],\"matched\":\"%s\",\"copies\":%lu,\"group\":",
	    st->by_words ? "words" : "typed", hit->copies);
	if (hit->group != NULL)
		zc_json_string(out, hit->group, strlen(hit->group));
	else
		zc_buf_puts(out, "null");
	zc_buf_puts(out, "}\n");
}

const printer json_printer = { NULL, json_hit };

/* A TSV field: backslash, tab, newline and carriage return escaped as
 * \\ \t \n \r (what most TSV readers undo); absent is empty. */
static void
put_tsv(zc_buf *out, const char *s)
{
	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\': zc_buf_puts(out, "\\\\"); break;
		case '\t': zc_buf_puts(out, "\\t"); break;
		case '\n': zc_buf_puts(out, "\\n"); break;
		case '\r': zc_buf_puts(out, "\\r"); break;
		default: zc_buf_putc(out, *s);
		}
	}
}

static void
tsv_begin(zc_buf *out)
{
	zc_buf_puts(out, "rank\tscore\tpath\tline\tpassage_line\tpage");
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		zc_buf_printf(out, "\t%s", zc_fields[f].key);
	zc_buf_puts(out, "\tpassage\thighlights\tmatched\tcopies\tgroup\n");
}

static void
tsv_hit(zc_buf *out, const zc_hit *hit, const hit_style *st)
{
	const zc_spans *spans = &hit->spans;

	zc_buf_printf(out, "%u\t%.6g\t", hit->rank, hit->score);
	put_tsv(out, hit->path);
	if (hit->paged)
		zc_buf_printf(out, "\t\t\t%u", zc_hit_first_line(hit));
	else
		zc_buf_printf(out, "\t%u\t%u\t", zc_hit_first_line(hit),
		    hit->line);
	for (int f = 0; f < ZC_FIELD_COUNT; f++) {
		zc_buf_putc(out, '\t');
		put_tsv(out, hit->meta.value[f]);
	}
	zc_buf_putc(out, '\t');
	put_tsv(out, hit->passage);
	zc_buf_putc(out, '\t');
	for (size_t i = 0; i < spans->n; i++)
		zc_buf_printf(out, "%s%zu-%zu", i ? "," : "",
		    spans->span[i].start_cp, spans->span[i].end_cp);
	zc_buf_printf(out, "\t%s\t%lu\t", st->by_words ? "words" : "typed",
	    hit->copies);
	put_tsv(out, hit->group);
	zc_buf_putc(out, '\n');
}

const printer tsv_printer = { tsv_begin, tsv_hit };

/* ---- counts ----------------------------------------------------------- */

/* Columns s takes in a terminal (zc_qparse_width: the query caret's
 * measure too). */
static size_t
display_width(const char *s)
{
	return zc_qparse_width(s, strlen(s));
}

void
print_counts_text(zc_buf *out, const zc_facet_counts *c, size_t n,
    int width)
{
	for (size_t k = 0; k < n; k++) {
		size_t value_w = strlen(zc_facet_name(c[k].facet));
		unsigned long most = 1;
		int digits = 5, bar_room;

		for (size_t i = 0; i < c[k].n; i++) {
			size_t w = display_width(c[k].v[i].value);

			if (w > value_w)
				value_w = w;
			if (c[k].v[i].count > most)
				most = c[k].v[i].count;
		}
		if (k > 0)
			zc_buf_putc(out, '\n');
		put_text(out, zc_facet_name(c[k].facet));
		zc_buf_printf(out, "%*s%*s\n", (int)(value_w + 2 -
		    strlen(zc_facet_name(c[k].facet))), "", digits, "count");
		bar_room = width - (int)value_w - 2 - digits - 2;
		for (size_t i = 0; i < c[k].n; i++) {
			const zc_facet_count *v = &c[k].v[i];

			put_text(out, v->value);
			zc_buf_printf(out, "%*s%*lu", (int)(value_w + 2 -
			    display_width(v->value)), "", digits, v->count);
			if (width > 0 && bar_room > 0) {
				size_t bar = (size_t)((double)v->count * bar_room /
				    (double)most + 0.5);

				zc_buf_puts(out, "  ");
				for (size_t b = 0; b < (bar ? bar : 1); b++)
					zc_buf_puts(out, "█");
			}
			zc_buf_putc(out, '\n');
		}
	}
}

void
print_counts_json(zc_buf *out, const zc_facet_counts *c, size_t n)
{
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < c[k].n; i++) {
			zc_buf_printf(out, "{\"field\":\"%s\",\"value\":",
			    zc_facet_name(c[k].facet));
			zc_json_string(out, c[k].v[i].value,
			    strlen(c[k].v[i].value));
			zc_buf_printf(out, ",\"count\":%lu}\n", c[k].v[i].count);
		}
}

void
print_counts_tsv(zc_buf *out, const zc_facet_counts *c, size_t n)
{
	zc_buf_puts(out, "field\tvalue\tcount\n");
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < c[k].n; i++) {
			zc_buf_printf(out, "%s\t", zc_facet_name(c[k].facet));
			put_tsv(out, c[k].v[i].value);
			zc_buf_printf(out, "\t%lu\n", c[k].v[i].count);
		}
}
