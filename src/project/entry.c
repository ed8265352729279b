/* entry.c — see entry.h. */
#include "entry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/parse.h"
#include "../core/text.h"
#include "../core/xalloc.h"

enum { TEXT_MAX = 500, LONGTEXT_MAX = 20000 };

json_t *entry_new(void)
{
	return json_pack("{s:{},s:{},s:{}}", "fields", "checklist", "answers");
}

static void entry_error_add(struct entry_errors *errs, const char *name, const struct m_field *f, enum entry_err e)
{
	if (errs->n >= ENTRY_MAX_ERRORS)
		return;
	snprintf(errs->e[errs->n].name, sizeof errs->e[0].name, "%s", name);
	errs->e[errs->n].field = f;
	errs->e[errs->n].err = e;
	errs->n++;
}

static bool option_exists(const struct m_field *f, const char *v)
{
	for (int i = 0; i < f->nopts; i++)
		if (strcmp(f->opts[i].key, v) == 0)
			return true;
	return false;
}

/* Read one scalar value typed by the user; NULL (and maybe an error) if empty
 * or invalid. */
static json_t *entry_scalar(const struct m_field *f, const char *raw, const char *name, const long long *team,
			    int nteam, struct entry_errors *errs)
{
	char *v = text_trim_dup(raw ? raw : "");
	json_t *out = NULL;
	if (!*v) {
		free(v);
		return NULL;
	}
	switch (f->type) {
	case FT_TEXT:
	case FT_LONGTEXT:
		if (utf8_length(v) > (f->type == FT_TEXT ? TEXT_MAX : LONGTEXT_MAX))
			entry_error_add(errs, name, f, EE_TOO_LONG);
		else
			out = json_string(v);
		break;
	case FT_NUMBER:
	case FT_MONEY:
	case FT_PERCENT: {
		double d;
		if (parse_number(v, f->type == FT_PERCENT, &d))
			out = json_real(d);
		else
			entry_error_add(errs, name, f, EE_NUMBER);
		break;
	}
	case FT_DATE: {
		char iso[11];
		if (parse_date(v, iso))
			out = json_string(iso);
		else
			entry_error_add(errs, name, f, EE_DATE);
		break;
	}
	case FT_CHOICE:
	case FT_SCALE:
		if (option_exists(f, v))
			out = json_string(v);
		else
			entry_error_add(errs, name, f, EE_CHOICE);
		break;
	case FT_YESNO:
		if (!strcmp(v, "yes") || !strcmp(v, "no"))
			out = json_string(v);
		else
			entry_error_add(errs, name, f, EE_CHOICE);
		break;
	case FT_MEMBER: {
		long long id = 0;
		bool ok = text_parse_ll(v, &id);
		bool member = false;
		for (int i = 0; ok && i < nteam; i++)
			member |= team[i] == id;
		if (member)
			out = json_string(v);
		else
			entry_error_add(errs, name, f, EE_MEMBER);
		break;
	}
	default:
		break;
	}
	free(v);
	return out;
}

/* All values of a repeated form name. */
static json_t *entry_multi(const struct m_field *f, const struct kvlist *form, const char *name,
			   struct entry_errors *errs)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < form->n; i++) {
		if (strcmp(form->items[i].key, name) != 0 || !*form->items[i].val)
			continue;
		if (f->type == FT_MULTICHOICE && !option_exists(f, form->items[i].val)) {
			entry_error_add(errs, name, f, EE_CHOICE);
			continue;
		}
		json_array_append_new(arr, json_string(form->items[i].val));
	}
	if (json_array_size(arr) == 0) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}

/* A table: rows 0..t-KEY-rows-1; empty rows are dropped. */
static json_t *entry_table(const struct m_field *f, const struct kvlist *form, const long long *team, int nteam,
			   struct entry_errors *errs)
{
	char name[160];
	snprintf(name, sizeof name, "t-%s-rows", f->key);
	long long rows = 0;
	text_parse_ll(kv_get(form, name), &rows);
	if (rows < 0)
		rows = 0;
	if (rows > ENTRY_MAX_ROWS) {
		entry_error_add(errs, name, f, EE_TOO_MANY);
		rows = ENTRY_MAX_ROWS;
	}
	json_t *arr = json_array();
	for (long long r = 0; r < rows; r++) {
		json_t *row = json_object();
		for (int c = 0; c < f->ncols; c++) {
			const struct m_field *col = &f->cols[c];
			snprintf(name, sizeof name, "t-%s-%lld-%s", f->key, r, col->key);
			json_t *v = col->type == FT_MULTICHOICE || col->type == FT_LINK
					    ? entry_multi(col, form, name, errs)
					    : entry_scalar(col, kv_get(form, name), name, team, nteam, errs);
			if (v)
				json_object_set_new(row, col->key, v);
		}
		if (json_object_size(row))
			json_array_append_new(arr, row);
		else
			json_decref(row);
	}
	if (json_array_size(arr) == 0) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}

