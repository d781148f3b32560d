/*
 * run.c — the index run (run.h).
 *
 * Threads: workers claim files in order and turn each into a Xapian
 * document; the writer (the calling thread) takes them back in the same
 * order, so -j1 and -j2 build identical databases.  A worker may only
 * claim file i while i < written + SLOTS: slot i % SLOTS is then free, and
 * memory is bounded by SLOTS documents in flight.
 *
 * Schema: a database of an older ZC_SCHEMA_VERSION (zc_schema.h) holds
 * documents a current query may miss, and their files' state says
 * "unchanged".  The run that finds it re-reads every file it walks, and
 * marks every other stored file outdated (state.h) in the same commit
 * as the new version: the version never reaches the disk without the
 * marks, so a run killed half-way, or a root not given this time, still
 * leaves each old document to be re-read by the next run that walks it.
 */
#include "run.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "state.h"
#include "zc_copies.h"
#include "zc_fieldterm.h"
#include "zc_indexdoc.h"
#include "zc_pipeline.h"
#include "zc_schema.h"
#include "zc_terms.h"
#include "zc_xapian.h"

#define SLOTS 8

enum file_action { ACT_INDEX, ACT_SKIP };

/* What the writer learns about one file. */
typedef struct slot {
	bool ready;          /* filled by a worker, not yet consumed */
	bool touched;        /* content unchanged: update the state only */
	zc_status status;    /* ZC_OK or why the file failed */
	char msg[256];
	file_state state;
	zc_xdoc *doc;        /* the file's document (ZC_OK, not touched) */
	zc_copysig sig;      /* its signature (not valid: unsigned) */
} slot;

typedef struct run {
	const run_opts *opts;
	walk_list *files;
	enum file_action *action;
	file_state *old;      /* stored state per file (valid if has_old) */
	bool *has_old;
	size_t *todo;         /* indices of files to (re)index, in order */
	size_t n_todo;
	bool reread;          /* older schema: every file as if changed */
	const char *gone;     /* remove_gone: the path being removed */
	unsigned long outside; /* stored files outdated, not walked now */

	pthread_mutex_t lock;
	pthread_cond_t changed;
	size_t next_claim;    /* next todo index a worker may take */
	size_t written;       /* todo entries fully written */
	slot slots[SLOTS];

	/* writer's counters */
	unsigned long indexed, unchanged, removed, failed, passages;
	zc_copies_stats copies;
	double bytes;
	struct timespec start;
	double last_progress;
} run;

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* ---- planning --------------------------------------------------------- */

static bool
collect_key(void *ctx, const char *s, size_t len)
{
	zc_buf *keys = ctx;

	zc_buf_append(keys, s, len);
	zc_buf_putc(keys, '\0');
	return true;
}

