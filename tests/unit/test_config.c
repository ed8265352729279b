/* test_config.c — defaults, single settings and config files. */
#include "testlib.h"

#include <unistd.h>

#include "app/config.h"

/* The documented defaults. */
static void test_defaults(void **state)
{
	(void)state;
	struct config c;
	memset(&c, 0x5A, sizeof c);
	config_defaults(&c);
	assert_string_equal(c.db_url, "sqlite:var/varde.db");
	assert_string_equal(c.listen_addr, "127.0.0.1");
	assert_int_equal(c.listen_port, 8080);
	assert_int_equal(c.threads, 4);
	assert_false(c.secure_cookies);
	assert_string_equal(c.base_url, "");
	assert_int_equal(c.session_idle_min, 30);
	assert_int_equal(c.session_max_hours, 12);
	assert_false(c.quiet);
}

static int set(struct config *c, const char *key, const char *value, char *err)
{
	err[0] = '\0';
	return config_set(c, key, value, err, 256);
}

/* listen takes ADDR:PORT, :PORT or PORT; a bare port keeps the address. */
static void test_listen_good(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	config_defaults(&c);
	assert_int_equal(set(&c, "listen", "127.0.0.1:9000", err), 0);
	assert_string_equal(c.listen_addr, "127.0.0.1");
	assert_int_equal(c.listen_port, 9000);
	assert_int_equal(set(&c, "listen", "0.0.0.0:80", err), 0);
	assert_string_equal(c.listen_addr, "0.0.0.0");
	assert_int_equal(c.listen_port, 80);
	assert_int_equal(set(&c, "listen", ":9001", err), 0);
	assert_string_equal(c.listen_addr, "0.0.0.0");
	assert_int_equal(c.listen_port, 9001);
	assert_int_equal(set(&c, "listen", "9002", err), 0);
	assert_string_equal(c.listen_addr, "0.0.0.0");
	assert_int_equal(c.listen_port, 9002);
	assert_int_equal(set(&c, "listen", "localhost:1", err), 0);
	assert_string_equal(c.listen_addr, "localhost");
	assert_int_equal(c.listen_port, 1);
	assert_int_equal(set(&c, "listen", "::1:65535", err), 0);
	assert_string_equal(c.listen_addr, "::1");
	assert_int_equal(c.listen_port, 65535);
}

/* Ports outside 1–65535 or not a number are refused with a message naming
 * the setting, and the earlier value stays. */
static void test_listen_bad(void **state)
{
	(void)state;
	static const char *const bad[] = {"x:0", "x:70000", "x:65536", "x:-1", "x:", ":", "", "abc", "x:80a",
					  "x:8.0", "0", "99999999999999999999"};
	struct config c;
	char err[256];
	config_defaults(&c);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(set(&c, "listen", bad[i], err), -1);
		assert_non_null(strstr(err, "listen"));
		assert_int_equal(c.listen_port, 8080);
		assert_string_equal(c.listen_addr, "127.0.0.1");
	}
	/* An address that does not fit. */
	char longaddr[128];
	memset(longaddr, 'a', 100);
	memcpy(longaddr + 100, ":80", 4);
	assert_int_equal(set(&c, "listen", longaddr, err), -1);
	assert_non_null(strstr(err, "listen"));
	assert_string_equal(c.listen_addr, "127.0.0.1");
}

/* db accepts sqlite: and postgresql:// URLs only. */
static void test_db(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	config_defaults(&c);
	assert_int_equal(set(&c, "db", "sqlite:/x", err), 0);
	assert_string_equal(c.db_url, "sqlite:/x");
	assert_int_equal(set(&c, "db", "postgresql://varde@db.example.no/varde", err), 0);
	assert_string_equal(c.db_url, "postgresql://varde@db.example.no/varde");
	assert_int_equal(set(&c, "db", "postgres://h/d", err), 0);
	assert_string_equal(c.db_url, "postgres://h/d");

	assert_int_equal(set(&c, "db", "mysql://x", err), -1);
	assert_non_null(strstr(err, "db"));
	assert_non_null(strstr(err, "mysql://x"));
	assert_int_equal(set(&c, "db", "", err), -1);
	assert_int_equal(set(&c, "db", "/var/lib/varde.db", err), -1);
	assert_int_equal(set(&c, "db", "SQLITE:/x", err), -1);
	char huge[2000];
	memset(huge, 'a', sizeof huge - 1);
	memcpy(huge, "sqlite:", 7);
	huge[sizeof huge - 1] = '\0';
	assert_int_equal(set(&c, "db", huge, err), -1);
	assert_string_equal(c.db_url, "postgres://h/d");
}

