/*
 * copies.c — signing documents and placing them in groups of copies
 * (zc_copies.h).
 *
 * The MinHash is one-permutation hashing (Li, Owen and Zhang, 2012):
 * each shingle is hashed once, to 64 bits by a fixed mix (every build
 * signs a text alike, so signatures stored by one zcindex compare with
 * those of the next); the high half picks one of the 80 bins and the
 * low half competes for its minimum.  The share of equal bins of two
 * documents estimates the Jaccard similarity of their shingle sets, as
 * 80 hash functions would, for an eightieth of the work: signing with
 * 80 multiply-shift functions took 2.4 s of the 3,475 laws' indexing.
 * A short text leaves bins empty; each takes the value of the next bin
 * that is not, mixed with the distance (densification, Shrivastava and
 * Li, 2014), so that two copies still agree there.
 */
#include "zc_copies.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zc_chars.h"
#include "zc_dates.h"
#include "zc_fieldterm.h"
#include "zc_norm.h"
#include "zc_schema.h"

#define EMPTY_BIN UINT32_MAX

/* splitmix64's finaliser: every bit of x moves every bit of the result. */
static uint64_t
mix64(uint64_t x)
{
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* The code point as compared: width and case folded, Traditional
 * folded to Simplified; 0 for what a shingle skips (spaces,
 * punctuation, symbols), so that a repost's other punctuation or
 * wrapping is not a difference. */
static uint32_t
content_char(uint32_t cp)
{
	cp = zc_chars_fold_width(cp);
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	if (zc_chars_is_han(cp))
		return zc_norm_t2s(cp);
	return zc_chars_is_word(cp) ? cp : 0;
}

/* The shingle that ends with window[at], the ring of the last
 * ZC_COPIES_SHINGLE content characters, as one 64-bit value. */
static uint64_t
shingle_hash(const uint32_t *window, size_t at)
{
	uint64_t h = 0;

	for (size_t k = 1; k <= ZC_COPIES_SHINGLE; k++) {
		h ^= window[(at + k) % ZC_COPIES_SHINGLE];
		h *= 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	return h;
}

static void
take_shingle(uint64_t x, zc_copysig *sig)
{
	uint64_t h = mix64(x);
	size_t bin = (size_t)(((h >> 32) * ZC_COPIES_HASHES) >> 32);
	uint32_t v = (uint32_t)h;

	if (v < sig->min[bin])
		sig->min[bin] = v;
}

/* Fill each empty bin from the next one that is not (see the top). */
static void
densify(zc_copysig *sig)
{
	uint32_t was[ZC_COPIES_HASHES];

	memcpy(was, sig->min, sizeof was);
	for (size_t i = 0; i < ZC_COPIES_HASHES; i++) {
		for (size_t d = 1; was[i] == EMPTY_BIN && d < ZC_COPIES_HASHES;
		    d++) {
			uint32_t v = was[(i + d) % ZC_COPIES_HASHES];

			if (v != EMPTY_BIN) {
				sig->min[i] = (uint32_t)mix64(v + d *
				    0x9e3779b97f4a7c15ULL);
				break;
			}
		}
	}
}

/* "2024-08-12" or "20240812" as a day number; ZC_COPIES_NO_DAY for
 * anything else. */
static long
day_of(const char *s, size_t len)
{
	int part[3] = { 0, 0, 0 }, k = 0, digits = 0;

	for (size_t i = 0; i < len && k < 3; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			part[k] = part[k] * 10 + (s[i] - '0');
			digits++;
			/* YYYYMMDD has no separators: cut at 4 and 6 */
			if (digits == 4 || digits == 6)
				k++;
		} else if (s[i] != '-') {
			return ZC_COPIES_NO_DAY;
		}
	}
	if (digits != 8 || part[1] < 1 || part[1] > 12 || part[2] < 1 ||
	    part[2] > zc_dates_days_in_month(part[0], part[1]))
		return ZC_COPIES_NO_DAY;
	return zc_dates_day_number(part[0], part[1], part[2]);
}

/* The title a forwarding notice forwards: 《X》 of …关于转发《X》的通知,
 * brackets nested inside X kept; NULL when title forwards nothing.  Two
 * cities that forward one notice title their notices apart, and both
 * are copies of X. */
static const char *
forwarded(const char *title, size_t *len)
{
	const char *at = title != NULL ? strstr(title, "转发《") : NULL;
	unsigned depth = 1;

	if (at == NULL)
		return NULL;
	at += strlen("转发《");
	for (const char *p = at; *p != '\0'; p++) {
		if (strncmp(p, "《", strlen("《")) == 0)
			depth++;
		else if (strncmp(p, "》", strlen("》")) == 0 && --depth == 0) {
			*len = (size_t)(p - at);
			return at;
		}
	}
	return NULL;
}

/* The title's content characters (content_char), clipped at a
 * character to ZC_COPIES_TITLE_BYTES; of a forwarding notice, those of
 * the title it forwards. */
static void
compared_title(const char *title, char out[ZC_COPIES_TITLE_BYTES + 1])
{
	size_t n = 0, len = title != NULL ? strlen(title) : 0, inner = 0;
	const char *fwd = forwarded(title, &inner);

	if (fwd != NULL) {
		title = fwd;
		len = inner;
	}

	for (size_t i = 0; i < len;) {
		size_t adv;
		uint32_t cp = content_char(zc_utf8_decode(title + i, len - i,
		    &adv));
		char enc[4];
		size_t k;

		i += adv;
		if (cp == 0)
			continue;
		k = zc_utf8_encode(cp, enc);
		if (n + k > ZC_COPIES_TITLE_BYTES)
			break;
		memcpy(out + n, enc, k);
		n += k;
	}
	out[n] = '\0';
}

/* The shingles of the content characters of s[0..len) into sig,
 * following on from those before it in window (a ring of the last
 * ZC_COPIES_SHINGLE; *seen counts them all); returns how many ended in
 * s. */
static size_t
take_text(const char *s, size_t len, uint32_t *window, size_t *seen,
    zc_copysig *sig)
{
	size_t shingles = 0;

	for (size_t i = 0; i < len;) {
		size_t adv;
		uint32_t cp = content_char(zc_utf8_decode(s + i, len - i, &adv));

		i += adv;
		if (cp == 0)
			continue;
		window[*seen % ZC_COPIES_SHINGLE] = cp;
		if (++*seen >= ZC_COPIES_SHINGLE) {
			take_shingle(shingle_hash(window,
			    (*seen - 1) % ZC_COPIES_SHINGLE), sig);
			shingles++;
		}
	}
	return shingles;
}

void
zc_copies_sign(const zc_doc *doc, zc_copysig *out)
{
	const char *date = doc->meta.value[ZC_FIELD_DATE];
	uint32_t window[ZC_COPIES_SHINGLE];
	size_t seen = 0, shingles = 0;

	memset(out->min, 0xff, sizeof out->min);
	out->day = date != NULL ? day_of(date, strlen(date)) :
	    ZC_COPIES_NO_DAY;
	compared_title(doc->meta.value[ZC_FIELD_TITLE], out->title);
	/* the passages are read as one text: a shingle may span two, as
	 * a repost may wrap its lines elsewhere */
	for (size_t p = 0; p < doc->n_passages; p++)
		shingles += take_text(doc->passages[p].text,
		    doc->passages[p].len, window, &seen, out);
	out->valid = shingles >= ZC_COPIES_MIN_SHINGLES;
	if (out->valid)
		densify(out);
}

unsigned
zc_copies_same(const zc_copysig *a, const zc_copysig *b)
{
	unsigned same = 0;

	if (!a->valid || !b->valid)
		return 0;
	for (size_t i = 0; i < ZC_COPIES_HASHES; i++)
		same += a->min[i] == b->min[i];
	return same;
}

/* ---- terms and values -------------------------------------------------- */

/* Q + band letter + the band's minimums hashed to 8 hex digits. */
static void
band_term(const zc_copysig *sig, size_t band, char out[11])
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t r = 0; r < ZC_COPIES_ROWS; r++) {
		h ^= sig->min[band * ZC_COPIES_ROWS + r];
		h *= 0x9e3779b97f4a7c15ULL;
		h ^= h >> 32;
	}
	snprintf(out, 11, "%s%c%08x", ZC_PREFIX_COPY_BAND, 'a' + (int)band,
	    (unsigned)(h & 0xffffffffu));
}

