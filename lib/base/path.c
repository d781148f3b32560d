/*
 * path.c — the path of a file as zcindex stores it and path: looks it up
 * (zc_path.h).  Upstream of both sides: the walk of zcindex resolves its
 * roots and the files it is given here, the query builder its path:
 * values, so the two spellings cannot drift apart.
 *
 * Invariant: the result is absolute, with no ".", ".." or repeated '/'
 * and no final '/' (but for "/" itself).
 */
#include "zc_path.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Remove ".", ".." and repeated '/' from the absolute path in b. */
static void
normalise(zc_buf *b)
{
	char *s = b->data, *r = s, *w = s;
	size_t n;

	while (*r != '\0') {
		while (*r == '/')
			r++;
		n = strcspn(r, "/");
		if (n == 0)
			break;
		if (n == 2 && r[0] == '.' && r[1] == '.') {
			while (w > s && *--w != '/')
				;
		} else if (!(n == 1 && r[0] == '.')) {
			*w++ = '/';
			memmove(w, r, n);
			w += n;
		}
		r += n;
	}
	if (w == s)
		*w++ = '/';
	*w = '\0';
	b->len = (size_t)(w - s);
}

static zc_status
make_absolute(const char *path, size_t len, const char *cwd, zc_buf *abs,
    zc_error *err)
{
	const char *home = getenv("HOME");
	char here[PATH_MAX];

	if (len >= 2 && path[0] == '~' && path[1] == '/' && home != NULL &&
	    home[0] == '/') {
		zc_buf_puts(abs, home);
		zc_buf_append(abs, path + 1, len - 1);
		return ZC_OK;
	}
	if (len > 0 && path[0] == '/') {
		zc_buf_append(abs, path, len);
		return ZC_OK;
	}
	if (cwd == NULL)
		cwd = getcwd(here, sizeof here);
	if (cwd == NULL || cwd[0] != '/')
		return zc_fail(err, ZC_EINVAL, "no working directory to start "
		    "from");
	zc_buf_puts(abs, cwd);
	zc_buf_putc(abs, '/');
	zc_buf_append(abs, path, len);
	return ZC_OK;
}

/* Whether the first n bytes of abs name an existing directory; its real
 * path is then in real.  n == 0 is the root. */
static bool
real_dir(zc_buf *abs, size_t n, char real[PATH_MAX])
{
	char save = abs->data[n];
	struct stat st;
	bool ok;

	abs->data[n] = '\0';
	ok = realpath(n == 0 ? "/" : abs->data, real) != NULL &&
	    stat(real, &st) == 0 && S_ISDIR(st.st_mode);
	abs->data[n] = save;
	return ok;
}

zc_status
zc_path_resolve(const char *path, size_t len, const char *cwd, zc_buf *out,
    zc_path_kind *kind, zc_error *err)
{
	zc_buf abs = { 0 }, res = { 0 };
	char real[PATH_MAX];
	struct stat st;
	size_t cut;
	zc_status rc;

	*kind = ZC_PATH_MISSING;
	rc = make_absolute(path, len, cwd, &abs, err);
	if (rc != ZC_OK) {
		zc_buf_free(&abs);
		return rc;
	}
	if (stat(abs.data, &st) == 0)
		*kind = S_ISDIR(st.st_mode) ? ZC_PATH_DIR : ZC_PATH_FILE;
	/* The longest leading directory: the whole path when it is one, at
	 * most the parent of a file, so that a link to a file keeps its own
	 * name. */
	cut = abs.len;
	if (*kind == ZC_PATH_FILE)
		while (cut > 0 && abs.data[--cut] != '/')
			;
	while (!real_dir(&abs, cut, real)) {
		if (cut == 0) {
			strcpy(real, "/");
			break;
		}
		while (cut > 0 && abs.data[--cut] != '/')
			;
	}
	zc_buf_puts(&res, real);
	zc_buf_putc(&res, '/');
	zc_buf_puts(&res, abs.data + cut);
	normalise(&res);
	zc_buf_append(out, res.data, res.len);
	zc_buf_free(&res);
	zc_buf_free(&abs);
	return ZC_OK;
}
