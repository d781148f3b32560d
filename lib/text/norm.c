/*
 * norm.c — the one normalisation of documents and queries (zc_norm.h).
 * Data flow: passage text → here → segment/terms; query text → here.
 *
 * Invariants: the output is NFKC_Casefold of the input with Han folded
 * Traditional → Simplified by table and whitespace that splits Chinese
 * text removed (zc_chars_space_splits: between two Han characters, a
 * digit and a Han character, ...); every output code point has a source span in the
 * input, and spans never go backwards.  ASCII and ordinary Han take a
 * fast path that gives the same result as ICU: they are stable under
 * NFKC_Casefold (but for A-Z) and start a normalisation segment.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "zc_chars.h"
#include "zc_norm.h"
#include "gen/t2s_table.h"

#define MAX_INPUT ((size_t)1 << 30)
#define SEG_MAX 64 /* code points of one normalisation segment */

#define T2S_N (sizeof t2s_table / sizeof t2s_table[0])

/* Which code points from the table's first to its last have an entry,
 * a bit each: most Han text is Simplified already, and a character
 * without one costs a load instead of a binary search over 2,854
 * entries (every Han character of every document is folded: the
 * search was 15% of the time that reads and signs the laws).  Built
 * before main, so threads only read it. */
static uint64_t t2s_bits[(0xA000 - 0x3400) / 64 + 1];

__attribute__((constructor)) static void
init_t2s_bits(void)
{
	_Static_assert(T2S_N > 0, "an empty table");
	for (size_t i = 0; i < T2S_N; i++) {
		uint32_t at = t2s_table[i][0] - t2s_table[0][0];

		if (at / 64 < sizeof t2s_bits / sizeof t2s_bits[0])
			t2s_bits[at / 64] |= (uint64_t)1 << (at % 64);
	}
}

uint32_t
zc_norm_t2s(uint32_t cp)
{
	size_t lo = 0, hi = T2S_N;
	uint32_t at = cp - t2s_table[0][0];

	if (cp < t2s_table[0][0] || cp > t2s_table[T2S_N - 1][0])
		return cp;
	if (at / 64 < sizeof t2s_bits / sizeof t2s_bits[0] &&
	    !(t2s_bits[at / 64] >> (at % 64) & 1))
		return cp;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t2s_table[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < T2S_N &&
	    t2s_table[lo][0] == cp)
		return t2s_table[lo][1];
	return cp;
}

/* Han that NFKC leaves alone: everything zc_chars_is_han accepts but the
 * compatibility ideographs, which decompose to unified ones. */
static bool
is_stable_han(uint32_t cp)
{
	return zc_chars_is_han(cp) && !(cp >= 0xF900 && cp <= 0xFAFF);
}

/* Characters that surely start a normalisation segment, without asking
 * ICU (which is slower than this test). */
static bool
is_quick_boundary(uint32_t cp)
{
	return cp < 0x300 || is_stable_han(cp);
}

typedef struct out_cp {
	uint32_t cp;
	zc_norm_src src;
} out_cp;

typedef struct work {
	out_cp *v;
	size_t n, cap;
} work;

static void
push(work *w, uint32_t cp, const zc_norm_src *src)
{
	if (zc_chars_is_han(cp))
		cp = zc_norm_t2s(cp);
	w->v = zc_xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
	w->v[w->n].cp = cp;
	w->v[w->n].src = *src;
	w->n++;
}

/* Normalise one segment (a starter and what combines with it). */
static zc_status
push_segment(work *w, const UNormalizer2 *nfkc, const uint32_t *cps,
    size_t n, const zc_norm_src *src, zc_error *err)
{
	UChar in[SEG_MAX * 2 + 2], stack_out[256];
	UChar *out = stack_out;
	int32_t in_len = 0, out_len, i = 0;
	UErrorCode st = U_ZERO_ERROR;

	for (size_t k = 0; k < n; k++)
		U16_APPEND_UNSAFE(in, in_len, (UChar32)cps[k]);
	out_len = unorm2_normalize(nfkc, in, in_len, out, 256, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		out = zc_xmalloc(sizeof(UChar) * (size_t)(out_len + 1));
		st = U_ZERO_ERROR;
		out_len = unorm2_normalize(nfkc, in, in_len, out, out_len + 1,
		    &st);
	}
	if (U_FAILURE(st)) {
		if (out != stack_out)
			free(out);
		return zc_fail(err, ZC_EICU, "normalisation failed: %s",
		    u_errorName(st));
	}
	while (i < out_len) {
		UChar32 c;

		U16_NEXT(out, i, out_len, c);
		push(w, (uint32_t)c, src);
	}
	if (out != stack_out)
		free(out);
	return ZC_OK;
}