static void
encode_sig(const zc_copysig *sig, unsigned char out[4 * ZC_COPIES_HASHES])
{
	for (size_t i = 0; i < ZC_COPIES_HASHES; i++)
		for (size_t k = 0; k < 4; k++)
			out[4 * i + k] = (unsigned char)(sig->min[i] >> (8 * k));
}

/* The value: the minimums, then the compared title. */
static bool
decode_sig(const char *v, size_t len, zc_copysig *out)
{
	const unsigned char *p = (const unsigned char *)v;
	size_t title = len > 4 * ZC_COPIES_HASHES ? len - 4 * ZC_COPIES_HASHES
	    : 0;

	if (title > ZC_COPIES_TITLE_BYTES)
		title = ZC_COPIES_TITLE_BYTES;
	memcpy(out->title, v + (len - title), title);
	out->title[title] = '\0';
	out->day = ZC_COPIES_NO_DAY;
	out->valid = len >= 4 * ZC_COPIES_HASHES;
	for (size_t i = 0; out->valid && i < ZC_COPIES_HASHES; i++)
		out->min[i] = (uint32_t)p[4 * i] |
		    (uint32_t)p[4 * i + 1] << 8 |
		    (uint32_t)p[4 * i + 2] << 16 |
		    (uint32_t)p[4 * i + 3] << 24;
	return out->valid;
}

