/*
 * test_pipeline.c — whole documents through zc_pipeline_load: the five
 * seeds' metadata as docs/design.md ("The sample corpus") states it,
 * passages that point at their source lines, no chrome, the same
 * passages whatever the encoding, HTML pages, binary and missing files;
 * and zc_pipeline_read, the loader zcindex shares, on files, pipes and
 * the size limit from both sides.  Run from the repository root.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "zc_chars.h"
#include "zc_decode.h"
#include "zc_pipeline.h"

#define SEED(n) "corpus/" n

static const struct seed {
	const char *path;
	const char *want[ZC_FIELD_COUNT]; /* in zc_field order */
} seeds[] = {
	{ SEED("000_7e851b9a99e99ef3.txt"), {
	  [ZC_FIELD_TITLE] = "关于省十四届人大第二次会议第20240733号建议的答复",
	  [ZC_FIELD_INDEX_NO] = "011043145/2024-32081",
	  [ZC_FIELD_DATE] = "2024-08-12", [ZC_FIELD_WRITTEN] = "2024-08-12",
	  [ZC_FIELD_PUBLISHED] = "2024-08-12",
	  [ZC_FIELD_ISSUER] = "湖北省科学技术厅", [ZC_FIELD_TYPE] = "答复",
	  [ZC_FIELD_CATEGORY] = "科技", [ZC_FIELD_VALIDITY] = "有效" } },
	{ SEED("001_552c6465ef7f0f77.txt"), {
	  [ZC_FIELD_TITLE] = "关于省十四届人大三次会议第20250221号建议的答复",
	  [ZC_FIELD_INDEX_NO] = "011043145/2025-32703",
	  [ZC_FIELD_DATE] = "2025-07-30", [ZC_FIELD_WRITTEN] = "2025-07-30",
	  [ZC_FIELD_ISSUER] = "湖北省科学技术厅", [ZC_FIELD_TYPE] = "答复",
	  [ZC_FIELD_CATEGORY] = "科技", [ZC_FIELD_VALIDITY] = "有效" } },
	{ SEED("002_888f108bc29685f9.txt"), {
	  [ZC_FIELD_TITLE] =
	  "鄂州市科创孵化载体高质量发展两年行动方案(2024—2025年)",
	  [ZC_FIELD_DATE] = "2024-02-13", [ZC_FIELD_WRITTEN] = "2024-02-13",
	  [ZC_FIELD_ISSUER] = "鄂州市科学技术局", [ZC_FIELD_TYPE] = "方案" } },
	/* signed 8 August, put on the site in December */
	{ SEED("003_f2a134f1d5f08408.txt"), {
	  [ZC_FIELD_TITLE] = "市科技局开展优化营商环境工作情况小结",
	  [ZC_FIELD_DATE] = "2021-08-16", [ZC_FIELD_WRITTEN] = "2021-08-16",
	  [ZC_FIELD_PUBLISHED] = "2021-12-10",
	  [ZC_FIELD_ISSUER] = "武汉市科学技术局", [ZC_FIELD_TYPE] = "小结" } },
	/* a PDF export: only the date its page went up */
	{ SEED("004_c624585bce9b3aa8.txt"), {
	  [ZC_FIELD_TITLE] = "荆州经开区科技创新三年行动方案(2023-2025年)",
	  [ZC_FIELD_DATE] = "2022-12-31", [ZC_FIELD_PUBLISHED] = "2022-12-31",
	  [ZC_FIELD_TYPE] = "方案" } },
	/* the attachments (scripts/gen-corpus-attachments.sh): what the
	 * text says first, the file's own creation date as 发布日期 */
	{ SEED("005_attachment_notice.pdf"), {
	  [ZC_FIELD_TITLE] = "关于开展科技企业孵化器绩效评价工作的通知",
	  [ZC_FIELD_DATE] = "2024-03-15", [ZC_FIELD_WRITTEN] = "2024-03-15",
	  [ZC_FIELD_PUBLISHED] = "2024-03-18",
	  [ZC_FIELD_ISSUER] = "鄂州市科学技术局", [ZC_FIELD_TYPE] = "通知" } },
	{ SEED("006_attachment_list.docx"), {
	  [ZC_FIELD_TITLE] = "2024年度市级众创空间拟备案名单",
	  [ZC_FIELD_DATE] = "2024-03-20", [ZC_FIELD_WRITTEN] = "2024-03-20",
	  [ZC_FIELD_PUBLISHED] = "2024-03-20",
	  [ZC_FIELD_ISSUER] = "鄂州市科学技术局" } },
	{ SEED("007_attachment_plan.ofd"), {
	  [ZC_FIELD_TITLE] = "荆州经开区科技成果转化工作方案",
	  [ZC_FIELD_DATE] = "2023-01-10", [ZC_FIELD_WRITTEN] = "2023-01-10",
	  [ZC_FIELD_PUBLISHED] = "2023-01-12",
	  [ZC_FIELD_ISSUER] = "荆州经济技术开发区管理委员会",
	  [ZC_FIELD_TYPE] = "方案" } },
};
#define N_SEEDS (sizeof seeds / sizeof seeds[0])