json_t *entry_from_form(const struct m_tool *t, const struct kvlist *form, const long long *team, int nteam,
			struct entry_errors *errs)
{
	json_t *e = entry_new();
	json_t *fields = json_object_get(e, "fields"), *checks = json_object_get(e, "checklist"),
	       *answers = json_object_get(e, "answers");
	char name[160];
	for (int i = 0; i < t->nfields; i++) {
		const struct m_field *f = &t->fields[i];
		snprintf(name, sizeof name, "f-%s", f->key);
		json_t *v;
		if (f->type == FT_TABLE)
			v = entry_table(f, form, team, nteam, errs);
		else if (f->type == FT_MULTICHOICE || f->type == FT_LINK)
			v = entry_multi(f, form, name, errs);
		else
			v = entry_scalar(f, kv_get(form, name), name, team, nteam, errs);
		if (v)
			json_object_set_new(fields, f->key, v);
	}
	for (int i = 0; i < t->nchecklist; i++) {
		snprintf(name, sizeof name, "c-%s", t->checklist[i].key);
		if (kv_get(form, name))
			json_object_set_new(checks, t->checklist[i].key, json_true());
	}
	for (int i = 0; i < t->nquestions; i++) {
		snprintf(name, sizeof name, "q-%s", t->questions[i].key);
		char *a = text_trim_dup(kv_get(form, name) ? kv_get(form, name) : "");
		if (*a && utf8_length(a) <= LONGTEXT_MAX)
			json_object_set_new(answers, t->questions[i].key, json_string(a));
		else if (*a)
			entry_error_add(errs, name, NULL, EE_TOO_LONG);
		free(a);
	}
	return e;
}

const json_t *entry_field(const json_t *entry, const char *key)
{
	return json_object_get(json_object_get(entry, "fields"), key);
}

bool entry_checked(const json_t *entry, const char *key)
{
	return json_is_true(json_object_get(json_object_get(entry, "checklist"), key));
}

const char *entry_answer(const json_t *entry, const char *key)
{
	return json_string_value(json_object_get(json_object_get(entry, "answers"), key));
}

void entry_progress_parts(const struct m_tool *t, const json_t *entry, int *fd, int *fa, int *cd, int *ca, int *ad,
			  int *aa)
{
	int required = 0;
	for (int i = 0; i < t->nfields; i++)
		required += t->fields[i].required && t->fields[i].type != FT_LINK;
	*fd = *fa = 0;
	for (int i = 0; i < t->nfields; i++) {
		const struct m_field *f = &t->fields[i];
		if (f->type == FT_LINK || (required && !f->required))
			continue;
		(*fa)++;
		*fd += entry_field(entry, f->key) != NULL;
	}
	*ca = t->nchecklist;
	*cd = 0;
	for (int i = 0; i < t->nchecklist; i++)
		*cd += entry_checked(entry, t->checklist[i].key);
	*aa = t->nquestions;
	*ad = 0;
	for (int i = 0; i < t->nquestions; i++)
		*ad += entry_answer(entry, t->questions[i].key) != NULL;
}

void entry_progress_totals(const struct m_tool *t, int *fa, int *ca, int *aa)
{
	int required = 0;
	for (int i = 0; i < t->nfields; i++)
		required += t->fields[i].required && t->fields[i].type != FT_LINK;
	*fa = 0;
	for (int i = 0; i < t->nfields; i++)
		*fa += t->fields[i].type != FT_LINK && (!required || t->fields[i].required);
	*ca = t->nchecklist;
	*aa = t->nquestions;
}

int entry_progress(const struct m_tool *t, const json_t *entry)
{
	int fd, fa, cd, ca, ad, aa;
	entry_progress_parts(t, entry, &fd, &fa, &cd, &ca, &ad, &aa);
	int all = fa + ca + aa;
	return all ? (100 * (fd + cd + ad) + all / 2) / all : 100;
}

static void diff_add(json_t *out, const char *prefix, const char *key)
{
	char k[160];
	snprintf(k, sizeof k, "%s:%s", prefix, key);
	json_array_append_new(out, json_string(k));
}

json_t *entry_diff(const struct m_tool *t, const json_t *a, const json_t *b)
{
	json_t *out = json_array();
	for (int i = 0; i < t->nfields; i++) {
		const json_t *x = entry_field(a, t->fields[i].key), *y = entry_field(b, t->fields[i].key);
		if (!(x == NULL && y == NULL) && !(x && y && json_equal((json_t *)x, (json_t *)y)))
			diff_add(out, "f", t->fields[i].key);
	}
	for (int i = 0; i < t->nchecklist; i++)
		if (entry_checked(a, t->checklist[i].key) != entry_checked(b, t->checklist[i].key))
			diff_add(out, "c", t->checklist[i].key);
	for (int i = 0; i < t->nquestions; i++) {
		const char *x = entry_answer(a, t->questions[i].key), *y = entry_answer(b, t->questions[i].key);
		if ((x || y) && !(x && y && strcmp(x, y) == 0))
			diff_add(out, "q", t->questions[i].key);
	}
	return out;
}

static const char *option_label(const struct methodology *m, const struct m_field *f, const char *key,
				const char *lang)
{
	for (int i = 0; i < f->nopts; i++)
		if (strcmp(f->opts[i].key, key) == 0)
			return tr_text(m, &f->opts[i].text, lang);
	return key;
}

char *entry_display(const struct methodology *m, const struct m_field *f, const json_t *v, const char *lang)
{
	struct buf b = {0};
	if (!v)
		return buf_detach(&b);
	if (json_is_number(v)) {
		char num[64];
		double d = json_number_value(v);
		format_number_nb_auto(d, num, sizeof num);
		buf_printf(&b, "%s%s", num, f->type == FT_PERCENT ? " %" : f->type == FT_MONEY ? " kr" : "");
	} else if (json_is_string(v)) {
		const char *s = json_string_value(v);
		buf_puts(&b, f->nopts ? option_label(m, f, s, lang) : s);
	} else if (json_is_array(v) && f->type == FT_TABLE) {
		buf_printf(&b, "%zu", json_array_size(v));
	} else if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++) {
			const char *s = json_string_value(json_array_get(v, i));
			buf_printf(&b, "%s%s", i ? ", " : "", s ? (f->nopts ? option_label(m, f, s, lang) : s) : "");
		}
	}
	return buf_detach(&b);
}
