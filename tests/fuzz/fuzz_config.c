/* fuzz_config.c — src/app/config.c: config_set with a fuzzed key and value,
 * and config_load_file on the input written to a temporary file.
 *
 * The input up to the first newline is the key, the rest the value. After any
 * call, successful or not, every setting must still be within its documented
 * range, every string NUL-terminated inside its array, and an error must come
 * with a message. */
#include <unistd.h>

#include "fuzz.h"

#include "app/config.h"

static char path[64];
static int fd = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* A file in memory (/dev/shm) when there is one: the file is rewritten for every input. */
	snprintf(path, sizeof path, "/dev/shm/varde-fuzz-config-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0) {
		snprintf(path, sizeof path, "/tmp/varde-fuzz-config-XXXXXX");
		fd = mkstemp(path);
	}
	if (fd < 0) {
		perror("fuzz_config: mkstemp");
		abort();
	}
	/* Unlinked at once (nothing is left behind after a crash) and read
	 * back through /proc/self/fd. */
	unlink(path);
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	return 0;
}

static void check_config(const struct config *c)
{
	FUZZ_CHECK(memchr(c->db_url, '\0', sizeof c->db_url), "db_url not terminated");
	FUZZ_CHECK(memchr(c->listen_addr, '\0', sizeof c->listen_addr), "listen_addr not terminated");
	FUZZ_CHECK(memchr(c->base_url, '\0', sizeof c->base_url), "base_url not terminated");
	FUZZ_CHECK(!strncmp(c->db_url, "sqlite:", 7) || !strncmp(c->db_url, "postgresql://", 13) ||
			   !strncmp(c->db_url, "postgres://", 11),
		   "db_url \"%s\"", c->db_url);
	FUZZ_CHECK(!c->base_url[0] || !strncmp(c->base_url, "http://", 7) || !strncmp(c->base_url, "https://", 8),
		   "base_url \"%s\"", c->base_url);
	FUZZ_CHECK(c->listen_port >= 1 && c->listen_port <= 65535, "listen_port %d", c->listen_port);
	FUZZ_CHECK(c->threads >= 1 && c->threads <= 256, "threads %d", c->threads);
	FUZZ_CHECK(c->session_idle_min >= 1 && c->session_idle_min <= 24 * 60, "session_idle_min %d",
		   c->session_idle_min);
	FUZZ_CHECK(c->session_max_hours >= 1 && c->session_max_hours <= 24 * 30, "session_max_hours %d",
		   c->session_max_hours);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	char err[600];

	char *key, *val;
	size_t klen, vlen;
	fuzz_split(data, size, '\n', &key, &klen, &val, &vlen);
	config_defaults(&c);
	err[0] = '\0';
	int rc = config_set(&c, key, val, err, sizeof err);
	FUZZ_CHECK(rc == 0 || rc == -1, "config_set returned %d", rc);
	FUZZ_CHECK(rc == 0 || err[0], "config_set failed without a message");
	check_config(&c);
	free(key);
	free(val);

	/* The whole input as a config file. */
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size) {
		perror("fuzz_config: writing the temporary file");
		abort();
	}
	config_defaults(&c);
	err[0] = '\0';
	rc = config_load_file(&c, path, err, sizeof err);
	FUZZ_CHECK(rc == 0 || rc == -1, "config_load_file returned %d", rc);
	FUZZ_CHECK(rc == 0 || strncmp(err, path, strlen(path)) == 0, "config_load_file: message \"%s\"", err);
	check_config(&c);
	return 0;
}
