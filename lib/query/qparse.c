/*
 * qparse.c — query text → syntax tree (zc_qparse.h).  First stage of the
 * search side: query → parse → Xapian query (qbuild.c) → hits → print.
 *
 * Invariants: the input is checked for length and UTF-8 before anything
 * else, so the scanner decodes only valid text; the parser recurses a
 * bounded number of frames per level and counts levels (parentheses and
 * prefix operators) against ZC_QPARSE_MAX_DEPTH; every node is on the
 * tree's allocation list, so a half-built tree is freed without walking
 * it.  The first error recorded wins: later ones are consequences.
 * Node texts are copies of the query's bytes as typed; normalisation is
 * the business of the term scheme (zc_terms.h) and of qbuild.c.
 */
#include "zc_qparse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zc_chars.h"
#include "zc_dates.h"

enum tok_type {
	T_END, T_ERR, T_WORD, T_QUOTED, T_LPAREN, T_RPAREN,
	T_OR, T_AND, T_NOT, T_NEAR, T_MINUS, T_PLUS, T_FIELD
};

struct token {
	enum tok_type type;
	size_t start, end;   /* the whole token */
	size_t tstart, tend; /* T_WORD, T_QUOTED: the text */
	zc_field field;      /* T_FIELD */
	unsigned window;     /* T_NEAR */
};

struct parser {
	const char *q;
	size_t len;
	size_t pos;
	zc_qtree *tree;
	zc_qerror *err;
	bool failed;
	zc_status status;  /* of the first failure */
	unsigned depth;
	unsigned terms;
	bool in_group;     /* inside parentheses, innermost opened at: */
	size_t group_open;
	bool content;      /* a term with a letter, digit or Han, quoted,
	                    * or of a field: not punctuation alone */
};

/* ---- characters --------------------------------------------------------- */