zc_status
zc_copies_add_terms(const zc_copysig *sig, zc_xdoc *doc, zc_error *err)
{
	unsigned char v[4 * ZC_COPIES_HASHES];
	zc_status st = ZC_OK;

	if (!sig->valid)
		return ZC_OK;
	for (size_t b = 0; b < ZC_COPIES_BANDS && st == ZC_OK; b++) {
		char t[11];

		band_term(sig, b, t);
		st = zc_xdoc_add_boolean_term(doc, t, strlen(t), err);
	}
	if (st == ZC_OK) {
		zc_buf value = {0};

		encode_sig(sig, v);
		zc_buf_append(&value, (const char *)v, sizeof v);
		zc_buf_puts(&value, sig->title);
		st = zc_xdoc_set_value(doc, ZC_SLOT_COPY_SIG, value.data,
		    value.len, err);
		zc_buf_free(&value);
	}
	return st;
}

/* ---- groups ------------------------------------------------------------ */

/* The databases a document is grouped against: the one being written
 * (zc_copies_join), or every shard of a sharded run (zc_copies_regroup).
 * A candidate is named by its database and docid, one 64-bit key. */
typedef struct view {
	zc_wdb *const *w;
	size_t n;
	bool skip_pending; /* the grouping pass: not yet placed, no copy */
} view;

static uint64_t
cand_key(size_t k, zc_docid id)
{
	return (uint64_t)k << 32 | id;
}

/* A document whose text the new one copies: its group, how alike the
 * two are, and what their dates and titles say. */
typedef struct found {
	char *group;     /* malloc'd */
	unsigned same;
	bool far;        /* dated too far apart: another version */
	int title;       /* 1 both titled, one holds the other; -1 both
	                  * titled otherwise; 0 one untitled */
} found;

/* The copies found so far among the candidates. */
typedef struct best_copy {
	uint64_t self;   /* the document itself, or the file's previous
	                  * one: skipped (0: none) */
	uint64_t *seen;  /* candidates read already (sorted insertion) */
	size_t n_seen, cap_seen;
	found *found;
	size_t n_found, cap_found;
} best_copy;

/* Whether candidate key was read already; marks it read. */
static bool
seen_before(best_copy *b, uint64_t key)
{
	size_t lo = 0, hi = b->n_seen;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->seen[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < b->n_seen && b->seen[lo] == key)
		return true;
	b->seen = zc_xgrow(b->seen, &b->cap_seen, b->n_seen + 1,
	    sizeof *b->seen);
	memmove(b->seen + lo + 1, b->seen + lo,
	    (b->n_seen - lo) * sizeof *b->seen);
	b->seen[lo] = key;
	b->n_seen++;
	return false;
}

/* Whether candidate id's date, if both have one, is close enough to
 * day for a copy (ZC_COPIES_MAX_DAYS). */
