/*
 * state.h — what the database remembers of each indexed file, stored as
 * a metadata value (zc_schema.h), so that the database describes itself:
 * "size mtime_ns hash passages<TAB>path".  The key is ZC_META_FILE + path;
 * Xapian keys stop at 245 bytes, so a longer path is cut and followed by
 * "#" and its file key (the value keeps the whole path).
 *
 * A size of STATE_OUTDATED marks a file whose document an older schema
 * built (zc_schema.h): no file has that size, so the next run that walks
 * the file re-reads and re-indexes it, whatever its mtime and hash say.
 */
#ifndef ZCINDEX_STATE_H
#define ZCINDEX_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zc_util.h"

typedef struct file_state {
	int64_t size;
	int64_t mtime_ns;
	uint64_t hash;     /* zc_hash64 of the bytes */
	unsigned passages;
} file_state;

#define STATE_OUTDATED (-1)

/* Append the metadata key of path. */
void state_key(const char *path, zc_buf *out);
void state_encode(const file_state *s, const char *path, zc_buf *out);
/* Parse a value; the path is appended to path_out when not NULL. */
bool state_decode(const char *s, size_t len, file_state *out,
    zc_buf *path_out);

#endif
