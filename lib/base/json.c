/*
 * json.c — JSON string literals (zc_json.h); zc_meta_json (doc.c) and
 * the printers build objects from them.
 */
#include "zc_json.h"

#include <string.h>

void
zc_json_string(zc_buf *out, const char *s, size_t len)
{
	size_t i = 0, adv;
	uint32_t cp;
	char enc[4];

	zc_buf_putc(out, '"');
	while (i < len) {
		cp = zc_utf8_decode(s + i, len - i, &adv);
		i += adv;
		switch (cp) {
		case '"': zc_buf_puts(out, "\\\""); break;
		case '\\': zc_buf_puts(out, "\\\\"); break;
		case '\n': zc_buf_puts(out, "\\n"); break;
		case '\r': zc_buf_puts(out, "\\r"); break;
		case '\t': zc_buf_puts(out, "\\t"); break;
		default:
			/* C0, DEL and C1 are the control characters a
			 * terminal acts on (searcher/print.c blanks the same
			 * set); U+2028/9 end a line in JavaScript. */
			if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
			    cp == 0x2028 || cp == 0x2029)
				zc_buf_printf(out, "\\u%04x", (unsigned)cp);
			else
				zc_buf_append(out, enc, zc_utf8_encode(cp, enc));
		}
	}
	zc_buf_putc(out, '"');
}

void
zc_json_string_or_null(zc_buf *out, const char *s)
{
	if (s == NULL)
		zc_buf_puts(out, "null");
	else
		zc_json_string(out, s, strlen(s));
}
