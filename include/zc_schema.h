/*
 * zc_schema.h — how a zhengce database is laid out in Xapian.  Every
 * prefix, value slot and metadata key is defined here and nowhere else.
 *
 * One Xapian document per file.  Passages are what a search shows, but
 * as Xapian documents they cost far more than they hold: every distinct
 * term of a passage is a key of its own in the position table.  On 400
 * laws (5.3 MB) a document per passage gave a 97 MB index built at
 * 0.3 MB/s; a document per file, 21 MB at three times the speed.  The
 * passages of a file are its positions in order; its paragraphs are
 * 2,048 positions apart (more than any NEAR window, so no phrase or NEAR
 * spans two), and the passages cut from one paragraph follow each other
 * without a gap.  A search picks the best passages of each matching file
 * (zc_search.h).  Terms:
 *
 *   (none) + char   ZC_PREFIX_CHAR: one term per character of the body
 *                   that is not whitespace (Han, Latin, digit,
 *                   punctuation, symbol: a single character, not an
 *                   n-gram, terms.c says why), and " " per whitespace
 *                   run between two of them, each at a position of its
 *                   own.  Exact text = the phrase of its characters.
 *   D + 2 units     ZC_PREFIX_PAIR: boolean (wdf 0, no position), every
 *                   two units at consecutive positions of one paragraph
 *                   (孵化, "器 ", " a"): a phrase is first filtered by
 *                   its pairs, so positions are read only in files that
 *                   hold every pair of it, and a two-unit phrase needs
 *                   none (terms.c)
 *   W + word        ZC_PREFIX_WORD: without a position, every segmenter
 *                   word that is more than one character (孵化器, covid,
 *                   2024年, 70.3%): ranking and wildcards
 *   S + char / E + pair / T + word   ZC_PREFIX_TITLE_CHAR / _TITLE_PAIR
 *                   / _TITLE_WORD: the same for the title (title:
 *                   queries, boost)
 *   A + char / G + pair / B + word   ZC_PREFIX_ISSUER_CHAR / _ISSUER_PAIR
 *                   / _ISSUER_WORD: the same for the issuer (issuer:
 *                   queries)
 *   K + value       exact 索引号 (boolean; zc_fieldterm.h folds values)
 *   N + value       exact 文号, brackets folded (boolean)
 *   C + value       exact 主题分类 (boolean): the whole value and each
 *                   of its levels (工业、交通\中小企业: 3 terms)
 *   V + value       exact 有效性, normalised (boolean)
 *   Y + value       exact 文种 (boolean)
 *   P + dir         every ancestor directory of the file, with a final
 *                   '/', and P + the file's own path (boolean: path:)
 *   F + file key    unique id of the file (replace_document)
 *   U + title       the whole title, normalised (zc_fieldterm_title),
 *                   and the rest of a title that starts with
 *                   中华人民共和国: a title typed whole, the known-item
 *                   search, ranks its document first
 *   Q + band + hash ZC_PREFIX_COPY_BAND: boolean, one per band of the
 *                   document's MinHash signature, a letter a… and 8 hex
 *                   digits (Qa1b2c3d4e): where a new document finds its
 *                   candidate copies (zc_copies.h)
 *   H + group       ZC_PREFIX_COPY_GROUP: boolean, the key of the
 *                   document's group of copies (16 hex digits)
 *
 * Which field has which prefixes: the field table, zc_fields.h.
 *
 * Values: ZC_SLOT_DATE holds the document's date as "YYYYMMDD" (ranges,
 * sorting), ZC_SLOT_WRITTEN its 成文日期 and ZC_SLOT_PUBLISHED its
 * 发布日期 the same way; ZC_SLOT_PATH holds the file's path (-l reads no
 * document data); ZC_SLOT_ISSUER, _TYPE, _CATEGORY and _VALIDITY hold
 * those fields as stored, for the counts of --count-by (zc_search.h);
 * ZC_SLOT_COPY_GROUP the key of its group of copies (a result list
 * collapses on it) and ZC_SLOT_COPY_SIG its signature, 80 minimums of 4
 * bytes little-endian (zc_copies.h).
 *
 * Document data: the document record of zc_record.h, so that a hit
 * prints without the source file: a deflated header (path, metadata,
 * every passage's line, first position and length), then the passage
 * texts in chunks deflated one by one, so that a hit inflates only the
 * chunks of the passages it highlights or shows (and glass, finding
 * nothing to shrink, stores the record as it is).
 *
 * Metadata keys: ZC_META_FILE + path -> per-file state (indexer/state.h);
 * ZC_META_ROOT + path -> roots indexed; ZC_META_VERSION -> schema version;
 * ZC_META_UPDATED -> time of the last commit (seconds since the epoch);
 * ZC_META_COPY_PENDING + file id term -> path: in a shard, a file whose
 * document is grouped within its shard only, until the sharded run's
 * grouping pass places it among all the shards (zc_copies.h).
 *
 * ZC_SCHEMA_VERSION, a decimal number, goes up whenever the terms,
 * values or record written for the same file change, so that a query of
 * the new zcsearch would miss in a document of the old zcindex (2: 文号
 * terms fold {} and drop C1 controls, dates read by zc_dates.h, 廿 and 卅
 * are numerals; 3: every character a positional term, whitespace runs
 * too, paragraphs not passages apart, words without positions; 4: pair
 * terms, the record in chunks; 5: 成文日期 and 发布日期 apart, 文种, the
 * laws' version dates, the levels of a category, the record names its
 * fields; 6: the values counted by --count-by; 7: groups of copies; 8:
 * the record says where each source line begins in a passage).
 * zcindex re-reads every file of a database of an older schema and
 * refuses one of a newer schema (indexer/run.c); zcsearch reads any, with a warning, and its records too (record.c reads those
 * of schemas 3 and 4 in place), but finds no text of more than one
 * character in a document of schema 3, which has no pair terms: a
 * database re-read half-way holds both kinds.
 */
