/*
 * main.c — zcsearch: the command line of the searcher.  Data flow:
 * arguments → prepared query (prepared.c) → search (search.c): hits
 * with their highlights → one printer (print.c) → stdout.
 *
 * Invariants: stdout carries results only, diagnostics go to stderr as
 * "zcsearch: what: why"; the exit status is 0 when a hit (or a path, or
 * a non-zero count) was printed, 1 when nothing matched, 2 on any error,
 * a failed write to stdout included (but for a closed pipe, which ends
 * the program quietly like any filter's).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "print.h"
#include "zc_config.h"
#include "zc_prepared.h"
#include "zc_schema.h"
#include "zc_search.h"
#include "zc_terms.h"

#ifndef ZC_VERSION
#define ZC_VERSION "unknown"
#endif

enum { EXIT_MATCH = 0, EXIT_NO_MATCH = 1, EXIT_ERROR = 2 };

enum colour_mode { COLOUR_AUTO, COLOUR_ALWAYS, COLOUR_NEVER };
enum output { OUT_TEXT, OUT_VIMGREP, OUT_JSON, OUT_TSV, OUT_LIST,
    OUT_COUNT };

/* Long options without a short form. */
enum {
	OPT_DB = 256, OPT_OFFSET, OPT_PER_DOC, OPT_SORT, OPT_JSON, OPT_TSV,
	OPT_COUNT_BY, OPT_ALL_COPIES, OPT_VIMGREP,
	OPT_COLOR, OPT_LEXICON, OPT_PARTIAL
};

typedef struct options {
	const char **dbs;   /* --db, each in order; none: the default */
	size_t n_dbs;
	bool partial;       /* --partial: leave out what cannot be read */
	const char *lexicon;
	bool literal;       /* -F: the query is one literal string */
	bool null;          /* -0: -l ends each path with NUL */
	zc_search_req req;
	bool per_doc_given; /* --per-doc, else --vimgrep shows every match */
	unsigned context;   /* -C: characters each side of a match */
	bool context_given;
	enum output output;
	int n_outputs;      /* output options given: at most one */
	enum colour_mode colour;
	zc_facet count_by[ZC_FACET_END]; /* --count-by, each once */
	size_t n_count_by;
	char **words;       /* the query's arguments, in order */
	int n_words;
} options;

static const char usage_line[] =
    "usage: zcsearch [--db DB]... [--partial] [-F] [-n N] [--offset N] [--per-doc N] "
    "[--sort KEY] [--all-copies] [--count-by FIELD] [-C N] "
    "[--vimgrep | --json | --tsv | -l [-0] | -c] "
    "[--color WHEN] "
    "[--lexicon FILE] QUERY...";

/* Every option, in the order of zcsearch(1); the test suite checks that
 * the two lists agree. */