static int
cp_width(uint32_t cp)
{
	if (cp < 0x1100)
		return 1;
	if (cp <= 0x115F || cp == 0x2329 || cp == 0x232A ||
	    (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xA960 && cp <= 0xA97F) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE10 && cp <= 0xFE19) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
	    (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	    (cp >= 0x1F300 && cp <= 0x1F64F) ||
	    (cp >= 0x1F900 && cp <= 0x1F9FF) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

size_t
zc_qparse_width(const char *s, size_t len)
{
	size_t i = 0, w = 0, adv;
	uint32_t cp;

	while (i < len) {
		cp = zc_utf8_decode(s + i, len - i, &adv);
		w += (size_t)cp_width(cp);
		i += adv;
	}
	return w;
}

/* The ASCII meaning of a syntax character, or 0: full-width forms count
 * as their ASCII forms; every quotation mark is '"'. */
static int
syntax_of(uint32_t cp)
{
	switch (cp) {
	case '(': case 0xFF08: return '(';
	case ')': case 0xFF09: return ')';
	case ':': case 0xFF1A: return ':';
	case '"': case 0xFF02: case 0x201C: case 0x201D: return '"';
	case '-': case 0xFF0D: return '-';
	case '+': case 0xFF0B: return '+';
	case '*': case 0xFF0A: return '*';
	default: return 0;
	}
}

static uint32_t
cp_at(const struct parser *p, size_t i, size_t *adv)
{
	if (i >= p->len) {
		*adv = 0;
		return 0;
	}
	return zc_utf8_decode(p->q + i, p->len - i, adv);
}

/* ---- errors and nodes ---------------------------------------------------- */

static void
fail_at(struct parser *p, zc_status st, size_t byte, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
fail_at(struct parser *p, zc_status st, size_t byte, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return;
	p->failed = true;
	p->status = st;
	if (p->err == NULL)
		return;
	p->err->status = st;
	p->err->byte = byte;
	p->err->column = zc_qparse_width(p->q, byte);
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
	va_end(ap);
}

/* At most max bytes of s, cut at a character boundary, for messages. */
static int
cut_for_message(const char *s, size_t len, size_t max)
{
	size_t n = 0, adv;

	while (n < len) {
		zc_utf8_decode(s + n, len - n, &adv);
		if (n + adv > max)
			break;
		n += adv;
	}
	return (int)n;
}

static zc_qnode *
new_node(struct parser *p, zc_qkind kind, size_t start)
{
	zc_qnode *n = zc_xcalloc(1, sizeof *n);

	n->kind = kind;
	n->field = ZC_FIELD_BODY;
	n->start_byte = start;
	n->next_alloc = p->tree->nodes;
	p->tree->nodes = n;
	return n;
}

static void
add_kid(zc_qnode *n, zc_qnode *kid, size_t *cap)
{
	size_t i;

	if (kid->kind == n->kind && (n->kind == ZC_QN_AND ||
	    n->kind == ZC_QN_OR || n->kind == ZC_QN_NEAR)) {
		for (i = 0; i < kid->nkids; i++)
			add_kid(n, kid->kids[i], cap);
		return;
	}
	n->kids = zc_xgrow(n->kids, cap, n->nkids + 1, sizeof *n->kids);
	n->kids[n->nkids++] = kid;
}

void
zc_qtree_free(zc_qtree *t)
{
	zc_qnode *n, *next;

	if (t == NULL)
		return;
	for (n = t->nodes; n != NULL; n = next) {
		next = n->next_alloc;
		free(n->kids);
		free((char *)n->text);
		free(n);
	}
	free(t);
}

/* ---- scanner ------------------------------------------------------------- */

/* Values of exact fields and of path: are taken as typed, balanced
 * parentheses included; text and dates are parsed. */
static bool
is_exact_field(zc_field f)
{
	return zc_fields[f].kind == ZC_FK_EXACT ||
	    zc_fields[f].kind == ZC_FK_PATH;
}

/* Whether s[0..len) could only be meant as a field name: two or more
 * ASCII letters (isuer, titel).  Chinese before a colon is text
 * (联系人:张明), and so is a number (10:30). */
static bool
looks_like_field_name(const char *s, size_t len)
{
	if (len < 2)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z')))
			return false;
	return true;
}

/* Fail at byte at: name[0..len) is no field, with the list of those
 * that are, from the field table. */
static void
fail_unknown_field(struct parser *p, size_t at, const char *name,
    size_t len)
{
	char list[256];
	size_t n = 0;

	list[0] = '\0';
	for (int f = 0; f < ZC_FIELD_END; f++)
		if (zc_fields[f].name != NULL && n < sizeof list)
			n += (size_t)snprintf(list + n, sizeof list - n, "%s%s:",
			    n ? " " : "", zc_fields[f].name);
	fail_at(p, ZC_EINVAL, at, "unknown field '%.*s' (fields: %s; quote "
	    "text that holds a colon)", (int)len, name, list);
}

/* End of a word starting at i.  A word ends at a separator, a quotation
 * mark or a parenthesis; in a value of an exact field or path: balanced
 * parentheses belong to the word (文号:鄂发（2021）3号).  With
 * detect_field, "name:" of a known field ends the word at the colon
 * (*is_field set, *field filled, the return value is past the colon),
 * and "name:" of an ASCII name that is no field sets *unknown (the
 * name's length; 0 otherwise). */
static size_t
word_end(const struct parser *p, size_t i, bool paren_mode,
    bool detect_field, bool *is_field, zc_field *field, size_t *unknown)
{
	size_t start = i, adv;
	unsigned open = 0;
	uint32_t cp;
	int syn;

	*is_field = false;
	*unknown = 0;
	while (i < p->len) {
		cp = cp_at(p, i, &adv);
		syn = syntax_of(cp);
		if (zc_chars_is_query_space(cp) || syn == '"')
			break;
		if (syn == '(') {
			if (!paren_mode)
				break;
			open++;
		} else if (syn == ')') {
			if (open == 0)
				break;
			open--;
		} else if (syn == ':' && detect_field &&
		    zc_fields_find(p->q + start, i - start, field)) {
			*is_field = true;
			return i + adv;
		} else if (syn == ':' && detect_field && *unknown == 0 &&
		    looks_like_field_name(p->q + start, i - start)) {
			*unknown = i - start;
		}
		i += adv;
	}
	return i;
}

/* Byte i after the query spaces from i. */
static size_t
skip_spaces(const struct parser *p, size_t i)
{
	size_t adv;

	while (i < p->len && zc_chars_is_query_space(cp_at(p, i, &adv)))
		i += adv;
	return i;
}

/* The token at p->pos (after separators), in a context whose field is
 * ctx; does not consume it.  Records an error and returns T_ERR for an
 * unbalanced quote, a lone '-' or '+', or a bad NEAR distance. */
static struct token
scan(struct parser *p, zc_field ctx)
{
	struct token t;
	size_t i = p->pos, adv, adv2, j, k;
	uint32_t cp, next;
	int syn, nsyn;
	bool is_field;
	unsigned long n;
	unsigned nest;
	size_t unknown;
	zc_field named;

	memset(&t, 0, sizeof t);
	while (i < p->len) {
		cp = cp_at(p, i, &adv);
		if (!zc_chars_is_query_space(cp))
			break;
		i += adv;
	}
	t.start = t.end = i;
	if (i >= p->len) {
		t.type = T_END;
		return t;
	}
	cp = cp_at(p, i, &adv);
	syn = syntax_of(cp);
	switch (syn) {
	case '(':
	case ')':
		t.type = syn == '(' ? T_LPAREN : T_RPAREN;
		t.end = i + adv;
		return t;
	case '"':
		/* Text pasted from a document keeps its quotation marks:
		 * inside "…" (or ＂…＂) the Chinese “ ” are text, inside “…”
		 * an ASCII " is, and “” nest (“a “b” c” is one text).  A
		 * lone ” opens a text that the next ” closes. */
		nest = 1;
		for (j = i + adv; j < p->len; j += adv2) {
			next = cp_at(p, j, &adv2);
			if (cp == '"' || cp == 0xFF02) {
				if (next == '"' || next == 0xFF02)
					break;
			} else if (cp == 0x201C && next == 0x201C) {
				nest++;
			} else if (next == 0x201D && (cp != 0x201C ||
			    --nest == 0)) {
				break;
			}
		}
		if (j >= p->len) {
			fail_at(p, ZC_EINVAL, i, "unbalanced quote");
			t.type = T_ERR;
			return t;
		}
		t.type = T_QUOTED;
		t.tstart = i + adv;
		t.tend = j;
		t.end = j + adv2;
		return t;
	case '-':
	case '+':
		next = cp_at(p, i + adv, &adv2);
		nsyn = syntax_of(next);
		if (i + adv >= p->len || zc_chars_is_query_space(next) || nsyn == ')') {
			fail_at(p, ZC_EINVAL, i, "'%c' needs a term after it",
			    syn);
			t.type = T_ERR;
			return t;
		}
		t.type = syn == '-' ? T_MINUS : T_PLUS;
		t.end = i + adv;
		return t;
	default:
		break;
	}
	j = word_end(p, i, is_exact_field(ctx), true, &is_field, &t.field,
	    &unknown);
	t.end = j;
	if (is_field) {
		t.type = T_FIELD;
		return t;
	}
	if (unknown > 0) {
		fail_unknown_field(p, i, p->q + i, unknown);
		t.type = T_ERR;
		return t;
	}
	/* "title :答复": the field name was meant */
	k = skip_spaces(p, j);
	if (k > j && k < p->len && syntax_of(cp_at(p, k, &adv2)) == ':') {
		if (zc_fields_find(p->q + i, j - i, &named)) {
			fail_at(p, ZC_EINVAL, j, "a space between '%.*s' and "
			    "':' (a field name takes its colon at once)",
			    (int)(j - i), p->q + i);
			t.type = T_ERR;
			return t;
		}
		if (looks_like_field_name(p->q + i, j - i)) {
			fail_unknown_field(p, i, p->q + i, j - i);
			t.type = T_ERR;
			return t;
		}
	}
	t.type = T_WORD;
	t.tstart = i;
	t.tend = j;
	k = j - i;
	if (k == 2 && memcmp(p->q + i, "OR", 2) == 0)
		t.type = T_OR;
	else if (k == 3 && memcmp(p->q + i, "AND", 3) == 0)
		t.type = T_AND;
	else if (k == 3 && memcmp(p->q + i, "NOT", 3) == 0)
		t.type = T_NOT;
	else if (k == 4 && memcmp(p->q + i, "NEAR", 4) == 0) {
		t.type = T_NEAR;
		t.window = ZC_QPARSE_DEFAULT_NEAR;
	} else if (k > 4 && memcmp(p->q + i, "NEAR/", 5) == 0) {
		n = 0;
		for (k = i + 5; k < j && p->q[k] >= '0' && p->q[k] <= '9' &&
		    n <= ZC_QPARSE_MAX_NEAR; k++)
			n = n * 10 + (unsigned long)(p->q[k] - '0');
		if (k == i + 5 || k != j || n < 1 || n > ZC_QPARSE_MAX_NEAR) {
			fail_at(p, ZC_EINVAL, i, "bad NEAR distance "
			    "(use NEAR/1 to NEAR/%d)", ZC_QPARSE_MAX_NEAR);
			t.type = T_ERR;
			return t;
		}
		t.type = T_NEAR;
		t.window = (unsigned)n;
	}
	return t;
}

/* An operator at the end of the query inside parentheses: the missing
 * ')' is the likelier mistake (科技创新 AND (孵化 OR). */
static void
fail_operand(struct parser *p, const struct token *next, size_t op,
    const char *msg)
{
	if (next->type == T_END && p->in_group)
		fail_at(p, ZC_EINVAL, p->group_open, "unclosed parenthesis");
	else
		fail_at(p, ZC_EINVAL, op, "%s", msg);
}

static bool
starts_unary(const struct token *t)
{
	return t->type == T_WORD || t->type == T_QUOTED ||
	    t->type == T_LPAREN || t->type == T_FIELD || t->type == T_NOT ||
	    t->type == T_MINUS || t->type == T_PLUS;
}

/* ---- dates --------------------------------------------------------------- */

/* One end of a date range, s[0..len) at byte offset pos of the query:
 * a year, a month or a day in the one date grammar (zc_dates.h).
 * Writes the first (is_hi false) or last (is_hi true) day it covers. */
static bool
parse_date_end(struct parser *p, const char *s, size_t len, size_t pos,
    bool is_hi, char out[9])
{
	zc_date d;

	if (zc_dates_scan(s, len, &d) != len) {
		fail_at(p, ZC_EINVAL, pos, "bad date %.*s%s (use YYYY, "
		    "YYYY-MM or YYYY-MM-DD)", cut_for_message(s, len, 40), s,
		    (size_t)cut_for_message(s, len, 40) < len ? "..." : "");
		return false;
	}
	if (!zc_dates_exists(&d)) {
		fail_at(p, ZC_EINVAL, pos, "impossible date %.*s",
		    cut_for_message(s, len, 60), s);
		return false;
	}
	if (d.parts == 1)
		d.month = is_hi ? 12 : 1;
	if (d.parts < 3)
		d.day = is_hi ? zc_dates_days_in_month(d.year, d.month) : 1;
	snprintf(out, 9, "%04u%02u%02u", (unsigned)d.year % 10000u,
	    (unsigned)d.month % 100u, (unsigned)d.day % 100u);
	return true;
}

static zc_qnode *
parse_date(struct parser *p, const char *s, size_t len, size_t pos)
{
	zc_qnode *n;
	const char *dots = NULL;
	size_t i, hi_len;

	for (i = 0; i + 1 < len; i++) {
		if (s[i] == '.' && s[i + 1] == '.') {
			dots = s + i;
			break;
		}
	}
	n = new_node(p, ZC_QN_DATE, pos);
	if (dots == NULL) {
		if (!parse_date_end(p, s, len, pos, false, n->lo) ||
		    !parse_date_end(p, s, len, pos, true, n->hi))
			return NULL;
		return n;
	}
	i = (size_t)(dots - s);
	hi_len = len - i - 2;
	if (i == 0 && hi_len == 0) {
		fail_at(p, ZC_EINVAL, pos, "date range needs a date on "
		    "at least one side");
		return NULL;
	}
	if (i > 0 && !parse_date_end(p, s, i, pos, false, n->lo))
		return NULL;
	if (hi_len > 0 && !parse_date_end(p, dots + 2, hi_len, pos + i + 2,
	    true, n->hi))
		return NULL;
	if (n->lo[0] != '\0' && n->hi[0] != '\0' && strcmp(n->lo, n->hi) > 0) {
		fail_at(p, ZC_EINVAL, pos, "date range ends before it starts");
		return NULL;
	}
	return n;
}

/* ---- parser -------------------------------------------------------------- */

static zc_qnode *parse_or(struct parser *p, zc_field ctx);

/* A term: text s[0..len) at byte pos, in the context's field. */
static zc_qnode *
leaf(struct parser *p, zc_field ctx, size_t s, size_t e, bool quoted,
    size_t pos)
{
	zc_qnode *n;
	size_t i, adv, star = 0, nstar = 0;
	uint32_t cp;
	bool latin = true;

	if (++p->terms > ZC_QPARSE_MAX_TERMS) {
		fail_at(p, ZC_ETOOBIG, pos, "too many terms (more than %d)",
		    ZC_QPARSE_MAX_TERMS);
		return NULL;
	}
	if (quoted && s == e) {
		fail_at(p, ZC_EINVAL, pos, zc_fields[ctx].kind == ZC_FK_TEXT ?
		    "empty quotes" : "empty field value");
		return NULL;
	}
	p->content |= quoted || ctx != ZC_FIELD_BODY;
	for (i = s; i < e && !p->content; i += adv) {
		cp = cp_at(p, i, &adv);
		p->content = zc_chars_is_han(cp) || zc_chars_is_word(cp);
	}
	switch (zc_fields[ctx].kind) {
	case ZC_FK_DATE:
		n = parse_date(p, p->q + s, e - s, s);
		if (n != NULL)
			n->field = ctx;
		return n;
	case ZC_FK_PATH:
		n = new_node(p, ZC_QN_PATH, pos);
		n->field = ctx;
		break;
	case ZC_FK_EXACT:
		n = new_node(p, ZC_QN_FIELD, pos);
		n->field = ctx;
		break;
	default: /* ZC_FK_TEXT */
		for (i = s; !quoted && i < e; i += adv) {
			cp = zc_utf8_decode(p->q + i, e - i, &adv);
			if (syntax_of(cp) == '*') {
				if (nstar++ == 0)
					star = i;
			} else if (nstar > 0 || !((cp >= 'a' && cp <= 'z') ||
			    (cp >= 'A' && cp <= 'Z') ||
			    (cp >= '0' && cp <= '9') ||
			    (cp >= 0xFF10 && cp <= 0xFF19) ||
			    (cp >= 0xFF21 && cp <= 0xFF3A) ||
			    (cp >= 0xFF41 && cp <= 0xFF5A))) {
				latin = false;
			}
		}
		if (nstar > 0) {
			if (!latin || star == s || nstar > 1 ||
			    e - star != (p->q[star] == '*' ? 1u : 3u)) {
				fail_at(p, ZC_EINVAL, star, "'*' only ends a "
				    "Latin word, as in tech*");
				return NULL;
			}
			n = new_node(p, ZC_QN_WILDCARD, pos);
			n->field = ctx;
			e = star;
			break;
		}
		n = new_node(p, ZC_QN_TEXT, pos);
		n->field = ctx;
		n->exact = quoted;
		break;
	}
	n->text = zc_xstrndup(p->q + s, e - s);
	n->len = e - s;
	return n;
}

static zc_qnode *
parse_group(struct parser *p, zc_field ctx)
{
	struct token t = scan(p, ctx);
	size_t open = t.start, outer_open = p->group_open;
	bool outer_in = p->in_group;
	zc_qnode *n;

	if (++p->depth > ZC_QPARSE_MAX_DEPTH) {
		fail_at(p, ZC_ETOOBIG, open, "query nested too deeply "
		    "(more than %d levels)", ZC_QPARSE_MAX_DEPTH);
		return NULL;
	}
	p->pos = t.end;
	t = scan(p, ctx);
	if (t.type == T_RPAREN) {
		fail_at(p, ZC_EINVAL, open, "empty parentheses");
		return NULL;
	}
	if (t.type == T_END) {
		fail_at(p, ZC_EINVAL, open, "unclosed parenthesis");
		return NULL;
	}
	p->in_group = true;
	p->group_open = open;
	n = parse_or(p, ctx);
	if (n == NULL)
		return NULL;
	t = scan(p, ctx);
	if (t.type != T_RPAREN) {
		fail_at(p, ZC_EINVAL, open, "unclosed parenthesis");
		return NULL;
	}
	p->pos = t.end;
	p->depth--;
	p->in_group = outer_in;
	p->group_open = outer_open;
	return n;
}

/* The value after "field:" (no separator allowed before it). */
static zc_qnode *
parse_value(struct parser *p, zc_field field, size_t field_start)
{
	size_t i = p->pos, adv, e;
	uint32_t cp = cp_at(p, i, &adv);
	int syn = syntax_of(cp);
	struct token t;
	bool is_field;
	zc_field dummy;
	size_t unknown;

	if (i >= p->len || zc_chars_is_query_space(cp) || syn == ')') {
		fail_at(p, ZC_EINVAL, i, "empty field value");
		return NULL;
	}
	if (syn == '(')
		return parse_group(p, field);
	if (syn == '"') {
		t = scan(p, field);
		if (t.type == T_ERR)
			return NULL;
		p->pos = t.end;
		return leaf(p, field, t.tstart, t.tend, true, field_start);
	}
	e = word_end(p, i, is_exact_field(field), false, &is_field, &dummy,
	    &unknown);
	p->pos = e;
	return leaf(p, field, i, e, false, field_start);
}

static zc_qnode *
parse_primary(struct parser *p, zc_field ctx)
{
	struct token t = scan(p, ctx);

	switch (t.type) {
	case T_WORD:
		p->pos = t.end;
		return leaf(p, ctx, t.tstart, t.tend, false, t.start);
	case T_QUOTED:
		p->pos = t.end;
		return leaf(p, ctx, t.tstart, t.tend, true, t.start);
	case T_LPAREN:
		return parse_group(p, ctx);
	case T_FIELD:
		p->pos = t.end;
		return parse_value(p, t.field, t.start);
	case T_RPAREN:
		fail_at(p, ZC_EINVAL, t.start, "unbalanced parenthesis");
		return NULL;
	case T_END:
		fail_at(p, ZC_EINVAL, t.start, "empty query");
		return NULL;
	case T_OR:
	case T_AND:
		fail_at(p, ZC_EINVAL, t.start, "%s needs a term on each side",
		    t.type == T_OR ? "OR" : "AND");
		return NULL;
	case T_NEAR:
		fail_at(p, ZC_EINVAL, t.start,
		    "NEAR needs a word on each side");
		return NULL;
	default:
		/* T_ERR: recorded by scan; prefix operators: parse_unary */
		fail_at(p, ZC_EINVAL, t.start, "unexpected operator");
		return NULL;
	}
}

static bool
is_word(const zc_qnode *n)
{
	return n->kind == ZC_QN_TEXT || n->kind == ZC_QN_WILDCARD;
}

/* kid appended to the chain of one operator (AND, OR, NEAR) that first
 * starts; the chain is made at its second operand, so that one operand
 * stands for itself. */
static zc_qnode *
chain_add(struct parser *p, zc_qnode *chain, zc_qkind kind,
    zc_qnode *first, zc_qnode *kid, size_t *cap)
{
	if (chain == NULL) {
		chain = new_node(p, kind, first->start_byte);
		add_kid(chain, first, cap);
	}
	add_kid(chain, kid, cap);
	return chain;
}

static zc_qnode *
parse_near(struct parser *p, zc_field ctx)
{
	zc_qnode *a = parse_primary(p, ctx), *b, *near = NULL;
	struct token t, next;
	size_t cap = 0;

	if (a == NULL)
		return NULL;
	for (t = scan(p, ctx); t.type == T_NEAR; t = scan(p, ctx)) {
		p->pos = t.end;
		if (!is_word(a)) {
			fail_at(p, ZC_EINVAL, t.start,
			    "NEAR needs a word on each side");
			return NULL;
		}
		b = NULL;
		next = scan(p, ctx);
		if (next.type == T_WORD || next.type == T_QUOTED ||
		    next.type == T_FIELD || next.type == T_LPAREN)
			b = parse_primary(p, ctx);
		if (b == NULL || !is_word(b)) {
			fail_operand(p, &next, t.start,
			    "NEAR needs a word on each side");
			return NULL;
		}
		if (b->field != a->field) {
			fail_at(p, ZC_EINVAL, t.start,
			    "NEAR needs words of one field");
			return NULL;
		}
		near = chain_add(p, near, ZC_QN_NEAR, a, b, &cap);
		near->field = a->field;
		if (t.window > near->window)
			near->window = t.window;
	}
	return near != NULL ? near : a;
}

static zc_qnode *
parse_unary(struct parser *p, zc_field ctx)
{
	struct token t = scan(p, ctx), next;
	zc_qnode *kid, *n;

	if (t.type != T_NOT && t.type != T_MINUS && t.type != T_PLUS)
		return parse_near(p, ctx);
	if (++p->depth > ZC_QPARSE_MAX_DEPTH) {
		fail_at(p, ZC_ETOOBIG, t.start, "query nested too deeply "
		    "(more than %d levels)", ZC_QPARSE_MAX_DEPTH);
		return NULL;
	}
	p->pos = t.end;
	next = scan(p, ctx);
	if (!starts_unary(&next)) {
		fail_operand(p, &next, t.start, t.type == T_NOT ?
		    "NOT needs a term after it" : t.type == T_MINUS ?
		    "'-' needs a term after it" : "'+' needs a term after it");
		return NULL;
	}
	kid = parse_unary(p, ctx);
	if (kid == NULL)
		return NULL;
	p->depth--;
	if (t.type == T_PLUS)
		return kid;
	n = new_node(p, ZC_QN_NOT, t.start);
	n->kids = zc_xmalloc(sizeof *n->kids);
	n->kids[0] = kid;
	n->nkids = 1;
	return n;
}

static zc_qnode *
parse_and(struct parser *p, zc_field ctx)
{
	zc_qnode *first = parse_unary(p, ctx), *kid, *and = NULL;
	struct token t, next;
	size_t cap = 0;

	if (first == NULL)
		return NULL;
	for (;;) {
		t = scan(p, ctx);
		if (t.type == T_AND) {
			p->pos = t.end;
			next = scan(p, ctx);
			if (!starts_unary(&next)) {
				fail_operand(p, &next, t.start,
				    "AND needs a term on each side");
				return NULL;
			}
		} else if (!starts_unary(&t)) {
			break;
		}
		kid = parse_unary(p, ctx);
		if (kid == NULL)
			return NULL;
		and = chain_add(p, and, ZC_QN_AND, first, kid, &cap);
	}
	return and != NULL ? and : first;
}

static zc_qnode *
parse_or(struct parser *p, zc_field ctx)
{
	zc_qnode *first = parse_and(p, ctx), *kid, *or = NULL;
	struct token t, next;
	size_t cap = 0;

	if (first == NULL)
		return NULL;
	for (t = scan(p, ctx); t.type == T_OR; t = scan(p, ctx)) {
		p->pos = t.end;
		next = scan(p, ctx);
		if (!starts_unary(&next)) {
			fail_operand(p, &next, t.start,
			    "OR needs a term on each side");
			return NULL;
		}
		kid = parse_and(p, ctx);
		if (kid == NULL)
			return NULL;
		or = chain_add(p, or, ZC_QN_OR, first, kid, &cap);
	}
	return or != NULL ? or : first;
}

/* Start p on q[0..len): false, with err filled, when q is too long or
 * not UTF-8 (a U+FFFD typed as such is fine). */
static bool
start(struct parser *p, const char *q, size_t len, zc_qerror *err)
{
	size_t i = 0, adv, cut;
	uint32_t cp;

	memset(p, 0, sizeof *p);
	p->q = q;
	p->len = len;
	p->err = err;
	if (err != NULL)
		memset(err, 0, sizeof *err);
	if (len > ZC_QPARSE_MAX_LEN) {
		cut = ZC_QPARSE_MAX_LEN;
		while (cut > 0 && ((unsigned char)q[cut] & 0xC0) == 0x80)
			cut--;
		fail_at(p, ZC_ETOOBIG, cut, "query too long (more than %d "
		    "bytes)", ZC_QPARSE_MAX_LEN);
		return false;
	}
	while (i < len) {
		cp = zc_utf8_decode(q + i, len - i, &adv);
		if (cp == 0xFFFD && !(adv == 3 &&
		    memcmp(q + i, "\xEF\xBF\xBD", 3) == 0)) {
			fail_at(p, ZC_EINVAL, i, "invalid UTF-8");
			return false;
		}
		i += adv;
	}
	p->tree = zc_xcalloc(1, sizeof *p->tree);
	return true;
}

zc_status
zc_qparse_literal(const char *q, size_t len, zc_qtree **out,
    zc_qerror *err)
{
	struct parser p;
	zc_qnode *n;
	size_t i = 0, adv;

	*out = NULL;
	if (!start(&p, q, len, err))
		return p.status;
	while (i < len && zc_chars_is_query_space(zc_utf8_decode(q + i,
	    len - i, &adv)))
		i += adv;
	if (i == len) {
		fail_at(&p, ZC_EINVAL, len, "empty query");
		zc_qtree_free(p.tree);
		return ZC_EINVAL;
	}
	n = new_node(&p, ZC_QN_TEXT, 0);
	n->exact = true;
	n->text = zc_xstrndup(q, len);
	n->len = len;
	p.tree->root = n;
	*out = p.tree;
	return ZC_OK;
}

zc_status
zc_qparse(const char *q, size_t len, zc_qtree **out, zc_qerror *err)
{
	struct parser p;
	struct token t;
	zc_qnode *root;

	*out = NULL;
	if (!start(&p, q, len, err))
		return p.status;
	root = parse_or(&p, ZC_FIELD_BODY);
	if (!p.failed) {
		t = scan(&p, ZC_FIELD_BODY);
		if (t.type == T_RPAREN)
			fail_at(&p, ZC_EINVAL, t.start,
			    "unbalanced parenthesis");
		else if (t.type == T_NEAR)
			fail_at(&p, ZC_EINVAL, t.start,
			    "NEAR needs a word on each side");
		else if (t.type != T_END)
			fail_at(&p, ZC_EINVAL, t.start, "unexpected text");
	}
	/* '，。！' typed alone is a slip, not a search: quoted, it is one */
	if (!p.failed && root != NULL && !p.content)
		fail_at(&p, ZC_EINVAL, 0, "empty query (only punctuation; "
		    "quote it to search for it)");
	if (p.failed || root == NULL) {
		if (!p.failed)
			fail_at(&p, ZC_EINVAL, 0, "malformed query");
		zc_qtree_free(p.tree);
		return p.status;
	}
	p.tree->root = root;
	*out = p.tree;
	return ZC_OK;
}

/* ---- printing ------------------------------------------------------------ */

static void
dump_string(zc_buf *b, const char *s, size_t len)
{
	size_t i;

	zc_buf_putc(b, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			zc_buf_putc(b, '\\');
			zc_buf_putc(b, (char)c);
		} else if (c < 0x20 || c == 0x7F) {
			zc_buf_printf(b, "\\x%02X", c);
		} else {
			zc_buf_putc(b, (char)c);
		}
	}
	zc_buf_putc(b, '"');
}

void
zc_qparse_dump(const zc_qnode *n, zc_buf *out)
{
	size_t i;

	switch (n->kind) {
	case ZC_QN_AND:
	case ZC_QN_OR:
	case ZC_QN_NOT:
	case ZC_QN_NEAR:
		zc_buf_puts(out, n->kind == ZC_QN_AND ? "(and" :
		    n->kind == ZC_QN_OR ? "(or" : n->kind == ZC_QN_NOT ?
		    "(not" : "(near");
		if (n->kind == ZC_QN_NEAR)
			zc_buf_printf(out, " %u", n->window);
		for (i = 0; i < n->nkids; i++) {
			zc_buf_putc(out, ' ');
			zc_qparse_dump(n->kids[i], out);
		}
		zc_buf_putc(out, ')');
		return;
	case ZC_QN_TEXT:
	case ZC_QN_WILDCARD:
		zc_buf_puts(out, n->kind == ZC_QN_WILDCARD ? "(wildcard " :
		    n->exact ? "(exact " : "(text ");
		if (n->field != ZC_FIELD_BODY) {
			zc_buf_puts(out, zc_fields[n->field].name);
			zc_buf_putc(out, ' ');
		}
		break;
	case ZC_QN_DATE:
		zc_buf_printf(out, "(%s %s %s)", zc_fields[n->field].name,
		    n->lo[0] ? n->lo : "*", n->hi[0] ? n->hi : "*");
		return;
	case ZC_QN_FIELD:
	case ZC_QN_PATH:
		zc_buf_printf(out, "(%s ", zc_fields[n->field].name);
		break;
	}
	dump_string(out, n->text, n->len);
	zc_buf_putc(out, ')');
}

/* Columns shown before the caret and in all, when the query is wide. */
#define SHOW_BEFORE 60
#define SHOW_WIDTH 100

void
zc_qparse_format_error(const char *q, size_t len, const zc_qerror *err,
    zc_buf *out)
{
	size_t byte = err->byte < len ? err->byte : len;
	size_t col = zc_qparse_width(q, byte), c = 0, cstart, i = 0, adv;
	size_t start, caret;
	uint32_t cp;
	char u[4];

	zc_buf_printf(out, "query: %s\n  ", err->msg);
	if (zc_qparse_width(q, len) > SHOW_WIDTH) {
		while (i < len && col - c > SHOW_BEFORE) {
			cp = zc_utf8_decode(q + i, len - i, &adv);
			c += (size_t)cp_width(cp);
			i += adv;
		}
	}
	start = i;
	cstart = c;
	if (start > 0)
		zc_buf_puts(out, "...");
	while (i < len && c - cstart < SHOW_WIDTH) {
		cp = zc_utf8_decode(q + i, len - i, &adv);
		if (cp == 0xFFFD || !zc_chars_is_query_space(cp))
			zc_buf_append(out, u, zc_utf8_encode(cp, u));
		else if (cp == 0x3000)
			zc_buf_puts(out, "  ");
		else
			zc_buf_putc(out, ' ');
		c += (size_t)cp_width(cp);
		i += adv;
	}
	if (i < len)
		zc_buf_puts(out, "...");
	caret = (start > 0 ? 3 : 0) + (col >= cstart ? col - cstart : 0);
	zc_buf_puts(out, "\n  ");
	for (i = 0; i < caret; i++)
		zc_buf_putc(out, ' ');
	zc_buf_putc(out, '^');
}
