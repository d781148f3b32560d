/*
 * decode.c — the read stage (zc_decode.h): file bytes → format and UTF-8.
 *
 * First in the data flow; everything downstream sees valid UTF-8 only.
 * Invariants: the output never contains NUL or invalid UTF-8 (bad input
 * bytes become U+FFFD), never starts with a BOM, and decoding a text file
 * never fails.  Binary input is refused rather than indexed as garbage.
 */
#include "zc_decode.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

/* How much of the head of a file detection looks at. */
#define SNIFF_BYTES 65536
/* ICU's detector guesses wrong on short samples (docs/pitfalls.md, ICU). */
#define DETECT_MIN_NONASCII 100
#define DETECT_MIN_CONFIDENCE 30

const char *
zc_format_name(zc_format f)
{
	switch (f) {
	case ZC_FORMAT_MARKDOWN: return "markdown";
	case ZC_FORMAT_HTML: return "html";
	case ZC_FORMAT_XML: return "xml";
	case ZC_FORMAT_PDF: return "pdf";
	case ZC_FORMAT_DOCX: return "docx";
	case ZC_FORMAT_OFD: return "ofd";
	case ZC_FORMAT_DOC: return "doc";
	default: return "text";
	}
}

/* The one list of indexable extensions: zcindex's walk asks
 * zc_format_indexable, and the pipeline guesses a format from it. */
static const struct {
	const char *ext;
	zc_format format;
} extensions[] = {
	{ "txt", ZC_FORMAT_TEXT },
	{ "md", ZC_FORMAT_MARKDOWN }, { "markdown", ZC_FORMAT_MARKDOWN },
	{ "html", ZC_FORMAT_HTML }, { "htm", ZC_FORMAT_HTML },
	{ "shtml", ZC_FORMAT_HTML }, { "xhtml", ZC_FORMAT_HTML },
	{ "xml", ZC_FORMAT_XML }, { "pdf", ZC_FORMAT_PDF },
	{ "docx", ZC_FORMAT_DOCX }, { "ofd", ZC_FORMAT_OFD },
	{ "doc", ZC_FORMAT_DOC }, { "wps", ZC_FORMAT_DOC },
};

bool
zc_format_indexable(const char *name, zc_format *fmt)
{
	const char *dot = strrchr(name, '.');
	const char *slash = strrchr(name, '/');

	if (dot == NULL || (slash != NULL && dot < slash))
		return false;
	for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
		if (strcasecmp(dot + 1, extensions[i].ext) == 0) {
			if (fmt != NULL)
				*fmt = extensions[i].format;
			return true;
		}
	return false;
}

zc_format
zc_format_from_name(const char *name)
{
	zc_format f;

	return zc_format_indexable(name, &f) ? f : ZC_FORMAT_TEXT;
}

/* Case-insensitive search for an ASCII needle in s[0..len). */
static const char *
find_ci(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; n <= len && i <= len - n; i++)
		if (strncasecmp(s + i, needle, n) == 0)
			return s + i;
	return NULL;
}

zc_format
zc_format_sniff(zc_format guess, const char *utf8, size_t len)
{
	size_t head = len < 4096 ? len : 4096, i = 0;
	bool has_html;

	while (i < head && isspace((unsigned char)utf8[i]))
		i++;
	has_html = find_ci(utf8, head, "<html") != NULL ||
	    find_ci(utf8, head, "<!doctype html") != NULL ||
	    find_ci(utf8, head, "<head>") != NULL ||
	    find_ci(utf8, head, "<head ") != NULL ||
	    find_ci(utf8, head, "<body") != NULL;
	/* an XML document may have a <body> or a <header> of its own: it
	 * is XHTML only when it says html */
	if (i + 5 <= head && strncmp(utf8 + i, "<?xml", 5) == 0 &&
	    find_ci(utf8, head, "<html") == NULL)
		has_html = false;
	if (has_html && (i < head && utf8[i] == '<'))
		return ZC_FORMAT_HTML;
	if (guess == ZC_FORMAT_HTML)
		return has_html || find_ci(utf8, head, "<p") != NULL ||
		    find_ci(utf8, head, "<div") != NULL ||
		    find_ci(utf8, head, "<br") != NULL ? ZC_FORMAT_HTML :
		    ZC_FORMAT_TEXT;
	if (guess == ZC_FORMAT_TEXT && i + 5 <= head &&
	    strncmp(utf8 + i, "<?xml", 5) == 0)
		return has_html ? ZC_FORMAT_HTML : ZC_FORMAT_XML;
	if (guess == ZC_FORMAT_XML && (i >= head || utf8[i] != '<'))
		return ZC_FORMAT_TEXT;
	return guess;
}

/* ---- detection ------------------------------------------------------- */

/* Map a declared or detected charset name to the converter we read it
 * with; NULL when it cannot be trusted or ICU does not know it. */
