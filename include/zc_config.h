/*
 * zc_config.h — settings both programs resolve the same way.
 */
#ifndef ZC_CONFIG_H
#define ZC_CONFIG_H

/* The database directory: explicit (from --db) if not NULL, else
 * $ZHENGCE_DB, else $XDG_DATA_HOME/zhengce/db, else
 * $HOME/.local/share/zhengce/db.  Returns a malloc'd string. */
char *zc_config_db_path(const char *explicit_path);

/* mkdir -p of the parent directories of path; 0 or -1 with errno. */
int zc_config_make_parents(const char *path);

#endif
