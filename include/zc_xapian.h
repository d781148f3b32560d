/*
 * zc_xapian.h — the C API over Xapian, implemented in lib/xapian/xapian.cc, the
 * only C++ file of the project.
 *
 * It knows Xapian, not policy documents: term prefixes, value slots and
 * metadata keys are chosen in zc_schema.h.  Every call returns a status
 * and fills a caller-owned zc_error; no C++ exception ever reaches C and
 * the wrapper never prints.  Statuses: ZC_OK; ZC_ENOENT (no database
 * there); ZC_ELOCKED (another writer holds the lock); ZC_EMODIFIED (a
 * reader's revision was overwritten: reopen with zc_db_reopen and retry
 * the whole search); ZC_ETOOBIG (a wildcard expands to more terms than
 * its limit); ZC_ENOMEM; ZC_EINVAL (bad argument; for the _open
 * calls, a path that is not a directory); ZC_EACCES (the database's
 * folder may not be read, or for writing changed); ZC_ENET (a remote
 * database cannot be reached or stopped answering); ZC_EXAPIAN
 * (anything else, with Xapian's own message and the system's reason,
 * never a Xapian class name).
 *
 * Ownership: _open/_new hand you an object, _close/_free take it back and
 * accept NULL.  On failure *out is left NULL.  Strings returned through
 * `char **out` are malloc'd and yours to free().
 */
#ifndef ZC_XAPIAN_H
#define ZC_XAPIAN_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_util.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned zc_docid; /* Xapian document id, 1-based; 0 = none */

typedef struct zc_db zc_db;       /* a database (or several) for reading */
typedef struct zc_wdb zc_wdb;     /* a database for writing */
typedef struct zc_xdoc zc_xdoc;   /* a document being built */
typedef struct zc_query zc_query; /* an immutable query tree */
typedef struct zc_mset zc_mset;   /* the result set of one search */

/* ---- reading ---------------------------------------------------------- */

/* How zc_db_add opens databases. */
typedef struct zc_db_open_opts {
	/* a remote database's time to connect, and to answer each request,
	 * in milliseconds (0: 10 s) */
	unsigned timeout_ms;
	/* NULL: a database that cannot be opened fails zc_db_add (and one
	 * that stops answering, zc_db_recover).  Else it is left out and
	 * reported here, by its location and why, and the others are
	 * searched. */
	void (*skipped)(void *ctx, const char *where, const char *why);
	void *ctx;
} zc_db_open_opts;

/* An empty set of databases, to be filled by zc_db_add; opts (NULL for
 * the defaults) is copied. */
zc_db *zc_db_new(const zc_db_open_opts *opts);
/* Add the database or databases at where: searches cover all of them and
 * results equal those of one database holding everything.  where is a
 * database folder (zcindex's or a glass one); a folder whose stub, or a
 * file that is a stub, lists databases as Xapian's stub files do (auto
 * PATH, glass PATH relative to the stub; remote HOST:PORT; remote
 * :PROGRAM ARGS); tcp://HOST:PORT, a database served by xapian-tcpsrv;
 * or ssh://[USER@]HOST/PATH, one that xapian-progsrv serves through ssh
 * (BatchMode: no password prompt).  ZC_ENOENT when a folder holds no
 * database, ZC_ENET when a remote one cannot be reached ("connection
 * refused", "timed out"); a failing part of a stub is named first in
 * err ("tcp://h:1: connection refused"). */
zc_status zc_db_add(zc_db *db, const char *where, zc_error *err);
/* zc_db_new and zc_db_add of one location, for a caller without
 * options. */
zc_status zc_db_open(const char *where, zc_db **out, zc_error *err);
/* Merge every database of db into a new zcindex database folder out:
 * the documents copied in order (renumbered), the metadata of the first
 * database where two have the same key, then compacted into its first
 * generation and named by its stub.  ZC_EINVAL when out exists or a
 * database of db is remote. */
