/*
 * record.c — the passage record stored as Xapian document data
 * (zc_record.h): path, line, passage, then each metadata field, each as
 * "<len>:<bytes>" or "-" when absent.
 */
#include "zc_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
put_field(zc_buf *out, const char *s, size_t len)
{
	if (s == NULL) {
		zc_buf_putc(out, '-');
		return;
	}
	zc_buf_printf(out, "%zu:", len);
	zc_buf_append(out, s, len);
}

void
zc_record_encode(const char *path, unsigned line, const char *passage,
    size_t passage_len, const zc_meta *meta, zc_buf *out)
{
	char num[16];
	int n = snprintf(num, sizeof num, "%u", line);

	put_field(out, path, strlen(path));
	put_field(out, num, (size_t)n);
	put_field(out, passage, passage_len);
	for (int f = 0; f < ZC_FIELD_COUNT; f++)
		put_field(out, meta->value[f],
		    meta->value[f] ? strlen(meta->value[f]) : 0);
}

/* Read one field at *p; *field is NULL for "-".  False if malformed. */
static bool
get_field(const char **p, const char *end, char **field)
{
	size_t len = 0;
	const char *s = *p;

	*field = NULL;
	if (s < end && *s == '-') {
		*p = s + 1;
		return true;
	}
	while (s < end && *s >= '0' && *s <= '9') {
		if (len > (size_t)(end - s))
			return false;
		len = len * 10 + (size_t)(*s++ - '0');
	}
	if (s == *p || s >= end || *s != ':' || len > (size_t)(end - s - 1))
		return false;
	*field = zc_xstrndup(s + 1, len);
	*p = s + 1 + len;
	return true;
}

zc_status
zc_record_decode(const char *data, size_t len, zc_record *out, zc_error *err)
{
	const char *p = data, *end = data + len;
	char *line = NULL;
	bool ok;

	memset(out, 0, sizeof *out);
	ok = get_field(&p, end, &out->path) && out->path != NULL &&
	    get_field(&p, end, &line) && line != NULL &&
	    get_field(&p, end, &out->passage) && out->passage != NULL;
	for (int f = 0; ok && f < ZC_FIELD_COUNT; f++)
		ok = get_field(&p, end, &out->meta.value[f]);
	if (ok) {
		out->line = (unsigned)strtoul(line, NULL, 10);
		ok = p == end;
	}
	free(line);
	if (!ok) {
		zc_record_free(out);
		return zc_fail(err, ZC_EINVAL, "malformed passage record");
	}
	return ZC_OK;
}

void
zc_record_free(zc_record *r)
{
	free(r->path);
	free(r->passage);
	zc_meta_free(&r->meta);
	memset(r, 0, sizeof *r);
}
