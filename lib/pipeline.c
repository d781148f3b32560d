/*
 * pipeline.c — file in, zc_doc out (zc_pipeline.h).
 *
 * Walking-skeleton version: UTF-8 text only, one passage per non-empty
 * paragraph with the line where it starts, title = first meaningful
 * line.  The full chain (decode → extract → clean → meta → passage)
 * replaces this.
 */
#include "zc_pipeline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILE_BYTES ((size_t)256 << 20)

static bool
is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

zc_status
zc_pipeline_load_bytes(const char *name, const char *bytes, size_t len,
    zc_doc *out, zc_error *err)
{
	zc_buf para = { 0 };
	unsigned line = 1, para_line = 0;
	size_t i = 0;

	memset(out, 0, sizeof *out);
	out->path = zc_xstrdup(name);
	out->format = "text";
	out->encoding = "UTF-8";
	if (memchr(bytes, '\0', len) != NULL)
		return zc_fail(err, ZC_EBINARY, "not a text file (NUL bytes)");
	while (i <= len) {
		const char *eol = memchr(bytes + i, '\n', len - i);
		size_t end = eol != NULL ? (size_t)(eol - bytes) : len;

		if (is_blank(bytes + i, end - i)) {
			if (para.len > 0)
				zc_doc_add_passage(out, para.data, para.len,
				    para_line);
			zc_buf_reset(&para);
		} else {
			if (para.len == 0) {
				para_line = line;
				if (out->meta.value[ZC_FIELD_TITLE] == NULL) {
					char *t = zc_xstrndup(bytes + i,
					    end - i);
					zc_meta_set(&out->meta,
					    ZC_FIELD_TITLE, t);
					free(t);
				}
			} else {
				zc_buf_putc(&para, ' ');
			}
			zc_buf_append(&para, bytes + i, end - i);
		}
		if (eol == NULL)
			break;
		i = end + 1;
		line++;
	}
	if (para.len > 0)
		zc_doc_add_passage(out, para.data, para.len, para_line);
	zc_buf_free(&para);
	return ZC_OK;
}

zc_status
zc_pipeline_load(const char *path, zc_doc *out, zc_error *err)
{
	FILE *f;
	zc_buf data = { 0 };
	char chunk[65536];
	size_t n;
	zc_status st;

	memset(out, 0, sizeof *out);
	f = fopen(path, "rb");
	if (f == NULL) {
		out->path = zc_xstrdup(path);
		return zc_fail(err, errno == ENOENT ? ZC_ENOENT : ZC_EIO,
		    "%s", strerror(errno));
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (data.len + n > MAX_FILE_BYTES) {
			fclose(f);
			zc_buf_free(&data);
			out->path = zc_xstrdup(path);
			return zc_fail(err, ZC_ETOOBIG,
			    "larger than 256 MB");
		}
		zc_buf_append(&data, chunk, n);
	}
	if (ferror(f)) {
		fclose(f);
		zc_buf_free(&data);
		out->path = zc_xstrdup(path);
		return zc_fail(err, ZC_EIO, "read error");
	}
	fclose(f);
	st = zc_pipeline_load_bytes(path, data.data ? data.data : "",
	    data.len, out, err);
	zc_buf_free(&data);
	return st;
}