static const char *
map_charset(const char *name)
{
	static const char *const gb[] = { "gb2312", "gbk", "cp936", "x-gbk",
	    "euc-cn", "x-euc-cn", "gb18030", "gb_2312-80", "windows-936",
	    "ms936", "csgb2312", "chinese", NULL };
	static const char *const big5[] = { "big5", "big5-hkscs", "cp950",
	    "x-big5", "windows-950", "csbig5", NULL };
	UErrorCode st = U_ZERO_ERROR;
	const char *canon;

	for (int i = 0; gb[i] != NULL; i++)
		if (strcasecmp(name, gb[i]) == 0)
			return "GB18030";
	for (int i = 0; big5[i] != NULL; i++)
		if (strcasecmp(name, big5[i]) == 0)
			return "Big5-HKSCS";
	if (strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0)
		return "UTF-8";
	/* A declaration readable as ASCII cannot be in a 16- or 32-bit
	 * encoding: such a label lies. */
	if (strstr(name, "16") != NULL || strstr(name, "32") != NULL ||
	    strncasecmp(name, "ucs", 3) == 0)
		return NULL;
	canon = ucnv_getAlias(name, 0, &st);
	if (U_FAILURE(st) || canon == NULL)
		return NULL;
	return canon;
}

/* The charset named by a <meta charset>, http-equiv content or <?xml
 * encoding=...?> declaration in the head of the bytes, or NULL. */
static const char *
declared_charset(const char *bytes, size_t len)
{
	static const char *const keys[] = { "charset", "encoding", NULL };
	size_t head = len < SNIFF_BYTES ? len : SNIFF_BYTES;

	for (int k = 0; keys[k] != NULL; k++) {
		const char *p = bytes, *end = bytes + head;

		while ((p = find_ci(p, (size_t)(end - p), keys[k])) != NULL) {
			char name[48];
			size_t n = 0;
			const char *map;

			p += strlen(keys[k]);
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			if (p >= end || *p != '=')
				continue;
			p++;
			while (p < end && (*p == ' ' || *p == '"' ||
			    *p == '\''))
				p++;
			while (p < end && n + 1 < sizeof name &&
			    (isalnum((unsigned char)*p) || *p == '-' ||
			    *p == '_' || *p == ':' || *p == '.'))
				name[n++] = *p++;
			name[n] = '\0';
			if (n == 0)
				continue;
			map = map_charset(name);
			if (map != NULL)
				return map;
		}
	}
	return NULL;
}

/* Text that is UTF-8 except for a few damaged bytes: read it as UTF-8. */
static bool
mostly_utf8(const char *s, size_t len)
{
	size_t i = 0, adv, good = 0, bad = 0;
	bool cut = len > SNIFF_BYTES;

	if (cut)
		len = SNIFF_BYTES;
	while (i < len) {
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);

		if (adv > 1)
			good++;
		else if (cp == 0xFFFD && (!cut || i + 4 < len))
			bad++; /* a sequence cut by the sample end is fine */
		i += adv;
	}
	return good > 0 && bad * 20 <= good;
}

static const char *
detect_with_icu(const char *bytes, size_t len)
{
	size_t head = len < SNIFF_BYTES ? len : SNIFF_BYTES, nonascii = 0;
	UErrorCode st = U_ZERO_ERROR;
	UCharsetDetector *csd;
	const UCharsetMatch **matches;
	const char *found = NULL;
	int32_t n;

	for (size_t i = 0; i < head; i++)
		if ((unsigned char)bytes[i] >= 0x80)
			nonascii++;
	if (nonascii < DETECT_MIN_NONASCII)
		return NULL;
	csd = ucsdet_open(&st);
	if (U_FAILURE(st))
		return NULL;
	ucsdet_enableInputFilter(csd, true);
	ucsdet_setText(csd, bytes, (int32_t)head, &st);
	matches = ucsdet_detectAll(csd, &n, &st);
	for (int32_t i = 0; U_SUCCESS(st) && i < n; i++) {
		const char *name = ucsdet_getName(matches[i], &st);
		int32_t conf = ucsdet_getConfidence(matches[i], &st);

		if (U_FAILURE(st) || conf < DETECT_MIN_CONFIDENCE)
			break;
		if (strcmp(name, "GB18030") == 0) {
			found = "GB18030";
			break;
		}
		if (strcmp(name, "Big5") == 0) {
			found = "Big5-HKSCS";
			break;
		}
	}
	ucsdet_close(csd);
	return found;
}

static bool
looks_binary(const char *bytes, size_t len)
{
	size_t head = len < SNIFF_BYTES ? len : SNIFF_BYTES, ctl = 0;

	if (memchr(bytes, '\0', len) != NULL)
		return true;
	for (size_t i = 0; i < head; i++) {
		unsigned char c = (unsigned char)bytes[i];

		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		    c != '\f' && c != '\v' && c != 0x1B)
			ctl++;
	}
	return ctl > 8 && ctl * 50 > head;
}

