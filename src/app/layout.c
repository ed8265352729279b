/* layout.c — see layout.h. */
#include "layout.h"

#include <stdio.h>
#include <string.h>

#include "../core/assets.h"
#include "../core/html.h"
#include "router.h"

static void layout_stylesheet(struct buf *b, const char *name)
{
	const struct asset *a = asset_find(name);
	if (a && a->url)
		html_printf(b, "<link rel=\"stylesheet\" href=\"%s\">\n", a->url);
}

/* The organisation switcher: a plain form, so it works without JavaScript. */
static void layout_org_switcher(struct ctx *c, struct buf *b)
{
	if (c->norgs == 0)
		return;
	html_printf(b, "<form class=\"varde-orgswitch\" method=\"post\" action=\"/org/switch\">");
	ui_csrf(c);
	html_printf(b, "<label class=\"ds-label\" for=\"org-switch\">%s</label>", _(c, "Organisation"));
	html_printf(b, "<select class=\"ds-input\" id=\"org-switch\" name=\"org\">");
	for (int i = 0; i < c->norgs; i++)
		html_printf(b, "<option value=\"%lld\"%s>%s</option>", c->orgs[i].org_id,
			    c->orgs[i].org_id == c->current_org ? " selected" : "", c->orgs[i].org_name);
	html_printf(b, "</select><button class=\"ds-button\" data-variant=\"secondary\" type=\"submit\">%s</button>",
		    _(c, "Switch"));
	html_printf(b, "</form>");
}

/* Language links: GET /lang/en?next=… sets a preference cookie and returns. */
static void layout_languages(struct ctx *c, struct buf *b)
{
	struct buf next = {0};
	url_encode(&next, c->req->path);
	html_printf(b, "<nav class=\"varde-lang\" aria-label=\"%s\"><ul>", _(c, "Language"));
	if (strcmp(c->lang, "nb") != 0)
		html_printf(b, "<li><a class=\"ds-link\" href=\"/lang/nb?next=%s\" lang=\"nb\" hreflang=\"nb\">Norsk (bokmål)</a></li>",
			    buf_str(&next));
	if (strcmp(c->lang, "en") != 0)
		html_printf(b, "<li><a class=\"ds-link\" href=\"/lang/en?next=%s\" lang=\"en\" hreflang=\"en\">English</a></li>",
			    buf_str(&next));
	html_printf(b, "</ul></nav>");
	buf_free(&next);
}

void layout_begin(struct ctx *c, const char *title)
{
	struct buf *b = &c->resp->body;
	c->resp->content_type = "text/html; charset=utf-8";
	html_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\" data-color-scheme=\"light\">\n<head>\n"
		       "<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       "<title>%s – Varde</title>\n",
		    c->lang, title);
	layout_stylesheet(b, "css/designsystemet.css");
	layout_stylesheet(b, "css/theme.css");
	layout_stylesheet(b, "css/varde.css");
	html_printf(b, "</head>\n<body>\n<a class=\"ds-skip-link\" href=\"#main\">%s</a>\n",
		    _(c, "Skip to main content"));
	html_printf(b, "<header class=\"varde-header\"><div class=\"varde-bar\">"
		       "<a class=\"varde-brand\" href=\"/\">Varde</a>");
	html_printf(b, "<nav class=\"varde-nav\" aria-label=\"%s\"><ul>", _(c, "Main menu"));
	html_printf(b, "<li><a class=\"ds-link\" href=\"/guide\">%s</a></li><li><a class=\"ds-link\" href=\"/cases\">%s</a></li>"
		       "<li><a class=\"ds-link\" href=\"/search\">%s</a></li>",
		    _(c, "Guide"), _(c, "Case library"), _(c, "Search"));
	if (c->user_id) {
		html_printf(b, "<li><a class=\"ds-link\" href=\"/dashboard\">%s</a></li><li><a class=\"ds-link\" href=\"/networks\">%s</a></li>",
			    _(c, "Dashboard"), _(c, "Networks"));
		html_printf(b, "<li><a class=\"ds-link\" href=\"/account\">%s</a></li>", _(c, "My account"));
		if (c->site_admin)
			html_printf(b, "<li><a class=\"ds-link\" href=\"/admin\">%s</a></li>", _(c, "Administration"));
	} else {
		html_printf(b, "<li><a class=\"ds-link\" href=\"/login\">%s</a></li>", _(c, "Log in"));
	}
	html_printf(b, "</ul></nav>");
	layout_languages(c, b);
	if (c->user_id) {
		layout_org_switcher(c, b);
		html_printf(b, "<form class=\"varde-logout\" method=\"post\" action=\"/logout\">");
		ui_csrf(c);
		html_printf(b, "<button class=\"ds-button\" data-variant=\"tertiary\" type=\"submit\">%s</button></form>",
			    _(c, "Log out"));
	}
	html_printf(b, "</div></header>\n<main id=\"main\" class=\"varde-main\" tabindex=\"-1\">\n");
}

