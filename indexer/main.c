/*
 * main.c — zcindex: options, then one of the modes: index (run.c),
 * --status (status.c), --dump (dump.c), --segment (segment.c).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "run.h"
#include "shards.h"
#include "status.h"
#include "walk.h"
#include "zc_config.h"
#include "zc_lexicon.h"
#include "zc_pipeline.h"
#include "zc_util.h"

static const char usage_line[] =
    "usage: zcindex [--db DIR] [--shards N] [-j N] [--rebuild] [--batch N] "
    "[--exclude GLOB] [--no-copies] "
    "[-q|-v] [-0] PATH... | -\n"
    "       zcindex [--db DIR] --update\n"
    "       zcindex [--db DIR] --compact OUT\n"
    "       zcindex --status | --dump FILE... | --segment\n";

static void
print_help(void)
{
	fputs(usage_line, stdout);
	fputs("\nIndex Chinese policy documents for zcsearch (in folders: "
	    ".txt .md .markdown\n.html .htm .shtml .xhtml .xml .pdf .docx "
	    ".ofd .doc .wps).\n\n"
	    "  --db DIR         database (default $ZHENGCE_DB, else "
	    "$XDG_DATA_HOME/zhengce/db,\n"
	    "                   else ~/.local/share/zhengce/db)\n"
	    "  --shards N       N shard databases under DIR, written in "
	    "parallel (a\n"
	    "                   sharded DIR keeps its number without it)\n"
	    "  -j, --jobs N     worker threads (default: number of cores)\n"
	    "  --rebuild        start from an empty database\n"
	    "  --batch N        commit after every N files (default 500)\n"
	    "  --exclude GLOB   skip files and folders matching GLOB "
	    "(repeatable)\n"
	    "  --no-copies      do not group reposted copies of a text\n"
	    "  -0, --null       paths read from - are NUL-separated\n"
	    "  -q, --quiet      no progress line and no summary\n"
	    "  -v, --verbose    one line per file on stderr\n"
	    "  --lexicon FILE   extra segmentation terms, one a line\n"
	    "  --update         index again the paths the database records\n"
	    "  --compact OUT    merge the database (its shards) into the "
	    "new folder OUT\n"
	    "  --status         describe the database and exit\n"
	    "  --dump           print format, encoding, metadata and "
	    "passages of FILEs; write nothing\n"
	    "  --segment        segment lines of stdin into words "
	    "separated by two spaces\n"
	    "  -h, --help       this help\n"
	    "  -V, --version    version\n"
	    "\nExit status: 0 all files indexed, 1 some failed (the rest "
	    "committed), 2 nothing done.\n", stdout);
}

enum mode { MODE_INDEX, MODE_STATUS, MODE_DUMP, MODE_SEGMENT,
    MODE_COMPACT };

/* --lexicon FILE, read by every worker later, is read once now so that
 * a missing file is said once, by its path, before anything is done. */
static bool
lexicon_readable(const char *path)
{
	zc_lexicon *lx = NULL;
	zc_error err = {0};

	if (zc_lexicon_new(path, &lx, &err) != ZC_OK) {
		zc_warn("%s", err.msg);
		return false;
	}
	zc_lexicon_free(lx);
	return true;
}

enum {
	OPT_DB = 256, OPT_REBUILD, OPT_EXCLUDE, OPT_LEXICON, OPT_STATUS,
	OPT_DUMP, OPT_SEGMENT, OPT_BATCH, OPT_NO_COPIES, OPT_UPDATE,
	OPT_SHARDS, OPT_COMPACT
};

static const struct option long_opts[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "jobs", required_argument, NULL, 'j' },
	{ "shards", required_argument, NULL, OPT_SHARDS },
	{ "compact", required_argument, NULL, OPT_COMPACT },
	{ "rebuild", no_argument, NULL, OPT_REBUILD },
	{ "batch", required_argument, NULL, OPT_BATCH },
	{ "exclude", required_argument, NULL, OPT_EXCLUDE },
	{ "no-copies", no_argument, NULL, OPT_NO_COPIES },
	{ "null", no_argument, NULL, '0' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "lexicon", required_argument, NULL, OPT_LEXICON },
	{ "status", no_argument, NULL, OPT_STATUS },
	{ "update", no_argument, NULL, OPT_UPDATE },
	{ "dump", no_argument, NULL, OPT_DUMP },
	{ "segment", no_argument, NULL, OPT_SEGMENT },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static int
usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", zc_progname());
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage_line, stderr);
	return 2;
}

static unsigned
default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

/* Whether the folder path holds one database (a stub naming its
 * generation, or a glass database itself). */
static bool
holds_database(const char *path)
{
	zc_buf b = {0};
	bool yes;

	zc_buf_printf(&b, "%s/XAPIANDB", path);
	yes = access(b.data, F_OK) == 0;
	zc_buf_reset(&b);
	zc_buf_printf(&b, "%s/iamglass", path);
	yes = yes || access(b.data, F_OK) == 0;
	zc_buf_free(&b);
	return yes;
}

/* Paths from stdin, one a line or NUL-separated. */
static void
add_stdin_paths(walk_list *list, const walk_opts *wo, bool nul)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	while ((n = getdelim(&line, &cap, nul ? '\0' : '\n', stdin)) > 0) {
		if (!nul && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n > 0)
			walk_add(list, line, wo);
	}
	free(line);
}