static zc_status
dates_agree(zc_wdb *w, zc_docid id, long day, bool *out, zc_error *err)
{
	char *v = NULL;
	size_t len = 0;
	zc_status st;
	long other;

	*out = true;
	if (day == ZC_COPIES_NO_DAY)
		return ZC_OK;
	st = zc_wdb_value(w, id, ZC_SLOT_DATE, &v, &len, err);
	other = v != NULL ? day_of(v, len) : ZC_COPIES_NO_DAY;
	if (other != ZC_COPIES_NO_DAY)
		*out = labs(other - day) <= ZC_COPIES_MAX_DAYS;
	free(v);
	return st;
}

/* A title of a draft: a call for comments (…征求意见稿, 公开征求意见的
 * 公告) or a 草案.  A draft and the document adopted from it are two
 * documents, whose texts are nearly one and whose titles hold each
 * other: the draft, out first, would hide the final text. */
static bool
is_draft(const char *compared)
{
	return strstr(compared, "征求意见") != NULL ||
	    strstr(compared, "草案") != NULL;
}

/* Two compared titles: 1 when one holds the other, -1 when not (or one
 * is a draft and the other not), 0 when either is unknown. */
static int
titles_agree(const char *a, const char *b)
{
	if (*a == '\0' || *b == '\0')
		return 0;
	if (is_draft(a) != is_draft(b))
		return -1;
	return strstr(a, b) != NULL || strstr(b, a) != NULL ? 1 : -1;
}

/* The metadata key that marks the file of file_id pending. */
static void
pending_key(const char *file_id, zc_buf *out)
{
	zc_buf_printf(out, "%s%s", ZC_META_COPY_PENDING, file_id);
}

/* Whether document id of w is pending: its group is its shard's, to be
 * placed among all the shards yet. */
static zc_status
is_pending(zc_wdb *w, zc_docid id, bool *out, zc_error *err)
{
	char *path = NULL, *v = NULL;
	zc_buf fid = {0}, key = {0};
	size_t len;
	zc_status st = zc_wdb_value(w, id, ZC_SLOT_PATH, &path, &len, err);

	*out = false;
	if (st == ZC_OK && path != NULL) {
		zc_fieldterm_file_id(path, &fid);
		pending_key(fid.data, &key);
		st = zc_wdb_get_metadata(w, key.data, &v, &len, err);
		*out = v != NULL;
	}
	free(path);
	free(v);
	zc_buf_free(&fid);
	zc_buf_free(&key);
	return st;
}

/* Read candidate id of database k's signature and note it if its text
 * is a copy.  A candidate without a group (a shard's document not
 * grouped yet) is not one to join. */
static zc_status
consider(const view *v, size_t k, zc_docid id, const zc_copysig *sig,
    best_copy *b, zc_copies_stats *stats, zc_error *err)
{
	zc_wdb *w = v->w[k];
	char *value = NULL, *group = NULL;
	size_t len = 0, glen = 0;
	zc_copysig other;
	unsigned same;
	bool close = true;
	zc_status st;

	if (cand_key(k, id) == b->self || seen_before(b, cand_key(k, id)))
		return ZC_OK;
	if (v->skip_pending) {
		bool pending = false;

		st = is_pending(w, id, &pending, err);
		if (st != ZC_OK || pending)
			return st;
	}
	stats->candidates++;
	st = zc_wdb_value(w, id, ZC_SLOT_COPY_SIG, &value, &len, err);
	if (st != ZC_OK || value == NULL || !decode_sig(value, len, &other)) {
		free(value);
		return st;
	}
	free(value);
	same = zc_copies_same(sig, &other);
	if (same < ZC_COPIES_SAME)
		return ZC_OK;
	st = zc_wdb_value(w, id, ZC_SLOT_COPY_GROUP, &group, &glen, err);
	if (st == ZC_OK && group != NULL)
		st = dates_agree(w, id, sig->day, &close, err);
	if (st != ZC_OK || group == NULL) {
		free(group);
		return st;
	}
	b->found = zc_xgrow(b->found, &b->cap_found, b->n_found + 1,
	    sizeof *b->found);
	b->found[b->n_found++] = (found){ group, same, !close,
	    titles_agree(sig->title, other.title) };
	return ZC_OK;
}

/* Whether the new document may join group: no copy of it found is
 * dated too far, and if one is titled otherwise, another one bears the
 * new document's title.  The group as a whole decides, so that an
 * undated or untitled copy does not join a new version, or another
 * city's law, to the old one, while a repost whose title holds the
 * original's joins a group where a forwarding notice's title does not
 * hold it. */