static const char help_text[] =
    "Search the zhengce index of policy documents; QUERY is in the\n"
    "language of zcquery(7) (several arguments are joined by spaces).\n"
    "\n"
    "  --db DB           index to search (default $ZHENGCE_DB, else\n"
    "                    $XDG_DATA_HOME/zhengce/db, else\n"
    "                    ~/.local/share/zhengce/db): a folder, a Xapian\n"
    "                    stub file, tcp://HOST:PORT (xapian-tcpsrv) or\n"
    "                    ssh://HOST/PATH (xapian-progsrv); repeat it to\n"
    "                    search several as one\n"
    "  --partial         search the databases that answer, with a\n"
    "                    warning for each that does not\n"
    "  -F, --fixed-strings\n"
    "                    the query is one literal string, as with grep -F:\n"
    "                    no operators, fields or quotes\n"
    "  -n, --limit N     show N documents (default 10; 0 = all)\n"
    "  --offset N        skip the first N documents\n"
    "  --per-doc N       show N passages of each document (default 1)\n"
    "  --sort KEY        relevance (default), date (oldest first) or\n"
    "                    -date (newest first)\n"
    "  --all-copies      list every reposted copy of a text, not one\n"
    "                    document per group (-l and -c always do)\n"
    "  --count-by FIELD  count the matching documents by year, month,\n"
    "                    issuer, type, category or validity (repeatable)\n"
    "  -C, --context N   text output: show N characters each side of\n"
    "                    the matches of a passage (default 30; 0 = the\n"
    "                    whole passage)\n"
    "  --vimgrep         path:line:column:text for every match, as\n"
    "                    ripgrep --vimgrep (every matching passage of\n"
    "                    each document unless --per-doc is given)\n"
    "  --json            one JSON object per passage (JSON Lines)\n"
    "  --tsv             tab-separated values with a header line\n"
    "  -l, --files-with-matches\n"
    "                    the path of every matching document, once\n"
    "  -0, --null        end each path of -l with a NUL byte, for\n"
    "                    xargs -0\n"
    "  -c, --count       the number of matching documents\n"
    "  --color WHEN      auto (default), always or never; NO_COLOR\n"
    "                    turns auto off\n"
    "  --lexicon FILE    more words for the segmenter, one a line\n"
    "  -h, --help        show this help and exit\n"
    "  -V, --version     show the version and exit\n"
    "\n"
    "Options may come before or after the query; -- ends them (a query\n"
    "word of - and a Latin letter, such as -x, goes after it).\n"
    "Fields of a query: title: issuer: index: docno: type: category:\n"
    "validity: date: written: published: path: (zcquery(7)).\n"
    "Exit status: 0 something matched, 1 nothing matched, 2 error.\n";

static const struct option long_options[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "partial", no_argument, NULL, OPT_PARTIAL },
	{ "fixed-strings", no_argument, NULL, 'F' },
	{ "limit", required_argument, NULL, 'n' },
	{ "offset", required_argument, NULL, OPT_OFFSET },
	{ "per-doc", required_argument, NULL, OPT_PER_DOC },
	{ "sort", required_argument, NULL, OPT_SORT },
	{ "all-copies", no_argument, NULL, OPT_ALL_COPIES },
	{ "count-by", required_argument, NULL, OPT_COUNT_BY },
	{ "context", required_argument, NULL, 'C' },
	{ "vimgrep", no_argument, NULL, OPT_VIMGREP },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "tsv", no_argument, NULL, OPT_TSV },
	{ "files-with-matches", no_argument, NULL, 'l' },
	{ "null", no_argument, NULL, '0' },
	{ "count", no_argument, NULL, 'c' },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "lexicon", required_argument, NULL, OPT_LEXICON },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void __attribute__((noreturn))
usage_error(const char *what, const char *why)
{
	if (what != NULL)
		zc_warn("%s: %s", what, why);
	fprintf(stderr, "%s\n", usage_line);
	exit(EXIT_ERROR);
}

static bool
want_colour(enum colour_mode mode)
{
	const char *no_colour = getenv("NO_COLOR");

	if (mode != COLOUR_AUTO)
		return mode == COLOUR_ALWAYS;
	return isatty(STDOUT_FILENO) &&
	    (no_colour == NULL || no_colour[0] == '\0');
}

/* A count of documents or passages: decimal digits only, at most a
 * billion (more than any index holds, and no overflow in offset+limit). */
static unsigned
parse_count(const char *opt, const char *arg)
{
	unsigned long v = 0;
	char what[64];

	snprintf(what, sizeof what, "%s %s", opt, arg);
	if (arg[0] == '\0')
		usage_error(opt, "needs a number");
	for (const char *p = arg; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			usage_error(what, "not a number");
		v = v * 10 + (unsigned long)(*p - '0');
		if (v > 1000000000UL)
			usage_error(what, "too large");
	}
	return (unsigned)v;
}

static void
set_output(options *o, enum output out)
{
	o->output = out;
	o->n_outputs++;
}

static void
add_count_by(options *o, const char *name)
{
	zc_facet f;

	if (!zc_facet_find(name, &f))
		usage_error(name, "cannot count by it (year, month, issuer, "
		    "type, category or validity)");
	for (size_t i = 0; i < o->n_count_by; i++)
		if (o->count_by[i] == f)
			return;
	o->count_by[o->n_count_by++] = f;
}

/* Short options, for getopt and for split_arguments. */
#define SHORT_OPTIONS "n:C:Flc0hV"

