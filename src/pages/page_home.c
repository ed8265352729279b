/* page_home.c — the front page, the health check and the language switch. */
#include <stdio.h>
#include <string.h>

#include "../app/layout.h"
#include "../core/html.h"
#include "pages.h"

/* GET / — signed-in users go to their dashboard; visitors see what Varde is. */
void page_home(struct ctx *c)
{
	if (c->user_id) {
		resp_redirect(c->resp, "/dashboard");
		return;
	}
	struct buf *b = &c->resp->body;
	layout_begin(c, _(c, "Welcome"));
	html_printf(b, "<h1 class=\"ds-heading\" data-size=\"xl\">Varde</h1>\n");
	html_printf(b, "<p class=\"ds-paragraph\" data-size=\"lg\">%s</p>\n",
		    _(c, "Varde marks the trail through a service-innovation project: from the need, through insight, "
			 "ideas and tests, to a new practice whose benefits are measured for years."));
	html_printf(b, "<p class=\"ds-paragraph\">%s</p>\n",
		    _(c, "Municipal teams work through a methodology such as KS's Veikart for tjenesteinnovasjon, "
			 "and innovation networks follow many municipalities at once."));
	html_printf(b, "<p class=\"ds-paragraph\"><a class=\"ds-button\" data-variant=\"primary\" href=\"/login\">%s</a></p>\n",
		    _(c, "Log in"));
	layout_end(c);
}

/* GET /healthz — for load balancers: 200 when the database answers. */
void page_healthz(struct ctx *c)
{
	struct db_stmt *s = db_prepare(c->db, "SELECT 1");
	int ok = db_step(s) == DB_ROW;
	db_reset(s);
	c->resp->status = ok ? 200 : 503;
	c->resp->content_type = "text/plain; charset=utf-8";
	if (ok)
		buf_puts(&c->resp->body, "ok\n");
	else
		buf_puts(&c->resp->body, "database unavailable\n");
}

/* GET /lang/:token?next=/path — remember the chosen language in a cookie and
 * go back. Only a local path is accepted as next (no open redirect). */
void page_lang(struct ctx *c)
{
	const char *lang = c->req->params_s[0];
	const char *next = kv_get(&c->req->query, "next");
	if (!i18n_supported(lang)) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return;
	}
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strpbrk(next, "\r\n"))
		next = "/";
	char cookie[96];
	snprintf(cookie, sizeof cookie, "varde_lang=%s; Path=/; Max-Age=31536000; SameSite=Lax%s", lang,
		 c->app->cfg.secure_cookies ? "; Secure" : "");
	resp_header(c->resp, "Set-Cookie", cookie);
	resp_redirect(c->resp, next);
}