/* Whitespace inside values does not matter (docs/design.md). */
static char *
squeeze(const char *s)
{
	zc_buf b = { 0 };
	char *out, *o;

	/* (collapsing may grow the text: an invalid byte becomes U+FFFD) */
	zc_chars_collapse(s, strlen(s), &b);
	out = o = malloc(b.len + 1);
	for (size_t i = 0; i < b.len; i++)
		if (b.data[i] != ' ')
			*o++ = b.data[i];
	*o = '\0';
	zc_buf_free(&b);
	return out;
}

static void
load(const char *path, zc_doc *doc)
{
	zc_error err = { 0 };

	cr_assert_eq(zc_pipeline_load(path, doc, &err), ZC_OK, "%s: %s",
	    path, err.msg);
}

static void
check_seed_field(size_t s, zc_field f)
{
	zc_doc doc;
	const char *got, *want = seeds[s].want[f];

	load(seeds[s].path, &doc);
	got = doc.meta.value[f];
	if (want == NULL) {
		cr_expect_null(got, "%s %s: got %s", seeds[s].path,
		    zc_fields[f].key, got);
	} else {
		char *g, *w;

		cr_assert_not_null(got, "%s %s: got null", seeds[s].path,
		    zc_fields[f].key);
		g = squeeze(got);
		w = squeeze(want);
		cr_expect_str_eq(g, w, "%s %s", seeds[s].path,
		    zc_fields[f].key);
		free(g);
		free(w);
	}
	zc_doc_free(&doc);
}

Test(pipeline, seeds_have_their_titles)
{
	for (size_t s = 0; s < N_SEEDS; s++)
		check_seed_field(s, ZC_FIELD_TITLE);
}

Test(pipeline, seeds_have_their_index_numbers)
{
	for (size_t s = 0; s < N_SEEDS; s++)
		check_seed_field(s, ZC_FIELD_INDEX_NO);
}

Test(pipeline, seeds_have_their_dates)
{
	for (size_t s = 0; s < N_SEEDS; s++)
		check_seed_field(s, ZC_FIELD_DATE);
}

Test(pipeline, seeds_have_their_two_dates)
{
	for (size_t s = 0; s < N_SEEDS; s++) {
		check_seed_field(s, ZC_FIELD_WRITTEN);
		check_seed_field(s, ZC_FIELD_PUBLISHED);
	}
}

Test(pipeline, seeds_have_their_types)
{
	for (size_t s = 0; s < N_SEEDS; s++)
		check_seed_field(s, ZC_FIELD_TYPE);
}

Test(pipeline, seeds_have_their_issuers)
{
	for (size_t s = 0; s < N_SEEDS; s++)
		check_seed_field(s, ZC_FIELD_ISSUER);
}

Test(pipeline, seeds_have_their_document_numbers)
{
	for (size_t s = 0; s < N_SEEDS; s++)
		check_seed_field(s, ZC_FIELD_DOC_NO);
}

Test(pipeline, seeds_have_their_categories)
{
	for (size_t s = 0; s < N_SEEDS; s++)
		check_seed_field(s, ZC_FIELD_CATEGORY);
}

Test(pipeline, seeds_have_their_validity)
{
	for (size_t s = 0; s < N_SEEDS; s++)
		check_seed_field(s, ZC_FIELD_VALIDITY);
}

/* The source file as lines with all whitespace removed. */
static char **
read_lines(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char **lines = NULL, *line = NULL;
	size_t cap = 0;
	ssize_t len;

	cr_assert_not_null(f, "%s", path);
	*n = 0;
	while ((len = getline(&line, &cap, f)) >= 0) {
		lines = realloc(lines, (*n + 1) * sizeof *lines);
		lines[(*n)++] = squeeze(line);
	}
	free(line);
	fclose(f);
	return lines;
}

