/* form_fields.c — rendering and checking forms built from template fields
 * (see form_fields.h). Moved here from page_tool.c when the registers came, so
 * both use one renderer. */
#include "form_fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/layout.h"
#include "../core/html.h"
#include "../core/parse.h"
#include "../core/pii.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "../store/store.h"

#define FT(t) field_text(c, env, &(t))

const char *field_text(struct ctx *c, const struct field_env *env, const struct tr *t)
{
	if (env->gettext)
		return t->s[0] ? _(c, t->s[0]) : "";
	return tr_text(env->m, t, env->L);
}

void item_index_load(struct ctx *c, long long project_id, struct item_index *ix, bool with_data)
{
	memset(ix, 0, sizeof *ix);
	struct db_stmt *s = store_items_of_project(c->db, project_id);
	int cap = 0;
	while (db_step(s) == DB_ROW) {
		if (ix->n == cap) {
			cap = cap ? cap * 2 : 64;
			ix->v = xrealloc(ix->v, (size_t)cap * sizeof *ix->v);
		}
		struct item_ref *r = &ix->v[ix->n++];
		r->id = db_col_int(s, 0);
		snprintf(r->reg, sizeof r->reg, "%s", db_col_text(s, 1) ? db_col_text(s, 1) : "");
		r->title = db_col_dup(s, 2);
		r->pii = db_col_text(s, 3) && *db_col_text(s, 3);
		r->tombstone = db_col_int(s, 6) != 0;
		r->updated_at = db_col_int(s, 5);
		r->data = with_data ? json_loads(db_col_text(s, 4) ? db_col_text(s, 4) : "{}", 0, NULL) : NULL;
	}
	db_reset(s);
}

void item_index_free(struct item_index *ix)
{
	for (int i = 0; i < ix->n; i++) {
		free(ix->v[i].title);
		json_decref(ix->v[i].data);
	}
	free(ix->v);
	memset(ix, 0, sizeof *ix);
}

const struct item_ref *item_index_find(const struct item_index *ix, long long id)
{
	for (int i = 0; ix && i < ix->n; i++)
		if (ix->v[i].id == id)
			return &ix->v[i];
	return NULL;
}

/* The choices of a link field: a checkbox (or radio button for a single
 * link) per live item of its register in the project. */
static void link_render(struct ctx *c, const struct field_env *env, const struct m_field *f, const char *name,
			const char *label_id, const struct kvlist *v, bool ro)
{
	struct buf *b = &c->resp->body;
	int shown = 0;
	html_printf(b, "<div class=\"varde-link-choices\" role=\"group\" aria-labelledby=\"%s\" id=\"%s\">", label_id, name);
	for (int i = 0; env->items && i < env->items->n; i++) {
		const struct item_ref *r = &env->items->v[i];
		if (strcmp(r->reg, f->reg ? f->reg : "") != 0)
			continue;
		char id[24];
		snprintf(id, sizeof id, "%lld", r->id);
		bool on = false;
		for (size_t k = 0; k < v->n; k++)
			on |= !strcmp(v->items[k].key, name) && !strcmp(v->items[k].val, id);
		/* A deleted (tombstone) item is offered only while it is linked, so
		 * saving the form keeps its place in the chain. */
		if (r->tombstone && !on)
			continue;
		const char *title = r->tombstone		  ? _(c, "(deleted when its retention period ended)")
				    : r->pii && !env->personal ? _(c, "(personal data hidden)")
				    : *r->title		  ? r->title
								  : _(c, "(untitled)");
		html_printf(b, "<span class=\"varde-option\"><input class=\"ds-input\" type=\"%s\" id=\"%s-%s\" name=\"%s\" value=\"%s\"%s%s>"
			       "<label for=\"%s-%s\">%s</label></span>",
			    f->multiple ? "checkbox" : "radio", name, id, name, id, on ? " checked" : "", ro ? " disabled" : "",
			    name, id, title);
		shown++;
	}
	if (shown && !f->multiple && !ro)
		html_printf(b, "<span class=\"varde-option\"><input class=\"ds-input\" type=\"radio\" id=\"%s-none\" name=\"%s\" value=\"\">"
			       "<label for=\"%s-none\">%s</label></span>",
			    name, name, name, _(c, "(none)"));
	if (!shown)
		html_printf(b, "<p class=\"ds-paragraph varde-help\">%s</p>", _(c, "There is nothing to link to yet in this register."));
	html_printf(b, "</div>");
	if (env->project_id && f->reg)
		html_printf(b, "<p class=\"ds-paragraph varde-help\"><a class=\"ds-link\" href=\"/projects/%lld/registers/%s\">%s</a></p>",
			    env->project_id, f->reg, _(c, "Open the register"));
}

