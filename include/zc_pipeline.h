/*
 * zc_pipeline.h — file in, zc_doc out: read → extract text → clean →
 * metadata → passages.  Thread-safe: every call works on its own data.
 */
#ifndef ZC_PIPELINE_H
#define ZC_PIPELINE_H

#include <stddef.h>
#include <sys/stat.h>

#include "zc_doc.h"
#include "zc_util.h"

/* Initialise the parsers (libxml2); call once before starting threads.
 * Loading also does it on first use, so single-threaded callers may skip
 * it. */
void zc_pipeline_init(void);

/* Read the file at path whole into out (emptied first; yours to free).
 * A file larger than ZC_MAX_INPUT (zc_decode.h) is refused: unread when
 * its size says so, as soon as reading passes the limit when it grows
 * or is a pipe.  st, if not NULL, receives fstat(2) of the opened file.
 * ZC_ENOENT / ZC_EIO (strerror(3), or "is a directory"), ZC_ETOOBIG
 * ("larger than 256 MB"); on failure out is empty. */
zc_status zc_pipeline_read(const char *path, zc_buf *out, struct stat *st,
    zc_error *err);

/* Read the file at path (zc_pipeline_read) and fill *out (zeroed first;
 * free it with zc_doc_free even on failure).  out->path is a copy of path.
 * ZC_ENOENT / ZC_EIO: unreadable; ZC_EBINARY: not text; ZC_ETOOBIG. */
zc_status zc_pipeline_load(const char *path, zc_doc *out, zc_error *err);

/* The same on bytes already in memory; name decides the format by its
 * extension (content sniffing may override it). */
zc_status zc_pipeline_load_bytes(const char *name, const char *bytes,
    size_t len, zc_doc *out, zc_error *err);

#endif
