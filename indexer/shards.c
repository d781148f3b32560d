/*
 * shards.c — an index of several shards (shards.h).  Data flow: the
 * walk (all files) → one child process per shard, each keeping the files
 * that hash to it and running run_index on DIR/shard-K → their totals
 * back through a pipe each → one summary → the stub.
 *
 * Then the grouping pass: the documents the shards wrote without a
 * group (zc_copies.h) are placed in groups in the order of their paths,
 * reading every shard, so that the groups are those of one database.
 * It commits every GROUP_BATCH documents; one it did not reach keeps its
 * mark, and the next run's pass places it.
 *
 * The stub is written after the shards, and by rename: a reader finds
 * either no stub (no index yet) or one whose every shard exists.
 */
#include "shards.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "zc_copies.h"
#include "zc_schema.h"
#include "zc_util.h"
#include "zc_xapian.h"

#define STUB "XAPIANDB"
#define GROUP_BATCH 500

unsigned
shard_of(const char *path, unsigned n)
{
	return (unsigned)(zc_hash64(path, strlen(path)) % n) + 1;
}

/* The stub zcindex writes for n shards. */
static char *
stub_text(unsigned n)
{
	zc_buf b = {0};

	for (unsigned k = 1; k <= n; k++)
		zc_buf_printf(&b, "auto shard-%u\n", k);
	return zc_buf_steal(&b);
}

bool
shards_count(const char *db, unsigned *n)
{
	zc_buf path = {0};
	char line[256];
	unsigned k = 0;
	bool ok = true;
	FILE *f;

	*n = 0;
	zc_buf_printf(&path, "%s/" STUB, db);
	f = fopen(path.data, "r");
	if (f == NULL) {
		zc_buf_free(&path);
		return true;
	}
	while (ok && fgets(line, sizeof line, f) != NULL) {
		char want[32];

		if (k == 0 && strncmp(line, "glass g", 7) == 0)
			break; /* one database, in its generation */
		snprintf(want, sizeof want, "auto shard-%u\n", k + 1);
		if (strcmp(line, want) == 0 && k < SHARDS_MAX) {
			k++;
			continue;
		}
		zc_warn("%s: a stub zcindex did not write (line %u: not "
		    "\"auto shard-%u\")", path.data, k + 1, k + 1);
		ok = false;
	}
	fclose(f);
	zc_buf_free(&path);
	*n = ok ? k : 0;
	return ok;
}

/* Write db's stub for n shards, aside then by rename. */
static bool
write_stub(const char *db, unsigned n)
{
	zc_buf path = {0}, tmp = {0};
	char *text = stub_text(n);
	bool ok = false;
	FILE *f;

	zc_buf_printf(&path, "%s/" STUB, db);
	zc_buf_printf(&tmp, "%s/" STUB ".tmp", db);
	f = fopen(tmp.data, "w");
	if (f != NULL) {
		ok = fputs(text, f) != EOF && fflush(f) == 0 &&
		    fsync(fileno(f)) == 0;
		ok = fclose(f) == 0 && ok;
		ok = ok && rename(tmp.data, path.data) == 0;
	}
	if (!ok) {
		zc_warn("%s: cannot write: %s", path.data, strerror(errno));
		unlink(tmp.data);
	}
	free(text);
	zc_buf_free(&path);
	zc_buf_free(&tmp);
	return ok;
}

typedef struct shard_pick {
	unsigned k, n;
} shard_pick;

static bool
is_mine(const char *path, void *ctx)
{
	const shard_pick *p = ctx;

	return shard_of(path, p->n) == p->k;
}

/* In the child: index shard k's files, send the totals, exit. */
static void __attribute__((noreturn))
shard_child(const run_opts *opts, walk_list *files, unsigned k,
    unsigned n, int out)
{
	run_opts ro = *opts;
	shard_pick pick = { k, n };
	run_totals t = {0};
	zc_buf db = {0};
	int rc;

	zc_buf_printf(&db, "%s/shard-%u", opts->db_path, k);
	ro.db_path = db.data;
	ro.keep = is_mine;
	ro.keep_ctx = &pick;
	ro.totals = &t;
	ro.quiet = true;
	ro.progress = false;
	ro.defer_groups = !opts->no_copies;
	ro.jobs = opts->jobs / n > 0 ? opts->jobs / n : 1;
	if (k > 1)
		files->errors = 0; /* the walk's errors are counted once */
	rc = run_index(&ro, files);
	if (write(out, &t, sizeof t) != (ssize_t)sizeof t)
		rc = 2;
	close(out);
	zc_buf_free(&db);
	walk_free(files);
	exit(rc);
}

