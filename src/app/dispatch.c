/* dispatch.c — one request from start to finish (see app_handle in app.h).
 *
 * The order matters and is the security argument of the whole program:
 *   1. static assets are answered from memory, without a session;
 *   2. the session cookie is resolved to a user (timeouts applied);
 *   3. the route is found (404/405 otherwise);
 *   4. the route's access level is checked (the coarse gate);
 *   5. every POST passes the CSRF checks (Fetch Metadata, Origin, token);
 *   6. a POST runs inside one write transaction, rolled back if the handler
 *      fails or answers with an error status;
 *   7. the handler makes its object-level authz_check() first of all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/assets.h"
#include "../core/html.h"
#include "../core/xalloc.h"
#include "../store/store.h"
#include "app.h"
#include "authz.h"
#include "layout.h"
#include "router.h"
#include "security.h"
#include "session.h"

const struct membership *ctx_membership(const struct ctx *c, long long org_id)
{
	for (int i = 0; i < c->norgs; i++)
		if (c->orgs[i].org_id == org_id)
			return &c->orgs[i];
	return NULL;
}

void ctx_free(struct ctx *c)
{
	for (int i = 0; i < c->norgs; i++) {
		free(c->orgs[i].org_name);
		free(c->orgs[i].org_kind);
		free(c->orgs[i].role);
	}
	free(c->orgs);
	free(c->user_name);
	free(c->user_email);
	free(c->user_lang);
	memset(c, 0, sizeof *c);
}

/* Pick the UI language: explicit choice (cookie) > user setting > browser. */
static void dispatch_language(struct ctx *c)
{
	const char *cookie = kv_get(&c->req->cookies, "varde_lang");
	if (i18n_supported(cookie))
		c->lang = cookie;
	else if (i18n_supported(c->user_lang))
		c->lang = c->user_lang;
	else
		c->lang = i18n_negotiate(c->req->accept_language);
	c->cat = i18n_catalog(&c->app->i18n, c->lang);
}

/* The value the CSRF token is bound to: the session, or for a visitor who is
 * not signed in, a random pre-session cookie (set here when missing). */
static void dispatch_csrf_binding(struct ctx *c)
{
	if (c->user_id) {
		csrf_token(c->app->secret, c->sid_hash, c->csrf);
		return;
	}
	const char *pre = kv_get(&c->req->cookies, "varde_pre");
	if (pre && strlen(pre) == TOKEN_LEN) {
		snprintf(c->pre_token, sizeof c->pre_token, "%s", pre);
	} else {
		token_new(c->pre_token);
		char cookie[160];
		snprintf(cookie, sizeof cookie, "varde_pre=%s; Path=/; HttpOnly; SameSite=Lax%s", c->pre_token,
			 c->app->cfg.secure_cookies ? "; Secure" : "");
		resp_header(c->resp, "Set-Cookie", cookie);
	}
	csrf_token(c->app->secret, c->pre_token, c->csrf);
}

/* Reject cross-site state changes. Returns true if the request may proceed. */
static bool dispatch_csrf_ok(struct ctx *c)
{
	const char *site = c->req->sec_fetch_site;
	if (site && strcmp(site, "cross-site") == 0)
		return false;
	const char *origin = c->req->origin;
	if (origin && *origin && strcmp(origin, "null") != 0 && c->req->host) {
		const char *o = strstr(origin, "://");
		if (!o || strcmp(o + 3, c->req->host) != 0)
			return false;
	}
	const char *bound = c->user_id ? c->sid_hash : c->pre_token;
	return csrf_valid(c->app->secret, bound, kv_get(&c->req->form, "csrf"));
}

/* The coarse gate from the route table. Returns true if the handler may run;
 * otherwise the response is already set. */