/* Put a stored value into form values under name (numbers with a decimal
 * comma, arrays as repeated names). */
static void value_to_form(struct kvlist *out, const char *name, const struct m_field *f, const json_t *v)
{
	if (json_is_number(v)) {
		char num[64];
		double d = json_number_value(v);
		format_number_nb_auto(d, num, sizeof num);
		kv_add(out, name, num);
	} else if (json_is_string(v)) {
		kv_add(out, name, json_string_value(v));
	} else if (json_is_array(v) && f->type != FT_TABLE) {
		for (size_t i = 0; i < json_array_size(v); i++)
			if (json_is_string(json_array_get(v, i)))
				kv_add(out, name, json_string_value(json_array_get(v, i)));
	}
}

/* An entry as the form values that would produce it. */
void entry_to_form(const struct m_tool *t, const json_t *e, struct kvlist *out)
{
	char name[200];
	for (int i = 0; i < t->nfields; i++) {
		const struct m_field *f = &t->fields[i];
		const json_t *v = entry_field(e, f->key);
		if (!v)
			continue;
		snprintf(name, sizeof name, "f-%s", f->key);
		if (f->type != FT_TABLE) {
			value_to_form(out, name, f, v);
			continue;
		}
		size_t rows = json_array_size(v);
		char n[24];
		snprintf(n, sizeof n, "%zu", rows);
		snprintf(name, sizeof name, "t-%s-rows", f->key);
		kv_add(out, name, n);
		for (size_t r = 0; r < rows; r++)
			for (int k = 0; k < f->ncols; k++) {
				snprintf(name, sizeof name, "t-%s-%zu-%s", f->key, r, f->cols[k].key);
				value_to_form(out, name, &f->cols[k], json_object_get(json_array_get(v, r), f->cols[k].key));
			}
	}
	for (int i = 0; i < t->nchecklist; i++)
		if (entry_checked(e, t->checklist[i].key)) {
			snprintf(name, sizeof name, "c-%s", t->checklist[i].key);
			kv_add(out, name, "1");
		}
	for (int i = 0; i < t->nquestions; i++)
		if (entry_answer(e, t->questions[i].key)) {
			snprintf(name, sizeof name, "q-%s", t->questions[i].key);
			kv_add(out, name, entry_answer(e, t->questions[i].key));
		}
}

static bool form_has(const struct kvlist *v, const char *name, const char *value)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->items[i].key, name) == 0 && strcmp(v->items[i].val, value) == 0)
			return true;
	return false;
}

const char *entry_err_text(struct ctx *c, enum entry_err e)
{
	switch (e) {
	case EE_TOO_LONG: return _(c, "The text is too long.");
	case EE_NUMBER: return _(c, "Write a number, like 1 234,5 or 12.");
	case EE_DATE: return _(c, "Enter a date like 2026-11-22 or 22.11.2026.");
	case EE_CHOICE: return _(c, "Choose one of the options.");
	case EE_MEMBER: return _(c, "Choose a member of the project team.");
	case EE_TOO_MANY: return _(c, "A table can have at most 100 rows.");
	case EE_LINK: return _(c, "Choose from the items listed.");
	case EE_REQUIRED: return _(c, "Fill in this field.");
	case EE_OWNER: return _(c, "Choose a person in the organisation.");
	default: return "";
	}
}

const char *error_for(const struct entry_errors *errs, const char *name)
{
	for (int i = 0; errs && i < errs->n; i++)
		if (strcmp(errs->e[i].name, name) == 0)
			return (const char *)&errs->e[i];
	return NULL;
}

