/*
 * pipeline.c — file in, zc_doc out (zc_pipeline.h): read → extract →
 * clean → meta → passages, each stage its own module.
 *
 * Data flows one way and every stage works on the document's own data,
 * so loads run in parallel threads.  Invariants: a file above
 * ZC_MAX_INPUT is refused before it is read (or as soon as reading
 * passes the limit, for a pipe or a growing file), and zcindex reads
 * its files through the same zc_pipeline_read; out->path, out->format
 * and out->encoding are set whenever they are known, even on failure.
 */
#include "zc_pipeline.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "zc_clean.h"
#include "zc_decode.h"
#include "zc_extract.h"
#include "zc_meta.h"
#include "zc_package.h"
#include "zc_passage.h"
#include "zc_pdf.h"
#include "zc_worddoc.h"

void
zc_pipeline_init(void)
{
	zc_extract_init();
}

/* The format of bytes[0..len), named as named: a signature wins over the
 * name (a .docx that is an old .doc renamed, a PDF saved as .txt); a
 * .docx, .ofd or .doc without its signature is read as text, which may
 * still turn out HTML (Word's "web page" saved as .doc); a .pdf without
 * one is poppler's, as readers accept junk before the marker. */
static zc_format
by_signature(zc_format named, const char *bytes, size_t len)
{
	if (zc_pdf_sniff(bytes, len))
		return ZC_FORMAT_PDF;
	if (zc_zip_sniff(bytes, len))
		return named == ZC_FORMAT_OFD ? ZC_FORMAT_OFD : ZC_FORMAT_DOCX;
	if (zc_worddoc_sniff(bytes, len))
		return ZC_FORMAT_DOC;
	if (named == ZC_FORMAT_DOCX || named == ZC_FORMAT_OFD ||
	    named == ZC_FORMAT_DOC)
		return ZC_FORMAT_TEXT;
	return named;
}

/* A binary Word file: the text its converter gives, as a .txt file's;
 * the encoding column names the converter. */
static zc_status
word_text(const char *bytes, size_t len, zc_buf *text, zc_doc *out,
    zc_lines *lines, zc_error *err)
{
	zc_buf raw = { 0 };
	const char *tool, *enc;
	zc_status st = zc_worddoc_text(bytes, len, &raw, &tool, err);

	if (st == ZC_OK)
		st = zc_decode(raw.data, raw.len, text, &enc, err);
	if (st == ZC_OK) {
		out->encoding = tool;
		st = zc_extract(ZC_FORMAT_TEXT, text->data, text->len, lines,
		    err);
	}
	zc_buf_free(&raw);
	return st;
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
	fmt = by_signature(zc_format_from_name(name), bytes, len);
	out->format = zc_format_name(fmt);
	if (fmt == ZC_FORMAT_PDF) {
		st = zc_pdf_extract(bytes, len, &lines, err);
	} else if (fmt == ZC_FORMAT_DOCX || fmt == ZC_FORMAT_OFD) {
		/* a package says which it is by its parts */
		st = zc_package_extract(bytes, len, &fmt, &lines, err);
		out->format = zc_format_name(fmt);
	} else if (fmt == ZC_FORMAT_DOC) {
		st = word_text(bytes, len, &text, out, &lines, err);
	} else {
		st = zc_decode(bytes, len, &text, &out->encoding, err);
		if (st == ZC_OK) {
			fmt = zc_format_sniff(fmt, text.data, text.len);
			out->format = zc_format_name(fmt);
			st = zc_extract(fmt, text.data, text.len, &lines,
			    err);
		}
	}
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

static zc_status
too_big(zc_error *err)
{
	return zc_fail(err, ZC_ETOOBIG, "larger than %zu MB",
	    ZC_MAX_INPUT >> 20);
}

zc_status
zc_pipeline_read(const char *path, zc_buf *out, struct stat *st,
    zc_error *err)
{
	struct stat sb;
	char probe[4096], *buf;
	size_t cap, len = 0;
	int fd, e;

	if (st == NULL)
		st = &sb;
	zc_buf_free(out);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return zc_fail(err, errno == ENOENT ? ZC_ENOENT : ZC_EIO, "%s",
		    strerror(errno));
	if (fstat(fd, st) != 0) {
		e = errno;
		close(fd);
		return zc_fail(err, ZC_EIO, "%s", strerror(e));
	}
	if (S_ISDIR(st->st_mode)) {
		close(fd);
		return zc_fail(err, ZC_EIO, "is a directory");
	}
	if (S_ISREG(st->st_mode) &&
	    (unsigned long long)st->st_size > ZC_MAX_INPUT) {
		close(fd);
		return too_big(err);
	}
	/* A regular file is read into one allocation of its size, with no
	 * copy; only when it turns out longer (it grew, or is a pipe) does
	 * the probe read past the end, and the limit then holds too. */
	cap = (S_ISREG(st->st_mode) ? (size_t)st->st_size : sizeof probe) + 1;
	buf = zc_xmalloc(cap);
	for (;;) {
		bool full = len + 1 == cap;
		ssize_t n = full ? read(fd, probe, sizeof probe) :
		    read(fd, buf + len, cap - 1 - len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			e = errno;
			close(fd);
			free(buf);
			return zc_fail(err, ZC_EIO, "%s", strerror(e));
		}
		if (n == 0)
			break;
		if (len + (size_t)n > ZC_MAX_INPUT) {
			close(fd);
			free(buf);
			return too_big(err);
		}
		if (full) {
			cap = 2 * cap > len + (size_t)n + 1 ? 2 * cap :
			    len + (size_t)n + 1;
			if (cap > ZC_MAX_INPUT + 1)
				cap = ZC_MAX_INPUT + 1;
			buf = zc_xrealloc(buf, cap);
			memcpy(buf + len, probe, (size_t)n);
		}
		len += (size_t)n;
	}
	close(fd);
	buf[len] = '\0';
	out->data = buf;
	out->len = len;
	out->cap = cap;
	return ZC_OK;
}

zc_status
zc_pipeline_load(const char *path, zc_doc *out, zc_error *err)
{
	zc_buf data = { 0 };
	zc_status st;

	memset(out, 0, sizeof *out);
	out->path = zc_xstrdup(path);
	out->format = zc_format_name(zc_format_from_name(path));
	out->encoding = "UTF-8";
	st = zc_pipeline_read(path, &data, NULL, err);
	if (st == ZC_OK)
		st = run(path, data.data, data.len, out, err);
	zc_buf_free(&data);
	return st;
}
