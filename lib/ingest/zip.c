/*
 * zip.c — entries of a ZIP package from memory (zc_zip.h), through
 * libzip.  Data flow: file bytes → libzip's buffer source → one entry,
 * inflated up to a bound → the reader that asked (docx.c, ofd.c).
 *
 * Invariants: libzip reads the caller's bytes in place and nothing else;
 * no entry is inflated past the bound its reader gives, whatever sizes
 * the archive states; an archive with an unsafe entry name is refused
 * before any entry is read.
 */
#include "zc_zip.h"

#include <stdlib.h>
#include <string.h>

#include <zip.h>

struct zc_zip {
	zip_t *zip;
};

bool
zc_zip_sniff(const char *bytes, size_t len)
{
	return len >= 4 && memcmp(bytes, "PK\3\4", 4) == 0;
}

/* A name no package of ours has: absolute, with a ".." part, with a
 * backslash (a Windows path) or empty. */
static bool
unsafe_name(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || name[0] == '/' || strchr(name, '\\') != NULL)
		return true;
	for (const char *p = name; (p = strstr(p, "..")) != NULL; p += 2)
		if ((p == name || p[-1] == '/') && (p[2] == '\0' || p[2] == '/'))
			return true;
	return false;
}

zc_status
zc_zip_open(const char *bytes, size_t len, zc_zip **out, zc_error *err)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *zip;
	zip_int64_t n;

	*out = NULL;
	zip_error_init(&ze);
	src = zip_source_buffer_create(bytes, len, 0, &ze);
	if (src == NULL) {
		zip_error_fini(&ze);
		return zc_fail(err, ZC_EINVAL, "not a ZIP archive");
	}
	zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (zip == NULL) {
		zc_status st = zc_fail(err, ZC_EINVAL,
		    "not a readable ZIP archive (%s)", zip_error_strerror(&ze));

		zip_source_free(src);
		zip_error_fini(&ze);
		return st;
	}
	zip_error_fini(&ze);
	n = zip_get_num_entries(zip, 0);
	if (n > ZC_ZIP_MAX_ENTRIES) {
		zip_discard(zip);
		return zc_fail(err, ZC_EINVAL, "archive of %lld entries "
		    "(at most %d)", (long long)n, ZC_ZIP_MAX_ENTRIES);
	}
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(zip, (zip_uint64_t)i, 0);

		if (name == NULL || unsafe_name(name)) {
			zc_status st = zc_fail(err, ZC_EINVAL,
			    "archive entry with an unsafe name (%.80s)",
			    name != NULL ? name : "?");

			zip_discard(zip);
			return st;
		}
	}
	*out = zc_xmalloc(sizeof **out);
	(*out)->zip = zip;
	return ZC_OK;
}

bool
zc_zip_has(zc_zip *z, const char *name)
{
	return zip_name_locate(z->zip, name, 0) >= 0;
}

zc_status
zc_zip_read(zc_zip *z, const char *name, size_t max, zc_buf *out,
    zc_error *err)
{
	zip_int64_t i = zip_name_locate(z->zip, name, 0);
	zip_file_t *f;
	char chunk[16384];
	size_t got = 0;

	if (i < 0)
		return zc_fail(err, ZC_ENOENT, "no %s in the archive", name);
	f = zip_fopen_index(z->zip, (zip_uint64_t)i, 0);
	if (f == NULL)
		return zc_fail(err, ZC_EINVAL, "%s: %s", name,
		    zip_strerror(z->zip));
	for (;;) {
		zip_int64_t n = zip_fread(f, chunk, sizeof chunk);

		if (n < 0) {
			zc_status st = zc_fail(err, ZC_EINVAL, "%s: %s", name,
			    zip_file_strerror(f));

			zip_fclose(f);
			return st;
		}
		if (n == 0)
			break;
		if ((size_t)n > max - got) {
			zip_fclose(f);
			return max >= (1u << 20) ? zc_fail(err, ZC_ETOOBIG,
			    "%s: larger than %zu MB", name, max >> 20) :
			    zc_fail(err, ZC_ETOOBIG, "%s: larger than %zu bytes",
			    name, max);
		}
		zc_buf_append(out, chunk, (size_t)n);
		got += (size_t)n;
	}
	zip_fclose(f);
	return ZC_OK;
}

void
zc_zip_close(zc_zip *z)
{
	if (z == NULL)
		return;
	zip_discard(z->zip);
	free(z);
}
