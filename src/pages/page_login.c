/* page_login.c — log in, log out, and set a password from a one-time link.
 *
 * Login is throttled per account (10 failures in 15 minutes) and per client
 * address (100 in 15 minutes); the message never says whether the account
 * exists, and an unknown account costs the same argon2id work as a known one.
 * Password hashing runs outside any write transaction (route flag NOTX). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/layout.h"
#include "../app/security.h"
#include "../app/session.h"
#include "../core/html.h"
#include "../core/text.h"
#include "../store/store.h"
#include "pages.h"

enum { THROTTLE_WINDOW = 15 * 60, THROTTLE_ACCOUNT = 10, THROTTLE_CLIENT = 100 };

/* A safe place to go after login: a local path, else the dashboard. */
static const char *login_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strpbrk(next, "\r\n"))
		return "/dashboard";
	return next;
}

static void login_render(struct ctx *c, const char *email, const char *message, const struct form_errors *fe)
{
	struct buf *b = &c->resp->body;
	const char *next = kv_get(&c->req->query, "next");
	if (!next)
		next = kv_get(&c->req->form, "next");
	layout_begin(c, _(c, "Log in"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", _(c, "Log in to Varde"));
	if (kv_get(&c->req->query, "pwset"))
		ui_alert(c, "success", _(c, "Your password is set. You can log in now."));
	if (message)
		ui_alert(c, "danger", message);
	ui_error_summary(c, fe);
	html_printf(b, "<form method=\"post\" action=\"/login\" class=\"varde-form\" novalidate>");
	ui_csrf(c);
	html_printf(b, "<input type=\"hidden\" name=\"next\" value=\"%s\">", login_next(next));
	ui_input(c, &(struct ui_input){"email", _(c, "E-mail"), "email", email, "username", NULL, true, 254}, fe);
	ui_input(c, &(struct ui_input){"password", _(c, "Password"), "password", NULL, "current-password", NULL, true, 512},
		 fe);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>\n",
		    _(c, "Log in"));
	html_printf(b, "<p class=\"ds-paragraph\">%s</p>\n",
		    _(c, "Forgot your password? Ask your organisation's administrator for a new link."));
	layout_end(c);
}

/* GET /login */
void page_login_form(struct ctx *c)
{
	login_render(c, NULL, NULL, NULL);
}

/* Record a failed attempt for the account and the client address. */
static void login_record_failure(struct ctx *c, const char *acct_key, const char *ip_key, long long now)
{
	if (db_begin_write(c->db) != 0)
		return;
	if (store_throttle_fail(c->db, acct_key, now, THROTTLE_WINDOW) != STORE_OK ||
	    store_throttle_fail(c->db, ip_key, now, THROTTLE_WINDOW) != STORE_OK || db_commit(c->db) != 0)
		db_rollback(c->db);
}

/* POST /login */
void page_login_submit(struct ctx *c)
{
	char *email = text_trim_dup(kv_get(&c->req->form, "email") ? kv_get(&c->req->form, "email") : "");
	const char *pw = kv_get(&c->req->form, "password");
	text_ascii_lower(email);
	struct form_errors fe = {0};
	if (!*email)
		form_error(&fe, "email", _(c, "Enter your e-mail address."));
	if (!pw || !*pw)
		form_error(&fe, "password", _(c, "Enter your password."));
	if (fe.n) {
		c->resp->status = 400;
		login_render(c, email, NULL, &fe);
		free(email);
		return;
	}
	char acct_key[300], ip_key[100];
	snprintf(acct_key, sizeof acct_key, "acct:%s", email);
	snprintf(ip_key, sizeof ip_key, "ip:%s", c->req->client_ip);
	long long now = (long long)time(NULL);
	if (store_throttle_failures(c->db, acct_key, now, THROTTLE_WINDOW) >= THROTTLE_ACCOUNT ||
	    store_throttle_failures(c->db, ip_key, now, THROTTLE_WINDOW) >= THROTTLE_CLIENT) {
		c->resp->status = 429;
		resp_header(c->resp, "Retry-After", "900");
		login_render(c, email,
			     _(c, "Too many failed attempts. Wait 15 minutes and try again, or ask your administrator "
				  "for a new password link."),
			     NULL);
		free(email);
		return;
	}
	struct user u = {0};
	int found = store_user_by_email(c->db, email, &u) == STORE_OK && !u.disabled && u.password_hash;
	bool ok = password_verify(found ? u.password_hash : password_dummy_hash(), pw) && found;
	long long uid = u.id;
	user_free(&u);
	if (!ok) {
		login_record_failure(c, acct_key, ip_key, now);
		c->resp->status = 401;
		login_render(c, email, _(c, "The e-mail address or the password is wrong."), NULL);
		free(email);
		return;
	}
	free(email);
	if (db_begin_write(c->db) == 0) {
		store_throttle_clear(c->db, acct_key);
		if (db_commit(c->db) != 0)
			db_rollback(c->db);
	}
	if (session_start(c, uid) != 0) {
		page_error(c, 503, _(c, "The database is busy. Please try again in a moment."));
		return;
	}
	resp_redirect(c->resp, login_next(kv_get(&c->req->form, "next")));
}

/* POST /logout */
void page_logout(struct ctx *c)
{
	session_end(c);
	resp_redirect(c->resp, "/login");
}

/* Look up the user of a set-password token from the URL; 0 if invalid. */
static long long setpw_user(struct ctx *c, char hash[HASH_HEX + 1])
{
	const char *tok = c->req->params_s[0];
	long long uid = 0;
	if (!tok || strlen(tok) != TOKEN_LEN)
		return 0;
	token_hash(tok, hash);
	if (store_token_user(c->db, hash, "setpw", (long long)time(NULL), &uid) != STORE_OK)
		return 0;
	return uid;
}

static void setpw_render(struct ctx *c, const struct form_errors *fe)
{
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Choose a password"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", _(c, "Choose a password"));
	html_printf(b, "<p class=\"ds-paragraph\">%s</p>\n",
		    _(c, "Use at least 12 characters. A sentence of several words is easy to remember and hard to guess."));
	ui_error_summary(c, fe);
	html_printf(b, "<form method=\"post\" action=\"/set-password/%s\" class=\"varde-form\" novalidate>",
		    c->req->params_s[0]);
	ui_csrf(c);
	ui_input(c, &(struct ui_input){"password", _(c, "New password"), "password", NULL, "new-password", NULL, true, 512},
		 fe);
	ui_input(c, &(struct ui_input){"password2", _(c, "Repeat the new password"), "password", NULL, "new-password",
				       NULL, true, 512},
		 fe);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>\n",
		    _(c, "Save password"));
	layout_end(c);
}

