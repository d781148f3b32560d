/*
 * zc_indexdoc.h — a zc_doc's passages as Xapian documents, laid out as
 * zc_schema.h says: the last step of the indexing data flow.
 */
#ifndef ZC_INDEXDOC_H
#define ZC_INDEXDOC_H

#include "zc_doc.h"
#include "zc_terms.h"
#include "zc_util.h"
#include "zc_xapian.h"

/* The key that names a file inside the database (16 hex digits of a
 * 64-bit FNV-1a hash of its path): term F+key, value ZC_SLOT_FILE. */
#define ZC_FILE_KEY_LEN 16
void zc_file_key(const char *path, char out[ZC_FILE_KEY_LEN + 1]);

/* Fill out (cleared first) with passage i of doc: its terms, the title
 * and issuer terms, the boolean field terms, the values and the record.
 * Returns ZC_OK or the status of the Xapian call that failed. */
zc_status zc_indexdoc_build(zc_analyzer *a, const zc_doc *doc, size_t i,
    zc_xdoc *out, zc_error *err);

/* The unique id term of passage i of the file with this key. */
void zc_indexdoc_id_term(const char *file_key, size_t i, zc_buf *out);

#endif
