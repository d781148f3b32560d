/*
 * walk.h — which files an index run covers.  Directories are walked
 * iteratively; hidden entries and VCS folders are skipped; a symlink is
 * followed only to a regular file inside the same root (so a walk never
 * leaves its root and never loops).
 */
#ifndef ZCINDEX_WALK_H
#define ZCINDEX_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct walk_file {
	char *path;     /* absolute, owned */
	int64_t size;
	int64_t mtime_ns;
} walk_file;

typedef struct walk_list {
	walk_file *files;
	size_t n, cap;
	char **roots;   /* absolute directories walked (removal scope) */
	size_t n_roots, cap_roots;
	/* Paths named that no longer exist: what the index holds below
	 * them is removed; one it holds nothing of is an error. */
	struct walk_gone {
		char *path;  /* absolute, resolved as a walk would */
		char *typed; /* as the user gave it, for the message */
	} *gone;
	size_t n_gone, cap_gone;
	unsigned errors; /* paths reported unreadable */
} walk_list;

typedef struct walk_opts {
	char **excludes; /* fnmatch globs on the base name and the path */
	size_t n_excludes;
	bool verbose;
} walk_opts;

/* Add path (a file or a directory, relative or absolute) to list.
 * Errors are reported on stderr as "zcindex: PATH: reason" and counted;
 * a path that does not exist goes to list->gone instead. */
void walk_add(walk_list *list, const char *path, const walk_opts *opts);
/* Whether path is root or lies below it (both absolute, resolved). */
bool walk_inside(const char *path, const char *root);
/* Sort files by path and drop duplicates. */
void walk_finish(walk_list *list);
void walk_free(walk_list *list);

#endif
