/*
 * package.c — which packaged format a ZIP archive is, and what its
 * readers share (zc_package.h).  Data flow: file bytes → zip.c → the
 * reader of its format (docx.c, ofd.c) → lines.
 *
 * Invariants: XML parts are parsed from memory without the network, a
 * DTD or entity substitution, each bounded before it is inflated whole.
 */
#include "zc_package.h"

#include <string.h>

#include <libxml/parser.h>

zc_status
zc_package_extract(const char *bytes, size_t len, zc_format *fmt,
    zc_lines *out, zc_error *err)
{
	zc_zip *z;
	zc_status st;

	memset(out, 0, sizeof *out);
	st = zc_zip_open(bytes, len, &z, err);
	if (st != ZC_OK)
		return st;
	if (zc_zip_has(z, "word/document.xml")) {
		*fmt = ZC_FORMAT_DOCX;
		st = zc_docx_extract(z, out, err);
	} else if (zc_zip_has(z, "OFD.xml")) {
		*fmt = ZC_FORMAT_OFD;
		st = zc_ofd_extract(z, out, err);
	} else {
		st = zc_fail(err, ZC_EBINARY, "a ZIP archive, but neither a "
		    "Word (DOCX) nor an OFD document");
	}
	zc_zip_close(z);
	if (st == ZC_OK && out->n == 0)
		st = zc_fail(err, ZC_EBINARY, "no text");
	return st;
}

zc_status
zc_package_parse(zc_zip *z, const char *name, size_t max, size_t *budget,
    xmlDoc **out, zc_error *err)
{
	zc_buf b = { 0 };
	xmlParserCtxt *ctxt;
	zc_status st;

	*out = NULL;
	if (budget != NULL && *budget < max)
		max = *budget;
	zc_extract_init();
	zc_extract_silence();
	st = zc_zip_read(z, name, max, &b, err);
	if (st == ZC_OK && b.len > INT32_MAX)
		st = zc_fail(err, ZC_ETOOBIG, "%s: too large to parse", name);
	if (st != ZC_OK) {
		zc_buf_free(&b);
		return st;
	}
	if (budget != NULL)
		*budget -= b.len;
	ctxt = xmlNewParserCtxt();
	if (ctxt != NULL)
		*out = xmlCtxtReadMemory(ctxt, b.len ? b.data : "", (int)b.len,
		    NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
		    XML_PARSE_NOWARNING);
	xmlFreeParserCtxt(ctxt);
	zc_buf_free(&b);
	if (*out == NULL)
		return zc_fail(err, ZC_EINVAL, "%s: malformed XML", name);
	return ZC_OK;
}

bool
zc_package_is(const xmlNode *n, const char *local)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, local) == 0;
}

xmlNode *
zc_package_child(const xmlNode *n, const char *local)
{
	for (xmlNode *c = n != NULL ? n->children : NULL; c != NULL;
	    c = c->next)
		if (zc_package_is(c, local))
			return c;
	return NULL;
}
