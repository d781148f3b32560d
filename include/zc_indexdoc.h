/*
 * zc_indexdoc.h — a zc_doc as a Xapian document, laid out as zc_schema.h
 * says: the last step of the indexing data flow.
 */
#ifndef ZC_INDEXDOC_H
#define ZC_INDEXDOC_H

#include "zc_copies.h"
#include "zc_doc.h"
#include "zc_terms.h"
#include "zc_util.h"
#include "zc_xapian.h"

/* Fill out (cleared first) with doc: the terms of every passage (whose
 * pos this sets), the title and issuer terms, the boolean field and path
 * terms, the band terms and value of its signature sig (NULL: not
 * signed; the group comes later, zc_copies_join), the values and the
 * record.  Returns ZC_OK or the status of the call that failed. */
zc_status zc_indexdoc_build(zc_analyzer *a, zc_doc *doc,
    const zc_copysig *sig, zc_xdoc *out, zc_error *err);

#endif