int
main(int argc, char **argv)
{
	/* Xapian holds a batch in memory until its commit: on the laws,
	 * 2,000 files took 473 MB and 44 s, 500 files 154 MB and 38 s
	 * (smaller maps to merge into), 100 files 56 MB and 38 s. */
	run_opts ro = { .jobs = default_jobs(), .commit_files = 500,
	    .commit_bytes = (size_t)16 << 20 };
	walk_opts wo = {0};
	walk_list files = {0};
	enum mode mode = MODE_INDEX;
	const char *db_arg = NULL, *compact_out = NULL;
	bool nul = false, update = false;
	unsigned shards = 0, have_shards;
	zc_error err = {0};
	char *db_path, *end;
	int c, rc;

	zc_set_progname("zcindex");
	while ((c = getopt_long(argc, argv, "j:0qvhV", long_opts, NULL)) != -1) {
		switch (c) {
		case OPT_DB: db_arg = optarg; break;
		case 'j':
			errno = 0;
			ro.jobs = (unsigned)strtoul(optarg, &end, 10);
			if (errno || *end || ro.jobs < 1 || ro.jobs > 256)
				return usage_error("-j %s: not a number from 1 "
				    "to 256", optarg);
			break;
		case OPT_REBUILD: ro.rebuild = true; break;
		case OPT_SHARDS:
			errno = 0;
			shards = (unsigned)strtoul(optarg, &end, 10);
			if (errno || *end || shards < 1 ||
			    shards > SHARDS_MAX || optarg[0] == '-')
				return usage_error("--shards %s: not a number "
				    "from 1 to 64", optarg);
			break;
		case OPT_BATCH:
			errno = 0;
			ro.commit_files = strtoul(optarg, &end, 10);
			if (errno || *end || ro.commit_files < 1)
				return usage_error("--batch %s: not a positive "
				    "number", optarg);
			break;
		case OPT_EXCLUDE:
			wo.excludes = zc_xrealloc(wo.excludes,
			    (wo.n_excludes + 1) * sizeof *wo.excludes);
			wo.excludes[wo.n_excludes++] = optarg;
			break;
		case OPT_NO_COPIES: ro.no_copies = true; break;
		case '0': nul = true; break;
		case 'q': ro.quiet = true; break;
		case 'v': ro.verbose = wo.verbose = true; break;
		case OPT_LEXICON: ro.lexicon = optarg; break;
		case OPT_STATUS: mode = MODE_STATUS; break;
		case OPT_COMPACT:
			mode = MODE_COMPACT;
			compact_out = optarg;
			break;
		case OPT_UPDATE: update = true; break;
		case OPT_DUMP: mode = MODE_DUMP; break;
		case OPT_SEGMENT: mode = MODE_SEGMENT; break;
		case 'h': print_help(); return 0;
		case 'V': printf("zcindex %s\n", ZC_VERSION); return 0;
		default: fputs(usage_line, stderr); return 2;
		}
	}
	if (ro.lexicon != NULL && !lexicon_readable(ro.lexicon)) {
		free(wo.excludes);
		return 2;
	}
	if (mode == MODE_SEGMENT) {
		free(wo.excludes);
		return zcindex_segment(stdin, stdout, ro.lexicon);
	}
	if (mode == MODE_DUMP) {
		free(wo.excludes);
		if (optind >= argc)
			return usage_error("%s", "--dump needs FILE arguments");
		return zcindex_dump(argv + optind, (size_t)(argc - optind),
		    stdout);
	}
	if (zc_config_db_path(db_arg, &db_path, &err) != ZC_OK) {
		free(wo.excludes);
		if (err.status == ZC_EINVAL)
			return usage_error("%s", err.msg);
		zc_warn("%s", err.msg);
		return 2;
	}
	if (mode == MODE_COMPACT) {
		rc = optind < argc ? usage_error("%s", "--compact takes no "
		    "PATH") : shards_merge(db_path, compact_out);
		free(db_path);
		free(wo.excludes);
		return rc;
	}
	if (mode == MODE_STATUS) {
		rc = zcindex_status(db_path, stdout);
		free(db_path);
		free(wo.excludes);
		return rc;
	}
	if (update && optind < argc) {
		free(db_path);
		free(wo.excludes);
		return usage_error("%s", "--update takes no PATH (it indexes "
		    "the paths the database records)");
	}
	if (update) {
		char **roots;
		size_t n;

		rc = zcindex_recorded_roots(db_path, &roots, &n);
		for (size_t i = 0; i < n; i++) {
			walk_add(&files, roots[i], &wo);
			free(roots[i]);
		}
		free(roots);
		if (rc != 0) {
			free(db_path);
			free(wo.excludes);
			return rc;
		}
	} else if (optind >= argc) {
		free(db_path);
		free(wo.excludes);
		return usage_error("%s", "no PATH to index");
	}
	for (int i = optind; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0)
			add_stdin_paths(&files, &wo, nul);
		else
			walk_add(&files, argv[i], &wo);
	}
	walk_finish(&files);
	ro.db_path = db_path;
	ro.progress = !ro.quiet && isatty(STDERR_FILENO);
	if (zc_config_make_parents(db_path) != 0) {
		zc_warn("%s: cannot create: %s", db_path, strerror(errno));
		rc = 2;
	} else if (!shards_count(db_path, &have_shards)) {
		rc = 2;
	} else if (shards > 0 && have_shards == 0 && holds_database(db_path)) {
		zc_warn("%s: one database, not shards (index the shards into "
		    "another --db)", db_path);
		rc = 2;
	} else if (shards > 0 && have_shards > 0 && shards != have_shards &&
	    !ro.rebuild) {
		zc_warn("%s: %u shards, not %u (--rebuild to change their "
		    "number)", db_path, have_shards, shards);
		rc = 2;
	} else if (shards > 0 || have_shards > 0) {
		rc = run_sharded(&ro, &files, shards > 0 ? shards :
		    have_shards);
	} else {
		rc = run_index(&ro, &files);
	}
	walk_free(&files);
	free(wo.excludes);
	free(db_path);
	return rc;
}