/* Whether the long option spelled s (after "--", up to '=' or its end)
 * takes its value from the next argument: it names, whole or by a
 * prefix that only it has (as getopt_long accepts), an option with a
 * required argument, and s has no '='. */
static bool
long_takes_next(const char *s)
{
	size_t len = strcspn(s, "=");
	const struct option *found = NULL;

	if (s[len] == '=')
		return false;
	for (const struct option *lo = long_options; lo->name != NULL; lo++) {
		if (strncmp(lo->name, s, len) != 0)
			continue;
		if (strlen(lo->name) == len)
			return lo->has_arg == required_argument;
		found = found == NULL ? lo : (const struct option *)-1;
	}
	return found != NULL && found != (const struct option *)-1 &&
	    found->has_arg == required_argument;
}

/* Whether the cluster of short options s (after "-") ends with one
 * that takes its value from the next argument (-n 5, -Fn 5). */
static bool
short_takes_next(const char *s)
{
	for (; *s != '\0'; s++) {
		const char *at = strchr(SHORT_OPTIONS, *s);

		if (at != NULL && at[1] == ':')
			return s[1] == '\0';
	}
	return false;
}

/* Options come before and after the query, as ripgrep takes them: the
 * arguments are split into options (with the values they take) and the
 * query's words, in order, before getopt reads the options.  "--" ends
 * the options; an argument that starts with '-' and then a character
 * that is not ASCII (-补贴, the exclusion of a word) is a word, as no
 * option is spelled so.  *opts gets argv[0], the options and a final
 * NULL (malloc'd). */
static void
split_arguments(int argc, char **argv, char ***opts, int *n_opts,
    options *o)
{
	char **out = zc_xcalloc((size_t)argc + 1, sizeof *out);
	int n = 0;

	o->words = zc_xcalloc((size_t)argc + 1, sizeof *o->words);
	out[n++] = argv[0];
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool option = a[0] == '-' && a[1] != '\0' &&
		    (unsigned char)a[1] < 0x80;

		if (strcmp(a, "--") == 0) {
			while (++i < argc)
				o->words[o->n_words++] = argv[i];
			break;
		}
		if (!option) {
			o->words[o->n_words++] = argv[i];
			continue;
		}
		out[n++] = argv[i];
		if (((a[1] == '-' && long_takes_next(a + 2)) ||
		    (a[1] != '-' && short_takes_next(a + 1))) && i + 1 < argc)
			out[n++] = argv[++i];
	}
	out[n] = NULL;
	*opts = out;
	*n_opts = n;
}

