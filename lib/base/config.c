/*
 * config.c — the database location shared by zcindex and zcsearch.
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

char *
zc_config_db_path(const char *explicit_path)
{
	const char *env = getenv("ZHENGCE_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	zc_buf b = {0};

	if (is_set(explicit_path))
		return zc_xstrdup(explicit_path);
	if (is_set(env))
		return zc_xstrdup(env);
	if (is_set(xdg))
		zc_buf_printf(&b, "%s/zhengce/db", xdg);
	else
		zc_buf_printf(&b, "%s/.local/share/zhengce/db",
		    is_set(home) ? home : ".");
	return zc_buf_steal(&b);
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
