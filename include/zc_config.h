/*
 * zc_config.h — settings both programs resolve the same way.  zcindex
 * and zcsearch call this one function for their database, so that the
 * index one builds is the index the other opens.
 */
#ifndef ZC_CONFIG_H
#define ZC_CONFIG_H

#include "zc_util.h"

/* The database directory, by the first rule that applies:
 *   1. explicit_path (the value of --db) when not NULL; an empty one is
 *      refused: ZC_EINVAL, "--db: empty path" (a usage error)
 *   2. $ZHENGCE_DB, when set and not empty (empty counts as unset)
 *   3. $XDG_DATA_HOME/zhengce/db, when XDG_DATA_HOME is an absolute path;
 *      a relative or empty value is ignored, as the XDG Base Directory
 *      Specification says
 *   4. $HOME/.local/share/zhengce/db, when HOME is an absolute path (as
 *      "~/" of zc_path.h requires; a relative HOME would put the database
 *      below the working directory)
 *   5. nothing: ZC_ENOENT, "database: ...", rather than a guess relative
 *      to the working directory, which would differ between the two
 *      programs' runs
 * On ZC_OK *out is yours (free it).  On failure *out is NULL and
 * err->msg is a whole diagnostic, "what: why". */
zc_status zc_config_db_path(const char *explicit_path, char **out,
    zc_error *err);

/* mkdir -p of the parent directories of path; 0 or -1 with errno. */
int zc_config_make_parents(const char *path);

#endif