static void
parse_options(int argc, char **argv, options *o)
{
	static const zc_search_req req_init = ZC_SEARCH_REQ_INIT;
	char **args;
	int n_args, c;

	memset(o, 0, sizeof *o);
	o->req = req_init;
	o->colour = COLOUR_AUTO;
	split_arguments(argc, argv, &args, &n_args, o);
	argc = n_args;
	argv = args;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:" SHORT_OPTIONS, long_options,
	    NULL)) != -1) {
		switch (c) {
		case OPT_DB:
			o->dbs = zc_xrealloc(o->dbs, (o->n_dbs + 1) *
			    sizeof *o->dbs);
			o->dbs[o->n_dbs++] = optarg;
			break;
		case OPT_PARTIAL: o->partial = true; break;
		case 'n': o->req.limit = parse_count("-n", optarg); break;
		case OPT_OFFSET:
			o->req.offset = parse_count("--offset", optarg);
			break;
		case OPT_PER_DOC:
			o->req.per_doc = parse_count("--per-doc", optarg);
			if (o->req.per_doc == 0)
				usage_error("--per-doc 0", "must be at least 1");
			o->per_doc_given = true;
			break;
		case 'C':
			o->context = parse_count("-C", optarg);
			o->context_given = true;
			break;
		case OPT_VIMGREP: set_output(o, OUT_VIMGREP); break;
		case OPT_SORT:
			if (strcmp(optarg, "relevance") == 0)
				o->req.sort = ZC_SORT_RELEVANCE;
			else if (strcmp(optarg, "date") == 0)
				o->req.sort = ZC_SORT_DATE;
			else if (strcmp(optarg, "-date") == 0)
				o->req.sort = ZC_SORT_DATE_DESC;
			else
				usage_error(optarg, "unknown sort key "
				    "(relevance, date or -date)");
			break;
		case OPT_ALL_COPIES: o->req.all_copies = true; break;
		case OPT_COUNT_BY: add_count_by(o, optarg); break;
		case OPT_JSON: set_output(o, OUT_JSON); break;
		case OPT_TSV: set_output(o, OUT_TSV); break;
		case 'F': o->literal = true; break;
		case 'l': set_output(o, OUT_LIST); break;
		case '0': o->null = true; break;
		case 'c': set_output(o, OUT_COUNT); break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				o->colour = COLOUR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				o->colour = COLOUR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				o->colour = COLOUR_NEVER;
			else
				usage_error(optarg, "unknown colour mode "
				    "(auto, always or never)");
			break;
		case OPT_LEXICON: o->lexicon = optarg; break;
		case 'h':
			printf("%s\n\n%s", usage_line, help_text);
			exit(fflush(stdout) == 0 && !ferror(stdout) ? 0 :
			    EXIT_ERROR);
		case 'V':
			printf("zcsearch %s\n", ZC_VERSION);
			exit(fflush(stdout) == 0 && !ferror(stdout) ? 0 :
			    EXIT_ERROR);
		case ':':
			usage_error(argv[optind - 1], "needs an argument");
		default: {
			char opt[3] = { '-', (char)optopt, '\0' };

			if (optopt == 0 || optopt >= 256)
				usage_error(argv[optind - 1], "unknown option");
			if (strchr("nC", optopt) != NULL)
				usage_error(opt, "needs an argument");
			usage_error(opt, "unknown option (a query word that "
			    "starts with '-' goes after --)");
		}
		}
	}
	if (o->n_outputs > 1)
		usage_error("--vimgrep, --json, --tsv, -l, -c", "choose one");
	free(args); /* getopt's optarg points into argv's strings */
	if (o->null && o->output != OUT_LIST)
		usage_error("-0", "ends the paths of -l (give -l too)");
	if (o->context_given && o->output != OUT_TEXT)
		usage_error("-C", "cuts the passages of text output (not with "
		    "--vimgrep, --json, --tsv, -l or -c)");
	if (!o->context_given)
		o->context = DEFAULT_CONTEXT;
	if (o->output == OUT_VIMGREP && !o->per_doc_given)
		o->req.per_doc = UINT_MAX;
	if (o->n_count_by > 0 && (o->output == OUT_LIST ||
	    o->output == OUT_COUNT))
		usage_error("--count-by", "counts by itself (not with -l or "
		    "-c)");
}

/* Write b to stdout and empty it; false on failure (errno set). */
static bool
flush_buf(zc_buf *b)
{
	bool ok = b->len == 0 || fwrite(b->data, 1, b->len, stdout) == b->len;

	zc_buf_reset(b);
	return ok;
}

/* The worst status seen, and stdout's end: a failed write is an error
 * unless the reader went away. */
static int
finish_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == EPIPE)
			return status;
		zc_warn("stdout: %s", strerror(errno));
		return EXIT_ERROR;
	}
	return status;
}

/* Bare text that occurs nowhere as typed: the same query matched by its
 * words (zcsearch(1), FALLBACK), for the ranked outputs only.  *pq is
 * replaced when the fallback finds something; false when it does not
 * apply or fails (nothing is said then but the usual "no match"). */
