/*
 * dump.c — zcindex --dump FILE...: what the pipeline makes of each file,
 * exactly as it would be indexed, without touching a database.
 *
 * Output per file: "# PATH<TAB>FORMAT<TAB>ENCODING", the metadata as one
 * JSON object on one line, then one "LINE<TAB>PASSAGE" line per passage
 * (LINE is "p3" in a paged document: a PDF's, an OFD's).
 * A file that cannot be read is reported on stderr and skipped; the
 * exit status is then 1 (2 if writing stdout fails).
 */
#include "commands.h"

#include <errno.h>
#include <string.h>

#include "zc_json.h"
#include "zc_pipeline.h"
#include "zc_util.h"

static void
print_doc(const zc_doc *doc, zc_buf *b)
{
	bool paged = zc_doc_format_paged(doc->format, strlen(doc->format));

	zc_buf_printf(b, "# %s\t%s\t%s\n", doc->path, doc->format,
	    doc->encoding);
	zc_buf_putc(b, '{');
	zc_meta_json(b, &doc->meta);
	zc_buf_puts(b, "}\n");
	for (size_t i = 0; i < doc->n_passages; i++) {
		zc_buf_printf(b, "%s%u\t", paged ? "p" : "",
		    doc->passages[i].line);
		zc_buf_append(b, doc->passages[i].text, doc->passages[i].len);
		zc_buf_putc(b, '\n');
	}
}

int
zcindex_dump(char *const *paths, size_t n, FILE *out)
{
	zc_buf b = { 0 };
	int status = 0;

	zc_pipeline_init();
	for (size_t i = 0; i < n; i++) {
		zc_doc doc;
		zc_error err = { 0 };

		if (zc_pipeline_load(paths[i], &doc, &err) != ZC_OK) {
			zc_warn("%s: %s, skipped", paths[i], err.msg);
			status = 1;
			zc_doc_free(&doc);
			continue;
		}
		zc_buf_reset(&b);
		print_doc(&doc, &b);
		zc_doc_free(&doc);
		if (b.len > 0 && fwrite(b.data, 1, b.len, out) != b.len)
			break;
	}
	zc_buf_free(&b);
	if (fflush(out) != 0 || ferror(out)) {
		if (errno != EPIPE)
			zc_warn("stdout: %s", strerror(errno));
		return 2;
	}
	return status;
}