#ifndef ZC_SCHEMA_H
#define ZC_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#define ZC_PREFIX_CHAR ""
#define ZC_PREFIX_WORD "W"
#define ZC_PREFIX_PAIR "D"
#define ZC_PREFIX_TITLE_CHAR "S"
#define ZC_PREFIX_TITLE_WORD "T"
#define ZC_PREFIX_TITLE_PAIR "E"
#define ZC_PREFIX_ISSUER_CHAR "A"
#define ZC_PREFIX_ISSUER_WORD "B"
#define ZC_PREFIX_ISSUER_PAIR "G"
#define ZC_PREFIX_INDEX_NO "K"
#define ZC_PREFIX_DOC_NO "N"
#define ZC_PREFIX_CATEGORY "C"
#define ZC_PREFIX_VALIDITY "V"
#define ZC_PREFIX_TYPE "Y"
#define ZC_PREFIX_DIR "P"
#define ZC_PREFIX_FILE "F"
#define ZC_PREFIX_TITLE_WHOLE "U"
#define ZC_PREFIX_COPY_BAND "Q"
#define ZC_PREFIX_COPY_GROUP "H"

enum {
	ZC_SLOT_DATE = 0,
	ZC_SLOT_PATH = 1,
	ZC_SLOT_WRITTEN = 2,
	ZC_SLOT_PUBLISHED = 3,
	ZC_SLOT_ISSUER = 4,
	ZC_SLOT_TYPE = 5,
	ZC_SLOT_CATEGORY = 6,
	ZC_SLOT_VALIDITY = 7,
	ZC_SLOT_COPY_GROUP = 8,
	ZC_SLOT_COPY_SIG = 9
};

#define ZC_META_FILE "file:"
#define ZC_META_ROOT "root:"
#define ZC_META_VERSION "zc:version"
#define ZC_META_UPDATED "zc:updated"
#define ZC_META_COPY_PENDING "copy-pending:"
#define ZC_SCHEMA_VERSION "8"

/* Compare the schema version v[0..len) read from a database with this
 * build's: *cmp is -1 when the database's is older, 0 when equal, 1 when
 * newer, and *have is its number.  False when v is not a version (a
 * decimal number of at most 9 digits). */
bool zc_schema_compare(const char *v, size_t len, unsigned long *have,
    int *cmp);

/* Longest term Xapian accepts is 245 bytes; longer field values are cut
 * at a character boundary before they become terms. */
#define ZC_MAX_TERM 240

#endif