static bool
may_join(const best_copy *b, const char *group)
{
	bool conflict = false, agree = false;

	for (size_t k = 0; k < b->n_found; k++) {
		const found *f = &b->found[k];

		if (strcmp(f->group, group) != 0)
			continue;
		if (f->far)
			return false;
		conflict |= f->title < 0;
		agree |= f->title > 0;
	}
	return !conflict || agree;
}

/* The group of the most alike copy the new document may join; NULL
 * when none. */
static const char *
best_group(const best_copy *b)
{
	const found *best = NULL;

	for (size_t i = 0; i < b->n_found; i++) {
		const found *f = &b->found[i];

		if (f->title >= 0 && (best == NULL || f->same > best->same) &&
		    may_join(b, f->group))
			best = f;
	}
	return best != NULL ? best->group : NULL;
}

/* The file's own document in the database being written, if it has
 * one already (0: none). */
static zc_status
find_self(zc_wdb *w, const char *file_id, uint64_t *out, zc_error *err)
{
	zc_docid *ids = NULL;
	size_t n = 0;
	unsigned long freq;
	zc_status st = zc_wdb_term_docs(w, file_id, strlen(file_id), 1, &ids,
	    &n, &freq, err);

	*out = n > 0 ? cand_key(0, ids[0]) : 0;
	free(ids);
	return st;
}

/* A new group's key: a hash of the signature, date and title that
 * start it, not of the file, so that a file rewritten into another text
 * starts a group of its own rather than the one its old text founded,
 * and the key does not depend on where the files lie.  Two keys are
 * equal only for equal signatures of one date and title, which are
 * copies; the same text adopted again years later, or under another
 * title, has a key of its own. */
static void
new_group(const zc_copysig *sig, char out[ZC_COPIES_GROUP_LEN + 1])
{
	unsigned char v[4 * ZC_COPIES_HASHES];
	zc_buf key = {0};

	encode_sig(sig, v);
	zc_buf_append(&key, (const char *)v, sizeof v);
	zc_buf_printf(&key, "%ld %s", sig->day, sig->title);
	snprintf(out, ZC_COPIES_GROUP_LEN + 1, "%016llx",
	    (unsigned long long)zc_hash64(key.data, key.len));
	zc_buf_free(&key);
}

static zc_status
write_group(zc_xdoc *doc, const char *group, zc_error *err)
{
	zc_buf t = {0};
	zc_status st;

	zc_buf_printf(&t, "%s%s", ZC_PREFIX_COPY_GROUP, group);
	st = zc_xdoc_add_boolean_term(doc, t.data, t.len, err);
	if (st == ZC_OK)
		st = zc_xdoc_set_value(doc, ZC_SLOT_COPY_GROUP, group,
		    strlen(group), err);
	zc_buf_free(&t);
	return st;
}

/* The group of a document signed sig among the databases of v (self
 * skipped): the best copy's, or a new one; into out. */
static zc_status
choose_group(const view *v, uint64_t self, const zc_copysig *sig,
    zc_copies_stats *stats, char out[ZC_COPIES_GROUP_LEN + 1],
    zc_error *err)
{
	best_copy b = { 0 };
	const char *group;
	zc_status st = ZC_OK;

	b.self = self;
	for (size_t band = 0; band < ZC_COPIES_BANDS && st == ZC_OK; band++) {
		char t[11];

		band_term(sig, band, t);
		for (size_t k = 0; k < v->n && st == ZC_OK; k++) {
			zc_docid *ids = NULL;
			size_t n = 0;
			unsigned long freq;

			st = zc_wdb_term_docs(v->w[k], t, strlen(t),
			    ZC_COPIES_MAX_BUCKET, &ids, &n, &freq, err);
			for (size_t i = 0; i < n && st == ZC_OK; i++)
				st = consider(v, k, ids[i], sig, &b, stats,
				    err);
			free(ids);
		}
	}
	group = st == ZC_OK ? best_group(&b) : NULL;
	if (st == ZC_OK && group != NULL) {
		stats->joined++;
		snprintf(out, ZC_COPIES_GROUP_LEN + 1, "%s", group);
	} else if (st == ZC_OK) {
		stats->started++;
		new_group(sig, out);
	}
	for (size_t i = 0; i < b.n_found; i++)
		free(b.found[i].group);
	free(b.found);
	free(b.seen);
	return st;
}

