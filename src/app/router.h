/* router.h — the route table (src/routes.def) and matching.
 *
 * Adding a page is one new file in src/pages/ plus one ROUTE line in
 * src/routes.def. A route names its method, path pattern (":id" matches a
 * positive number, ":token" a URL-safe token), handler, who may reach it at
 * all (the coarse gate; object-level checks are in the handler via authz.h),
 * flags and the largest body it accepts. */
#ifndef VARDE_ROUTER_H
#define VARDE_ROUTER_H
#include <stddef.h>

struct ctx;
typedef void (*handler_fn)(struct ctx *c);

enum access {
	ACCESS_PUBLIC,      /* anyone, also without login */
	ACCESS_ANON_ONLY,   /* login pages: signed-in users are sent to the dashboard */
	ACCESS_USER,        /* any signed-in user */
	ACCESS_SITE_ADMIN,  /* the operator */
};

enum route_flags {
	ROUTE_NOTX = 1,     /* the handler manages its own transactions (e.g. login: no Argon2 inside a write lock) */
	ROUTE_NOCSRF = 2,   /* never set on a state-changing route; reserved for the health check */
};

struct route {
	const char *method;
	const char *pattern;
	handler_fn handler;
	const char *handler_name;
	enum access access;
	int flags;
	size_t body_limit;  /* bytes; 0 means no body accepted */
};

extern const struct route route_table[];
extern const size_t route_count;

enum route_match { ROUTE_FOUND, ROUTE_NOT_FOUND, ROUTE_BAD_METHOD };

/* Find the route for method and path. On ROUTE_FOUND *out is set and the
 * numeric/text parameters are stored in params/params_s (params_s strings
 * are malloc'd; the caller frees them). On ROUTE_BAD_METHOD, allow gets the
 * list of methods that would match ("GET, POST"). */
enum route_match router_match(const char *method, const char *path, const struct route **out,
			      long long params[4], char *params_s[4], int *nparams, char *allow, size_t allowlen);
/* The body limit for a request before it is routed (4 KiB if no route matches). */
size_t router_body_limit(const char *method, const char *path);

#endif