zc_status zc_db_merge(zc_db *db, const char *out, zc_error *err);
/* How many databases db searches. */
size_t zc_db_parts(const zc_db *db);
/* After ZC_ENET from a search: open every database of db again.  With
 * opts.skipped, those that cannot be reached are reported and left out
 * (ZC_OK: search again, unless none is left); without, ZC_ENET names
 * the first ("tcp://h:1: connection closed"). */
zc_status zc_db_recover(zc_db *db, zc_error *err);
/* Bring db up to its latest committed revision (after ZC_EMODIFIED),
 * in its current generation (xapian.cc). */
zc_status zc_db_reopen(zc_db *db, zc_error *err);
/* ZC_EMODIFIED if a database of db was compacted since it was opened:
 * what a search read may be missing, search again after zc_db_reopen. */
zc_status zc_db_verify(zc_db *db, zc_error *err);
void zc_db_close(zc_db *db);

typedef struct zc_db_stats {
	unsigned long doc_count;   /* documents (passages) */
	unsigned long term_count;  /* distinct terms (first shard) */
	zc_docid last_docid;
	double avg_length;
} zc_db_stats;
zc_status zc_db_get_stats(zc_db *db, zc_db_stats *out, zc_error *err);

/* Whether a writer (another zcindex) holds the database's lock now. */
zc_status zc_db_locked(zc_db *db, bool *out, zc_error *err);

/* Number of documents that contain term (0 when none). */
zc_status zc_db_term_freq(zc_db *db, const char *term, size_t term_len,
    unsigned long *out, zc_error *err);

/* Metadata value stored under key; *out = NULL (and ZC_OK) when absent. */
zc_status zc_db_get_metadata(zc_db *db, const char *key, char **out,
    size_t *out_len, zc_error *err);

/* Called once per item; return false to stop early. */
typedef bool (*zc_string_cb)(void *ctx, const char *s, size_t len);
/* Every metadata key starting with prefix, in sorted order. */
zc_status zc_db_metadata_keys(zc_db *db, const char *prefix,
    zc_string_cb cb, void *ctx, zc_error *err);
/* Every term of the database starting with prefix, in sorted order. */
zc_status zc_db_all_terms(zc_db *db, const char *prefix, zc_string_cb cb,
    void *ctx, zc_error *err);

/* ---- writing ---------------------------------------------------------- */

enum {
	ZC_WDB_CREATE = 1,    /* create if missing (else ZC_ENOENT) */
	ZC_WDB_OVERWRITE = 2  /* start from an empty database */
};
/* Open for writing; takes Xapian's lock (ZC_ELOCKED if held).  Changes
 * become visible to readers only at zc_wdb_commit. */
zc_status zc_wdb_open(const char *path, int flags, zc_wdb **out,
    zc_error *err);
/* Commit pending changes, release the lock and free wdb.  The status is
 * the commit's: Xapian's destructor would swallow its failure. */
zc_status zc_wdb_close(zc_wdb *wdb, zc_error *err);
/* Write the committed database anew, compacted, as its next generation,
 * make that current and remove the old one (xapian.cc): readers switch
 * at once.  Only zc_wdb_close or zc_wdb_abandon may follow.  On failure
 * the database stays as committed and open. */
zc_status zc_wdb_compact(zc_wdb *wdb, zc_error *err);
/* Close after a failure, reporting nothing.  As Xapian's close() does:
 * with a group open (zc_wdb_begin) the group is dropped, and so is every
 * change since the last commit (the group is unflushed); with none open,
 * pending changes are committed.  NULL is fine. */
void zc_wdb_abandon(zc_wdb *wdb);

/* Add doc, or replace every document indexed by the unique id term. */
zc_status zc_wdb_replace(zc_wdb *wdb, const char *id_term,
    const zc_xdoc *doc, zc_docid *out_id, zc_error *err);
/* Document id as stored (pending changes included), to change and
 * write back with zc_wdb_replace_id; free it with zc_xdoc_free. */
zc_status zc_wdb_doc(zc_wdb *wdb, zc_docid id, zc_xdoc **out,
    zc_error *err);
/* Write doc as document id (Xapian rewrites only what changed in a
 * document it read). */
