/*
 * config.c — the database location shared by zcindex and zcsearch
 * (zc_config.h).  The only code that reads ZHENGCE_DB, XDG_DATA_HOME and
 * HOME to find the database: a second copy of the rule is how the two
 * programs came to open different databases.
 */
#include "zc_config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "zc_util.h"

static bool
is_set(const char *s)
{
	return s != NULL && s[0] != '\0';
}

zc_status
zc_config_db_path(const char *explicit_path, char **out, zc_error *err)
{
	const char *env = getenv("ZHENGCE_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	zc_buf b = {0};

	*out = NULL;
	if (explicit_path != NULL) {
		if (explicit_path[0] == '\0')
			return zc_fail(err, ZC_EINVAL, "--db: empty path");
		*out = zc_xstrdup(explicit_path);
	} else if (is_set(env)) {
		*out = zc_xstrdup(env);
	} else if (xdg != NULL && xdg[0] == '/') {
		zc_buf_printf(&b, "%s/zhengce/db", xdg);
		*out = zc_buf_steal(&b);
	} else if (home != NULL && home[0] == '/') {
		zc_buf_printf(&b, "%s/.local/share/zhengce/db", home);
		*out = zc_buf_steal(&b);
	} else {
		return zc_fail(err, ZC_ENOENT, "database: HOME is not an "
		    "absolute path, so there is no default (give --db or set "
		    "ZHENGCE_DB)");
	}
	return ZC_OK;
}

int
zc_config_make_parents(const char *path)
{
	char *p = zc_xstrdup(path);

	for (char *s = strchr(p + 1, '/'); s != NULL; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			int e = errno;
			free(p);
			errno = e;
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}
