/*
 * worddoc.c — binary Word files through an external converter
 * (zc_worddoc.h).  Data flow: the file's path → antiword or catdoc,
 * spawned without a shell → its standard output → UTF-8 text, for the
 * text pipeline.
 *
 * Invariants: the converter gets no shell and no standard input, its
 * diagnostics go to /dev/null, it is killed and reaped when it runs past
 * the time limit or prints past the size limit, and no descriptor of
 * ours leaks into it but the pipe it writes.
 */
#include "zc_worddoc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "zc_decode.h"

extern char **environ;

#define DEFAULT_TIMEOUT 30 /* seconds */

bool
zc_worddoc_sniff(const char *bytes, size_t len)
{
	return len >= 8 && memcmp(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
	    8) == 0;
}

/* The converters, in the order tried, with the arguments that make them
 * print UTF-8 without wrapping lines; the path is appended. */
static const struct converter {
	const char *name;
	const char *args[5];
} converters[] = {
	{ "antiword", { "antiword", "-m", "UTF-8.txt", "-w", "0" } },
	{ "catdoc", { "catdoc", "-d", "utf-8", "-w", NULL } },
};

/* The full path of program name on PATH, or NULL (free it). */
static char *
on_path(const char *name)
{
	const char *path = getenv("PATH");

	for (const char *p = path; p != NULL && *p != '\0'; ) {
		size_t n = strcspn(p, ":");
		zc_buf b = { 0 };
		struct stat sb;

		zc_buf_append(&b, n ? p : ".", n ? n : 1);
		zc_buf_putc(&b, '/');
		zc_buf_puts(&b, name);
		if (access(b.data, X_OK) == 0 && stat(b.data, &sb) == 0 &&
		    S_ISREG(sb.st_mode))
			return zc_buf_steal(&b);
		zc_buf_free(&b);
		p += n + (p[n] == ':');
	}
	return NULL;
}

static unsigned
timeout_seconds(void)
{
	const char *v = getenv("ZHENGCE_TOOL_TIMEOUT");
	char *end;
	unsigned long n;

	if (v == NULL || v[0] == '\0')
		return DEFAULT_TIMEOUT;
	n = strtoul(v, &end, 10);
	return *end == '\0' && n > 0 && n <= 3600 ? (unsigned)n :
	    DEFAULT_TIMEOUT;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Spawn exe with argv, its standard output into *fd_out. */
static zc_status
spawn(const char *exe, char *const argv[], pid_t *pid, int *fd_out,
    zc_error *err)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	int fds[2], e;

	if (pipe2(fds, O_CLOEXEC) != 0)
		return zc_fail(err, ZC_EIO, "pipe: %s", strerror(errno));
	/* a group of its own, so that what it starts dies with it */
	posix_spawnattr_init(&attr);
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	e = posix_spawn(pid, exe, &fa, &attr, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&attr);
	close(fds[1]);
	if (e != 0) {
		close(fds[0]);
		return zc_fail(err, ZC_EIO, "%s: %s", exe, strerror(e));
	}
	*fd_out = fds[0];
	return ZC_OK;
}

/* Read fd into out until its end, the deadline or the size limit. */
static zc_status
collect(const char *name, int fd, double deadline, unsigned limit_s,
    zc_buf *out, zc_error *err)
{
	char chunk[16384];

	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		double left = deadline - now();
		int r;
		ssize_t n;

		if (left <= 0)
			return zc_fail(err, ZC_EINVAL, "%s took more than %u s",
			    name, limit_s);
		r = poll(&p, 1, (int)(left * 1000) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0)
			continue;
		n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return ZC_OK;
		if (out->len + (size_t)n > ZC_MAX_INPUT)
			return zc_fail(err, ZC_ETOOBIG, "%s printed more than "
			    "%zu MB", name, ZC_MAX_INPUT >> 20);
		zc_buf_append(out, chunk, (size_t)n);
	}
}

/* Wait for pid to end until deadline: false if it is still running
 * (it closed its output but did not exit). */
static bool
reap(pid_t pid, double deadline, int *status)
{
	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);

		if (r == pid)
			return true;
		if (r < 0 && errno != EINTR)
			return true;
		if (now() >= deadline)
			return false;
		usleep(10000);
	}
}

