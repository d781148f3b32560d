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

static void
text_hit(zc_buf *out, const zc_hit *hit, const hit_style *st)
{
	bool colour = st->colour;
	const zc_spans *spans = &hit->spans;
	static const zc_field shown[] = {
		ZC_FIELD_INDEX_NO, ZC_FIELD_DATE, ZC_FIELD_DOC_NO,
		ZC_FIELD_ISSUER
	};
	const char *passage = hit->passage;
	size_t at = 0, n_meta = 0;

	if (!st->first)
		zc_buf_putc(out, '\n');
	if (colour)
		zc_buf_puts(out, C_PATH);
	put_text(out, hit->path);
	zc_buf_puts(out, colour ? C_OFF ":" C_LINE : ":");
	zc_buf_printf(out, "%u", hit->line);
	zc_buf_puts(out, colour ? C_OFF ":" : ":");
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
	for (size_t i = 0; i < spans->n; i++) {
		const zc_span *sp = &spans->span[i];

		put_display(out, passage + at, sp->start_byte - at);
		zc_buf_puts(out, colour ? C_MATCH : MARK_OPEN);
		put_display(out, passage + sp->start_byte,
		    sp->end_byte - sp->start_byte);
		zc_buf_puts(out, colour ? C_OFF : MARK_CLOSE);
		at = sp->end_byte;
	}
	put_text(out, passage + at);
	zc_buf_putc(out, '\n');
}

const printer text_printer = { NULL, text_hit };

static void
json_hit(zc_buf *out, const zc_hit *hit, const hit_style *st)
{
	const zc_spans *spans = &hit->spans;

	zc_buf_printf(out, "{\"rank\":%u,\"score\":%.6g,\"path\":", hit->rank,
	    hit->score);
	zc_json_string(out, hit->path, strlen(hit->path));
	zc_buf_printf(out, ",\"line\":%u,", hit->line);
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
	zc_buf_puts(out, "rank\tscore\tpath\tline");
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
	zc_buf_printf(out, "\t%u", hit->line);
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
