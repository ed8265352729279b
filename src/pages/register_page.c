/* register_page.c — see register_page.h. */
#include "register_page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/layout.h"
#include "../core/html.h"
#include "../core/parse.h"
#include "../core/text.h"

int reg_page_load(struct ctx *c, enum authz_action action, struct reg_page *rp, bool with_data)
{
	return reg_page_load_as(c, c->req->params[0], action, false, rp, with_data);
}

int reg_page_load_as(struct ctx *c, long long project_id, enum authz_action action, bool benefit_owner, struct reg_page *rp,
		     bool with_data)
{
	memset(rp, 0, sizeof *rp);
	if (project_load_as(c, project_id, action, benefit_owner, &rp->pc) != 0)
		return -1;
	struct db_stmt *s = store_project_members(c->db, rp->pc.p.id);
	while (db_step(s) == DB_ROW && rp->nteam < REG_MAX_TEAM) {
		rp->team[rp->nteam] = db_col_int(s, 0);
		rp->team_names[rp->nteam++] = db_col_dup(s, 1);
	}
	db_reset(s);
	item_index_load(c, rp->pc.p.id, &rp->items, with_data);
	rp->personal = authz_check(c, AZ_PROJECT_PERSONAL, &rp->pc.facts) == AZ_ALLOW;
	rp->edit = authz_check(c, AZ_PROJECT_EDIT, &rp->pc.facts) == AZ_ALLOW;
	rp->env = (struct field_env){.gettext = true, .team = rp->team, .team_names = rp->team_names, .nteam = rp->nteam,
				     .items = &rp->items, .project_id = rp->pc.p.id, .personal = rp->personal};
	return 0;
}

/* A benefit's type: the built-in kinds, then the organisation's own. */
static void reg_page_fill_types(struct ctx *c, struct reg_page *rp, struct m_field *f)
{
	int n = 0;
	for (int i = 0; i < f->nopts && n < REG_MAX_TYPES; i++)
		rp->types[n++] = f->opts[i];
	struct db_stmt *s = store_org_benefit_types(c->db, rp->pc.p.org_id);
	while (db_step(s) == DB_ROW && n < REG_MAX_TYPES) {
		int k = rp->ntypes_own++;
		rp->type_keys[k] = db_col_dup(s, 0);
		rp->type_labels[k] = db_col_dup(s, 1);
		rp->types[n++] = (struct m_item){.key = rp->type_keys[k], .text = {.s = {rp->type_labels[k]}}};
	}
	db_reset(s);
	f->opts = rp->types;
	f->nopts = n;
}

/* Choice fields filled per project: "phase" gets the phases of the project's
 * methodology, in its language; a benefit's "type" the organisation's own
 * types as well. */
static void reg_page_fill_options(struct ctx *c, struct reg_page *rp, struct m_field *f)
{
	if (f->type == FT_CHOICE && !strcmp(rp->r->key, "benefit") && !strcmp(f->key, "type"))
		reg_page_fill_types(c, rp, f);
	if (f->type != FT_CHOICE || f->nopts || strcmp(f->key, "phase") != 0)
		return;
	const struct methodology *m = rp->pc.m;
	const char *L = method_has_lang(m, c->lang) ? c->lang : m->langs[0];
	int n = 0;
	for (int i = 0; i < m->nphases && n < REG_MAX_PHASES; i++, n++) {
		rp->phases[n].key = m->phases[i].key;
		rp->phases[n].text = (struct tr){.s = {tr_text(m, &m->phases[i].name, L)}};
	}
	f->opts = rp->phases;
	f->nopts = n;
}

int reg_page_use(struct ctx *c, struct reg_page *rp, const char *key)
{
	rp->r = register_find(key);
	if (!rp->r || rp->r->tool->nfields > REG_MAX_FIELDS) {
		page_error(c, 404, _(c, "There is no page at this address."));
		return -1;
	}
	rp->tool = *rp->r->tool;
	memcpy(rp->fields, rp->r->tool->fields, (size_t)rp->tool.nfields * sizeof rp->fields[0]);
	rp->tool.fields = rp->fields;
	for (int i = 0; i < rp->tool.nfields; i++)
		reg_page_fill_options(c, rp, &rp->fields[i]);
	return 0;
}