/* One control (no label) for a field or table cell. */
static void control_render(struct ctx *c, const struct field_env *env, const struct m_field *f, const char *name,
			   const char *label_id, const struct kvlist *v, const struct entry_errors *errs, bool ro)
{
	struct buf *b = &c->resp->body;
	const char *val = kv_get(v, name);
	const char *err = error_for(errs, name);
	const char *dis = ro ? " disabled" : "";
	char describe[256] = "";
	if (err)
		snprintf(describe, sizeof describe, " aria-invalid=\"true\" aria-describedby=\"%s-error\"", name);
	switch (f->type) {
	case FT_LONGTEXT:
		html_printf(b, "<textarea class=\"ds-input\" id=\"%s\" name=\"%s\" rows=\"5\"%s", name, name, dis);
		html_raw(b, describe); /* raw-ok: built above from our own attribute text and the field name */
		html_printf(b, ">%s</textarea>", val ? val : "");
		break;
	case FT_CHOICE:
	case FT_MEMBER:
		html_printf(b, "<select class=\"ds-input\" id=\"%s\" name=\"%s\"%s", name, name, dis);
		html_raw(b, describe); /* raw-ok: see above */
		html_printf(b, "><option value=\"\">%s</option>", _(c, "(not chosen)"));
		if (f->type == FT_CHOICE)
			for (int i = 0; i < f->nopts; i++)
				html_printf(b, "<option value=\"%s\"%s>%s</option>", f->opts[i].key,
					    val && !strcmp(val, f->opts[i].key) ? " selected" : "", FT(f->opts[i].text));
		else
			for (int i = 0; i < env->nteam; i++) {
				char id[24];
				snprintf(id, sizeof id, "%lld", env->team[i]);
				html_printf(b, "<option value=\"%s\"%s>%s</option>", id, val && !strcmp(val, id) ? " selected" : "",
					    env->team_names[i]);
			}
		html_printf(b, "</select>");
		break;
	case FT_SCALE:
	case FT_YESNO:
	case FT_MULTICHOICE: {
		html_printf(b, "<div class=\"varde-options-row\" role=\"group\" aria-labelledby=\"%s\">", label_id);
		int n = f->type == FT_YESNO ? 2 : f->nopts;
		for (int i = 0; i < n; i++) {
			const char *key = f->type == FT_YESNO ? (i ? "no" : "yes") : f->opts[i].key;
			const char *lab = f->type == FT_YESNO ? (i ? _(c, "No") : _(c, "Yes")) : FT(f->opts[i].text);
			html_printf(b, "<span class=\"varde-option\"><input class=\"ds-input\" type=\"%s\" id=\"%s-%s\" name=\"%s\" value=\"%s\"%s%s>"
				       "<label for=\"%s-%s\">%s</label></span>",
				    f->type == FT_MULTICHOICE ? "checkbox" : "radio", name, key, name, key,
				    form_has(v, name, key) ? " checked" : "", dis, name, key, lab);
		}
		html_printf(b, "</div>");
		break;
	}
	case FT_LINK:
		link_render(c, env, f, name, label_id, v, ro);
		break;
	default: {
		const char *type = f->type == FT_DATE ? "date" : "text";
		const char *mode = (f->type == FT_NUMBER || f->type == FT_MONEY || f->type == FT_PERCENT) ? " inputmode=\"decimal\"" : "";
		html_printf(b, "<input class=\"ds-input\" type=\"%s\" id=\"%s\" name=\"%s\" value=\"%s\"%s%s", type, name, name,
			    val ? val : "", mode, dis);
		html_raw(b, describe); /* raw-ok: see above */
		html_printf(b, ">");
	}
	}
	if (err)
		html_printf(b, "<div class=\"ds-validation-message\" id=\"%s-error\">%s</div>", name,
			    entry_err_text(c, ((const struct entry_error *)(const void *)err)->err));
}

