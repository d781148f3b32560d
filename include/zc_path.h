/*
 * zc_path.h — the one spelling of a file's path: what zcindex stores for
 * a document (its P and F terms and its record) and what a path: query
 * looks up.  Both sides call zc_path_resolve, so that a path typed in a
 * query names the string the indexer stored.
 *
 * The rule.  A path is first made absolute: "~/" is $HOME when HOME is
 * an absolute path, any other relative path starts at the working
 * directory.  Then the longest leading part that names an existing
 * directory is resolved with realpath(3), symbolic links followed as the
 * kernel follows them, and the rest is kept as written, with ".", ".."
 * and repeated '/' removed lexically.  So:
 *   - an existing directory is its real path (zcindex walks its roots
 *     by their real path and never descends through a link);
 *   - an existing file keeps its own name, in its real directory (a
 *     symbolic link to a file is indexed, and found, under the link's
 *     name, as a walk stores it);
 *   - a path that does not exist keeps the part that does not exist,
 *     below the real path of the part that does.
 */
#ifndef ZC_PATH_H
#define ZC_PATH_H

#include <stddef.h>

#include "zc_util.h"

typedef enum zc_path_kind {
	ZC_PATH_MISSING, /* nothing there, or stat(2) failed */
	ZC_PATH_DIR,
	ZC_PATH_FILE     /* anything else that exists */
} zc_path_kind;

/* Append to out the resolved form of path[0..len) (the rule above);
 * *kind says what is there.  cwd is where a relative path starts; NULL:
 * getcwd().  ZC_EINVAL ("no working directory to start from") when path
 * is relative and cwd is NULL and getcwd() fails, or cwd is relative. */
zc_status zc_path_resolve(const char *path, size_t len, const char *cwd,
    zc_buf *out, zc_path_kind *kind, zc_error *err);

#endif