/* threads is a whole number from 1 to 256. */
static void test_threads(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	config_defaults(&c);
	assert_int_equal(set(&c, "threads", "1", err), 0);
	assert_int_equal(c.threads, 1);
	assert_int_equal(set(&c, "threads", "256", err), 0);
	assert_int_equal(c.threads, 256);
	assert_int_equal(set(&c, "threads", "16", err), 0);
	assert_int_equal(c.threads, 16);
	static const char *const bad[] = {"0", "257", "-4", "four", "", "1.5", "8 threads", "4294967297"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(set(&c, "threads", bad[i], err), -1);
		assert_non_null(strstr(err, "threads"));
		assert_int_equal(c.threads, 16);
	}
}

/* Session lengths have their own ranges. */
static void test_session_limits(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	config_defaults(&c);
	assert_int_equal(set(&c, "session-idle", "1440", err), 0);
	assert_int_equal(c.session_idle_min, 1440);
	assert_int_equal(set(&c, "session-idle", "1441", err), -1);
	assert_int_equal(set(&c, "session-max", "720", err), 0);
	assert_int_equal(c.session_max_hours, 720);
	assert_int_equal(set(&c, "session-max", "0", err), -1);
	assert_non_null(strstr(err, "session-max"));
}

/* secure-cookies takes true/false and their usual synonyms, nothing else. */
static void test_secure_cookies(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	config_defaults(&c);
	static const char *const yes[] = {"true", "1", "yes", "on"};
	static const char *const no[] = {"false", "0", "no", "off"};
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(set(&c, "secure-cookies", yes[i], err), 0);
		assert_true(c.secure_cookies);
		assert_int_equal(set(&c, "secure-cookies", no[i], err), 0);
		assert_false(c.secure_cookies);
	}
	assert_int_equal(set(&c, "secure-cookies", "true", err), 0);
	static const char *const bad[] = {"maybe", "", "2", "TRUE ", "y"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(set(&c, "secure-cookies", bad[i], err), -1);
		assert_non_null(strstr(err, "secure-cookies"));
		assert_true(c.secure_cookies);
	}
}

/* base-url must be http(s). */
static void test_base_url(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	config_defaults(&c);
	assert_int_equal(set(&c, "base-url", "https://varde.example.no", err), 0);
	assert_string_equal(c.base_url, "https://varde.example.no");
	assert_int_equal(set(&c, "base-url", "ftp://x", err), -1);
	assert_non_null(strstr(err, "base-url"));
	assert_string_equal(c.base_url, "https://varde.example.no");
}

/* An unknown key is an error whose message names the key. */
static void test_unknown_key(void **state)
{
	(void)state;
	struct config c, before;
	char err[256];
	config_defaults(&c);
	before = c;
	assert_int_equal(set(&c, "lisen", "9000", err), -1);
	assert_non_null(strstr(err, "lisen"));
	assert_int_equal(set(&c, "Threads", "4", err), -1);
	assert_non_null(strstr(err, "Threads"));
	assert_int_equal(set(&c, "", "x", err), -1);
	assert_memory_equal(&c, &before, sizeof c);
}

/* Write text to a new temporary file; returns its path (static buffer). */
static const char *temp_file(const char *text)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/varde-config-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	size_t n = strlen(text);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
	return path;
}

/* A file with comments, blank lines and spacing around '=' applies every
 * setting. */