void field_render(struct ctx *c, const struct field_env *env, const struct m_field *f, const struct kvlist *v,
			 const struct entry_errors *errs, bool ro)
{
	struct buf *b = &c->resp->body;
	char name[200], label_id[220];
	snprintf(name, sizeof name, "f-%s", f->key);
	snprintf(label_id, sizeof label_id, "l-%s", f->key);
	html_printf(b, "<div class=\"ds-field varde-tool-field\">");
	bool group = f->type == FT_SCALE || f->type == FT_YESNO || f->type == FT_MULTICHOICE || f->type == FT_TABLE ||
		     f->type == FT_LINK;
	if (group)
		html_printf(b, "<p class=\"ds-label\" id=\"%s\">%s%s</p>", label_id, FT(f->label),
			    f->required ? " *" : "");
	else
		html_printf(b, "<label class=\"ds-label\" id=\"%s\" for=\"%s\">%s%s%s%s</label>", label_id, name, FT(f->label),
			    f->type == FT_NUMBER ? " (" : "", f->type == FT_NUMBER ? FT(f->unit) : "",
			    f->type == FT_NUMBER ? ")" : f->required ? "" : "");
	if (f->help.s[0])
		html_printf(b, "<div class=\"ds-paragraph varde-help\" data-field=\"description\">%s</div>", FT(f->help));
	if (f->type != FT_TABLE) {
		control_render(c, env, f, name, label_id, v, errs, ro);
		html_printf(b, "</div>\n");
		return;
	}
	char rn[200];
	snprintf(rn, sizeof rn, "t-%s-rows", f->key);
	long long rows = 0;
	text_parse_ll(kv_get(v, rn), &rows);
	if (rows < 0 || rows > 100)
		rows = 0;
	long long show = ro ? rows : rows + 2;
	html_printf(b, "<div class=\"varde-table-wrap\"><table class=\"ds-table varde-edit-table\" aria-labelledby=\"%s\"><thead><tr>",
		    label_id);
	for (int k = 0; k < f->ncols; k++)
		html_printf(b, "<th scope=\"col\" id=\"h-%s-%s\">%s</th>", f->key, f->cols[k].key, FT(f->cols[k].label));
	html_printf(b, "</tr></thead><tbody>");
	for (long long r = 0; r < show; r++) {
		html_printf(b, "<tr>");
		for (int k = 0; k < f->ncols; k++) {
			char cell[200], lid[220];
			snprintf(cell, sizeof cell, "t-%s-%lld-%s", f->key, r, f->cols[k].key);
			snprintf(lid, sizeof lid, "h-%s-%s", f->key, f->cols[k].key);
			html_printf(b, "<td><span class=\"ds-sr-only\"><label for=\"%s\">%s %lld: %s</label></span>", cell,
				    _(c, "Row"), r + 1, FT(f->cols[k].label));
			control_render(c, env, &f->cols[k], cell, lid, v, errs, ro);
			html_printf(b, "</td>");
		}
		html_printf(b, "</tr>");
	}
	html_printf(b, "</tbody></table></div><input type=\"hidden\" name=\"%s\" value=\"%lld\">", rn, show);
	if (!ro)
		html_printf(b, "<p class=\"ds-paragraph varde-help\">%s</p>",
			    _(c, "Two empty rows are always offered; save to get more. Empty a row to remove it."));
	html_printf(b, "</div>\n");
}


void form_error_summary(struct ctx *c, const struct field_env *env, const struct entry_errors *errs)
{
	struct buf *b = &c->resp->body;
	if (!errs || !errs->n)
		return;
	html_printf(b, "<div class=\"ds-error-summary\" role=\"alert\" tabindex=\"-1\"><h2 class=\"ds-heading\" data-size=\"xs\">%s</h2><ul>",
		    _(c, "Please correct the following"));
	for (int i = 0; i < errs->n; i++)
		html_printf(b, "<li><a class=\"ds-link\" href=\"#%s\">%s%s%s</a></li>", errs->e[i].name,
			    errs->e[i].field ? FT(errs->e[i].field->label) : "", errs->e[i].field ? ": " : "",
			    entry_err_text(c, errs->e[i].err));
	html_printf(b, "</ul></div>");
}

