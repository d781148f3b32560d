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
} run_opts;

/* Index files (sorted, from walk_finish) into the database; returns the
 * exit status: 0 all indexed, 1 some failed, 2 nothing could be done. */
int run_index(const run_opts *opts, walk_list *files);

#endif