/* The first k characters of a passage, whitespace removed. */
static char *
head_of(const char *passage, size_t k)
{
	char *s = squeeze(passage);
	size_t i = 0, adv;

	while (k-- > 0 && s[i] != '\0') {
		zc_utf8_decode(s + i, strlen(s + i), &adv);
		i += adv;
	}
	s[i] = '\0';
	return s;
}

/* Is seed s a text file (not an attachment, whose lines are pages or
 * blocks: tests/e2e/t41-lines.sh re-reads those with readers of its own)? */
static bool
is_text_seed(size_t s)
{
	size_t n = strlen(seeds[s].path);

	return n > 4 && strcmp(seeds[s].path + n - 4, ".txt") == 0;
}

Test(pipeline, every_seed_passage_points_at_the_line_where_it_starts)
{
	for (size_t s = 0; s < N_SEEDS; s++) {
		size_t n;
		char **lines;
		zc_doc doc;

		if (!is_text_seed(s))
			continue;
		lines = read_lines(seeds[s].path, &n);
		load(seeds[s].path, &doc);
		cr_expect_gt(doc.n_passages, 0, "%s", seeds[s].path);
		for (size_t i = 0; i < doc.n_passages; i++) {
			const zc_passage *p = &doc.passages[i];
			char *head = head_of(p->text, 6);

			cr_assert(p->line >= 1 && p->line <= n, "%s:%u",
			    seeds[s].path, p->line);
			cr_expect_not_null(strstr(lines[p->line - 1], head),
			    "%s:%u does not contain %s", seeds[s].path,
			    p->line, head);
			free(head);
		}
		for (size_t i = 0; i < n; i++)
			free(lines[i]);
		free(lines);
		zc_doc_free(&doc);
	}
}

Test(pipeline, no_chrome_line_of_the_seeds_is_in_a_passage)
{
	static const char *const chrome[] = { "公网安备", "投资咨询热线",
	    "网站地图", "打印", "关闭", "点击总量", "网站标识码", "ICP备",
	    "计划管理", "工作后台", "今天是", "订阅", "为您推送", "快去查看",
	    "400-168-6016", "人生就是博", "已阅", NULL };

	for (size_t s = 0; s < N_SEEDS; s++) {
		zc_doc doc;

		load(seeds[s].path, &doc);
		for (size_t i = 0; i < doc.n_passages; i++)
			for (int c = 0; chrome[c] != NULL; c++)
				cr_expect_null(strstr(doc.passages[i].text,
				    chrome[c]), "%s:%u has %s",
				    seeds[s].path, doc.passages[i].line,
				    chrome[c]);
		zc_doc_free(&doc);
	}
}

Test(pipeline, passages_have_no_newlines_tabs_or_overlong_text)
{
	for (size_t s = 0; s < N_SEEDS; s++) {
		zc_doc doc;

		load(seeds[s].path, &doc);
		for (size_t i = 0; i < doc.n_passages; i++) {
			const zc_passage *p = &doc.passages[i];

			cr_expect_null(memchr(p->text, '\n', p->len));
			cr_expect_null(memchr(p->text, '\t', p->len));
			cr_expect_leq(zc_utf8_count(p->text, p->len), 400,
			    "%s:%u", seeds[s].path, p->line);
		}
		zc_doc_free(&doc);
	}
}

Test(pipeline, the_pdf_export_is_rejoined)
{
	zc_doc doc;
	bool found = false;

	load(SEED("004_c624585bce9b3aa8.txt"), &doc);
	for (size_t i = 0; i < doc.n_passages; i++)
		if (strstr(doc.passages[i].text, "科技创新治理体系") != NULL &&
		    strstr(doc.passages[i].text, "博士后工作站") == NULL)
			found = true;
	cr_expect(found, "科技创新治 理体系 is repaired");
	for (size_t i = 0; i < doc.n_passages; i++)
		if (strstr(doc.passages[i].text, "博士后工作站等各类创新平台"))
			cr_expect_eq(doc.passages[i].line, 29);
	zc_doc_free(&doc);
}

static void
expect_same_passages(const char *a, const char *b, const char *enc)
{
	zc_doc x, y;

	load(a, &x);
	load(b, &y);
	cr_expect_str_eq(y.encoding, enc, "%s", b);
	cr_assert_eq(x.n_passages, y.n_passages, "%s vs %s", a, b);
	for (size_t i = 0; i < x.n_passages; i++) {
		cr_expect_str_eq(x.passages[i].text, y.passages[i].text);
		cr_expect_eq(x.passages[i].line, y.passages[i].line);
	}
	for (int f = 0; f < ZC_FIELD_COUNT; f++) {
		if (x.meta.value[f] == NULL)
			cr_expect_null(y.meta.value[f]);
		else
			cr_expect_str_eq(x.meta.value[f], y.meta.value[f]);
	}
	zc_doc_free(&x);
	zc_doc_free(&y);
}

