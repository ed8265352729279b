/* config.c — see config.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "../core/xalloc.h"

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->db_url, sizeof c->db_url, "sqlite:var/varde.db");
	snprintf(c->listen_addr, sizeof c->listen_addr, "127.0.0.1");
	c->listen_port = 8080;
	c->threads = 4;
	c->session_idle_min = 30;
	c->session_max_hours = 12;
}

/* Parse "ADDR:PORT", ":PORT" or "PORT". */
static int config_listen(struct config *c, const char *v, char *err, size_t errlen)
{
	const char *colon = strrchr(v, ':');
	const char *port = colon ? colon + 1 : v;
	long long p;
	if (!text_parse_ll(port, &p) || p < 1 || p > 65535) {
		snprintf(err, errlen, "listen: \"%s\" is not ADDR:PORT with a port from 1 to 65535", v);
		return -1;
	}
	if (colon && colon > v) {
		size_t n = (size_t)(colon - v);
		if (n >= sizeof c->listen_addr) {
			snprintf(err, errlen, "listen: address too long");
			return -1;
		}
		memcpy(c->listen_addr, v, n);
		c->listen_addr[n] = '\0';
	}
	c->listen_port = (int)p;
	return 0;
}

static int config_int(const char *key, const char *v, int lo, int hi, int *out, char *err, size_t errlen)
{
	long long n;
	if (!text_parse_ll(v, &n) || n < lo || n > hi) {
		snprintf(err, errlen, "%s: \"%s\" must be a whole number from %d to %d", key, v, lo, hi);
		return -1;
	}
	*out = (int)n;
	return 0;
}

static int config_bool(const char *key, const char *v, bool *out, char *err, size_t errlen)
{
	if (!strcmp(v, "1") || !strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "on"))
		*out = true;
	else if (!strcmp(v, "0") || !strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "off"))
		*out = false;
	else {
		snprintf(err, errlen, "%s: \"%s\" must be true or false", key, v);
		return -1;
	}
	return 0;
}

int config_set(struct config *c, const char *key, const char *v, char *err, size_t errlen)
{
	if (!strcmp(key, "db")) {
		if (!*v || strlen(v) >= sizeof c->db_url) {
			snprintf(err, errlen, "db: must be sqlite:PATH or postgresql://…");
			return -1;
		}
		if (strncmp(v, "sqlite:", 7) && strncmp(v, "postgresql://", 13) && strncmp(v, "postgres://", 11)) {
			snprintf(err, errlen, "db: \"%s\" must start with sqlite: or postgresql://", v);
			return -1;
		}
		snprintf(c->db_url, sizeof c->db_url, "%s", v);
		return 0;
	}
	if (!strcmp(key, "listen"))
		return config_listen(c, v, err, errlen);
	if (!strcmp(key, "threads"))
		return config_int(key, v, 1, 256, &c->threads, err, errlen);
	if (!strcmp(key, "session-idle"))
		return config_int(key, v, 1, 24 * 60, &c->session_idle_min, err, errlen);
	if (!strcmp(key, "session-max"))
		return config_int(key, v, 1, 24 * 30, &c->session_max_hours, err, errlen);
	if (!strcmp(key, "secure-cookies"))
		return config_bool(key, v, &c->secure_cookies, err, errlen);
	if (!strcmp(key, "base-url")) {
		if (strncmp(v, "http://", 7) && strncmp(v, "https://", 8)) {
			snprintf(err, errlen, "base-url: \"%s\" must start with http:// or https://", v);
			return -1;
		}
		snprintf(c->base_url, sizeof c->base_url, "%s", v);
		return 0;
	}
	snprintf(err, errlen, "unknown setting \"%s\"", key);
	return -1;
}

int config_load_file(struct config *c, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "config: cannot read %s", path);
		return -1;
	}
	char line[2048];
	int lineno = 0, rc = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		/* A comment starts with '#' at the start of a line or after a
		 * blank; a '#' inside a value (a password in a database URL) stays. */
		const char *first = line + strspn(line, " \t");
		if (*first == '#')
			continue;
		for (char *h = line + 1; *h; h++)
			if (*h == '#' && (h[-1] == ' ' || h[-1] == '\t')) {
				*h = '\0';
				break;
			}
		char *eq = strchr(line, '=');
		char *t = text_trim_dup(line);
		int blank = !*t;
		free(t);
		if (blank)
			continue;
		if (!eq) {
			snprintf(err, errlen, "%s:%d: expected \"key = value\"", path, lineno);
			rc = -1;
			break;
		}
		*eq = '\0';
		char *k = text_trim_dup(line), *v = text_trim_dup(eq + 1), msg[512];
		if (config_set(c, k, v, msg, sizeof msg) != 0) {
			snprintf(err, errlen, "%s:%d: %s", path, lineno, msg);
			rc = -1;
		}
		free(k);
		free(v);
		if (rc)
			break;
	}
	fclose(f);
	return rc;
}

int config_from_env(struct config *c, char *err, size_t errlen)
{
	static const struct {
		const char *env, *key;
	} map[] = {
		{"VARDE_DB", "db"},
		{"VARDE_LISTEN", "listen"},
		{"VARDE_THREADS", "threads"},
		{"VARDE_SECURE_COOKIES", "secure-cookies"},
		{"VARDE_BASE_URL", "base-url"},
		{"VARDE_SESSION_IDLE", "session-idle"},
		{"VARDE_SESSION_MAX", "session-max"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		const char *v = getenv(map[i].env);
		char msg[512];
		if (v && config_set(c, map[i].key, v, msg, sizeof msg) != 0) {
			snprintf(err, errlen, "%s: %s", map[i].env, msg);
			return -1;
		}
	}
	return 0;
}
