/*
 * xapian.cc — the only C++ file: the C API of zc_xapian.h over Xapian.
 *
 * Every extern "C" body is one try block, or calls a helper that is;
 * its catch (...) calls fail_from_exception(), which rethrows to classify
 * the exception into a zc_status.  No exception crosses into C, and
 * nothing here prints.  The wrapper knows Xapian, not policy documents
 * (see zc_schema.h).
 */
#include "zc_xapian.h"

#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

struct zc_db {
	Xapian::Database db;
	std::vector<std::string> paths;
};

struct zc_wdb {
	Xapian::WritableDatabase db;
};

struct zc_xdoc {
	Xapian::Document doc;
};

struct zc_query {
	Xapian::Query q;
};

struct zc_mset {
	Xapian::MSet mset;
	Xapian::Database db; /* keeps the revision the hits came from */
};

static zc_status
fail_from_exception(zc_error *err)
{
	try {
		throw;
	} catch (const Xapian::DatabaseLockError &e) {
		return zc_fail(err, ZC_ELOCKED, "%s", e.get_msg().c_str());
	} catch (const Xapian::DatabaseModifiedError &e) {
		return zc_fail(err, ZC_EMODIFIED, "%s", e.get_msg().c_str());
	} catch (const Xapian::DatabaseNotFoundError &e) {
		return zc_fail(err, ZC_ENOENT, "%s", e.get_msg().c_str());
	} catch (const Xapian::DatabaseOpeningError &e) {
		return zc_fail(err, ZC_ENOENT, "%s", e.get_msg().c_str());
	} catch (const Xapian::WildcardError &e) {
		return zc_fail(err, ZC_ETOOBIG, "%s", e.get_msg().c_str());
	} catch (const Xapian::InvalidArgumentError &e) {
		return zc_fail(err, ZC_EINVAL, "%s", e.get_msg().c_str());
	} catch (const Xapian::DocNotFoundError &e) {
		return zc_fail(err, ZC_ENOENT, "%s", e.get_msg().c_str());
	} catch (const Xapian::Error &e) {
		return zc_fail(err, ZC_EXAPIAN, "%s", e.get_description().c_str());
	} catch (const std::bad_alloc &) {
		return zc_fail(err, ZC_ENOMEM, "out of memory");
	} catch (const std::exception &e) {
		return zc_fail(err, ZC_EXAPIAN, "%s", e.what());
	} catch (...) {
		return zc_fail(err, ZC_EXAPIAN, "unknown error");
	}
}

/* Copy a std::string into a malloc'd, NUL-terminated C string. */
static void
give_string(const std::string &s, char **out, size_t *out_len)
{
	char *p = static_cast<char *>(zc_xmalloc(s.size() + 1));

	std::memcpy(p, s.data(), s.size());
	p[s.size()] = '\0';
	*out = p;
	if (out_len != NULL)
		*out_len = s.size();
}

static zc_status
list_metadata_keys(const Xapian::Database &db, const char *prefix,
    zc_string_cb cb, void *ctx)
{
	std::string p(prefix != NULL ? prefix : "");

	for (Xapian::TermIterator t = db.metadata_keys_begin(p);
	    t != db.metadata_keys_end(p); ++t) {
		std::string k = *t;
		if (!cb(ctx, k.data(), k.size()))
			break;
	}
	return ZC_OK;
}

/* The reading calls that a database opened for writing answers too:
 * one body each, whichever handle the caller holds. */
