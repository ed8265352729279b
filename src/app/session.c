/* session.c — see session.h. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/xalloc.h"
#include "../store/store.h"
#include "security.h"

const char *session_cookie_name(const struct ctx *c)
{
	return c->app->cfg.secure_cookies ? "__Host-varde" : "varde_sid";
}

/* Load the user's memberships into c->orgs (one query). */
static void session_load_orgs(struct ctx *c)
{
	struct db_stmt *s = store_memberships_of_user(c->db, c->user_id);
	int cap = 0;
	while (db_step(s) == DB_ROW) {
		if (c->norgs == cap) {
			cap = cap ? cap * 2 : 4;
			c->orgs = xrealloc(c->orgs, (size_t)cap * sizeof *c->orgs);
		}
		struct membership *m = &c->orgs[c->norgs++];
		m->org_id = db_col_int(s, 0);
		m->org_name = db_col_dup(s, 1);
		m->org_kind = db_col_dup(s, 2);
		m->role = db_col_dup(s, 3);
	}
	db_reset(s);
}

void session_load(struct ctx *c)
{
	const char *tok = kv_get(&c->req->cookies, session_cookie_name(c));
	if (!tok || strlen(tok) != TOKEN_LEN)
		return;
	char hash[HASH_HEX + 1];
	token_hash(tok, hash);
	long long uid, created, seen, org;
	if (store_session_get(c->db, hash, &uid, &created, &seen, &org) != STORE_OK)
		return;
	long long now = (long long)time(NULL);
	if (now - seen > (long long)c->app->cfg.session_idle_min * 60 ||
	    now - created > (long long)c->app->cfg.session_max_hours * 3600) {
		store_session_delete(c->db, hash);
		return;
	}
	struct user u = {0};
	if (store_user_by_id(c->db, uid, &u) != STORE_OK || u.disabled) {
		user_free(&u);
		return;
	}
	if (now - seen >= 60)
		store_session_touch(c->db, hash, now);
	c->user_id = u.id;
	c->user_name = u.name;
	c->user_email = u.email;
	c->user_lang = u.lang;
	c->site_admin = u.site_admin;
	free(u.password_hash);
	memcpy(c->sid_hash, hash, sizeof hash);
	session_load_orgs(c);
	c->current_org = 0;
	for (int i = 0; i < c->norgs; i++)
		if (c->orgs[i].org_id == org)
			c->current_org = org;
	if (!c->current_org && c->norgs)
		c->current_org = c->orgs[0].org_id;
}

static void session_cookie(struct ctx *c, const char *value, int max_age)
{
	char cookie[256];
	snprintf(cookie, sizeof cookie, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s", session_cookie_name(c), value,
		 c->app->cfg.secure_cookies ? "; Secure" : "", max_age == 0 ? "; Max-Age=0" : "");
	resp_header(c->resp, "Set-Cookie", cookie);
}

int session_start(struct ctx *c, long long user_id)
{
	char tok[TOKEN_LEN + 1], hash[HASH_HEX + 1];
	token_new(tok);
	token_hash(tok, hash);
	if (db_begin_write(c->db) != 0)
		return -1;
	const char *old = kv_get(&c->req->cookies, session_cookie_name(c));
	if (old && strlen(old) == TOKEN_LEN) {
		char oldhash[HASH_HEX + 1];
		token_hash(old, oldhash);
		store_session_delete(c->db, oldhash);
	}
	if (store_session_create(c->db, hash, user_id, (long long)time(NULL), 0, c->req->client_ip) != STORE_OK ||
	    store_audit(c->db, user_id, "login", NULL, c->req->client_ip) != STORE_OK || db_commit(c->db) != 0) {
		db_rollback(c->db);
		return -1;
	}
	session_cookie(c, tok, -1);
	c->user_id = user_id;
	memcpy(c->sid_hash, hash, sizeof hash);
	return 0;
}

void session_end(struct ctx *c)
{
	if (c->user_id)
		store_session_delete(c->db, c->sid_hash);
	session_cookie(c, "", 0);
}
