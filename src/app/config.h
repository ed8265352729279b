/* config.h — settings, read once at start-up and then read-only.
 *
 * Precedence: command-line flag > environment (VARDE_*) > config file
 * (--config FILE or VARDE_CONFIG, lines "key = value", # comments) > default.
 * A bad value stops start-up with a message that names the setting. */
#ifndef VARDE_CONFIG_H
#define VARDE_CONFIG_H
#include <stdbool.h>
#include <stddef.h>

struct config {
	char db_url[1024];       /* db: sqlite:var/varde.db or postgresql://… */
	char listen_addr[64];    /* listen: 127.0.0.1 */
	int listen_port;         /* 8080 */
	int threads;             /* threads: HTTP worker threads (default 4) */
	bool secure_cookies;     /* secure-cookies: true when served over TLS (behind a proxy) */
	char base_url[256];      /* base-url: how users reach us, for links in CLI output */
	int session_idle_min;    /* session-idle: minutes (default 30) */
	int session_max_hours;   /* session-max: hours (default 12) */
	bool quiet;              /* log: no request log lines (tests of the CLI) */
};

/* Fill c with defaults. */
void config_defaults(struct config *c);
/* Apply one "key = value" setting. Returns 0, or -1 with a message. */
int config_set(struct config *c, const char *key, const char *value, char *err, size_t errlen);
/* Read a config file. 0, or -1 with "FILE:LINE: message". */
int config_load_file(struct config *c, const char *path, char *err, size_t errlen);
/* Apply VARDE_DB, VARDE_LISTEN, VARDE_THREADS, VARDE_SECURE_COOKIES, VARDE_BASE_URL,
 * VARDE_SESSION_IDLE, VARDE_SESSION_MAX. */
int config_from_env(struct config *c, char *err, size_t errlen);

#endif