static void test_load_file(void **state)
{
	(void)state;
	const char *path = temp_file("# Varde configuration\n"
				     "\n"
				     "   \t\n"
				     "db = sqlite:/srv/varde/varde.db\n"
				     "listen=0.0.0.0:8443   # behind the proxy\n"
				     "\tthreads\t=\t8\t\n"
				     "secure-cookies = yes\n"
				     "# threads = 99\n"
				     "base-url = https://varde.example.no\n");
	struct config c;
	char err[256] = "";
	config_defaults(&c);
	int rc = config_load_file(&c, path, err, sizeof err);
	unlink(path);
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");
	assert_string_equal(c.db_url, "sqlite:/srv/varde/varde.db");
	assert_string_equal(c.listen_addr, "0.0.0.0");
	assert_int_equal(c.listen_port, 8443);
	assert_int_equal(c.threads, 8);
	assert_true(c.secure_cookies);
	assert_string_equal(c.base_url, "https://varde.example.no");
}

/* A bad value stops at its line with "FILE:LINE: message". */
static void test_load_file_bad_value(void **state)
{
	(void)state;
	const char *path = temp_file("# comment\n"
				     "\n"
				     "threads = 8\n"
				     "listen = x:70000\n"
				     "threads = 9\n");
	struct config c;
	char err[512] = "", want[128];
	config_defaults(&c);
	int rc = config_load_file(&c, path, err, sizeof err);
	unlink(path);
	assert_int_equal(rc, -1);
	snprintf(want, sizeof want, "%s:4: ", path);
	assert_memory_equal(err, want, strlen(want));
	assert_non_null(strstr(err, "listen"));
	assert_int_equal(c.threads, 8);  /* lines after the error are not applied */
}

/* A line without '=' and an unknown key are reported with their line numbers. */
static void test_load_file_bad_lines(void **state)
{
	(void)state;
	struct config c;
	char err[512], want[128];

	const char *path = temp_file("threads = 2\n# ok\njust some words\n");
	config_defaults(&c);
	int rc = config_load_file(&c, path, err, sizeof err);
	unlink(path);
	assert_int_equal(rc, -1);
	snprintf(want, sizeof want, "%s:3: ", path);
	assert_memory_equal(err, want, strlen(want));

	path = temp_file("\n\n\n\n\ncolour = blue\n");
	config_defaults(&c);
	rc = config_load_file(&c, path, err, sizeof err);
	unlink(path);
	assert_int_equal(rc, -1);
	snprintf(want, sizeof want, "%s:6: ", path);
	assert_memory_equal(err, want, strlen(want));
	assert_non_null(strstr(err, "colour"));
}

/* A missing file is an error that names the file. */
static void test_load_file_missing(void **state)
{
	(void)state;
	struct config c;
	char err[256] = "";
	config_defaults(&c);
	assert_int_equal(config_load_file(&c, "/nonexistent/varde.conf", err, sizeof err), -1);
	assert_non_null(strstr(err, "/nonexistent/varde.conf"));
}

/* Environment variables override, and a bad one names the variable. */
static void test_from_env(void **state)
{
	(void)state;
	struct config c;
	char err[256] = "";
	config_defaults(&c);
	static const char *const vars[] = {"VARDE_DB",       "VARDE_LISTEN",       "VARDE_THREADS",
					   "VARDE_SECURE_COOKIES", "VARDE_BASE_URL", "VARDE_SESSION_IDLE",
					   "VARDE_SESSION_MAX"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
		unsetenv(vars[i]);
	setenv("VARDE_LISTEN", ":7000", 1);
	setenv("VARDE_THREADS", "3", 1);
	assert_int_equal(config_from_env(&c, err, sizeof err), 0);
	assert_int_equal(c.listen_port, 7000);
	assert_int_equal(c.threads, 3);
	setenv("VARDE_THREADS", "999", 1);
	assert_int_equal(config_from_env(&c, err, sizeof err), -1);
	assert_non_null(strstr(err, "VARDE_THREADS"));
	unsetenv("VARDE_LISTEN");
	unsetenv("VARDE_THREADS");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_listen_good),
		cmocka_unit_test(test_listen_bad),
		cmocka_unit_test(test_db),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_session_limits),
		cmocka_unit_test(test_secure_cookies),
		cmocka_unit_test(test_base_url),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_load_file_bad_value),
		cmocka_unit_test(test_load_file_bad_lines),
		cmocka_unit_test(test_load_file_missing),
		cmocka_unit_test(test_from_env),
	};
	return RUN_TESTS(tests);
}
