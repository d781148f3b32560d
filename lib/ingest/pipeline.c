/*
 * pipeline.c — file in, zc_doc out (zc_pipeline.h): read → extract →
 * clean → meta → passages, each stage its own module.
 *
 * Data flows one way and every stage works on the document's own data,
 * so loads run in parallel threads.  Invariants: a file above
 * ZC_MAX_INPUT is refused before it is read; out->path, out->format and
 * out->encoding are set whenever they are known, even on failure.
 */
#include "zc_pipeline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "zc_clean.h"
#include "zc_decode.h"
#include "zc_extract.h"
#include "zc_meta.h"
#include "zc_passage.h"

void
zc_pipeline_init(void)
{
	zc_extract_init();
}

static zc_status
run(const char *name, const char *bytes, size_t len, zc_doc *out,
    zc_error *err)
{
	zc_buf text = { 0 };
	zc_lines lines;
	zc_format fmt;
	zc_status st;

	memset(&lines, 0, sizeof lines);
	fmt = zc_format_from_name(name);
	out->format = zc_format_name(fmt);
	st = zc_decode(bytes, len, &text, &out->encoding, err);
	if (st != ZC_OK)
		goto done;
	fmt = zc_format_sniff(fmt, text.data, text.len);
	out->format = zc_format_name(fmt);
	st = zc_extract(fmt, text.data, text.len, &lines, err);
	if (st != ZC_OK)
		goto done;
	zc_clean(&lines);
	zc_meta_extract(&lines, &out->meta);
	zc_passage_cut(&lines, out);
done:
	zc_lines_free(&lines);
	zc_buf_free(&text);
	return st;
}

zc_status
zc_pipeline_load_bytes(const char *name, const char *bytes, size_t len,
    zc_doc *out, zc_error *err)
{
	memset(out, 0, sizeof *out);
	out->path = zc_xstrdup(name);
	out->format = "text";
	out->encoding = "UTF-8";
	return run(name, bytes != NULL ? bytes : "", len, out, err);
}

zc_status
zc_pipeline_load(const char *path, zc_doc *out, zc_error *err)
{
	struct stat sb;
	zc_buf data = { 0 };
	char chunk[65536];
	FILE *f;
	size_t n;
	zc_status st;

	memset(out, 0, sizeof *out);
	out->path = zc_xstrdup(path);
	out->format = zc_format_name(zc_format_from_name(path));
	out->encoding = "UTF-8";
	f = fopen(path, "rb");
	if (f == NULL)
		return zc_fail(err, errno == ENOENT ? ZC_ENOENT : ZC_EIO,
		    "%s", strerror(errno));
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(f);
		return zc_fail(err, ZC_EIO, "is a directory");
	}
	if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (unsigned long long)sb.st_size > ZC_MAX_INPUT) {
		fclose(f);
		return zc_fail(err, ZC_ETOOBIG, "larger than 256 MB");
	}
	if (S_ISREG(sb.st_mode) && sb.st_size > 0) {
		/* one allocation of the right size, not doubling past it */
		data.cap = (size_t)sb.st_size + 1;
		data.data = zc_xmalloc(data.cap);
		data.data[0] = '\0';
	}
	/* Pipes and growing files: the limit holds while reading too. */
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (data.len + n > ZC_MAX_INPUT) {
			fclose(f);
			zc_buf_free(&data);
			return zc_fail(err, ZC_ETOOBIG, "larger than 256 MB");
		}
		zc_buf_append(&data, chunk, n);
	}
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		zc_buf_free(&data);
		return zc_fail(err, ZC_EIO, "%s", strerror(e));
	}
	fclose(f);
	st = run(path, data.data != NULL ? data.data : "", data.len, out,
	    err);
	zc_buf_free(&data);
	return st;
}