Test(pipeline, a_seed_in_gbk_gives_the_same_passages)
{
	expect_same_passages(SEED("002_888f108bc29685f9.txt"),
	    "tests/data/seed002-gbk.txt", "GB18030");
	expect_same_passages(SEED("000_7e851b9a99e99ef3.txt"),
	    "tests/data/seed000-gbk.txt", "GB18030");
}

Test(pipeline, a_seed_in_utf16_gives_the_same_passages)
{
	expect_same_passages(SEED("000_7e851b9a99e99ef3.txt"),
	    "tests/data/seed000-utf16.txt", "UTF-16LE");
	expect_same_passages(SEED("003_f2a134f1d5f08408.txt"),
	    "tests/data/seed003-utf16be.txt", "UTF-16BE");
}

/* Every field of doc is want's: equal, or absent where want is NULL. */
static void
expect_fields(const zc_doc *doc, const char *const want[ZC_FIELD_COUNT])
{
	for (int f = 0; f < ZC_FIELD_COUNT; f++) {
		const char *got = doc->meta.value[f];

		if (want[f] == NULL)
			cr_expect_null(got, "%s: %s", zc_fields[f].key, got);
		else
			cr_expect(got != NULL && strcmp(got, want[f]) == 0,
			    "%s: %s", zc_fields[f].key, got ? got : "null");
	}
}

Test(pipeline, a_government_html_page_gives_its_metadata)
{
	/* 发文日期 is the 成文日期 of provincial platforms: it beats the
	 * 落款 below; PubDate and 发布时间 say when the page went up */
	static const char *const want[ZC_FIELD_COUNT] = {
		[ZC_FIELD_TITLE] = "市科技局开展优化营商环境工作情况小结",
		[ZC_FIELD_INDEX_NO] = "010-2021-00123",
		[ZC_FIELD_DATE] = "2021-12-10",
		[ZC_FIELD_WRITTEN] = "2021-12-10",
		[ZC_FIELD_PUBLISHED] = "2021-12-10",
		[ZC_FIELD_ISSUER] = "武汉市科学技术局",
		[ZC_FIELD_DOC_NO] = "武科〔2021〕18号",
		[ZC_FIELD_TYPE] = "小结",
		[ZC_FIELD_CATEGORY] = "科技", [ZC_FIELD_VALIDITY] = "有效"
	};
	zc_doc doc;

	load("tests/data/policy-gb2312.html", &doc);
	cr_expect_str_eq(doc.format, "html");
	cr_expect_str_eq(doc.encoding, "GB18030");
	expect_fields(&doc, want);
	zc_doc_free(&doc);
}

Test(pipeline, a_gb2312_page_keeps_its_gbk_only_characters_and_drops_chrome)
{
	static const char *const chrome[] = { "公网安备", "网站地图", "打印",
	    "当前位置", "政务公开", "机构概况", "document.write", "color",
	    "分享到", NULL };
	zc_doc doc;
	bool zhu = false;

	load("tests/data/policy-gb2312.html", &doc);
	for (size_t i = 0; i < doc.n_passages; i++) {
		zhu |= strstr(doc.passages[i].text, "朱镕基") != NULL;
		for (int c = 0; chrome[c] != NULL; c++)
			cr_expect_null(strstr(doc.passages[i].text, chrome[c]),
			    "%s in %s", chrome[c], doc.passages[i].text);
	}
	cr_expect(zhu, "朱镕基 survives a charset=gb2312 declaration");
	zc_doc_free(&doc);
}

Test(pipeline, random_bytes_are_binary)
{
	zc_doc doc;
	zc_error err = { 0 };

	cr_expect_eq(zc_pipeline_load("tests/data/random.bin", &doc, &err),
	    ZC_EBINARY);
	cr_expect_str_eq(err.msg, "not a text file (NUL bytes)");
	cr_expect_str_eq(doc.path, "tests/data/random.bin");
	zc_doc_free(&doc);
}

Test(pipeline, a_missing_file_is_enoent)
{
	zc_doc doc;
	zc_error err = { 0 };

	cr_expect_eq(zc_pipeline_load("tests/data/no-such-file.txt", &doc,
	    &err), ZC_ENOENT);
	zc_doc_free(&doc);
}

