/*
 * zc_copies.h — reposted copies: documents whose cleaned text is the
 * same or nearly the same (another site's chrome, a title suffix, a
 * forwarding preamble such as 现将《…》转发给你们, a paragraph changed)
 * form a group, and a result list shows one document per group
 * (zc_search.h).
 *
 * A document's signature is a MinHash of its text: the minimums of
 * ZC_COPIES_HASHES bins over the set of its shingles (ZC_COPIES_SHINGLE
 * characters in a row, letters, digits and Han only, width and case
 * folded, Traditional folded to Simplified), one-permutation hashing
 * (copies.c).  The share of equal minimums of two signatures estimates
 * the Jaccard similarity of their shingle sets.  Two documents are copies when it is at least
 * ZC_COPIES_SAME / ZC_COPIES_HASHES.
 *
 * Why not a 64-bit simhash: on the hand-made reposts of tests/data/
 * copies, a changed paragraph puts 13 bits between the two simhashes
 * (and a forwarding preamble 8), while bands of a simhash find for sure
 * only what lies within 3 bits (4 bands of 16).  The MinHash estimates
 * Jaccard instead, 0.84 to 0.96 on the reposts and at most 0.24 between
 * two notices that share their salutation, contacts and 落款.
 *
 * Finding the candidates is cheap at any size: the signature is cut
 * into ZC_COPIES_BANDS bands of ZC_COPIES_ROWS minimums, each band
 * hashed into one boolean term (ZC_PREFIX_COPY_BAND, zc_schema.h).  Two
 * documents of Jaccard J share at least one band with probability
 * 1 - (1 - J^rows)^bands: 0.95 at 0.7, 0.998 at 0.8.  A new document
 * reads only the documents that share one of its band terms, confirms
 * each by its signature (a value), its date and its title, and joins
 * the group of the most similar; with none, it starts a group.  Groups never merge: a
 * document joins one group, the one it resembles most.
 *
 * The indexer's workers sign documents (zc_copies_sign, pure); its
 * writer, which alone reads the database, places them in groups
 * (zc_copies_join), in the order files are written, so the groups do
 * not depend on -j.
 */
#ifndef ZC_COPIES_H
#define ZC_COPIES_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zc_doc.h"
#include "zc_util.h"
#include "zc_xapian.h"

#define ZC_COPIES_SHINGLE 5
#define ZC_COPIES_BANDS 16
#define ZC_COPIES_ROWS 5
#define ZC_COPIES_HASHES (ZC_COPIES_BANDS * ZC_COPIES_ROWS)
/* equal minimums (of 80) for two documents to be copies: Jaccard 0.7 */
#define ZC_COPIES_SAME 56
/* Fewer shingles than this and a document is not signed: two pages
 * that hold nothing but a title and 附件下载 are not copies. */
#define ZC_COPIES_MIN_SHINGLES 16
/* Documents read per band term, the first indexed: a bucket this full
 * is a text reposted very often, whose first copies are in its group,
 * or boilerplate that many texts share, whose other documents are not
 * worth reading; either way a new document reads at most 16 × 64.  (One
 * text under more than 64 titles, each a group of its own, can hide the
 * group of a 65th's copy.) */
#define ZC_COPIES_MAX_BUCKET 64

/* Two documents with dates further apart than this are not copies,
 * however alike their texts: a repost comes out within a year of what
 * it copies, and a text adopted again years later is a new version (a
 * law amended in a few articles, a plan renewed), which a reader must
 * not find hidden behind the old one. */
#define ZC_COPIES_MAX_DAYS 366
#define ZC_COPIES_NO_DAY LONG_MIN

/* Two documents whose titles are both known are copies only when one
 * title holds the other (letters, digits and Han compared as in the
 * signature; a forwarding notice's title is the one in its 转发《…》):
 * a repost keeps the title, and may add to it (a site's name), while
 * the regulations of two cities copied from one model (日照市制定地方性
 * 法规条例, 济宁市…), two parallel interpretations (…反倾销…, …反补贴…)
 * and a draft for comments and the document adopted from it are
 * different documents.  Titles are compared up to this many bytes. */
#define ZC_COPIES_TITLE_BYTES 600

typedef struct zc_copysig {
	bool valid;   /* false: too little text to sign */
	long day;     /* the document's date (zc_dates_day_number), or
	               * ZC_COPIES_NO_DAY */
	char title[ZC_COPIES_TITLE_BYTES + 1]; /* compared form; "" none */
	uint32_t min[ZC_COPIES_HASHES];
} zc_copysig;

/* Sign the text of doc's passages, and note its date and title. */
void zc_copies_sign(const zc_doc *doc, zc_copysig *out);

/* Equal minimums of a and b (0 when either is not valid). */
unsigned zc_copies_same(const zc_copysig *a, const zc_copysig *b);

/* The band terms and the signature value of a valid sig, on doc. */
zc_status zc_copies_add_terms(const zc_copysig *sig, zc_xdoc *doc,
    zc_error *err);

/* Length of a group key: 16 hex digits. */
#define ZC_COPIES_GROUP_LEN 16

/* What zc_copies_join did, for the indexer's summary. */
typedef struct zc_copies_stats {
	unsigned long joined;     /* documents that joined a group */
	unsigned long started;    /* documents that started one */
	unsigned long candidates; /* signatures read to confirm */
} zc_copies_stats;

/* Place the document doc (of the file whose id term is file_id, signed
 * sig) in a group of the database being written: the group of the most
 * similar copy already there (the file's own previous document aside),
 * unless a document of that group as alike is dated more than
 * ZC_COPIES_MAX_DAYS from sig's day or has another title; else a new
 * one, keyed by a hash of sig, its day and its title.  Writes the group
 * value and term on doc.  Does nothing for a sig that is not valid. */
zc_status zc_copies_join(zc_wdb *w, const char *file_id,
    const zc_copysig *sig, zc_xdoc *doc, zc_copies_stats *stats,
    zc_error *err);

/* Shards: each is written by a process of its own, which sees only its
 * shard, so a document joins a group of its shard (zc_copies_join) and
 * its file is marked pending, in the same commit (a metadata key,
 * ZC_META_COPY_PENDING: no document is written twice for it).  When
 * every shard is written, one pass places the pending files' documents
 * in groups, in the order of their paths, against all the shards
 * (zc_copies_regroup), as one database written in that order would
 * have: a pending document is not a copy to join, as one not yet
 * written is not.  Most keep the group their shard gave them (a new
 * group's key depends on the text alone); only those with a copy in
 * another shard are rewritten. */
zc_status zc_copies_mark_pending(zc_wdb *w, const char *file_id,
    const char *path, zc_error *err);
/* Place the document of file_id in w[k], pending, in its group among
 * w[0..n): rewritten (*rewritten) only when the group differs from its
 * shard's; the mark removed. */
zc_status zc_copies_regroup(zc_wdb *const *w, size_t n, size_t k,
    const char *file_id, zc_copies_stats *stats, bool *rewritten,
    zc_error *err);

#endif
