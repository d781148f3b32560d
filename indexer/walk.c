/*
 * walk.c — enumerate the files of an index run (walk.h).  Only names and
 * stat data are read here: whether content changed is decided later from
 * size and mtime, without opening unchanged files.
 */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "zc_decode.h"
#include "zc_path.h"
#include "zc_util.h"

static bool
is_excluded(const char *path, const char *name, const walk_opts *opts)
{
	for (size_t i = 0; i < opts->n_excludes; i++)
		if (fnmatch(opts->excludes[i], name, 0) == 0 ||
		    fnmatch(opts->excludes[i], path, 0) == 0)
			return true;
	return false;
}

static void
add_file(walk_list *list, const char *path, const struct stat *st)
{
	walk_file *f;

	list->files = zc_xgrow(list->files, &list->cap, list->n + 1,
	    sizeof *list->files);
	f = &list->files[list->n++];
	f->path = zc_xstrdup(path);
	f->size = st->st_size;
	f->mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 +
	    st->st_mtim.tv_nsec;
}

static void
report(walk_list *list, const char *path, const char *why)
{
	zc_warn("%s: %s", path, why);
	list->errors++;
}

bool
walk_inside(const char *path, const char *root)
{
	size_t n = strlen(root);

	return strncmp(path, root, n) == 0 &&
	    (path[n] == '/' || path[n] == '\0' || strcmp(root, "/") == 0);
}

/* A symlink met during a walk: index its target if it is a regular file
 * inside the root, under the link's own path. */
static void
add_link(walk_list *list, const char *path, const char *root)
{
	char target[PATH_MAX];
	struct stat st;

	if (realpath(path, target) == NULL || stat(target, &st) != 0 ||
	    !S_ISREG(st.st_mode) || !walk_inside(target, root))
		return;
	add_file(list, path, &st);
}

/* Iterative depth-first walk below root (absolute, resolved). */
static void
walk_dir(walk_list *list, const char *root, const walk_opts *opts)
{
	char **stack = NULL;
	size_t n = 0, cap = 0;

	stack = zc_xgrow(stack, &cap, 1, sizeof *stack);
	stack[n++] = zc_xstrdup(root);
	while (n > 0) {
		char *dir = stack[--n];
		DIR *d = opendir(dir);
		struct dirent *e;

		if (d == NULL) {
			report(list, dir, strerror(errno));
			free(dir);
			continue;
		}
		while ((e = readdir(d)) != NULL) {
			zc_buf path = {0};
			struct stat st;

			if (e->d_name[0] == '.') /* hidden, VCS, . and .. */
				continue;
			zc_buf_printf(&path, "%s%s%s", dir,
			    strcmp(dir, "/") == 0 ? "" : "/", e->d_name);
			if (is_excluded(path.data, e->d_name, opts) ||
			    lstat(path.data, &st) != 0) {
				zc_buf_free(&path);
				continue;
			}
			if (S_ISDIR(st.st_mode)) {
				if (strcmp(e->d_name, "CVS") != 0) {
					stack = zc_xgrow(stack, &cap, n + 1,
					    sizeof *stack);
					stack[n++] = zc_buf_steal(&path);
				}
			} else if (zc_format_indexable(e->d_name, NULL)) {
				if (S_ISREG(st.st_mode))
					add_file(list, path.data, &st);
				else if (S_ISLNK(st.st_mode))
					add_link(list, path.data, root);
			}
			zc_buf_free(&path);
		}
		closedir(d);
		free(dir);
	}
	free(stack);
}

/* A path named that is no longer there: run.c removes what the index
 * holds of it, or reports it when that is nothing. */
static void
add_gone(walk_list *list, const char *abs, const char *typed)
{
	list->gone = zc_xgrow(list->gone, &list->cap_gone, list->n_gone + 1,
	    sizeof *list->gone);
	list->gone[list->n_gone++] = (struct walk_gone){ zc_xstrdup(abs),
	    zc_xstrdup(typed) };
}

/* The walk starts from the path as zc_path_resolve spells it, the
 * spelling path: queries resolve to: a directory by its real path, a
 * file by its own name in its real directory. */
void
walk_add(walk_list *list, const char *path, const walk_opts *opts)
{
	zc_buf abs = {0};
	zc_error err = {0};
	zc_path_kind kind;
	struct stat st;

	if (zc_path_resolve(path, strlen(path), NULL, &abs, &kind, &err) !=
	    ZC_OK) {
		report(list, path, err.msg);
	} else if (stat(abs.data, &st) != 0) {
		if (errno == ENOENT)
			add_gone(list, abs.data, path);
		else
			report(list, path, strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		list->roots = zc_xgrow(list->roots, &list->cap_roots,
		    list->n_roots + 1, sizeof *list->roots);
		list->roots[list->n_roots++] = zc_xstrdup(abs.data);
		walk_dir(list, abs.data, opts);
	} else if (S_ISREG(st.st_mode)) {
		/* A file named explicitly is indexed whatever its name. */
		add_file(list, abs.data, &st);
	} else {
		report(list, path, "not a regular file or directory");
	}
	zc_buf_free(&abs);
}

static int
cmp_path(const void *a, const void *b)
{
	return strcmp(((const walk_file *)a)->path,
	    ((const walk_file *)b)->path);
}

void
walk_finish(walk_list *list)
{
	size_t out = 0;

	if (list->n == 0)
		return; /* files is NULL, which qsort must not be given */
	qsort(list->files, list->n, sizeof *list->files, cmp_path);
	for (size_t i = 0; i < list->n; i++) {
		if (out > 0 && strcmp(list->files[out - 1].path,
		    list->files[i].path) == 0) {
			free(list->files[i].path);
			continue;
		}
		list->files[out++] = list->files[i];
	}
	list->n = out;
}

void
walk_free(walk_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->files[i].path);
	for (size_t i = 0; i < list->n_roots; i++)
		free(list->roots[i]);
	free(list->files);
	free(list->roots);
	for (size_t i = 0; i < list->n_gone; i++) {
		free(list->gone[i].path);
		free(list->gone[i].typed);
	}
	free(list->gone);
	memset(list, 0, sizeof *list);
}
