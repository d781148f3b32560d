/*
 * test_path.c — zc_path_resolve, the path both zcindex (its roots and
 * files) and path: queries go through: absolute, ".", ".." and "//"
 * removed, "~/" from HOME, existing directories by their real path, a
 * file by its own name in its real directory, missing parts kept.
 */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "zc_path.h"

/* zc_path_resolve of path from cwd; the result is a static buffer. */
static const char *
resolve(const char *path, const char *cwd, zc_path_kind *kind)
{
	static char res[PATH_MAX];
	zc_buf b = { 0 };
	zc_error err = { 0 };

	cr_assert_eq(zc_path_resolve(path, strlen(path), cwd, &b, kind, &err),
	    ZC_OK, "%s: %s", path, err.msg);
	snprintf(res, sizeof res, "%s", b.data);
	zc_buf_free(&b);
	return res;
}

/* Paths that do not exist are normalised lexically. */
static const struct {
	const char *path, *cwd, *want;
} lexical[] = {
	{ "/nowhere/x/./y", NULL, "/nowhere/x/y" },
	{ "/nowhere/x/../y", NULL, "/nowhere/y" },
	{ "//nowhere///y//", NULL, "/nowhere/y" },
	{ "/nowhere/..", NULL, "/" },
	{ "a/./b/../c", "/nowhere/x", "/nowhere/x/a/c" },
	{ "../..", "/nowhere/x/y", "/nowhere" },
	{ "../../../..", "/nowhere", "/" },
	{ ".", "/nowhere/x", "/nowhere/x" },
	{ "~x/y", "/nowhere", "/nowhere/~x/y" },
};

Test(path, dots_and_repeated_slashes_go_and_relative_paths_start_at_cwd)
{
	zc_path_kind kind;

	for (size_t i = 0; i < sizeof lexical / sizeof lexical[0]; i++) {
		cr_expect_str_eq(resolve(lexical[i].path, lexical[i].cwd,
		    &kind), lexical[i].want, "%s", lexical[i].path);
		cr_expect_eq(kind, ZC_PATH_MISSING, "%s", lexical[i].path);
	}
}

Test(path, a_tilde_slash_starts_at_an_absolute_home)
{
	zc_path_kind kind;

	setenv("HOME", "/nowhere/home", 1);
	cr_expect_str_eq(resolve("~/a/../b", "/c", &kind), "/nowhere/home/b");
	cr_expect_str_eq(resolve("~", "/c", &kind), "/c/~");
	setenv("HOME", "rel", 1);
	cr_expect_str_eq(resolve("~/b", "/c", &kind), "/c/~/b",
	    "a relative HOME is no home");
	unsetenv("HOME");
	cr_expect_str_eq(resolve("~/b", "/c", &kind), "/c/~/b");
}

Test(path, a_relative_path_needs_a_working_directory)
{
	zc_buf b = { 0 };
	zc_error err = { 0 };
	zc_path_kind kind;

	cr_expect_eq(zc_path_resolve("a", 1, "rel", &b, &kind, &err),
	    ZC_EINVAL);
	cr_expect_str_eq(err.msg, "no working directory to start from");
	cr_expect_eq(b.len, 0);
	cr_expect_str_eq(resolve("/a", "rel", &kind), "/a",
	    "an absolute path needs none");
}

Test(path, only_len_bytes_are_read)
{
	zc_buf b = { 0 };
	zc_path_kind kind;

	cr_assert_eq(zc_path_resolve("/nowhere/abc", 10, NULL, &b, &kind,
	    NULL), ZC_OK);
	cr_expect_str_eq(b.data, "/nowhere/a");
	zc_buf_free(&b);
}

/* A tree in a temporary directory:
 *   real/            a directory
 *   real/f.txt       a file
 *   real/sub/        a directory
 *   dirlink -> real  a symbolic link to a directory
 *   real/flink.txt -> f.txt   a symbolic link to a file */
static char top[PATH_MAX];