Test(pipeline, a_file_over_256_mb_is_refused_unread)
{
	char path[] = "/tmp/zc-big-XXXXXX";
	int fd = mkstemp(path);
	zc_doc doc;
	zc_error err = { 0 };

	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, (off_t)(256 << 20) + 1), 0);
	close(fd);
	cr_expect_eq(zc_pipeline_load(path, &doc, &err), ZC_ETOOBIG);
	zc_doc_free(&doc);
	unlink(path);
}

Test(pipeline, a_file_of_exactly_256_mb_is_not_refused_for_its_size)
{
	char path[] = "/tmp/zc-big-XXXXXX";
	int fd = mkstemp(path);
	zc_doc doc;
	zc_error err = { 0 };

	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, (off_t)(256 << 20)), 0);
	close(fd);
	/* all NUL bytes: read through, then found to be binary */
	cr_expect_eq(zc_pipeline_load(path, &doc, &err), ZC_EBINARY);
	zc_doc_free(&doc);
	unlink(path);
}

/* ---- zc_pipeline_read: the one loader of zcindex and the pipeline ---- */

Test(pipeline_read, a_file_is_read_whole_with_its_stat)
{
	zc_buf b = { 0 };
	zc_error err = { 0 };
	struct stat st, want;

	cr_assert_eq(stat(SEED("000_7e851b9a99e99ef3.txt"), &want), 0);
	cr_assert_eq(zc_pipeline_read(SEED("000_7e851b9a99e99ef3.txt"), &b,
	    &st, &err), ZC_OK, "%s", err.msg);
	cr_expect_eq(b.len, (size_t)want.st_size);
	cr_expect_eq(st.st_ino, want.st_ino);
	cr_expect_eq(st.st_mtim.tv_nsec, want.st_mtim.tv_nsec);
	cr_expect_eq(b.data[b.len], '\0');
	cr_expect_not_null(strstr(b.data, "沃壤行动"));
	zc_buf_free(&b);
}

Test(pipeline_read, an_empty_file_is_an_empty_string)
{
	char path[] = "/tmp/zc-empty-XXXXXX";
	int fd = mkstemp(path);
	zc_buf b = { 0 };

	cr_assert_geq(fd, 0);
	close(fd);
	cr_assert_eq(zc_pipeline_read(path, &b, NULL, NULL), ZC_OK);
	cr_expect_eq(b.len, 0);
	cr_expect_str_eq(b.data, "");
	zc_buf_free(&b);
	unlink(path);
}

Test(pipeline_read, a_directory_or_a_missing_file_is_refused)
{
	zc_buf b = { 0 };
	zc_error err = { 0 };

	cr_expect_eq(zc_pipeline_read("tests", &b, NULL, &err), ZC_EIO);
	cr_expect_str_eq(err.msg, "is a directory");
	cr_expect_null(b.data);
	cr_expect_eq(zc_pipeline_read("tests/no-such-file", &b, NULL, &err),
	    ZC_ENOENT);
	cr_expect_str_eq(err.msg, "No such file or directory");
	cr_expect_null(b.data);
}

Test(pipeline_read, a_file_over_the_limit_says_so)
{
	char path[] = "/tmp/zc-big-XXXXXX";
	int fd = mkstemp(path);
	zc_buf b = { 0 };
	zc_error err = { 0 };

	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, (off_t)ZC_MAX_INPUT + 1), 0);
	close(fd);
	cr_expect_eq(zc_pipeline_read(path, &b, NULL, &err), ZC_ETOOBIG);
	cr_expect_str_eq(err.msg, "larger than 256 MB");
	cr_expect_null(b.data);
	unlink(path);
}

/* What zc_pipeline_read makes of a pipe that carries n bytes of 'a'. */
static zc_status
read_pipe(size_t n, zc_buf *b, zc_error *err)
{
	static char chunk[65536];
	char path[32];
	int fds[2], status;
	pid_t pid;
	zc_status st;

	cr_assert_eq(pipe(fds), 0);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		close(fds[0]);
		memset(chunk, 'a', sizeof chunk);
		while (n > 0) {
			size_t k = n < sizeof chunk ? n : sizeof chunk;
			ssize_t w = write(fds[1], chunk, k);
			if (w <= 0)
				_exit(0); /* the reader stopped: refused */
			n -= (size_t)w;
		}
		_exit(0);
	}
	close(fds[1]);
	snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
	st = zc_pipeline_read(path, b, NULL, err);
	close(fds[0]);
	waitpid(pid, &status, 0);
	return st;
}