void layout_end(struct ctx *c)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "</main>\n<footer class=\"varde-footer\"><p class=\"ds-paragraph\">%s</p></footer>\n"
		       "</body>\n</html>\n",
		    _(c, "Varde – a trail through service innovation in the public sector."));
}

void page_error(struct ctx *c, int status, const char *message)
{
	const char *title;
	switch (status) {
	case 400: title = _(c, "The request could not be understood"); break;
	case 403: title = _(c, "You do not have access"); break;
	case 404: title = _(c, "Page not found"); break;
	case 405: title = _(c, "Method not allowed"); break;
	case 413: title = _(c, "The request is too large"); break;
	case 429: title = _(c, "Too many attempts"); break;
	default: title = _(c, "Something went wrong"); break;
	}
	buf_reset(&c->resp->body);
	c->resp->status = status;
	c->failed = true;
	layout_begin(c, title);
	html_printf(&c->resp->body, "<h1 class=\"ds-heading\" data-size=\"lg\">%s</h1>\n<p class=\"ds-paragraph\">%s</p>\n",
		    title, message ? message : "");
	html_printf(&c->resp->body, "<p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"/\">%s</a></p>\n",
		    _(c, "Go to the front page"));
	layout_end(c);
}

void ui_csrf(struct ctx *c)
{
	html_printf(&c->resp->body, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", c->csrf);
}

void form_error(struct form_errors *fe, const char *field, const char *message)
{
	if (fe->n < (int)(sizeof fe->e / sizeof fe->e[0]) && !form_error_for(fe, field)) {
		fe->e[fe->n].field = field;
		fe->e[fe->n].message = message;
		fe->n++;
	}
}

const char *form_error_for(const struct form_errors *fe, const char *field)
{
	if (!fe)
		return NULL;
	for (int i = 0; i < fe->n; i++)
		if (strcmp(fe->e[i].field, field) == 0)
			return fe->e[i].message;
	return NULL;
}

void ui_error_summary(struct ctx *c, const struct form_errors *fe)
{
	if (!fe || fe->n == 0)
		return;
	struct buf *b = &c->resp->body;
	html_printf(b, "<div class=\"ds-error-summary\" role=\"alert\" tabindex=\"-1\" id=\"error-summary\">"
		       "<h2 class=\"ds-heading\" data-size=\"xs\">%s</h2><ul class=\"ds-list\">",
		    _(c, "Please correct the following"));
	for (int i = 0; i < fe->n; i++)
		html_printf(b, "<li><a class=\"ds-link\" href=\"#%s\">%s</a></li>", fe->e[i].field, fe->e[i].message);
	html_printf(b, "</ul></div>\n");
}

void ui_input(struct ctx *c, const struct ui_input *in, const struct form_errors *fe)
{
	struct buf *b = &c->resp->body;
	const char *err = form_error_for(fe, in->name);
	html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"%s\">%s</label>", in->name, in->label);
	if (in->help)
		html_printf(b, "<div class=\"ds-paragraph\" data-field=\"description\" id=\"%s-help\">%s</div>", in->name,
			    in->help);
	html_printf(b, "<input class=\"ds-input\" id=\"%s\" name=\"%s\" type=\"%s\"", in->name, in->name,
		    in->type ? in->type : "text");
	if (in->value && strcmp(in->type ? in->type : "text", "password") != 0)
		html_printf(b, " value=\"%s\"", in->value);
	if (in->autocomplete)
		html_printf(b, " autocomplete=\"%s\"", in->autocomplete);
	if (in->required)
		html_printf(b, " required");
	if (in->maxlength > 0)
		html_printf(b, " maxlength=\"%d\"", in->maxlength);
	if (err || in->help) {
		html_printf(b, " aria-describedby=\"");
		if (in->help)
			html_printf(b, "%s-help", in->name);
		if (err)
			html_printf(b, "%s%s-error", in->help ? " " : "", in->name);
		html_printf(b, "\"");
	}
	if (err)
		html_printf(b, " aria-invalid=\"true\"");
	html_printf(b, ">");
	if (err)
		html_printf(b, "<div class=\"ds-validation-message\" data-field=\"validation\" id=\"%s-error\">%s</div>",
			    in->name, err);
	html_printf(b, "</div>\n");
}