/* GET /set-password/:token */
void page_setpw_form(struct ctx *c)
{
	char hash[HASH_HEX + 1];
	if (!setpw_user(c, hash)) {
		page_error(c, 404, _(c, "This link is not valid any more. It may have been used or have expired. "
				       "Ask your administrator for a new one."));
		return;
	}
	setpw_render(c, NULL);
}

/* The message for a password that breaks the policy, or NULL. */
const char *password_problem_text(struct ctx *c, enum password_problem p)
{
	switch (p) {
	case PW_OK: return NULL;
	case PW_TOO_SHORT: return _(c, "The password must have at least 12 characters.");
	case PW_TOO_LONG: return _(c, "The password can have at most 128 characters.");
	case PW_COMMON: return _(c, "This password is too common or too easy to guess. Choose another.");
	case PW_BAD_TEXT: return _(c, "The password contains characters that cannot be used.");
	}
	return NULL;
}

/* Check a new password typed twice ("password", "password2") against the
 * policy and hash it into hash. Problems are added to fe (nothing is hashed
 * then). Shared by the set-password and change-password forms. */
void password_form_check(struct ctx *c, const char *email, struct form_errors *fe, char hash[128])
{
	const char *pw = kv_get(&c->req->form, "password"), *pw2 = kv_get(&c->req->form, "password2");
	const char *problem = password_problem_text(c, password_check(pw ? pw : "", email));
	if (problem)
		form_error(fe, "password", problem);
	else if (!pw2 || strcmp(pw, pw2) != 0)
		form_error(fe, "password2", _(c, "The two passwords are not the same."));
	if (!fe->n && password_hash(pw, hash) != 0)
		form_error(fe, "password", _(c, "The password could not be saved. Please try again."));
}

/* POST /set-password/:token */
void page_setpw_submit(struct ctx *c)
{
	char hash[HASH_HEX + 1];
	long long uid = setpw_user(c, hash);
	if (!uid) {
		page_error(c, 404, _(c, "This link is not valid any more. It may have been used or have expired. "
				       "Ask your administrator for a new one."));
		return;
	}
	struct form_errors fe = {0};
	struct user u = {0};
	store_user_by_id(c->db, uid, &u);
	char newhash[128];
	password_form_check(c, u.email, &fe, newhash);
	user_free(&u);
	if (fe.n) {
		c->resp->status = 400;
		setpw_render(c, &fe);
		return;
	}
	long long again = 0;
	if (db_begin_write(c->db) != 0 ||
	    store_token_user(c->db, hash, "setpw", (long long)time(NULL), &again) != STORE_OK || again != uid ||
	    store_user_set_password(c->db, uid, newhash) != STORE_OK ||
	    store_token_use(c->db, hash, (long long)time(NULL)) != STORE_OK ||
	    store_session_delete_user(c->db, uid, NULL) != STORE_OK ||
	    store_audit(c->db, uid, "password-set", NULL, NULL) != STORE_OK || db_commit(c->db) != 0) {
		db_rollback(c->db);
		page_error(c, 409, _(c, "This link is not valid any more. It may have been used or have expired. "
				       "Ask your administrator for a new one."));
		return;
	}
	resp_redirect(c->resp, "/login?pwset=1");
}
