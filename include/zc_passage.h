/*
 * zc_passage.h — the passage stage: cleaned lines → the pieces a search
 * shows (the index's unit is the file: zc_schema.h).
 *
 * A passage is a paragraph (hard-wrapped lines joined back), or, when the
 * paragraph is longer than ZC_PASSAGE_MAX code points, a run of whole
 * sentences (cut after 。！？；) of at most that length; a sentence longer
 * than that is cut after a comma, else at the limit.  Pieces shorter than
 * ZC_PASSAGE_MIN at the end of a cut paragraph go back into the piece
 * before; paragraphs are never merged, so that no passage shows text of
 * two as if it were one (a heading is a passage of its own).  Lines
 * flagged ZC_LINE_DROP are not passages; a line flagged ZC_LINE_META
 * (文号, 索引号 table, dateline) is a passage of its own, so that its
 * text stays searchable and never runs into a neighbour's.  Each passage
 * gets the source line where its first character is and where each later
 * source line begins in it (zc_line_start), and says how its
 * text follows the passage before (zc_join): a new paragraph after a
 * blank line, a block start or a dropped line; else the rest of the same
 * block, directly or after whitespace, so that exact text spans the cut
 * of a long paragraph and the line breaks of one block as grep on the
 * joined paragraph would.
 */
#ifndef ZC_PASSAGE_H
#define ZC_PASSAGE_H

#include "zc_doc.h"
#include "zc_extract.h"

#define ZC_PASSAGE_MAX 300 /* code points */
#define ZC_PASSAGE_MIN 20  /* code points */

/* Append the passages of lines to doc (zc_doc_add_passage). */
void zc_passage_cut(const zc_lines *lines, zc_doc *doc);

#endif
