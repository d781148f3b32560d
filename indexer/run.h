/*
 * run.h — one index run: plan (compare the walk with the stored state),
 * remove what disappeared, then N workers read → pipeline → terms while
 * the calling thread writes to Xapian in file order, committing in
 * batches.  A file's document and its state go into the same commit, so
 * a search never sees half a file and a killed run resumes cleanly.
 */
#ifndef ZCINDEX_RUN_H
#define ZCINDEX_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "walk.h"

/* What a run did, as its summary line says it. */
typedef struct run_totals {
	unsigned long indexed, unchanged, removed, failed, passages;
	unsigned long copies_joined; /* copies of texts indexed before */
	double bytes;
} run_totals;

typedef struct run_opts {
	const char *db_path;
	const char *lexicon;   /* user's extra lexicon or NULL */
	bool rebuild;          /* start from an empty database */
	unsigned jobs;         /* worker threads, >= 1 */
	bool quiet;            /* no progress, no summary */
	bool verbose;          /* one line per file */
	bool progress;         /* stderr is a terminal and not quiet */
	size_t commit_files;   /* commit after this many files ... */
	size_t commit_bytes;   /* ... or this many bytes read */
	bool no_copies;        /* do not sign documents nor group copies */
	bool defer_groups;     /* a shard's: mark files to be grouped again,
	                          across shards (zc_copies_mark_pending) */
	/* Each file of the walk is this run's when keep(path, ctx) says
	 * so (a shard's), every file when keep is NULL; a path named that
	 * no longer exists and that the database holds nothing of is an
	 * error only in the run that would keep it. */
	bool (*keep)(const char *path, void *ctx);
	void *keep_ctx;
	run_totals *totals;    /* filled at the end when not NULL */
} run_opts;

/* "zcindex: indexed N, unchanged N, ...; N passages, N MB in N s". */
void run_print_summary(const run_totals *t, double seconds);

/* Index files (sorted, from walk_finish) into the database; returns the
 * exit status: 0 all indexed, 1 some failed, 2 nothing could be done. */
int run_index(const run_opts *opts, walk_list *files);

#endif