void ui_select(struct ctx *c, const char *name, const char *label, const struct ui_option *opts, int nopts,
	       const char *selected, const struct form_errors *fe)
{
	struct buf *b = &c->resp->body;
	const char *err = form_error_for(fe, name);
	html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"%s\">%s</label>", name, label);
	html_printf(b, "<select class=\"ds-input\" id=\"%s\" name=\"%s\"", name, name);
	if (err)
		html_printf(b, " aria-invalid=\"true\" aria-describedby=\"%s-error\"", name);
	html_printf(b, ">");
	for (int i = 0; i < nopts; i++)
		html_printf(b, "<option value=\"%s\"%s>%s</option>", opts[i].value,
			    selected && strcmp(selected, opts[i].value) == 0 ? " selected" : "", opts[i].label);
	html_printf(b, "</select>");
	if (err)
		html_printf(b, "<div class=\"ds-validation-message\" data-field=\"validation\" id=\"%s-error\">%s</div>",
			    name, err);
	html_printf(b, "</div>\n");
}

void ui_alert(struct ctx *c, const char *color, const char *message)
{
	html_printf(&c->resp->body, "<div class=\"ds-alert\" data-color=\"%s\" role=\"%s\"><p class=\"ds-paragraph\">%s</p></div>\n",
		    color, strcmp(color, "danger") == 0 ? "alert" : "status", message);
}

void ui_link(struct ctx *c, const char *href, const char *text)
{
	html_printf(&c->resp->body, "<a class=\"ds-link\" href=\"%s\">%s</a>", href, text);
}

void ui_textarea(struct ctx *c, const char *name, const char *label, const char *value, const char *help, int rows,
		 const char *error, bool disabled)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"%s\">%s</label>", name, label);
	if (help)
		html_printf(b, "<div class=\"ds-paragraph\" data-field=\"description\" id=\"%s-help\">%s</div>", name, help);
	html_printf(b, "<textarea class=\"ds-input\" id=\"%s\" name=\"%s\" rows=\"%d\"", name, name, rows);
	if (help || error) {
		html_printf(b, " aria-describedby=\"");
		if (help)
			html_printf(b, "%s-help", name);
		if (error)
			html_printf(b, "%s%s-error", help ? " " : "", name);
		html_printf(b, "\"");
	}
	if (error)
		html_printf(b, " aria-invalid=\"true\"");
	if (disabled)
		html_printf(b, " disabled");
	html_printf(b, ">%s</textarea>", value ? value : "");
	if (error)
		html_printf(b, "<div class=\"ds-validation-message\" data-field=\"validation\" id=\"%s-error\">%s</div>", name, error);
	html_printf(b, "</div>\n");
}
