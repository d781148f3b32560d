/*
 * status.c — zcindex --status (status.h).  Everything comes from the
 * database itself: the per-file state and roots are metadata keys.
 */
#include "status.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "zc_schema.h"
#include "zc_xapian.h"

static bool
count_key(void *ctx, const char *s, size_t len)
{
	(void)s;
	(void)len;
	(*(unsigned long *)ctx)++;
	return true;
}

static bool
print_root(void *ctx, const char *s, size_t len)
{
	size_t skip = strlen(ZC_META_ROOT);

	fprintf(ctx, "root:       %.*s\n", (int)(len - skip), s + skip);
	return true;
}

/* Bytes used by the files of a database directory (not recursive:
 * a Xapian glass database is one flat directory). */
static double
disk_bytes(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	double total = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		char path[4096];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			total += (double)st.st_blocks * 512;
	}
	closedir(d);
	return total;
}

int
zcindex_status(const char *db_path, FILE *out)
{
	zc_error err = {0};
	zc_db *db;
	zc_db_stats st;
	unsigned long files = 0;
	char *updated = NULL;
	size_t len;
	zc_status s;

	s = zc_db_open(db_path, &db, &err);
	if (s != ZC_OK) {
		zc_warn("%s: no index here (%s)", db_path, err.msg);
		return 2;
	}
	s = zc_db_get_stats(db, &st, &err);
	if (s == ZC_OK)
		s = zc_db_metadata_keys(db, ZC_META_FILE, count_key, &files,
		    &err);
	if (s == ZC_OK)
		s = zc_db_get_metadata(db, ZC_META_UPDATED, &updated, &len,
		    &err);
	if (s == ZC_OK) {
		fprintf(out, "database:   %s\n", db_path);
		fprintf(out, "documents:  %lu\n", files);
		fprintf(out, "passages:   %lu\n", st.doc_count);
		fprintf(out, "terms:      %lu\n", st.term_count);
		fprintf(out, "size:       %.1f MB\n", disk_bytes(db_path) / 1e6);
		if (updated != NULL) {
			time_t t = (time_t)strtoll(updated, NULL, 10);
			char when[64];
			strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S %z",
			    localtime(&t));
			fprintf(out, "updated:    %s\n", when);
		}
		s = zc_db_metadata_keys(db, ZC_META_ROOT, print_root, out,
		    &err);
	}
	free(updated);
	zc_db_close(db);
	if (s != ZC_OK) {
		zc_warn("%s: %s", db_path, err.msg);
		return 2;
	}
	return 0;
}
