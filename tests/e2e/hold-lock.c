/*
 * hold-lock.c — test helper: hold-lock DB SECONDS opens the database DB
 * for writing, as a running zcindex does, prints "locked" when it holds
 * Xapian's lock, and lets it go after SECONDS (t39-shell.sh: what
 * zcindex --status says meanwhile).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "zc_xapian.h"

int
main(int argc, char **argv)
{
	zc_error err = {0};
	zc_wdb *w = NULL;

	if (argc != 3) {
		fputs("usage: hold-lock DB SECONDS\n", stderr);
		return 2;
	}
	if (zc_wdb_open(argv[1], 0, &w, &err) != ZC_OK) {
		fprintf(stderr, "hold-lock: %s: %s\n", argv[1], err.msg);
		return 2;
	}
	puts("locked");
	fflush(stdout);
	sleep((unsigned)atoi(argv[2]));
	return zc_wdb_close(w, &err) == ZC_OK ? 0 : 2;
}