zc_status
zc_decode_detect(const char *bytes, size_t len, const char **encoding,
    zc_error *err)
{
	const unsigned char *u = (const unsigned char *)bytes;
	const char *enc;

	*encoding = "UTF-8";
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		*encoding = "UTF-16LE";
		return ZC_OK;
	}
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		*encoding = "UTF-16BE";
		return ZC_OK;
	}
	if (looks_binary(bytes, len))
		return zc_fail(err, ZC_EBINARY, "not a text file (%s)",
		    memchr(bytes, '\0', len) != NULL ? "NUL bytes" :
		    "control bytes");
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return ZC_OK;
	if (zc_utf8_valid(bytes, len))
		return ZC_OK;
	enc = declared_charset(bytes, len);
	if (enc != NULL && strcmp(enc, "UTF-8") == 0 &&
	    !mostly_utf8(bytes, len))
		enc = NULL; /* stale declaration */
	if (enc == NULL && mostly_utf8(bytes, len))
		enc = "UTF-8";
	if (enc == NULL)
		enc = detect_with_icu(bytes, len);
	*encoding = enc != NULL ? enc : "GB18030";
	return ZC_OK;
}

/* ---- conversion ------------------------------------------------------ */

static void
utf8_with_replacement(const char *s, size_t len, zc_buf *out)
{
	size_t i = 0, run = 0, adv;

	while (i < len) {
		uint32_t cp = zc_utf8_decode(s + i, len - i, &adv);

		if (cp == 0xFFFD && adv == 1) {
			zc_buf_append(out, s + run, i - run);
			zc_buf_append(out, "\xEF\xBF\xBD", 3);
			run = i + 1;
		}
		i += adv;
	}
	zc_buf_append(out, s + run, len - run);
}

/* Convert through UTF-16 in chunks so that memory stays proportional to
 * the output; a lead surrogate at a chunk end is carried into the next
 * chunk so that the pair is not split into two U+FFFD. */
static zc_status
convert_icu(const char *name, const char *bytes, size_t len, zc_buf *out,
    zc_error *err)
{
	enum { N = 16384 };
	UErrorCode st = U_ZERO_ERROR;
	UConverter *cnv = ucnv_open(name, &st);
	UChar chunk[N];
	const char *src = bytes, *end = bytes + len;
	char utf8[N * 3 + 8];
	size_t carry = 0;

	if (U_FAILURE(st))
		return zc_fail(err, ZC_EICU, "cannot open converter %s: %s",
		    name, u_errorName(st));
	for (;;) {
		UChar *dst = chunk + carry;
		size_t n;
		int32_t n8;
		bool done;

		st = U_ZERO_ERROR;
		ucnv_toUnicode(cnv, &dst, chunk + N, &src, end, NULL, true,
		    &st);
		if (U_FAILURE(st) && st != U_BUFFER_OVERFLOW_ERROR) {
			ucnv_close(cnv);
			return zc_fail(err, ZC_EICU, "converting from %s: %s",
			    name, u_errorName(st));
		}
		done = st != U_BUFFER_OVERFLOW_ERROR;
		n = (size_t)(dst - chunk);
		carry = !done && n > 0 && U16_IS_LEAD(chunk[n - 1]) ? 1 : 0;
		st = U_ZERO_ERROR;
		u_strToUTF8WithSub(utf8, (int32_t)sizeof utf8, &n8, chunk,
		    (int32_t)(n - carry), 0xFFFD, NULL, &st);
		if (U_SUCCESS(st))
			zc_buf_append(out, utf8, (size_t)n8);
		if (done)
			break;
		if (carry)
			chunk[0] = chunk[n - 1];
	}
	ucnv_close(cnv);
	return ZC_OK;
}

/* Control characters other than tab, newline and form feed would only
 * confuse the parsers and the terminal: drop them (NUL never reaches
 * here except from UTF-16, where it is dropped too). */
static void
drop_controls(zc_buf *b, size_t from)
{
	size_t j = from;

	for (size_t i = from; i < b->len; i++) {
		unsigned char c = (unsigned char)b->data[i];

		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		    c != '\f')
			continue;
		b->data[j++] = b->data[i];
	}
	b->len = j;
	if (b->data != NULL)
		b->data[j] = '\0';
}

zc_status
zc_decode(const char *bytes, size_t len, zc_buf *out, const char **encoding,
    zc_error *err)
{
	size_t start = out->len;
	zc_status st;

	if (len > ZC_MAX_INPUT)
		return zc_fail(err, ZC_ETOOBIG, "larger than 256 MB");
	st = zc_decode_detect(bytes, len, encoding, err);
	if (st != ZC_OK)
		return st;
	if (strcmp(*encoding, "UTF-8") == 0) {
		if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
			bytes += 3, len -= 3;
		utf8_with_replacement(bytes, len, out);
	} else {
		if (strncmp(*encoding, "UTF-16", 6) == 0)
			bytes += 2, len -= 2;
		st = convert_icu(*encoding, bytes, len, out, err);
		if (st != ZC_OK)
			return st;
		/* A BOM-less stream may still carry U+FEFF first. */
		if (out->len - start >= 3 &&
		    memcmp(out->data + start, "\xEF\xBB\xBF", 3) == 0) {
			memmove(out->data + start, out->data + start + 3,
			    out->len - start - 3);
			out->len -= 3;
			out->data[out->len] = '\0';
		}
	}
	drop_controls(out, start);
	if (out->data == NULL)
		zc_buf_append(out, "", 0);
	return ZC_OK;
}