static void
reserve(zc_norm *out, size_t ncp, size_t bytes)
{
	out->text = zc_xgrow(out->text, &out->text_cap, bytes + 1, 1);
	if (ncp > 0)
		out->map = zc_xgrow(out->map, &out->map_cap, ncp,
		    sizeof *out->map);
	out->cp_byte = zc_xgrow(out->cp_byte, &out->cp_cap, ncp + 1,
	    sizeof *out->cp_byte);
}

/* Drop whitespace runs that split Chinese text (zc_chars_space_splits,
 * the rule the cleaner closes lines up by) and write the text. */
static void
emit(const work *w, zc_norm *out)
{
	size_t bytes = 0, ncp = 0;

	reserve(out, w->n, w->n * 4);
	for (size_t i = 0; i < w->n; i++) {
		char enc[4];
		size_t k;

		if (zc_chars_is_space(w->v[i].cp) && ncp > 0) {
			for (k = i; k < w->n && zc_chars_is_space(w->v[k].cp); k++)
				;
			if (k < w->n && zc_chars_space_splits(w->v[i - 1].cp,
			    w->v[k].cp)) {
				i = k - 1;
				continue;
			}
		}
		k = zc_utf8_encode(w->v[i].cp, enc);
		memcpy(out->text + bytes, enc, k);
		out->cp_byte[ncp] = (uint32_t)bytes;
		out->map[ncp] = w->v[i].src;
		bytes += k;
		ncp++;
	}
	out->text[bytes] = '\0';
	out->cp_byte[ncp] = (uint32_t)bytes;
	out->len = bytes;
	out->ncp = ncp;
}

zc_status
zc_norm_text(const char *s, size_t len, zc_norm *out, zc_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfkc;
	work w = { NULL, 0, 0 };
	size_t i = 0, cpi = 0;
	uint32_t seg[SEG_MAX];
	zc_status rc = ZC_OK;

	out->len = 0;
	out->ncp = 0;
	if (len > MAX_INPUT)
		return zc_fail(err, ZC_ETOOBIG, "text longer than 1 GiB");
	nfkc = unorm2_getNFKCCasefoldInstance(&st);
	if (U_FAILURE(st))
		return zc_fail(err, ZC_EICU, "cannot load NFKC_Casefold: %s",
		    u_errorName(st));
	w.v = zc_xgrow(NULL, &w.cap, len + 1, sizeof *w.v);
	while (i < len) {
		size_t adv, start = i, start_cp = cpi, n = 0;
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);
		zc_norm_src src;

		seg[n++] = cp;
		i += adv;
		cpi++;
		/* Gather what combines with cp. */
		while (i < len) {
			uint32_t next = zc_utf8_decode(s + i, len - i, &adv);

			if (is_quick_boundary(next) || n == SEG_MAX ||
			    unorm2_hasBoundaryBefore(nfkc, (UChar32)next))
				break;
			seg[n++] = next;
			i += adv;
			cpi++;
		}
		src.cp_start = (uint32_t)start_cp;
		src.cp_end = (uint32_t)cpi;
		src.byte_start = (uint32_t)start;
		src.byte_end = (uint32_t)i;
		if (n == 1 && cp < 0x80) {
			if (cp >= 'A' && cp <= 'Z')
				cp += 'a' - 'A';
			push(&w, cp, &src);
		} else if (n == 1 && is_stable_han(cp)) {
			push(&w, cp, &src);
		} else {
			rc = push_segment(&w, nfkc, seg, n, &src, err);
			if (rc != ZC_OK)
				break;
		}
	}
	if (rc == ZC_OK)
		emit(&w, out);
	free(w.v);
	return rc;
}

void
zc_norm_free(zc_norm *n)
{
	if (n == NULL)
		return;
	free(n->text);
	free(n->map);
	free(n->cp_byte);
	memset(n, 0, sizeof *n);
}

zc_status
zc_norm_string(const char *s, size_t len, char **out, size_t *out_len,
    zc_error *err)
{
	zc_norm n = ZC_NORM_INIT;
	zc_status rc = zc_norm_text(s, len, &n, err);

	*out = NULL;
	if (rc != ZC_OK) {
		zc_norm_free(&n);
		return rc;
	}
	if (n.text == NULL)
		n.text = zc_xstrdup("");
	*out = n.text;
	if (out_len != NULL)
		*out_len = n.len;
	n.text = NULL;
	zc_norm_free(&n);
	return ZC_OK;
}

void
zc_norm_span_cp(const zc_norm *n, size_t start, size_t end,
    size_t *src_start, size_t *src_end)
{
	*src_start = n->map[start].cp_start;
	*src_end = n->map[end - 1].cp_end;
}

void
zc_norm_span_byte(const zc_norm *n, size_t start, size_t end,
    size_t *src_start, size_t *src_end)
{
	*src_start = n->map[start].byte_start;
	*src_end = n->map[end - 1].byte_end;
}