void reg_page_free(struct reg_page *rp)
{
	for (int i = 0; i < rp->nteam; i++)
		free(rp->team_names[i]);
	for (int i = 0; i < rp->ntypes_own; i++) {
		free(rp->type_keys[i]);
		free(rp->type_labels[i]);
	}
	item_index_free(&rp->items);
	project_ctx_free(&rp->pc);
}

const char *reg_title(struct ctx *c, const struct reg_page *rp, const struct item_ref *it)
{
	if (it->tombstone)
		return _(c, "(deleted when its retention period ended)");
	if (it->pii && !rp->personal)
		return _(c, "(personal data hidden)");
	return *it->title ? it->title : _(c, "(untitled)");
}

json_t *reg_entry_for_reader(struct ctx *c, const struct reg_page *rp, const struct reg_def *r, const json_t *entry, bool pii)
{
	if (pii && !rp->personal)
		return register_redact(r->tool, entry, _(c, "[hidden: personal data]"));
	return json_incref((json_t *)entry);
}

const char *reg_option_label(struct ctx *c, const struct m_field *f, const char *key)
{
	for (int i = 0; key && i < f->nopts; i++)
		if (strcmp(f->opts[i].key, key) == 0)
			return _(c, f->opts[i].text.s[0]);
	return key ? key : "";
}

/* Links as a list of links to the items (titles as this reader may see them). */
static void reg_links_render(struct ctx *c, const struct reg_page *rp, const json_t *v)
{
	struct buf *b = &c->resp->body;
	html_printf(b, "<ul class=\"varde-inline-list\">");
	for (size_t i = 0; i < json_array_size(v); i++) {
		long long id = 0;
		const struct item_ref *it =
			text_parse_ll(json_string_value(json_array_get(v, i)), &id) ? item_index_find(&rp->items, id) : NULL;
		if (it)
			html_printf(b, "<li><a class=\"ds-link\" href=\"/projects/%lld/items/%lld\">%s</a></li>", rp->pc.p.id, it->id,
				    reg_title(c, rp, it));
	}
	html_printf(b, "</ul>");
}

void reg_value_render(struct ctx *c, const struct reg_page *rp, const struct m_field *f, const json_t *v)
{
	struct buf *b = &c->resp->body;
	if (!v)
		return;
	switch (f->type) {
	case FT_LINK:
		reg_links_render(c, rp, v);
		return;
	case FT_CHOICE:
	case FT_SCALE:
		html_printf(b, "%s", reg_option_label(c, f, json_string_value(v)));
		return;
	case FT_YESNO:
		html_printf(b, "%s", !strcmp(json_string_value(v) ? json_string_value(v) : "", "yes") ? _(c, "Yes") : _(c, "No"));
		return;
	case FT_MEMBER: {
		long long id = 0;
		text_parse_ll(json_string_value(v), &id);
		for (int i = 0; i < rp->nteam; i++)
			if (rp->team[i] == id)
				html_printf(b, "%s", rp->team_names[i]);
		return;
	}
	case FT_DATE: {
		const char *d = json_string_value(v);
		if (d && strlen(d) == 10)
			html_printf(b, "<time datetime=\"%s\">%.2s.%.2s.%.4s</time>", d, d + 8, d + 5, d);
		return;
	}
	case FT_NUMBER:
	case FT_MONEY:
	case FT_PERCENT: {
		char num[64];
		format_number_nb_auto(json_number_value(v), num, sizeof num);
		html_printf(b, "%s", num);
		return;
	}
	case FT_LONGTEXT:
		html_printf(b, "<span class=\"varde-pre\">%s</span>", json_string_value(v) ? json_string_value(v) : "");
		return;
	default:
		html_printf(b, "%s", json_string_value(v) ? json_string_value(v) : "");
	}
}

void reg_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}
