/*
 * test_config.c — the database location that zcindex and zcsearch both
 * take from zc_config_db_path: --db, then ZHENGCE_DB, then an absolute
 * XDG_DATA_HOME, then HOME, else an error; and the parents zcindex
 * creates for it.  Criterion runs each test in its own process, so the
 * environment set here does not leak into other tests.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "zc_config.h"

/* Set name to value, or unset it when value is NULL. */
static void
put_env(const char *name, const char *value)
{
	if (value == NULL)
		cr_assert_eq(unsetenv(name), 0);
	else
		cr_assert_eq(setenv(name, value, 1), 0);
}

typedef struct setting {
	const char *db;      /* --db; NULL: not given */
	const char *env;     /* ZHENGCE_DB; NULL: unset (likewise below) */
	const char *xdg;     /* XDG_DATA_HOME */
	const char *home;    /* HOME */
} setting;

/* What zc_config_db_path answers for s: *path malloc'd on ZC_OK. */
static zc_status
resolve(const setting *s, char **path, zc_error *err)
{
	put_env("ZHENGCE_DB", s->env);
	put_env("XDG_DATA_HOME", s->xdg);
	put_env("HOME", s->home);
	return zc_config_db_path(s->db, path, err);
}

static const struct {
	const char *rule;
	setting s;
	zc_status status;
	const char *path;   /* on ZC_OK */
} cases[] = {
	{ "--db beats every variable",
	    { "/o/db", "/z/db", "/x", "/h" }, ZC_OK, "/o/db" },
	{ "a relative --db is kept as given",
	    { "rel/db", NULL, NULL, "/h" }, ZC_OK, "rel/db" },
	{ "an empty --db is refused even when a variable names a database",
	    { "", "/z/db", "/x", "/h" }, ZC_EINVAL, NULL },
	{ "ZHENGCE_DB beats XDG_DATA_HOME and HOME",
	    { NULL, "/z/db", "/x", "/h" }, ZC_OK, "/z/db" },
	{ "an empty ZHENGCE_DB counts as unset",
	    { NULL, "", "/x", "/h" }, ZC_OK, "/x/zhengce/db" },
	{ "an absolute XDG_DATA_HOME beats HOME",
	    { NULL, NULL, "/x", "/h" }, ZC_OK, "/x/zhengce/db" },
	{ "a relative XDG_DATA_HOME is ignored, as the XDG spec says",
	    { NULL, NULL, "x", "/h" }, ZC_OK, "/h/.local/share/zhengce/db" },
	{ "an empty XDG_DATA_HOME is ignored",
	    { NULL, NULL, "", "/h" }, ZC_OK, "/h/.local/share/zhengce/db" },
	{ "HOME alone names the default",
	    { NULL, NULL, NULL, "/h" }, ZC_OK, "/h/.local/share/zhengce/db" },
	{ "no HOME and nothing else is an error, not the working directory",
	    { NULL, NULL, NULL, NULL }, ZC_ENOENT, NULL },
	{ "an empty HOME is no HOME",
	    { NULL, "", "", "" }, ZC_ENOENT, NULL },
	{ "a relative HOME is no HOME",
	    { NULL, NULL, NULL, "h" }, ZC_ENOENT, NULL },
	{ "a relative XDG_DATA_HOME does not stand in for HOME",
	    { NULL, NULL, "x", NULL }, ZC_ENOENT, NULL },
	{ "an absolute XDG_DATA_HOME needs no HOME",
	    { NULL, NULL, "/x", NULL }, ZC_OK, "/x/zhengce/db" },
};

Test(config, each_rule_of_the_database_location)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		zc_error err = { 0 };
		char *path = (char *)"untouched";

		cr_expect_eq(resolve(&cases[i].s, &path, &err),
		    cases[i].status, "%s", cases[i].rule);
		if (cases[i].status == ZC_OK) {
			cr_expect_str_eq(path, cases[i].path, "%s",
			    cases[i].rule);
			free(path);
		} else {
			cr_expect_null(path, "%s", cases[i].rule);
		}
	}
}

Test(config, the_two_errors_say_what_to_do)
{
	setting empty_db = { "", NULL, NULL, "/h" };
	setting no_home = { NULL, NULL, NULL, NULL };
	zc_error err = { 0 };
	char *path;

	cr_assert_eq(resolve(&empty_db, &path, &err), ZC_EINVAL);
	cr_expect_str_eq(err.msg, "--db: empty path");
	cr_assert_eq(resolve(&no_home, &path, &err), ZC_ENOENT);
	cr_expect_str_eq(err.msg, "database: HOME is not an absolute path, so "
	    "there is no default (give --db or set ZHENGCE_DB)");
}

/* The documented order, stated independently of the code under test:
 * the first source that names a database wins. */
static zc_status
expected(const setting *s, char *path, size_t size)
{
	if (s->db != NULL) {
		if (s->db[0] == '\0')
			return ZC_EINVAL;
		snprintf(path, size, "%s", s->db);
	} else if (s->env != NULL && s->env[0] != '\0') {
		snprintf(path, size, "%s", s->env);
	} else if (s->xdg != NULL && s->xdg[0] == '/') {
		snprintf(path, size, "%s/zhengce/db", s->xdg);
	} else if (s->home != NULL && s->home[0] == '/') {
		snprintf(path, size, "%s/.local/share/zhengce/db", s->home);
	} else {
		return ZC_ENOENT;
	}
	return ZC_OK;
}

Test(config, every_combination_of_db_zhengce_db_xdg_and_home)
{
	static const char *const dbs[] = { NULL, "", "/o/db", "rel/db" };
	static const char *const envs[] = { NULL, "", "/z/db" };
	static const char *const xdgs[] = { NULL, "", "/x", "x" };
	static const char *const homes[] = { NULL, "", "/h", "h" };
	unsigned n = 0;

	for (size_t a = 0; a < 4; a++)
	for (size_t b = 0; b < 3; b++)
	for (size_t c = 0; c < 4; c++)
	for (size_t d = 0; d < 4; d++) {
		setting s = { dbs[a], envs[b], xdgs[c], homes[d] };
		char want[64] = "", *path = NULL;
		zc_error err = { 0 };
		zc_status st = resolve(&s, &path, &err);

		cr_expect_eq(st, expected(&s, want, sizeof want),
		    "--db %s, ZHENGCE_DB %s, XDG_DATA_HOME %s, HOME %s",
		    s.db ? s.db : "-", s.env ? s.env : "-",
		    s.xdg ? s.xdg : "-", s.home ? s.home : "-");
		if (st == ZC_OK)
			cr_expect_str_eq(path, want);
		free(path);
		n++;
	}
	cr_expect_eq(n, 192);
}

Test(config, make_parents_creates_the_parents_but_not_the_database)
{
	char dir[] = "/tmp/zc-config-XXXXXX";
	char path[128];
	struct stat st;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a/b/db", dir);
	cr_assert_eq(zc_config_make_parents(path), 0);
	snprintf(path, sizeof path, "%s/a/b", dir);
	cr_expect(stat(path, &st) == 0 && S_ISDIR(st.st_mode));
	snprintf(path, sizeof path, "%s/a/b/db", dir);
	cr_expect_eq(stat(path, &st), -1);
	/* again: existing parents are fine */
	cr_expect_eq(zc_config_make_parents(path), 0);
	rmdir(strcat(strcpy(path, dir), "/a/b"));
	rmdir(strcat(strcpy(path, dir), "/a"));
	rmdir(dir);
}