static bool
fall_back(const options *o, zc_analyzer *an, const char *text, zc_db *db,
    zc_prepared **pq, zc_hits *hits)
{
	zc_prepared *words = NULL;
	zc_error err = {0};
	zc_buf msg = {0};
	unsigned long total = 1;
	bool differs = false;

	if (o->literal || zc_prepared_has_fallback(*pq, &differs, &err) !=
	    ZC_OK || !differs)
		return false;
	/* a page past the end is not a query that matched nothing */
	if (o->req.offset > 0 && (zc_search_count(db, *pq, &total, &err) !=
	    ZC_OK || total > 0))
		return false;
	if (zc_prepared_new(an, text, strlen(text), ZC_PREPARE_WORDS, &words,
	    &msg) != ZC_OK || zc_search_run(db, words, &o->req, hits, &err) !=
	    ZC_OK || hits->n == 0) {
		zc_prepared_free(words);
		zc_buf_free(&msg);
		return false;
	}
	zc_buf_free(&msg);
	zc_prepared_free(*pq);
	*pq = words;
	zc_warn("no document contains the query as typed; "
	    "these contain its words apart");
	return true;
}

/* The passages of each document in the order of the file, as an editor
 * lists matches (they come best first); documents keep their order. */
static void
in_file_order(zc_hits *h)
{
	for (size_t i = 1; i < h->n; i++) {
		zc_hit x = h->hit[i];
		size_t j = i;

		while (j > 0 && h->hit[j - 1].rank == x.rank &&
		    h->hit[j - 1].passage_no > x.passage_no) {
			h->hit[j] = h->hit[j - 1];
			j--;
		}
		h->hit[j] = x;
	}
}

/* A search failed: the query's fault, a remote database's (its message
 * names it), or the index's. */
static int
search_failed(zc_status st, const zc_error *err, const char *dbpath)
{
	if (st == ZC_ETOOBIG)
		zc_warn("query: %s", err->msg);
	else if (st == ZC_ENET)
		zc_warn("%s", err->msg);
	else
		zc_warn("%s: %s", dbpath, err->msg);
	return EXIT_ERROR;
}

static int
print_hits(const options *o, zc_analyzer *an, const char *text, zc_db *db,
    zc_prepared **pq, const char *dbpath)
{
	const printer *pr = o->output == OUT_JSON ? &json_printer :
	    o->output == OUT_TSV ? &tsv_printer :
	    o->output == OUT_VIMGREP ? &vimgrep_printer : &text_printer;
	hit_style style = { NULL, (o->output == OUT_TEXT ||
	    o->output == OUT_VIMGREP) && want_colour(o->colour), false,
	    o->context };
	zc_hits hits = ZC_HITS_INIT;
	zc_error err = {0};
	zc_buf out = {0};
	zc_status st;
	int status = EXIT_NO_MATCH;

	st = zc_search_run(db, *pq, &o->req, &hits, &err);
	if (st != ZC_OK)
		return search_failed(st, &err, dbpath);
	if (hits.n == 0)
		style.by_words = fall_back(o, an, text, db, pq, &hits);
	if (o->output == OUT_VIMGREP)
		in_file_order(&hits);
	if (pr->begin != NULL)
		pr->begin(&out);
	for (size_t i = 0; i < hits.n; i++) {
		pr->hit(&out, &hits.hit[i], &style);
		style.prev = &hits.hit[i];
		status = EXIT_MATCH;
		if (!flush_buf(&out))
			break;
	}
	flush_buf(&out);
	zc_buf_free(&out);
	zc_hits_free(&hits);
	return finish_stdout(status);
}

static int
print_paths(const options *o, zc_db *db, const zc_prepared *pq,
    const char *dbpath)
{
	zc_error err = {0};
	char **paths = NULL;
	size_t n = 0;
	zc_status st;

	st = zc_search_paths(db, pq, o->req.sort, &paths, &n, &err);
	if (st != ZC_OK)
		return search_failed(st, &err, dbpath);
	for (size_t i = 0; i < n; i++)
		if (fputs(paths[i], stdout) == EOF ||
		    putchar(o->null ? '\0' : '\n') == EOF)
			break;
	zc_search_paths_free(paths, n);
	return finish_stdout(n > 0 ? EXIT_MATCH : EXIT_NO_MATCH);
}

static int
print_count(zc_db *db, const zc_prepared *pq, const char *dbpath)
{
	zc_error err = {0};
	unsigned long n = 0;
	zc_status st;

	st = zc_search_count(db, pq, &n, &err);
	if (st != ZC_OK)
		return search_failed(st, &err, dbpath);
	printf("%lu\n", n);
	return finish_stdout(n > 0 ? EXIT_MATCH : EXIT_NO_MATCH);
}

