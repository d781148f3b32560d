/*
 * state.c — per-file state records (state.h).
 */
#include "state.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "zc_fieldterm.h"
#include "zc_schema.h"

/* Longest key Xapian stores, with room to spare. */
#define MAX_KEY 240

void
state_key(const char *path, zc_buf *out)
{
	size_t room = MAX_KEY - strlen(ZC_META_FILE), len = strlen(path);
	char key[ZC_FILE_KEY_LEN + 1];

	zc_buf_puts(out, ZC_META_FILE);
	if (len <= room) {
		zc_buf_append(out, path, len);
		return;
	}
	zc_fieldterm_file_key(path, key);
	zc_buf_append(out, path, zc_utf8_clip(path, len,
	    room - 1 - ZC_FILE_KEY_LEN));
	zc_buf_printf(out, "#%s", key);
}

void
state_encode(const file_state *s, const char *path, zc_buf *out)
{
	zc_buf_printf(out, "%" PRId64 " %" PRId64 " %016" PRIx64 " %u\t%s",
	    s->size, s->mtime_ns, s->hash, s->passages, path);
}

bool
state_decode(const char *s, size_t len, file_state *out, zc_buf *path_out)
{
	const char *tab = memchr(s, '\t', len);
	size_t head = tab != NULL ? (size_t)(tab - s) : len;
	char tmp[128];

	if (head == 0 || head >= sizeof tmp)
		return false;
	memcpy(tmp, s, head);
	tmp[head] = '\0';
	if (sscanf(tmp, "%" SCNd64 " %" SCNd64 " %" SCNx64 " %u",
	    &out->size, &out->mtime_ns, &out->hash, &out->passages) != 4)
		return false;
	if (path_out != NULL && tab != NULL)
		zc_buf_append(path_out, tab + 1, len - head - 1);
	return true;
}

