/* router.c — the route table built from routes.def, and path matching. */
#include "router.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xalloc.h"
#include "../pages/pages.h"
#include "ctx.h"

#define ROUTE(m, p, h, a, f, l) {#m, p, h, #h, a, f, l},
const struct route route_table[] = {
#include "../routes.def"
};
#undef ROUTE
const size_t route_count = sizeof route_table / sizeof route_table[0];

/* Match one path against a pattern, segment by segment. */
static int router_path_matches(const char *pattern, const char *path, long long params[4], char *params_s[4],
			       int *n)
{
	const char *pp = pattern, *sp = path;
	*n = 0;
	while (*pp && *sp) {
		if (*pp == ':') {
			const char *pend = pp;
			while (*pend && *pend != '/')
				pend++;
			const char *send = sp;
			while (*send && *send != '/')
				send++;
			size_t len = (size_t)(send - sp);
			if (len == 0 || len > 128 || *n >= 4)
				return 0;
			int numeric = strncmp(pp, ":id", 3) == 0 && (pend - pp) == 3;
			for (const char *q = sp; q < send; q++) {
				char ch = *q;
				if (numeric ? !(ch >= '0' && ch <= '9')
					    : !((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
						(ch >= '0' && ch <= '9') || ch == '-' || ch == '_'))
					return 0;
			}
			if (numeric && (len > 15 || *sp == '0'))
				return 0;
			params[*n] = numeric ? strtoll(sp, NULL, 10) : 0;
			params_s[*n] = xstrndup(sp, len);
			(*n)++;
			pp = pend;
			sp = send;
			continue;
		}
		if (*pp != *sp)
			return 0;
		pp++;
		sp++;
	}
	return *pp == '\0' && *sp == '\0';
}

static void router_free_params(char *params_s[4], int n)
{
	for (int i = 0; i < n; i++) {
		free(params_s[i]);
		params_s[i] = NULL;
	}
}

enum route_match router_match(const char *method, const char *path, const struct route **out,
			      long long params[4], char *params_s[4], int *nparams, char *allow, size_t allowlen)
{
	int path_hit = 0;
	const char *m = strcmp(method, "HEAD") == 0 ? "GET" : method;
	if (allow && allowlen)
		allow[0] = '\0';
	for (size_t i = 0; i < route_count; i++) {
		int n = 0;
		if (!router_path_matches(route_table[i].pattern, path, params, params_s, &n)) {
			router_free_params(params_s, n);
			continue;
		}
		if (strcmp(route_table[i].method, m) == 0) {
			*out = &route_table[i];
			*nparams = n;
			return ROUTE_FOUND;
		}
		router_free_params(params_s, n);
		if (allow && strlen(allow) + 8 < allowlen) {
			if (path_hit)
				strcat(allow, ", ");
			strcat(allow, route_table[i].method);
		}
		path_hit = 1;
	}
	*nparams = 0;
	return path_hit ? ROUTE_BAD_METHOD : ROUTE_NOT_FOUND;
}

size_t router_body_limit(const char *method, const char *path)
{
	const struct route *r = NULL;
	long long p[4];
	char *ps[4] = {0};
	int n = 0;
	/* No such route: read a small body anyway, so the answer is 404/405 and
	 * not a misleading 413. */
	size_t limit = 4096;
	if (router_match(method, path, &r, p, ps, &n, NULL, 0) == ROUTE_FOUND)
		limit = r->body_limit;
	router_free_params(ps, n);
	return limit;
}
