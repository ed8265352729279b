/* ctx.h — the application (read-only after start-up) and the per-request
 * context every page handler receives.
 *
 * A handler is `void page_x(struct ctx *c)`. It starts with its authorization
 * check (authz.h), reads c->req, reads and writes through store_*.h, and writes
 * c->resp (usually through layout.h). It never touches libmicrohttpd or SQL. */
#ifndef VARDE_CTX_H
#define VARDE_CTX_H
#include <stdbool.h>

#include "../core/i18n.h"
#include "../db/db.h"
#include "../http/req.h"
#include "config.h"

struct method_registry;

struct app {
	struct config cfg;
	struct i18n i18n;
	struct db_pool *pool;
	unsigned char secret[32];   /* server key for CSRF tokens; shared by all processes via the DB */
	struct method_registry *methods; /* owned; the one shared mutable cache (see registry.h) */
};

/* One organisation the user belongs to. */
struct membership {
	long long org_id;
	char *org_name;   /* owned */
	char *org_kind;   /* owned */
	char *role;       /* owned: "admin" or "member" */
};

struct route;

struct ctx {
	const struct app *app;
	struct db *db;              /* this request's connection (from the pool) */
	struct req *req;
	struct resp *resp;
	const struct i18n_catalog *cat;
	const char *lang;           /* "nb" or "en" */
	const struct route *route;

	/* The signed-in user; user_id == 0 for an anonymous visitor. */
	long long user_id;
	char *user_name, *user_email, *user_lang; /* owned */
	bool site_admin;
	char sid_hash[65];          /* hex SHA-256 of the session token */
	long long current_org;      /* the org chosen in the switcher, 0 if none */
	struct membership *orgs;    /* owned array */
	int norgs;

	char csrf[65];              /* the token forms must echo */
	char pre_token[48];         /* anonymous pre-session value, if any */
	bool failed;                /* roll back this request's transaction */
};

/* Translate a UI string for this request. */
#define _(c, s) i18n_lookup((c)->cat, (s))

/* The membership for org, or NULL. */
const struct membership *ctx_membership(const struct ctx *c, long long org_id);
void ctx_free(struct ctx *c);

#endif
