/*
 * status.h — zcindex --status: what a database holds.
 */
#ifndef ZCINDEX_STATUS_H
#define ZCINDEX_STATUS_H

#include <stdio.h>

/* Print documents, passages, terms, size on disk, last update and the
 * roots indexed; returns the exit status (2 if there is no database). */
int zcindex_status(const char *db_path, FILE *out);

#endif
