/*
 * state.c — per-file state records (state.h).
 */
#include "state.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

void
state_encode(const file_state *s, zc_buf *out)
{
	zc_buf_printf(out, "%" PRId64 " %" PRId64 " %016" PRIx64 " %u",
	    s->size, s->mtime_ns, s->hash, s->passages);
}

bool
state_decode(const char *s, size_t len, file_state *out)
{
	char tmp[128];

	if (len == 0 || len >= sizeof tmp)
		return false;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	return sscanf(tmp, "%" SCNd64 " %" SCNd64 " %" SCNx64 " %u",
	    &out->size, &out->mtime_ns, &out->hash, &out->passages) == 4;
}

uint64_t
state_hash(const char *bytes, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)bytes[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}