static bool dispatch_access(struct ctx *c, const struct route *r)
{
	bool is_get = strcmp(r->method, "GET") == 0;
	switch (r->access) {
	case ACCESS_PUBLIC:
		return true;
	case ACCESS_ANON_ONLY:
		if (c->user_id) {
			resp_redirect(c->resp, "/dashboard");
			return false;
		}
		return true;
	case ACCESS_USER:
	case ACCESS_SITE_ADMIN:
		if (!c->user_id) {
			if (is_get) {
				struct buf loc = {0};
				buf_puts(&loc, "/login?next=");
				url_encode(&loc, c->req->path);
				resp_redirect(c->resp, buf_str(&loc));
				buf_free(&loc);
			} else {
				page_error(c, 403, _(c, "Your session has ended. Log in again and repeat what you did."));
			}
			return false;
		}
		if (r->access == ACCESS_SITE_ADMIN && authz_check(c, AZ_SITE_ADMIN, NULL) != AZ_ALLOW) {
			page_error(c, 404, _(c, "There is no page at this address."));
			return false;
		}
		return true;
	}
	return false;
}

/* Run the handler, inside a write transaction for state-changing routes. */
static void dispatch_run(struct ctx *c, const struct route *r)
{
	bool tx = strcmp(r->method, "POST") == 0 && !(r->flags & ROUTE_NOTX);
	if (tx && db_begin_write(c->db) != 0) {
		page_error(c, 503, _(c, "The database is busy. Please try again in a moment."));
		return;
	}
	r->handler(c);
	if (!tx)
		return;
	if (c->failed || c->resp->status >= 400) {
		db_rollback(c->db);
	} else if (db_commit(c->db) != 0) {
		kv_free(&c->resp->headers);
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
	}
}

static void dispatch_asset(const struct req *req, struct resp *resp)
{
	const struct asset *a = asset_by_url(req->path);
	if (a) {
		resp->status = 200;
		resp->asset = a;
		resp->content_type = a->type;
	} else {
		resp->status = 404;
		resp->content_type = "text/plain; charset=utf-8";
		buf_puts(&resp->body, "not found\n");
	}
}

void app_handle(const struct app *app, struct req *req, struct resp *resp)
{
	resp->status = 200;
	resp->no_store = true;
	if (strncmp(req->path, "/assets/", 8) == 0) {
		dispatch_asset(req, resp);
		return;
	}
	struct ctx c = {0};
	c.app = app;
	c.req = req;
	c.resp = resp;
	c.db = db_pool_acquire(app->pool);
	session_load(&c);
	dispatch_language(&c);
	dispatch_csrf_binding(&c);
	resp->user_id = c.user_id;

	const struct route *r = NULL;
	char allow[64];
	enum route_match m = router_match(req->method, req->path, &r, req->params, req->params_s, &req->nparams,
					  allow, sizeof allow);
	if (req->input_error == 413) {
		page_error(&c, 413, _(&c, "What you sent is larger than this page accepts. Shorten it and try again."));
	} else if (req->input_error) {
		page_error(&c, 400, _(&c, "What you sent could not be read. Text must be valid UTF-8 without "
					  "control characters. Nothing was saved."));
	} else if (m == ROUTE_NOT_FOUND) {
		page_error(&c, 404, _(&c, "There is no page at this address."));
	} else if (m == ROUTE_BAD_METHOD) {
		resp_header(resp, "Allow", allow);
		page_error(&c, 405, _(&c, "This address does not accept that kind of request."));
	} else {
		c.route = r;
		if (dispatch_access(&c, r)) {
			if (strcmp(r->method, "POST") == 0 && !(r->flags & ROUTE_NOCSRF) && !dispatch_csrf_ok(&c))
				page_error(&c, 403, _(&c, "The form had expired or came from another site. Go back, "
							   "reload the page and try again."));
			else
				dispatch_run(&c, r);
		}
	}
	if (db_in_transaction(c.db))
		db_rollback(c.db);
	db_pool_release(app->pool, c.db);
	ctx_free(&c);
}
