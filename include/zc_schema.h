/*
 * zc_schema.h — how a zhengce database is laid out in Xapian.  Every
 * prefix, value slot and metadata key is defined here and nowhere else.
 *
 * One Xapian document per passage (the unit of retrieval).  Its terms:
 *
 *   (none) + text   Han character n-grams of the passage, positional
 *                   (lib/terms.c): one position per Han character and per
 *                   run of letters/digits (70.3 is one), none for
 *                   whitespace, one empty position per punctuation run.
 *                   At a Han character: the bigram with the next one if
 *                   that is Han, else the character alone (end of a run);
 *                   a run that does not start the field also has its
 *                   first character alone.  Exact text = phrase of these.
 *   W + word        at each letter/digit run: the run, normalised
 *                   (2024, covid, 70.3) — exact matching of Latin and
 *                   numbers; plus, at the position of its first unit,
 *                   every segmenter word that is not one unit and not a
 *                   single Han character (孵化器, 2024年, 70.3%): ranking
 *   S + text        the same two kinds for the document title, with
 *   T + word          their own positions (title: queries, title boost)
 *   A + text / B + word  the same for the issuer (issuer: queries)
 *   K + value       exact 索引号 (boolean)
 *   N + value       exact 文号, brackets folded (boolean)
 *   C + value       exact 分类 (boolean)
 *   V + value       exact 有效性 (boolean)
 *   P + dir         every ancestor directory of the file, with a final
 *                   '/' (boolean: path: queries)
 *   F + file key    the file the passage comes from (boolean; deleting
 *                   this term removes all of the file's passages)
 *   Q + key:n       unique id of passage n of a file (replace_document)
 *
 * Values: ZC_SLOT_DATE holds 发文日期 as "YYYYMMDD" (ranges, sorting);
 * ZC_SLOT_FILE holds the file key (collapse: hits per document).
 *
 * Document data: the passage record of zc_record.h (path, line, text and
 * the document's metadata), so that a hit prints without the source file.
 *
 * Metadata keys: ZC_META_FILE + path -> per-file state (zc_state.h);
 * ZC_META_ROOT + path -> roots indexed; ZC_META_VERSION -> schema version;
 * ZC_META_UPDATED -> time of the last commit (seconds since the epoch).
 */
#ifndef ZC_SCHEMA_H
#define ZC_SCHEMA_H

#define ZC_PREFIX_NGRAM ""
#define ZC_PREFIX_WORD "W"
#define ZC_PREFIX_TITLE_NGRAM "S"
#define ZC_PREFIX_TITLE_WORD "T"
#define ZC_PREFIX_ISSUER_NGRAM "A"
#define ZC_PREFIX_ISSUER_WORD "B"
#define ZC_PREFIX_INDEX_NO "K"
#define ZC_PREFIX_DOC_NO "N"
#define ZC_PREFIX_CATEGORY "C"
#define ZC_PREFIX_VALIDITY "V"
#define ZC_PREFIX_DIR "P"
#define ZC_PREFIX_FILE "F"
#define ZC_PREFIX_ID "Q"

enum {
	ZC_SLOT_DATE = 0,
	ZC_SLOT_FILE = 1
};

#define ZC_META_FILE "file:"
#define ZC_META_ROOT "root:"
#define ZC_META_VERSION "zc:version"
#define ZC_META_UPDATED "zc:updated"
#define ZC_SCHEMA_VERSION "1"

/* Longest term Xapian accepts is 245 bytes; longer field values are cut
 * at a character boundary before they become terms. */
#define ZC_MAX_TERM 240

#endif
