/*
 * test_lexicon.c — the segmenter's terms: the shipped ones without a
 * file, a user's file read line by line (comments, blanks, CRLF, the
 * 255-byte limit on both sides), terms that belong to one lexicon, the
 * longest term's length, and a file that cannot be read.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zc_lexicon.h"

static bool
has(const zc_lexicon *lx, const char *term)
{
	return zc_lexicon_has(lx, term, strlen(term));
}

static zc_lexicon *
new_lexicon(const char *path)
{
	zc_lexicon *lx;
	zc_error err = {0};

	cr_assert_eq(zc_lexicon_new(path, &lx, &err), ZC_OK, "%s", err.msg);
	return lx;
}

/* A lexicon read from a temporary file holding text. */
static zc_lexicon *
lexicon_of(const char *text)
{
	char path[] = "/tmp/zc-test-lexicon-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	zc_lexicon *lx;

	cr_assert_geq(fd, 0);
	f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	lx = new_lexicon(path);
	unlink(path);
	return lx;
}

Test(lexicon, shipped_terms_need_no_file)
{
	zc_lexicon *lx = new_lexicon(NULL);

	cr_expect(has(lx, "科技企业孵化器"));
	cr_expect(has(lx, "专精特新"));
	cr_expect(!has(lx, "专精"));
	cr_expect(!has(lx, ""));
	cr_expect_geq(zc_lexicon_max_cp(lx), strlen("科技企业孵化器") / 3);
	zc_lexicon_free(lx);
	zc_lexicon_free(NULL);
}

Test(lexicon, a_file_has_one_term_a_line)
{
	zc_lexicon *lx = lexicon_of("# comment line\n"
	    "  沃壤行动\t\r\n"
	    "\n"
	    "企业孵化 # trailing comment\n"
	    "   # only a comment\n"
	    "末行无换行");

	cr_expect(has(lx, "沃壤行动"), "blanks and CR around a term go");
	cr_expect(has(lx, "企业孵化"), "a comment after a term goes");
	cr_expect(has(lx, "末行无换行"), "the last line needs no newline");
	cr_expect(!has(lx, "# comment line"));
	cr_expect(!has(lx, "企业孵化 "));
	cr_expect(!has(lx, ""), "a blank line is no term");
	zc_lexicon_free(lx);
}

Test(lexicon, a_term_may_have_255_bytes_not_256)
{
	char text[600];
	zc_lexicon *lx;

	memset(text, 'a', 255);
	text[255] = '\n';
	memset(text + 256, 'b', 256);
	text[512] = '\n';
	text[513] = '\0';
	lx = lexicon_of(text);
	cr_expect(zc_lexicon_has(lx, text, 255));
	cr_expect(!zc_lexicon_has(lx, text + 256, 256));
	cr_expect_eq(zc_lexicon_max_cp(lx), 255);
	zc_lexicon_free(lx);
}

Test(lexicon, the_longest_term_counts_code_points)
{
	zc_lexicon *lx = new_lexicon(NULL);
	size_t shipped = zc_lexicon_max_cp(lx);
	char term[4 * 3 * 40 + 1] = "";

	/* one more character than the longest shipped term */
	cr_assert_lt(shipped, 80, "term[] is too small");
	for (size_t i = 0; i <= shipped; i++)
		strcat(term, "词");
	zc_lexicon_add(lx, term, strlen(term));
	cr_expect(has(lx, term));
	cr_expect_eq(zc_lexicon_max_cp(lx), shipped + 1);
	zc_lexicon_free(lx);
}

Test(lexicon, added_terms_belong_to_one_lexicon)
{
	zc_lexicon *a = new_lexicon(NULL), *b = new_lexicon(NULL);

	zc_lexicon_add(a, "沃壤行动", strlen("沃壤行动"));
	cr_expect(has(a, "沃壤行动"));
	cr_expect(!has(b, "沃壤行动"));
	cr_expect(has(b, "专精特新"), "both share the shipped terms");
	zc_lexicon_free(a);
	zc_lexicon_free(b);
}

Test(lexicon, an_unreadable_file_is_an_error)
{
	zc_lexicon *lx = NULL;
	zc_error err = {0};

	cr_expect_eq(zc_lexicon_new("/nonexistent/lexicon.txt", &lx, &err),
	    ZC_ENOENT);
	cr_expect_null(lx);
	cr_expect_neq(strstr(err.msg, "/nonexistent/lexicon.txt"), NULL);
	cr_expect_eq(zc_lexicon_new("/tmp", &lx, &err), ZC_EIO,
	    "a directory opens but cannot be read");
	cr_expect_null(lx);
	cr_expect_neq(strstr(err.msg, "/tmp"), NULL);
}

/* The shipped terms are searched in place (sorted by gen-lexicon.sh):
 * every term of data/lexicon.txt is found, read from the file itself,
 * and no term with a byte added or taken away is, unless it is one. */
Test(lexicon, every_term_of_the_shipped_file_is_found)
{
	zc_lexicon *lx = new_lexicon(NULL), *file;
	FILE *f = fopen("data/lexicon.txt", "r");
	char line[512];
	size_t n = 0;

	cr_assert_not_null(f, "run from the top of the tree");
	file = new_lexicon("data/lexicon.txt");
	while (fgets(line, sizeof line, f) != NULL) {
		char *hash = strchr(line, '#');
		size_t len;

		if (hash != NULL)
			*hash = '\0';
		len = strcspn(line, " \t\r\n");
		line[len] = '\0';
		if (len == 0)
			continue;
		n++;
		cr_expect(has(lx, line), "%s", line);
		line[len - 1] = '\0';
		cr_expect_eq(has(lx, line), zc_lexicon_has(file, line,
		    len - 1), "%s", line);
	}
	fclose(f);
	cr_expect_gt(n, 1000u);
	cr_expect(!has(lx, "科技企业孵化器X"));
	zc_lexicon_free(file);
	zc_lexicon_free(lx);
}
