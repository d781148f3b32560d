/*
 * set-metadata.c — test helper: set-metadata DB KEY [VALUE] stores VALUE
 * under the metadata KEY of the database DB, or deletes KEY without a
 * VALUE, and commits.  The e2e scripts build it against libzhengce.a to
 * fake what an older or newer zcindex left (t12-schema.sh); no program
 * of zhengce offers this, and Debian's xapian-metadata may be missing.
 */
#include <stdio.h>
#include <string.h>

#include "zc_xapian.h"

int
main(int argc, char **argv)
{
	const char *value = argc > 3 ? argv[3] : "";
	zc_error err = {0};
	zc_wdb *w = NULL;
	zc_status st;

	if (argc < 3 || argc > 4) {
		fputs("usage: set-metadata DB KEY [VALUE]\n", stderr);
		return 2;
	}
	st = zc_wdb_open(argv[1], 0, &w, &err);
	if (st == ZC_OK)
		st = zc_wdb_set_metadata(w, argv[2], value, strlen(value),
		    &err);
	if (st == ZC_OK) {
		st = zc_wdb_close(w, &err);
		w = NULL;
	}
	zc_wdb_abandon(w);
	if (st != ZC_OK) {
		fprintf(stderr, "set-metadata: %s: %s\n", argv[1], err.msg);
		return 2;
	}
	return 0;
}
