/*
 * commands.h — the modes of zcindex besides indexing, each in its own
 * file of indexer/, each returning the process exit status.
 */
#ifndef ZCINDEX_COMMANDS_H
#define ZCINDEX_COMMANDS_H

#include <stddef.h>
#include <stdio.h>

/* --dump FILE...: run the pipeline on each file and print the detected
 * format and encoding, the metadata as one JSON object, then the
 * passages with their line numbers; writes no database.  (dump.c) */
int zcindex_dump(char *const *paths, size_t n, FILE *out);

/* --segment: segment each line of in and print it with words separated
 * by two spaces, characters unchanged.  lexicon: a user's extra terms or
 * NULL.  (segment.c) */
int zcindex_segment(FILE *in, FILE *out, const char *lexicon);

#endif