static bool
file_listed(const walk_list *files, const char *path)
{
	size_t lo = 0, hi = files->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(files->files[mid].path, path);
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static bool
under_root(const walk_list *files, const char *path)
{
	for (size_t i = 0; i < files->n_roots; i++)
		if (walk_inside(path, files->roots[i]))
			return true;
	return false;
}

/* Called by each_key for one metadata key; ctx is the caller's. */
typedef zc_status (*key_fn)(run *r, zc_wdb *w, const char *key, void *ctx,
    zc_error *err);

/* Call fn for every metadata key starting with prefix.  The keys are
 * collected first: fn may change or delete them. */
static zc_status
each_key(run *r, zc_wdb *w, const char *prefix, key_fn fn, void *ctx,
    zc_error *err)
{
	zc_buf keys = {0};
	zc_status st = zc_wdb_metadata_keys(w, prefix, collect_key, &keys,
	    err);

	for (size_t off = 0; st == ZC_OK && off < keys.len;
	    off += strlen(keys.data + off) + 1)
		st = fn(r, w, keys.data + off, ctx, err);
	zc_buf_free(&keys);
	return st;
}

/* Called by each_state for one stored file state. */
typedef zc_status (*state_fn)(run *r, zc_wdb *w, const char *key,
    file_state *fs, const char *path, zc_error *err);

struct state_call {
	state_fn fn;
};

static zc_status
call_with_state(run *r, zc_wdb *w, const char *key, void *ctx,
    zc_error *err)
{
	const struct state_call *call = ctx;
	zc_buf path = {0};
	file_state fs;
	char *v = NULL;
	size_t len = 0;
	zc_status st = zc_wdb_get_metadata(w, key, &v, &len, err);

	if (st == ZC_OK && v != NULL && state_decode(v, len, &fs, &path) &&
	    path.len > 0)
		st = call->fn(r, w, key, &fs, path.data, err);
	free(v);
	zc_buf_free(&path);
	return st;
}

/* Call fn for every state stored under a key starting with prefix. */
static zc_status
each_state(run *r, zc_wdb *w, const char *prefix, state_fn fn,
    zc_error *err)
{
	struct state_call call = { fn };

	return each_key(r, w, prefix, call_with_state, &call, err);
}

static zc_status
remove_if_vanished(run *r, zc_wdb *w, const char *key, file_state *fs,
    const char *path, zc_error *err)
{
	zc_buf term = {0};
	zc_status st;

	(void)fs;
	if (file_listed(r->files, path))
		return ZC_OK;
	zc_fieldterm_file_id(path, &term);
	st = zc_wdb_delete_term(w, term.data, err);
	zc_buf_free(&term);
	if (st == ZC_OK)
		st = zc_wdb_set_metadata(w, key, NULL, 0, err);
	if (st == ZC_OK) {
		r->removed++;
		if (r->opts->verbose)
			fprintf(stderr, "removed %s\n", path);
	}
	return st;
}

/* Remove every file stored below a walked root that the walk no longer
 * found: its document (term F+key) and its state. */
static zc_status
remove_vanished(run *r, zc_wdb *w, zc_error *err)
{
	zc_status st = ZC_OK;

	for (size_t i = 0; i < r->files->n_roots && st == ZC_OK; i++) {
		zc_buf prefix = {0};

		zc_buf_printf(&prefix, "%s%s%s", ZC_META_FILE,
		    r->files->roots[i],
		    strcmp(r->files->roots[i], "/") == 0 ? "" : "/");
		st = each_state(r, w, prefix.data, remove_if_vanished, err);
		zc_buf_free(&prefix);
	}
	return st;
}

/* A file stored at or below r->gone, which no longer exists. */
static zc_status
remove_if_gone(run *r, zc_wdb *w, const char *key, file_state *fs,
    const char *path, zc_error *err)
{
	if (!walk_inside(path, r->gone))
		return ZC_OK; /* /a/bc is not below /a/b */
	return remove_if_vanished(r, w, key, fs, path, err);
}

/* Delete a root recorded at or below r->gone; *(bool *)found says
 * whether there was one. */
static zc_status
delete_gone_root(run *r, zc_wdb *w, const char *key, void *found,
    zc_error *err)
{
	if (!walk_inside(key + strlen(ZC_META_ROOT), r->gone))
		return ZC_OK;
	*(bool *)found = true;
	return zc_wdb_set_metadata(w, key, NULL, 0, err);
}

/* Each path named that no longer exists loses what the index holds at
 * or below it: its files' documents and states (counted as removed) and
 * the roots recorded there, so that --status stops listing them.  A
 * path the index holds nothing of is an error, as it always was. */
static zc_status
remove_gone(run *r, zc_wdb *w, zc_error *err)
{
	zc_status st = ZC_OK;

	for (size_t i = 0; i < r->files->n_gone && st == ZC_OK; i++) {
		const struct walk_gone *g = &r->files->gone[i];
		unsigned long before = r->removed;
		zc_buf prefix = {0};
		bool had_root = false;

		r->gone = g->path;
		zc_buf_printf(&prefix, "%s%s", ZC_META_FILE, g->path);
		st = each_state(r, w, prefix.data, remove_if_gone, err);
		zc_buf_reset(&prefix);
		zc_buf_printf(&prefix, "%s%s", ZC_META_ROOT, g->path);
		if (st == ZC_OK)
			st = each_key(r, w, prefix.data, delete_gone_root,
			    &had_root, err);
		zc_buf_free(&prefix);
		if (st == ZC_OK && r->removed == before && !had_root &&
		    (r->opts->keep == NULL ||
		    r->opts->keep(g->path, r->opts->keep_ctx))) {
			zc_warn("%s: %s", g->typed, strerror(ENOENT));
			r->files->errors++;
		}
	}
	r->gone = NULL;
	return st;
}

/* ---- schema ----------------------------------------------------------- */

static bool
note_key(void *ctx, const char *s, size_t len)
{
	(void)s;
	(void)len;
	*(bool *)ctx = true;
	return false;
}

/* Before anything is written: an older schema, or none in a database
 * that holds files (written before the key existed), makes this run
 * re-read every file; a newer or unknown one is refused (ZC_EINVAL),
 * since writing our older documents into it would downgrade it behind
 * its own zcindex's back.  --rebuild never gets here: it keeps nothing
 * of the old database. */
static zc_status
check_schema(run *r, zc_wdb *w, zc_error *err)
{
	unsigned long have = 0;
	int cmp = 0;
	bool has_files = false;
	char *v = NULL;
	size_t len = 0;
	zc_status st = zc_wdb_get_metadata(w, ZC_META_VERSION, &v, &len, err);

	if (st != ZC_OK) {
		/* nothing to decide */
	} else if (v == NULL) {
		st = zc_wdb_metadata_keys(w, ZC_META_FILE, note_key,
		    &has_files, err);
		r->reread = st == ZC_OK && has_files;
		if (r->reread && !r->opts->quiet)
			zc_warn("%s: built by an older zcindex (no schema "
			    "version), re-reading every file",
			    r->opts->db_path);
	} else if (!zc_schema_compare(v, len, &have, &cmp)) {
		st = zc_fail(err, ZC_EINVAL, "unknown schema version "
		    "\"%.*s\", left unchanged", len > 32 ? 32 : (int)len, v);
	} else if (cmp > 0) {
		st = zc_fail(err, ZC_EINVAL, "built by a newer zcindex "
		    "(schema %lu, this one writes %s), left unchanged", have,
		    ZC_SCHEMA_VERSION);
	} else if (cmp < 0) {
		r->reread = true;
		if (!r->opts->quiet)
			zc_warn("%s: built by an older zcindex (schema %lu), "
			    "re-reading every file", r->opts->db_path, have);
	}
	free(v);
	return st;
}

static zc_status
mark_one_outdated(run *r, zc_wdb *w, const char *key, file_state *fs,
    const char *path, zc_error *err)
{
	zc_buf val = {0};
	zc_status st;

	/* a file under a walked root but not walked is removed instead */
	if (!file_listed(r->files, path) && !under_root(r->files, path))
		r->outside++;
	fs->size = STATE_OUTDATED;
	state_encode(fs, path, &val);
	st = zc_wdb_set_metadata(w, key, val.data, val.len, err);
	zc_buf_free(&val);
	return st;
}

/* Mark every stored file outdated, the walked ones too: a walked file
 * that fails to read this time keeps its mark and its old document. */
static zc_status
mark_outdated(run *r, zc_wdb *w, zc_error *err)
{
	zc_status st = each_state(r, w, ZC_META_FILE, mark_one_outdated, err);

	if (st == ZC_OK && r->outside > 0 && !r->opts->quiet)
		zc_warn("%s: %lu files outside the paths given are re-read "
		    "when next indexed", r->opts->db_path, r->outside);
	return st;
}

/* Decide for each file: unchanged by size and mtime (skip without
 * reading), or to be read; after an older schema, every file is read
 * as if new, so that not even an equal hash keeps its old document. */
static zc_status
plan(run *r, zc_wdb *w, zc_error *err)
{
	size_t n = r->files->n;

	r->action = zc_xcalloc(n, sizeof *r->action);
	r->old = zc_xcalloc(n, sizeof *r->old);
	r->has_old = zc_xcalloc(n, sizeof *r->has_old);
	r->todo = zc_xcalloc(n, sizeof *r->todo);
	for (size_t i = 0; i < n; i++) {
		const walk_file *f = &r->files->files[i];
		zc_buf key = {0};
		char *v = NULL;
		size_t len = 0;
		zc_status st;

		if (r->reread) {
			r->action[i] = ACT_INDEX;
			r->todo[r->n_todo++] = i;
			continue;
		}
		state_key(f->path, &key);
		st = zc_wdb_get_metadata(w, key.data, &v, &len, err);
		zc_buf_free(&key);
		if (st != ZC_OK)
			return st;
		r->has_old[i] = v != NULL && state_decode(v, len, &r->old[i],
		    NULL);
		free(v);
		if (r->has_old[i] && r->old[i].size == f->size &&
		    r->old[i].mtime_ns == f->mtime_ns) {
			r->action[i] = ACT_SKIP;
			r->unchanged++;
			if (r->opts->verbose)
				fprintf(stderr, "unchanged %s\n", f->path);
		} else {
			r->action[i] = ACT_INDEX;
			r->todo[r->n_todo++] = i;
		}
	}
	return ZC_OK;
}

/* ---- workers ---------------------------------------------------------- */

typedef struct worker {
	run *r;
	zc_analyzer *analyzer;
	pthread_t thread;
} worker;

/* Wait until the file's slot is free, then hand it the result. */
static void
publish(run *r, size_t todo_index, const slot *result)
{
	slot *s = &r->slots[todo_index % SLOTS];

	pthread_mutex_lock(&r->lock);
	while (s->ready)
		pthread_cond_wait(&r->changed, &r->lock);
	*s = *result;
	s->ready = true;
	pthread_cond_broadcast(&r->changed);
	pthread_mutex_unlock(&r->lock);
}

static void
publish_failure(run *r, size_t t, zc_status st, const char *msg)
{
	slot c = { .status = st };

	snprintf(c.msg, sizeof c.msg, "%s", msg);
	publish(r, t, &c);
}

static void
process_file(worker *wk, size_t t)
{
	run *r = wk->r;
	size_t i = r->todo[t];
	const char *path = r->files->files[i].path;
	zc_error err = {0};
	struct stat sb;
	zc_buf bytes = {0};
	zc_doc doc = {0};
	file_state fs;
	zc_status st;

	st = zc_pipeline_read(path, &bytes, &sb, &err);
	if (st != ZC_OK) {
		publish_failure(r, t, st, err.msg);
		return;
	}
	fs.size = (int64_t)bytes.len;
	fs.mtime_ns = (int64_t)sb.st_mtim.tv_sec * 1000000000 +
	    sb.st_mtim.tv_nsec;
	fs.hash = zc_hash64(bytes.data, bytes.len);
	if (r->has_old[i] && r->old[i].hash == fs.hash &&
	    r->old[i].size == fs.size) {
		slot c = { .touched = true };
		zc_buf_free(&bytes);
		fs.passages = r->old[i].passages;
		c.state = fs;
		publish(r, t, &c);
		return;
	}
	st = zc_pipeline_load_bytes(path, bytes.data, bytes.len, &doc, &err);
	zc_buf_free(&bytes);
	if (st != ZC_OK) {
		zc_doc_free(&doc);
		publish_failure(r, t, st, err.msg);
		return;
	}
	free(doc.path);
	doc.path = zc_xstrdup(path);
	fs.passages = (unsigned)doc.n_passages;
	{
		slot c = { .state = fs, .doc = zc_xdoc_new() };

		if (!r->opts->no_copies)
			zc_copies_sign(&doc, &c.sig);
		c.status = zc_indexdoc_build(wk->analyzer, &doc, &c.sig, c.doc,
		    &err);
		if (c.status != ZC_OK) {
			snprintf(c.msg, sizeof c.msg, "%s", err.msg);
			zc_xdoc_free(c.doc);
			c.doc = NULL;
		}
		publish(r, t, &c);
	}
	zc_doc_free(&doc);
}

static void *
worker_main(void *arg)
{
	worker *wk = arg;
	run *r = wk->r;

	/* named for top(1) and perf(1): the writer keeps "zcindex" */
	pthread_setname_np(pthread_self(), "zcindex-worker");
	for (;;) {
		size_t t;

		pthread_mutex_lock(&r->lock);
		while (r->next_claim < r->n_todo &&
		    r->next_claim >= r->written + SLOTS)
			pthread_cond_wait(&r->changed, &r->lock);
		t = r->next_claim;
		if (t < r->n_todo)
			r->next_claim++;
		pthread_mutex_unlock(&r->lock);
		if (t >= r->n_todo)
			return NULL;
		process_file(wk, t);
	}
}

/* ---- writer ----------------------------------------------------------- */

static void
take_result(run *r, size_t t, slot *out)
{
	slot *s = &r->slots[t % SLOTS];

	pthread_mutex_lock(&r->lock);
	while (!s->ready)
		pthread_cond_wait(&r->changed, &r->lock);
	*out = *s;
	memset(s, 0, sizeof *s);
	pthread_cond_broadcast(&r->changed);
	pthread_mutex_unlock(&r->lock);
}

static void
show_progress(run *r, bool final)
{
	double el = seconds_since(&r->start);
	double mbs = el > 0 ? r->bytes / 1e6 / el : 0;
	size_t done = r->written;
	double eta = done > 0 ? el * (double)(r->n_todo - done) / (double)done
	    : 0;

	if (!r->opts->progress)
		return;
	if (!final && el - r->last_progress < 0.2)
		return;
	r->last_progress = el;
	fprintf(stderr, "\r\033[K%zu/%zu files  %.1f MB/s  %.0fs elapsed"
	    "  ETA %.0fs", done, r->n_todo, mbs, el, eta);
	if (final)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

static zc_status
write_state(zc_wdb *w, const char *path, const file_state *fs,
    zc_error *err)
{
	zc_buf key = {0}, val = {0};
	zc_status st;

	state_key(path, &key);
	state_encode(fs, path, &val);
	st = zc_wdb_set_metadata(w, key.data, val.data, val.len, err);
	zc_buf_free(&key);
	zc_buf_free(&val);
	return st;
}

static zc_status
commit_batch(zc_wdb *w, bool reopen_group, zc_error *err)
{
	char now[32];
	int n = snprintf(now, sizeof now, "%lld", (long long)time(NULL));
	zc_status st = zc_wdb_set_metadata(w, ZC_META_UPDATED, now,
	    (size_t)n, err);

	if (st == ZC_OK)
		st = zc_wdb_end(w, err);
	if (st == ZC_OK)
		st = zc_wdb_commit(w, err);
	if (st == ZC_OK && reopen_group)
		st = zc_wdb_begin(w, err);
	return st;
}

/* Write file t; a Xapian failure here is fatal for the run (returned),
 * a failure of the file itself is reported and counted. */
static void
count_file(run *r, const walk_file *f, const slot *c)
{
	if (c->touched) {
		r->unchanged++;
		if (r->opts->verbose)
			fprintf(stderr, "unchanged %s (touched)\n", f->path);
	} else {
		r->indexed++;
		r->passages += c->state.passages;
		if (r->opts->verbose)
			fprintf(stderr, "indexed %s (%u passages)\n", f->path,
			    c->state.passages);
	}
}

static zc_status
write_file(run *r, zc_wdb *w, size_t t, zc_error *err)
{
	const walk_file *f = &r->files->files[r->todo[t]];
	zc_buf id = {0};
	zc_status st = ZC_OK;
	slot c;

	take_result(r, t, &c);
	if (c.status != ZC_OK) {
		zc_warn("%s: %s", f->path, c.msg);
		r->failed++;
	} else {
		if (!c.touched) {
			zc_fieldterm_file_id(f->path, &id);
			st = zc_copies_join(w, id.data, &c.sig, c.doc,
			    &r->copies, err);
			if (st == ZC_OK && r->opts->defer_groups &&
			    c.sig.valid)
				st = zc_copies_mark_pending(w, id.data,
				    f->path, err);
			if (st == ZC_OK)
				st = zc_wdb_replace(w, id.data, c.doc, NULL,
				    err);
		}
		if (st == ZC_OK)
			st = write_state(w, f->path, &c.state, err);
		if (st == ZC_OK)
			count_file(r, f, &c);
	}
	zc_xdoc_free(c.doc);
	zc_buf_free(&id);
	r->bytes += (double)f->size;
	return st;
}

static zc_status
write_all(run *r, zc_wdb *w, zc_error *err)
{
	size_t since_files = 0;
	double since_bytes = 0;
	zc_status st = zc_wdb_begin(w, err);

	for (size_t t = 0; t < r->n_todo && st == ZC_OK; t++) {
		double before = r->bytes;

		st = write_file(r, w, t, err);
		pthread_mutex_lock(&r->lock);
		r->written = t + 1;
		pthread_cond_broadcast(&r->changed);
		pthread_mutex_unlock(&r->lock);
		since_files++;
		since_bytes += r->bytes - before;
		if (st == ZC_OK && (since_files >= r->opts->commit_files ||
		    since_bytes >= (double)r->opts->commit_bytes)) {
			st = commit_batch(w, true, err);
			since_files = 0;
			since_bytes = 0;
		}
		show_progress(r, false);
	}
	if (st == ZC_OK)
		st = commit_batch(w, false, err);
	show_progress(r, true);
	return st;
}

/* Stop the workers after a fatal writer error: let every claim fail
 * fast by consuming whatever they publish. */
static void
drain(run *r)
{
	pthread_mutex_lock(&r->lock);
	r->n_todo = r->next_claim; /* no further claims */
	pthread_mutex_unlock(&r->lock);
	for (size_t t = r->written; t < r->n_todo; t++) {
		slot c;

		take_result(r, t, &c);
		zc_xdoc_free(c.doc);
		pthread_mutex_lock(&r->lock);
		r->written = t + 1;
		pthread_cond_broadcast(&r->changed);
		pthread_mutex_unlock(&r->lock);
	}
}

/* In the group of mark_outdated (file comment): the new version is
 * committed with the marks or not at all. */
static zc_status
record_roots(run *r, zc_wdb *w, zc_error *err)
{
	zc_status st = zc_wdb_set_metadata(w, ZC_META_VERSION,
	    ZC_SCHEMA_VERSION, strlen(ZC_SCHEMA_VERSION), err);

	for (size_t i = 0; i < r->files->n_roots && st == ZC_OK; i++) {
		zc_buf key = {0};
		zc_buf_printf(&key, "%s%s", ZC_META_ROOT, r->files->roots[i]);
		st = zc_wdb_set_metadata(w, key.data, "1", 1, err);
		zc_buf_free(&key);
	}
	return st;
}

static zc_status
run_workers(run *r, zc_wdb *w, zc_error *err)
{
	worker *wk = zc_xcalloc(r->opts->jobs, sizeof *wk);
	unsigned started = 0;
	zc_status st = ZC_OK;

	for (unsigned j = 0; j < r->opts->jobs && st == ZC_OK; j++) {
		wk[j].r = r;
		st = zc_analyzer_new(r->opts->lexicon, &wk[j].analyzer, err);
		if (st == ZC_OK && pthread_create(&wk[j].thread, NULL,
		    worker_main, &wk[j]) != 0)
			st = zc_fail(err, ZC_ENOMEM, "cannot start a thread");
		if (st == ZC_OK)
			started++;
	}
	if (st == ZC_OK)
		st = write_all(r, w, err);
	if (st != ZC_OK)
		drain(r);
	for (unsigned j = 0; j < started; j++)
		pthread_join(wk[j].thread, NULL);
	for (unsigned j = 0; j < r->opts->jobs; j++)
		zc_analyzer_free(wk[j].analyzer);
	free(wk);
	return st;
}

/* Compact when this run rewrote a tenth of the documents or more: Xapian
 * leaves a database built by many commits at about 1.6 times its size
 * compacted (136 → 102 MB on the laws), and compacting it takes about
 * a second per 150 MB; a run that changed a few files is not worth
 * that.  A failure is only said: the run's changes are committed. */
static void
compact_if_worth(const run *r, zc_wdb *w)
{
	zc_error err = {0};
	unsigned long docs = 0, changed = r->indexed + r->removed;

	if (changed == 0 || zc_wdb_doc_count(w, &docs, &err) != ZC_OK ||
	    changed * 10 < docs)
		return;
	if (zc_wdb_compact(w, &err) != ZC_OK)
		zc_warn("%s: cannot compact: %s", r->opts->db_path, err.msg);
}

void
run_print_summary(const run_totals *t, double seconds)
{
	fprintf(stderr, "%s: indexed %lu, unchanged %lu, removed %lu, "
	    "failed %lu; %lu passages, %.1f MB in %.1f s", zc_progname(),
	    t->indexed, t->unchanged, t->removed, t->failed, t->passages,
	    t->bytes / 1e6, seconds);
	if (t->copies_joined > 0)
		fprintf(stderr, "; %lu copies of texts indexed before",
		    t->copies_joined);
	fputc('\n', stderr);
}

static run_totals
totals_of(const run *r)
{
	run_totals t = { r->indexed, r->unchanged, r->removed, r->failed,
	    r->passages, r->copies.joined, r->bytes };

	return t;
}

/* Drop from the walk the files that are not this run's (opts->keep). */
static void
keep_own_files(const run_opts *opts, walk_list *files)
{
	size_t kept = 0;

	if (opts->keep == NULL)
		return;
	for (size_t i = 0; i < files->n; i++) {
		if (opts->keep(files->files[i].path, opts->keep_ctx))
			files->files[kept++] = files->files[i];
		else
			free(files->files[i].path);
	}
	files->n = kept;
}

int
run_index(const run_opts *opts, walk_list *files)
{
	run r = { .opts = opts, .files = files };
	zc_error err = {0};
	zc_wdb *w = NULL;
	run_totals t;
	zc_status st;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &r.start);
	keep_own_files(opts, files);
	st = zc_wdb_open(opts->db_path, ZC_WDB_CREATE |
	    (opts->rebuild ? ZC_WDB_OVERWRITE : 0), &w, &err);
	if (st == ZC_ELOCKED) {
		zc_warn("%s: locked by another zcindex", opts->db_path);
		return 2;
	}
	if (st != ZC_OK) {
		zc_warn("%s: cannot open for writing: %s", opts->db_path,
		    err.msg);
		return 2;
	}
	if (!opts->rebuild && check_schema(&r, w, &err) != ZC_OK) {
		zc_warn("%s: %s", opts->db_path, err.msg);
		zc_wdb_abandon(w);
		return 2;
	}
	pthread_mutex_init(&r.lock, NULL);
	pthread_cond_init(&r.changed, NULL);
	st = plan(&r, w, &err);
	if (st == ZC_OK)
		st = zc_wdb_begin(w, &err);
	if (st == ZC_OK && r.reread)
		st = mark_outdated(&r, w, &err);
	if (st == ZC_OK)
		st = remove_vanished(&r, w, &err);
	if (st == ZC_OK)
		st = remove_gone(&r, w, &err);
	if (st == ZC_OK)
		st = record_roots(&r, w, &err);
	if (st == ZC_OK)
		st = zc_wdb_end(w, &err);
	if (st == ZC_OK)
		st = run_workers(&r, w, &err);
	if (st == ZC_OK)
		st = zc_wdb_commit(w, &err);
	if (st == ZC_OK)
		compact_if_worth(&r, w);
	if (st == ZC_OK) {
		st = zc_wdb_close(w, &err);
		w = NULL;
	}
	if (st != ZC_OK) {
		zc_warn("%s: %s", opts->db_path, err.msg);
		zc_wdb_abandon(w);
		rc = 2;
	} else {
		rc = r.failed > 0 || files->errors > 0 ? 1 : 0;
	}
	r.failed += files->errors;
	t = totals_of(&r);
	if (opts->totals != NULL)
		*opts->totals = t;
	if (!opts->quiet)
		run_print_summary(&t, seconds_since(&r.start));
	pthread_mutex_destroy(&r.lock);
	pthread_cond_destroy(&r.changed);
	free(r.action);
	free(r.old);
	free(r.has_old);
	free(r.todo);
	return rc;
}
