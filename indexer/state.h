/*
 * state.h — what the database remembers of each indexed file, stored as
 * the metadata value of ZC_META_FILE + path (zc_schema.h), so that the
 * database describes itself: "size mtime_ns hash passages".
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
	uint64_t hash;     /* FNV-1a 64 of the bytes */
	unsigned passages;
} file_state;

void state_encode(const file_state *s, zc_buf *out);
bool state_decode(const char *s, size_t len, file_state *out);
uint64_t state_hash(const char *bytes, size_t len);

#endif
