/*
 * status.c — zcindex --status (status.h).  Everything comes from the
 * database itself: the per-file state, roots and schema version are
 * metadata keys.
 */
#include "status.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "shards.h"
#include "state.h"
#include "zc_schema.h"
#include "zc_xapian.h"

typedef struct tally {
	zc_db *db;
	unsigned long files, passages, outdated;
	zc_status status;
	zc_error *err;
} tally;

/* One stored file state: count the file and its passages. */
static bool
add_state(void *ctx, const char *key, size_t len)
{
	tally *t = ctx;
	char *k = zc_xstrndup(key, len), *v = NULL;
	size_t vlen = 0;
	file_state fs;

	t->status = zc_db_get_metadata(t->db, k, &v, &vlen, t->err);
	free(k);
	if (t->status != ZC_OK)
		return false;
	if (v != NULL && state_decode(v, vlen, &fs, NULL)) {
		t->files++;
		t->passages += fs.passages;
		t->outdated += fs.size == STATE_OUTDATED;
	}
	free(v);
	return true;
}

static bool
print_root(void *ctx, const char *s, size_t len)
{
	size_t skip = strlen(ZC_META_ROOT);

	fprintf(ctx, "root:       %.*s\n", (int)(len - skip), s + skip);
	return true;
}

/* Bytes used by the files of a database directory and of the
 * generation folders in it (zc_xapian.h: the stub and one glass folder
 * each; depth stays at two). */
static double
disk_bytes(const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	double total = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		char path[4096];
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISREG(st.st_mode))
			total += (double)st.st_blocks * 512;
		else if (S_ISDIR(st.st_mode) && depth > 0)
			total += disk_bytes(path, depth - 1);
	}
	closedir(d);
	return total;
}

/* Open the database for reading, or say why not (false). */
static bool
open_db(const char *db_path, zc_db **db)
{
	zc_error err = {0};
	zc_status s = zc_db_open(db_path, db, &err);

	if (s == ZC_ENOENT)
		zc_warn("%s: no index here (run zcindex PATH first)", db_path);
	else if (s != ZC_OK)
		zc_warn("%s: %s", db_path, err.msg);
	return s == ZC_OK;
}

/* The files of db's first (or only) database: metadata keys are read
 * from the first database of several (Xapian). */
static zc_status
count_files(zc_db *db, tally *t, zc_error *err)
{
	zc_status s;

	t->db = db;
	t->err = err;
	s = zc_db_metadata_keys(db, ZC_META_FILE, add_state, t, err);
	return s == ZC_OK ? t->status : s;
}

/* Each shard's files, added to *all, and a line per shard into lines. */
static zc_status
count_shards(const char *db_path, unsigned n, tally *all, zc_buf *lines,
    zc_error *err)
{
	zc_status s = ZC_OK;

	for (unsigned k = 1; k <= n && s == ZC_OK; k++) {
		tally t = {0};
		zc_buf path = {0};
		zc_db *db = NULL;

		shards_path(db_path, k, &path);
		s = zc_db_open(path.data, &db, err);
		if (s == ZC_OK)
			s = count_files(db, &t, err);
		if (s == ZC_OK)
			zc_buf_printf(lines, "shard:      shard-%u: %lu "
			    "documents, %lu passages, %.1f MB\n", k, t.files,
			    t.passages, disk_bytes(path.data, 1) / 1e6);
		all->files += t.files;
		all->passages += t.passages;
		all->outdated += t.outdated;
		zc_db_close(db);
		zc_buf_free(&path);
	}
	return s;
}

int
zcindex_status(const char *db_path, FILE *out)
{
	zc_error err = {0};
	zc_db *db;
	zc_db_stats st;
	tally t = { .err = &err };
	char *updated = NULL, *schema = NULL;
	size_t len, schema_len = 0;
	bool locked = false;
	unsigned n_shards = 0;
	zc_buf shard_lines = {0};
	zc_status s;

	if (!shards_count(db_path, &n_shards) || !open_db(db_path, &db))
		return 2;
	s = zc_db_get_stats(db, &st, &err);
	if (s == ZC_OK)
		s = n_shards > 0 ? count_shards(db_path, n_shards, &t,
		    &shard_lines, &err) : count_files(db, &t, &err);
	if (s == ZC_OK)
		s = zc_db_get_metadata(db, ZC_META_UPDATED, &updated, &len,
		    &err);
	if (s == ZC_OK)
		s = zc_db_get_metadata(db, ZC_META_VERSION, &schema,
		    &schema_len, &err);
	if (s == ZC_OK) {
		fprintf(out, "database:   %s\n", db_path);
		fprintf(out, "documents:  %lu\n", t.files);
		fprintf(out, "passages:   %lu\n", t.passages);
		fprintf(out, "terms:      %lu\n", st.term_count);
		fprintf(out, "size:       %.1f MB\n",
		    disk_bytes(db_path, n_shards > 0 ? 2 : 1) / 1e6);
		if (n_shards > 0)
			fprintf(out, "shards:     %u\n%s", n_shards,
			    shard_lines.data);
		if (updated != NULL) {
			time_t t = (time_t)strtoll(updated, NULL, 10);
			char when[64];
			strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S %z",
			    localtime(&t));
			fprintf(out, "updated:    %s\n", when);
		}
		if (schema != NULL)
			fprintf(out, "schema:     %.*s\n", (int)schema_len,
			    schema);
		else
			fputs("schema:     none\n", out);
		if (zc_db_locked(db, &locked, &err) == ZC_OK)
			fprintf(out, "writer:     %s\n", locked ?
			    "another zcindex holds the lock (a run is under way)"
			    : "none");
		if (t.outdated > 0)
			fprintf(out, "outdated:   %lu files, re-read when next "
			    "indexed\n", t.outdated);
		s = zc_db_metadata_keys(db, ZC_META_ROOT, print_root, out,
		    &err);
	}
	free(updated);
	free(schema);
	zc_buf_free(&shard_lines);
	zc_db_close(db);
	if (s != ZC_OK) {
		zc_warn("%s: %s", db_path, err.msg);
		return 2;
	}
	/* a full disk or a closed pipe: the description did not arrive */
	if (fflush(out) != 0 || ferror(out)) {
		zc_warn("stdout: %s", strerror(errno));
		return 2;
	}
	return 0;
}

typedef struct roots {
	char **v;
	size_t n, cap;
} roots;

static bool
collect_root(void *ctx, const char *s, size_t len)
{
	roots *r = ctx;
	size_t skip = strlen(ZC_META_ROOT);

	r->v = zc_xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
	r->v[r->n++] = zc_xstrndup(s + skip, len - skip);
	return true;
}

int
zcindex_recorded_roots(const char *db_path, char ***out, size_t *n)
{
	zc_error err = {0};
	roots r = { NULL, 0, 0 };
	zc_db *db;
	zc_status s;

	*out = NULL;
	*n = 0;
	if (!open_db(db_path, &db))
		return 2;
	s = zc_db_metadata_keys(db, ZC_META_ROOT, collect_root, &r, &err);
	zc_db_close(db);
	if (s == ZC_OK && r.n == 0) {
		zc_warn("%s: --update: no paths recorded (index some first)",
		    db_path);
		return 2;
	}
	if (s != ZC_OK) {
		zc_warn("%s: %s", db_path, err.msg);
		for (size_t i = 0; i < r.n; i++)
			free(r.v[i]);
		free(r.v);
		return 2;
	}
	*out = r.v;
	*n = r.n;
	return 0;
}
