/*
 * status.h — zcindex --status: what a database holds.
 */
#ifndef ZCINDEX_STATUS_H
#define ZCINDEX_STATUS_H

#include <stdio.h>

/* Print documents, passages, terms, size on disk, last update and the
 * roots indexed; returns the exit status (2 if there is no database). */
int zcindex_status(const char *db_path, FILE *out);

/* The roots the database records (what zcindex was given), for
 * --update: *roots a malloc'd array of *n malloc'd paths.  Returns 0,
 * or 2 after saying why (no database, no roots recorded). */
int zcindex_recorded_roots(const char *db_path, char ***roots, size_t *n);

#endif