static void
make_tree(void)
{
	char tmpl[] = "/tmp/zc-path-XXXXXX", p[PATH_MAX + 64];
	FILE *f;

	cr_assert_not_null(mkdtemp(tmpl));
	/* /tmp itself may be a link: compare with the real name */
	cr_assert_not_null(realpath(tmpl, top));
	snprintf(p, sizeof p, "%s/real", top);
	cr_assert_eq(mkdir(p, 0777), 0);
	snprintf(p, sizeof p, "%s/real/sub", top);
	cr_assert_eq(mkdir(p, 0777), 0);
	snprintf(p, sizeof p, "%s/real/f.txt", top);
	cr_assert_not_null(f = fopen(p, "w"));
	fclose(f);
	snprintf(p, sizeof p, "%s/dirlink", top);
	cr_assert_eq(symlink("real", p), 0);
	snprintf(p, sizeof p, "%s/real/flink.txt", top);
	cr_assert_eq(symlink("f.txt", p), 0);
}

static void
remove_tree(void)
{
	char cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
	cr_expect_eq(system(cmd), 0);
}

/* Cases below top: path (relative to top), kind, result (relative). */
static const struct {
	const char *path;
	zc_path_kind kind;
	const char *want;
	const char *why;
} tree[] = {
	{ "real", ZC_PATH_DIR, "real", "a directory is itself" },
	{ "real/./sub/", ZC_PATH_DIR, "real/sub", "with . and a final /" },
	{ "dirlink", ZC_PATH_DIR, "real",
	    "a link to a directory is the directory, as walked roots are" },
	{ "dirlink/sub/..", ZC_PATH_DIR, "real",
	    ".. after a link is the kernel's .." },
	{ "dirlink/f.txt", ZC_PATH_FILE, "real/f.txt",
	    "a file in a linked directory is in the real directory" },
	{ "real/flink.txt", ZC_PATH_FILE, "real/flink.txt",
	    "a link to a file keeps its own name, as a walk stores it" },
	{ "dirlink/flink.txt", ZC_PATH_FILE, "real/flink.txt",
	    "both at once" },
	{ "dirlink/gone/x.txt", ZC_PATH_MISSING, "real/gone/x.txt",
	    "a missing path below a real directory keeps the missing part" },
	{ "dirlink/gone/../sub", ZC_PATH_MISSING, "real/sub",
	    "the missing part is normalised lexically" },
	{ "real/f.txt/x", ZC_PATH_MISSING, "real/f.txt/x",
	    "a file is no directory to go through" },
};

Test(path, existing_directories_by_their_real_path_files_by_their_name,
    .init = make_tree, .fini = remove_tree)
{
	char path[PATH_MAX + 64], want[PATH_MAX + 64];
	zc_path_kind kind;

	for (size_t i = 0; i < sizeof tree / sizeof tree[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", top, tree[i].path);
		snprintf(want, sizeof want, "%s/%s", top, tree[i].want);
		cr_expect_str_eq(resolve(path, NULL, &kind), want, "%s",
		    tree[i].why);
		cr_expect_eq(kind, tree[i].kind, "%s", tree[i].why);
		/* the same from a working directory, relative */
		cr_expect_str_eq(resolve(tree[i].path, top, &kind), want,
		    "%s (relative)", tree[i].why);
	}
}

Test(path, a_relative_path_starts_at_getcwd_without_cwd,
    .init = make_tree, .fini = remove_tree)
{
	char want[PATH_MAX + 64];
	zc_path_kind kind;

	cr_assert_eq(chdir(top), 0);
	snprintf(want, sizeof want, "%s/real/f.txt", top);
	cr_expect_str_eq(resolve("dirlink/../dirlink/f.txt", NULL, &kind),
	    want);
	cr_expect_eq(kind, ZC_PATH_FILE);
	cr_expect_str_eq(resolve(".", NULL, &kind), top);
	cr_expect_eq(kind, ZC_PATH_DIR);
}

Test(path, the_root_is_itself)
{
	zc_path_kind kind;

	cr_expect_str_eq(resolve("/", NULL, &kind), "/");
	cr_expect_eq(kind, ZC_PATH_DIR);
	cr_expect_str_eq(resolve("//.", NULL, &kind), "/");
	cr_expect_str_eq(resolve("/../..", NULL, &kind), "/");
}
