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

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* A database as zc_db_add found it: the folder given, and the
 * generation it opened there ("" for a folder that is itself a glass
 * database, as zcindex wrote them before generations); or, remote, the
 * location as the user wrote it (tcp://HOST:PORT, ssh://HOST/PATH) in
 * root. */
struct opened {
	std::string root, gen;
	bool remote;
};

struct zc_db {
	Xapian::Database db;
	std::vector<opened> parts;
	zc_db_open_opts opts;
	std::string failed; /* the part whose opening failed zc_db_add */
};

struct zc_wdb {
	Xapian::WritableDatabase db;
	opened at;
	bool closed; /* compacted: db closed, its generation gone */
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

/* What went wrong with a remote database, in a user's words: "timed
 * out", "connection refused", "connection closed" (Xapian's messages
 * name its own calls: "Couldn't connect", "Received EOF"). */
static std::string
network_why(const Xapian::NetworkError &e)
{
	const char *sys = e.get_error_string();
	std::string why;

	if (sys != NULL && *sys != '\0') {
		why = sys;
		why[0] = (char)tolower((unsigned char)why[0]);
		return why;
	}
	why = e.get_msg();
	if (why.find("EOF") != std::string::npos ||
	    why.find("closed") != std::string::npos)
		return "connection closed";
	return why;
}

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
	} catch (const Xapian::NetworkTimeoutError &e) {
		return zc_fail(err, ZC_ENET, "timed out");
	} catch (const Xapian::NetworkError &e) {
		return zc_fail(err, ZC_ENET, "%s", network_why(e).c_str());
	} catch (const Xapian::Error &e) {
		/* the message and the system's reason, without Xapian's class
		 * name (DatabaseCreateError: …), which says nothing to a user */
		const char *why = e.get_error_string();
		return zc_fail(err, ZC_EXAPIAN, "%s%s%s", e.get_msg().c_str(),
		    why != NULL && *why ? ": " : "", why != NULL ? why : "");
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

/*
 * ---- generations --------------------------------------------------------
 *
 * A database folder holds generations, g1, g2, ..., each a glass
 * database, and XAPIANDB, Xapian's stub that names the current one
 * ("glass gN"): Xapian opens a folder by its stub.  Compaction writes
 * the next generation and then replaces the stub, one rename, so that
 * a reader sees the old generation or the new, never a mix; the writer
 * holds the old one's lock until the stub names the new.  Readers open
 * the generation the stub names and check, after a search, that it
 * still does (zc_db_verify): glass opens some tables only when first
 * read, by path, and reads a removed one as empty, so a search that
 * overlapped a removal would find nothing and say nothing.  So the
 * compacting writer removes the old generation as soon as the stub names
 * the new one, and every writer, with the current generation's lock
 * held, removes what a killed run left (any other generation).
 */

#define STUB_FILE "XAPIANDB"

static bool
is_dir(const std::string &path)
{
	struct stat st;

	return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

static bool
exists(const std::string &path)
{
	return access(path.c_str(), F_OK) == 0;
}

/* The generation a stub's text names ("glass g12\n": "g12"), "" for
 * none. */
static std::string
generation_named(std::string text)
{
	if (text.compare(0, 7, "glass g") != 0 || text.back() != '\n')
		return "";
	text = text.substr(6, text.size() - 7);
	for (size_t i = 1; i < text.size(); i++)
		if (text[i] < '0' || text[i] > '9')
			return "";
	return text.size() > 1 ? text : "";
}

/* The generation root's stub names ("" when there is no stub, or it is
 * not one zcindex wrote: then Xapian reads it as it is). */
static std::string
stub_generation(const std::string &root)
{
	std::string path = root + "/" STUB_FILE;
	FILE *f = fopen(path.c_str(), "r");
	char buf[64];
	size_t n;

	if (f == NULL)
		return "";
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	return generation_named(std::string(buf, n));
}

/* The number of generation folder name ("g12" -> 12), 0 if it is none. */
static unsigned long
generation_number(const char *name)
{
	char *end;
	unsigned long n;

	if (name[0] != 'g' || name[1] < '1' || name[1] > '9')
		return 0;
	errno = 0;
	n = strtoul(name + 1, &end, 10);
	return errno == 0 && *end == '\0' ? n : 0;
}

/* Every generation folder of root, by name. */
static std::vector<std::string>
generations(const std::string &root)
{
	std::vector<std::string> out;
	DIR *d = opendir(root.c_str());
	struct dirent *e;

	if (d == NULL)
		return out;
	while ((e = readdir(d)) != NULL)
		if (generation_number(e->d_name) > 0 &&
		    is_dir(root + "/" + e->d_name))
			out.push_back(e->d_name);
	closedir(d);
	return out;
}

static std::string
next_generation(const std::string &root)
{
	unsigned long top = 0;

	for (const std::string &g : generations(root))
		if (generation_number(g.c_str()) > top)
			top = generation_number(g.c_str());
	return "g" + std::to_string(top + 1);
}

static void
fsync_path(const std::string &path, int flags)
{
	int fd = open(path.c_str(), flags);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* Make gen the current generation of root: write the stub aside, make
 * it durable, rename it over the old one. */
static void
write_stub(const std::string &root, const std::string &gen)
{
	std::string tmp = root + "/" STUB_FILE ".tmp";
	std::string text = "glass " + gen + "\n";
	FILE *f = fopen(tmp.c_str(), "w");

	if (f == NULL)
		throw Xapian::DatabaseError(tmp + ": " + strerror(errno));
	if (fwrite(text.data(), 1, text.size(), f) != text.size() ||
	    fflush(f) != 0 || fsync(fileno(f)) != 0) {
		int saved = errno;
		fclose(f);
		unlink(tmp.c_str());
		throw Xapian::DatabaseError(tmp + ": " + strerror(saved));
	}
	fclose(f);
	if (rename(tmp.c_str(), (root + "/" STUB_FILE).c_str()) != 0) {
		int saved = errno;
		unlink(tmp.c_str());
		throw Xapian::DatabaseError(root + "/" STUB_FILE ": " +
		    strerror(saved));
	}
	fsync_path(root, O_RDONLY | O_DIRECTORY);
}

/* Whether name is a file glass writes in a database folder. */
static bool
is_glass_file(const std::string &name)
{
	size_t n = name.size();

	return name == "iamglass" || name == "flintlock" ||
	    (n > 6 && name.compare(n - 6, 6, ".glass") == 0);
}

/* The glass files of the folder dir, into names; false when it holds
 * anything else (another file, a folder, a link) or cannot be read. */
static bool
glass_files(const std::string &dir, std::vector<std::string> &names)
{
	DIR *d = opendir(dir.c_str());
	struct dirent *e;
	struct stat st;
	bool only = true;

	if (d == NULL)
		return false;
	while ((e = readdir(d)) != NULL) {
		std::string name = e->d_name;

		if (name == "." || name == "..")
			continue;
		if (is_glass_file(name) && lstat((dir + "/" + name).c_str(),
		    &st) == 0 && S_ISREG(st.st_mode))
			names.push_back(name);
		else
			only = false;
	}
	closedir(d);
	return only;
}

/* Remove the generation folder path, unless it holds anything but glass
 * files: a folder of the user's that happens to be called g1 stays.
 * What cannot be removed stays too (the next writer tries again). */
static void
remove_generation(const std::string &path)
{
	std::vector<std::string> names;

	if (!glass_files(path, names))
		return;
	for (const std::string &name : names)
		unlink((path + "/" + name).c_str());
	rmdir(path.c_str());
}

/* With the lock on at's generation: remove every other generation, the
 * half-written ones of a killed compaction included, and the glass
 * files of the folder's time before generations. */
static void
remove_stale(const opened &at)
{
	std::vector<std::string> legacy;

	for (const std::string &g : generations(at.root))
		if (g != at.gen)
			remove_generation(at.root + "/" + g);
	if (at.gen.empty() || exists(at.root + "/iamglass"))
		return;
	(void)glass_files(at.root, legacy); /* beside the stub and gN */
	for (const std::string &name : legacy)
		unlink((at.root + "/" + name).c_str());
}

/* Where root's database is now: its current generation, or the folder
 * itself. */
static opened
locate(const std::string &root)
{
	opened at = { root, "", false };

	/* Xapian reads a folder with iamglass as glass before any stub */
	if (!exists(root + "/iamglass"))
		at.gen = stub_generation(root);
	return at;
}

static std::string
path_of(const opened &at)
{
	return at.gen.empty() ? at.root : at.root + "/" + at.gen;
}

/* Create the first generation of the new database root, holding a lock
 * of the folder itself (flock): the stub is written once its generation
 * exists, so a generation found here without one is what a creation
 * killed half-way left (glass cannot open it) and goes, while a second
 * writer creating at the same time is refused instead of removing the
 * first one's.  NULL when another writer made the database meanwhile. */
static zc_wdb *
create_first(const std::string &root, int action)
{
	zc_wdb *w = NULL;
	int fd;

	if (mkdir(root.c_str(), 0777) != 0 && errno != EEXIST)
		throw Xapian::DatabaseCreateError(root + ": " +
		    strerror(errno));
	fd = open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		throw Xapian::DatabaseCreateError(root + ": " +
		    strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		throw Xapian::DatabaseLockError(root + ": being created by "
		    "another writer");
	}
	try {
		if (!exists(root + "/iamglass") &&
		    !exists(root + "/" STUB_FILE)) {
			for (const std::string &g : generations(root))
				remove_generation(root + "/" + g);
			opened at = { root, next_generation(root), false };
			w = new zc_wdb{Xapian::WritableDatabase(path_of(at),
			    action), at, false};
			write_stub(root, at.gen);
		}
	} catch (...) {
		delete w;
		close(fd);
		throw;
	}
	close(fd);
	return w;
}

/* Open root's database for writing with action: a new folder gets its
 * first generation; a generation that stopped being current while this
 * writer waited for it is left for the current one. */
static zc_wdb *
open_writer(const std::string &root, int action)
{
	for (int attempt = 0;; attempt++) {
		opened at = locate(root);

		if (at.gen.empty() && !exists(root + "/iamglass") &&
		    !exists(root + "/" STUB_FILE)) {
			if (action == Xapian::DB_OPEN)
				throw Xapian::DatabaseNotFoundError(root +
				    ": no database");
			zc_wdb *w = create_first(root, action);
			if (w != NULL)
				return w;
			continue;
		}
		zc_wdb *w = new zc_wdb{Xapian::WritableDatabase(path_of(at),
		    action), at, false};
		opened now = locate(root);

		if (now.gen == at.gen || attempt >= 3) {
			remove_stale(at);
			return w;
		}
		w->db.close();
		delete w;
	}
}

extern "C" {

/* ---- reading ---------------------------------------------------------- */

/* What the file system says of a database folder before Xapian tries
 * it, in words a user reads: a regular file is "not a directory" (Xapian
 * would read it as a stub file and report "Bad line"), a folder this
 * user may not read (or, for writing, change) is "permission denied".
 * A path that does not exist passes: for reading, Xapian's "no database"
 * follows; for writing, it is created. */
static zc_status
check_folder(const char *path, bool write, zc_error *err)
{
	struct stat sb;

	if (stat(path, &sb) != 0)
		return errno == EACCES ? zc_fail(err, ZC_EACCES,
		    "permission denied") : ZC_OK;
	if (!S_ISDIR(sb.st_mode))
		return zc_fail(err, ZC_EINVAL, "not a directory");
	if (access(path, write ? R_OK | W_OK | X_OK : R_OK | X_OK) != 0)
		return zc_fail(err, errno == EACCES ? ZC_EACCES : ZC_EIO, "%s",
		    errno == EACCES ? "permission denied" : strerror(errno));
	return ZC_OK;
}

/*
 * ---- locations ---------------------------------------------------------
 *
 * What zc_db_add is given: a database folder (zcindex's, with its
 * generations, or a plain glass one); a folder or a file whose XAPIANDB
 * stub lists databases, one a line, as Xapian's stub files do ("auto
 * PATH" relative to the stub, "remote HOST:PORT", "remote :PROGRAM
 * ARGS"); tcp://HOST:PORT (xapian-tcpsrv); ssh://[USER@]HOST/PATH
 * (xapian-progsrv run by ssh).  Every local database found is one part
 * with its generation, so that zc_db_verify and zc_db_reopen follow each
 * shard's compactions; a remote one is a part without.
 */

#define STUB_DEPTH 8 /* stubs naming stubs: no deeper (and no loops) */

static bool
starts_with(const std::string &s, const char *p)
{
	return s.compare(0, strlen(p), p) == 0;
}

/* The remote database at where (tcp:// or ssh://, or a stub's "remote"
 * line in Xapian's own form). */
static Xapian::Database
open_remote(const std::string &where, unsigned timeout_ms)
{
	if (starts_with(where, "tcp://")) {
		std::string hp = where.substr(6);
		size_t colon = hp.rfind(':');
		char *end = NULL;
		unsigned long port = colon == std::string::npos ? 0 :
		    strtoul(hp.c_str() + colon + 1, &end, 10);

		if (colon == 0 || port == 0 || port > 65535 || *end != '\0')
			throw Xapian::InvalidArgumentError("not tcp://HOST:PORT");
		std::string host = hp.substr(0, colon);
		if (host.size() > 2 && host.front() == '[' && host.back() == ']')
			host = host.substr(1, host.size() - 2);
		return Xapian::Remote::open(host, (unsigned)port, timeout_ms,
		    timeout_ms);
	}
	if (starts_with(where, "ssh://")) {
		std::string rest = where.substr(6);
		size_t slash = rest.find('/');

		if (slash == 0 || slash == std::string::npos ||
		    slash + 1 == rest.size() ||
		    rest.find_first_of(" \t\n") != std::string::npos)
			throw Xapian::InvalidArgumentError(
			    "not ssh://HOST/PATH (no spaces)");
		/* Xapian splits the arguments at spaces and runs ssh itself,
		 * without a shell; BatchMode: a password prompt would hang */
		return Xapian::Remote::open("ssh", "-o BatchMode=yes -T " +
		    rest.substr(0, slash) + " xapian-progsrv " +
		    rest.substr(slash), timeout_ms);
	}
	/* a stub's "remote HOST:PORT" or "remote :PROGRAM ARGS" */
	if (starts_with(where, ":")) {
		size_t sp = where.find(' ');
		return Xapian::Remote::open(where.substr(1, sp - 1),
		    sp == std::string::npos ? "" : where.substr(sp + 1),
		    timeout_ms);
	}
	return open_remote("tcp://" + where, timeout_ms);
}

static bool
is_remote(const std::string &where)
{
	return starts_with(where, "tcp://") || starts_with(where, "ssh://");
}

static Xapian::Database
open_part(const opened &at, unsigned timeout_ms)
{
	return at.remote ? open_remote(at.root, timeout_ms) :
	    Xapian::Database(path_of(at));
}

/* The lines of a stub file that list databases, or none when path is
 * not one (a zcindex generation stub, "glass gN", is not). */
static bool
stub_entries(const std::string &path, std::vector<std::string> &out)
{
	FILE *f = fopen(path.c_str(), "r");
	char line[4096];

	if (f == NULL)
		return false;
	while (fgets(line, sizeof line, f) != NULL) {
		std::string l(line);

		while (!l.empty() && (l.back() == '\n' || l.back() == '\r' ||
		    l.back() == ' '))
			l.pop_back();
		if (l.empty() || l[0] == '#')
			continue;
		/* what Xapian's stub files say; anything else: not a stub */
		if (!starts_with(l, "auto ") && !starts_with(l, "glass ") &&
		    !starts_with(l, "remote ")) {
			out.clear();
			break;
		}
		out.push_back(l);
	}
	fclose(f);
	/* zcindex's own stub of a database folder names its generation */
	bool generation = out.size() == 1 &&
	    !generation_named(out[0] + "\n").empty() &&
	    path.size() >= sizeof STUB_FILE &&
	    path.compare(path.size() - sizeof STUB_FILE, sizeof STUB_FILE,
	    "/" STUB_FILE) == 0;
	return !out.empty() && !generation;
}

static void add_where(zc_db *db, const std::string &where, int depth);

/* Open the part at and add it; one that fails is, with opts.skipped
 * (--partial), reported there and left out. */
static void
add_part(zc_db *db, const opened &at)
{
	try {
		db->db.add_database(open_part(at, db->opts.timeout_ms));
		db->parts.push_back(at);
	} catch (...) {
		zc_error e = { ZC_OK, { 0 } };

		if (db->opts.skipped == NULL) {
			db->failed = at.root;
			throw;
		}
		(void)fail_from_exception(&e);
		db->opts.skipped(db->opts.ctx, at.root.c_str(), e.msg);
	}
}

/* Add the part named by one stub line ("auto PATH", "glass PATH",
 * "remote ..."), PATH relative to the stub's folder dir. */
static void
add_stub_line(zc_db *db, const std::string &dir, const std::string &line,
    int depth)
{
	size_t sp = line.find(' ');
	std::string kind = line.substr(0, sp);
	std::string arg = sp == std::string::npos ? "" : line.substr(sp + 1);

	if (arg.empty())
		throw Xapian::DatabaseOpeningError("stub line \"" + line +
		    "\": no database named");
	if (kind == "remote") {
		add_part(db, opened{ arg[0] == ':' ? arg : "tcp://" + arg, "",
		    true });
	} else if (kind == "auto" || kind == "glass") {
		add_where(db, arg[0] == '/' ? arg : dir + "/" + arg, depth + 1);
	} else {
		throw Xapian::DatabaseOpeningError("stub line \"" + line +
		    "\": not auto, glass or remote");
	}
}

/* Add every database at where to db (the file comment above). */
static void
add_where(zc_db *db, const std::string &where, int depth)
{
	std::vector<std::string> lines;
	std::string stub = where;
	struct stat st;

	if (depth > STUB_DEPTH)
		throw Xapian::DatabaseOpeningError(where + ": stubs nested "
		    "too deep");
	if (is_remote(where)) {
		add_part(db, opened{ where, "", true });
		return;
	}
	if (stat(where.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
		stub = where + "/" STUB_FILE;
	if (!exists(where + "/iamglass") && stub_entries(stub, lines)) {
		std::string dir = stub.substr(0, stub.rfind('/'));
		for (const std::string &l : lines)
			add_stub_line(db, dir.empty() ? "/" : dir, l, depth);
		return;
	}
	add_part(db, locate(where));
}

zc_db *
zc_db_new(const zc_db_open_opts *opts)
{
	zc_db *db = new zc_db();

	if (opts != NULL)
		db->opts = *opts;
	if (db->opts.timeout_ms == 0)
		db->opts.timeout_ms = 10000;
	return db;
}

zc_status
zc_db_add(zc_db *db, const char *where, zc_error *err)
{
	std::string w(where);
	zc_status st = ZC_OK;

	if (!is_remote(w)) {
		struct stat sb;

		/* a file may be a stub; a folder is checked for access */
		if (stat(where, &sb) == 0 && S_ISREG(sb.st_mode)) {
			std::vector<std::string> lines;
			if (!stub_entries(w, lines))
				return zc_fail(err, ZC_EINVAL, "not a "
				    "directory, nor a stub file listing "
				    "databases");
		} else if ((st = check_folder(where, false, err)) != ZC_OK) {
			return st;
		}
	}
	try {
		db->failed.clear();
		add_where(db, w, 0);
		return ZC_OK;
	} catch (...) {
		st = fail_from_exception(err);
		/* a stub's part: name it */
		if (!db->failed.empty() && db->failed != w &&
		    db->failed != w + "/") {
			std::string msg = db->failed + ": " + err->msg;
			(void)zc_fail(err, st, "%s", msg.c_str());
		}
		return st;
	}
}

zc_status
zc_db_open(const char *path, zc_db **out, zc_error *err)
{
	zc_db *db = zc_db_new(NULL);
	zc_status st = zc_db_add(db, path, err);

	*out = NULL;
	if (st != ZC_OK) {
		zc_db_close(db);
		return st;
	}
	*out = db;
	return ZC_OK;
}

/* Documents copied between commits of zc_db_merge: Xapian holds them
 * in memory until then. */
#define MERGE_BATCH 1000

/* Copy every document and metadata key of db's parts, in order, into
 * the new database at path (a key two parts hold: the first's value). */
static void
copy_parts(zc_db *db, const std::string &path)
{
	Xapian::WritableDatabase w(path, Xapian::DB_CREATE);
	unsigned long n = 0;

	for (const opened &at : db->parts) {
		Xapian::Database part = open_part(at, db->opts.timeout_ms);

		for (Xapian::PostingIterator p = part.postlist_begin("");
		    p != part.postlist_end(""); ++p) {
			w.add_document(part.get_document(*p));
			if (++n % MERGE_BATCH == 0)
				w.commit();
		}
		for (Xapian::TermIterator k = part.metadata_keys_begin();
		    k != part.metadata_keys_end(); ++k)
			if (w.get_metadata(*k).empty())
				w.set_metadata(*k, part.get_metadata(*k));
	}
	w.commit();
	w.close();
}

zc_status
zc_db_merge(zc_db *db, const char *out, zc_error *err)
{
	std::string root(out), build = root + "/g1.build";

	for (const opened &at : db->parts)
		if (at.remote)
			return zc_fail(err, ZC_EINVAL, "%s: a remote database "
			    "is merged where it lives", at.root.c_str());
	if (exists(root))
		return zc_fail(err, ZC_EINVAL, "%s: exists (give a new "
		    "folder)", out);
	if (mkdir(out, 0777) != 0)
		return zc_fail(err, ZC_EIO, "%s: %s", out, strerror(errno));
	try {
		/* not Xapian's compactor over the parts: on Xapian 1.4.22
		 * its merge of several databases can leave posting lists
		 * that a BoolWeight match reads as "Unexpected end of
		 * posting list" (docs/pitfalls.md); one database built by
		 * copying, then compacted alone, reads right */
		copy_parts(db, build);
		Xapian::Database(build).compact(root + "/g1",
		    Xapian::DBCOMPACT_NO_RENUMBER);
		remove_generation(build);
		fsync_path(root, O_RDONLY | O_DIRECTORY);
		write_stub(root, "g1");
		return ZC_OK;
	} catch (...) {
		remove_generation(build);
		remove_generation(root + "/g1");
		rmdir(out);
		return fail_from_exception(err);
	}
}

size_t
zc_db_parts(const zc_db *db)
{
	return db->parts.size();
}

zc_status
zc_db_reopen(zc_db *db, zc_error *err)
{
	try {
		bool moved = false;

		for (opened &at : db->parts) {
			if (at.remote)
				continue;
			opened now = locate(at.root);
			moved = moved || now.gen != at.gen;
			at = now;
		}
		if (!moved) {
			db->db.reopen();
			return ZC_OK;
		}
		Xapian::Database fresh;
		for (const opened &at : db->parts)
			fresh.add_database(open_part(at, db->opts.timeout_ms));
		db->db = fresh;
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_db_recover(zc_db *db, zc_error *err)
{
	std::vector<opened> alive;
	std::string first_dead, why;
	Xapian::Database fresh;

	for (const opened &at : db->parts) {
		try {
			fresh.add_database(open_part(at, db->opts.timeout_ms));
			alive.push_back(at);
		} catch (...) {
			zc_error e2 = { ZC_OK, { 0 } };

			(void)fail_from_exception(&e2);
			if (first_dead.empty()) {
				first_dead = at.root;
				why = e2.msg;
			}
			if (db->opts.skipped != NULL)
				db->opts.skipped(db->opts.ctx, at.root.c_str(),
				    e2.msg);
		}
	}
	if (first_dead.empty()) {
		/* every one answers again: search again */
		db->db = fresh;
		return ZC_OK;
	}
	if (db->opts.skipped == NULL || alive.empty())
		return zc_fail(err, ZC_ENET, "%s: %s", first_dead.c_str(),
		    why.c_str());
	db->db = fresh;
	db->parts = alive;
	return ZC_OK;
}

zc_status
zc_db_verify(zc_db *db, zc_error *err)
{
	for (const opened &at : db->parts)
		if (!at.remote && locate(at.root).gen != at.gen)
			return zc_fail(err, ZC_EMODIFIED, "%s: compacted "
			    "during the search", at.root.c_str());
	return ZC_OK;
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
zc_db_locked(zc_db *db, bool *out, zc_error *err)
{
	try {
		*out = db->db.locked();
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
	zc_status st = check_folder(path, true, err);

	*out = NULL;
	if (st != ZC_OK)
		return st;
	if (flags & ZC_WDB_OVERWRITE)
		action = Xapian::DB_CREATE_OR_OVERWRITE;
	else if (flags & ZC_WDB_CREATE)
		action = Xapian::DB_CREATE_OR_OPEN;
	try {
		*out = open_writer(path, action);
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_wdb_compact(zc_wdb *wdb, zc_error *err)
{
	try {
		std::string gen = next_generation(wdb->at.root);
		std::string dest = wdb->at.root + "/" + gen;

		Xapian::Database(path_of(wdb->at)).compact(dest,
		    Xapian::DBCOMPACT_NO_RENUMBER);
		fsync_path(wdb->at.root, O_RDONLY | O_DIRECTORY);
		write_stub(wdb->at.root, gen);
		/* a folder that was the database: its iamglass would hide
		 * the stub from Xapian */
		if (wdb->at.gen.empty())
			unlink((wdb->at.root + "/iamglass").c_str());
		/* Readers that opened the old generation notice the new one
		 * (zc_db_verify) and search again, so it goes now. */
		wdb->db.close();
		wdb->closed = true;
		remove_stale(opened{wdb->at.root, gen, false});
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
		if (!wdb->closed) {
			wdb->db.commit();
			wdb->db.close();
		}
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
		if (!wdb->closed)
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
zc_wdb_doc(zc_wdb *wdb, zc_docid id, zc_xdoc **out, zc_error *err)
{
	*out = NULL;
	try {
		*out = new zc_xdoc{wdb->db.get_document(id)};
		return ZC_OK;
	} catch (...) {
		return fail_from_exception(err);
	}
}

zc_status
zc_wdb_replace_id(zc_wdb *wdb, zc_docid id, const zc_xdoc *doc,
    zc_error *err)
{
	try {
		wdb->db.replace_document(id, doc->doc);
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
zc_wdb_term_docs(zc_wdb *wdb, const char *term, size_t len, size_t max,
    zc_docid **out, size_t *n, unsigned long *freq, zc_error *err)
{
	*out = NULL;
	*n = 0;
	*freq = 0;
	try {
		std::string t(term, len);
		Xapian::doccount f = wdb->db.get_termfreq(t);
		size_t want = f < max ? f : max;
		*freq = f;
		if (want == 0)
			return ZC_OK;
		zc_docid *ids = static_cast<zc_docid *>(
		    zc_xcalloc(want, sizeof *ids));
		size_t k = 0;
		*out = ids;
		for (Xapian::PostingIterator p = wdb->db.postlist_begin(t);
		    p != wdb->db.postlist_end(t) && k < want; ++p)
			ids[k++] = *p;
		*n = k;
		return ZC_OK;
	} catch (...) {
		free(*out);
		*out = NULL;
		*n = 0;
		return fail_from_exception(err);
	}
}

zc_status
zc_wdb_value(zc_wdb *wdb, zc_docid id, unsigned slot, char **out,
    size_t *out_len, zc_error *err)
{
	*out = NULL;
	if (out_len != NULL)
		*out_len = 0;
	try {
		std::string v = wdb->db.get_document(id,
		    Xapian::DOC_ASSUME_VALID).get_value(slot);
		if (!v.empty())
			give_string(v, out, out_len);
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
zc_xdoc_remove_term(zc_xdoc *doc, const char *term, size_t len,
    zc_error *err)
{
	try {
		doc->doc.remove_term(std::string(term, len));
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

zc_status
zc_db_count_values(zc_db *db, const zc_query *q, const unsigned *slots,
    size_t n_slots, zc_value_count **out, size_t *n_out, zc_error *err)
{
	for (size_t k = 0; k < n_slots; k++) {
		out[k] = NULL;
		n_out[k] = 0;
	}
	try {
		Xapian::Enquire enq(db->db);
		std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;

		enq.set_query(q->q);
		/* the spies see every match only when the matcher checks
		 * them all */
		enq.set_weighting_scheme(Xapian::BoolWeight());
		for (size_t k = 0; k < n_slots; k++) {
			spies.emplace_back(new Xapian::ValueCountMatchSpy(
			    slots[k]));
			enq.add_matchspy(spies.back().get());
		}
		enq.get_mset(0, 0, db->db.get_doccount());
		for (size_t k = 0; k < n_slots; k++) {
			size_t n = 0;

			for (auto it = spies[k]->values_begin();
			    it != spies[k]->values_end(); ++it)
				n++;
			out[k] = static_cast<zc_value_count *>(
			    zc_xcalloc(n ? n : 1, sizeof *out[k]));
			for (auto it = spies[k]->values_begin();
			    it != spies[k]->values_end(); ++it) {
				std::string v = *it;
				zc_value_count *c = &out[k][n_out[k]++];

				c->value = zc_xstrndup(v.data(), v.size());
				c->len = v.size();
				c->count = it.get_termfreq();
			}
		}
		return ZC_OK;
	} catch (...) {
		for (size_t k = 0; k < n_slots; k++) {
			zc_value_counts_free(out[k], n_out[k]);
			out[k] = NULL;
			n_out[k] = 0;
		}
		return fail_from_exception(err);
	}
}

void
zc_value_counts_free(zc_value_count *counts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(counts[i].value);
	free(counts);
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
