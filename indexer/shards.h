/*
 * shards.h — an index of several shards: --db DIR holds shard-1 ...
 * shard-N, each a database of its own written by its own zcindex
 * process (run.h), and DIR/XAPIANDB, Xapian's stub file, which lists
 * them ("auto shard-1" ...), so that zcsearch, xapian-tcpsrv and
 * xapian-compact open DIR as one database.
 *
 * A file belongs to one shard for good: shard_of hashes its absolute
 * path, so a re-run finds each file where it left it, a removed file's
 * shard removes it, and a renamed one moves (the old path's shard
 * removes it, the new one's indexes it).
 */
#ifndef ZCINDEX_SHARDS_H
#define ZCINDEX_SHARDS_H

#include <stdbool.h>

#include "run.h"
#include "walk.h"
#include "zc_util.h"

#define SHARDS_MAX 64

/* The folder of shard k (1-based) of the database db, into out. */
void shards_path(const char *db, unsigned k, zc_buf *out);

/* The shard (1..n) of an absolute path. */
unsigned shard_of(const char *path, unsigned n);

/* How many shards the database folder db lists in its stub (*n), 0 when
 * it is not sharded (no database yet, or one database).  false after
 * saying why when the stub lists something zcindex did not write. */
bool shards_count(const char *db, unsigned *n);

/* Index files into the n shards of opts->db_path in n processes at once
 * (opts->jobs workers between them), then write the stub; one summary
 * for them all.  Returns the exit status, as run_index does. */
int run_sharded(const run_opts *opts, walk_list *files, unsigned n);

/* zcindex --compact OUT: the database (its shards) at db merged into
 * the new database folder out; the exit status. */
int shards_merge(const char *db, const char *out);

#endif
