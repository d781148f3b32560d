/*
 * zc_fieldterm.h — the boolean terms of exact field values,
 * directories and files (zc_schema.h: K, N, Y, C, V, P, F).  The indexer
 * stores them and the query builder looks them up through these same
 * functions, so that
 * a value typed in a query finds the value read from a document.
 *
 * Exact values: full-width ASCII folded to ASCII, Traditional characters
 * to Simplified (zc_norm.h), every character of
 * query space (zc_chars.h: whitespace and control characters) removed;
 * for 文号 also every bracket pair (zc_chars_fold_bracket: 〔〕 [] 【】
 * （） () {} ﹝﹞ ［］ 〖〗) folded to 〔〕, because NFKC leaves them
 * distinct (docs/pitfalls.md, ICU): 鄂政发[2021]13号 = 鄂政发〔2021〕13号.
 * Terms are cut to ZC_MAX_TERM bytes at a character boundary.
 */
#ifndef ZC_FIELDTERM_H
#define ZC_FIELDTERM_H

#include <stdbool.h>
#include <stddef.h>

#include "zc_fields.h"
#include "zc_util.h"

/* Append the term of an exact value of field f, one of kind ZC_FK_EXACT
 * (zc_fields.h: 索引号, 文号, 分类, 有效性); any other field appends
 * nothing. */
void zc_fieldterm_exact(zc_field f, const char *value, size_t len,
    zc_buf *out);

/* Append every boolean term of a document's value of exact field f,
 * each followed by a NUL byte: its term (zc_fieldterm_exact) and, for a
 * category, the term of each of its levels (工业、交通\中小企业: the
 * whole, 工业、交通, 中小企业; levels are separated by \ / > or their
 * full-width forms), so that a query for one level finds it. */
void zc_fieldterm_document(zc_field f, const char *value, size_t len,
    zc_buf *out);

/* The normal form of a validity (有效性, 时效性): 有效, 失效, 废止, 已修订
 * or 尚未生效 for the words that say one of them (现行有效, 已失效,
 * 已被修改, 未生效 ...), NULL for any other value.  The metadata stage
 * stores it and a query's validity: value is read through it, so
 * validity:现行有效 finds a page that says 有效. */
const char *zc_fieldterm_validity(const char *value, size_t len);

/* Append the comparable form of a 文号 (no prefix). */
void zc_fieldterm_fold_doc_no(const char *value, size_t len, zc_buf *out);

/* Append the P term of an absolute directory: P + dir with exactly one
 * final '/'. */
void zc_fieldterm_dir(const char *dir, size_t len, zc_buf *out);

/* Append the P term of a file's own path: P + path, no final '/' (so
 * that it differs from the term of a directory of the same name). */
void zc_fieldterm_file_path(const char *path, size_t len, zc_buf *out);

/* The key that names a file inside the database (16 hex digits of a
 * 64-bit FNV-1a hash of its path): its unique id term is F + key. */
#define ZC_FILE_KEY_LEN 16
void zc_fieldterm_file_key(const char *path, char out[ZC_FILE_KEY_LEN + 1]);
/* Append the unique id term of the file at path (F + key): the indexer
 * replaces a file's document by it, path: of a file looks it up. */
void zc_fieldterm_file_id(const char *path, zc_buf *out);

/* The U terms of a whole title (zc_schema.h): U + the title normalised
 * (zc_norm.h) with each whitespace run one space; and, for a document's
 * title (document true) that starts with 中华人民共和国 and goes on, U +
 * the rest as well: the name a national law is cited by (刑法,
 * 食品安全法).  A query text gets its one term from the same function
 * (document false), so that a title typed whole finds its term.  Fills
 * out[0..*n), *n at most 2, each buffer reset first.  Statuses: those
 * of zc_norm_string. */
zc_status zc_fieldterm_title(const char *title, size_t len, bool document,
    zc_buf out[2], size_t *n, zc_error *err);

#endif
