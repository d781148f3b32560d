/*
 * shards.c — an index of several shards (shards.h).  Data flow: the
 * walk (all files) → one child process per shard, each keeping the files
 * that hash to it and running run_index on DIR/shard-K → their totals
 * back through a pipe each → one summary → the stub.
 *
 * Then the grouping pass: the files whose documents the shards grouped
 * each within itself, marked pending (zc_copies.h), are placed in groups
 * in the order of their paths, reading every shard, so that the groups
 * are those of one database; only a document whose group changes is
 * rewritten.  It commits every GROUP_BATCH files; one it did not reach
 * keeps its mark, and the next run's pass places it.
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

void
shards_path(const char *db, unsigned k, zc_buf *out)
{
	zc_buf_printf(out, "%s/shard-%u", db, k);
}

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

	shards_path(opts->db_path, k, &db);
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

/* A file whose document waits for its group: its shard (0-based), its
 * file id term and path. */
typedef struct pending {
	char *path;
	char *file_id;
	size_t k;
} pending;

static int
cmp_pending(const void *a, const void *b)
{
	return strcmp(((const pending *)a)->path, ((const pending *)b)->path);
}

typedef struct pending_list {
	pending *p;
	size_t n, cap, k;
	zc_wdb *w;
	zc_status st;
	zc_error *err;
} pending_list;

/* One ZC_META_COPY_PENDING key of shard l->k: its file id and path. */
static bool
note_pending(void *ctx, const char *key, size_t len)
{
	pending_list *l = ctx;
	char *k = zc_xstrndup(key, len), *path = NULL;
	size_t plen;

	l->st = zc_wdb_get_metadata(l->w, k, &path, &plen, l->err);
	if (l->st == ZC_OK && path != NULL) {
		l->p = zc_xgrow(l->p, &l->cap, l->n + 1, sizeof *l->p);
		l->p[l->n++] = (pending){ path,
		    zc_xstrdup(k + strlen(ZC_META_COPY_PENDING)), l->k };
	} else {
		free(path);
	}
	free(k);
	return l->st == ZC_OK;
}

/* Every shard's pending files, in path order. */
static zc_status
list_pending(zc_wdb *const *w, unsigned n, pending_list *l, zc_error *err)
{
	zc_status st = ZC_OK;

	l->err = err;
	for (unsigned k = 0; k < n && st == ZC_OK; k++) {
		l->k = k;
		l->w = w[k];
		l->st = ZC_OK;
		st = zc_wdb_metadata_keys(w[k], ZC_META_COPY_PENDING,
		    note_pending, l, err);
		if (st == ZC_OK)
			st = l->st;
	}
	if (l->n > 0)
		qsort(l->p, l->n, sizeof *l->p, cmp_pending);
	return st;
}

/* Every shard's pending files placed in groups (the file comment). */
static zc_status
group_pass(const char *db, unsigned n, zc_copies_stats *stats,
    zc_error *err)
{
	zc_wdb *w[SHARDS_MAX] = { NULL };
	pending_list l = {0};
	zc_status st = ZC_OK;

	for (unsigned k = 0; k < n && st == ZC_OK; k++) {
		zc_buf path = {0};

		shards_path(db, k + 1, &path);
		st = zc_wdb_open(path.data, 0, &w[k], err);
		zc_buf_free(&path);
	}
	if (st == ZC_OK)
		st = list_pending(w, n, &l, err);
	for (size_t i = 0; i < l.n && st == ZC_OK; i++) {
		bool rewritten;

		st = zc_copies_regroup(w, n, l.p[i].k, l.p[i].file_id, stats,
		    &rewritten, err);
		for (unsigned k = 0; st == ZC_OK && k < n &&
		    ((i + 1) % GROUP_BATCH == 0 || i + 1 == l.n); k++)
			st = zc_wdb_commit(w[k], err);
	}
	for (size_t i = 0; i < l.n; i++) {
		free(l.p[i].path);
		free(l.p[i].file_id);
	}
	free(l.p);
	for (unsigned k = 0; k < n; k++) {
		if (st == ZC_OK)
			st = zc_wdb_close(w[k], err);
		else
			zc_wdb_abandon(w[k]);
	}
	return st;
}

/* pipe() or fork() failed for shard k: say so (errno); exit status 2. */
static int
cannot_start(const char *db, unsigned k)
{
	zc_warn("%s/shard-%u: cannot start: %s", db, k, strerror(errno));
	return 2;
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

		if (pipe(fd) != 0) {
			rc = cannot_start(opts->db_path, k);
			break;
		}
		if ((pid[k - 1] = fork()) < 0) {
			rc = cannot_start(opts->db_path, k);
			close(fd[0]);
			close(fd[1]);
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
		/* the shards' own counts saw one shard each */
		sum.copies_joined = stats.joined;
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