/* Did the stored entry already link this field to id? */
static bool linked_before(const struct field_env *env, const struct m_field *f, long long id)
{
	const json_t *arr = env->previous ? entry_field(env->previous, f->key) : NULL;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		long long v = 0;
		if (text_parse_ll(json_string_value(json_array_get(arr, i)), &v) && v == id)
			return true;
	}
	return false;
}

/* Check one link field's values against the index. */
static int link_check(const struct field_env *env, const struct m_field *f, const json_t *arr, struct entry_errors *errs)
{
	int bad = 0;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		long long id = 0;
		const struct item_ref *r = text_parse_ll(json_string_value(json_array_get(arr, i)), &id)
						   ? item_index_find(env->items, id) : NULL;
		bad |= !r || strcmp(r->reg, f->reg ? f->reg : "") != 0 || (r->tombstone && !linked_before(env, f, id));
	}
	bad |= !f->multiple && json_array_size(arr) > 1;
	if (bad && errs->n < ENTRY_MAX_ERRORS) {
		snprintf(errs->e[errs->n].name, sizeof errs->e[0].name, "f-%s", f->key);
		errs->e[errs->n].field = f;
		errs->e[errs->n++].err = EE_LINK;
	}
	return bad;
}

int links_check(const struct field_env *env, const struct m_tool *t, const json_t *entry, struct entry_errors *errs)
{
	int n = 0;
	for (int i = 0; i < t->nfields; i++)
		if (t->fields[i].type == FT_LINK)
			n += link_check(env, &t->fields[i], entry_field(entry, t->fields[i].key), errs);
	return n;
}

int pii_note(struct ctx *c, struct buf *out, const char *text, const char *where, struct buf *kinds)
{
	struct pii_match m[8];
	size_t n = pii_scan(text, m, 8);
	for (size_t i = 0; i < n && i < 8; i++) {
		html_printf(out, "<li>%s – %s</li>", _(c, pii_kind_name(m[i].kind)), where);
		if (kinds && !strstr(buf_str(kinds), pii_kind_name(m[i].kind))) {
			/* Plain names like "email": escaping changes nothing. */
			html_printf(kinds, "%s%s", kinds->len ? "," : "", pii_kind_name(m[i].kind));
		}
	}
	return (int)n;
}

int fields_pii_scan(struct ctx *c, const struct field_env *env, const struct m_tool *t, const json_t *e, struct buf *out,
		    struct buf *kinds)
{
	int n = 0;
	for (int i = 0; i < t->nfields; i++) {
		const struct m_field *f = &t->fields[i];
		const json_t *v = entry_field(e, f->key);
		if (json_is_string(v) && (f->type == FT_TEXT || f->type == FT_LONGTEXT))
			n += pii_note(c, out, json_string_value(v), FT(f->label), kinds);
		for (size_t r = 0; f->type == FT_TABLE && r < json_array_size(v); r++)
			for (int k = 0; k < f->ncols; k++) {
				const json_t *cell = json_object_get(json_array_get(v, r), f->cols[k].key);
				if (json_is_string(cell))
					n += pii_note(c, out, json_string_value(cell), FT(f->cols[k].label), kinds);
			}
	}
	return n;
}

void pii_warning_render(struct ctx *c, const struct buf *findings)
{
	struct buf *b = &c->resp->body;
	if (!findings->len)
		return;
	html_printf(b, "<div class=\"ds-alert\" data-color=\"warning\" role=\"alert\" id=\"pii-warning\"><p class=\"ds-paragraph\">%s</p><ul>",
		    _(c, "This looks like personal data about someone. Notes about citizens should not identify them. "
			 "Remove it, or confirm that it must be here."));
	html_raw(b, buf_str(findings)); /* raw-ok: list items written with html_printf in pii_note */
	html_printf(b, "</ul><div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\" id=\"pii_ok\" name=\"pii_ok\" value=\"1\">"
		       "<label class=\"ds-label\" for=\"pii_ok\">%s</label></div></div>",
		    _(c, "I have checked it: the personal data must be here"));
}