zc_status
zc_copies_join(zc_wdb *w, const char *file_id, const zc_copysig *sig,
    zc_xdoc *doc, zc_copies_stats *stats, zc_error *err)
{
	view v = { &w, 1, false };
	char group[ZC_COPIES_GROUP_LEN + 1];
	uint64_t self = 0;
	zc_status st;

	if (!sig->valid)
		return ZC_OK;
	st = find_self(w, file_id, &self, err);
	if (st == ZC_OK)
		st = choose_group(&v, self, sig, stats, group, err);
	if (st == ZC_OK)
		st = write_group(doc, group, err);
	return st;
}

zc_status
zc_copies_mark_pending(zc_wdb *w, const char *file_id, const char *path,
    zc_error *err)
{
	zc_buf key = {0};
	zc_status st;

	pending_key(file_id, &key);
	st = zc_wdb_set_metadata(w, key.data, path, strlen(path), err);
	zc_buf_free(&key);
	return st;
}

/* The signature of document id as stored: its minimums and title, and
 * its day from its date value. */
static zc_status
stored_sig(zc_wdb *w, zc_docid id, zc_copysig *sig, zc_error *err)
{
	char *v = NULL;
	size_t len = 0;
	zc_status st = zc_wdb_value(w, id, ZC_SLOT_COPY_SIG, &v, &len, err);

	sig->valid = false;
	if (st == ZC_OK && v != NULL)
		(void)decode_sig(v, len, sig);
	free(v);
	v = NULL;
	if (st == ZC_OK && sig->valid)
		st = zc_wdb_value(w, id, ZC_SLOT_DATE, &v, &len, err);
	if (st == ZC_OK && sig->valid)
		sig->day = v != NULL ? day_of(v, len) : ZC_COPIES_NO_DAY;
	free(v);
	return st;
}

/* Give document id of w the group `group` instead of `old` (NULL: none). */
static zc_status
rewrite_group(zc_wdb *w, zc_docid id, const char *old, const char *group,
    zc_error *err)
{
	zc_xdoc *doc = NULL;
	zc_buf t = {0};
	zc_status st = zc_wdb_doc(w, id, &doc, err);

	if (st == ZC_OK && old != NULL) {
		zc_buf_printf(&t, "%s%s", ZC_PREFIX_COPY_GROUP, old);
		st = zc_xdoc_remove_term(doc, t.data, t.len, err);
	}
	if (st == ZC_OK)
		st = write_group(doc, group, err);
	if (st == ZC_OK)
		st = zc_wdb_replace_id(w, id, doc, err);
	zc_buf_free(&t);
	zc_xdoc_free(doc);
	return st;
}

zc_status
zc_copies_regroup(zc_wdb *const *w, size_t n, size_t k, const char *file_id,
    zc_copies_stats *stats, bool *rewritten, zc_error *err)
{
	view v = { w, n, true };
	char group[ZC_COPIES_GROUP_LEN + 1];
	char *old = NULL;
	zc_docid *ids = NULL;
	size_t m = 0, len;
	unsigned long freq;
	zc_copysig sig = { .valid = false };
	zc_buf key = {0};
	zc_status st = zc_wdb_term_docs(w[k], file_id, strlen(file_id), 1,
	    &ids, &m, &freq, err);

	*rewritten = false;
	if (st == ZC_OK && m > 0)
		st = stored_sig(w[k], ids[0], &sig, err);
	if (st == ZC_OK && sig.valid)
		st = choose_group(&v, cand_key(k, ids[0]), &sig, stats, group,
		    err);
	if (st == ZC_OK && sig.valid)
		st = zc_wdb_value(w[k], ids[0], ZC_SLOT_COPY_GROUP, &old, &len,
		    err);
	if (st == ZC_OK && sig.valid && (old == NULL ||
	    strcmp(old, group) != 0)) {
		st = rewrite_group(w[k], ids[0], old, group, err);
		*rewritten = st == ZC_OK;
	}
	pending_key(file_id, &key);
	if (st == ZC_OK)
		st = zc_wdb_set_metadata(w[k], key.data, NULL, 0, err);
	zc_buf_free(&key);
	free(old);
	free(ids);
	return st;
}