/* Wait for shard k's process; its exit status, its totals added to *sum. */
static int
wait_shard(const char *db, unsigned k, pid_t pid, int in, run_totals *sum)
{
	run_totals t;
	ssize_t got = read(in, &t, sizeof t);
	int status;

	close(in);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (got == (ssize_t)sizeof t) {
		sum->indexed += t.indexed;
		sum->unchanged += t.unchanged;
		sum->removed += t.removed;
		sum->failed += t.failed;
		sum->passages += t.passages;
		sum->copies_joined += t.copies_joined;
		sum->bytes += t.bytes;
	}
	if (WIFSIGNALED(status)) {
		zc_warn("%s/shard-%u: killed by signal %d", db, k,
		    WTERMSIG(status));
		return 2;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}

/* A document waiting for its group: its shard (0-based), id and path. */
typedef struct pending {
	char *path;
	size_t k;
	zc_docid id;
} pending;

static int
cmp_pending(const void *a, const void *b)
{
	return strcmp(((const pending *)a)->path, ((const pending *)b)->path);
}

/* The pending documents of every shard, in path order. */
static zc_status
list_pending(zc_wdb *const *w, unsigned n, pending **out, size_t *n_out,
    zc_error *err)
{
	size_t cap = 0;
	zc_status st = ZC_OK;

	*out = NULL;
	*n_out = 0;
	for (unsigned k = 0; k < n && st == ZC_OK; k++) {
		zc_docid *ids = NULL;
		size_t m = 0;
		unsigned long freq;

		st = zc_wdb_term_docs(w[k], ZC_PREFIX_COPY_PENDING,
		    strlen(ZC_PREFIX_COPY_PENDING), SIZE_MAX, &ids, &m, &freq,
		    err);
		for (size_t i = 0; i < m && st == ZC_OK; i++) {
			pending p = { NULL, k, ids[i] };

			st = zc_wdb_value(w[k], ids[i], ZC_SLOT_PATH, &p.path,
			    NULL, err);
			if (p.path == NULL)
				p.path = zc_xstrdup("");
			*out = zc_xgrow(*out, &cap, *n_out + 1, sizeof **out);
			(*out)[(*n_out)++] = p;
		}
		free(ids);
	}
	if (*n_out > 0)
		qsort(*out, *n_out, sizeof **out, cmp_pending);
	return st;
}

/* Every shard's pending documents placed in groups (the file comment). */
static zc_status
group_pass(const char *db, unsigned n, zc_copies_stats *stats,
    zc_error *err)
{
	zc_wdb *w[SHARDS_MAX] = { NULL };
	pending *p = NULL;
	size_t n_p = 0;
	zc_status st = ZC_OK;

	for (unsigned k = 0; k < n && st == ZC_OK; k++) {
		zc_buf path = {0};

		zc_buf_printf(&path, "%s/shard-%u", db, k + 1);
		st = zc_wdb_open(path.data, 0, &w[k], err);
		zc_buf_free(&path);
	}
	if (st == ZC_OK)
		st = list_pending(w, n, &p, &n_p, err);
	for (size_t i = 0; i < n_p && st == ZC_OK; i++) {
		st = zc_copies_regroup(w, n, p[i].k, p[i].id, stats, err);
		for (unsigned k = 0; st == ZC_OK && k < n &&
		    ((i + 1) % GROUP_BATCH == 0 || i + 1 == n_p); k++)
			st = zc_wdb_commit(w[k], err);
	}
	for (size_t i = 0; i < n_p; i++)
		free(p[i].path);
	free(p);
	for (unsigned k = 0; k < n; k++) {
		if (st == ZC_OK)
			st = zc_wdb_close(w[k], err);
		else
			zc_wdb_abandon(w[k]);
	}
	return st;
}

int
run_sharded(const run_opts *opts, walk_list *files, unsigned n)
{
	pid_t pid[SHARDS_MAX];
	int in[SHARDS_MAX];
	run_totals sum = {0};
	struct timespec t0, t1;
	unsigned started = 0;
	int rc = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (mkdir(opts->db_path, 0777) != 0 && errno != EEXIST) {
		zc_warn("%s: cannot create: %s", opts->db_path,
		    strerror(errno));
		return 2;
	}
	fflush(NULL); /* nothing buffered is written twice */
	for (unsigned k = 1; k <= n; k++) {
		int fd[2];

		if (pipe(fd) != 0 || (pid[k - 1] = fork()) < 0) {
			zc_warn("%s/shard-%u: cannot start: %s",
			    opts->db_path, k, strerror(errno));
			rc = 2;
			break;
		}
		if (pid[k - 1] == 0) {
			close(fd[0]);
			for (unsigned j = 0; j < started; j++)
				close(in[j]);
			shard_child(opts, files, k, n, fd[1]);
		}
		close(fd[1]);
		in[k - 1] = fd[0];
		started++;
	}
	for (unsigned k = 1; k <= started; k++) {
		int r = wait_shard(opts->db_path, k, pid[k - 1], in[k - 1],
		    &sum);
		rc = r > rc ? r : rc;
	}
	if (rc < 2 && !opts->no_copies) {
		zc_copies_stats stats = {0};
		zc_error err = {0};

		if (group_pass(opts->db_path, n, &stats, &err) != ZC_OK) {
			zc_warn("%s: placing copies in groups: %s",
			    opts->db_path, err.msg);
			rc = 2;
		}
		sum.copies_joined += stats.joined;
	}
	if (rc < 2 && !write_stub(opts->db_path, n))
		rc = 2;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!opts->quiet)
		run_print_summary(&sum, (double)(t1.tv_sec - t0.tv_sec) +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return rc;
}

int
shards_merge(const char *db, const char *out)
{
	zc_error err = {0};
	zc_db *d = NULL;
	zc_status st = zc_db_open(db, &d, &err);

	if (st == ZC_ENOENT) {
		zc_warn("%s: no index here (run zcindex PATH first)", db);
		return 2;
	}
	if (st == ZC_OK)
		st = zc_db_merge(d, out, &err);
	zc_db_close(d);
	if (st != ZC_OK) {
		zc_warn("%s: %s", st == ZC_EINVAL ? "--compact" : db, err.msg);
		return 2;
	}
	return 0;
}