/* Run converter c on path; its text into out. */
static zc_status
convert(const struct converter *c, const char *exe, const char *path,
    zc_buf *out, zc_error *err)
{
	unsigned limit_s = timeout_seconds();
	const char *argv[8];
	size_t n = 0;
	pid_t pid = 0;
	int fd = -1, status = 0;
	double deadline;
	zc_status st;

	for (size_t i = 0; i < 5 && c->args[i] != NULL; i++)
		argv[n++] = c->args[i];
	argv[n++] = path; /* absolute: never taken for an option */
	argv[n] = NULL;
	st = spawn(exe, (char *const *)argv, &pid, &fd, err);
	if (st != ZC_OK)
		return st;
	deadline = now() + limit_s;
	st = collect(c->name, fd, deadline, limit_s, out, err);
	close(fd);
	if (st == ZC_OK && !reap(pid, deadline, &status))
		st = zc_fail(err, ZC_EINVAL, "%s took more than %u s", c->name,
		    limit_s);
	/* what it started dies with it, whatever its own end */
	kill(-pid, SIGKILL);
	if (st != ZC_OK) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		return st;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return zc_fail(err, ZC_EINVAL, "%s failed (%s %d)", c->name,
		    WIFEXITED(status) ? "exit" : "signal",
		    WIFEXITED(status) ? WEXITSTATUS(status) :
		    WTERMSIG(status));
	for (size_t i = 0; i < out->len; i++)
		if (out->data[i] != ' ' && out->data[i] != '\n' &&
		    out->data[i] != '\r' && out->data[i] != '\t')
			return ZC_OK;
	return zc_fail(err, ZC_EINVAL, "%s gave no text", c->name);
}

/* bytes[0..len) in a new temporary file, its path into *path (free it,
 * and unlink the file). */
static zc_status
write_copy(const char *bytes, size_t len, char **path, zc_error *err)
{
	const char *dir = getenv("TMPDIR");
	zc_buf b = { 0 };
	int fd, e = 0;

	zc_buf_puts(&b, dir != NULL && dir[0] == '/' ? dir : "/tmp");
	zc_buf_puts(&b, "/zhengce-doc-XXXXXX");
	fd = mkostemp(b.data, O_CLOEXEC);
	if (fd < 0) {
		zc_status st = zc_fail(err, ZC_EIO, "%s: %s", b.data,
		    strerror(errno));

		zc_buf_free(&b);
		return st;
	}
	for (size_t done = 0; done < len && e == 0; ) {
		ssize_t n = write(fd, bytes + done, len - done);

		if (n < 0 && errno != EINTR)
			e = errno;
		else if (n > 0)
			done += (size_t)n;
	}
	if (close(fd) != 0 && e == 0)
		e = errno;
	if (e != 0) {
		zc_status st = zc_fail(err, ZC_EIO, "%s: %s", b.data,
		    strerror(e));

		unlink(b.data);
		zc_buf_free(&b);
		return st;
	}
	*path = zc_buf_steal(&b);
	return ZC_OK;
}

zc_status
zc_worddoc_text(const char *bytes, size_t len, zc_buf *out,
    const char **tool, zc_error *err)
{
	zc_status st = ZC_EBINARY;
	bool found = false;
	char *path = NULL;
	zc_buf why = { 0 }; /* each converter's failure, "; " between */

	*tool = NULL;
	for (size_t i = 0; i < sizeof converters / sizeof *converters; i++) {
		char *exe = on_path(converters[i].name);

		if (exe == NULL)
			continue;
		found = true;
		if (path == NULL && (st = write_copy(bytes, len, &path,
		    err)) != ZC_OK) {
			free(exe);
			return st;
		}
		zc_buf_reset(out);
		st = convert(&converters[i], exe, path, out, err);
		free(exe);
		if (st == ZC_OK) {
			*tool = converters[i].name;
			break;
		}
		if (why.len > 0)
			zc_buf_puts(&why, "; ");
		zc_buf_puts(&why, err->msg);
	}
	if (path != NULL) {
		unlink(path);
		free(path);
	}
	if (st != ZC_OK && why.len > 0)
		/* what every converter tried said, not only the last */
		(void)zc_fail(err, st, "%s", why.data);
	zc_buf_free(&why);
	if (!found)
		return zc_fail(err, ZC_EBINARY, "needs antiword or catdoc");
	return st;
}