zc_status zc_wdb_replace_id(zc_wdb *wdb, zc_docid id, const zc_xdoc *doc,
    zc_error *err);
/* Delete every document indexed by term. */
zc_status zc_wdb_delete_term(zc_wdb *wdb, const char *term, zc_error *err);
/* A value of len 0 deletes the key. */
zc_status zc_wdb_set_metadata(zc_wdb *wdb, const char *key,
    const char *value, size_t len, zc_error *err);
zc_status zc_wdb_get_metadata(zc_wdb *wdb, const char *key, char **out,
    size_t *out_len, zc_error *err);
zc_status zc_wdb_metadata_keys(zc_wdb *wdb, const char *prefix,
    zc_string_cb cb, void *ctx, zc_error *err);
zc_status zc_wdb_doc_count(zc_wdb *wdb, unsigned long *out, zc_error *err);
/* The first max documents indexed by term, ascending, into a malloc'd
 * *out of *n (NULL and 0 when none), and how many there are in all in
 * *freq.  Pending changes count. */
zc_status zc_wdb_term_docs(zc_wdb *wdb, const char *term, size_t len,
    size_t max, zc_docid **out, size_t *n, unsigned long *freq,
    zc_error *err);
/* The value of document id, one zc_wdb_term_docs listed, in slot (*out
 * NULL when it has none). */
zc_status zc_wdb_value(zc_wdb *wdb, zc_docid id, unsigned slot, char **out,
    size_t *out_len, zc_error *err);

/* Make every change so far durable and visible, atomically. */
zc_status zc_wdb_commit(zc_wdb *wdb, zc_error *err);
/* A group of changes that becomes visible all or nothing (unflushed:
 * the group is committed by the next zc_wdb_commit). */
zc_status zc_wdb_begin(zc_wdb *wdb, zc_error *err);
zc_status zc_wdb_end(zc_wdb *wdb, zc_error *err);    /* keep the group */
zc_status zc_wdb_cancel(zc_wdb *wdb, zc_error *err); /* drop the group */

/* ---- documents -------------------------------------------------------- */

zc_xdoc *zc_xdoc_new(void); /* never NULL (exits on out of memory) */
void zc_xdoc_free(zc_xdoc *doc);
/* Term at a position (1-based positions; wdf_inc usually 1). */
zc_status zc_xdoc_add_posting(zc_xdoc *doc, const char *term, size_t len,
    unsigned pos, unsigned wdf_inc, zc_error *err);
/* Term without a position. */
zc_status zc_xdoc_add_term(zc_xdoc *doc, const char *term, size_t len,
    unsigned wdf_inc, zc_error *err);
/* Term that filters but does not count in the document length (wdf 0). */
zc_status zc_xdoc_add_boolean_term(zc_xdoc *doc, const char *term,
    size_t len, zc_error *err);
/* Remove a term the document has (ZC_EINVAL when it has not). */
zc_status zc_xdoc_remove_term(zc_xdoc *doc, const char *term, size_t len,
    zc_error *err);
zc_status zc_xdoc_set_value(zc_xdoc *doc, unsigned slot, const char *v,
    size_t len, zc_error *err);
zc_status zc_xdoc_set_data(zc_xdoc *doc, const char *data, size_t len,
    zc_error *err);
/* Forget everything added so far, so the object can be reused. */
void zc_xdoc_clear(zc_xdoc *doc);

/* ---- queries ---------------------------------------------------------- */

typedef enum zc_qop {
	ZC_Q_AND,
	ZC_Q_OR,
	ZC_Q_AND_NOT,   /* first minus the others */
	ZC_Q_AND_MAYBE, /* first, weighted by the others too */
	ZC_Q_FILTER,    /* first, restricted by the others, no weight */
	ZC_Q_PHRASE,    /* in order, within window positions (0 = exact) */
	/* The same matches and weights as ZC_Q_PHRASE, built as the AND of
	 * the terms with the phrase as a weightless condition: cheaper on
	 * the right of AND_MAYBE when the terms are rare (xapian.cc). */
	ZC_Q_PHRASE_AND,
	ZC_Q_NEAR,      /* any order, within window positions */
	ZC_Q_SYNONYM    /* OR, weighted as one term */
} zc_qop;