/* The terminal's width in columns, or 0 when stdout is not one (no
 * bars are drawn then). */
static int
terminal_width(void)
{
	struct winsize ws;
	const char *columns = getenv("COLUMNS");

	if (!isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (columns != NULL && atoi(columns) > 0)
		return atoi(columns);
	return 80;
}

static int
print_count_by(const options *o, zc_db *db, const zc_prepared *pq,
    const char *dbpath)
{
	zc_facet_counts counts[ZC_FACET_END];
	zc_error err = {0};
	zc_buf out = {0};
	zc_status st;
	bool any = false;

	st = zc_search_count_by(db, pq, o->count_by, o->n_count_by, counts,
	    &err);
	if (st != ZC_OK)
		return search_failed(st, &err, dbpath);
	for (size_t k = 0; k < o->n_count_by; k++)
		any |= counts[k].n > 0;
	if (o->output == OUT_JSON)
		print_counts_json(&out, counts, o->n_count_by);
	else if (o->output == OUT_TSV)
		print_counts_tsv(&out, counts, o->n_count_by);
	else
		print_counts_text(&out, counts, o->n_count_by,
		    terminal_width());
	flush_buf(&out);
	zc_buf_free(&out);
	zc_facet_counts_free(counts, o->n_count_by);
	return finish_stdout(any ? EXIT_MATCH : EXIT_NO_MATCH);
}

/* A database of another schema answers queries by other terms: exact
 * text may miss (an older one) or the terms be unknown (a newer one).
 * Say so once, and search anyway: what it finds is still true. */
static void
warn_schema(zc_db *db, const char *dbpath)
{
	zc_error err = {0};
	unsigned long have = 0;
	char *v = NULL;
	size_t len = 0;
	int cmp = 0;

	if (zc_db_get_metadata(db, ZC_META_VERSION, &v, &len, &err) != ZC_OK)
		return;
	if (v == NULL || !zc_schema_compare(v, len, &have, &cmp))
		zc_warn("%s: built by an older zcindex (no schema version); "
		    "run zcindex on it again, or text will not be found",
		    dbpath);
	else if (cmp < 0)
		zc_warn("%s: built by an older zcindex (schema %lu, this "
		    "zcsearch reads %s); run zcindex on it again, or "
		    "text will not be found", dbpath, have, ZC_SCHEMA_VERSION);
	else if (cmp > 0)
		zc_warn("%s: built by a newer zcindex (schema %lu, this "
		    "zcsearch reads %s); some text may not be found", dbpath,
		    have, ZC_SCHEMA_VERSION);
	free(v);
}

/* The arguments joined by single spaces, as a shell user expects of
 * `zcsearch 孵化器 补贴`. */
static char *
join_args(int argc, char **argv)
{
	zc_buf b = {0};

	for (int i = 0; i < argc; i++) {
		if (i > 0)
			zc_buf_putc(&b, ' ');
		zc_buf_puts(&b, argv[i]);
	}
	return zc_buf_steal(&b);
}

/* --partial: a database left out is said so, and the search goes on. */
static void
warn_left_out(void *ctx, const char *where, const char *why)
{
	(void)ctx;
	zc_warn("%s: %s (left out: --partial)", where, why);
}

/* ZHENGCE_REMOTE_TIMEOUT, in seconds, as milliseconds (0: Xapian's
 * 10 s); a value that is not 1-3600 is a usage error. */
static unsigned
remote_timeout_ms(void)
{
	const char *v = getenv("ZHENGCE_REMOTE_TIMEOUT");
	char *end;
	unsigned long n;

	if (v == NULL || *v == '\0')
		return 0;
	errno = 0;
	n = strtoul(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < 1 || n > 3600 || *v == '-')
		usage_error("ZHENGCE_REMOTE_TIMEOUT", "not a number of "
		    "seconds from 1 to 3600");
	return (unsigned)n * 1000;
}

static void
free_databases(char **dbs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(dbs[i]);
	free(dbs);
}

/* The databases to search: each --db as zc_config_db_path takes it (an
 * empty one is a usage error), or the default one; *n of them.  NULL
 * after saying why. */
static char **
resolve_databases(const options *o, size_t *n)
{
	size_t given = o->n_dbs;
	char **dbs = zc_xcalloc(given > 0 ? given : 1, sizeof *dbs);
	zc_error err = {0};

	*n = 0;
	do {
		if (zc_config_db_path(given > 0 ? o->dbs[*n] : NULL,
		    &dbs[*n], &err) != ZC_OK) {
			zc_warn("%s", err.msg);
			if (err.status == ZC_EINVAL)
				usage_error(NULL, NULL);
			free_databases(dbs, *n);
			return NULL;
		}
	} while (++*n < given);
	return dbs;
}

/* Open the n databases dbs as one; NULL after saying why.  *name is
 * what messages call them: the one location, or the first and how many
 * more. */
static zc_db *
open_databases(const options *o, char *const *dbs, size_t n, char **name)
{
	zc_db_open_opts opts = { remote_timeout_ms(),
	    o->partial ? warn_left_out : NULL, NULL };
	zc_db *db = zc_db_new(&opts);
	zc_error err = {0};
	zc_buf b = {0};

	*name = NULL;
	for (size_t i = 0; i < n; i++) {
		zc_status st = zc_db_add(db, dbs[i], &err);

		if (st == ZC_OK)
			continue;
		if (st == ZC_ENOENT)
			zc_warn("%s: no index here (run zcindex first)",
			    dbs[i]);
		else
			zc_warn("%s: %s", dbs[i], err.msg);
		zc_db_close(db);
		return NULL;
	}
	if (zc_db_parts(db) == 0) {
		zc_warn("no database left to search");
		zc_db_close(db);
		return NULL;
	}
	zc_buf_puts(&b, dbs[0]);
	if (n > 1)
		zc_buf_printf(&b, " (and %zu more)", n - 1);
	*name = zc_buf_steal(&b);
	return db;
}

int
main(int argc, char **argv)
{
	options o;
	zc_prepared *pq = NULL;
	zc_analyzer *an = NULL;
	zc_db *db = NULL;
	zc_error err = {0};
	zc_buf msg = {0};
	char *text, *dbpath = NULL, **dbs;
	size_t n_dbs;
	zc_status st;
	int status;

	zc_set_progname("zcsearch");
	parse_options(argc, argv, &o);
	if (o.n_words == 0)
		usage_error(NULL, NULL);
	dbs = resolve_databases(&o, &n_dbs);
	if (dbs == NULL) {
		free(o.words);
		free(o.dbs);
		return EXIT_ERROR;
	}
	text = join_args(o.n_words, o.words);
	free(o.words); /* the words are argv's; text holds them now */
	o.words = NULL;

	st = zc_analyzer_new(o.lexicon, &an, &err);
	if (st != ZC_OK) {
		/* the lexicon's message names its path */
		zc_warn("%s", err.msg);
		status = EXIT_ERROR;
		goto done;
	}
	st = zc_prepared_new(an, text, strlen(text),
	    o.literal ? ZC_PREPARE_LITERAL : 0, &pq, &msg);
	if (st != ZC_OK) {
		zc_warn("%s", msg.data ? msg.data : "query: cannot be built");
		status = EXIT_ERROR;
		goto done;
	}
	db = open_databases(&o, dbs, n_dbs, &dbpath);
	if (db == NULL) {
		status = EXIT_ERROR;
		goto done;
	}
	warn_schema(db, dbpath);
	if (o.n_count_by > 0) {
		status = print_count_by(&o, db, pq, dbpath);
		goto done;
	}
	switch (o.output) {
	case OUT_LIST: status = print_paths(&o, db, pq, dbpath); break;
	case OUT_COUNT: status = print_count(db, pq, dbpath); break;
	default: status = print_hits(&o, an, text, db, &pq, dbpath); break;
	}
done:
	zc_db_close(db);
	zc_prepared_free(pq);
	zc_analyzer_free(an);
	zc_buf_free(&msg);
	free(dbpath);
	free(text);
	free(o.dbs);
	free_databases(dbs, n_dbs);
	return status;
}
