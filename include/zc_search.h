/*
 * zc_search.h — running a prepared query (zc_prepared.h): documents
 * ranked as wholes, each shown by a few of its passages with their
 * highlights, pages of documents, counts and paths.  Second stage of the
 * search pipeline: prepared query → here → hits → print.
 *
 * The unit of the index is the file (zc_schema.h), and so is the unit of
 * a result list: documents rank by relevance (or by 发文日期 with
 * ZC_SORT_DATE*), and offset and limit count documents.  Each document is
 * shown by its best passages: those where the query's texts occur, found
 * through the positions of their anchor terms (zc_terms_anchor) and
 * confirmed by the highlighter, most texts first.
 *
 * Every call retries the whole search a few times, reopening the
 * database, when zcindex commits underneath (ZC_EMODIFIED), so a search
 * never fails nor returns a mixture of two revisions because of a
 * concurrent commit.  Statuses: ZC_OK; ZC_EMODIFIED when the database
 * kept changing through every attempt; ZC_EINVAL for a corrupt document
 * record; the others of zc_xapian.h.
 */
#ifndef ZC_SEARCH_H
#define ZC_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_doc.h"
#include "zc_highlight.h"
#include "zc_prepared.h"
#include "zc_util.h"
#include "zc_xapian.h"

typedef enum zc_sort {
	ZC_SORT_RELEVANCE,
	ZC_SORT_DATE,     /* oldest first; undated documents last */
	ZC_SORT_DATE_DESC /* newest first; undated documents last */
} zc_sort;

typedef struct zc_search_req {
	unsigned offset;   /* documents to skip */
	unsigned limit;    /* documents to return; 0 = all */
	unsigned per_doc;  /* passages per document (0 counts as 1) */
	zc_sort sort;
	bool all_copies;   /* list every copy, not one per group */
} zc_search_req;

#define ZC_SEARCH_REQ_INIT { 0, 10, 1, ZC_SORT_RELEVANCE, false }

/* One passage of the result list, with its document's path and metadata
 * and where the query's texts occur in it: what a printer prints.
 * Passages of one document follow each other, best first, and share the
 * document's rank.  Everything is owned by the zc_hits. */
typedef struct zc_hit {
	unsigned rank;  /* 1-based rank of the document, offset included */
	double score;   /* the document's relevance weight */
	zc_docid docid;
	char *path;
	size_t passage_no; /* the passage's index in its document */
	bool paged;     /* lines are pages (zc_doc_format_paged): a PDF */
	unsigned line;  /* where the passage starts in the source file */
	zc_line_start *starts; /* where its later source lines begin */
	size_t n_starts;
	char *passage;  /* NUL-terminated */
	zc_meta meta;
	zc_spans spans; /* the highlights of passage (zc_highlight.h) */
	char *group;    /* the key of its group of copies, or NULL */
	unsigned long copies; /* other matching documents of its group */
} zc_hit;

/* The source line of byte off of hit's passage. */
unsigned zc_hit_line_at(const zc_hit *hit, size_t off);
/* The source line of hit's first highlight (of its passage's start if
 * it has none): what path:line names. */
unsigned zc_hit_first_line(const zc_hit *hit);

typedef struct zc_hits {
	zc_hit *hit;    /* n entries; owned */
	size_t n;
	size_t cap;
	size_t n_docs;  /* distinct documents among the hits */
} zc_hits;

#define ZC_HITS_INIT { NULL, 0, 0, 0 }

/* Fill *out (ZC_HITS_INIT or emptied by zc_hits_free) with the hits of
 * p by req.  The first call makes p's picker (zc_prepared_picker), so
 * statuses include its own.  On failure *out is left empty. */
zc_status zc_search_run(zc_db *db, zc_prepared *p, const zc_search_req *req,
    zc_hits *out, zc_error *err);
void zc_hits_free(zc_hits *h); /* releases everything; *h becomes empty */

/* The exact number of documents with at least one matching passage. */
zc_status zc_search_count(zc_db *db, const zc_prepared *p,
    unsigned long *out, zc_error *err);

/* The path of every matching document, once each, in the order of sort;
 * *out is a malloc'd array of *n malloc'd strings: free with
 * zc_search_paths_free. */
zc_status zc_search_paths(zc_db *db, const zc_prepared *p, zc_sort sort,
    char ***out, size_t *n, zc_error *err);
void zc_search_paths_free(char **paths, size_t n);

/* ---- counts by field (--count-by) ----------------------------------- */

/* What matching documents can be counted by: the year or month of their
 * date, or a field as stored (its count_slot, zc_fields.h). */
typedef enum zc_facet {
	ZC_FACET_YEAR,
	ZC_FACET_MONTH,
	ZC_FACET_ISSUER,
	ZC_FACET_TYPE,
	ZC_FACET_CATEGORY,
	ZC_FACET_VALIDITY,
	ZC_FACET_END
} zc_facet;

/* The facet called name ("year", "issuer", ...); false when none is. */
bool zc_facet_find(const char *name, zc_facet *out);
const char *zc_facet_name(zc_facet f);

typedef struct zc_facet_count {
	char *value;         /* "2024", "2024-08", "湖北省科学技术厅" */
	unsigned long count; /* matching documents with that value */
} zc_facet_count;

typedef struct zc_facet_counts {
	zc_facet facet;
	zc_facet_count *v;   /* n entries, in the facet's natural order:
	                      * years and months ascending, the others by
	                      * count, most first, then by value */
	size_t n;
} zc_facet_counts;

/* Count every document p matches (the set of -c, exactly) by each of
 * facets[0..n), into out[0..n) (free with zc_facet_counts_free).
 * Documents without the value are not counted. */
zc_status zc_search_count_by(zc_db *db, const zc_prepared *p,
    const zc_facet *facets, size_t n, zc_facet_counts *out, zc_error *err);
void zc_facet_counts_free(zc_facet_counts *c, size_t n);

#endif