/* All constructors hand out a new query owned by the caller; the
 * combinators copy their arguments (free yours when done). */
zc_status zc_query_term(const char *term, size_t len, unsigned wqf,
    unsigned pos, zc_query **out, zc_error *err);
zc_status zc_query_combine(zc_qop op, zc_query *const *subs, size_t n,
    unsigned window, zc_query **out, zc_error *err);
/* Documents whose value in slot lies in [lo, hi] (byte order); NULL for
 * an open end. */
zc_status zc_query_value_range(unsigned slot, const char *lo,
    const char *hi, zc_query **out, zc_error *err);
/* Multiply the weight of q by factor (0 makes it a pure filter). */
zc_status zc_query_scale(const zc_query *q, double factor, zc_query **out,
    zc_error *err);
/* OR of every term starting with prefix, at most max_expansion terms
 * (0 = no limit; beyond the limit ZC_ETOOBIG at search time). */
zc_status zc_query_wildcard(const char *prefix, unsigned max_expansion,
    zc_query **out, zc_error *err);
zc_status zc_query_match_all(zc_query **out, zc_error *err);
zc_status zc_query_match_nothing(zc_query **out, zc_error *err);
/* Xapian's description of q (for tests); malloc'd. */
char *zc_query_describe(const zc_query *q);
void zc_query_free(zc_query *q);

/* ---- searching -------------------------------------------------------- */

typedef struct zc_search_opts {
	unsigned offset;        /* first hit to return, 0-based */
	unsigned limit;         /* hits to return */
	int collapse_slot;      /* -1: none; else keep collapse_max per key */
	unsigned collapse_max;
	int sort_slot;          /* -1: relevance; else by this value */
	bool sort_descending;   /* with sort_slot */
	unsigned check_at_least;/* make counts exact up to this many */
} zc_search_opts;
#define ZC_SEARCH_OPTS_INIT { 0, 10, -1, 1, -1, false, 0 }

zc_status zc_db_search(zc_db *db, const zc_query *q,
    const zc_search_opts *opts, zc_mset **out, zc_error *err);
size_t zc_mset_size(const zc_mset *ms);
/* Estimated number of matches (after collapsing); exact when
 * check_at_least covers them. */
unsigned long zc_mset_matches_estimated(const zc_mset *ms);
zc_docid zc_mset_docid(const zc_mset *ms, size_t i);
double zc_mset_weight(const zc_mset *ms, size_t i);
/* Document data of hit i; may fail with ZC_EMODIFIED. */
zc_status zc_mset_data(const zc_mset *ms, size_t i, char **out,
    size_t *out_len, zc_error *err);
zc_status zc_mset_value(const zc_mset *ms, size_t i, unsigned slot,
    char **out, size_t *out_len, zc_error *err);
/* Positions of term in hit i's document, ascending; *out malloc'd. */
zc_status zc_mset_positions(const zc_mset *ms, size_t i, const char *term,
    size_t term_len, unsigned **out, size_t *n, zc_error *err);
void zc_mset_free(zc_mset *ms);

/* A value of a slot and the number of matching documents that hold it. */
typedef struct zc_value_count {
	char *value;        /* malloc'd, NUL-terminated */
	size_t len;
	unsigned long count;
} zc_value_count;

/* Count, over every document q matches (exactly: the match is run to
 * its end), the values each of slots[0..n_slots) holds: out[k] gets a
 * malloc'd array of n_out[k] entries in no order (free each with
 * zc_value_counts_free).  Documents without a value in a slot are not
 * counted for it.  On failure every out[k] is NULL. */
zc_status zc_db_count_values(zc_db *db, const zc_query *q,
    const unsigned *slots, size_t n_slots, zc_value_count **out,
    size_t *n_out, zc_error *err);
void zc_value_counts_free(zc_value_count *counts, size_t n);

#ifdef __cplusplus
}
#endif
#endif