static zc_status
read_metadata(const Xapian::Database &db, const char *key, char **out,
    size_t *out_len, zc_error *err)
{
	*out = NULL;
	try {
		std::string v = db.get_metadata(key);
		if (!v.empty())
			give_string(v, out, out_len);
		else if (out_len != NULL)
			*out_len = 0;
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

static zc_status
read_metadata_keys(const Xapian::Database &db, const char *prefix,
    zc_string_cb cb, void *ctx, zc_error *err)
{
	try {
		return list_metadata_keys(db, prefix, cb, ctx);
	} catch (...) {
		return fail_from_exception(err);
	}
}

extern "C" {

/* ---- reading ---------------------------------------------------------- */

zc_status
zc_db_open(const char *path, zc_db **out, zc_error *err)
{
	*out = NULL;
	try {
		zc_db *h = new zc_db{Xapian::Database(path), {path}};
		*out = h;
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_db_add_shard(zc_db *db, const char *path, zc_error *err)
{
	try {
		db->db.add_database(Xapian::Database(path));
		db->paths.push_back(path);
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_db_reopen(zc_db *db, zc_error *err)
{
	try {
		db->db.reopen();
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

void
zc_db_close(zc_db *db)
{
	delete db;
}

zc_status
zc_db_get_stats(zc_db *db, zc_db_stats *out, zc_error *err)
{
	try {
		out->doc_count = db->db.get_doccount();
		out->last_docid = db->db.get_lastdocid();
		out->avg_length = db->db.get_avlength();
		unsigned long n = 0;
		for (Xapian::TermIterator t = db->db.allterms_begin();
		    t != db->db.allterms_end(); ++t)
			n++;
		out->term_count = n;
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_db_term_freq(zc_db *db, const char *term, size_t term_len,
    unsigned long *out, zc_error *err)
{
	try {
		*out = db->db.get_termfreq(std::string(term, term_len));
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_db_get_metadata(zc_db *db, const char *key, char **out, size_t *out_len,
    zc_error *err)
{
	return read_metadata(db->db, key, out, out_len, err);
}

zc_status
zc_db_metadata_keys(zc_db *db, const char *prefix, zc_string_cb cb,
    void *ctx, zc_error *err)
{
	return read_metadata_keys(db->db, prefix, cb, ctx, err);
}

zc_status
zc_db_all_terms(zc_db *db, const char *prefix, zc_string_cb cb, void *ctx,
    zc_error *err)
{
	try {
		std::string p(prefix != NULL ? prefix : "");
		for (Xapian::TermIterator t = db->db.allterms_begin(p);
		    t != db->db.allterms_end(p); ++t) {
			std::string term = *t;
			if (!cb(ctx, term.data(), term.size()))
				break;
		}
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

/* ---- writing ---------------------------------------------------------- */

zc_status
zc_wdb_open(const char *path, int flags, zc_wdb **out, zc_error *err)
{
	int action = Xapian::DB_OPEN;

	*out = NULL;
	if (flags & ZC_WDB_OVERWRITE)
		action = Xapian::DB_CREATE_OR_OVERWRITE;
	else if (flags & ZC_WDB_CREATE)
		action = Xapian::DB_CREATE_OR_OPEN;
	try {
		*out = new zc_wdb{Xapian::WritableDatabase(path, action)};
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_wdb_close(zc_wdb *wdb, zc_error *err)
{
	zc_status st = ZC_OK;

	if (wdb == NULL)
		return ZC_OK;
	try {
		wdb->db.commit();
		wdb->db.close();
	} catch (...) {
		st = fail_from_exception(err);
	}
	try {
		delete wdb;
	} catch (...) {
		/* the destructor's own commit failure is reported above */
	}
	return st;
}

void
zc_wdb_abandon(zc_wdb *wdb)
{
	if (wdb == NULL)
		return;
	try {
		/* close() releases the lock.  Inside a group (zc_wdb_begin,
		 * unflushed) it cancels the group and every change since the
		 * last commit; outside one it commits what is pending, and
		 * zcindex writes only inside groups, so that is whole groups
		 * (test_xapian: abandoning_*). */
		wdb->db.close();
	} catch (...) {
	}
	try {
		delete wdb;
	} catch (...) {
	}
}

zc_status
zc_wdb_replace(zc_wdb *wdb, const char *id_term, const zc_xdoc *doc,
    zc_docid *out_id, zc_error *err)
{
	try {
		Xapian::docid id = wdb->db.replace_document(id_term, doc->doc);
		if (out_id != NULL)
			*out_id = id;
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_wdb_delete_term(zc_wdb *wdb, const char *term, zc_error *err)
{
	try {
		wdb->db.delete_document(std::string(term));
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_wdb_set_metadata(zc_wdb *wdb, const char *key, const char *value,
    size_t len, zc_error *err)
{
	try {
		wdb->db.set_metadata(key, std::string(value != NULL ? value : "",
		    value != NULL ? len : 0));
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_wdb_get_metadata(zc_wdb *wdb, const char *key, char **out,
    size_t *out_len, zc_error *err)
{
	return read_metadata(wdb->db, key, out, out_len, err);
}

zc_status
zc_wdb_metadata_keys(zc_wdb *wdb, const char *prefix, zc_string_cb cb,
    void *ctx, zc_error *err)
{
	return read_metadata_keys(wdb->db, prefix, cb, ctx, err);
}

zc_status
zc_wdb_doc_count(zc_wdb *wdb, unsigned long *out, zc_error *err)
{
	try {
		*out = wdb->db.get_doccount();
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_wdb_commit(zc_wdb *wdb, zc_error *err)
{
	try {
		wdb->db.commit();
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_wdb_begin(zc_wdb *wdb, zc_error *err)
{
	try {
		wdb->db.begin_transaction(false);
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_wdb_end(zc_wdb *wdb, zc_error *err)
{
	try {
		wdb->db.commit_transaction();
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_wdb_cancel(zc_wdb *wdb, zc_error *err)
{
	try {
		wdb->db.cancel_transaction();
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

/* ---- documents -------------------------------------------------------- */

zc_xdoc *
zc_xdoc_new(void)
{
	try {
		return new zc_xdoc;
	} catch (...) {
		fputs(zc_progname(), stderr);
		fputs(": out of memory\n", stderr);
		exit(2);
	}
}

void
zc_xdoc_free(zc_xdoc *doc)
{
	delete doc;
}

void
zc_xdoc_clear(zc_xdoc *doc)
{
	doc->doc = Xapian::Document();
}

zc_status
zc_xdoc_add_posting(zc_xdoc *doc, const char *term, size_t len,
    unsigned pos, unsigned wdf_inc, zc_error *err)
{
	try {
		doc->doc.add_posting(std::string(term, len), pos, wdf_inc);
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_xdoc_add_term(zc_xdoc *doc, const char *term, size_t len,
    unsigned wdf_inc, zc_error *err)
{
	try {
		doc->doc.add_term(std::string(term, len), wdf_inc);
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_xdoc_add_boolean_term(zc_xdoc *doc, const char *term, size_t len,
    zc_error *err)
{
	try {
		doc->doc.add_boolean_term(std::string(term, len));
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_xdoc_set_value(zc_xdoc *doc, unsigned slot, const char *v, size_t len,
    zc_error *err)
{
	try {
		doc->doc.add_value(slot, std::string(v, len));
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_xdoc_set_data(zc_xdoc *doc, const char *data, size_t len, zc_error *err)
{
	try {
		doc->doc.set_data(std::string(data, len));
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

/* ---- queries ---------------------------------------------------------- */

static zc_status
give_query(const Xapian::Query &q, zc_query **out)
{
	*out = new zc_query{q};
	return ZC_OK;
}

zc_status
zc_query_term(const char *term, size_t len, unsigned wqf, unsigned pos,
    zc_query **out, zc_error *err)
{
	*out = NULL;
	try {
		return give_query(Xapian::Query(std::string(term, len),
		    wqf ? wqf : 1, pos), out);
	} catch (...) {
		return fail_from_exception(err);
	}
}

static Xapian::Query::op
xapian_op(zc_qop op)
{
	switch (op) {
	case ZC_Q_AND: return Xapian::Query::OP_AND;
	case ZC_Q_OR: return Xapian::Query::OP_OR;
	case ZC_Q_AND_NOT: return Xapian::Query::OP_AND_NOT;
	case ZC_Q_AND_MAYBE: return Xapian::Query::OP_AND_MAYBE;
	case ZC_Q_FILTER: return Xapian::Query::OP_FILTER;
	case ZC_Q_PHRASE: return Xapian::Query::OP_PHRASE;
	case ZC_Q_PHRASE_AND: return Xapian::Query::OP_PHRASE;
	case ZC_Q_NEAR: return Xapian::Query::OP_NEAR;
	case ZC_Q_SYNONYM: return Xapian::Query::OP_SYNONYM;
	}
	throw Xapian::InvalidArgumentError("unknown query operator");
}

/*
 * ZC_Q_PHRASE_AND: the AND of the terms, weighted, with the phrase itself
 * as a weightless condition: the same matches and weights (Xapian 1.4
 * weighs a phrase as the sum of its terms).  Xapian 1.4.22 tests a bare
 * phrase on the right of AND_MAYBE for every document of the left; for
 * the title boost of "人民政府" on the laws corpus, 15.8 ms against 4.1 ms
 * in this form, where the AND of rare title terms fails first.  For body
 * text, whose characters are in nearly every file, the extra terms cost
 * more than they save (long bare titles: 22.5 -> 31.6 ms per query).
 */
static Xapian::Query
checked_phrase(const std::vector<Xapian::Query> &terms, unsigned window)
{
	Xapian::Query all(Xapian::Query::OP_AND, terms.begin(), terms.end());
	Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(),
	    terms.end(), window);

	return Xapian::Query(Xapian::Query::OP_AND, all,
	    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase, 0.0));
}

zc_status
zc_query_combine(zc_qop op, zc_query *const *subs, size_t n,
    unsigned window, zc_query **out, zc_error *err)
{
	*out = NULL;
	try {
		std::vector<Xapian::Query> v;
		v.reserve(n);
		for (size_t i = 0; i < n; i++)
			v.push_back(subs[i]->q);
		if (op == ZC_Q_PHRASE_AND && n > 1)
			return give_query(checked_phrase(v, window), out);
		return give_query(Xapian::Query(xapian_op(op), v.begin(),
		    v.end(), window), out);
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_query_value_range(unsigned slot, const char *lo, const char *hi,
    zc_query **out, zc_error *err)
{
	*out = NULL;
	try {
		if (lo != NULL && hi != NULL)
			return give_query(Xapian::Query(
			    Xapian::Query::OP_VALUE_RANGE, slot, lo, hi), out);
		if (lo != NULL)
			return give_query(Xapian::Query(
			    Xapian::Query::OP_VALUE_GE, slot, lo), out);
		if (hi != NULL)
			return give_query(Xapian::Query(
			    Xapian::Query::OP_VALUE_LE, slot, hi), out);
		return give_query(Xapian::Query::MatchAll, out);
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_query_scale(const zc_query *q, double factor, zc_query **out,
    zc_error *err)
{
	*out = NULL;
	try {
		return give_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
		    q->q, factor), out);
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_query_wildcard(const char *prefix, unsigned max_expansion,
    zc_query **out, zc_error *err)
{
	*out = NULL;
	try {
		return give_query(Xapian::Query(Xapian::Query::OP_WILDCARD,
		    prefix, max_expansion, Xapian::Query::WILDCARD_LIMIT_ERROR),
		    out);
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_query_match_all(zc_query **out, zc_error *err)
{
	*out = NULL;
	try {
		return give_query(Xapian::Query::MatchAll, out);
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_query_match_nothing(zc_query **out, zc_error *err)
{
	*out = NULL;
	try {
		return give_query(Xapian::Query::MatchNothing, out);
	} catch (...) {
		return fail_from_exception(err);
	}
}

char *
zc_query_describe(const zc_query *q)
{
	try {
		char *s;
		give_string(q->q.get_description(), &s, NULL);
		return s;
	} catch (...) {
		return zc_xstrdup("?");
	}
}

void
zc_query_free(zc_query *q)
{
	delete q;
}

/* ---- searching -------------------------------------------------------- */

zc_status
zc_db_search(zc_db *db, const zc_query *q, const zc_search_opts *opts,
    zc_mset **out, zc_error *err)
{
	*out = NULL;
	try {
		Xapian::Enquire enq(db->db);
		enq.set_query(q->q);
		if (opts->collapse_slot >= 0)
			enq.set_collapse_key(opts->collapse_slot,
			    opts->collapse_max ? opts->collapse_max : 1);
		if (opts->sort_slot >= 0)
			enq.set_sort_by_value_then_relevance(opts->sort_slot,
			    opts->sort_descending);
		Xapian::MSet ms = enq.get_mset(opts->offset, opts->limit,
		    opts->check_at_least);
		*out = new zc_mset{ms, db->db};
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

size_t
zc_mset_size(const zc_mset *ms)
{
	return ms->mset.size();
}

unsigned long
zc_mset_matches_estimated(const zc_mset *ms)
{
	return ms->mset.get_matches_estimated();
}

zc_docid
zc_mset_docid(const zc_mset *ms, size_t i)
{
	return *ms->mset[static_cast<Xapian::doccount>(i)];
}

double
zc_mset_weight(const zc_mset *ms, size_t i)
{
	return ms->mset[static_cast<Xapian::doccount>(i)].get_weight();
}

zc_status
zc_mset_data(const zc_mset *ms, size_t i, char **out, size_t *out_len,
    zc_error *err)
{
	*out = NULL;
	try {
		give_string(ms->mset[static_cast<Xapian::doccount>(i)]
		    .get_document().get_data(), out, out_len);
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_mset_value(const zc_mset *ms, size_t i, unsigned slot, char **out,
    size_t *out_len, zc_error *err)
{
	*out = NULL;
	try {
		give_string(ms->mset[static_cast<Xapian::doccount>(i)]
		    .get_document().get_value(slot), out, out_len);
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_mset_positions(const zc_mset *ms, size_t i, const char *term,
    size_t term_len, unsigned **out, size_t *n, zc_error *err)
{
	*out = NULL;
	*n = 0;
	try {
		Xapian::docid id = *ms->mset[static_cast<Xapian::doccount>(i)];
		std::string t(term, term_len);
		std::vector<unsigned> v;
		for (Xapian::PositionIterator p = ms->db.positionlist_begin(id, t);
		    p != ms->db.positionlist_end(id, t); ++p)
			v.push_back(*p);
		unsigned *a = static_cast<unsigned *>(
		    zc_xmalloc((v.size() ? v.size() : 1) * sizeof *a));
		for (size_t k = 0; k < v.size(); k++)
			a[k] = v[k];
		*out = a;
		*n = v.size();
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

void
zc_mset_free(zc_mset *ms)
{
	delete ms;
}

} /* extern "C" */
