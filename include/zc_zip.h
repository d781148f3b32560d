/*
 * zc_zip.h — reading entries of a ZIP package (a DOCX, an OFD) from
 * memory, with libzip, bounded: the readers of packaged formats take
 * their XML parts from here.
 *
 * An archive is refused whole when an entry's name is absolute, holds a
 * ".." part or a backslash, or when it has more than ZC_ZIP_MAX_ENTRIES
 * entries: no reader would write them anywhere, but a package that has
 * them was not made by a word processor.  An entry is read only up to
 * the size the caller allows, whatever its header claims, so that a
 * ZIP bomb costs at most that much memory.
 */
#ifndef ZC_ZIP_H
#define ZC_ZIP_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_util.h"

#define ZC_ZIP_MAX_ENTRIES 100000

/* Whether bytes[0..len) start as a ZIP archive does ("PK\3\4"). */
bool zc_zip_sniff(const char *bytes, size_t len);

typedef struct zc_zip zc_zip;

/* Open the archive bytes[0..len), which must outlive it.  ZC_EINVAL:
 * not a ZIP archive, or one refused as above (err says which). */
zc_status zc_zip_open(const char *bytes, size_t len, zc_zip **out,
    zc_error *err);
/* Whether it has an entry called name (exactly). */
bool zc_zip_has(zc_zip *z, const char *name);
/* Entry name, inflated, appended to out (NUL-terminated).  ZC_ENOENT:
 * none; ZC_ETOOBIG: more than max bytes ("NAME: larger than N MB");
 * ZC_EINVAL: corrupt. */
zc_status zc_zip_read(zc_zip *z, const char *name, size_t max, zc_buf *out,
    zc_error *err);
void zc_zip_close(zc_zip *z); /* NULL is fine */

#endif
