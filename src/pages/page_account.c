/* page_account.c — the user's own settings: password, language, sessions. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../app/layout.h"
#include "../app/security.h"
#include "../core/html.h"
#include "../store/store.h"
#include "pages.h"

static void account_render(struct ctx *c, const struct form_errors *fe)
{
	struct buf *b = &c->resp->body;
	const char *done = kv_get(&c->req->query, "done");
	layout_begin(c, _(c, "My account"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n", _(c, "My account"));
	html_printf(b, "<p class=\"ds-paragraph\">%s: %s &lt;%s&gt;</p>\n", _(c, "Signed in as"), c->user_name,
		    c->user_email);
	if (done && strcmp(done, "password") == 0)
		ui_alert(c, "success", _(c, "Your password has been changed. Your other sessions were ended."));
	else if (done && strcmp(done, "language") == 0)
		ui_alert(c, "success", _(c, "Your language has been saved."));
	else if (done && strcmp(done, "sessions") == 0)
		ui_alert(c, "success", _(c, "Your other sessions were ended."));

	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "Change password"));
	ui_error_summary(c, fe);
	html_printf(b, "<form method=\"post\" action=\"/account/password\" class=\"varde-form\" novalidate>");
	ui_csrf(c);
	ui_input(c, &(struct ui_input){"current", _(c, "Current password"), "password", NULL, "current-password", NULL,
				       true, 512},
		 fe);
	ui_input(c, &(struct ui_input){"password", _(c, "New password"), "password", NULL, "new-password",
				       _(c, "At least 12 characters."), true, 512},
		 fe);
	ui_input(c, &(struct ui_input){"password2", _(c, "Repeat the new password"), "password", NULL, "new-password",
				       NULL, true, 512},
		 fe);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"primary\" type=\"submit\">%s</button></form>\n",
		    _(c, "Change password"));

	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "Language"));
	html_printf(b, "<form method=\"post\" action=\"/account/language\" class=\"varde-form\">");
	ui_csrf(c);
	const struct ui_option langs[] = {{"nb", "Norsk (bokmål)"}, {"en", "English"}};
	ui_select(c, "lang", _(c, "Language for Varde"), langs, 2, c->user_lang ? c->user_lang : c->lang, NULL);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>\n",
		    _(c, "Save language"));

	long long nsess = store_session_count_user(c->db, c->user_id);
	html_printf(b, "<h2 class=\"ds-heading\" data-size=\"md\">%s</h2>\n", _(c, "Sessions"));
	html_printf(b, "<p class=\"ds-paragraph\">%s: %lld</p>\n", _(c, "Active sessions, this one included"), nsess);
	html_printf(b, "<form method=\"post\" action=\"/account/sessions/end\">");
	ui_csrf(c);
	html_printf(b, "<button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button></form>\n",
		    _(c, "Log out all other sessions"));
	layout_end(c);
}

/* GET /account */
void page_account(struct ctx *c)
{
	account_render(c, NULL);
}

/* POST /account/password — needs the current password; ends other sessions. */
void page_account_password(struct ctx *c)
{
	const char *cur = kv_get(&c->req->form, "current");
	struct form_errors fe = {0};
	struct user u = {0};
	if (store_user_by_id(c->db, c->user_id, &u) != STORE_OK || !password_verify(u.password_hash, cur ? cur : ""))
		form_error(&fe, "current", _(c, "The current password is wrong."));
	char hash[128];
	password_form_check(c, u.email, &fe, hash);
	user_free(&u);
	if (fe.n) {
		c->resp->status = 400;
		account_render(c, &fe);
		return;
	}
	if (db_begin_write(c->db) != 0 || store_user_set_password(c->db, c->user_id, hash) != STORE_OK ||
	    store_session_delete_user(c->db, c->user_id, c->sid_hash) != STORE_OK ||
	    store_audit(c->db, c->user_id, "password-change", NULL, NULL) != STORE_OK || db_commit(c->db) != 0) {
		db_rollback(c->db);
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		return;
	}
	resp_redirect(c->resp, "/account?done=password");
}

/* POST /account/language */
void page_account_language(struct ctx *c)
{
	const char *lang = kv_get(&c->req->form, "lang");
	if (!i18n_supported(lang)) {
		page_error(c, 400, _(c, "Choose one of the languages in the list."));
		return;
	}
	if (store_user_set_lang(c->db, c->user_id, lang) != STORE_OK) {
		c->failed = true;
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		return;
	}
	/* The explicit choice also replaces any header-link choice (cookie). */
	char cookie[96];
	snprintf(cookie, sizeof cookie, "varde_lang=%s; Path=/; Max-Age=31536000; SameSite=Lax%s", lang,
		 c->app->cfg.secure_cookies ? "; Secure" : "");
	resp_header(c->resp, "Set-Cookie", cookie);
	resp_redirect(c->resp, "/account?done=language");
}

/* POST /account/sessions/end — log out everywhere else. */
void page_account_end_sessions(struct ctx *c)
{
	if (store_session_delete_user(c->db, c->user_id, c->sid_hash) != STORE_OK) {
		c->failed = true;
		page_error(c, 500, _(c, "Your change could not be saved. Nothing was changed; please try again."));
		return;
	}
	resp_redirect(c->resp, "/account?done=sessions");
}