Test(pipeline_read, a_pipe_is_read_to_its_end)
{
	zc_buf b = { 0 };
	zc_error err = { 0 };

	cr_assert_eq(read_pipe(100000, &b, &err), ZC_OK, "%s", err.msg);
	cr_expect_eq(b.len, 100000);
	cr_expect_eq(b.data[99999], 'a');
	cr_expect_eq(b.data[100000], '\0');
	zc_buf_free(&b);
}

Test(pipeline_read, a_pipe_of_exactly_the_limit_is_read)
{
	zc_buf b = { 0 };
	zc_error err = { 0 };

	cr_assert_eq(read_pipe(ZC_MAX_INPUT, &b, &err), ZC_OK, "%s", err.msg);
	cr_expect_eq(b.len, ZC_MAX_INPUT);
	zc_buf_free(&b);
}

Test(pipeline_read, a_pipe_past_the_limit_is_refused_while_reading)
{
	zc_buf b = { 0 };
	zc_error err = { 0 };

	cr_expect_eq(read_pipe(ZC_MAX_INPUT + 1, &b, &err), ZC_ETOOBIG);
	cr_expect_str_eq(err.msg, "larger than 256 MB");
	cr_expect_null(b.data);
}

Test(pipeline, html_saved_as_txt_is_still_html)
{
	const char *page = "<!DOCTYPE html><html><head><title>关于开展某项工作的通知"
	    "</title></head><body><p>正文第一段。</p></body></html>";
	zc_doc doc;
	zc_error err = { 0 };

	cr_assert_eq(zc_pipeline_load_bytes("page.txt", page, strlen(page),
	    &doc, &err), ZC_OK);
	cr_expect_str_eq(doc.format, "html");
	cr_assert_eq(doc.n_passages, 1);
	cr_expect_str_eq(doc.passages[0].text, "正文第一段。");
	zc_doc_free(&doc);
}

Test(pipeline, an_empty_file_has_no_passages)
{
	zc_doc doc;
	zc_error err = { 0 };

	cr_assert_eq(zc_pipeline_load_bytes("e.txt", "", 0, &doc, &err),
	    ZC_OK);
	cr_expect_eq(doc.n_passages, 0);
	cr_expect_null(doc.meta.value[ZC_FIELD_TITLE]);
	zc_doc_free(&doc);
}

/* A Big5 page labels in Traditional characters: 發布日期 is a label, so
 * its line is metadata and never the title (it was, once). */
Test(pipeline, a_big5_page_with_traditional_labels)
{
	zc_doc doc;

	load("tests/data/big5-labels.txt", &doc);
	cr_expect_str_eq(doc.encoding, "Big5-HKSCS");
	cr_expect_str_eq(doc.meta.value[ZC_FIELD_TITLE],
	    "國務院關於加快推進科技創新的若干意見");
	cr_expect_str_eq(doc.meta.value[ZC_FIELD_PUBLISHED], "2024-09-01");
	cr_expect_str_eq(doc.meta.value[ZC_FIELD_DOC_NO], "國發〔2024〕5號");
	cr_expect_str_eq(doc.meta.value[ZC_FIELD_TYPE], "意见");
	zc_doc_free(&doc);
}

/* A page of the State Council's policy library: both dates, the
 * category with its levels, the title in a spaced label. */
Test(pipeline, a_page_of_the_state_councils_library)
{
	static const char *const want[ZC_FIELD_COUNT] = {
		[ZC_FIELD_TITLE] = "国务院办公厅关于印发《推动大规模设备更新和"
		    "消费品以旧换新行动方案》的通知",
		[ZC_FIELD_INDEX_NO] = "000014349/2024-00045",
		[ZC_FIELD_DATE] = "2024-05-06",
		[ZC_FIELD_WRITTEN] = "2024-05-06",
		[ZC_FIELD_PUBLISHED] = "2024-05-09",
		[ZC_FIELD_ISSUER] = "国务院办公厅",
		[ZC_FIELD_DOC_NO] = "国办发〔2024〕23号",
		[ZC_FIELD_TYPE] = "通知",
		[ZC_FIELD_CATEGORY] = "工业、交通\\中小企业",
	};
	zc_doc doc;

	load("tests/data/govcn-policy.html", &doc);
	expect_fields(&doc, want);
	zc_doc_free(&doc);
}
